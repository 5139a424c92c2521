// The reference book's order record (plain fields, spelled out) and the per-order rules the
// reference book applies: which side is better, when a stop triggers, in what order stops trigger,
// and how an order is written to and read from a state snapshot. Kept apart from
// naive-order-book.ts so that file holds the book itself: levels, matching, commands.
import { OrderType, Side } from './command.js';
import { invariant, ORDER_FIELDS, type StateSink, type StateSource } from './order-book.js';

export interface NaiveOrder {
  readonly id: number;
  readonly account: number;
  readonly side: Side;
  readonly type: number;
  readonly tif: number;
  price: number;
  readonly stopPrice: number;
  /** Total order quantity: filled + remaining (self-trade decrements reduce it). */
  quantity: number;
  remaining: number;
  /** Displayed part of `remaining` (the iceberg tip, or all of it). */
  visible: number;
  /** Iceberg display size; 0 = not an iceberg. */
  readonly peak: number;
  filled: number;
  readonly postOnly: boolean;
  readonly stp: number;
}

export function exportOrder(sink: StateSink, o: NaiveOrder): void {
  sink.add(o.id);
  sink.add(o.account);
  sink.add(o.side);
  sink.add(o.type);
  sink.add(o.tif);
  sink.add(o.price);
  sink.add(o.stopPrice);
  sink.add(o.quantity);
  sink.add(o.remaining);
  sink.add(o.visible);
  sink.add(o.peak);
  sink.add(o.filled);
  sink.add(o.postOnly ? 1 : 0);
  sink.add(o.stp);
}

export function importOrder(source: StateSource): NaiveOrder {
  const fields: number[] = [];
  for (let i = 0; i < ORDER_FIELDS; i++) fields.push(source.next());
  const [id = 0, account = 0, side = 0, type = 0, tif = 0, price = 0, stopPrice = 0, quantity = 0, remaining = 0, visible = 0, peak = 0, filled = 0, postOnly = 0, stp = 0] = fields;
  invariant(side === Side.BUY || side === Side.SELL, `imported order ${id} has a side`);
  return { id, account, side, type, tif, price, stopPrice, quantity, remaining, visible, peak, filled, postOnly: postOnly === 1, stp };
}

export function opposite(side: Side): Side {
  return side === Side.BUY ? Side.SELL : Side.BUY;
}

export function isMarket(order: NaiveOrder): boolean {
  return order.type === OrderType.MARKET || order.type === OrderType.STOP;
}

export function isBetter(side: Side, price: number, than: number): boolean {
  return side === Side.BUY ? price > than : price < than;
}

export function stopReached(stop: NaiveOrder, lastTrade: number): boolean {
  return stop.side === Side.BUY ? lastTrade >= stop.stopPrice : lastTrade <= stop.stopPrice;
}

/** Buy stops first, lowest stop price first; then sell stops, highest first; ties by order id (time). */
export function triggerOrder(a: NaiveOrder, b: NaiveOrder): number {
  if (a.side !== b.side) return a.side === Side.BUY ? -1 : 1;
  if (a.stopPrice !== b.stopPrice) return a.side === Side.BUY ? a.stopPrice - b.stopPrice : b.stopPrice - a.stopPrice;
  return a.id - b.id;
}
