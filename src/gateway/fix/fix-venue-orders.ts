// Orders the FIX gateway does not track (placed over REST or WebSocket), for OrderStatusRequest:
// from the venue's replica while open, from the history once closed (since start), and the
// ExecutionReport 150=I that answers with them.
import type { Instrument } from '../../domain/instrument.js';
import { lotsToQuantity, ticksToPrice } from '../../domain/units.js';
import { ResultCode, resultCodeText } from '../../domain/result-codes.js';
import type { FixField, FixMessage } from '../../fix/codec.js';
import { formatUtcTimestamp } from '../../fix/utc-time.js';
import type { History } from '../../marketdata/history.js';
import { OrderStatus } from '../../venue/order-state.js';
import type { Venue } from '../../venue/venue.js';
import { ORDER_STATUS, ORDER_TYPE, SIDE, TIME_IN_FORCE } from '../spellings.js';
import { averagePrice, fixOr } from './fix-orders.js';

/** An order the gateway does not track, as the venue's replica or history holds it. */
export interface VenueOrderStatus {
  readonly clientOrderId: string | undefined;
  readonly instrument: Instrument;
  /** Side (54), OrdType (40), TimeInForce (59), OrdStatus (39) as FIX values. */
  readonly side: string;
  readonly ordType: string;
  readonly timeInForce: string;
  readonly status: string;
  readonly quantityLots: number;
  readonly priceTicks: number;
  readonly cumLots: number;
  readonly leavesLots: number;
  /** Σ ticks × lots of its fills, when the account's recent fills hold all of them. */
  readonly notional: bigint | undefined;
}

export interface VenueOrderSource {
  readonly venue: Pick<Venue, 'replica'>;
  readonly instruments: readonly Instrument[];
  readonly history: History;
}

/** Σ ticks × lots of the order's fills, if the history still holds all `cumLots` of them. */
function notionalOfFills(history: History, accountId: number, orderId: number, cumLots: number): bigint | undefined {
  let lots = 0;
  let notional = 0n;
  for (const { fill } of history.fillsOf(accountId, orderId)) {
    lots += fill.lots;
    notional += BigInt(fill.priceTicks) * BigInt(fill.lots);
  }
  return lots === cumLots ? notional : undefined;
}

/** An account's order from the replica (open) or the history (closed since start). */
export function venueOrderStatus(source: VenueOrderSource, accountId: number, orderId: number): VenueOrderStatus | undefined {
  const replica = source.venue.replica;
  const open = replica.risk?.openOrder(orderId);
  if (open?.accountId === accountId) {
    const instrument = source.instruments.find((i) => i.id === open.instrumentId);
    const view = instrument === undefined ? undefined : replica.book(instrument.id).order(orderId);
    if (instrument === undefined || view === undefined) return undefined;
    return {
      // The core's (account, clientOrderId) table: what the order was placed with over any gateway.
      clientOrderId: replica.clientIds.ofOrder(orderId)?.clientOrderId,
      instrument,
      side: SIDE.fix(view.side),
      ordType: fixOr(ORDER_TYPE, view.orderType, '2'),
      timeInForce: fixOr(TIME_IN_FORCE, view.timeInForce, '1'),
      status: ORDER_STATUS.fix(view.filledLots > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW),
      quantityLots: view.quantityLots,
      priceTicks: view.priceTicks,
      cumLots: view.filledLots,
      leavesLots: view.remainingLots,
      notional: notionalOfFills(source.history, accountId, orderId, view.filledLots),
    };
  }
  const closed = source.history.closedOrder(accountId, orderId);
  const instrument = closed === undefined ? undefined : source.instruments.find((i) => i.id === closed.instrumentId);
  // Side 0: the tracker met the order only as it left the book (it predates this process) and
  // does not know what it was; not answered rather than answered wrong.
  if (closed === undefined || instrument === undefined || (closed.side as number) === 0) return undefined;
  return {
    clientOrderId: closed.clientOrderId,
    instrument,
    side: SIDE.fix(closed.side),
    ordType: fixOr(ORDER_TYPE, closed.orderType, '2'),
    timeInForce: fixOr(TIME_IN_FORCE, closed.timeInForce, '1'),
    status: ORDER_STATUS.fix(closed.status),
    quantityLots: closed.quantityLots,
    priceTicks: closed.priceTicks,
    cumLots: closed.filledLots,
    leavesLots: 0,
    notional: closed.notionalComplete ? closed.notional : notionalOfFills(source.history, accountId, orderId, closed.filledLots),
  };
}

/** ExecutionReport 150=I for an order of the account that this gateway does not track. */
export function venueOrderReport(known: VenueOrderStatus, orderIdText: string, clOrdId: string | undefined, execId: string, extra: readonly FixField[], nowMs: number): FixField[] {
  const instrument = known.instrument;
  const body: FixField[] = [
    [37, orderIdText],
    [11, known.clientOrderId ?? clOrdId ?? 'NONE'],
    [17, execId],
    [150, 'I'],
    [39, known.status],
    [55, instrument.symbol],
    [54, known.side],
    [38, lotsToQuantity(instrument, known.quantityLots)],
    [40, known.ordType],
  ];
  if (known.priceTicks > 0) body.push([44, ticksToPrice(instrument, known.priceTicks)]);
  body.push([59, known.timeInForce], ...extra, [151, lotsToQuantity(instrument, known.leavesLots)], [14, lotsToQuantity(instrument, known.cumLots)]);
  // AvgPx only when every fill's price is known.
  if (known.notional !== undefined) body.push([6, averagePrice(instrument, known.notional, known.cumLots)]);
  body.push([60, formatUtcTimestamp(nowMs)]);
  return body;
}

/** ExecutionReport 150=I 39=8 for a status request about no order of the account (103=5), or one it may not read (103=99). */
export function unknownOrderReport(message: FixMessage, execId: string, extra: readonly FixField[], refusal: string | undefined, nowMs: number): FixField[] {
  return [
    [37, message.get(37) ?? 'NONE'],
    [11, message.get(11) ?? 'NONE'],
    [17, execId],
    [150, 'I'],
    [39, '8'],
    [55, message.get(55) ?? ''],
    [54, message.get(54) ?? ''],
    [151, '0'],
    [14, '0'],
    [60, formatUtcTimestamp(nowMs)],
    ...extra,
    [58, refusal ?? resultCodeText(ResultCode.UNKNOWN_ORDER, 'no order of this account by this ClOrdID or OrderID')],
    [103, refusal === undefined ? '5' : '99'],
  ];
}
