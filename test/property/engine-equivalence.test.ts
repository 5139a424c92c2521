// Property tests: random command streams through the naive and the fast book must give byte-identical
// event streams and equal state hashes, with every invariant (no crossed book, lots conserved, links,
// totals) holding after every command, and every reject leaving the state hash unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amend,
  cancel,
  type Command,
  endOfDay,
  massCancel,
  OrderType,
  place,
  SelfTradePrevention,
  setAccountSelfTradePrevention,
  type Side,
  TimeInForce,
} from '../../src/engine/command.js';
import { Engine } from '../../src/engine/engine.js';
import { DoneReason, EventType, Field } from '../../src/engine/event.js';
import { ResultCode } from '../../src/domain/result-codes.js';
import type { BookCapacity } from '../../src/engine/order-book.js';
import { INSTRUMENTS } from '../engine/harness.js';

/** A command before its order reference is resolved against the orders placed so far. */
interface Template {
  readonly op: 'limit' | 'market' | 'stop' | 'cancel' | 'amend' | 'mass' | 'eod' | 'stp' | 'bad';
  readonly instrument: number;
  readonly account: number;
  readonly side: Side;
  readonly price: number;
  readonly quantity: number;
  readonly tif: number;
  readonly display: number;
  readonly postOnly: boolean;
  readonly stp: number;
  readonly ref: number;
  readonly foreign: boolean;
}

const template: fc.Arbitrary<Template> = fc.record({
  op: fc.oneof(
    { weight: 40, arbitrary: fc.constant('limit' as const) },
    { weight: 6, arbitrary: fc.constant('market' as const) },
    { weight: 5, arbitrary: fc.constant('stop' as const) },
    { weight: 16, arbitrary: fc.constant('cancel' as const) },
    { weight: 25, arbitrary: fc.constant('amend' as const) },
    { weight: 1, arbitrary: fc.constant('mass' as const) },
    { weight: 1, arbitrary: fc.constant('eod' as const) },
    { weight: 1, arbitrary: fc.constant('stp' as const) },
    { weight: 2, arbitrary: fc.constant('bad' as const) },
  ),
  instrument: fc.integer({ min: 1, max: 3 }),
  account: fc.integer({ min: 1, max: 4 }),
  side: fc.constantFrom(1 as Side, 2 as Side),
  price: fc.integer({ min: 90, max: 110 }),
  quantity: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 20 }) }, { weight: 1, arbitrary: fc.integer({ min: 20, max: 200 }) }),
  tif: fc.constantFrom(TimeInForce.GTC, TimeInForce.GTC, TimeInForce.DAY, TimeInForce.IOC, TimeInForce.FOK),
  display: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 5 }) }),
  postOnly: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  stp: fc.integer({ min: 0, max: 5 }),
  ref: fc.nat(),
  foreign: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

/** Resolves templates into commands; remembers accepted orders (id → instrument, account). */
class Resolver {
  private readonly orders: { id: number; instrument: number; account: number }[] = [];
  /** Ids of orders still open (accepted, no DONE yet), in no particular order. */
  private readonly live: number[] = [];
  private readonly livePosition = new Map<number, number>();
  private readonly byId = new Map<number, { id: number; instrument: number; account: number }>();

  resolve(t: Template): Command {
    const base = { instrumentId: t.instrument, accountId: t.account, side: t.side, quantityLots: t.quantity, selfTradePrevention: t.stp as SelfTradePrevention };
    const resting = t.tif === TimeInForce.GTC || t.tif === TimeInForce.DAY;
    switch (t.op) {
      case 'limit':
        return place({ ...base, priceTicks: t.price, timeInForce: t.tif as TimeInForce, displayLots: resting && t.display < t.quantity ? t.display : 0, postOnly: resting && t.postOnly });
      case 'market':
        return place({ ...base, orderType: OrderType.MARKET, timeInForce: t.tif === TimeInForce.FOK ? TimeInForce.FOK : TimeInForce.IOC });
      case 'stop': {
        const limit = t.ref % 2 === 0;
        return place({
          ...base,
          orderType: limit ? OrderType.STOP_LIMIT : OrderType.STOP,
          stopPriceTicks: t.price,
          priceTicks: limit ? t.price + (t.side === 1 ? 2 : -2) : 0,
          timeInForce: limit ? (t.tif as TimeInForce) : t.tif === TimeInForce.DAY ? TimeInForce.DAY : TimeInForce.GTC,
        });
      }
      case 'cancel':
      case 'amend': {
        const target = this.pick(t.ref);
        const instrument = target?.instrument ?? t.instrument;
        const account = target === undefined || t.foreign ? t.account : target.account;
        const id = target?.id ?? 1 + (t.ref % 1000);
        if (t.op === 'cancel') return cancel(instrument, account, id);
        const which = t.ref % 3;
        return amend(instrument, account, id, { priceTicks: which === 1 ? 0 : t.price, quantityLots: which === 0 ? 0 : t.quantity });
      }
      case 'mass':
        return massCancel(t.account, t.ref % 2 === 0 ? 0 : t.instrument, t.ref % 3 === 0 ? 0 : t.side);
      case 'eod':
        return endOfDay(t.ref % 2 === 0 ? 0 : t.instrument);
      case 'stp':
        return setAccountSelfTradePrevention(t.account, (1 + (t.ref % 5)) as SelfTradePrevention);
      case 'bad':
        // Out-of-bounds or malformed values: each must be rejected without a trace.
        return place({ ...base, priceTicks: [0, -5, 1.5, 2_000_000, Number.NaN][t.ref % 5] ?? 0, quantityLots: t.ref % 7 === 0 ? 0 : t.quantity });
    }
  }

