// The WebSocket's public market data: L1 on change, L2 updates chained by prev_seq (conflated per
// reader by its Outbound), L3 order changes, trades and candles, each encoded once per format for
// however many connections take it, and the L2/L3 snapshots a subscription starts from.
import type { Instrument } from '../../domain/instrument.js';
import { lotsToQuantity, ticksToPrice } from '../../domain/units.js';
import { Side } from '../../engine/command.js';
import { EventType, Field } from '../../engine/event.js';
import { exactUint64, type kapita, pb } from '../../protocol/wire.js';
import type { Candles } from '../../marketdata/candles.js';
import { type CandleView, candleView } from '../rest/views.js';
import type { VenueService } from '../../venue/service.js';
import type { CommandOutcome } from '../../venue/venue.js';
import { CANDLE_INTERVAL, SIDE } from '../spellings.js';
import { binary, type Connection, deliver, encodedOnce } from './connection.js';
import type { PendingBook } from './outbound.js';

export class WsMarketData {
  /** Per instrument: the seq of the last command that changed its book (BookUpdate.prev_seq chain). */
  private readonly lastBookSeq = new Map<number, number>();
  /** Per instrument: the seq of the last L3Update (its own chain: an order can change without its level). */
  private readonly lastL3Seq = new Map<number, number>();
  /** Per instrument: the last top of book sent, to send L1 only on change. */
  private readonly lastTop = new Map<number, string>();

  private readonly byId: ReadonlyMap<number, Instrument>;

  constructor(
    /** The gateway's open connections (read only here). */
    private readonly connections: ReadonlySet<Connection>,
    private readonly service: VenueService,
    /** Built first in the market-data stage (dispatch.ts), before this publishes them. */
    private readonly candles: Candles,
  ) {
    this.byId = service.byId;
  }


  /**
   * Encodes an L2 update when a connection writes it. Connections that waited over the same span of
   * updates hold the same merged update (same symbol, prevSeq and seq), so the frame is shared
   * among them, per format.
   */
  private readonly bookFrames = new Map<string, Uint8Array | string>();
  /** The sequenced time of recent commands that changed a book, by seq (a conflated update carries its last seq's). */
  private readonly bookTimes = new Map<number, bigint>();

  encodeBookFor(connection: () => Connection): (symbol: string, book: PendingBook) => Uint8Array | string {
    return (symbol, book) => {
      const encode = connection().encode;
      const key = `${encode === binary ? 'b' : 'j'}|${symbol}|${book.prevSeq}|${book.seq}`;
      let frame = this.bookFrames.get(key);
      if (frame === undefined) {
        frame = encode({ bookUpdate: { symbol, seq: book.seq, prevSeq: book.prevSeq, timeNs: exactUint64(this.bookTimes.get(book.seq) ?? 0n), changes: [...book.levels.values()].map((l) => ({ side: SIDE.pb(l.side), price: l.price, quantity: l.quantity })) } });
        if (this.bookFrames.size >= 1024) this.bookFrames.clear();
        this.bookFrames.set(key, frame);
      }
      return frame;
    };
  }

  snapshotFrame(connection: Connection, instrument: Instrument, l3: boolean): Uint8Array | string {
    const symbol = instrument.symbol;
    const book = this.service.venue.replica.book(instrument.id);
    if (l3) {
      const orders: { orderId: number; side: kapita.v1.Side; price: string; quantity: string }[] = [];
      for (const side of [Side.BUY, Side.SELL]) {
        book.forEachOrder(side, (orderId, priceTicks, displayedLots) => {
          orders.push({ orderId, side: SIDE.pb(side), price: ticksToPrice(instrument, priceTicks), quantity: lotsToQuantity(instrument, displayedLots) });
        });
      }
      return connection.encode({ bookSnapshot: { symbol, seq: this.lastL3Seq.get(instrument.id) ?? 0, orders } });
    }
    const levels = (side: number): { price: string; quantity: string; orderCount: number }[] =>
      book.levels(side, 1000).map((l) => ({ price: ticksToPrice(instrument, l.priceTicks), quantity: lotsToQuantity(instrument, l.displayedLots), orderCount: l.orderCount }));
    return connection.encode({ bookSnapshot: { symbol, seq: this.lastBookSeq.get(instrument.id) ?? 0, bids: levels(Side.BUY), asks: levels(Side.SELL) } });
  }

