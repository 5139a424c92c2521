// The pre-trade risk gate: balances and holds, positions, and the per-account limits, inside the
// core. Deterministic like the engine: no clock, randomness or I/O; time is the command's sequenced
// timestamp, in microseconds.
//
// Flow. The engine validates a PLACE against the instrument (1xxx), then asks checkPlace(), which
// either refuses with a 2xxx code, changing nothing, or registers the order with its hold. The book
// then runs, and settle() walks the events it wrote: TRADE moves held funds between buyer and seller
// and charges fees, DONE and DECREMENTED release holds, AMENDED re-sizes a hold, and a REJECTED from
// the book undoes the registration. AMEND goes through checkAmend() the same way.
//
// Money. Spot mode: a buy holds quote for its quantity at its limit price plus the largest fee per
// lot; a sell holds its base quantity. Holds are per lot, so a fill releases exactly its lots' share
// and a partial fill never strands a rounding unit. A market buy holds what filling its quantity at
// the book's current prices could cost, fees included (only the lots the book has: the rest cannot
// fill); if it names a maxNotional (the most quote it may spend), a cost above it is refused.
// Invariant, asserted by validate(): per asset, Σ account totals + fees collected = deposits −
// withdrawals; each account's held = Σ its orders' holds ≤ its total.
//
// Known approximations, each on the side of safety: the fee part of a buy hold rounds up per lot
// (at most one quote unit per lot more than the exact fee); a stop (market) buy holds its quantity
// at the instrument's maximum price; equity for drawdown is computed in doubles and floored.
import type { Instrument } from '../domain/instrument.js';
import { ResultCode } from '../domain/result-codes.js';
import { type AdminArgs, type Command, CommandKind, MAX_DEPOSIT_ASSETS, OrderType, Side } from '../engine/command.js';
import { DoneReason, EVENT_WIDTH, type EventBuffer, EventType, Field } from '../engine/event.js';
import { OrderIndex } from '../engine/order-index.js';
import { invariant, InvariantViolation, type OrderBook, type StateSink, type StateSource } from '../engine/order-book.js';
import { isBandLimit, isInstrumentLimit, LIMIT_KINDS, LimitKind, maxLimitValue } from './limits.js';
import { MarketWalk } from './market-walk.js';
import { defineRiskTables, feeUnits, type RiskConfig, type RiskInstrument, type RiskTables } from './risk-config.js';

/** One token of the order-rate bucket, in bucket units (a millionth of a token). */
const TOKEN = 1_000_000;
const MAX_ACCOUNT_ID = 0xffff_ffff;
/** Instrument-scoped limits kept per (account, instrument), in this order. */
const QTY = 0;
const NOTIONAL = 1;
const POSITION = 2;
const PER_INSTRUMENT = 3;
/** Fields of an order record (RiskGate.orders). */
const O_ID = 0;
/** Index of the account in accountList. */
const O_ACCOUNT = 1;
/** Dense instrument index. */
const O_INSTRUMENT = 2;
const O_SIDE = 3;
/** Limit price; 0 for market and stop (market) orders. */
const O_PRICE = 4;
const O_REMAINING = 5;
const O_FILLED = 6;
/** Hold released per lot: quote per lot at the limit for buys, base per lot for sells; 0 = market buy (at the fill price). */
const O_HOLD_PER_LOT = 7;
const O_HOLD = 8;
const ORDER_STRIDE = 9;

/**
 * One account's state. Its numbers live in one Float64Array `d` (balances, limits, positions, open
 * lots), because a check touches several of them for a random account: in one array they share a
 * cache line or two, where nine typed arrays cost two misses each. The named arrays are views of the
 * same memory, for readers off the hot path.
 */
export class Account {
  readonly d: Float64Array;
  /** Offsets in d: total at 0, then held, limits (PER_INSTRUMENT per instrument), position, open buy and sell lots, cost, PnL, fees. */
  readonly H: number;
  readonly L: number;
  readonly P: number;
  readonly B: number;
  readonly S: number;
  readonly C: number;
  readonly R: number;
  readonly F: number;
  killed = false;
  orderRate = 0;
  orderBurst = 0;
  /** Token bucket level in TOKEN units; -1 = full (never used since the limit was set). */
  bucket = -1;
  bucketTimeMs = 0;
  drawdownBps = 0;
  tripped = false;
  /** equity() of the account, valid while equityStamp equals the gate's markVersion. */
  equityCache = 0;
  equityStamp = -1;
  startEquity = 0;
  maxOpenOrders = 0;
  openOrders = 0;
  drawdownCancel = 0;
  readonly total: Float64Array;
  readonly held: Float64Array;
  /** Net lots per instrument (negative = short). */
  readonly position: Float64Array;
  /** Quote units paid for the open position (its average entry price × size). */
  readonly openCost: Float64Array;
  readonly realizedPnl: Float64Array;
  readonly feesPaid: Float64Array;
  readonly openBuyLots: Float64Array;
  readonly openSellLots: Float64Array;
  /** Effective instrument-scoped limits, PER_INSTRUMENT per instrument; 0 = none. */
  readonly limits: Float64Array;

  constructor(
    readonly id: number,
    readonly index: number,
    assets: number,
    instruments: number,
  ) {
    this.H = assets;
    this.L = 2 * assets;
    this.P = this.L + instruments * PER_INSTRUMENT;
    this.B = this.P + instruments;
    this.S = this.B + instruments;
    this.C = this.S + instruments;
    this.R = this.C + instruments;
    this.F = this.R + instruments;
    this.d = new Float64Array(this.F + instruments);
    const view = (from: number, length: number): Float64Array => this.d.subarray(from, from + length);
    this.total = view(0, assets);
    this.held = view(this.H, assets);
    this.limits = view(this.L, instruments * PER_INSTRUMENT);
    this.position = view(this.P, instruments);
    this.openBuyLots = view(this.B, instruments);
    this.openSellLots = view(this.S, instruments);
    this.openCost = view(this.C, instruments);
    this.realizedPnl = view(this.R, instruments);
    this.feesPaid = view(this.F, instruments);
  }

  available(asset: number): number {
    const d = this.d;
    return (d[asset] ?? 0) - (d[this.H + asset] ?? 0);
  }
}

interface Override {
  value: number;
  actorId: number;
  seq: number;
}

export interface LimitView {
  readonly accountId: number;
  readonly instrumentId: number;
  readonly kind: number;
  readonly value: number;
  readonly actorId: number;
  readonly seq: number;
}

function overrideKey(accountId: number, instrumentId: number, kind: number): string {
  return `${accountId}/${instrumentId}/${kind}`;
}

export class RiskGate {
  readonly tables: RiskTables;
  private readonly instruments: readonly RiskInstrument[];
  private readonly byInstrumentId: Int32Array;
  private readonly assetCount: number;
  private readonly accounts = new Map<number, Account>();
  private readonly accountList: Account[] = [];
  private readonly overrides = new Map<string, Override>();
  private readonly bandBps: Float64Array;
  private readonly bandTicks: Float64Array;
  private readonly halted: Uint8Array;
  /** Last trade price per instrument: the mark for PnL and equity. */
  private readonly markTicks: Float64Array;
  /** Per asset: deposits − withdrawals, and fees collected (net of rebates). */
  private readonly outstanding: Float64Array;
  private readonly feesCollected: Float64Array;
  /** Per asset: the instrument (index) that marks it in the valuation asset, and the factor. */
  private readonly markInstrument: Int32Array;
  private readonly markFactor: Float64Array;
  /** Bumped whenever a mark price changes: cached equities from before it are stale. */
  private markVersion = 0;

  // Orders the gate holds for: one record of ORDER_STRIDE numbers per slot (id → slot by an
  // OrderIndex). A record in one place rather than nine arrays: an amend touches most of its fields,
  // and with them side by side it costs one or two cache lines instead of nine.
  private readonly index: OrderIndex;
  private readonly orders: Float64Array;
  private readonly orderCapacity: number;
  private readonly freeSlots: Int32Array;
  private freeCount: number;

