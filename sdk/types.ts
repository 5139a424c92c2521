// The SDK's public shapes and their mapping to and from the wire (proto/kapita/v1/kapita.proto).
// Decimals stay strings, exactly as the venue writes them ("65000.00", "1.5000"), and the names of
// sides, types, statuses and time in force are those of the REST API.
import { type Envelope, type EnvelopeInput, type kapita, pb } from './protocol.js';

export type Side = 'buy' | 'sell';
export type OrderType = 'limit' | 'market' | 'stop' | 'stop_limit';
export type TimeInForce = 'GTC' | 'IOC' | 'FOK' | 'DAY';
export type SelfTradePrevention = 'account_default' | 'none' | 'cancel_newest' | 'cancel_oldest' | 'cancel_both' | 'decrement_and_cancel';
export type OrderStatus = 'new' | 'partially_filled' | 'filled' | 'cancelled' | 'expired' | 'pending_trigger' | 'rejected';
export type ExecType = 'new' | 'trade' | 'cancelled' | 'expired' | 'rejected' | 'amended' | 'triggered';
export type Liquidity = 'maker' | 'taker';
/** One price level: [price, quantity], as in REST's GET /v1/book. */
export type Level = [price: string, quantity: string];

/** The fields of REST's POST /v1/orders. */
export interface PlaceOrderRequest {
  readonly symbol: string;
  readonly side: Side;
  /** Default: limit. */
  readonly type?: OrderType;
  readonly price?: string;
  readonly quantity: string;
  /** Default: GTC for a limit order, IOC for a market order. */
  readonly timeInForce?: TimeInForce;
  readonly postOnly?: boolean;
  /** Makes the request idempotent per account. */
  readonly clientOrderId?: string;
  readonly stopPrice?: string;
  /** Iceberg: the quantity shown on the book. */
  readonly displayQuantity?: string;
  readonly selfTradePrevention?: SelfTradePrevention;
  /** Market buys: the most quote asset to spend. */
  readonly maxNotional?: string;
}

export interface AmendRequest {
  readonly price?: string;
  /** The new total quantity (FIX style). */
  readonly quantity?: string;
}

export interface Fill {
  readonly tradeId: number;
  readonly price: string;
  readonly quantity: string;
  readonly liquidity: Liquidity;
  /** Negative for a rebate. */
  readonly fee: string;
  readonly feeAsset: string;
}

/** The REST API's order: the answer to placeOrder and amendOrder. */
export interface Order {
  readonly orderId: number;
  readonly clientOrderId: string | undefined;
  readonly symbol: string;
  readonly side: Side;
  readonly type: OrderType;
  readonly timeInForce: TimeInForce;
  readonly price: string | undefined;
  readonly stopPrice: string | undefined;
  readonly quantity: string;
  readonly filledQuantity: string;
  readonly status: OrderStatus;
  /** The fills the order took as taker while it was placed (or amended). */
  readonly fills: readonly Fill[];
}

export interface CancelResult {
  readonly orderId: number;
  readonly status: OrderStatus;
}

/** One change to one of the account's orders (channel ORDERS). Fields that do not apply are undefined. */
export interface ExecutionReport {
  /** Counts this connection's reports from 1. */
  readonly seq: number;
  readonly orderId: number;
  readonly clientOrderId: string | undefined;
  readonly symbol: string;
  readonly side: Side | undefined;
  readonly execType: ExecType;
  readonly orderStatus: OrderStatus;
  /** The order's limit price and quantity (after an amend, the new ones). */
  readonly price: string | undefined;
  readonly quantity: string | undefined;
  /** execType 'trade': the trade's price, quantity, id, liquidity and fee. */
  readonly lastPrice: string | undefined;
  readonly lastQuantity: string | undefined;
  readonly tradeId: number | undefined;
  readonly liquidity: Liquidity | undefined;
  readonly fee: string | undefined;
  readonly feeAsset: string | undefined;
  readonly cumulativeQuantity: string | undefined;
  readonly leavesQuantity: string | undefined;
  /** execType 'rejected': the result code. */
  readonly rejectCode: number | undefined;
  readonly timeMs: number;
}

