// Recent history the server keeps in memory from durable commands' events: trades per instrument,
// fills per account and one-minute candles per instrument. Since the process started, bounded;
// the journal holds the full record (a later issue persists history and serves it from there).
import type { Instrument } from '../domain/instrument.js';
import { lotsToQuantity, ticksToPrice } from '../domain/units.js';
import type { Engine } from '../core/engine.js';
import { DoneStatus, EventType, Field } from '../engine/event.js';
import { fillView, type FillView, type OrderResponse, SIDE_NAMES, TIF_NAMES, TYPE_NAMES } from '../gateway/rest/views.js';

export const TRADES_KEPT = 1000;
export const FILLS_KEPT = 1000;
export const MINUTES_KEPT = 24 * 60;
/** Closed orders remembered per account (newest kept). */
export const CLOSED_KEPT = 1000;
const MINUTE_NS = 60_000_000_000n;

export interface TradeView {
  tradeId: number;
  price: string;
  quantity: string;
  /** The aggressor's side. */
  side: 'buy' | 'sell';
  time: string;
  seq: number;
}

export interface AccountFill extends FillView {
  orderId: number;
  symbol: string;
  side: 'buy' | 'sell';
  time: string;
  seq: number;
}

interface Minute {
  /** Start of the minute, ms since the epoch. */
  start: number;
  open: number;
  high: number;
  low: number;
  close: number;
  /** Lots traded. */
  volume: number;
  trades: number;
}

export interface CandleView {
  start: string;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
  trades: number;
}

/** Candle intervals by name, in minutes (a Map: looked up by client input). */
export const INTERVALS: ReadonlyMap<string, number> = new Map([['1m', 1], ['5m', 5], ['15m', 15], ['1h', 60], ['4h', 240], ['1d', 1440]]);

function push<T>(list: T[], item: T, limit: number): void {
  list.push(item);
  if (list.length > limit) list.splice(0, list.length - limit);
}

/** An order followed from its ACCEPTED event to its DONE, so it can be read back once closed. */
interface Followed {
  readonly accountId: number;
  readonly instrument: Instrument;
  readonly view: OrderResponse;
  priceTicks: number;
  quantityLots: number;
  filledLots: number;
}

export class History {
  /** Orders accepted since start and still open (the replica holds their live state; this, what a closed one looked like). */
  private readonly open = new Map<number, Followed>();
  private readonly closed = new Map<number, OrderResponse[]>();
  private readonly trades = new Map<number, TradeView[]>();
  private readonly fills = new Map<number, AccountFill[]>();
  private readonly minutes = new Map<number, Minute[]>();

  constructor(private readonly byId: ReadonlyMap<number, Instrument>) {}

  /** Records the trades and order lifecycles of one durable command. `clientOrderIdOf` names orders placed with one. */
  observe(engine: Engine, seq: number, timestampNs: bigint, clientOrderIdOf: (orderId: number) => string | undefined = () => undefined): void {
    const events = engine.events;
    this.followOrders(engine, clientOrderIdOf);
    const time = new Date(Number(timestampNs / 1_000_000n)).toISOString();
    const minuteStart = Number((timestampNs / MINUTE_NS) * 60_000n);
    for (let i = 0; i < events.count; i++) {
      if (events.type(i) !== EventType.TRADE) continue;
      const instrument = this.byId.get(events.field(i, Field.INSTRUMENT));
      if (instrument === undefined) continue;
      const price = events.field(i, Field.TRADE_PRICE);
      const lots = events.field(i, Field.TRADE_QUANTITY);
      const aggressor = events.field(i, Field.AGGRESSOR_SIDE);
      const tradeId = events.field(i, Field.TRADE_ID);
      const trades = this.trades.get(instrument.id) ?? [];
      push(trades, { tradeId, price: ticksToPrice(instrument, price), quantity: lotsToQuantity(instrument, lots), side: SIDE_NAMES[aggressor] ?? 'buy', time, seq }, TRADES_KEPT);
      this.trades.set(instrument.id, trades);
      for (const maker of [true, false]) {
        const account = events.field(i, maker ? Field.MAKER_ACCOUNT : Field.TAKER_ACCOUNT);
        const orderId = events.field(i, maker ? Field.MAKER_ORDER_ID : Field.TAKER_ORDER_ID);
        const takerSide = SIDE_NAMES[aggressor] ?? 'buy';
        const side = maker ? (takerSide === 'buy' ? 'sell' : 'buy') : takerSide;
        const fills = this.fills.get(account) ?? [];
        push(fills, { ...fillView(engine, instrument, events, i, maker), orderId, symbol: instrument.symbol, side, time, seq }, FILLS_KEPT);
        this.fills.set(account, fills);
      }
      const minutes = this.minutes.get(instrument.id) ?? [];
      const last = minutes.at(-1);
      if (last?.start === minuteStart) {
        last.high = Math.max(last.high, price);
        last.low = Math.min(last.low, price);
        last.close = price;
        last.volume += lots;
        last.trades++;
      } else {
        push(minutes, { start: minuteStart, open: price, high: price, low: price, close: price, volume: lots, trades: 1 }, MINUTES_KEPT);
      }
      this.minutes.set(instrument.id, minutes);
    }
  }