  /** Market data of one durable command: L2 and L1 changes, trades, L3 and candles. */
  publish(outcome: CommandOutcome): void {
    if (this.connections.size === 0) return;
    const engine = outcome.engine;
    const events = engine.events;
    const timeMs = Number(outcome.timestampNs / 1_000_000n);
    const changes = new Map<number, { side: number; price: string; quantity: string }[]>();
    for (let i = 0; i < events.count; i++) {
      const type = events.type(i);
      if (type === EventType.BOOK_LEVEL) {
        const instrument = this.byId.get(events.field(i, Field.INSTRUMENT));
        if (instrument === undefined) continue;
        const list = changes.get(instrument.id) ?? [];
        list.push({ side: events.field(i, Field.LEVEL_SIDE), price: ticksToPrice(instrument, events.field(i, Field.LEVEL_PRICE)), quantity: lotsToQuantity(instrument, events.field(i, Field.LEVEL_DISPLAYED)) });
        changes.set(instrument.id, list);
      } else if (type === EventType.TRADE) {
        const instrument = this.byId.get(events.field(i, Field.INSTRUMENT));
        if (instrument === undefined) continue;
        const frame = encodedOnce({
          trade: { symbol: instrument.symbol, tradeId: events.field(i, Field.TRADE_ID), price: ticksToPrice(instrument, events.field(i, Field.TRADE_PRICE)), quantity: lotsToQuantity(instrument, events.field(i, Field.TRADE_QUANTITY)), side: SIDE.pb(events.field(i, Field.AGGRESSOR_SIDE)), seq: outcome.seq, timeMs, timeNs: exactUint64(outcome.timestampNs) },
        });
        for (const connection of this.connections) if (connection.trades.has(instrument.id)) deliver(connection, frame);
      }
    }
    this.publishOrders(outcome);
    this.publishCandles(outcome);
    for (const [instrumentId, list] of changes) {
      const instrument = this.byId.get(instrumentId);
      if (instrument === undefined) continue;
      const prevSeq = this.lastBookSeq.get(instrumentId) ?? 0;
      this.lastBookSeq.set(instrumentId, outcome.seq);
      if (this.bookTimes.size >= 4096) this.bookTimes.delete(this.bookTimes.keys().next().value ?? 0);
      this.bookTimes.set(outcome.seq, outcome.timestampNs);
      for (const connection of this.connections) if (connection.l2.has(instrumentId)) connection.outbound.bookUpdate(instrument.symbol, prevSeq, outcome.seq, list);
      const book = engine.book(instrumentId);
      const [bid] = book.levels(Side.BUY, 1);
      const [ask] = book.levels(Side.SELL, 1);
      const top = {
        symbol: instrument.symbol,
        seq: outcome.seq,
        bidPrice: bid === undefined ? '' : ticksToPrice(instrument, bid.priceTicks),
        bidQuantity: bid === undefined ? '' : lotsToQuantity(instrument, bid.displayedLots),
        askPrice: ask === undefined ? '' : ticksToPrice(instrument, ask.priceTicks),
        askQuantity: ask === undefined ? '' : lotsToQuantity(instrument, ask.displayedLots),
        timeMs,
        timeNs: exactUint64(outcome.timestampNs),
      };
      const key = `${top.bidPrice}/${top.bidQuantity}/${top.askPrice}/${top.askQuantity}`;
      if (this.lastTop.get(instrumentId) === key) continue;
      this.lastTop.set(instrumentId, key);
      const frame = encodedOnce({ topOfBook: top });
      for (const connection of this.connections) if (connection.l1.has(instrumentId)) deliver(connection, frame);
    }
  }