/** One trade on an instrument (channel TRADES). */
export interface Trade {
  readonly symbol: string;
  readonly tradeId: number;
  readonly price: string;
  readonly quantity: string;
  /** The aggressor's side. */
  readonly side: Side;
  readonly seq: number;
  readonly timeMs: number;
}

/** Best bid and offer after the command seq (channel L1); undefined for an empty side. */
export interface TopOfBook {
  readonly symbol: string;
  readonly seq: number;
  readonly bid: Level | undefined;
  readonly ask: Level | undefined;
  readonly timeMs: number;
}

/** One L2 change: the level's new total quantity; a zero quantity removes the level. */
export interface LevelChange {
  readonly side: Side;
  readonly price: string;
  readonly quantity: string;
}

export interface BookSnapshot {
  readonly seq: number;
  /** Best first. */
  readonly bids: readonly Level[];
  readonly asks: readonly Level[];
}

export interface BookUpdate {
  readonly seq: number;
  /** The seq of the previous update (or snapshot) of this instrument's book. */
  readonly prevSeq: number;
  readonly changes: readonly LevelChange[];
}

// ---- wire mapping ----

const SIDE_OUT: Readonly<Record<Side, kapita.v1.Side>> = { buy: pb.Side.SIDE_BUY, sell: pb.Side.SIDE_SELL };
const TYPE_OUT: Readonly<Record<OrderType, kapita.v1.OrderType>> = { limit: pb.OrderType.ORDER_TYPE_LIMIT, market: pb.OrderType.ORDER_TYPE_MARKET, stop: pb.OrderType.ORDER_TYPE_STOP, stop_limit: pb.OrderType.ORDER_TYPE_STOP_LIMIT };
const TIF_OUT: Readonly<Record<TimeInForce, kapita.v1.TimeInForce>> = { GTC: pb.TimeInForce.TIME_IN_FORCE_GTC, IOC: pb.TimeInForce.TIME_IN_FORCE_IOC, FOK: pb.TimeInForce.TIME_IN_FORCE_FOK, DAY: pb.TimeInForce.TIME_IN_FORCE_DAY };
const STP_OUT: Readonly<Record<SelfTradePrevention, kapita.v1.SelfTradePrevention>> = {
  account_default: pb.SelfTradePrevention.SELF_TRADE_PREVENTION_UNSPECIFIED,
  none: pb.SelfTradePrevention.SELF_TRADE_PREVENTION_NONE,
  cancel_newest: pb.SelfTradePrevention.SELF_TRADE_PREVENTION_CANCEL_NEWEST,
  cancel_oldest: pb.SelfTradePrevention.SELF_TRADE_PREVENTION_CANCEL_OLDEST,
  cancel_both: pb.SelfTradePrevention.SELF_TRADE_PREVENTION_CANCEL_BOTH,
  decrement_and_cancel: pb.SelfTradePrevention.SELF_TRADE_PREVENTION_DECREMENT_AND_CANCEL,
};