  private books: readonly OrderBook[] = [];
  private timestampNs = 0n;
  /** nowMs() memo: the millisecond [msStartNs, msEndNs) and its number. */
  private msStartNs = 1n;
  private msEndNs = 0n;
  private msCache = 0;
  private bookByIndex: OrderBook[] = [];
  private cursor = 0;
  private seq = 0;
  // The command being checked: what settle() undoes if the book refuses it.
  private pendingOrderId = 0;
  private pendingAccount: Account | undefined;
  private pendingBucket = 0;
  private pendingBucketTime = 0;
  // The amend checkAmend() passed: settle() reuses its slot and hold per lot.
  private amendOrderId = 0;
  private amendSlot = 0;
  private amendPrice = 0;
  private amendHoldPerLot = 0;
  /** Prices market orders (checkPlace: a market buy holds its cost, fees included). */
  private readonly marketWalk = new MarketWalk();
  // value()'s answer for the PLACE being checked (fields, so the split of checkPlace allocates nothing).
  private placeNotional = 0;
  private placeHoldPerLot = 0;
  private placeHold = 0;

  constructor(
    instruments: readonly Instrument[],
    config: RiskConfig,
    private readonly events: EventBuffer,
    orderCapacity: number,
  ) {
    this.tables = defineRiskTables(instruments, config);
    this.instruments = this.tables.instruments;
    this.assetCount = this.tables.assets.length;
    const n = this.instruments.length;
    this.byInstrumentId = new Int32Array(65_536).fill(-1);
    for (const r of this.instruments) this.byInstrumentId[r.instrument.id] = r.index;
    this.bandBps = new Float64Array(n);
    this.bandTicks = new Float64Array(n);
    this.halted = new Uint8Array(n);
    this.markTicks = new Float64Array(n);
    this.outstanding = new Float64Array(this.assetCount);
    this.feesCollected = new Float64Array(this.assetCount);
    this.markInstrument = new Int32Array(this.assetCount).fill(-1);
    this.markFactor = new Float64Array(this.assetCount);
    const valuation = this.tables.valuationAsset;
    for (const r of this.instruments) {
      if (r.quoteAsset !== valuation || this.markInstrument[r.baseAsset] !== -1) continue;
      this.markInstrument[r.baseAsset] = r.index;
      const scaleV = this.tables.assets[valuation]?.scale ?? 0;
      const scaleB = this.tables.assets[r.baseAsset]?.scale ?? 0;
      this.markFactor[r.baseAsset] = Number(r.instrument.tick.mantissa) * 10 ** (scaleV - r.instrument.tick.scale - scaleB);
    }

    this.index = new OrderIndex(orderCapacity, 'sequential');
    this.orders = new Float64Array(orderCapacity * ORDER_STRIDE);
    this.orderCapacity = orderCapacity;
    this.freeSlots = new Int32Array(orderCapacity);
    for (let i = 0; i < orderCapacity; i++) this.freeSlots[i] = orderCapacity - 1 - i;
    this.freeCount = orderCapacity;
    for (const limit of this.tables.initialLimits) this.overrides.set(overrideKey(limit.accountId, limit.instrumentId, limit.kind), { value: limit.value, actorId: 0, seq: 0 });
    this.recomputeVenueLimits();
  }

  /** The books, in instrument-id order (the engine's). Called once by the engine. */
  attach(books: readonly OrderBook[]): void {
    this.books = books;
    this.bookByIndex = this.instruments.map((r) => {
      const book = books.find((b) => b.instrument.id === r.instrument.id);
      if (book === undefined) fail(`no book for instrument ${r.instrument.id}`);
      return book;
    });
  }

  /** Start of a command: events before `cursor` are settled. */
  begin(seq: number, timestampNs: bigint): void {
    this.cursor = 0;
    this.seq = seq;
    this.timestampNs = timestampNs;
    this.pendingOrderId = 0;
    this.pendingAccount = undefined;
    this.amendOrderId = 0;
  }

  // ---- pre-trade checks ------------------------------------------------------------------------

  /**
   * A PLACE that passed validation. Returns OK after registering the order and its hold, or the
   * first failing check's code with nothing changed. The checks run in a fixed order: halt, kill
   * switch, max notional well-formed, rate, drawdown, quantity, price band, max notional of a
   * market buy, notional, position, open orders, credit.
   */
  checkPlace(c: Command, orderId: number): ResultCode {
    const ii = this.byInstrumentId[c.instrumentId] ?? -1;
    const r = this.instruments[ii];
    if (r === undefined) fail(`instrument ${c.instrumentId} has a book but no risk entry`);
    if (this.halted[ii] === 1) return ResultCode.INSTRUMENT_HALTED;
    const account = this.accounts.get(c.accountId);
    if (account === undefined) return ResultCode.INSUFFICIENT_BALANCE;
    if (account.killed) return ResultCode.ACCOUNT_KILL_SWITCH;
    const isBuy = c.side === Side.BUY;
    const type = c.orderType;
    // maxNotional is optional on a market buy (0 = none: the walk's cost is held); elsewhere it is bad input.
    if (c.maxNotional !== 0 && (!isBuy || type !== OrderType.MARKET || !Number.isSafeInteger(c.maxNotional) || c.maxNotional < 0)) return ResultCode.INVALID_MAX_NOTIONAL;
    let bucket = 0;
    if (account.orderRate > 0) {
      bucket = this.refill(account, this.nowMs());
      if (bucket < TOKEN) return ResultCode.ORDER_RATE_EXCEEDED;
    }
    const qty = c.quantityLots;
    const base = ii * PER_INSTRUMENT;
    const position = account.d[account.P + ii] ?? 0;
    const openSame = isBuy ? (account.d[account.B + ii] ?? 0) : (account.d[account.S + ii] ?? 0);
    if (account.drawdownBps > 0) {
      if (!account.tripped && this.belowDrawdown(account)) this.trip(account);
      if (account.tripped && !reduces(isBuy, position, openSame + qty)) return ResultCode.DRAWDOWN_REDUCE_ONLY;
    }
    const maxQty = account.d[account.L + base + QTY] ?? 0;
    if (maxQty > 0 && qty > maxQty) return ResultCode.MAX_ORDER_QUANTITY_EXCEEDED;
    const hasLimit = type === OrderType.LIMIT || type === OrderType.STOP_LIMIT;
    if (hasLimit && !this.inBand(ii, isBuy, c.priceTicks)) return ResultCode.PRICE_BAND_EXCEEDED;
    if (!this.value(c, account, r, hasLimit)) return ResultCode.MARKET_BUY_EXCEEDS_MAX_NOTIONAL;
    const maxNotional = account.d[account.L + base + NOTIONAL] ?? 0;
    if (maxNotional > 0 && this.placeNotional > maxNotional) return ResultCode.MAX_ORDER_NOTIONAL_EXCEEDED;
    const maxPosition = account.d[account.L + base + POSITION] ?? 0;
    if (maxPosition > 0 && (isBuy ? position : -position) + openSame + qty > maxPosition) return ResultCode.POSITION_LIMIT_EXCEEDED;
    if (account.maxOpenOrders > 0 && account.openOrders >= account.maxOpenOrders) return ResultCode.OPEN_ORDER_LIMIT_EXCEEDED;
    if (this.placeHold > account.available(isBuy ? r.quoteAsset : r.baseAsset)) return ResultCode.INSUFFICIENT_BALANCE;
    this.accept(c, orderId, account, r, bucket, hasLimit);
    return ResultCode.OK;
  }

  /**
   * What a PLACE is worth and what it holds, into placeNotional, placeHoldPerLot and placeHold.
   * False only for a market buy whose walked cost could exceed the maxNotional it names.
   *
   * A market buy holds the walk's cost, fees included (holdPerLot 0: fills release at their own
   * prices). The walk prices only the lots the book has: with fewer than the quantity there, the
   * rest cannot fill now and a market order never rests (IOC: the remainder is cancelled; FOK: the
   * book refuses it), so nothing more is held; with an empty book the hold is 0.
   */
  private value(c: Command, account: Account, r: RiskInstrument, hasLimit: boolean): boolean {
    const isBuy = c.side === Side.BUY;
    const qty = c.quantityLots;
    if (c.orderType === OrderType.MARKET) {
      const book = this.bookByIndex[r.index];
      if (book === undefined) fail(`no book for instrument index ${r.index}`);
      const walk = this.marketWalk;
      walk.run(book, r, isBuy ? Side.SELL : Side.BUY, qty, isBuy ? (account.d[account.S + r.index] ?? 0) : (account.d[account.B + r.index] ?? 0));
      this.placeNotional = walk.notional;
      if (isBuy) {
        if (c.maxNotional !== 0 && walk.hold > c.maxNotional) return false;
        this.placeHoldPerLot = 0;
        this.placeHold = walk.hold;
      } else {
        this.placeHoldPerLot = r.basePerLot;
        this.placeHold = qty * r.basePerLot;
      }
      return true;
    }
    const price = hasLimit ? c.priceTicks : c.stopPriceTicks;
    this.placeNotional = qty * price * r.quotePerTickLot;
    // A stop (market) buy can fill anywhere once triggered: it holds at the instrument's maximum.
    this.placeHoldPerLot = isBuy ? this.buyHoldPerLot(r, hasLimit ? price : r.instrument.maxPriceTicks) : r.basePerLot;
    this.placeHold = qty * this.placeHoldPerLot;
    return true;
  }

