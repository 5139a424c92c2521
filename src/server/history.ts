// Recent history the server keeps in memory from durable commands' events: trades per instrument,
// fills per account and one-minute candles per instrument. Since the process started, bounded;
// the journal holds the full record (a later issue persists history and serves it from there).
import type { Instrument } from '../domain/instrument.js';
import { lotsToQuantity, ticksToPrice } from '../domain/units.js';
import type { Engine } from '../engine/engine.js';
import { EventType, Field } from '../engine/event.js';
import { fillView, type FillView, SIDE_NAMES } from './views.js';

export const TRADES_KEPT = 1000;
export const FILLS_KEPT = 1000;
export const MINUTES_KEPT = 24 * 60;
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

export const INTERVALS: Readonly<Record<string, number>> = { '1m': 1, '5m': 5, '15m': 15, '1h': 60, '4h': 240, '1d': 1440 };

function push<T>(list: T[], item: T, limit: number): void {
  list.push(item);
  if (list.length > limit) list.splice(0, list.length - limit);
}

export class History {
  private readonly trades = new Map<number, TradeView[]>();
  private readonly fills = new Map<number, AccountFill[]>();
  private readonly minutes = new Map<number, Minute[]>();

  constructor(private readonly byId: ReadonlyMap<number, Instrument>) {}

  /** Records the trades of one durable command. */
  observe(engine: Engine, seq: number, timestampNs: bigint): void {
    const events = engine.events;
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
    const merged: Minute[] = [];
    for (const m of this.minutes.get(instrument.id) ?? []) {
      const start = Math.floor(m.start / width) * width;
      const last = merged.at(-1);
      if (last?.start === start) {
        last.high = Math.max(last.high, m.high);
        last.low = Math.min(last.low, m.low);
        last.close = m.close;
        last.volume += m.volume;
        last.trades += m.trades;
      } else {
        merged.push({ ...m, start });
      }
    }
    return merged.slice(-limit).map((c) => ({
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
