// A local L2 order book kept from the venue's CHANNEL_L2 stream: one BookSnapshot, then BookUpdates
// whose prevSeq must equal the seq last applied. An update that does not chain means the book missed
// one (a dropped frame, a bug, a reconnect): the book marks itself stale, ignores updates, and asks
// its client to resubscribe, which brings a fresh snapshot. Quantities are the displayed ones, as in
// REST's GET /v1/book.
import type { BookSnapshot, BookUpdate, Level } from './types.js';

/** What applyUpdate did with an update. */
export type UpdateResult =
  /** Chained and applied. */
  | 'applied'
  /** Not applied: the book is stale (waiting for a snapshot), or the update is not newer than the book. */
  | 'ignored'
  /** Did not chain: the book is now stale and a resubscription was asked for. */
  | 'gap';

export type BookHandler = (book: LocalOrderBook) => void;

/** How a book talks to the client that feeds it. */
export interface BookHooks {
  /** Asked to bring a fresh snapshot (unsubscribe + subscribe) when a gap is found. */
  readonly resync: (book: LocalOrderBook) => void;
  /** Asked to end the subscription when the book is closed. */
  readonly close?: (book: LocalOrderBook) => Promise<void>;
  /** Told about an exception thrown by a change handler (the other handlers still run). */
  readonly report?: (error: unknown) => void;
}

function isZero(quantity: string): boolean {
  return !/[1-9]/.test(quantity);
}

/** Compares two non-negative decimal strings by value ("65000.5" vs "65000.50" are equal). */
export function compareDecimals(a: string, b: string): number {
  const [ai = '', af = ''] = a.split('.');
  const [bi = '', bf = ''] = b.split('.');
  const aInt = ai.replace(/^0+/, '');
  const bInt = bi.replace(/^0+/, '');
  if (aInt.length !== bInt.length) return aInt.length - bInt.length;
  if (aInt !== bInt) return aInt < bInt ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const aFrac = af.padEnd(width, '0');
  const bFrac = bf.padEnd(width, '0');
  return aFrac === bFrac ? 0 : aFrac < bFrac ? -1 : 1;
}

export class LocalOrderBook {
  private readonly bidLevels = new Map<string, string>();
  private readonly askLevels = new Map<string, string>();
  private lastSeq = 0;
  private isStale = true;
  private recovering = false;
  private detected = 0;
  private recovered = 0;
  private closed = false;
  private readonly handlers = new Set<BookHandler>();
  private waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];

  constructor(
    readonly symbol: string,
    private readonly hooks: BookHooks,
  ) {}

  /** The seq of the last snapshot or update applied (0 before the first snapshot). */
  get seq(): number {
    return this.lastSeq;
  }

  /** True before the first snapshot, after a gap until the fresh snapshot, and once closed. */
  get stale(): boolean {
    return this.isStale;
  }

  /** Updates that did not chain. */
  get gapsDetected(): number {
    return this.detected;
  }

  /** Gaps closed by a fresh snapshot. */
  get gapsRecovered(): number {
    return this.recovered;
  }

  /** Bids, best (highest) first, as [price, quantity]; at most `depth` levels. */
  bids(depth = Infinity): Level[] {
    return LocalOrderBook.sorted(this.bidLevels, -1, depth);
  }

  /** Asks, best (lowest) first, as [price, quantity]; at most `depth` levels. */
  asks(depth = Infinity): Level[] {
    return LocalOrderBook.sorted(this.askLevels, 1, depth);
  }

  /** Calls `handler` after every snapshot and update applied; returns a function that stops it. */
  onChange(handler: BookHandler): () => void {
    this.handlers.add(handler);
    return () => {
      this.handlers.delete(handler);
    };
  }

  /** Resolves when the book is in sync (now, or at the next snapshot); rejects after timeoutMs or on close. */
  whenSynced(timeoutMs = 10_000): Promise<void> {
    if (!this.isStale) return Promise.resolve();
    if (this.closed) return Promise.reject(new Error(`book ${this.symbol} is closed`));
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`book ${this.symbol}: no snapshot within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Replaces the book with a snapshot (the first one, or the answer to a gap). */
  applySnapshot(snapshot: BookSnapshot): void {
    if (this.closed) return;
    this.bidLevels.clear();
    this.askLevels.clear();
    for (const [price, quantity] of snapshot.bids) if (!isZero(quantity)) this.bidLevels.set(price, quantity);
    for (const [price, quantity] of snapshot.asks) if (!isZero(quantity)) this.askLevels.set(price, quantity);
    this.lastSeq = snapshot.seq;
    this.isStale = false;
    if (this.recovering) {
      this.recovering = false;
      this.recovered++;
    }
    for (const waiter of this.waiters.splice(0)) waiter.resolve();
    this.changed();
  }

  /**
   * Applies one update if it chains (prevSeq = seq). An update not newer than the book is ignored (it
   * was sent before the snapshot); one that skips ahead is a gap: the book goes stale and resyncs.
   */
  applyUpdate(update: BookUpdate): UpdateResult {
    if (this.isStale || update.seq <= this.lastSeq) return 'ignored';
    if (update.prevSeq !== this.lastSeq) {
      this.detected++;
      this.isStale = true;
      this.recovering = true;
      this.hooks.resync(this);
      return 'gap';
    }
    for (const change of update.changes) {
      const side = change.side === 'buy' ? this.bidLevels : this.askLevels;
      if (isZero(change.quantity)) side.delete(change.price);
      else side.set(change.price, change.quantity);
    }
    this.lastSeq = update.seq;
    this.changed();
    return 'applied';
  }

  /** Marks the book stale without a resync (the connection is gone). */
  disconnect(): void {
    this.isStale = true;
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error(`book ${this.symbol}: connection closed`));
  }

  /** Ends the subscription; the book stays readable but no longer changes. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.disconnect();
    await this.hooks.close?.(this);
  }

  private changed(): void {
    for (const handler of this.handlers) {
      try {
        handler(this);
      } catch (error) {
        this.hooks.report?.(error);
      }
    }
  }

  private static sorted(levels: ReadonlyMap<string, string>, direction: 1 | -1, depth: number): Level[] {
    const list: Level[] = [...levels.entries()].map(([price, quantity]) => [price, quantity]);
    list.sort((a, b) => direction * compareDecimals(a[0], b[0]));
    return depth < list.length ? list.slice(0, depth) : list;
  }
}