  /** Registers a PLACE the gate accepted, and remembers how to undo it if the book refuses the order. */
  private accept(c: Command, orderId: number, account: Account, r: RiskInstrument, bucket: number, hasLimit: boolean): void {
    this.pendingOrderId = orderId;
    this.pendingAccount = account;
    this.pendingBucket = account.bucket;
    this.pendingBucketTime = account.bucketTimeMs;
    if (account.orderRate > 0) {
      account.bucket = bucket - TOKEN;
      account.bucketTimeMs = this.nowMs();
    }
    this.register(orderId, account, r, c.side, hasLimit ? c.priceTicks : 0, c.quantityLots, this.placeHoldPerLot, this.placeHold);
  }

  /**
   * An AMEND of an order the gate holds for. Checks the order as it would be after the amend;
   * changes nothing but the rate bucket, which settle() restores if the book refuses the amend.
   * Orders the gate does not know (or of another account) pass: the book rejects them itself.
   */
  checkAmend(c: Command): ResultCode {
    const slot = this.index.get(c.orderId);
    if (slot < 0) return ResultCode.OK;
    const account = this.accountList[this.orders[slot * ORDER_STRIDE + O_ACCOUNT] ?? -1];
    if (account?.id !== c.accountId) return ResultCode.OK;
    const ii = this.orders[slot * ORDER_STRIDE + O_INSTRUMENT] ?? -1;
    const r = this.instruments[ii];
    if (r === undefined) fail(`order ${c.orderId} has no instrument`);
    if (this.halted[ii] === 1) return ResultCode.INSTRUMENT_HALTED;
    if (account.killed) return ResultCode.ACCOUNT_KILL_SWITCH;
    let bucket = 0;
    if (account.orderRate > 0) {
      bucket = this.refill(account, this.nowMs());
      if (bucket < TOKEN) return ResultCode.ORDER_RATE_EXCEEDED;
    }
    const isBuy = this.orders[slot * ORDER_STRIDE + O_SIDE] === Side.BUY;
    const remaining = this.orders[slot * ORDER_STRIDE + O_REMAINING] ?? 0;
    const filled = this.orders[slot * ORDER_STRIDE + O_FILLED] ?? 0;
    const oldPrice = this.orders[slot * ORDER_STRIDE + O_PRICE] ?? 0;
    const quantity = c.quantityLots !== 0 ? c.quantityLots : remaining + filled;
    // Leave the refusals that belong to the book (quantity not above filled, a stop) to the book.
    if (quantity <= filled || oldPrice === 0) return ResultCode.OK;
    const price = c.priceTicks !== 0 ? c.priceTicks : oldPrice;
    const newRemaining = quantity - filled;
    const growth = newRemaining - remaining;
    const position = account.d[account.P + ii] ?? 0;
    const openSame = isBuy ? (account.d[account.B + ii] ?? 0) : (account.d[account.S + ii] ?? 0);
    // An amend that does not grow the order is allowed even when tripped, so only growth needs the
    // equity test (a trip is then noticed at the account's next order, growing amend or fill).
    if (growth > 0 && account.drawdownBps > 0) {
      if (!account.tripped && this.belowDrawdown(account)) this.trip(account);
      if (account.tripped) return ResultCode.DRAWDOWN_REDUCE_ONLY;
    }
    const base = ii * PER_INSTRUMENT;
    const maxQty = account.d[account.L + base + QTY] ?? 0;
    if (maxQty > 0 && quantity > maxQty) return ResultCode.MAX_ORDER_QUANTITY_EXCEEDED;
    if (price !== oldPrice && !this.inBand(ii, isBuy, price)) return ResultCode.PRICE_BAND_EXCEEDED;
    const maxNotional = account.d[account.L + base + NOTIONAL] ?? 0;
    if (maxNotional > 0 && quantity * price * r.quotePerTickLot > maxNotional) return ResultCode.MAX_ORDER_NOTIONAL_EXCEEDED;
    const maxPosition = account.d[account.L + base + POSITION] ?? 0;
    if (maxPosition > 0 && growth > 0 && (isBuy ? position : -position) + openSame + growth > maxPosition) return ResultCode.POSITION_LIMIT_EXCEEDED;
    const holdPerLot = isBuy ? (price === oldPrice ? (this.orders[slot * ORDER_STRIDE + O_HOLD_PER_LOT] ?? 0) : this.buyHoldPerLot(r, price)) : r.basePerLot;
    if (newRemaining * holdPerLot - (this.orders[slot * ORDER_STRIDE + O_HOLD] ?? 0) > account.available(isBuy ? r.quoteAsset : r.baseAsset)) return ResultCode.INSUFFICIENT_BALANCE;
    this.amendOrderId = c.orderId;
    this.amendSlot = slot;
    this.amendPrice = price;
    this.amendHoldPerLot = holdPerLot;
    if (account.orderRate > 0) {
      this.pendingAccount = account;
      this.pendingBucket = account.bucket;
      this.pendingBucketTime = account.bucketTimeMs;
      account.bucket = bucket - TOKEN;
      account.bucketTimeMs = this.nowMs();
    }
    return ResultCode.OK;
  }

  // ---- settlement: the book's events of this command ----------------------------------------

  /** Applies every event written since the last call (by the book, or by the gate's own cancels). */
  settle(): void {
    const events = this.events;
    while (this.cursor < events.count) {
      const d = events.data;
      const o = this.cursor * EVENT_WIDTH;
      this.cursor++;
      switch (d[o]) {
        case EventType.TRADE:
          this.settleTrade(d, o);
          break;
        case EventType.DONE:
          this.close(num(d, o + Field.ORDER_ID), num(d, o + Field.LEFT));
          break;
        case EventType.DECREMENTED:
          this.decrement(num(d, o + Field.ORDER_ID), num(d, o + Field.DECREMENT));
          break;
        case EventType.AMENDED:
          this.amended(num(d, o + Field.ORDER_ID), num(d, o + Field.AMEND_PRICE), num(d, o + Field.AMEND_REMAINING));
          break;
        case EventType.REJECTED:
          this.undo(d[o + Field.COMMAND_KIND] ?? 0, num(d, o + Field.ORDER_ID));
          break;
        default:
          break;
      }
    }
  }

  private undo(kind: number, orderId: number): void {
    const account = this.pendingAccount;
    if (account === undefined) return;
    if (kind === CommandKind.PLACE && orderId === this.pendingOrderId) {
      const slot = this.index.get(orderId);
      if (slot < 0) fail(`rejected order ${orderId} was not registered`);
      this.release(slot, this.orders[slot * ORDER_STRIDE + O_REMAINING] ?? 0, this.orders[slot * ORDER_STRIDE + O_HOLD] ?? 0);
      this.unregister(slot);
    } else if (kind !== CommandKind.AMEND) {
      return;
    }
    account.bucket = this.pendingBucket;
    account.bucketTimeMs = this.pendingBucketTime;
    this.pendingAccount = undefined;
  }

