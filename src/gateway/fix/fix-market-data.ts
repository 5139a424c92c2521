// Market data and reference data over FIX 5.0 SP2 / FIXT.1.1, beside the order application
// (fix-gateway.ts), from the same durable command outcomes as the REST and WebSocket APIs.
//
// - SecurityListRequest (x) → SecurityList (y). 559=4 lists every instrument, 559=0 the one named
//   in 55 (560=2 when there is none); any other 559 is answered 560=1 with SecurityRejectReason
//   1607=3 (FIX 5.0 SP2 has no Text (58) on SecurityList). Per instrument: 55; 969 the tick; 107
//   "BASE/QUOTE" (the only place the base asset fits); 1306=0 with 1148/1149 the instrument's
//   static price bounds; 562/1140 the least and most quantity of an order; 561 the lot; 15 the
//   quote asset. No SecurityType (167): an instrument is a pair of assets the venue knows nothing
//   more about, so naming an asset class would be a guess. A list too long for one message goes
//   out in fragments (893=N … 893=Y) sharing 320 and 322.
// - MarketDataRequest (V): 263=0 a snapshot, 1 a snapshot then updates, 2 ends the subscription
//   named by 262. Entry types (269) 0 bid, 1 offer, 2 trade; MarketDepth (264) 0 for the full
//   book or 1..MAX_MARKET_DEPTH levels a side; updates are incremental only (265=1, also when 265
//   is absent): a full refresh per change would resend a whole book on every command. Each symbol
//   gets a MarketDataSnapshotFullRefresh (W); then every durable command that changed a subscribed
//   book, or traded on it, sends each subscription one MarketDataIncrementalRefresh (X). One X per
//   subscription rather than per session, because X carries one MDReqID (262) and its entries have
//   none: a session with two subscriptions on one symbol (depth 1 and the full book, say) could not
//   tell their entries apart in a shared message. Refusals are MarketDataRequestReject (Y) with
//   MDReqRejReason (281) and the venue's code in Text (58), as the order application's rejects:
//   0 unknown symbol, 1 MDReqID already live on the session, 2 more than
//   MAX_SUBSCRIPTIONS_PER_SESSION, 4 other 263, 5 depth out of range or a snapshot too large for
//   one message (a full book of many levels), 6 265=0, 7 266=N, 8 other 269. Ending an unknown
//   MDReqID is refused without 281 (no reason names it). An increment too large for one message
//   is split into several X.
// - Entries are price levels (aggregated, 266=N refused): 279 0 new, 1 change, 2 delete, keyed by
//   side and MDEntryPx, with MDEntrySize (271) the displayed quantity and NumberOfOrders (346);
//   snapshots also number the levels (MDPriceLevel 1023, 1 = best) and carry LastUpdateTime (779,
//   required: the sequenced time of the last command that changed the book or traded on it). A
//   depth-N book gets explicit deletes and news as levels leave and enter its top N. Trades are
//   269=2 279=0 entries with TradeID (1003), AggressorSide (2446) and MDEntryDate/Time (272/273,
//   the sequenced time).
// - RptSeq (83) on every entry is a venue command seq: on a snapshot's levels (and on the 269=J
//   entry of an empty book) the seq of the last command that changed that book, on an increment
//   the seq of its command. A client drops increments whose 83 is not above its snapshot's. Seqs
//   are not consecutive per book, so 83 orders updates without revealing gaps; the session's own
//   sequence numbers and resends do that.
// - Cost: the book a subscriber was last sent is kept once per (instrument, depth) and shared by
//   every subscriber of it; a command's changes to it and its trades are formatted once, and each
//   subscription's X only adds its 262 around the shared entries (the session then encodes it).
//   The full book follows the command's BOOK_LEVEL events; a depth-N book is recomputed from the
//   replica (a level leaving the top N brings in one that no event names) and diffed.
//
// The gateway calls observe() for every durable command after the order application has sent its
// ExecutionReports, so a session's order traffic is never queued behind its market data. Requests
// arrive between commands, when the replica holds exactly the state the last observe() saw: a
// snapshot taken then is where the next increments start. A session's subscriptions end with its
// connection (onDisconnect), and with its logon if a command finds it logged off.
import type { Instrument } from '../../domain/instrument.js';
import { ResultCode, resultCodeText } from '../../domain/result-codes.js';
import { lotsToQuantity, ticksToPrice } from '../../domain/units.js';
import { Side } from '../../engine/command.js';
import { type EventBuffer, EventType, Field } from '../../engine/event.js';
import type { OrderBook } from '../../engine/order-book.js';
import { DEFAULT_MAX_MESSAGE_BYTES, type FixField, type FixMessage } from '../../fix/codec.js';
import { BusinessRejectReason } from '../../fix/reasons.js';
import type { FixSessionHandle } from '../../fix/session-types.js';
import { formatUtcTimestamp } from '../../fix/utc-time.js';
import type { History } from '../../marketdata/history.js';
import { SIDE } from '../spellings.js';
import type { CommandOutcome, Venue } from '../../venue/venue.js';

