// Shared test fixtures: instruments with small integer ranges, and a session that sequences commands
// into an engine and returns its events as one-line strings (src/engine/event-format.ts).
import { defineInstrument, type Instrument, type InstrumentSpec, type MatchingPolicy } from '../../src/domain/instrument.js';
import type { IdempotencyConfig } from '../../src/engine/client-ids.js';
import { type Command, CommandKind } from '../../src/engine/command.js';
import { type BookKind, Engine } from '../../src/core/engine.js';
import { EventType } from '../../src/engine/event.js';
import { formatEvents } from '../../src/core/event-format.js';
import type { BookCapacity } from '../../src/engine/order-book.js';
import { StateHasher } from '../../src/engine/state-hash.js';
import type { RiskConfig } from '../../src/risk/risk-config.js';

export const BOOK_KINDS: readonly BookKind[] = ['naive', 'fast'];

export function instrumentSpec(id: number, symbol: string, matching: MatchingPolicy): InstrumentSpec {
  return {
    id,
    symbol,
    baseAsset: symbol.split('-')[0] ?? 'X',
    quoteAsset: 'USD',
    tickSize: '0.01',
    lotSize: '0.001',
    minPrice: '0.01',
    maxPrice: '10000',
    minQuantity: '0.001',
    maxQuantity: '1000',
    matching,
  };
}

export function instrument(id: number, symbol: string, matching: MatchingPolicy): Instrument {
  return defineInstrument(instrumentSpec(id, symbol, matching));
}

export const FIFO = 1;
export const PRO_RATA = 2;
export const PRO_RATA_TOP = 3;

export const INSTRUMENTS: readonly Instrument[] = [
  instrument(FIFO, 'BTC-USD', { kind: 'fifo' }),
  instrument(PRO_RATA, 'ETH-USD', { kind: 'pro-rata', topOrderCapLots: 0, minimumAllocationLots: 0 }),
  instrument(PRO_RATA_TOP, 'SOL-USD', { kind: 'pro-rata', topOrderCapLots: 5, minimumAllocationLots: 3 }),
];

/** The state hash without the client id table. */
export function marketHash(engine: Engine): string {
  const hasher = new StateHasher();
  engine.exportMarketState(hasher);
  return hasher.digest();
}

export class Session {
  readonly engine: Engine;
  private seq = 0;
  private timestampNs = 1_700_000_000_000_000_000n;

  constructor(kind: BookKind, capacity: BookCapacity = { maxOrders: 1000, maxLevels: 100 }, instruments: readonly Instrument[] = INSTRUMENTS, risk?: RiskConfig, idempotency?: IdempotencyConfig) {
    this.engine = new Engine({ instruments, book: kind, capacity, ...(risk === undefined ? {} : { risk }), ...(idempotency === undefined ? {} : { idempotency }) });
  }

  /** Moves the sequenced clock on (each command already advances it by 1 µs). */
  advance(ns: bigint): void {
    this.timestampNs += ns;
  }

  /** The seq (= order id) the next command will get. */
  get nextSeq(): number {
    return this.seq + 1;
  }

  /**
   * Applies one command and returns its events as text. Checks every invariant afterwards, and that
   * a rejected command left the state hash exactly as it was, except for the one entry a PLACE with
   * a fresh clientOrderId records (its outcome, REJECTED, is what a retry is answered with).
   */
  send(command: Command): string[] {
    const hashBefore = this.engine.stateHash();
    const marketBefore = marketHash(this.engine);
    this.timestampNs += 1000n;
    const seq = ++this.seq;
    const events = this.engine.apply(command, seq, this.timestampNs);
    const lines = formatEvents(events);
    this.engine.validateInternalState();
    if (events.count === 1 && events.type(0) === EventType.REJECTED) {
      const recorded = command.kind === CommandKind.PLACE && this.engine.clientIds.lookup(command.accountId, command.clientOrderId)?.orderId === seq;
      if (marketHash(this.engine) !== marketBefore || (!recorded && this.engine.stateHash() !== hashBefore)) {
        throw new Error(`a rejected command changed the state: ${lines.join('; ')}`);
      }
    }
    return lines;
  }

  /** L2 view: [price, displayed lots, order count] best first. */
  book(instrumentId: number): { bids: number[][]; asks: number[][] } {
    const book = this.engine.book(instrumentId);
    const view = (side: number): number[][] => book.levels(side, 1000).map((l) => [l.priceTicks, l.displayedLots, l.orderCount]);
    return { bids: view(1), asks: view(2) };
  }
}