  private settleTrade(d: Float64Array, o: number): void {
    const ii = this.byInstrumentId[num(d, o + Field.INSTRUMENT)] ?? -1;
    const r = this.instruments[ii];
    invariant(r !== undefined, 'trade in an instrument the gate does not know');
    const price = num(d, o + Field.TRADE_PRICE);
    const lots = num(d, o + Field.TRADE_QUANTITY);
    const makerSlot = this.slotOf(num(d, o + Field.MAKER_ORDER_ID));
    const takerSlot = this.slotOf(num(d, o + Field.TAKER_ORDER_ID));
    const takerBuys = d[o + Field.AGGRESSOR_SIDE] === Side.BUY;
    const buySlot = takerBuys ? takerSlot : makerSlot;
    const sellSlot = takerBuys ? makerSlot : takerSlot;
    const buyer = this.accountList[this.orders[buySlot * ORDER_STRIDE + O_ACCOUNT] ?? -1];
    const seller = this.accountList[this.orders[sellSlot * ORDER_STRIDE + O_ACCOUNT] ?? -1];
    invariant(buyer !== undefined && seller !== undefined, 'trade between orders without accounts');
    invariant(this.orders[makerSlot * ORDER_STRIDE + O_REMAINING] === num(d, o + Field.MAKER_REMAINING) + lots, 'maker remaining differs between book and gate');
    invariant(this.orders[takerSlot * ORDER_STRIDE + O_REMAINING] === num(d, o + Field.TAKER_REMAINING) + lots, 'taker remaining differs between book and gate');

    const perLot = price * r.quotePerTickLot;
    const notional = lots * perLot;
    const buyerFee = feeUnits(notional, takerBuys ? r.takerBps : r.makerBps);
    const sellerFee = feeUnits(notional, takerBuys ? r.makerBps : r.takerBps);
    const baseUnits = lots * r.basePerLot;
    const quote = r.quoteAsset;
    const baseAsset = r.baseAsset;

    // Buyer: pays notional + fee out of the order's hold, receives base.
    const buyHoldPerLot = this.orders[buySlot * ORDER_STRIDE + O_HOLD_PER_LOT] ?? 0;
    const buyRelease = lots * (buyHoldPerLot > 0 ? buyHoldPerLot : perLot + feeUnits(perLot, r.holdBps));
    this.consume(buySlot, buyer, quote, lots, buyRelease);
    buyer.d[quote] = (buyer.d[quote] ?? 0) - notional - buyerFee;
    buyer.d[baseAsset] = (buyer.d[baseAsset] ?? 0) + baseUnits;
    buyer.d[buyer.B + ii] = (buyer.d[buyer.B + ii] ?? 0) - lots;
    // Seller: delivers held base, receives notional − fee.
    this.consume(sellSlot, seller, baseAsset, lots, baseUnits);
    seller.d[baseAsset] = (seller.d[baseAsset] ?? 0) - baseUnits;
    seller.d[quote] = (seller.d[quote] ?? 0) + notional - sellerFee;
    seller.d[seller.S + ii] = (seller.d[seller.S + ii] ?? 0) - lots;
    this.feesCollected[quote] = (this.feesCollected[quote] ?? 0) + buyerFee + sellerFee;
    buyer.d[buyer.F + ii] = (buyer.d[buyer.F + ii] ?? 0) + buyerFee;
    seller.d[seller.F + ii] = (seller.d[seller.F + ii] ?? 0) + sellerFee;
    if (!((buyer.d[quote] ?? 0) >= (buyer.d[buyer.H + quote] ?? 0))) fail(`account ${buyer.id} spent more than it held`);

    applyFill(buyer, ii, lots, price, r.quotePerTickLot);
    applyFill(seller, ii, -lots, price, r.quotePerTickLot);
    if (this.markTicks[ii] !== price) {
      this.markTicks[ii] = price;
      this.markVersion++;
    }
    buyer.equityStamp = -1;
    seller.equityStamp = -1;
    if (buyer.drawdownBps > 0 && !buyer.tripped && this.belowDrawdown(buyer)) this.trip(buyer);
    if (seller.drawdownBps > 0 && !seller.tripped && this.belowDrawdown(seller)) this.trip(seller);
  }

  /** A fill of `lots` on the order at `slot`: its hold shrinks by `release`. */
  private consume(slot: number, account: Account, asset: number, lots: number, release: number): void {
    const hold = (this.orders[slot * ORDER_STRIDE + O_HOLD] ?? 0) - release;
    if (hold < 0) fail(`order ${this.orders[slot * ORDER_STRIDE + O_ID]} filled beyond its hold`);
    this.orders[slot * ORDER_STRIDE + O_HOLD] = hold;
    this.orders[slot * ORDER_STRIDE + O_REMAINING] = (this.orders[slot * ORDER_STRIDE + O_REMAINING] ?? 0) - lots;
    this.orders[slot * ORDER_STRIDE + O_FILLED] = (this.orders[slot * ORDER_STRIDE + O_FILLED] ?? 0) + lots;
    account.d[account.H + asset] = (account.d[account.H + asset] ?? 0) - release;
  }

  private close(orderId: number, leftLots: number): void {
    const slot = this.slotOf(orderId);
    if (this.orders[slot * ORDER_STRIDE + O_REMAINING] !== leftLots) fail(`order ${orderId} closed with ${leftLots} lots, the gate has ${this.orders[slot * ORDER_STRIDE + O_REMAINING]}`);
    const holdPerLot = this.orders[slot * ORDER_STRIDE + O_HOLD_PER_LOT] ?? 0;
    const hold = this.orders[slot * ORDER_STRIDE + O_HOLD] ?? 0;
    if (!(holdPerLot === 0 || hold === leftLots * holdPerLot)) fail(`order ${orderId} hold ${hold} is not ${leftLots} × ${holdPerLot}`);
    this.release(slot, leftLots, hold);
    this.unregister(slot);
  }

  private decrement(orderId: number, lots: number): void {
    const slot = this.slotOf(orderId);
    // A market buy's hold is an estimate, released whole when it closes; others release per lot.
    this.release(slot, lots, lots * (this.orders[slot * ORDER_STRIDE + O_HOLD_PER_LOT] ?? 0));
    this.orders[slot * ORDER_STRIDE + O_REMAINING] = (this.orders[slot * ORDER_STRIDE + O_REMAINING] ?? 0) - lots;
  }

  private amended(orderId: number, price: number, remaining: number): void {
    const known = orderId === this.amendOrderId;
    const slot = known ? this.amendSlot : this.slotOf(orderId);
    const account = this.accountList[this.orders[slot * ORDER_STRIDE + O_ACCOUNT] ?? -1];
    const r = this.instruments[this.orders[slot * ORDER_STRIDE + O_INSTRUMENT] ?? -1];
    if (account === undefined || r === undefined) fail(`amended order ${orderId} has no account`);
    const isBuy = this.orders[slot * ORDER_STRIDE + O_SIDE] === Side.BUY;
    const holdPerLot = known && price === this.amendPrice ? this.amendHoldPerLot : isBuy ? this.buyHoldPerLot(r, price) : r.basePerLot;
    const hold = remaining * holdPerLot;
    const asset = isBuy ? r.quoteAsset : r.baseAsset;
    account.d[account.H + asset] = (account.d[account.H + asset] ?? 0) + hold - (this.orders[slot * ORDER_STRIDE + O_HOLD] ?? 0);
    if (!((account.d[account.H + asset] ?? 0) <= (account.d[asset] ?? 0))) fail(`amend of order ${orderId} holds more than account ${account.id} has`);
    const growth = remaining - (this.orders[slot * ORDER_STRIDE + O_REMAINING] ?? 0);
    if (isBuy) account.d[account.B + r.index] = (account.d[account.B + r.index] ?? 0) + growth;
    else account.d[account.S + r.index] = (account.d[account.S + r.index] ?? 0) + growth;
    this.orders[slot * ORDER_STRIDE + O_PRICE] = price;
    this.orders[slot * ORDER_STRIDE + O_REMAINING] = remaining;
    this.orders[slot * ORDER_STRIDE + O_HOLD_PER_LOT] = holdPerLot;
    this.orders[slot * ORDER_STRIDE + O_HOLD] = hold;
    this.pendingAccount = undefined;
  }

  /** Gives back `lots` open lots and `amount` of hold of the order at `slot` (the order stays registered). */
  private release(slot: number, lots: number, amount: number): void {
    const account = this.accountList[this.orders[slot * ORDER_STRIDE + O_ACCOUNT] ?? -1];
    const r = this.instruments[this.orders[slot * ORDER_STRIDE + O_INSTRUMENT] ?? -1];
    invariant(account !== undefined && r !== undefined, 'release of an order without account');
    const isBuy = this.orders[slot * ORDER_STRIDE + O_SIDE] === Side.BUY;
    const asset = isBuy ? r.quoteAsset : r.baseAsset;
    account.d[account.H + asset] = (account.d[account.H + asset] ?? 0) - amount;
    this.orders[slot * ORDER_STRIDE + O_HOLD] = (this.orders[slot * ORDER_STRIDE + O_HOLD] ?? 0) - amount;
    if (isBuy) account.d[account.B + r.index] = (account.d[account.B + r.index] ?? 0) - lots;
    else account.d[account.S + r.index] = (account.d[account.S + r.index] ?? 0) - lots;
  }