export interface FixMarketDataOptions {
  /** The replica (venue.replica) for snapshots. */
  readonly venue: Pick<Venue, 'replica'>;
  readonly instruments: readonly Instrument[];
  /** Recent trades for snapshots that ask for trades (269=2). */
  readonly history: History;
  readonly now: () => number;
  /** Largest message a session may send (the acceptor's maxMessageBytes); default DEFAULT_MAX_MESSAGE_BYTES. */
  readonly maxMessageBytes?: number;
}

/**
 * MarketDepth (264) above this is refused (281=5): a depth-N book is recomputed from the replica
 * after every command that changes it. 0, the full book, has no such bound.
 */
export const MAX_MARKET_DEPTH = 100;
/** Live subscriptions (MDReqIDs) per session; one more is refused with 281=2. */
export const MAX_SUBSCRIPTIONS_PER_SESSION = 100;
/** The most recent trades a snapshot carries when it asks for trades, oldest first. */
export const SNAPSHOT_TRADES = 20;
/** What the session adds around a body besides the two CompIDs: 35, 34, 52, the tags of 49/56, CheckSum. */
const HEADER_BYTES = 128;
/** book.levels() depth that means every level. */
const ALL_LEVELS = Number.MAX_SAFE_INTEGER;

/** Which entries a subscription wants, as bits: MDEntryType (269) 0, 1, 2. */
const BIDS = 1;
const OFFERS = 2;
const TRADES = 4;
const BOOK = BIDS | OFFERS;
const ENTRY_TYPE_BITS: ReadonlyMap<string, number> = new Map([
  ['0', BIDS],
  ['1', OFFERS],
  ['2', TRADES],
]);

/** MDEntryType (269). */
const BID = '0';
const OFFER = '1';
const TRADE = '2';
const EMPTY_BOOK = 'J';
/** MDUpdateAction (279). */
const NEW = '0';
const CHANGE = '1';
const DELETE = '2';

/** MDReqRejReason (281). */
const MdRejectReason = {
  UNKNOWN_SYMBOL: '0',
  DUPLICATE_MD_REQ_ID: '1',
  INSUFFICIENT_BANDWIDTH: '2',
  UNSUPPORTED_SUBSCRIPTION_REQUEST_TYPE: '4',
  UNSUPPORTED_MARKET_DEPTH: '5',
  UNSUPPORTED_MD_UPDATE_TYPE: '6',
  UNSUPPORTED_AGGREGATED_BOOK: '7',
  UNSUPPORTED_MD_ENTRY_TYPE: '8',
} as const;
type MdRejectReason = (typeof MdRejectReason)[keyof typeof MdRejectReason];

/** SecurityRequestResult (560). */
const VALID_REQUEST = 0;
const INVALID_OR_UNSUPPORTED_REQUEST = 1;
const NO_INSTRUMENTS_FOUND = 2;
/** SecurityRejectReason (1607). */
const INVALID_INSTRUMENT_REQUESTED = 1;
const REQUEST_TYPE_NOT_SUPPORTED = 3;
/** PriceLimitType (1306): the limits are prices. */
const PRICE_LIMITS = 0;

/** One price level as subscribers were last sent it. */
interface Level {
  /** Displayed lots. */
  readonly lots: number;
  readonly orders: number;
}

/** Per side, price ticks → level: [bids, offers]. */
type Levels = readonly [Map<number, Level>, Map<number, Level>];

