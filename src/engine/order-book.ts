// The one interface behind which both order books live (STYLE.md §6): NaiveOrderBook, obviously
// correct and slow, and FastOrderBook, typed-array pools with no per-order objects. One scenario
// suite and the property tests run against both; their event streams must match byte for byte.
//
// The engine validates every command against the instrument (1xxx codes) before a book sees it, so
// a book may assume: a known side/type/time-in-force combination, prices and quantities in bounds,
// a resolved self-trade-prevention mode (never ACCOUNT_DEFAULT).
import type { Instrument } from '../domain/instrument.js';
import type { Command } from './command.js';
import type { DoneReason } from './event.js';

export interface StateSink {
  add(value: number): unknown;
}

export interface StateSource {
  next(): number;
}

/**
 * An order in the state stream: id, account, side, type, time in force, price, stop price,
 * quantity, remaining, displayed, peak (iceberg display size), filled, post-only (0/1), STP mode.
 */
export const ORDER_FIELDS = 14;

export interface BookCapacity {
  /** Resting orders plus pending stop orders. A place beyond it is rejected (BOOK_FULL). */
  readonly maxOrders: number;
  /** Non-empty price levels over both sides. A remainder that needs one more is cancelled. */
  readonly maxLevels: number;
}

/** State shared by every book of one engine: the venue-wide trade id sequence. */
export interface EngineCounters {
  nextTradeId: number;
}

export interface LevelView {
  readonly priceTicks: number;
  readonly displayedLots: number;
  readonly totalLots: number;
  readonly orderCount: number;
}

export interface OrderView {
  readonly orderId: number;
  readonly accountId: number;
  readonly side: number;
  readonly orderType: number;
  readonly timeInForce: number;
  readonly priceTicks: number;
  readonly stopPriceTicks: number;
  readonly quantityLots: number;
  readonly remainingLots: number;
  readonly displayedLots: number;
  readonly filledLots: number;
  readonly pendingStop: boolean;
}

export interface OrderBook {
  readonly instrument: Instrument;
  /** Place a validated order with the engine-assigned id and its resolved STP mode. */
  place(command: Command, orderId: number, selfTradePrevention: number): void;
  cancel(orderId: number, accountId: number): void;
  /** New price (0 = unchanged) and/or new total quantity (0 = unchanged); at least one changes. */
  amend(orderId: number, accountId: number, priceTicks: number, quantityLots: number): void;
  /**
   * Cancel the account's orders (account 0: every account's; only the engine's own callers reach
   * that, the MASS_CANCEL command rejects it) on one side (1, 2) or both (0), resting and pending
   * stops: DONE CANCELLED with `reason` (default MASS_CANCEL). Bids best first, then asks best
   * first, each level in queue order followed by its BOOK_LEVEL; then pending stops in trigger order.
   */
  massCancel(accountId: number, side: number, reason?: DoneReason): void;
  /** Expire every DAY order, resting and pending stops. */
  endOfDay(): void;

  lastTradePriceTicks(): number;
  /** Best price on a side, or 0 when the side is empty. */
  bestPriceTicks(side: number): number;
  /** Up to `depth` levels from the best, displayed quantities only (what L2 shows). */
  levels(side: number, depth: number): LevelView[];
  /**
   * Visits the resting levels of a side (1 = bids, 2 = asks) best price first with each level's
   * price and total remaining lots, hidden iceberg quantity included (what a taker could fill
   * there); no pending stops. Stops as soon as `visit` returns false. Allocates nothing per level
   * (the risk gate calls it on the hot path); `visit` must not change the book.
   */
  forEachLevel(side: number, visit: (priceTicks: number, totalLots: number) => boolean): void;
  /**
   * Visits the resting orders of a side in priority order: best level first, each level in queue
   * order, with each order's displayed lots (what L3 shows). No pending stops. For market data,
   * not the hot path; `visit` must not change the book.
   */
  forEachOrder(side: number, visit: (orderId: number, priceTicks: number, displayedLots: number) => void): void;
  order(orderId: number): OrderView | undefined;
  /** Resting orders plus pending stops. */
  orderCount(): number;

  /** Throws if any internal invariant is broken (crossed book, totals, links, conservation). */
  validateInternalState(): void;
  /**
   * Writes the canonical state, in an order both books share, as a stream of exact non-negative
   * integers: into a StateHasher for stateHash(), or into a snapshot. Layout: instrument id, last
   * trade, placed/filled/cancelled lots; per side (bids, then asks) the level count and, best level
   * first, price, top order id (0 = none), order count and each order in queue order; then the
   * pending stops in trigger order. An order is ORDER_FIELDS numbers (see exportOrder below).
   */
  exportState(sink: StateSink): void;
  /** Rebuilds an empty book from exportState()'s stream. Throws on anything inconsistent. */
  importState(source: StateSource): void;
}

export class InvariantViolation extends Error {
  constructor(message: string) {
    super(`internal invariant violated: ${message}`);
    this.name = 'InvariantViolation';
  }
}

export function invariant(condition: boolean, message: string): asserts condition {
  if (!condition) throw new InvariantViolation(message);
}