  private register(orderId: number, account: Account, r: RiskInstrument, side: number, price: number, lots: number, holdPerLot: number, hold: number): void {
    invariant(this.freeCount > 0, 'risk gate order table is full (it is sized to the books)');
    const slot = this.freeSlots[--this.freeCount] ?? -1;
    this.index.set(orderId, slot);
    this.orders[slot * ORDER_STRIDE + O_ID] = orderId;
    this.orders[slot * ORDER_STRIDE + O_ACCOUNT] = account.index;
    this.orders[slot * ORDER_STRIDE + O_INSTRUMENT] = r.index;
    this.orders[slot * ORDER_STRIDE + O_SIDE] = side;
    this.orders[slot * ORDER_STRIDE + O_PRICE] = price;
    this.orders[slot * ORDER_STRIDE + O_REMAINING] = lots;
    this.orders[slot * ORDER_STRIDE + O_FILLED] = 0;
    this.orders[slot * ORDER_STRIDE + O_HOLD_PER_LOT] = holdPerLot;
    this.orders[slot * ORDER_STRIDE + O_HOLD] = hold;
    const asset = side === Side.BUY ? r.quoteAsset : r.baseAsset;
    account.d[account.H + asset] = (account.d[account.H + asset] ?? 0) + hold;
    if (side === Side.BUY) account.d[account.B + r.index] = (account.d[account.B + r.index] ?? 0) + lots;
    else account.d[account.S + r.index] = (account.d[account.S + r.index] ?? 0) + lots;
    account.openOrders++;
  }

  private unregister(slot: number): void {
    const account = this.accountList[this.orders[slot * ORDER_STRIDE + O_ACCOUNT] ?? -1];
    invariant(account !== undefined, 'unregister of an order without account');
    if (this.orders[slot * ORDER_STRIDE + O_HOLD] !== 0) fail(`order ${this.orders[slot * ORDER_STRIDE + O_ID]} left with hold ${this.orders[slot * ORDER_STRIDE + O_HOLD]}`);
    account.openOrders--;
    this.index.delete(this.orders[slot * ORDER_STRIDE + O_ID] ?? 0);
    this.freeSlots[this.freeCount++] = slot;
  }

  private slotOf(orderId: number): number {
    const slot = this.index.get(orderId);
    if (slot < 0) fail(`order ${orderId} is in a book but not in the risk gate`);
    return slot;
  }

  // ---- admin commands ----------------------------------------------------------------------------

  /** DEPOSIT, WITHDRAW, SET_LIMIT, SET_KILL_SWITCH, SET_HALT, START_PERIOD. Returns OK or the reject code. */
  admin(c: Command): ResultCode {
    const args = c.admin;
    if (args === undefined) return ResultCode.INVALID_COMMAND;
    // Only a deposit carries several assets or a depositId; on any other admin command they are bad input.
    if (c.kind !== CommandKind.DEPOSIT && c.kind !== CommandKind.WITHDRAW && (args.more.length !== 0 || args.depositId !== '')) return ResultCode.INVALID_DEPOSIT_ASSETS;
    switch (c.kind) {
      case CommandKind.DEPOSIT:
      case CommandKind.WITHDRAW:
        return this.moveFunds(c, args);
      case CommandKind.SET_LIMIT:
        return this.setLimit(c, args);
      case CommandKind.SET_KILL_SWITCH:
        return this.setKillSwitch(c, args);
      case CommandKind.SET_HALT:
        return this.setHalt(c, args);
      case CommandKind.START_PERIOD:
        return this.startPeriod(c, args);
      default:
        return ResultCode.INVALID_COMMAND;
    }
  }

  /** DEPOSIT and WITHDRAW. A deposit of several assets is checked whole, then credited whole. */
  private moveFunds(c: Command, args: AdminArgs): ResultCode {
    if (!validAccount(c.accountId)) return ResultCode.INVALID_ACCOUNT;
    if (c.kind === CommandKind.DEPOSIT) return this.deposit(c.accountId, args);
    if (args.more.length !== 0 || args.depositId !== '') return ResultCode.INVALID_DEPOSIT_ASSETS;
    const asset = args.assetId - 1;
    if (!Number.isInteger(args.assetId) || asset < 0 || asset >= this.assetCount) return ResultCode.UNKNOWN_ASSET;
    const amount = args.amount;
    if (!Number.isSafeInteger(amount) || amount <= 0) return ResultCode.INVALID_AMOUNT;
    const account = this.accounts.get(c.accountId);
    if (account === undefined || amount > account.available(asset)) return ResultCode.INSUFFICIENT_BALANCE;
    account.equityStamp = -1;
    account.d[asset] = (account.d[asset] ?? 0) - amount;
    this.outstanding[asset] = (this.outstanding[asset] ?? 0) - amount;
    account.startEquity = clampEquity(account.startEquity - amount * this.valueFactor(asset));
    this.events.balance(account.id, args.assetId, 2, amount, account.d[asset] ?? 0, account.d[account.H + asset] ?? 0, args.actorId);
    return ResultCode.OK;
  }

  /**
   * Every pair is checked before any is credited, in the order given, so the first failing pair's
   * code is the answer and a refused deposit credits nothing: at most MAX_DEPOSIT_ASSETS pairs, each
   * asset once, known assets, positive whole amounts, no venue total past 2^53 (an account's total
   * is at most the venue's, so it cannot overflow either). Then one BALANCE event per asset.
   */
  private deposit(accountId: number, args: AdminArgs): ResultCode {
    const more = args.more;
    if (more.length > MAX_DEPOSIT_ASSETS - 1) return ResultCode.INVALID_DEPOSIT_ASSETS;
    for (let i = -1; i < more.length; i++) {
      const assetId = i < 0 ? args.assetId : (more[i]?.assetId ?? 0);
      const amount = i < 0 ? args.amount : (more[i]?.amount ?? 0);
      const asset = assetId - 1;
      if (!Number.isInteger(assetId) || asset < 0 || asset >= this.assetCount) return ResultCode.UNKNOWN_ASSET;
      if (!Number.isSafeInteger(amount) || amount <= 0) return ResultCode.INVALID_AMOUNT;
      for (let j = -1; j < i; j++) if ((j < 0 ? args.assetId : more[j]?.assetId) === assetId) return ResultCode.INVALID_DEPOSIT_ASSETS;
      if ((this.outstanding[asset] ?? 0) + amount > Number.MAX_SAFE_INTEGER) return ResultCode.AMOUNT_TOO_LARGE;
    }
    const account = this.account(accountId);
    account.equityStamp = -1;
    for (let i = -1; i < more.length; i++) {
      const assetId = i < 0 ? args.assetId : (more[i]?.assetId ?? 0);
      const amount = i < 0 ? args.amount : (more[i]?.amount ?? 0);
      const asset = assetId - 1;
      account.d[asset] = (account.d[asset] ?? 0) + amount;
      this.outstanding[asset] = (this.outstanding[asset] ?? 0) + amount;
      account.startEquity = clampEquity(account.startEquity + amount * this.valueFactor(asset));
      this.events.balance(account.id, assetId, 1, amount, account.d[asset] ?? 0, account.d[account.H + asset] ?? 0, args.actorId);
    }
    return ResultCode.OK;
  }

