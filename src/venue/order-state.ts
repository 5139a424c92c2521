// What an order is, as every gateway and consumer sees it: integers only (ticks, lots, quote units,
// the enums of src/engine/command.ts), turned into REST text, protobuf or FIX at each gateway's edge
// (src/gateway/spellings.ts). The OrderTracker (order-tracker.ts) produces these, once per durable
// command, and nothing else derives order state from the core's events.
//
// The shapes are plain data, copied per report, so that they can cross a thread boundary as they are
// (the next step moves gateways onto worker threads: a report is a message, not a view of a buffer).
import type { ResultCode } from '../domain/result-codes.js';
import type { OrderType, Side, TimeInForce } from '../engine/command.js';
import type { DoneReason } from '../engine/event.js';

export const OrderStatus = {
  NEW: 1,
  PARTIALLY_FILLED: 2,
  FILLED: 3,
  CANCELLED: 4,
  EXPIRED: 5,
  PENDING_TRIGGER: 6,
  REJECTED: 7,
} as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];

/** Why a report was sent: the FIX ExecType (150) vocabulary, which the other gateways share. */
export const ExecType = {
  NEW: 1,
  TRADE: 2,
  /** Price and/or quantity changed by the owner (FIX 5 "replaced"). */
  AMENDED: 3,
  /** Quantity reduced by the venue: a self-trade-prevention decrement (FIX D "restated"). */
  RESTATED: 4,
  CANCELLED: 5,
  EXPIRED: 6,
  /** A stop's trigger price traded: it now works as a market or limit order. */
  TRIGGERED: 7,
  REJECTED: 8,
} as const;
export type ExecType = (typeof ExecType)[keyof typeof ExecType];

/** An order's state after an event. */
export interface OrderFacts {
  readonly orderId: number;
  readonly accountId: number;
  readonly instrumentId: number;
  readonly clientOrderId: string | undefined;
  readonly side: Side;
  readonly orderType: OrderType;
  readonly timeInForce: TimeInForce;
  /** 0: no price (a market order, or a stop's market leg). */
  readonly priceTicks: number;
  readonly stopPriceTicks: number;
  readonly quantityLots: number;
  readonly displayLots: number;
  readonly filledLots: number;
  readonly leavesLots: number;
  /** Σ price ticks × lots of the fills this process saw (for the average price). */
  readonly notional: bigint;
  /** Whether `notional` covers every fill (false for fills before this process started). */
  readonly notionalComplete: boolean;
  readonly status: OrderStatus;
  /** Seq and time (ns, the sequencer's) of the command that last changed it. */
  readonly seq: number;
  readonly timestampNs: bigint;
}

/** One side of one trade, as the order's owner sees it. */
export interface FillFacts {
  readonly tradeId: number;
  readonly priceTicks: number;
  readonly lots: number;
  readonly maker: boolean;
  /** The fee in units of `feeAssetId` (the quote asset); negative is a rebate. */
  readonly feeUnits: number;
  readonly feeAssetId: number;
}

export interface OrderReport {
  readonly execType: ExecType;
  /** The order as this event left it. */
  readonly order: OrderFacts;
  /** Index of the event within its command's events: with the seq, a unique execution id. */
  readonly eventIndex: number;
  /** TRADE: the fill. */
  readonly fill: FillFacts | undefined;
  /** CANCELLED and EXPIRED: why it left the book. */
  readonly reason: DoneReason | undefined;
  /** REJECTED: the venue's code. */
  readonly code: ResultCode | undefined;
  /** RESTATED: the lots taken off by self-trade prevention. */
  readonly decrementLots: number;
}

export function isOpenStatus(status: OrderStatus): boolean {
  return status === OrderStatus.NEW || status === OrderStatus.PARTIALLY_FILLED || status === OrderStatus.PENDING_TRIGGER;
}
