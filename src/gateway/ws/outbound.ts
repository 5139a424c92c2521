// One WebSocket connection's outbound side. Order traffic is never slowed by market data:
//
// - Responses and execution reports go into a FIFO that is always written first.
// - Market data waits in a bounded queue keyed by stream. An L2 stream conflates: while the reader
//   is behind, the pending update of a symbol absorbs newer ones, so it keeps the latest quantity
//   per price level, the first update's prevSeq and the newest seq. The client's gap check
//   (prevSeq = the last seq it saw) still holds. Trades are not conflated.
// - A reader is behind while the socket holds more than `highWaterBytes` unsent. A reader that stays
//   behind past `maxBehindMs`, or whose queues pass their bounds, is closed with code 4008 and the
//   reason.
//
// Frames come encoded (binary or text); the gateway encodes a message once per format and shares
// the frame among the connections that take that format.

export interface SocketLike {
  readonly bufferedAmount: number;
  /** ws calls back with null (not undefined) on success. */
  send(data: Uint8Array | string, callback: (error?: Error | null) => void): void;
  close(code: number, reason: string): void;
}

export interface OutboundLimits {
  /** Unsent bytes in the socket above which only responses are written. */
  readonly highWaterBytes: number;
  /** Market-data frames waiting (after conflation) before the reader is dropped. */
  readonly maxMarketData: number;
  /** Responses waiting before the reader is dropped (a client that never reads its answers). */
  readonly maxResponses: number;
  /** How long a reader may stay behind before it is dropped. */
  readonly maxBehindMs: number;
  /** Unsent bytes beyond which even responses stop: a client that never reads is dropped. */
  readonly maxBufferedBytes: number;
}

export const DEFAULT_OUTBOUND_LIMITS: OutboundLimits = { highWaterBytes: 256 * 1024, maxMarketData: 10_000, maxResponses: 10_000, maxBehindMs: 5_000, maxBufferedBytes: 8 * 1024 * 1024 };

/** A pending L2 update of one symbol: level changes by "side:price", merged while waiting. */
export interface PendingBook {
  prevSeq: number;
  seq: number;
  readonly levels: Map<string, { side: number; price: string; quantity: string }>;
}

export type MarketDataItem = { readonly kind: 'frame'; readonly frame: Uint8Array | string } | { readonly kind: 'book'; readonly symbol: string; readonly book: PendingBook };

export const SLOW_CONSUMER = 4008;

export class Outbound {
  private readonly responses: (Uint8Array | string)[] = [];
  /** Market data in arrival order; an L2 entry is found (for conflation) through `books`. */
  private readonly marketData: MarketDataItem[] = [];
  private readonly books = new Map<string, PendingBook>();
  private behindSince = -1;
  private closed = false;
  /** Counters for metrics and tests. */
  conflated = 0;
  sentResponses = 0;
  sentMarketData = 0;

  constructor(
    private readonly socket: SocketLike,
    /** Encodes a merged L2 update when it is finally written. */
    private readonly encodeBook: (symbol: string, book: PendingBook) => Uint8Array | string,
    private readonly limits: OutboundLimits = DEFAULT_OUTBOUND_LIMITS,
    private readonly now: () => number = () => performance.now(),
    /**
     * When queued market data is written. Deferred by default (setImmediate): market data is queued
     * while a durable command is published to every subscriber, and the command's own response, sent
     * as soon as that publishing returns, then goes out before any of it.
     */
    private readonly schedule: (write: () => void) => void = (write) => {
      setImmediate(write);
    },
  ) {}

  private scheduled = false;

  get isClosed(): boolean {
    return this.closed;
  }

  get queuedMarketData(): number {
    return this.marketData.length;
  }

  /** Queues a response or execution report; it goes out before any waiting market data. */
  response(frame: Uint8Array | string): void {
    if (this.closed) return;
    this.responses.push(frame);
    if (this.responses.length > this.limits.maxResponses) return this.drop(`slow consumer: ${this.responses.length} responses unread`);
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) return this.drop(`slow consumer: ${this.socket.bufferedAmount} bytes unread`);
    this.flush();
  }

  /** Queues a market-data frame that is never conflated (trades, snapshots). */
  marketFrame(frame: Uint8Array | string): void {
    if (this.closed) return;
    this.marketData.push({ kind: 'frame', frame });
    this.afterMarketData();
  }

  /** Queues level changes of one symbol's L2 stream, merging them into a waiting update if there is one. */
  bookUpdate(symbol: string, prevSeq: number, seq: number, changes: readonly { side: number; price: string; quantity: string }[]): void {
    if (this.closed) return;
    const waiting = this.books.get(symbol);
    if (waiting !== undefined) {
      waiting.seq = seq;
      for (const change of changes) waiting.levels.set(`${change.side}:${change.price}`, change);
      this.conflated++;
    } else {
      const book: PendingBook = { prevSeq, seq, levels: new Map(changes.map((c) => [`${c.side}:${c.price}`, c])) };
      this.books.set(symbol, book);
      this.marketData.push({ kind: 'book', symbol, book });
    }
    this.afterMarketData();
  }

  private afterMarketData(): void {
    if (this.marketData.length > this.limits.maxMarketData) return this.drop(`slow consumer: ${this.marketData.length} market-data messages queued`);
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  /** Discards a waiting L2 update of the symbol (on unsubscribe, and before a new snapshot). */
  forgetBook(symbol: string): void {
    if (!this.books.delete(symbol)) return;
    const at = this.marketData.findIndex((item) => item.kind === 'book' && item.symbol === symbol);
    if (at >= 0) this.marketData.splice(at, 1);
  }

  /** Writes what the socket takes: every response first, then market data while under the high-water mark. */
  flush(): void {
    if (this.closed) return;
    while (this.responses.length > 0) {
      const frame = this.responses.shift();
      if (frame === undefined) break;
      this.write(frame);
      this.sentResponses++;
    }
    while (this.marketData.length > 0 && this.socket.bufferedAmount < this.limits.highWaterBytes) {
      const item = this.marketData.shift();
      if (item === undefined) break;
      if (item.kind === 'book') {
        this.books.delete(item.symbol);
        let frame: Uint8Array | string;
        try {
          frame = this.encodeBook(item.symbol, item.book);
        } catch (error) {
          // A merged update too large for one frame (thousands of levels): the reader must start over.
          this.drop(`book update of ${item.symbol} cannot be sent (${error instanceof Error ? error.message : String(error)}); resubscribe for a snapshot`);
          return;
        }
        this.write(frame);
      } else {
        this.write(item.frame);
      }
      this.sentMarketData++;
    }
    if (this.marketData.length === 0) {
      this.behindSince = -1;
    } else if (this.behindSince < 0) {
      this.behindSince = this.now();
    } else if (this.now() - this.behindSince > this.limits.maxBehindMs) {
      this.drop(`slow consumer: behind for more than ${this.limits.maxBehindMs} ms`);
    }
  }

  private write(frame: Uint8Array | string): void {
    this.socket.send(frame, (error) => {
      if (error === undefined || error === null) this.flush();
    });
  }

  /** Closes the connection with `reason` (code 4008 by default), discarding whatever waits. */
  drop(reason: string, code = SLOW_CONSUMER): void {
    if (this.closed) return;
    this.closed = true;
    this.responses.length = 0;
    this.marketData.length = 0;
    this.books.clear();
    this.socket.close(code, reason.slice(0, 120));
  }
}