  private setLimit(c: Command, args: AdminArgs): ResultCode {
    const kind = args.limitKind;
    const accountId = c.accountId;
    const instrumentId = c.instrumentId;
    if (!Number.isInteger(kind) || kind < 1 || kind > LIMIT_KINDS) return ResultCode.INVALID_LIMIT;
    if (!Number.isSafeInteger(accountId) || accountId < 0 || accountId > MAX_ACCOUNT_ID) return ResultCode.INVALID_ACCOUNT;
    if (instrumentId !== 0 && (this.byInstrumentId[instrumentId] ?? -1) < 0) return ResultCode.UNKNOWN_INSTRUMENT;
    if (instrumentId !== 0 && !isInstrumentLimit(kind) && !isBandLimit(kind)) return ResultCode.INVALID_LIMIT;
    if (accountId !== 0 && isBandLimit(kind)) return ResultCode.INVALID_LIMIT;
    const value = args.amount;
    if (!(value === -1 || (Number.isSafeInteger(value) && value >= 0 && value <= maxLimitValue(kind)))) return ResultCode.INVALID_LIMIT;
    const key = overrideKey(accountId, instrumentId, kind);
    if (value === -1) this.overrides.delete(key);
    else this.overrides.set(key, { value, actorId: args.actorId, seq: this.seq });
    if (accountId === 0) this.recomputeVenueLimits();
    else this.recompute(this.account(accountId));
    this.events.limitSet(instrumentId, accountId, kind, value, args.actorId);
    return ResultCode.OK;
  }

  private setKillSwitch(c: Command, args: AdminArgs): ResultCode {
    if (!validAccount(c.accountId)) return ResultCode.INVALID_ACCOUNT;
    if (args.flag !== 0 && args.flag !== 1) return ResultCode.INVALID_FLAG;
    const account = this.account(c.accountId);
    account.killed = args.flag === 1;
    this.events.killSwitch(account.id, args.flag, args.actorId);
    if (account.killed) this.cancelAccount(account, DoneReason.KILL_SWITCH);
    return ResultCode.OK;
  }

  private setHalt(c: Command, args: AdminArgs): ResultCode {
    const ii = Number.isInteger(c.instrumentId) && c.instrumentId > 0 && c.instrumentId < 65_536 ? (this.byInstrumentId[c.instrumentId] ?? -1) : -1;
    const book = this.bookByIndex[ii];
    if (book === undefined) return ResultCode.UNKNOWN_INSTRUMENT;
    if (args.flag !== 0 && args.flag !== 1) return ResultCode.INVALID_FLAG;
    this.halted[ii] = args.flag;
    this.events.halt(c.instrumentId, args.flag, args.actorId);
    if (args.flag === 1) {
      this.settle();
      book.massCancel(0, 0, DoneReason.INSTRUMENT_HALT);
      this.settle();
    }
    return ResultCode.OK;
  }

  private startPeriod(c: Command, args: AdminArgs): ResultCode {
    if (c.accountId === 0) {
      for (const account of [...this.accountList].sort((a, b) => a.id - b.id)) this.newPeriod(account, args.actorId);
      return ResultCode.OK;
    }
    const account = validAccount(c.accountId) ? this.accounts.get(c.accountId) : undefined;
    if (account === undefined) return ResultCode.INVALID_ACCOUNT;
    this.newPeriod(account, args.actorId);
    return ResultCode.OK;
  }

  private newPeriod(account: Account, actorId: number): void {
    account.startEquity = this.equity(account);
    account.tripped = false;
    this.events.drawdown(account.id, 0, account.startEquity, account.startEquity, actorId);
  }

  // ---- drawdown, bands, rate ---------------------------------------------------------------------

  /** Equity in valuation asset units: every balance at the last trade price of its market in the valuation asset. */
  equity(account: Account): number {
    if (account.equityStamp === this.markVersion) return account.equityCache;
    let sum = 0;
    for (let a = 0; a < this.assetCount; a++) {
      const total = account.d[a] ?? 0;
      if (total !== 0) sum += total * this.valueFactor(a);
    }
    account.equityCache = clampEquity(sum);
    account.equityStamp = this.markVersion;
    return account.equityCache;
  }

  private valueFactor(asset: number): number {
    if (asset === this.tables.valuationAsset) return 1;
    const ii = this.markInstrument[asset] ?? -1;
    return ii < 0 ? 0 : (this.markTicks[ii] ?? 0) * (this.markFactor[asset] ?? 0);
  }

  private belowDrawdown(account: Account): boolean {
    return this.equity(account) < (account.startEquity * (10_000 - account.drawdownBps)) / 10_000;
  }

  private trip(account: Account): void {
    account.tripped = true;
    this.events.drawdown(account.id, 1, this.equity(account), account.startEquity, 0);
    if (account.drawdownCancel === 1) this.cancelAccount(account, DoneReason.DRAWDOWN);
  }

  private cancelAccount(account: Account, reason: DoneReason): void {
    if (account.openOrders === 0) return;
    // Settle what came before, so the cancels' DONE events settle against current holds.
    const pendingOrder = this.pendingOrderId;
    this.settle();
    for (const book of this.books) book.massCancel(account.id, 0, reason);
    this.pendingOrderId = pendingOrder;
    this.settle();
  }

  private inBand(ii: number, isBuy: boolean, price: number): boolean {
    const bps = this.bandBps[ii] ?? 0;
    const ticks = this.bandTicks[ii] ?? 0;
    if (bps === 0 && ticks === 0) return true;
    // The gate's mark is the book's last trade price (both are set by every TRADE).
    let reference = this.markTicks[ii] ?? 0;
    if (reference === 0) reference = this.bookByIndex[ii]?.bestPriceTicks(isBuy ? Side.SELL : Side.BUY) ?? 0;
    if (reference === 0) return true;
    const distance = Math.abs(price - reference);
    if (ticks > 0 && distance > ticks) return false;
    return bps === 0 || distance * 10_000 <= reference * bps;
  }

  /**
   * The command's time in whole milliseconds, the rate limiter's clock: exactly floor(ns / 10^6), a
   * pure function of the sequenced time. Converting a bigint costs about 17 ns, so the millisecond is
   * memoised and a command within it pays two bigint comparisons.
   */
  private nowMs(): number {
    const ns = this.timestampNs;
    if (ns < this.msStartNs || ns >= this.msEndNs) {
      const ms = ns / 1_000_000n;
      this.msStartNs = ms * 1_000_000n;
      this.msEndNs = this.msStartNs + 1_000_000n;
      this.msCache = Number(ms);
    }
    return this.msCache;
  }

  /** The bucket level now (not stored): refilled at orderRate tokens per second since the last use. */
  private refill(account: Account, nowMs: number): number {
    const capacity = (account.orderBurst > 0 ? account.orderBurst : account.orderRate) * TOKEN;
    if (account.bucket < 0) return capacity;
    const room = capacity - account.bucket;
    if (room <= 0) return capacity;
    // orderRate tokens per second = orderRate × 1,000 bucket units per millisecond.
    const refilled = Math.max(0, nowMs - account.bucketTimeMs) * account.orderRate * 1000;
    return refilled >= room ? capacity : account.bucket + refilled;
  }

  private buyHoldPerLot(r: RiskInstrument, priceTicks: number): number {
    const perLot = priceTicks * r.quotePerTickLot;
    return perLot + feeUnits(perLot, r.holdBps);
  }

  // ---- accounts and limits -------------------------------------------------------------------------

  private account(accountId: number): Account {
    let account = this.accounts.get(accountId);
    if (account === undefined) {
      account = new Account(accountId, this.accountList.length, this.assetCount, this.instruments.length);
      this.accounts.set(accountId, account);
      this.accountList.push(account);
      this.recompute(account);
    }
    return account;
  }

  private resolve(accountId: number, instrumentId: number, kind: number): number {
    const o = this.overrides;
    if (instrumentId !== 0) {
      const v = o.get(overrideKey(accountId, instrumentId, kind)) ?? o.get(overrideKey(accountId, 0, kind)) ?? o.get(overrideKey(0, instrumentId, kind)) ?? o.get(overrideKey(0, 0, kind));
      return v?.value ?? 0;
    }
    return (o.get(overrideKey(accountId, 0, kind)) ?? o.get(overrideKey(0, 0, kind)))?.value ?? 0;
  }

  private recompute(account: Account): void {
    const id = account.id;
    for (const r of this.instruments) {
      const base = r.index * PER_INSTRUMENT;
      const instrumentId = r.instrument.id;
      account.d[account.L + base + QTY] = this.resolve(id, instrumentId, LimitKind.MAX_ORDER_QUANTITY);
      account.d[account.L + base + NOTIONAL] = this.resolve(id, instrumentId, LimitKind.MAX_ORDER_NOTIONAL);
      account.d[account.L + base + POSITION] = this.resolve(id, instrumentId, LimitKind.MAX_POSITION);
    }
    account.maxOpenOrders = this.resolve(id, 0, LimitKind.MAX_OPEN_ORDERS);
    account.orderRate = this.resolve(id, 0, LimitKind.ORDER_RATE);
    account.orderBurst = this.resolve(id, 0, LimitKind.ORDER_BURST);
    account.drawdownBps = this.resolve(id, 0, LimitKind.DRAWDOWN_BPS);
    account.drawdownCancel = this.resolve(id, 0, LimitKind.DRAWDOWN_CANCEL);
  }