  /** Mostly open orders, sometimes any order ever placed (then usually a dead one). */
  private pick(ref: number): { id: number; instrument: number; account: number } | undefined {
    if (ref % 8 !== 0 && this.live.length > 0) return this.byId.get(this.live[ref % this.live.length] ?? 0);
    if (this.orders.length === 0) return undefined;
    return this.orders[ref % this.orders.length];
  }

  record(engine: Engine): void {
    const events = engine.events;
    for (let i = 0; i < events.count; i++) {
      const type = events.type(i);
      const id = events.field(i, Field.ORDER_ID);
      if (type === EventType.ACCEPTED) {
        const order = { id, instrument: events.field(i, Field.INSTRUMENT), account: events.field(i, Field.ACCOUNT) };
        this.orders.push(order);
        this.byId.set(id, order);
        this.livePosition.set(id, this.live.length);
        this.live.push(id);
      } else if (type === EventType.DONE) {
        const position = this.livePosition.get(id);
        const last = this.live.pop();
        if (position === undefined || last === undefined) throw new Error(`DONE for order ${id} that was not open`);
        if (last !== id) {
          this.live[position] = last;
          this.livePosition.set(last, position);
        }
        this.livePosition.delete(id);
      }
    }
  }
}

interface RunOptions {
  readonly capacity: BookCapacity;
  readonly hashEvery: number;
}

/** Runs one stream through both books; throws on the first difference, with the command's position. */
interface Coverage {
  commands: number;
  byEvent: Map<string, number>;
}

function tally(coverage: Coverage, engine: Engine): void {
  const out = engine.events;
  for (let e = 0; e < out.count; e++) {
    const type = out.type(e);
    const keys = [`type ${type}`];
    if (type === EventType.REJECTED) keys.push(`reject ${out.field(e, Field.CODE)}`);
    if (type === EventType.DONE) keys.push(`done ${out.field(e, Field.STATUS)}/${out.field(e, Field.REASON)}`);
    for (const key of keys) coverage.byEvent.set(key, (coverage.byEvent.get(key) ?? 0) + 1);
  }
}

function runBoth(templates: readonly Template[], options: RunOptions): Coverage {
  const naive = new Engine({ instruments: INSTRUMENTS, book: 'naive', capacity: options.capacity });
  const fast = new Engine({ instruments: INSTRUMENTS, book: 'fast', capacity: options.capacity });
  const resolver = new Resolver();
  const coverage: Coverage = { commands: templates.length, byEvent: new Map() };
  let timestamp = 1_000_000n;
  templates.forEach((t, i) => {
    const command = resolver.resolve(t);
    const seq = i + 1;
    const checkHash = seq % options.hashEvery === 0;
    const before = checkHash ? fast.stateHash() : '';
    timestamp += 7n;
    const a = naive.apply(command, seq, timestamp).bytes();
    const b = fast.apply(command, seq, timestamp).bytes();
    if (Buffer.compare(Buffer.from(a), Buffer.from(b)) !== 0) {
      throw new Error(`event streams differ at seq ${seq} for ${JSON.stringify(command)}`);
    }
    naive.validateInternalState();
    fast.validateInternalState();
    const out = fast.events;
    tally(coverage, fast);
    if (checkHash) {
      const hash = fast.stateHash();
      if (hash !== naive.stateHash()) throw new Error(`state hashes differ after seq ${seq}`);
      const rejected = out.count === 1 && out.type(0) === EventType.REJECTED;
      if (rejected && hash !== before) throw new Error(`reject at seq ${seq} changed the state`);
    }
    resolver.record(fast);
  });
  if (fast.stateHash() !== naive.stateHash()) throw new Error('final state hashes differ');
  return coverage;
}

const ROOMY: BookCapacity = { maxOrders: 10_000, maxLevels: 1_000 };
const TIGHT: BookCapacity = { maxOrders: 8, maxLevels: 4 };

describe('naive and fast books agree', () => {
  it('on short random streams (shrinkable: a failure reduces to a minimal command list)', () => {
    fc.assert(
      fc.property(fc.array(template, { minLength: 1, maxLength: 300 }), fc.boolean(), (templates, tight) => {
        runBoth(templates, { capacity: tight ? TIGHT : ROOMY, hashEvery: 1 });
      }),
      { numRuns: 300, seed: 20261124 },
    );
  });

  it.each([
    ['roomy books', 1, ROOMY],
    ['tight capacity', 2, TIGHT],
  ] as const)('on 100,000-command streams with %s', (_name, seed, capacity) => {
    const templates = fc.sample(template, { seed, numRuns: 100_000 });
    const coverage = runBoth(templates, { capacity, hashEvery: 10 });
    expect(coverage.commands).toBe(100_000);
    // The stream must really exercise the books, not just bounce off validation: every event
    // type and every way an order ends shows up many times.
    const seen = (key: string): number => coverage.byEvent.get(key) ?? 0;
    for (const type of Object.values(EventType)) expect(seen(`type ${type}`)).toBeGreaterThan(100);
    for (const [status, reason] of [[1, 0], [2, 1], [2, 2], [2, 3], [2, 4], [3, 5]]) expect(seen(`done ${status}/${reason}`)).toBeGreaterThan(20);
    expect(seen(`type ${EventType.TRADE}`)).toBeGreaterThan(10_000);
    expect(seen(`type ${EventType.AMENDED}`)).toBeGreaterThan(10_000);
    expect(seen(`type ${EventType.DECREMENTED}`)).toBeGreaterThan(20);
    if (capacity === TIGHT) {
      expect(seen(`reject ${ResultCode.BOOK_FULL}`)).toBeGreaterThan(5);
      expect(seen(`done 2/${DoneReason.PRICE_LEVELS_FULL}`)).toBeGreaterThan(5);
    }
  });
});