const SIDE_IN: Readonly<Record<number, Side>> = { [pb.Side.SIDE_BUY]: 'buy', [pb.Side.SIDE_SELL]: 'sell' };
const TYPE_IN: Readonly<Record<number, OrderType>> = { [pb.OrderType.ORDER_TYPE_UNSPECIFIED]: 'limit', [pb.OrderType.ORDER_TYPE_LIMIT]: 'limit', [pb.OrderType.ORDER_TYPE_MARKET]: 'market', [pb.OrderType.ORDER_TYPE_STOP]: 'stop', [pb.OrderType.ORDER_TYPE_STOP_LIMIT]: 'stop_limit' };
const TIF_IN: Readonly<Record<number, TimeInForce>> = { [pb.TimeInForce.TIME_IN_FORCE_GTC]: 'GTC', [pb.TimeInForce.TIME_IN_FORCE_IOC]: 'IOC', [pb.TimeInForce.TIME_IN_FORCE_FOK]: 'FOK', [pb.TimeInForce.TIME_IN_FORCE_DAY]: 'DAY' };
const STATUS_IN: Readonly<Record<number, OrderStatus>> = {
  [pb.OrderStatus.ORDER_STATUS_NEW]: 'new',
  [pb.OrderStatus.ORDER_STATUS_PARTIALLY_FILLED]: 'partially_filled',
  [pb.OrderStatus.ORDER_STATUS_FILLED]: 'filled',
  [pb.OrderStatus.ORDER_STATUS_CANCELED]: 'cancelled',
  [pb.OrderStatus.ORDER_STATUS_EXPIRED]: 'expired',
  [pb.OrderStatus.ORDER_STATUS_PENDING_TRIGGER]: 'pending_trigger',
  [pb.OrderStatus.ORDER_STATUS_REJECTED]: 'rejected',
};
const EXEC_IN: Readonly<Record<number, ExecType>> = {
  [pb.ExecType.EXEC_TYPE_NEW]: 'new',
  [pb.ExecType.EXEC_TYPE_TRADE]: 'trade',
  [pb.ExecType.EXEC_TYPE_CANCELED]: 'cancelled',
  [pb.ExecType.EXEC_TYPE_EXPIRED]: 'expired',
  [pb.ExecType.EXEC_TYPE_REJECTED]: 'rejected',
  [pb.ExecType.EXEC_TYPE_AMENDED]: 'amended',
  [pb.ExecType.EXEC_TYPE_TRIGGERED]: 'triggered',
};
const LIQUIDITY_IN: Readonly<Record<number, Liquidity>> = { [pb.Liquidity.LIQUIDITY_MAKER]: 'maker', [pb.Liquidity.LIQUIDITY_TAKER]: 'taker' };

/** A message whose value the wire may omit: the proto3 default ('' or 0) reads as undefined. */
function text(value: string | null | undefined): string | undefined {
  return value === null || value === undefined || value === '' ? undefined : value;
}

/**
 * A 64-bit field as a number. Decoded values are numbers, except that a field the frame left out
 * (proto3 zero) reads the generated class's prototype default, which is a Long object (0): those
 * defaults were built before src/protocol/wire.ts turned Long off. Number() takes both.
 */
export function num(value: unknown): number {
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? n : 0;
}

function known<T>(table: Readonly<Record<number, T>>, value: number | null | undefined, what: string): T {
  const mapped = table[value ?? 0];
  if (mapped === undefined) throw new Error(`unknown ${what} ${value ?? 0} from the venue`);
  return mapped;
}

export function placeOrderMessage(order: PlaceOrderRequest): NonNullable<EnvelopeInput['placeOrder']> {
  const message: NonNullable<EnvelopeInput['placeOrder']> = { symbol: order.symbol, side: SIDE_OUT[order.side], quantity: order.quantity };
  if (order.type !== undefined) message.type = TYPE_OUT[order.type];
  if (order.price !== undefined) message.price = order.price;
  if (order.timeInForce !== undefined) message.timeInForce = TIF_OUT[order.timeInForce];
  if (order.postOnly !== undefined) message.postOnly = order.postOnly;
  if (order.clientOrderId !== undefined) message.clientOrderId = order.clientOrderId;
  if (order.stopPrice !== undefined) message.stopPrice = order.stopPrice;
  if (order.displayQuantity !== undefined) message.displayQuantity = order.displayQuantity;
  if (order.selfTradePrevention !== undefined) message.selfTradePrevention = STP_OUT[order.selfTradePrevention];
  if (order.maxNotional !== undefined) message.maxNotional = order.maxNotional;
  return message;
}

export function sideOut(side: Side): kapita.v1.Side {
  return SIDE_OUT[side];
}