  private recomputeVenueLimits(): void {
    for (const r of this.instruments) {
      this.bandBps[r.index] = this.resolve(0, r.instrument.id, LimitKind.PRICE_BAND_BPS);
      this.bandTicks[r.index] = this.resolve(0, r.instrument.id, LimitKind.PRICE_BAND_TICKS);
    }
    for (const account of this.accountList) this.recompute(account);
  }

  // ---- queries ----------------------------------------------------------------------------------------

  /** The account and instrument of an open order (resting or pending stop), or undefined. O(1). */
  openOrder(orderId: number): { accountId: number; instrumentId: number } | undefined {
    if (!Number.isSafeInteger(orderId) || orderId < 1) return undefined;
    const slot = this.index.get(orderId);
    if (slot < 0) return undefined;
    const base = slot * ORDER_STRIDE;
    const account = this.accountList[this.orders[base + O_ACCOUNT] ?? -1];
    const instrument = this.instruments[this.orders[base + O_INSTRUMENT] ?? -1];
    if (account === undefined || instrument === undefined) return undefined;
    return { accountId: account.id, instrumentId: instrument.instrument.id };
  }

  /** The open orders (resting and pending stops) of an account, by id: [orderId, instrumentId] pairs. O(order capacity). */
  ordersOf(accountId: number): [number, number][] {
    const account = this.accounts.get(accountId);
    const found: [number, number][] = [];
    if (account === undefined || account.openOrders === 0) return found;
    const o = this.orders;
    for (let slot = 0; slot < this.orderCapacity; slot++) {
      const base = slot * ORDER_STRIDE;
      const id = o[base + O_ID] ?? 0;
      if (id !== 0 && o[base + O_ACCOUNT] === account.index && this.index.get(id) === slot) {
        found.push([id, this.instruments[o[base + O_INSTRUMENT] ?? -1]?.instrument.id ?? 0]);
      }
    }
    return found.sort((a, b) => a[0] - b[0]);
  }

  accountState(accountId: number): Account | undefined {
    return this.accounts.get(accountId);
  }

  /** Every override in force, with who set it and at which seq (the audit view). */
  limitOverrides(): LimitView[] {
    return [...this.overrides.entries()]
      .map(([key, o]) => {
        const [accountId = 0, instrumentId = 0, kind = 0] = key.split('/').map(Number);
        return { accountId, instrumentId, kind, value: o.value, actorId: o.actorId, seq: o.seq };
      })
      .sort((a, b) => a.accountId - b.accountId || a.instrumentId - b.instrumentId || a.kind - b.kind);
  }

  /** Effective value of a limit for an account (0 = none). */
  effectiveLimit(accountId: number, instrumentId: number, kind: LimitKind): number {
    return this.resolve(accountId, isInstrumentLimit(kind) || isBandLimit(kind) ? instrumentId : 0, kind);
  }

  isHalted(instrumentId: number): boolean {
    return this.halted[this.byInstrumentId[instrumentId] ?? -1] === 1;
  }

  feesCollectedUnits(assetId: number): number {
    return this.feesCollected[assetId - 1] ?? 0;
  }

  /** Unrealized PnL of a position at the last trade price, in quote units. */
  unrealizedPnl(account: Account, instrumentId: number): number {
    const ii = this.byInstrumentId[instrumentId] ?? -1;
    const r = this.instruments[ii];
    if (r === undefined) return 0;
    const position = account.d[account.P + ii] ?? 0;
    const mark = (this.markTicks[ii] ?? 0) * r.quotePerTickLot;
    return position * mark - (position >= 0 ? 1 : -1) * (account.d[account.C + ii] ?? 0);
  }

  /**
   * Asserts the gate's invariants: conservation per asset (Σ totals + fees = deposits −
   * withdrawals), each account's held equal to its orders' holds and within its total, open order
   * counts and open lots equal to the orders'. O(accounts + orders): for tests and tools.
   */
  validate(): void {
    const assets = this.assetCount;
    const sums = new Float64Array(assets);
    const held = new Map<number, Float64Array>();
    const lots = new Map<number, Float64Array>();
    const counts = new Map<number, number>();
    for (const account of this.accountList) {
      held.set(account.index, new Float64Array(assets));
      lots.set(account.index, new Float64Array(this.instruments.length * 2));
      counts.set(account.index, 0);
    }
    let live = 0;
    for (let slot = 0; slot < this.orderCapacity; slot++) {
      const id = this.orders[slot * ORDER_STRIDE + O_ID] ?? 0;
      if (id === 0 || this.index.get(id) !== slot) continue;
      live++;
      const a = this.orders[slot * ORDER_STRIDE + O_ACCOUNT] ?? -1;
      const r = this.instruments[this.orders[slot * ORDER_STRIDE + O_INSTRUMENT] ?? -1];
      invariant(r !== undefined, `order ${id} without instrument`);
      const isBuy = this.orders[slot * ORDER_STRIDE + O_SIDE] === Side.BUY;
      const h = held.get(a);
      const l = lots.get(a);
      invariant(h !== undefined && l !== undefined, `order ${id} of an unknown account`);
      const asset = isBuy ? r.quoteAsset : r.baseAsset;
      h[asset] = (h[asset] ?? 0) + (this.orders[slot * ORDER_STRIDE + O_HOLD] ?? 0);
      const perLot = this.orders[slot * ORDER_STRIDE + O_HOLD_PER_LOT] ?? 0;
      invariant(perLot === 0 || this.orders[slot * ORDER_STRIDE + O_HOLD] === (this.orders[slot * ORDER_STRIDE + O_REMAINING] ?? 0) * perLot, `order ${id} hold is not remaining × per-lot hold`);
      l[r.index * 2 + (isBuy ? 0 : 1)] = (l[r.index * 2 + (isBuy ? 0 : 1)] ?? 0) + (this.orders[slot * ORDER_STRIDE + O_REMAINING] ?? 0);
      counts.set(a, (counts.get(a) ?? 0) + 1);
    }
    invariant(live === this.index.size, `gate index has ${this.index.size} orders, the table ${live}`);
    for (const account of this.accountList) {
      const h = held.get(account.index);
      const l = lots.get(account.index);
      invariant(h !== undefined && l !== undefined, 'account tables');
      for (let a = 0; a < assets; a++) {
        const total = account.d[a] ?? 0;
        invariant(account.d[account.H + a] === h[a], `account ${account.id} asset ${a + 1}: held ${account.d[account.H + a]}, orders hold ${h[a]}`);
        invariant((account.d[account.H + a] ?? 0) <= total && total >= 0, `account ${account.id} asset ${a + 1}: held ${account.d[account.H + a]} above total ${total}`);
        sums[a] = (sums[a] ?? 0) + total;
      }
      for (const r of this.instruments) {
        invariant(account.d[account.B + r.index] === l[r.index * 2] && account.d[account.S + r.index] === l[r.index * 2 + 1], `account ${account.id} open lots differ from its orders in ${r.instrument.symbol}`);
      }
      invariant(account.openOrders === counts.get(account.index), `account ${account.id} counts ${account.openOrders} open orders, the table ${counts.get(account.index)}`);
    }
    for (let a = 0; a < assets; a++) {
      invariant((sums[a] ?? 0) + (this.feesCollected[a] ?? 0) === this.outstanding[a], `asset ${a + 1}: balances ${sums[a]} + fees ${this.feesCollected[a]} ≠ deposits − withdrawals ${this.outstanding[a]}`);
    }
  }

  // ---- state (hash and snapshot) ------------------------------------------------------------------

