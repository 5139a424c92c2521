// Command streams for the engine benchmark, generated from fixed seeds. Each stream exists twice, in
// Kapita's command form and in nodejs-order-book's call form, built before any clock starts, so both
// engines are timed on identical work and neither pays for the other's input format.
import { defineInstrument, type Instrument, type InstrumentSpec } from '../src/domain/instrument.js';
import { amend, cancel, type Command, place, Side, TimeInForce } from '../src/engine/command.js';
import { Engine } from '../src/core/engine.js';
import { type EventBuffer, EventType, Field } from '../src/engine/event.js';
import { Random } from './random.js';

/** The instrument every benchmark trades: BTC-USD, FIFO, 10^7 ticks of price range. */
export const BENCH_INSTRUMENT_SPEC: InstrumentSpec = {
  id: 1,
  symbol: 'BTC-USD',
  baseAsset: 'BTC',
  quoteAsset: 'USD',
  tickSize: '0.01',
  lotSize: '0.0001',
  minPrice: '0.01',
  maxPrice: '100000',
  minQuantity: '0.0001',
  maxQuantity: '1000',
  matching: { kind: 'fifo' },
};

export const BENCH_INSTRUMENT: Instrument = defineInstrument(BENCH_INSTRUMENT_SPEC);

/** One nodejs-order-book call: 0 limit, 1 cancel, 2 modify (price). */
export interface PeerOp {
  readonly op: 0 | 1 | 2;
  readonly id: string;
  readonly limit: { side: 'buy' | 'sell'; id: string; size: number; price: number; timeInForce: 'GTC' | 'IOC' } | undefined;
  readonly price: number;
}

export interface Workload {
  readonly name: string;
  /** Applied before timing starts (builds the initial book). */
  readonly prefill: Command[];
  readonly commands: Command[];
  readonly peerPrefill: PeerOp[];
  readonly peerOps: PeerOp[];
  readonly mix: Record<string, number>;
  readonly capacity: { maxOrders: number; maxLevels: number };
}

const CENTER = 5_000_000; // 50,000.00 in ticks of 0.01

/** Tracks which orders are open, from the generating engine's events (bench/risk.ts keeps one per instrument). */
export class LiveOrders {
  readonly ids: number[] = [];
  private readonly position = new Map<number, number>();
  readonly side = new Map<number, number>();
  readonly account = new Map<number, number>();
  readonly price = new Map<number, number>();

  observe(engine: Engine): void {
    const events = engine.events;
    for (let i = 0; i < events.count; i++) this.observeEvent(events, i);
  }

  /** Follows one event: ACCEPTED adds an order, DONE removes it, AMENDED moves its price. */
  observeEvent(events: EventBuffer, i: number): void {
    const type = events.type(i);
    const id = events.field(i, Field.ORDER_ID);
    if (type === EventType.ACCEPTED) {
      this.position.set(id, this.ids.length);
      this.ids.push(id);
      this.side.set(id, events.field(i, Field.SIDE));
      this.account.set(id, events.field(i, Field.ACCOUNT));
      this.price.set(id, events.field(i, Field.PRICE));
    } else if (type === EventType.DONE) {
      this.remove(id);
    } else if (type === EventType.AMENDED) {
      this.price.set(id, events.field(i, Field.AMEND_PRICE));
    }
  }

  private remove(id: number): void {
    const at = this.position.get(id);
    const last = this.ids.pop();
    if (at === undefined || last === undefined) throw new Error(`order ${id} closed twice`);
    if (last !== id) {
      this.ids[at] = last;
      this.position.set(last, at);
    }
    this.position.delete(id);
    this.side.delete(id);
    this.account.delete(id);
    this.price.delete(id);
  }

  pick(random: Random): number {
    const id = this.ids[random.int(0, this.ids.length - 1)];
    if (id === undefined) throw new Error('no live order');
    return id;
  }
}

function peerLimit(id: number, side: number, size: number, price: number, tif: 'GTC' | 'IOC'): PeerOp {
  const key = String(id);
  return { op: 0, id: key, limit: { side: side === Side.BUY ? 'buy' : 'sell', id: key, size, price, timeInForce: tif }, price };
}

/**
 * Workload 1, exchange-core's mix: 9% GTC limit, 3% IOC, 6% cancel, 82% move (amend price), over
 * about 1,000 resting orders from 1,000 accounts. GTC prices fall in a band of BAND ticks on their
 * own side of the centre, so resting orders never cross; IOC orders cross and take liquidity.
 */
