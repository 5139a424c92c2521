// One-minute candles per instrument from the durable trades, merged into wider intervals on read.
// Integers only (ticks, lots, ms); the gateways turn them into their own spellings. Runs first in the
// market-data stage (dispatch.ts): the candle publishers read what this command's trades made.
import { EventType, Field } from '../engine/event.js';
import type { CommandOutcome } from '../venue/venue.js';

export const MINUTES_KEPT = 24 * 60;
const MINUTE_NS = 60_000_000_000n;

export interface Candle {
  /** Start of the interval, ms since the epoch. */
  start: number;
  open: number;
  high: number;
  low: number;
  close: number;
  /** Lots traded. */
  volume: number;
  trades: number;
}

export class Candles {
  private readonly minutes = new Map<number, Candle[]>();

  observe(outcome: CommandOutcome): void {
    const events = outcome.engine.events;
    const minuteStart = Number((outcome.timestampNs / MINUTE_NS) * 60_000n);
    for (let i = 0; i < events.count; i++) {
      if (events.type(i) !== EventType.TRADE) continue;
      this.add(events.field(i, Field.INSTRUMENT), minuteStart, events.field(i, Field.TRADE_PRICE), events.field(i, Field.TRADE_QUANTITY));
    }
  }

  private add(instrumentId: number, minuteStart: number, price: number, lots: number): void {
    const minutes = this.minutes.get(instrumentId) ?? [];
    const last = minutes.at(-1);
    if (last?.start === minuteStart) {
      last.high = Math.max(last.high, price);
      last.low = Math.min(last.low, price);
      last.close = price;
      last.volume += lots;
      last.trades++;
    } else {
      minutes.push({ start: minuteStart, open: price, high: price, low: price, close: price, volume: lots, trades: 1 });
      if (minutes.length > MINUTES_KEPT) minutes.splice(0, minutes.length - MINUTES_KEPT);
    }
    this.minutes.set(instrumentId, minutes);
  }

  /** Candles of `minutes` minutes, oldest first; minutes without trades are absent. */
  candles(instrumentId: number, minutes: number, limit: number): Candle[] {
    const width = minutes * 60_000;
    // Walks back from the newest minute and stops once `limit` candles are complete, so the
    // current candle costs the minutes of its own interval, not the whole history.
    const merged: Candle[] = [];
    const all = this.minutes.get(instrumentId) ?? [];
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
    return merged.reverse();
  }
}
