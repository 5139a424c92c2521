// The book calls the risk layer makes directly, run against both books: massCancel for every account
// (account 0, which the MASS_CANCEL command itself rejects) with a caller-chosen DONE reason, and the
// allocation-free level walk forEachLevel. The engine command cannot reach these, so the tests call
// the book from engine.book(id) and read the events from the engine's buffer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Command, OrderType, place, Side } from '../../src/engine/command.js';
import { Engine } from '../../src/core/engine.js';
import { DoneReason } from '../../src/engine/event.js';
import { formatEvents } from '../../src/core/event-format.js';
import type { BookCapacity, OrderBook } from '../../src/engine/order-book.js';
import { Resolver, type Template, template } from '../property/command-stream.js';
import { BOOK_KINDS, FIFO, INSTRUMENTS, PRO_RATA, PRO_RATA_TOP, Session } from './harness.js';

/** Runs `act` on one book outside apply(), with a fresh event buffer, and validates the engine. */
function direct(engine: Engine, instrumentId: number, act: (book: OrderBook) => void): string[] {
  engine.events.begin(0, 0n);
  act(engine.book(instrumentId));
  const lines = formatEvents(engine.events);
  engine.validateInternalState();
  return lines;
}

/** Every resting order forEachOrder visits, as [order id, price, displayed lots], in priority order. */
function ordersOf(book: OrderBook, side: number): [number, number, number][] {
  const seen: [number, number, number][] = [];
  book.forEachOrder(side, (id, price, displayed) => {
    seen.push([id, price, displayed]);
  });
  return seen;
}

/** Every level forEachLevel visits, as [price, total lots], until `limit` levels have been seen. */
function walk(book: OrderBook, side: number, limit = Number.POSITIVE_INFINITY): number[][] {
  const seen: number[][] = [];
  book.forEachLevel(side, (price, total) => {
    seen.push([price, total]);
    return seen.length < limit;
  });
  return seen;
}

function limit(accountId: number, side: Side, priceTicks: number, quantityLots: number, displayLots = 0): Command {
  return place({ instrumentId: FIFO, accountId, side, priceTicks, quantityLots, displayLots });
}

function stop(accountId: number, side: Side, stopPriceTicks: number): Command {
  return place({ instrumentId: FIFO, accountId, side, quantityLots: 1, orderType: OrderType.STOP, stopPriceTicks });
}

/** Three accounts on both sides of FIFO, with icebergs and pending stops on both sides. */
function populated(kind: (typeof BOOK_KINDS)[number]): Session {
  const s = new Session(kind);
  s.send(limit(1, Side.BUY, 99, 2)); // #1
  s.send(limit(2, Side.BUY, 99, 3)); // #2
  s.send(limit(3, Side.BUY, 98, 4, 1)); // #3 iceberg, 3 hidden
  s.send(limit(1, Side.SELL, 101, 1)); // #4
  s.send(limit(2, Side.SELL, 101, 2)); // #5
  s.send(limit(3, Side.SELL, 102, 5, 2)); // #6 iceberg, 3 hidden
  s.send(limit(2, Side.SELL, 103, 1)); // #7
  s.send(stop(2, Side.BUY, 105)); // #8
  s.send(stop(3, Side.SELL, 90)); // #9
  s.send(stop(1, Side.SELL, 95)); // #10
  return s;
}