export function exchangeCoreMix(commandCount: number, seed = 1): Workload {
  const BAND = 800;
  const capacity = { maxOrders: 4096, maxLevels: 4096 };
  const engine = new Engine({ instruments: [BENCH_INSTRUMENT], book: 'fast', capacity });
  const random = new Random(seed);
  const live = new LiveOrders();
  const prefill: Command[] = [];
  const peerPrefill: PeerOp[] = [];
  const commands: Command[] = [];
  const peerOps: PeerOp[] = [];
  const mix = { gtc: 0, ioc: 0, cancel: 0, move: 0 };
  let seq = 0;
  const bandPrice = (side: number): number => (side === Side.BUY ? CENTER - random.int(1, BAND) : CENTER + random.int(0, BAND - 1));
  const gtc = (): [Command, PeerOp] => {
    const side = random.int(0, 1) === 0 ? Side.BUY : Side.SELL;
    const price = bandPrice(side);
    const quantity = random.int(1, 100);
    const command = place({ instrumentId: 1, accountId: random.int(1, 1000), side, priceTicks: price, quantityLots: quantity });
    return [command, peerLimit(seq + 1, side, quantity, price, 'GTC')];
  };
  const emit = (command: Command, peer: PeerOp, intoPrefill: boolean): void => {
    engine.apply(command, ++seq, 0n);
    live.observe(engine);
    (intoPrefill ? prefill : commands).push(command);
    (intoPrefill ? peerPrefill : peerOps).push(peer);
  };
  while (live.ids.length < 1000) {
    const [command, peer] = gtc();
    emit(command, peer, true);
  }
  for (let i = 0; i < commandCount; i++) {
    const r = random.fraction();
    if (r < 0.09 || live.ids.length === 0) {
      const [command, peer] = gtc();
      mix.gtc++;
      emit(command, peer, false);
    } else if (r < 0.12) {
      const side = random.int(0, 1) === 0 ? Side.BUY : Side.SELL;
      const price = side === Side.BUY ? CENTER + BAND : CENTER - BAND;
      // IOC size steers the book back to about 1,000 resting orders without changing the mix.
      const quantity = random.int(1, live.ids.length > 1000 ? 200 : 40);
      mix.ioc++;
      emit(place({ instrumentId: 1, accountId: random.int(1, 1000), side, priceTicks: price, quantityLots: quantity, timeInForce: TimeInForce.IOC }), peerLimit(seq + 1, side, quantity, price, 'IOC'), false);
    } else if (r < 0.18) {
      const id = live.pick(random);
      mix.cancel++;
      emit(cancel(1, live.account.get(id) ?? 0, id), { op: 1, id: String(id), limit: undefined, price: 0 }, false);
    } else {
      const id = live.pick(random);
      const side = live.side.get(id) ?? Side.BUY;
      let price = bandPrice(side);
      if (price === live.price.get(id)) price += side === Side.BUY ? -1 : 1;
      mix.move++;
      emit(amend(1, live.account.get(id) ?? 0, id, { priceTicks: price }), { op: 2, id: String(id), limit: undefined, price }, false);
    }
  }
  return { name: 'exchange-core mix', prefill, commands, peerPrefill, peerOps, mix, capacity };
}

/**
 * Workload 2, nodejs-order-book's own: a stream of new GTC limit orders on both sides with gaussian
 * prices around one centre (σ = 20 ticks), so that part of them cross and trade.
 */
export function crossingLimits(commandCount: number, seed = 2): Workload {
  const random = new Random(seed);
  const commands: Command[] = [];
  const peerOps: PeerOp[] = [];
  for (let i = 0; i < commandCount; i++) {
    const side = random.int(0, 1) === 0 ? Side.BUY : Side.SELL;
    // Box–Muller: one standard normal from two uniforms.
    const normal = Math.sqrt(-2 * Math.log(1 - random.fraction())) * Math.cos(2 * Math.PI * random.fraction());
    const price = CENTER + Math.round(normal * 20);
    const quantity = random.int(1, 100);
    commands.push(place({ instrumentId: 1, accountId: random.int(1, 1000), side, priceTicks: price, quantityLots: quantity }));
    peerOps.push(peerLimit(i + 1, side, quantity, price, 'GTC'));
  }
  return { name: 'crossing limits', prefill: [], commands, peerPrefill: [], peerOps, mix: { gtc: commandCount }, capacity: { maxOrders: commandCount, maxLevels: 4096 } };
}