  private followOrders(engine: Engine, clientOrderIdOf: (orderId: number) => string | undefined): void {
    const events = engine.events;
    for (let i = 0; i < events.count; i++) {
      const type = events.type(i);
      if (type === EventType.ACCEPTED) {
        const instrument = this.byId.get(events.field(i, Field.INSTRUMENT));
        if (instrument === undefined) continue;
        const id = events.field(i, Field.ORDER_ID);
        const price = events.field(i, Field.PRICE);
        const stop = events.field(i, Field.STOP_PRICE);
        this.open.set(id, {
          accountId: events.field(i, Field.ACCOUNT),
          instrument,
          priceTicks: price,
          quantityLots: events.field(i, Field.QUANTITY),
          filledLots: 0,
          view: {
            orderId: id,
            clientOrderId: clientOrderIdOf(id),
            symbol: instrument.symbol,
            side: SIDE_NAMES[events.field(i, Field.SIDE)] ?? 'buy',
            type: TYPE_NAMES[events.field(i, Field.ORDER_TYPE)] ?? 'limit',
            timeInForce: TIF_NAMES[events.field(i, Field.TIME_IN_FORCE)] ?? 'GTC',
            price: price > 0 ? ticksToPrice(instrument, price) : undefined,
            stopPrice: stop > 0 ? ticksToPrice(instrument, stop) : undefined,
            quantity: '',
            filledQuantity: '',
            status: 'new',
            fills: [],
          },
        });
      } else if (type === EventType.TRADE) {
        for (const field of [Field.MAKER_ORDER_ID, Field.TAKER_ORDER_ID]) {
          const followed = this.open.get(events.field(i, field));
          if (followed !== undefined) followed.filledLots += events.field(i, Field.TRADE_QUANTITY);
        }
      } else if (type === EventType.AMENDED) {
        const followed = this.open.get(events.field(i, Field.ORDER_ID));
        if (followed === undefined) continue;
        followed.priceTicks = events.field(i, Field.AMEND_PRICE);
        followed.quantityLots = events.field(i, Field.AMEND_QUANTITY);
      } else if (type === EventType.DECREMENTED) {
        const followed = this.open.get(events.field(i, Field.ORDER_ID));
        if (followed !== undefined) followed.quantityLots -= events.field(i, Field.DECREMENT);
      } else if (type === EventType.DONE) {
        const id = events.field(i, Field.ORDER_ID);
        const followed = this.open.get(id);
        if (followed === undefined) continue;
        this.open.delete(id);
        const status = events.field(i, Field.STATUS);
        const { instrument } = followed;
        const view: OrderResponse = {
          ...followed.view,
          price: followed.priceTicks > 0 ? ticksToPrice(instrument, followed.priceTicks) : undefined,
          quantity: lotsToQuantity(instrument, followed.quantityLots),
          filledQuantity: lotsToQuantity(instrument, followed.filledLots),
          status: status === DoneStatus.FILLED ? 'filled' : status === DoneStatus.EXPIRED ? 'expired' : 'cancelled',
        };
        const list = this.closed.get(followed.accountId) ?? [];
        push(list, view, CLOSED_KEPT);
        this.closed.set(followed.accountId, list);
      }
    }
  }

  /** A closed order of the account, if it was accepted since start and is among its last CLOSED_KEPT. */
  closedOrder(accountId: number, orderId: number): OrderResponse | undefined {
    return (this.closed.get(accountId) ?? []).find((o) => o.orderId === orderId);
  }

  closedOrders(accountId: number, symbol: string | undefined): OrderResponse[] {
    return (this.closed.get(accountId) ?? []).filter((o) => symbol === undefined || o.symbol === symbol).reverse();
  }

  recentTrades(instrumentId: number, limit: number): TradeView[] {
    return (this.trades.get(instrumentId) ?? []).slice(-limit).reverse();
  }

  accountFills(accountId: number, instrumentSymbol: string | undefined, limit: number): AccountFill[] {
    const all = this.fills.get(accountId) ?? [];
    return all.filter((f) => instrumentSymbol === undefined || f.symbol === instrumentSymbol).slice(-limit).reverse();
  }

  /** Candles of `minutes` minutes from the one-minute ones, oldest first; minutes without trades are absent. */
  candles(instrument: Instrument, minutes: number, limit: number): CandleView[] {
    const width = minutes * 60_000;
    // Walks back from the newest minute and stops once `limit` candles are complete, so the
    // current candle costs the minutes of its own interval, not the whole history.
    const merged: Minute[] = [];
    const all = this.minutes.get(instrument.id) ?? [];
    for (let i = all.length - 1; i >= 0; i--) {
      const m = all[i];
      if (m === undefined) break;
      const start = Math.floor(m.start / width) * width;
      const first = merged.at(-1);
      if (first?.start === start) {
        first.high = Math.max(first.high, m.high);
        first.low = Math.min(first.low, m.low);
        first.open = m.open;
        first.volume += m.volume;
        first.trades += m.trades;
      } else {
        if (merged.length === limit) break;
        merged.push({ ...m, start });
      }
    }
    merged.reverse();
    return merged.map((c) => ({
      start: new Date(c.start).toISOString(),
      open: ticksToPrice(instrument, c.open),
      high: ticksToPrice(instrument, c.high),
      low: ticksToPrice(instrument, c.low),
      close: ticksToPrice(instrument, c.close),
      volume: lotsToQuantity(instrument, c.volume),
      trades: c.trades,
    }));
  }
}