describe.each(BOOK_KINDS)('%s book', (kind) => {
  describe('massCancel for every account (account 0) with a reason', () => {
    it('cancels every account\'s resting orders and pending stops on one side with the given reason, and leaves the other side', () => {
      const s = populated(kind);
      expect(direct(s.engine, FIFO, (book) => { book.massCancel(0, Side.SELL, DoneReason.KILL_SWITCH); })).toEqual([
        'DONE #4 a1 CANCELLED KILL_SWITCH left 1 filled 0',
        'DONE #5 a2 CANCELLED KILL_SWITCH left 2 filled 0',
        'LEVEL SELL 101 shows 0 in 0',
        'DONE #6 a3 CANCELLED KILL_SWITCH left 5 filled 0',
        'LEVEL SELL 102 shows 0 in 0',
        'DONE #7 a2 CANCELLED KILL_SWITCH left 1 filled 0',
        'LEVEL SELL 103 shows 0 in 0',
        // Pending sell stops in trigger order: highest stop price first.
        'DONE #10 a1 CANCELLED KILL_SWITCH left 1 filled 0',
        'DONE #9 a3 CANCELLED KILL_SWITCH left 1 filled 0',
      ]);
      expect(s.book(FIFO)).toEqual({ bids: [[99, 5, 2], [98, 1, 1]], asks: [] });
      expect(s.engine.book(FIFO).order(8)).toMatchObject({ pendingStop: true, side: Side.BUY });
      expect(s.engine.book(FIFO).orderCount()).toBe(4);
    });

    it('cancels both sides with side 0 and writes MASS_CANCEL when no reason is given', () => {
      const s = populated(kind);
      expect(direct(s.engine, FIFO, (book) => { book.massCancel(0, 0); })).toEqual([
        'DONE #1 a1 CANCELLED MASS_CANCEL left 2 filled 0',
        'DONE #2 a2 CANCELLED MASS_CANCEL left 3 filled 0',
        'LEVEL BUY 99 shows 0 in 0',
        'DONE #3 a3 CANCELLED MASS_CANCEL left 4 filled 0',
        'LEVEL BUY 98 shows 0 in 0',
        'DONE #4 a1 CANCELLED MASS_CANCEL left 1 filled 0',
        'DONE #5 a2 CANCELLED MASS_CANCEL left 2 filled 0',
        'LEVEL SELL 101 shows 0 in 0',
        'DONE #6 a3 CANCELLED MASS_CANCEL left 5 filled 0',
        'LEVEL SELL 102 shows 0 in 0',
        'DONE #7 a2 CANCELLED MASS_CANCEL left 1 filled 0',
        'LEVEL SELL 103 shows 0 in 0',
        'DONE #8 a2 CANCELLED MASS_CANCEL left 1 filled 0',
        'DONE #10 a1 CANCELLED MASS_CANCEL left 1 filled 0',
        'DONE #9 a3 CANCELLED MASS_CANCEL left 1 filled 0',
      ]);
      expect(s.book(FIFO)).toEqual({ bids: [], asks: [] });
      expect(s.engine.book(FIFO).orderCount()).toBe(0);
    });

    it('cancels one account with a given reason, leaving the others in their queue places', () => {
      const s = populated(kind);
      expect(direct(s.engine, FIFO, (book) => { book.massCancel(2, 0, DoneReason.DRAWDOWN); })).toEqual([
        'DONE #2 a2 CANCELLED DRAWDOWN left 3 filled 0',
        'LEVEL BUY 99 shows 2 in 1',
        'DONE #5 a2 CANCELLED DRAWDOWN left 2 filled 0',
        'LEVEL SELL 101 shows 1 in 1',
        'DONE #7 a2 CANCELLED DRAWDOWN left 1 filled 0',
        'LEVEL SELL 103 shows 0 in 0',
        'DONE #8 a2 CANCELLED DRAWDOWN left 1 filled 0',
      ]);
      expect(s.book(FIFO)).toEqual({ bids: [[99, 2, 1], [98, 1, 1]], asks: [[101, 1, 1], [102, 2, 1]] });
      expect(s.engine.book(FIFO).orderCount()).toBe(6);
    });

    it('clears a pro-rata top order and reports partly filled orders with what they filled', () => {
      const s = new Session(kind);
      s.send(place({ instrumentId: PRO_RATA_TOP, accountId: 1, side: Side.BUY, priceTicks: 50, quantityLots: 10 })); // #1 top order
      s.send(place({ instrumentId: PRO_RATA_TOP, accountId: 2, side: Side.BUY, priceTicks: 50, quantityLots: 10 })); // #2
      s.send(place({ instrumentId: PRO_RATA_TOP, accountId: 3, side: Side.SELL, priceTicks: 60, quantityLots: 4 })); // #3
      s.send(place({ instrumentId: PRO_RATA_TOP, accountId: 3, side: Side.SELL, quantityLots: 6, orderType: OrderType.MARKET })); // #4
      expect(s.book(PRO_RATA_TOP)).toEqual({ bids: [[50, 14, 2]], asks: [[60, 4, 1]] });
      expect(direct(s.engine, PRO_RATA_TOP, (book) => { book.massCancel(0, Side.BUY, DoneReason.INSTRUMENT_HALT); })).toEqual([
        // #1, the top order, took its cap of 5 and the one lot pro-rata left over.
        'DONE #1 a1 CANCELLED INSTRUMENT_HALT left 4 filled 6',
        'DONE #2 a2 CANCELLED INSTRUMENT_HALT left 10 filled 0',
        'LEVEL BUY 50 shows 0 in 0',
      ]);
      expect(s.book(PRO_RATA_TOP)).toEqual({ bids: [], asks: [[60, 4, 1]] });
      // The book goes on working: a new best bid can rest and become the top order.
      expect(s.send(place({ instrumentId: PRO_RATA_TOP, accountId: 1, side: Side.BUY, priceTicks: 55, quantityLots: 2 }))).toEqual([
        'ACCEPTED #5 a1 BUY LIMIT GTC 55x2',
        'LEVEL BUY 55 shows 2 in 1',
      ]);
    });

    it('emits nothing on an empty book or side', () => {
      const s = new Session(kind);
      expect(direct(s.engine, FIFO, (book) => { book.massCancel(0, 0, DoneReason.KILL_SWITCH); })).toEqual([]);
      s.send(limit(1, Side.BUY, 99, 2));
      expect(direct(s.engine, FIFO, (book) => { book.massCancel(0, Side.SELL, DoneReason.KILL_SWITCH); })).toEqual([]);
      expect(s.book(FIFO)).toEqual({ bids: [[99, 2, 1]], asks: [] });
    });
  });

  describe('forEachLevel', () => {
    it('visits levels best first with total lots, hidden iceberg quantity included, and no pending stops', () => {
      const s = populated(kind);
      const book = s.engine.book(FIFO);
      expect(walk(book, Side.SELL)).toEqual([[101, 3], [102, 5], [103, 1]]);
      expect(walk(book, Side.BUY)).toEqual([[99, 5], [98, 4]]);
      // The totals are what levels() reports as totalLots (displayed is less at the icebergs).
      const totals = (side: number): number[][] => book.levels(side, 1000).map((l) => [l.priceTicks, l.totalLots]);
      expect(walk(book, Side.SELL)).toEqual(totals(Side.SELL));
      expect(walk(book, Side.BUY)).toEqual(totals(Side.BUY));
    });

    it('follows fills of a partly taken iceberg', () => {
      const s = populated(kind);
      // 3 at 101, then 2 from the iceberg tip at 102: 3 lots stay there, 2 of them shown.
      s.send(place({ instrumentId: FIFO, accountId: 4, side: Side.BUY, quantityLots: 5, orderType: OrderType.MARKET }));
      expect(walk(s.engine.book(FIFO), Side.SELL)).toEqual([[102, 3], [103, 1]]);
      expect(s.book(FIFO).asks).toEqual([[102, 2, 1], [103, 1, 1]]);
    });

    it('stops as soon as visit returns false', () => {
      const s = populated(kind);
      const book = s.engine.book(FIFO);
      expect(walk(book, Side.SELL, 1)).toEqual([[101, 3]]);
      expect(walk(book, Side.SELL, 2)).toEqual([[101, 3], [102, 5]]);
      expect(walk(book, Side.BUY, 1)).toEqual([[99, 5]]);
      // A market buy's risk check: walk until the wanted quantity is covered.
      let wanted = 4;
      const prices: number[] = [];
      book.forEachLevel(Side.SELL, (price, total) => {
        prices.push(price);
        wanted -= total;
        return wanted > 0;
      });
      expect(prices).toEqual([101, 102]);
    });

    it('visits nothing on an empty side', () => {
      const s = new Session(kind);
      s.send(limit(1, Side.BUY, 99, 2));
      s.send(stop(2, Side.SELL, 90));
      const book = s.engine.book(FIFO);
      expect(walk(book, Side.SELL)).toEqual([]);
      expect(walk(s.engine.book(PRO_RATA), Side.BUY)).toEqual([]);
      expect(walk(book, Side.BUY)).toEqual([[99, 2]]);
    });
  });
});