  /**
   * L3: every resting order the command touched, as the book now holds it (displayed quantity; "0"
   * once it has left the book). Not conflated: a reader that stays behind is dropped.
   */
  private publishOrders(outcome: CommandOutcome): void {
    const events = outcome.engine.events;
    const touched = new Map<number, Set<number>>();
    const note = (instrumentId: number, orderId: number): void => {
      const set = touched.get(instrumentId) ?? new Set<number>();
      set.add(orderId);
      touched.set(instrumentId, set);
    };
    for (let i = 0; i < events.count; i++) {
      const type = events.type(i);
      const instrumentId = events.field(i, Field.INSTRUMENT);
      if (type === EventType.TRADE) {
        note(instrumentId, events.field(i, Field.MAKER_ORDER_ID));
        note(instrumentId, events.field(i, Field.TAKER_ORDER_ID));
      } else if (type === EventType.ACCEPTED || type === EventType.DONE || type === EventType.AMENDED || type === EventType.DECREMENTED || type === EventType.TRIGGERED) {
        note(instrumentId, events.field(i, Field.ORDER_ID));
      }
    }
    for (const [instrumentId, ids] of touched) {
      const instrument = this.byId.get(instrumentId);
      if (instrument === undefined) continue;
      let subscribed = false;
      for (const connection of this.connections) if (connection.l3.has(instrumentId)) subscribed = true;
      const book = outcome.engine.book(instrumentId);
      const changes: { orderId: number; side: kapita.v1.Side; price: string; quantity: string }[] = [];
      for (const orderId of ids) {
        const order = book.order(orderId);
        if (order !== undefined && order.pendingStop) continue;
        if (order === undefined) {
          // Left the book (or never rested): "0" removes it; a client ignores an id it never saw.
          changes.push({ orderId, side: pb.Side.SIDE_UNSPECIFIED, price: '', quantity: '0' });
        } else {
          changes.push({ orderId, side: SIDE.pb(order.side), price: ticksToPrice(instrument, order.priceTicks), quantity: lotsToQuantity(instrument, order.displayedLots) });
        }
      }
      if (changes.length === 0) continue;
      const prevSeq = this.lastL3Seq.get(instrumentId) ?? 0;
      this.lastL3Seq.set(instrumentId, outcome.seq);
      if (!subscribed) continue;
      const frame = encodedOnce({ l3Update: { symbol: instrument.symbol, seq: outcome.seq, prevSeq, changes } });
      for (const connection of this.connections) if (connection.l3.has(instrumentId)) deliver(connection, frame);
    }
  }

  /**
   * The current candle of each subscribed interval of every instrument the command traded in.
   * When a trade opens a new interval, the subscriber first gets the candle it had been following
   * again, final, with `closed` set.
   */
  private publishCandles(outcome: CommandOutcome): void {
    const events = outcome.engine.events;
    const traded = new Set<number>();
    for (let i = 0; i < events.count; i++) if (events.type(i) === EventType.TRADE) traded.add(events.field(i, Field.INSTRUMENT));
    for (const instrumentId of traded) {
      const instrument = this.byId.get(instrumentId);
      if (instrument === undefined) continue;
      // Computed once per interval and command, whatever the number of subscribers.
      const frames = new Map<number, { startMs: number; current: ReturnType<typeof encodedOnce>; previous: { startMs: number; frame: ReturnType<typeof encodedOnce> } | undefined }>();
      const framesFor = (minutes: number) => {
        let entry = frames.get(minutes);
        if (entry !== undefined) return entry;
        const recent = this.candles.candles(instrument.id, minutes, 2).map((c) => candleView(instrument, c));
        const current = recent.at(-1);
        const before = recent.length === 2 ? recent[0] : undefined;
        if (current === undefined) return undefined;
        const interval = CANDLE_INTERVAL.pb(minutes);
        const message = (c: CandleView, closed: boolean) => encodedOnce({ candle: { symbol: instrument.symbol, interval, startMs: Date.parse(c.start), startNs: exactUint64(BigInt(Date.parse(c.start)) * 1_000_000n), open: c.open, high: c.high, low: c.low, close: c.close, volume: c.volume, trades: c.trades, closed } });
        entry = { startMs: Date.parse(current.start), current: message(current, false), previous: before === undefined ? undefined : { startMs: Date.parse(before.start), frame: message(before, true) } };
        frames.set(minutes, entry);
        return entry;
      };
      for (const connection of this.connections) {
        const intervals = connection.candles.get(instrumentId);
        if (intervals === undefined) continue;
        for (const [minutes, lastStart] of intervals) {
          const entry = framesFor(minutes);
          if (entry === undefined) continue;
          if (entry.previous !== undefined && lastStart !== 0 && lastStart !== entry.startMs && entry.previous.startMs === lastStart) deliver(connection, entry.previous.frame);
          intervals.set(minutes, entry.startMs);
          deliver(connection, entry.current);
        }
      }
    }
  }
}