export function orderFrom(o: kapita.v1.OrderResponse.$Properties): Order {
  return {
    orderId: num(o.orderId),
    clientOrderId: text(o.clientOrderId),
    symbol: o.symbol ?? '',
    side: known(SIDE_IN, o.side, 'side'),
    type: known(TYPE_IN, o.type, 'order type'),
    timeInForce: known(TIF_IN, o.timeInForce, 'time in force'),
    price: text(o.price),
    stopPrice: text(o.stopPrice),
    quantity: o.quantity ?? '',
    filledQuantity: o.filledQuantity ?? '',
    status: known(STATUS_IN, o.status, 'order status'),
    fills: (o.fills ?? []).map((f) => ({ tradeId: num(f.tradeId), price: f.price ?? '', quantity: f.quantity ?? '', liquidity: known(LIQUIDITY_IN, f.liquidity, 'liquidity'), fee: f.fee ?? '', feeAsset: f.feeAsset ?? '' })),
  };
}

export function cancelFrom(c: kapita.v1.CancelResponse.$Properties): CancelResult {
  return { orderId: num(c.orderId), status: known(STATUS_IN, c.status, 'order status') };
}

export function reportFrom(r: kapita.v1.ExecutionReport.$Properties): ExecutionReport {
  const tradeId = num(r.tradeId);
  const rejectCode = num(r.rejectCode);
  return {
    seq: num(r.seq),
    orderId: num(r.orderId),
    clientOrderId: text(r.clientOrderId),
    symbol: r.symbol ?? '',
    side: SIDE_IN[r.side ?? 0],
    execType: known(EXEC_IN, r.execType, 'exec type'),
    orderStatus: known(STATUS_IN, r.orderStatus, 'order status'),
    price: text(r.price),
    quantity: text(r.quantity),
    lastPrice: text(r.lastPrice),
    lastQuantity: text(r.lastQuantity),
    tradeId: tradeId === 0 ? undefined : tradeId,
    liquidity: LIQUIDITY_IN[r.liquidity ?? 0],
    fee: text(r.fee),
    feeAsset: text(r.feeAsset),
    cumulativeQuantity: text(r.cumulativeQuantity),
    leavesQuantity: text(r.leavesQuantity),
    rejectCode: rejectCode === 0 ? undefined : rejectCode,
    timeMs: num(r.timeMs),
  };
}

export function tradeFrom(t: kapita.v1.Trade.$Properties): Trade {
  return { symbol: t.symbol ?? '', tradeId: num(t.tradeId), price: t.price ?? '', quantity: t.quantity ?? '', side: known(SIDE_IN, t.side, 'side'), seq: num(t.seq), timeMs: num(t.timeMs) };
}

function level(price: string | null | undefined, quantity: string | null | undefined): Level | undefined {
  const p = text(price);
  const q = text(quantity);
  return p === undefined || q === undefined ? undefined : [p, q];
}

export function topFrom(t: kapita.v1.TopOfBook.$Properties): TopOfBook {
  return { symbol: t.symbol ?? '', seq: num(t.seq), bid: level(t.bidPrice, t.bidQuantity), ask: level(t.askPrice, t.askQuantity), timeMs: num(t.timeMs) };
}

export function snapshotFrom(s: kapita.v1.BookSnapshot.$Properties): BookSnapshot {
  const levels = (list: kapita.v1.Level.$Properties[] | null | undefined): Level[] => (list ?? []).map((l) => [l.price ?? '', l.quantity ?? '']);
  return { seq: num(s.seq), bids: levels(s.bids), asks: levels(s.asks) };
}

export function updateFrom(u: kapita.v1.BookUpdate.$Properties): BookUpdate {
  return { seq: num(u.seq), prevSeq: num(u.prevSeq), changes: (u.changes ?? []).map((c) => ({ side: known(SIDE_IN, c.side, 'side'), price: c.price ?? '', quantity: c.quantity ?? '' })) };
}

/** The error an Envelope carries, if it is one. */
export function errorOf(envelope: Envelope): { code: number; name: string; message: string } | undefined {
  if (envelope.body !== 'error') return undefined;
  const e = envelope.error;
  return { code: num(e.code), name: e.name ?? 'ERROR', message: e.message ?? '' };
}