describe('naive and fast books agree on massCancel(0, …) and forEachLevel', () => {
  const REASONS = [DoneReason.MASS_CANCEL, DoneReason.KILL_SWITCH, DoneReason.INSTRUMENT_HALT, DoneReason.DRAWDOWN] as const;
  const ROOMY: BookCapacity = { maxOrders: 10_000, maxLevels: 1_000 };
  /** The property tests' templates, re-weighted towards resting orders and stops so the books grow deep. */
  const deepening: fc.Arbitrary<Template> = fc
    .record({
      base: template,
      op: fc.oneof(
        { weight: 50, arbitrary: fc.constant('limit' as const) },
        { weight: 4, arbitrary: fc.constant('market' as const) },
        { weight: 10, arbitrary: fc.constant('stop' as const) },
        { weight: 8, arbitrary: fc.constant('cancel' as const) },
        { weight: 10, arbitrary: fc.constant('amend' as const) },
      ),
    })
    .map(({ base, op }) => ({ ...base, op }));

  it.each([1, 2, 3])('on a random stream (seed %i) with direct calls mixed in', (seed) => {
    const naive = new Engine({ instruments: INSTRUMENTS, book: 'naive', capacity: ROOMY });
    const fast = new Engine({ instruments: INSTRUMENTS, book: 'fast', capacity: ROOMY });
    const resolver = new Resolver();
    const templates = fc.sample(deepening, { seed, numRuns: 4_000 });
    let timestamp = 1_000_000n;
    let cancelledAll = 0;
    templates.forEach((t, i) => {
      const seq = i + 1;
      timestamp += 7n;
      const command = resolver.resolve(t);
      expect(Buffer.from(fast.apply(command, seq, timestamp).bytes())).toEqual(Buffer.from(naive.apply(command, seq, timestamp).bytes()));
      resolver.record(fast);
      if (seq % 50 === 0) {
        for (const instrument of INSTRUMENTS) {
          for (const side of [Side.BUY, Side.SELL]) {
            const expected = walk(naive.book(instrument.id), side);
            expect(walk(fast.book(instrument.id), side)).toEqual(expected);
            expect(expected).toEqual(naive.book(instrument.id).levels(side, 10_000).map((l) => [l.priceTicks, l.totalLots]));
            expect(walk(fast.book(instrument.id), side, 2)).toEqual(expected.slice(0, 2));
            // forEachOrder: the same orders in the same priority order, whose displayed lots sum to each level's displayed total.
            const orders = ordersOf(naive.book(instrument.id), side);
            expect(ordersOf(fast.book(instrument.id), side)).toEqual(orders);
            const shown = new Map<number, number>();
            for (const [, price, displayed] of orders) shown.set(price, (shown.get(price) ?? 0) + displayed);
            expect([...shown.entries()]).toEqual(naive.book(instrument.id).levels(side, 10_000).map((l) => [l.priceTicks, l.displayedLots]));
          }
        }
      }
      if (seq % 400 === 0) {
        // Every account on one instrument, on one side or both, with one of the reasons.
        const instrumentId = [FIFO, PRO_RATA, PRO_RATA_TOP][(seq / 400) % 3] ?? FIFO;
        const side = [0, Side.BUY, Side.SELL][t.ref % 3] ?? 0;
        const reason = REASONS[t.ref % REASONS.length] ?? DoneReason.MASS_CANCEL;
        const before = naive.book(instrumentId).orderCount();
        naive.events.begin(seq, timestamp);
        naive.book(instrumentId).massCancel(0, side, reason);
        fast.events.begin(seq, timestamp);
        fast.book(instrumentId).massCancel(0, side, reason);
        // Events written outside apply() are settled by their writer, as the risk gate does after its own cancels.
        naive.clientIds.settle(naive.events);
        fast.clientIds.settle(fast.events);
        expect(Buffer.from(fast.events.bytes())).toEqual(Buffer.from(naive.events.bytes()));
        naive.validateInternalState();
        fast.validateInternalState();
        expect(fast.stateHash()).toBe(naive.stateHash());
        resolver.record(fast);
        cancelledAll += before - naive.book(instrumentId).orderCount();
        if (side !== 0) {
          expect(walk(naive.book(instrumentId), side)).toEqual([]);
          expect(naive.book(instrumentId).levels(side, 1).length).toBe(0);
        } else {
          expect(naive.book(instrumentId).orderCount()).toBe(0);
        }
      }
    });
    expect(fast.stateHash()).toBe(naive.stateHash());
    // The stream must have left something to cancel.
    expect(cancelledAll).toBeGreaterThan(20);
  });
});