/** One book at one depth as every subscriber of it was last sent it. */
interface BookView {
  readonly instrument: Instrument;
  /** 0: every level; N: the best N a side. */
  readonly depth: number;
  readonly levels: Levels;
  subscribers: number;
}

interface Subscription {
  readonly session: FixSessionHandle;
  readonly mdReqId: string;
  readonly instruments: readonly Instrument[];
  readonly depth: number;
  /** BIDS | OFFERS | TRADES. */
  readonly wants: number;
}

/** One NoMDEntries (268) entry, formatted once and shared by every message that carries it. */
interface Entry {
  /** BIDS, OFFERS or TRADES: which subscriptions want it. */
  readonly kind: number;
  readonly fields: readonly FixField[];
  /** Its size on the wire. */
  readonly bytes: number;
}

/** What one command did to one subscribed instrument, formatted once for all its subscribers. */
interface InstrumentUpdate {
  readonly trades: readonly Entry[];
  /** The changes to each of its views, by depth (views of a book the command did not change are absent). */
  readonly views: ReadonlyMap<number, readonly Entry[]>;
  /** The entries of one (depth, wants) combination, built on first use. */
  readonly selections: Map<number, readonly Entry[]>;
}

function entry(kind: number, fields: readonly FixField[]): Entry {
  return { kind, fields, bytes: wireBytes(fields) };
}

/** `tag=value<SOH>` bytes of the fields (values are ASCII). */
function wireBytes(fields: readonly FixField[]): number {
  let bytes = 0;
  for (const [tag, value] of fields) bytes += String(tag).length + String(value).length + 2;
  return bytes;
}