  exportState(sink: StateSink): void {
    sink.add(this.assetCount);
    for (let a = 0; a < this.assetCount; a++) {
      sink.add(this.outstanding[a] ?? 0);
      signed(sink, this.feesCollected[a] ?? 0);
    }
    sink.add(this.instruments.length);
    for (let i = 0; i < this.instruments.length; i++) {
      sink.add(this.halted[i] ?? 0);
      sink.add(this.markTicks[i] ?? 0);
    }
    const overrides = this.limitOverrides();
    sink.add(overrides.length);
    for (const o of overrides) {
      sink.add(o.accountId);
      sink.add(o.instrumentId);
      sink.add(o.kind);
      sink.add(o.value);
      sink.add(o.actorId);
      sink.add(o.seq);
    }
    const accounts = [...this.accountList].sort((a, b) => a.id - b.id);
    sink.add(accounts.length);
    for (const account of accounts) {
      sink.add(account.id);
      for (let a = 0; a < this.assetCount; a++) {
        sink.add(account.d[a] ?? 0);
        sink.add(account.d[account.H + a] ?? 0);
      }
      for (let i = 0; i < this.instruments.length; i++) {
        signed(sink, account.d[account.P + i] ?? 0);
        sink.add(account.d[account.C + i] ?? 0);
        signed(sink, account.d[account.R + i] ?? 0);
        signed(sink, account.d[account.F + i] ?? 0);
        sink.add(account.d[account.B + i] ?? 0);
        sink.add(account.d[account.S + i] ?? 0);
      }
      sink.add(account.openOrders);
      sink.add(account.bucket + 1);
      sink.add(account.bucketTimeMs);
      sink.add(account.killed ? 1 : 0);
      sink.add(account.tripped ? 1 : 0);
      sink.add(account.startEquity);
    }
    const slots: number[] = [];
    for (let slot = 0; slot < this.orderCapacity; slot++) {
      const id = this.orders[slot * ORDER_STRIDE + O_ID] ?? 0;
      if (id !== 0 && this.index.get(id) === slot) slots.push(slot);
    }
    slots.sort((a, b) => (this.orders[a * ORDER_STRIDE + O_ID] ?? 0) - (this.orders[b * ORDER_STRIDE + O_ID] ?? 0));
    sink.add(slots.length);
    for (const slot of slots) {
      sink.add(this.orders[slot * ORDER_STRIDE + O_ID] ?? 0);
      sink.add(this.accountList[this.orders[slot * ORDER_STRIDE + O_ACCOUNT] ?? -1]?.id ?? 0);
      sink.add(this.instruments[this.orders[slot * ORDER_STRIDE + O_INSTRUMENT] ?? -1]?.instrument.id ?? 0);
      sink.add(this.orders[slot * ORDER_STRIDE + O_SIDE] ?? 0);
      sink.add(this.orders[slot * ORDER_STRIDE + O_PRICE] ?? 0);
      sink.add(this.orders[slot * ORDER_STRIDE + O_REMAINING] ?? 0);
      sink.add(this.orders[slot * ORDER_STRIDE + O_FILLED] ?? 0);
      sink.add(this.orders[slot * ORDER_STRIDE + O_HOLD_PER_LOT] ?? 0);
      sink.add(this.orders[slot * ORDER_STRIDE + O_HOLD] ?? 0);
    }
  }

  /** Rebuilds the gate from exportState()'s stream; the gate must be fresh. */
  importState(source: StateSource): void {
    invariant(this.accountList.length === 0 && this.index.size === 0, 'risk state is restored into a fresh gate');
    invariant(source.next() === this.assetCount, 'snapshot has a different asset table');
    for (let a = 0; a < this.assetCount; a++) {
      this.outstanding[a] = source.next();
      this.feesCollected[a] = readSigned(source);
    }
    invariant(source.next() === this.instruments.length, 'snapshot has a different instrument table');
    for (let i = 0; i < this.instruments.length; i++) {
      this.halted[i] = source.next();
      this.markTicks[i] = source.next();
    }
    this.overrides.clear();
    const overrides = source.next();
    for (let i = 0; i < overrides; i++) {
      const accountId = source.next();
      const instrumentId = source.next();
      const kind = source.next();
      this.overrides.set(overrideKey(accountId, instrumentId, kind), { value: source.next(), actorId: source.next(), seq: source.next() });
    }
    const accounts = source.next();
    for (let i = 0; i < accounts; i++) {
      const account = this.account(source.next());
      for (let a = 0; a < this.assetCount; a++) {
        account.d[a] = source.next();
        account.d[account.H + a] = source.next();
      }
      for (let k = 0; k < this.instruments.length; k++) {
        account.d[account.P + k] = readSigned(source);
        account.d[account.C + k] = source.next();
        account.d[account.R + k] = readSigned(source);
        account.d[account.F + k] = readSigned(source);
        account.d[account.B + k] = source.next();
        account.d[account.S + k] = source.next();
      }
      account.openOrders = source.next();
      account.bucket = source.next() - 1;
      account.bucketTimeMs = source.next();
      account.killed = source.next() === 1;
      account.tripped = source.next() === 1;
      account.startEquity = source.next();
    }
    this.recomputeVenueLimits();
    const orders = source.next();
    for (let i = 0; i < orders; i++) {
      const id = source.next();
      const account = this.accounts.get(source.next());
      const ii = this.byInstrumentId[source.next()] ?? -1;
      invariant(account !== undefined && ii >= 0, `snapshot order ${id} has an unknown account or instrument`);
      invariant(this.freeCount > 0, 'snapshot has more orders than the gate holds');
      const slot = this.freeSlots[--this.freeCount] ?? -1;
      this.index.set(id, slot);
      this.orders[slot * ORDER_STRIDE + O_ID] = id;
      this.orders[slot * ORDER_STRIDE + O_ACCOUNT] = account.index;
      this.orders[slot * ORDER_STRIDE + O_INSTRUMENT] = ii;
      this.orders[slot * ORDER_STRIDE + O_SIDE] = source.next();
      this.orders[slot * ORDER_STRIDE + O_PRICE] = source.next();
      this.orders[slot * ORDER_STRIDE + O_REMAINING] = source.next();
      this.orders[slot * ORDER_STRIDE + O_FILLED] = source.next();
      this.orders[slot * ORDER_STRIDE + O_HOLD_PER_LOT] = source.next();
      this.orders[slot * ORDER_STRIDE + O_HOLD] = source.next();
    }
    this.validate();
  }
}

/** Throws InvariantViolation. Hot paths test with `if` and call this, so the message is built only on failure. */
function fail(message: string): never {
  throw new InvariantViolation(message);
}

function num(d: Float64Array, i: number): number {
  return d[i] ?? 0;
}

function validAccount(accountId: number): boolean {
  return Number.isSafeInteger(accountId) && accountId > 0 && accountId <= MAX_ACCOUNT_ID;
}

/** An order reduces risk when it trades against the position and, with the same side's open orders, cannot flip it. */
function reduces(isBuy: boolean, position: number, lotsOnSide: number): boolean {
  return isBuy ? position < 0 && lotsOnSide <= -position : position > 0 && lotsOnSide <= position;
}

function clampEquity(value: number): number {
  return Math.min(Number.MAX_SAFE_INTEGER, Math.max(0, Math.floor(value)));
}

/** Position, cost basis and realized PnL after a fill of `lots` (negative = sold) at `price`. */
function applyFill(account: Account, ii: number, lots: number, price: number, quotePerTickLot: number): void {
  const position = account.d[account.P + ii] ?? 0;
  const cost = account.d[account.C + ii] ?? 0;
  if (position === 0 || position > 0 === lots > 0) {
    account.d[account.P + ii] = position + lots;
    account.d[account.C + ii] = cost + Math.abs(lots) * price * quotePerTickLot;
    return;
  }
  const size = Math.abs(position);
  const closing = Math.min(size, Math.abs(lots));
  // The closed part leaves at its share of the cost basis (rounded; the last lot takes the rest).
  const removed = closing === size ? cost : Math.min(cost, Math.round((cost * closing) / size));
  const proceeds = closing * price * quotePerTickLot;
  account.d[account.R + ii] = (account.d[account.R + ii] ?? 0) + (position > 0 ? proceeds - removed : removed - proceeds);
  account.d[account.C + ii] = cost - removed;
  account.d[account.P + ii] = position + lots;
  const opening = Math.abs(lots) - closing;
  if (opening > 0) account.d[account.C + ii] = opening * price * quotePerTickLot;
}

function signed(sink: StateSink, value: number): void {
  sink.add(value < 0 ? 1 : 0);
  sink.add(Math.abs(value));
}

function readSigned(source: StateSource): number {
  const negative = source.next() === 1;
  const magnitude = source.next();
  return negative ? -magnitude : magnitude;
}
