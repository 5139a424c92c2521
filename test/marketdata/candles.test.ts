// Candles: one-minute buckets on the sequenced clock, merged into wider intervals, read
// back newest-last with a limit (the reader walks back from the newest minute only as far as it needs).
import { describe, expect, it } from 'vitest';
import { place, Side } from '../../src/engine/command.js';
import { Engine } from '../../src/core/engine.js';
import { Candles } from '../../src/marketdata/candles.js';
import { candleView } from '../../src/gateway/rest/views.js';
import { FIFO, INSTRUMENTS } from '../engine/harness.js';

const MINUTE_NS = 60_000_000_000n;
// 2023-11-14T22:10:00Z, on a 5-minute boundary.
const T0 = 1_699_999_800_000_000_000n;

/** Trades `lots` at `ticks` at time `at`: a resting sell from account 1, crossed by a buy from 2. */
function tradeAt(engine: Engine, history: Candles, seq: { n: number }, at: bigint, ticks: number, lots: number): void {
  for (const [accountId, side] of [[1, Side.SELL], [2, Side.BUY]] as const) {
    seq.n++;
    engine.apply(place({ instrumentId: FIFO, accountId, side, priceTicks: ticks, quantityLots: lots }), seq.n, at);
    history.observe({ engine, seq: seq.n, timestampNs: at, reports: [] });
  }
}

describe('Candles', () => {
  it('buckets trades per minute on the sequenced time and merges minutes into wider candles', () => {
    const instrument = INSTRUMENTS.find((i) => i.id === FIFO);
    if (instrument === undefined) throw new Error('no FIFO instrument');
    const engine = new Engine({ instruments: INSTRUMENTS, book: 'fast', capacity: { maxOrders: 100, maxLevels: 100 } });
    const history = new Candles();
    const candles = (_: unknown, minutes: number, limit: number) => history.candles(FIFO, minutes, limit).map((c) => candleView(instrument, c));
    const seq = { n: 0 };
    tradeAt(engine, history, seq, T0 + 1n, 10_000, 2); // 100.00 × 0.002, minute 0
    tradeAt(engine, history, seq, T0 + 30n * 1_000_000_000n, 10_500, 1); // 105.00, minute 0
    tradeAt(engine, history, seq, T0 + 2n * MINUTE_NS, 9_900, 3); // 99.00, minute 2
    tradeAt(engine, history, seq, T0 + 6n * MINUTE_NS + 5n, 10_100, 1); // 101.00, minute 6 (second 5-minute candle)

    const oneMinute = candles(instrument, 1, 10);
    expect(oneMinute.map((c) => [c.start, c.open, c.high, c.low, c.close, c.volume, c.trades])).toEqual([
      ['2023-11-14T22:10:00.000Z', '100.00', '105.00', '100.00', '105.00', '0.003', 2],
      ['2023-11-14T22:12:00.000Z', '99.00', '99.00', '99.00', '99.00', '0.003', 1],
      ['2023-11-14T22:16:00.000Z', '101.00', '101.00', '101.00', '101.00', '0.001', 1],
    ]);
    // The limit keeps the newest candles, oldest first.
    expect(candles(instrument, 1, 2).map((c) => c.start)).toEqual(['2023-11-14T22:12:00.000Z', '2023-11-14T22:16:00.000Z']);
    expect(candles(instrument, 1, 0)).toEqual([]);

    const fiveMinutes = candles(instrument, 5, 10);
    expect(fiveMinutes.map((c) => [c.start, c.open, c.high, c.low, c.close, c.volume, c.trades])).toEqual([
      ['2023-11-14T22:10:00.000Z', '100.00', '105.00', '99.00', '99.00', '0.006', 3],
      ['2023-11-14T22:15:00.000Z', '101.00', '101.00', '101.00', '101.00', '0.001', 1],
    ]);
    // Only the current 5-minute candle: the walk stops at the minute that begins the one before.
    expect(candles(instrument, 5, 1)).toEqual([fiveMinutes[1]]);
    expect(candles(instrument, 60, 5).map((c) => [c.start, c.open, c.close, c.trades])).toEqual([['2023-11-14T22:00:00.000Z', '100.00', '101.00', 4]]);
  });
});