/** Entries in runs of at most `budget` bytes (one run, the usual case, when they all fit). */
function split(entries: readonly Entry[], budget: number): (readonly Entry[])[] {
  const runs: Entry[][] = [];
  let run: Entry[] = [];
  let bytes = 0;
  for (const item of entries) {
    if (run.length > 0 && bytes + item.bytes > budget) {
      runs.push(run);
      run = [];
      bytes = 0;
    }
    run.push(item);
    bytes += item.bytes;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** A group's NumInGroup field followed by its entries' fields. */
function group(countTag: number, entries: readonly Entry[]): FixField[] {
  const fields: FixField[] = [[countTag, entries.length]];
  for (const item of entries) for (const field of item.fields) fields.push(field);
  return fields;
}

/**
 * The values of a repeating group's delimiter (the field that starts every entry), in order. The
 * session validated the message against the dictionary before the application saw it, so the
 * NumInGroup count is right and every entry starts with its delimiter; counting delimiters after
 * the NumInGroup field reads the group without knowing where its entries' other fields end.
 */
function delimiterValues(message: FixMessage, countTag: number, delimiter: number): string[] {
  const at = message.indexOf(countTag);
  if (at < 0) return [];
  const count = message.intAt(at);
  const values: string[] = [];
  for (let i = at + 1; i < message.fieldCount && values.length < count; i++) if (message.tagAt(i) === delimiter) values.push(message.valueAt(i));
  return values;
}

/** MDEntryDate (272) and MDEntryTime (273) of a time in ms. */
function dateAndTime(ms: number): [string, string] {
  const stamp = formatUtcTimestamp(ms); // YYYYMMDD-HH:MM:SS.sss
  return [stamp.slice(0, 8), stamp.slice(9)];
}

function sideBit(side: number): number {
  return side === Side.BUY ? BIDS : OFFERS;
}

function securityEntry(instrument: Instrument): Entry {
  return entry(0, [
    [55, instrument.symbol],
    [969, instrument.tick.text],
    [107, `${instrument.baseAsset}/${instrument.quoteAsset}`],
    [1306, PRICE_LIMITS],
    [1148, ticksToPrice(instrument, instrument.minPriceTicks)],
    [1149, ticksToPrice(instrument, instrument.maxPriceTicks)],
    [562, lotsToQuantity(instrument, instrument.minQuantityLots)],
    [1140, lotsToQuantity(instrument, instrument.maxQuantityLots)],
    [561, instrument.lot.text],
    [15, instrument.quoteAsset],
  ]);
}

/** An X entry for a level: new or changed with its size and orders, or deleted (price only). */
function levelEntry(instrument: Instrument, action: string, side: number, priceTicks: number, level: Level | undefined, seq: number): Entry {
  const fields: FixField[] = [
    [279, action],
    [269, side === Side.BUY ? BID : OFFER],
    [55, instrument.symbol],
    [270, ticksToPrice(instrument, priceTicks)],
  ];
  if (level !== undefined) fields.push([271, lotsToQuantity(instrument, level.lots)], [346, level.orders]);
  fields.push([83, seq]);
  return entry(sideBit(side), fields);
}

function tradeEntry(instrument: Instrument, events: EventBuffer, index: number, seq: number, date: string, time: string): Entry {
  return entry(TRADES, [
    [279, NEW],
    [269, TRADE],
    [55, instrument.symbol],
    [270, ticksToPrice(instrument, events.field(index, Field.TRADE_PRICE))],
    [271, lotsToQuantity(instrument, events.field(index, Field.TRADE_QUANTITY))],
    [272, date],
    [273, time],
    [1003, String(events.field(index, Field.TRADE_ID))],
    [2446, SIDE.fix(events.field(index, Field.AGGRESSOR_SIDE))],
    [83, seq],
  ]);
}

/** The entries of one command a subscription wants for one instrument: its trades, then its view's changes. */
function select(update: InstrumentUpdate, subscription: Subscription): readonly Entry[] {
  const wantsBook = (subscription.wants & BOOK) !== 0;
  // Trades do not depend on depth: a trades-only subscription shares its selection whatever its 264.
  const key = (wantsBook ? subscription.depth * 8 : 0) + subscription.wants;
  let selected = update.selections.get(key);
  if (selected === undefined) {
    const list = (subscription.wants & TRADES) !== 0 ? [...update.trades] : [];
    const changes = wantsBook ? update.views.get(subscription.depth) : undefined;
    for (const item of changes ?? []) if ((item.kind & subscription.wants) !== 0) list.push(item);
    selected = list;
    update.selections.set(key, selected);
  }
  return selected;
}

export class FixMarketData {
  /** The message types this component answers. */
  static readonly MESSAGE_TYPES: ReadonlySet<string> = new Set(['V', 'x']);

  private readonly bySymbol: ReadonlyMap<string, Instrument>;
  private readonly byId: ReadonlyMap<number, Instrument>;
  private readonly maxMessageBytes: number;
  /** The seq of the last command that changed each book; before any, the replica's position at start. */
  private readonly bookSeqs = new Map<number, number>();
  private readonly startSeq: number;
  /** LastUpdateTime (779) of each instrument: the sequenced time (ms) of the last command that changed its book or traded on it. */
  private readonly updateTimes = new Map<number, number>();
  /** Before any: the time of the replica's last command at start, or the start itself if there was none. */
  private readonly startTimeMs: number;
  /** Live subscriptions per session key, by MDReqID. */
  private readonly sessions = new Map<string, Map<string, Subscription>>();
  /** Live subscriptions per instrument id. */
  private readonly byInstrument = new Map<number, Set<Subscription>>();
  /** Views per instrument id, by depth. */
  private readonly views = new Map<number, Map<number, BookView>>();
  /** SecurityResponseIDs (322): the start time, then a counter, unique within a run and across runs. */
  private readonly runId: number;
  private responses = 0;

  constructor(private readonly options: FixMarketDataOptions) {
    this.bySymbol = new Map(options.instruments.map((i) => [i.symbol, i]));
    this.byId = new Map(options.instruments.map((i) => [i.id, i]));
    this.maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    this.startSeq = options.venue.replica.sequence;
    this.runId = options.now();
    this.startTimeMs = options.venue.replica.timestampNs > 0n ? Number(options.venue.replica.timestampNs / 1_000_000n) : options.now();
  }

  /** Live subscriptions over every session: for tests and diagnostics. */
  get liveSubscriptions(): number {
    let count = 0;
    for (const live of this.sessions.values()) count += live.size;
    return count;
  }

  onMessage(session: FixSessionHandle, message: FixMessage): void {
    switch (message.msgType) {
      case 'x':
        return this.securityList(session, message);
      case 'V':
        return this.marketDataRequest(session, message);
      default:
        session.businessReject(message, BusinessRejectReason.UNSUPPORTED_MESSAGE_TYPE);
    }
  }

  /** The session's connection ended: its subscriptions end with it. */
  onDisconnect(session: FixSessionHandle): void {
    const live = this.sessions.get(session.key);
    if (live === undefined) return;
    for (const subscription of [...live.values()]) this.unsubscribe(subscription);
  }

  /** A durable command's outcome (valid during the call only): the increments it causes. */
  observe(outcome: CommandOutcome): void {
    const events = outcome.engine.events;
    const timeMs = Number(outcome.timestampNs / 1_000_000n);
    // What the command did to each subscribed instrument: the last BOOK_LEVEL per price (0 orders:
    // the level is gone) and its trades' event indices.
    let touched: Map<number, { levels: Levels | undefined; readonly trades: number[] }> | undefined;
    for (let i = 0; i < events.count; i++) {
      const type = events.type(i);
      if (type !== EventType.BOOK_LEVEL && type !== EventType.TRADE) continue;
      const instrumentId = events.field(i, Field.INSTRUMENT);
      if (type === EventType.BOOK_LEVEL) this.bookSeqs.set(instrumentId, outcome.seq);
      this.updateTimes.set(instrumentId, timeMs);
      if (!this.byInstrument.has(instrumentId)) continue;
      touched ??= new Map();
      let touch = touched.get(instrumentId);
      if (touch === undefined) {
        touch = { levels: undefined, trades: [] };
        touched.set(instrumentId, touch);
      }
      if (type === EventType.TRADE) {
        touch.trades.push(i);
        continue;
      }
      touch.levels ??= [new Map(), new Map()];
      const side = events.field(i, Field.LEVEL_SIDE) === Side.BUY ? 0 : 1;
      touch.levels[side].set(events.field(i, Field.LEVEL_PRICE), { lots: events.field(i, Field.LEVEL_DISPLAYED), orders: events.field(i, Field.LEVEL_ORDERS) });
    }
    if (touched === undefined) return;

    const [date, time] = dateAndTime(timeMs);
    const updates = new Map<number, InstrumentUpdate>();
    const affected = new Set<Subscription>();
    for (const [instrumentId, touch] of touched) {
      const instrument = this.byId.get(instrumentId);
      if (instrument === undefined) continue;
      const views = new Map<number, readonly Entry[]>();
      if (touch.levels !== undefined) {
        for (const view of this.views.get(instrumentId)?.values() ?? []) views.set(view.depth, this.advance(view, touch.levels, outcome.engine.book(instrumentId), outcome.seq));
      }
      const trades = touch.trades.map((i) => tradeEntry(instrument, events, i, outcome.seq, date, time));
      updates.set(instrumentId, { trades, views, selections: new Map() });
      for (const subscription of this.byInstrument.get(instrumentId) ?? []) affected.add(subscription);
    }

    const loggedOff = new Set<FixSessionHandle>();
    for (const subscription of affected) {
      if (!subscription.session.isLoggedOn) {
        // Sent now, it would wait in the session's store for a resend nobody asked for.
        loggedOff.add(subscription.session);
        continue;
      }
      let entries: readonly Entry[] = [];
      for (const instrument of subscription.instruments) {
        const update = updates.get(instrument.id);
        if (update === undefined) continue;
        const selected = select(update, subscription);
        entries = entries.length === 0 ? selected : [...entries, ...selected];
      }
      if (entries.length > 0) this.sendIncrement(subscription, entries);
    }
    for (const session of loggedOff) this.onDisconnect(session);
  }

  // ---- SecurityList ---------------------------------------------------------------------------

  private securityList(session: FixSessionHandle, message: FixMessage): void {
    // SubscriptionRequestType (263) may ask for updates to the list; the instruments are fixed at
    // start (config), so every request is answered once, as a snapshot, and 263 is ignored.
    const head: FixField[] = [
      [320, message.get(320) ?? ''],
      [322, `${this.runId}-${++this.responses}`],
    ];
    const requestType = message.get(559);
    let found: readonly Instrument[];
    if (requestType === '4') {
      found = this.options.instruments;
    } else if (requestType === '0') {
      const symbol = message.get(55);
      if (symbol === undefined) {
        session.send('y', [...head, [560, INVALID_OR_UNSUPPORTED_REQUEST], [1607, INVALID_INSTRUMENT_REQUESTED]]);
        return;
      }
      const instrument = this.bySymbol.get(symbol);
      found = instrument === undefined ? [] : [instrument];
    } else {
      session.send('y', [...head, [560, INVALID_OR_UNSUPPORTED_REQUEST], [1607, REQUEST_TYPE_NOT_SUPPORTED]]);
      return;
    }
    if (found.length === 0) {
      session.send('y', [...head, [560, NO_INSTRUMENTS_FOUND]]);
      return;
    }
    const fixed: FixField[] = [...head, [560, VALID_REQUEST], [393, found.length], [893, 'N']];
    const runs = split(found.map(securityEntry), this.budget(session) - wireBytes(fixed) - wireBytes([[146, found.length]]));
    runs.forEach((run, k) => {
      session.send('y', [...head, [560, VALID_REQUEST], [393, found.length], [893, k === runs.length - 1 ? 'Y' : 'N'], ...group(146, run)]);
    });
  }

  // ---- MarketDataRequest ----------------------------------------------------------------------

  private marketDataRequest(session: FixSessionHandle, message: FixMessage): void {
    const mdReqId = message.get(262) ?? '';
    const reject = (reason: MdRejectReason | undefined, code: ResultCode, text: string): void => {
      const body: FixField[] = [[262, mdReqId]];
      if (reason !== undefined) body.push([281, reason]);
      body.push([58, resultCodeText(code, text)]);
      session.send('Y', body);
    };
    const live = this.sessions.get(session.key);
    const requestType = message.get(263);
    if (requestType === '2') {
      const subscription = live?.get(mdReqId);
      // No MDReqRejReason names an unknown MDReqID; 281 is left out rather than misused.
      if (subscription === undefined) return reject(undefined, ResultCode.INVALID_REQUEST, `no subscription with MDReqID (262) ${mdReqId} is live on this session`);
      this.unsubscribe(subscription);
      return;
    }
    // The shipped dictionary lets only 0, 1 and 2 through; one extended with more values gets here.
    if (requestType !== '0' && requestType !== '1') {
      return reject(MdRejectReason.UNSUPPORTED_SUBSCRIPTION_REQUEST_TYPE, ResultCode.INVALID_REQUEST, `SubscriptionRequestType (263) ${requestType ?? ''} is not supported (0 snapshot, 1 snapshot and updates, 2 end a subscription)`);
    }
    if (live?.has(mdReqId) === true) return reject(MdRejectReason.DUPLICATE_MD_REQ_ID, ResultCode.INVALID_REQUEST, `MDReqID (262) ${mdReqId} is already used by a live subscription of this session`);
    const subscribe = requestType === '1';
    if (subscribe && (live?.size ?? 0) >= MAX_SUBSCRIPTIONS_PER_SESSION) {
      return reject(MdRejectReason.INSUFFICIENT_BANDWIDTH, ResultCode.INVALID_REQUEST, `a session may hold ${MAX_SUBSCRIPTIONS_PER_SESSION} subscriptions; end one (263=2) first`);
    }
    const depth = message.getInt(264); // NaN unless digits only, so negatives are refused too
    if (!(depth <= MAX_MARKET_DEPTH)) {
      return reject(MdRejectReason.UNSUPPORTED_MARKET_DEPTH, ResultCode.INVALID_REQUEST, `MarketDepth (264) ${message.get(264) ?? ''} is not supported: 0 (full book) or 1..${MAX_MARKET_DEPTH}`);
    }
    const updateType = message.get(265);
    if (subscribe && updateType !== undefined && updateType !== '1') {
      return reject(MdRejectReason.UNSUPPORTED_MD_UPDATE_TYPE, ResultCode.INVALID_REQUEST, `MDUpdateType (265) ${updateType} is not supported: updates are incremental (1)`);
    }
    if (message.get(266) === 'N') return reject(MdRejectReason.UNSUPPORTED_AGGREGATED_BOOK, ResultCode.INVALID_REQUEST, 'AggregatedBook (266) N is not supported: books are published by price level');
    let wants = 0;
    for (const type of delimiterValues(message, 267, 269)) {
      const bit = ENTRY_TYPE_BITS.get(type);
      if (bit === undefined) return reject(MdRejectReason.UNSUPPORTED_MD_ENTRY_TYPE, ResultCode.INVALID_REQUEST, `MDEntryType (269) ${type} is not supported (0 bid, 1 offer, 2 trade)`);
      wants |= bit;
    }
    if (wants === 0) return reject(MdRejectReason.UNSUPPORTED_MD_ENTRY_TYPE, ResultCode.INVALID_REQUEST, 'NoMDEntryTypes (267) must list an MDEntryType (269): 0 bid, 1 offer, 2 trade');
    const instruments: Instrument[] = [];
    for (const symbol of delimiterValues(message, 146, 55)) {
      const instrument = this.bySymbol.get(symbol);
      if (instrument === undefined) return reject(MdRejectReason.UNKNOWN_SYMBOL, ResultCode.UNKNOWN_INSTRUMENT, `Symbol (55) ${symbol} is not traded here`);
      if (!instruments.includes(instrument)) instruments.push(instrument);
    }
    if (instruments.length === 0) return reject(MdRejectReason.UNKNOWN_SYMBOL, ResultCode.UNKNOWN_INSTRUMENT, 'NoRelatedSym (146) must name a Symbol (55)');
    // Every snapshot is built before anything is sent or subscribed: a refusal leaves nothing behind.
    const snapshots: FixField[][] = [];
    for (const instrument of instruments) {
      const body = this.snapshot(mdReqId, instrument, depth, wants);
      if (wireBytes(body) > this.budget(session)) {
        return reject(MdRejectReason.UNSUPPORTED_MARKET_DEPTH, ResultCode.INVALID_REQUEST, `the book of ${instrument.symbol} at MarketDepth (264) ${depth} does not fit in one message; ask for 1..${MAX_MARKET_DEPTH} levels`);
      }
      snapshots.push(body);
    }
    if (subscribe) this.subscribe({ session, mdReqId, instruments, depth, wants });
    for (const body of snapshots) session.send('W', body);
  }

  /** The body of a MarketDataSnapshotFullRefresh (W) of one instrument, from the replica as it is now. */
  private snapshot(mdReqId: string, instrument: Instrument, depth: number, wants: number): FixField[] {
    const entries: Entry[] = [];
    if ((wants & BOOK) !== 0) {
      const seq = this.bookSeqs.get(instrument.id) ?? this.startSeq;
      const book = this.options.venue.replica.book(instrument.id);
      for (const side of [Side.BUY, Side.SELL]) {
        if ((wants & sideBit(side)) === 0) continue;
        book.levels(side, depth === 0 ? ALL_LEVELS : depth).forEach((level, k) => {
          entries.push(
            entry(sideBit(side), [
              [269, side === Side.BUY ? BID : OFFER],
              [270, ticksToPrice(instrument, level.priceTicks)],
              [271, lotsToQuantity(instrument, level.displayedLots)],
              [346, level.orderCount],
              [1023, k + 1],
              [83, seq],
            ]),
          );
        });
      }
      // An empty book still says which seq it is as of: where the client's increments start.
      if (entries.length === 0) {
        entries.push(
          entry(BOOK, [
            [269, EMPTY_BOOK],
            [83, seq],
          ]),
        );
      }
    }
    if ((wants & TRADES) !== 0) {
      for (const trade of this.options.history.recentTrades(instrument.id, SNAPSHOT_TRADES).reverse()) {
        const [date, time] = dateAndTime(Number(trade.timestampNs / 1_000_000n));
        entries.push(
          entry(TRADES, [
            [269, TRADE],
            [270, ticksToPrice(instrument, trade.priceTicks)],
            [271, lotsToQuantity(instrument, trade.lots)],
            [272, date],
            [273, time],
            [1003, String(trade.tradeId)],
            [83, trade.seq],
            [2446, SIDE.fix(trade.side)],
          ]),
        );
      }
    }
    return [[262, mdReqId], [55, instrument.symbol], [779, formatUtcTimestamp(this.updateTimes.get(instrument.id) ?? this.startTimeMs)], ...group(268, entries)];
  }

  // ---- subscriptions and increments -------------------------------------------------------------

  private subscribe(subscription: Subscription): void {
    const key = subscription.session.key;
    let live = this.sessions.get(key);
    if (live === undefined) {
      live = new Map();
      this.sessions.set(key, live);
    }
    live.set(subscription.mdReqId, subscription);
    for (const instrument of subscription.instruments) {
      let subscribers = this.byInstrument.get(instrument.id);
      if (subscribers === undefined) {
        subscribers = new Set();
        this.byInstrument.set(instrument.id, subscribers);
      }
      subscribers.add(subscription);
      if ((subscription.wants & BOOK) !== 0) this.view(instrument, subscription.depth).subscribers++;
    }
  }

  private unsubscribe(subscription: Subscription): void {
    const key = subscription.session.key;
    const live = this.sessions.get(key);
    live?.delete(subscription.mdReqId);
    if (live?.size === 0) this.sessions.delete(key);
    for (const instrument of subscription.instruments) {
      const subscribers = this.byInstrument.get(instrument.id);
      subscribers?.delete(subscription);
      if (subscribers?.size === 0) this.byInstrument.delete(instrument.id);
      if ((subscription.wants & BOOK) === 0) continue;
      const views = this.views.get(instrument.id);
      const view = views?.get(subscription.depth);
      if (view === undefined || --view.subscribers > 0) continue;
      views?.delete(subscription.depth);
      if (views?.size === 0) this.views.delete(instrument.id);
    }
  }

  /** The shared view of (instrument, depth); a new one starts from the replica, as the snapshot just built. */
  private view(instrument: Instrument, depth: number): BookView {
    let views = this.views.get(instrument.id);
    if (views === undefined) {
      views = new Map();
      this.views.set(instrument.id, views);
    }
    let view = views.get(depth);
    if (view === undefined) {
      const book = this.options.venue.replica.book(instrument.id);
      const levels: Levels = [new Map(), new Map()];
      for (const side of [Side.BUY, Side.SELL]) {
        for (const level of book.levels(side, depth === 0 ? ALL_LEVELS : depth)) levels[side - 1]?.set(level.priceTicks, { lots: level.displayedLots, orders: level.orderCount });
      }
      view = { instrument, depth, levels, subscribers: 0 };
      views.set(depth, view);
    }
    return view;
  }

  /**
   * Brings a view up to date after a command that changed its book, and returns the entries that
   * say how: per side (bids, then offers), deletes first, then news and changes, best price first.
   */
  private advance(view: BookView, changed: Levels, book: OrderBook, seq: number): Entry[] {
    const deletes: Entry[] = [];
    const upserts: Entry[] = [];
    for (const side of [Side.BUY, Side.SELL]) {
      const known = view.levels[side - 1];
      const changedSide = changed[side - 1];
      if (known === undefined || changedSide === undefined) continue;
      // The price levels that may differ, with what each should be now (undefined: not shown).
      const targets = new Map<number, Level | undefined>();
      if (view.depth === 0) {
        for (const [price, level] of changedSide) targets.set(price, level.orders === 0 ? undefined : level);
      } else {
        for (const price of known.keys()) targets.set(price, undefined);
        for (const level of book.levels(side, view.depth)) targets.set(level.priceTicks, { lots: level.displayedLots, orders: level.orderCount });
      }
      const prices = [...targets.keys()].sort(side === Side.BUY ? (a, b) => b - a : (a, b) => a - b);
      for (const price of prices) {
        const target = targets.get(price);
        const before = known.get(price);
        if (target === undefined) {
          if (before === undefined) continue;
          known.delete(price);
          deletes.push(levelEntry(view.instrument, DELETE, side, price, undefined, seq));
        } else if (before === undefined || before.lots !== target.lots || before.orders !== target.orders) {
          known.set(price, target);
          upserts.push(levelEntry(view.instrument, before === undefined ? NEW : CHANGE, side, price, target, seq));
        }
      }
    }
    return [...deletes, ...upserts];
  }

  /** One X per run of entries that fits a message (one, unless a command changed a great many levels). */
  private sendIncrement(subscription: Subscription, entries: readonly Entry[]): void {
    const session = subscription.session;
    const fixed = wireBytes([
      [262, subscription.mdReqId],
      [268, entries.length],
    ]);
    for (const run of split(entries, this.budget(session) - fixed)) session.send('X', [[262, subscription.mdReqId], ...group(268, run)]);
  }

  /** The most body bytes a message to this session may carry. */
  private budget(session: FixSessionHandle): number {
    return this.maxMessageBytes - HEADER_BYTES - session.senderCompId.length - session.targetCompId.length;
  }
}
