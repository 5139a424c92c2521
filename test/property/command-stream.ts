// Random command streams for property tests: templates (what fast-check generates and shrinks)
// resolved against the orders placed so far, so that cancels and amends usually hit open orders.
import fc from 'fast-check';
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
import type { Engine } from '../../src/core/engine.js';
import { EventType, Field } from '../../src/engine/event.js';

/** A command before its order reference is resolved against the orders placed so far. */
export interface Template {
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
  /** PLACE ops: '' (none), one of a small pool per account (so repeats happen), or an invalid one. */
  readonly clientOrderId: string;
}

export const template: fc.Arbitrary<Template> = fc.record({
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
  clientOrderId: fc.oneof(
    { weight: 14, arbitrary: fc.constant('') },
    { weight: 5, arbitrary: fc.integer({ min: 1, max: 40 }).map((n) => `c-${n}`) },
    { weight: 1, arbitrary: fc.constantFrom('~'.repeat(64), 'no spaces', 'x'.repeat(65)) },
  ),
});

/** Resolves templates into commands; remembers accepted orders (id → instrument, account). */
export class Resolver {
  private readonly orders: { id: number; instrument: number; account: number }[] = [];
  /** Ids of orders still open (accepted, no DONE yet), in no particular order. */
  private readonly live: number[] = [];
  private readonly livePosition = new Map<number, number>();
  private readonly byId = new Map<number, { id: number; instrument: number; account: number }>();

  resolve(t: Template): Command {
    const base = { instrumentId: t.instrument, accountId: t.account, side: t.side, quantityLots: t.quantity, selfTradePrevention: t.stp as SelfTradePrevention, clientOrderId: t.clientOrderId };
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

