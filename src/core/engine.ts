// The matching engine: a pure, deterministic state machine. apply(command, seq, timestampNs) →
// events, with no clock, randomness, I/O or await: the same commands always give the same events,
// byte for byte, and the same stateHash(). Time and sequence come in with the command.
//
// The engine owns validation against the instrument (1xxx codes), identical for every book, and
// routes to one book per instrument. Order ids are the seq of the PLACE command that created them:
// unique, monotonic, and known to whoever sequenced the command.
import type { Instrument } from '../domain/instrument.js';
import { ResultCode } from '../domain/result-codes.js';
import { ClientIds, ClientOrderStatus, creditsDigest, type IdempotencyConfig } from '../engine/client-ids.js';
import { CLIENT_ID_MAX_BYTES, type Command, CommandKind, DEPOSIT_ID_MAX_BYTES, OrderType, SelfTradePrevention, Side, TimeInForce, validTextId } from '../engine/command.js';
import { EventBuffer } from '../engine/event.js';
import { FastOrderBook } from '../engine/fast-order-book.js';
import { NaiveOrderBook } from '../engine/naive-order-book.js';
import { type BookCapacity, type EngineCounters, invariant, InvariantViolation, type OrderBook, type StateSink, type StateSource } from '../engine/order-book.js';
import { StateHasher } from '../engine/state-hash.js';
import type { RiskConfig } from '../risk/risk-config.js';
import { RiskGate } from '../risk/risk-gate.js';

export type BookKind = 'fast' | 'naive';

export interface EngineConfig {
  readonly instruments: readonly Instrument[];
  readonly book: BookKind;
  /** Per instrument. */
  readonly capacity: BookCapacity;
  /**
   * The pre-trade risk gate (src/risk): balances, holds and limits. Absent, the engine matches
   * without it (the engine benchmarks and the book tests run that way) and rejects admin commands.
   */
  readonly risk?: RiskConfig;
  /** How many closed clientOrderIds and applied depositIds each account keeps (src/engine/client-ids.ts). */
  readonly idempotency?: IdempotencyConfig;
}

/** Account ids are stored in 32-bit slots by the fast book. */
export const MAX_ACCOUNT_ID = 0xffff_ffff;

export class Engine {
  readonly events = new EventBuffer();
  private readonly books: (OrderBook | undefined)[] = [];
  /** Books in instrument-id order: the order of "every instrument" commands and of the hash. */
  private readonly orderedBooks: OrderBook[];
  private readonly counters: EngineCounters = { nextTradeId: 1 };
  private readonly accountStp = new Map<number, number>();
  private lastSeq = 0;
  private lastTimestampNs = 0n;
  /** The risk gate, when the engine has one. */
  readonly risk: RiskGate | undefined;
  /** (account, clientOrderId) and (account, depositId): what a retry is answered from. */
  readonly clientIds: ClientIds;

  constructor(config: EngineConfig) {
    const capacity = config.capacity;
    invariant(Number.isSafeInteger(capacity.maxOrders) && capacity.maxOrders > 0, 'capacity.maxOrders is a positive integer');
    invariant(Number.isSafeInteger(capacity.maxLevels) && capacity.maxLevels > 0, 'capacity.maxLevels is a positive integer');
    for (const instrument of config.instruments) {
      invariant(this.books[instrument.id] === undefined, `instrument id ${instrument.id} defined twice`);
      // A level's total is at most maxOrders × maxQuantity lots: prove it is an exact double.
      invariant(capacity.maxOrders * instrument.maxQuantityLots <= Number.MAX_SAFE_INTEGER, `${instrument.symbol}: maxOrders × maxQuantity must stay below 2^53`);
      this.books[instrument.id] =
        config.book === 'fast'
          ? new FastOrderBook(instrument, capacity, this.events, this.counters)
          : new NaiveOrderBook(instrument, capacity, this.events, this.counters);
    }
    this.orderedBooks = this.books.filter((b): b is OrderBook => b !== undefined);
    this.clientIds = new ClientIds(config.idempotency);
    if (config.risk === undefined) {
      this.risk = undefined;
    } else {
      // Room for every resting order and pending stop, plus the one incoming order per book.
      this.risk = new RiskGate(config.instruments, config.risk, this.events, this.orderedBooks.length * (capacity.maxOrders + 1));
      this.risk.attach(this.orderedBooks);
    }
  }

  /**
   * Apply one sequenced command. Returns the engine's event buffer holding exactly this command's
   * events, valid until the next call. seq must increase and time must not go backwards: a
   * violation means the sequencer is broken, and the engine refuses to continue.
   */
  apply(command: Command, seq: number, timestampNs: bigint): EventBuffer {
    // Checked with `if` so the message is built only on failure: this runs for every command.
    if (!(seq > this.lastSeq && Number.isSafeInteger(seq))) throw new InvariantViolation(`seq ${seq} follows ${this.lastSeq}`);
    if (timestampNs < this.lastTimestampNs) throw new InvariantViolation(`timestamp ${timestampNs} is before ${this.lastTimestampNs}`);
    this.lastSeq = seq;
    this.lastTimestampNs = timestampNs;
    this.events.begin(seq, timestampNs);
    const risk = this.risk;
    risk?.begin(seq, timestampNs);
    switch (command.kind) {
      case CommandKind.PLACE:
        this.place(command, seq);
        break;
      case CommandKind.CANCEL:
        this.cancel(command);
        break;
      case CommandKind.AMEND:
        this.amend(command);
        break;
      case CommandKind.MASS_CANCEL:
        this.massCancel(command);
        break;
      case CommandKind.END_OF_DAY:
        this.endOfDay(command);
        break;
      case CommandKind.SET_ACCOUNT_STP:
        this.setAccountStp(command);
        break;
      case CommandKind.DEPOSIT:
        this.deposit(command, seq);
        break;
      case CommandKind.WITHDRAW:
      case CommandKind.SET_LIMIT:
      case CommandKind.SET_KILL_SWITCH:
      case CommandKind.SET_HALT:
      case CommandKind.START_PERIOD: {
        const code = risk === undefined ? ResultCode.INVALID_COMMAND : risk.admin(command);
        if (code !== ResultCode.OK) this.reject(command, 0, code);
        break;
      }
      default:
        this.reject(command, 0, ResultCode.INVALID_COMMAND);
    }
    if (risk !== undefined) risk.settle();
    // Only while some order placed with a clientOrderId is open: otherwise no event can concern one.
    if (this.clientIds.openCount !== 0) this.clientIds.settle(this.events);
    return this.events;
  }

  private place(command: Command, orderId: number): void {
    if (command.clientOrderId !== '' && !this.claimClientOrderId(command, orderId)) return;
    const book = this.books[command.instrumentId];
    if (book === undefined) return this.reject(command, orderId, ResultCode.UNKNOWN_INSTRUMENT);
    const code = validatePlace(command, book.instrument);
    if (code !== ResultCode.OK) return this.reject(command, orderId, code);
    let stp = command.selfTradePrevention;
    if (stp === SelfTradePrevention.ACCOUNT_DEFAULT) stp = this.accountStp.get(command.accountId) ?? SelfTradePrevention.NONE;
    if (this.risk !== undefined) {
      const verdict = this.risk.checkPlace(command, orderId);
      if (verdict !== ResultCode.OK) return this.reject(command, orderId, verdict);
    }
    book.place(command, orderId, stp);
  }

  /**
   * A PLACE with a clientOrderId: a fresh id is recorded (open; settle() records the outcome, a
   * reject included) and the place goes on as any other. An id the account already used refuses
   * the place before any other check, changing nothing, and names the first order and its state.
   */
  private claimClientOrderId(command: Command, orderId: number): boolean {
    const accountId = command.accountId;
    const clientOrderId = command.clientOrderId;
    let code: ResultCode = ResultCode.OK;
    if (!validAccount(accountId)) code = ResultCode.INVALID_ACCOUNT;
    else if (!validTextId(clientOrderId, CLIENT_ID_MAX_BYTES)) code = ResultCode.INVALID_CLIENT_ORDER_ID;
    if (code !== ResultCode.OK) {
      this.reject(command, orderId, code);
      return false;
    }
    const known = this.books[command.instrumentId] !== undefined;
    const first = this.clientIds.claim(accountId, clientOrderId, known ? command.instrumentId : 0, orderId);
    if (first === undefined) return true;
    const open = first.status === ClientOrderStatus.OPEN;
    const filledLots = open ? (this.books[first.instrumentId]?.order(first.orderId)?.filledLots ?? 0) : first.filledLots;
    const repeat = open ? ResultCode.DUPLICATE_CLIENT_ORDER_ID : ResultCode.CLIENT_ORDER_ID_DONE;
    this.events.rejectedRepeat(known ? command.instrumentId : 0, orderId, accountId, repeat, CommandKind.PLACE, first.orderId, first.status, filledLots, first.code);
    return false;
  }

  /**
   * DEPOSIT: all its assets or none (RiskGate). A depositId already applied to the account credits
   * nothing and names the seq of the deposit that applied it; a new one is recorded once applied
   * (a rejected deposit is not: its retry is checked afresh).
   */
  private deposit(command: Command, seq: number): void {
    const risk = this.risk;
    if (risk === undefined) return this.reject(command, 0, ResultCode.INVALID_COMMAND);
    const depositId = command.admin?.depositId ?? '';
    if (depositId !== '') {
      if (!validAccount(command.accountId)) return this.reject(command, 0, ResultCode.INVALID_ACCOUNT);
      if (!validTextId(depositId, DEPOSIT_ID_MAX_BYTES)) return this.reject(command, 0, ResultCode.INVALID_DEPOSIT_ID);
    }
    const digest = depositId === '' ? 0 : creditsDigest(creditsOf(command));
    const first = depositId === '' ? undefined : this.clientIds.depositOf(command.accountId, depositId);
    if (first !== undefined) {
      // The id names one deposit: the same credits are a replay, other credits a mistake refused as such.
      const code = first.digest === digest ? ResultCode.DEPOSIT_ALREADY_APPLIED : ResultCode.DEPOSIT_ID_REUSED;
      return this.events.rejectedRepeat(0, 0, command.accountId, code, CommandKind.DEPOSIT, first.seq, 0, 0, 0);
    }
    const code = risk.admin(command);
    if (code !== ResultCode.OK) return this.reject(command, 0, code);
    if (depositId !== '') this.clientIds.recordDeposit(command.accountId, depositId, { seq, digest });
  }

  private cancel(command: Command): void {
    const book = this.books[command.instrumentId];
    if (book === undefined) return this.reject(command, command.orderId, ResultCode.UNKNOWN_INSTRUMENT);
    if (!validAccount(command.accountId)) return this.reject(command, command.orderId, ResultCode.INVALID_ACCOUNT);
    if (!positiveInteger(command.orderId)) return this.reject(command, command.orderId, ResultCode.UNKNOWN_ORDER);
    book.cancel(command.orderId, command.accountId);
  }

  private amend(command: Command): void {
    const book = this.books[command.instrumentId];
    if (book === undefined) return this.reject(command, command.orderId, ResultCode.UNKNOWN_INSTRUMENT);
    const instrument = book.instrument;
    const { priceTicks, quantityLots } = command;
    let code: ResultCode = ResultCode.OK;
    if (!validAccount(command.accountId)) code = ResultCode.INVALID_ACCOUNT;
    else if (!positiveInteger(command.orderId)) code = ResultCode.UNKNOWN_ORDER;
    else if (priceTicks === 0 && quantityLots === 0) code = ResultCode.NOTHING_TO_AMEND;
    else if (priceTicks !== 0 && !inRange(priceTicks, instrument.minPriceTicks, instrument.maxPriceTicks)) code = ResultCode.PRICE_OUT_OF_BOUNDS;
    else if (quantityLots !== 0 && !inRange(quantityLots, instrument.minQuantityLots, instrument.maxQuantityLots)) code = ResultCode.QUANTITY_OUT_OF_BOUNDS;
    if (code === ResultCode.OK && this.risk !== undefined) code = this.risk.checkAmend(command);
    if (code !== ResultCode.OK) return this.reject(command, command.orderId, code);
    book.amend(command.orderId, command.accountId, priceTicks, quantityLots);
  }

  private massCancel(command: Command): void {
    if (!validAccount(command.accountId)) return this.reject(command, 0, ResultCode.INVALID_ACCOUNT);
    if (command.side !== 0 && command.side !== Side.BUY && command.side !== Side.SELL) return this.reject(command, 0, ResultCode.INVALID_SIDE);
    if (command.instrumentId === 0) {
      for (const book of this.orderedBooks) book.massCancel(command.accountId, command.side);
      return;
    }
    const book = this.books[command.instrumentId];
    if (book === undefined) return this.reject(command, 0, ResultCode.UNKNOWN_INSTRUMENT);
    book.massCancel(command.accountId, command.side);
  }

  private endOfDay(command: Command): void {
    if (command.instrumentId === 0) {
      for (const book of this.orderedBooks) book.endOfDay();
      return;
    }
    const book = this.books[command.instrumentId];
    if (book === undefined) return this.reject(command, 0, ResultCode.UNKNOWN_INSTRUMENT);
    book.endOfDay();
  }

  private setAccountStp(command: Command): void {
    if (!validAccount(command.accountId)) return this.reject(command, 0, ResultCode.INVALID_ACCOUNT);
    const mode = command.selfTradePrevention;
    if (!Number.isInteger(mode) || mode < SelfTradePrevention.NONE || mode > SelfTradePrevention.DECREMENT_AND_CANCEL) {
      return this.reject(command, 0, ResultCode.INVALID_SELF_TRADE_PREVENTION);
    }
    if (mode === SelfTradePrevention.NONE) this.accountStp.delete(command.accountId);
    else this.accountStp.set(command.accountId, mode);
    this.events.accountSelfTradePrevention(command.accountId, mode);
  }

  private reject(command: Command, orderId: number, code: ResultCode): void {
    const instrumentId = Number.isSafeInteger(command.instrumentId) && command.instrumentId >= 0 ? command.instrumentId : 0;
    const accountId = Number.isSafeInteger(command.accountId) && command.accountId >= 0 ? command.accountId : 0;
    this.events.rejected(instrumentId, Number.isSafeInteger(orderId) && orderId >= 0 ? orderId : 0, accountId, code, Number.isSafeInteger(command.kind) && command.kind >= 0 ? command.kind : 0);
  }

  // ---- queries --------------------------------------------------------------------------------

  book(instrumentId: number): OrderBook {
    const book = this.books[instrumentId];
    if (book === undefined) throw new Error(`unknown instrument id ${instrumentId}`);
    return book;
  }

  get sequence(): number {
    return this.lastSeq;
  }

  /** Timestamp of the last applied command (the sequencer's clock never goes below it). */
  get timestampNs(): bigint {
    return this.lastTimestampNs;
  }

  validateInternalState(): void {
    for (const book of this.orderedBooks) book.validateInternalState();
    this.risk?.validate();
    this.clientIds.validate((instrumentId) => this.books[instrumentId]);
  }

  /**
   * The state as a stream of exact integers (StateSink): exportMarketState(), then the client id
   * table when it holds anything. stateHash() digests it. An empty table adds nothing, so a state
   * reached without ids (an old journal's) hashes as it did before the table existed.
   */
  exportState(sink: StateSink): void {
    this.exportMarketState(sink);
    if (this.clientIds.size !== 0) this.clientIds.exportState(sink);
  }

  /**
   * Everything but the client id table: the trade id sequence, every book in instrument order
   * (OrderBook.exportState), account STP settings, then the risk gate's state.
   */
  exportMarketState(sink: StateSink): void {
    sink.add(this.counters.nextTradeId);
    sink.add(this.orderedBooks.length);
    for (const book of this.orderedBooks) book.exportState(sink);
    const accounts = [...this.accountStp.entries()].sort((a, b) => a[0] - b[0]);
    sink.add(accounts.length);
    for (const [account, mode] of accounts) {
      sink.add(account);
      sink.add(mode);
    }
    sink.add(this.risk === undefined ? 0 : 1);
    this.risk?.exportState(sink);
  }

  /**
   * Digest of the market state. The last seq is deliberately left out, so that a rejected command
   * leaves the hash unchanged.
   */
  stateHash(): string {
    const hasher = new StateHasher();
    this.exportState(hasher);
    return hasher.digest();
  }

  /**
   * Everything a restart needs: the sequence position (seq, timestamp), exportMarketState(), then
   * the client id table (always, empty or not: version 3). Version 2 snapshots end before it.
   */
  writeSnapshot(sink: StateSink): void {
    sink.add(SNAPSHOT_STATE_VERSION);
    sink.add(this.lastSeq);
    const ns = this.lastTimestampNs;
    sink.add(Number(ns / TWO_POW_32_N));
    sink.add(Number(ns % TWO_POW_32_N));
    this.exportMarketState(sink);
    this.clientIds.exportState(sink);
  }

  /** Restores writeSnapshot()'s stream into this engine, which must not have applied anything. */
  restoreSnapshot(source: StateSource): void {
    invariant(this.lastSeq === 0 && this.counters.nextTradeId === 1, 'a snapshot is restored into a fresh engine');
    const version = source.next();
    if (version !== SNAPSHOT_STATE_VERSION && version !== SNAPSHOT_STATE_VERSION_2) throw new Error(`snapshot state version ${version} is not ${SNAPSHOT_STATE_VERSION_2} or ${SNAPSHOT_STATE_VERSION}`);
    this.lastSeq = source.next();
    const high = source.next();
    const low = source.next();
    this.lastTimestampNs = BigInt(high) * TWO_POW_32_N + BigInt(low);
    this.counters.nextTradeId = source.next();
    const books = source.next();
    invariant(books === this.orderedBooks.length, `snapshot has ${books} books, the engine ${this.orderedBooks.length}`);
    for (const book of this.orderedBooks) book.importState(source);
    const accounts = source.next();
    for (let i = 0; i < accounts; i++) {
      const account = source.next();
      this.accountStp.set(account, source.next());
    }
    const hasRisk = source.next() === 1;
    invariant(hasRisk === (this.risk !== undefined), hasRisk ? 'the snapshot has risk state and this engine no risk gate' : 'this engine has a risk gate and the snapshot no risk state');
    this.risk?.importState(source);
    // A version-2 snapshot predates the table: it restores with none (no ids were ever journaled).
    if (version === SNAPSHOT_STATE_VERSION) this.clientIds.importState(source);
  }
}

/** 3: the client id table follows the market state. */
const SNAPSHOT_STATE_VERSION = 3;
const SNAPSHOT_STATE_VERSION_2 = 2;
const TWO_POW_32_N = 4_294_967_296n;

function positiveInteger(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0;
}

function validAccount(accountId: number): boolean {
  return positiveInteger(accountId) && accountId <= MAX_ACCOUNT_ID;
}

function inRange(value: number, min: number, max: number): boolean {
  return Number.isSafeInteger(value) && value >= min && value <= max;
}

function validTimeInForce(orderType: number, tif: number): boolean {
  switch (orderType) {
    case OrderType.LIMIT:
    case OrderType.STOP_LIMIT:
      return tif === TimeInForce.GTC || tif === TimeInForce.IOC || tif === TimeInForce.FOK || tif === TimeInForce.DAY;
    case OrderType.MARKET:
      return tif === TimeInForce.IOC || tif === TimeInForce.FOK;
    default:
      return tif === TimeInForce.GTC || tif === TimeInForce.DAY;
  }
}

/** Static checks of a PLACE against its instrument, in a fixed order (the first failure is reported). */
export function validatePlace(c: Command, instrument: Instrument): ResultCode {
  if (!validAccount(c.accountId)) return ResultCode.INVALID_ACCOUNT;
  if (c.side !== Side.BUY && c.side !== Side.SELL) return ResultCode.INVALID_SIDE;
  if (c.orderType !== OrderType.LIMIT && c.orderType !== OrderType.MARKET && c.orderType !== OrderType.STOP && c.orderType !== OrderType.STOP_LIMIT) {
    return ResultCode.INVALID_ORDER_TYPE;
  }
  if (!validTimeInForce(c.orderType, c.timeInForce)) return ResultCode.INVALID_TIME_IN_FORCE;
  if (!inRange(c.quantityLots, instrument.minQuantityLots, instrument.maxQuantityLots)) return ResultCode.QUANTITY_OUT_OF_BOUNDS;
  const hasLimit = c.orderType === OrderType.LIMIT || c.orderType === OrderType.STOP_LIMIT;
  if (hasLimit && !inRange(c.priceTicks, instrument.minPriceTicks, instrument.maxPriceTicks)) return ResultCode.PRICE_OUT_OF_BOUNDS;
  if (!hasLimit && c.priceTicks !== 0) return ResultCode.PRICE_NOT_ALLOWED;
  const isStop = c.orderType === OrderType.STOP || c.orderType === OrderType.STOP_LIMIT;
  if (isStop ? !inRange(c.stopPriceTicks, instrument.minPriceTicks, instrument.maxPriceTicks) : c.stopPriceTicks !== 0) return ResultCode.INVALID_STOP_PRICE;
  if (c.displayLots !== 0) {
    const rests = hasLimit && (c.timeInForce === TimeInForce.GTC || c.timeInForce === TimeInForce.DAY);
    if (!rests || !Number.isSafeInteger(c.displayLots) || c.displayLots < 1 || c.displayLots >= c.quantityLots) return ResultCode.INVALID_DISPLAY_QUANTITY;
  }
  if (c.postOnly !== 0) {
    const rests = c.orderType === OrderType.LIMIT && (c.timeInForce === TimeInForce.GTC || c.timeInForce === TimeInForce.DAY);
    if (c.postOnly !== 1 || !rests) return ResultCode.POST_ONLY_NOT_ALLOWED;
  }
  const stp = c.selfTradePrevention;
  if (!Number.isInteger(stp) || stp < SelfTradePrevention.ACCOUNT_DEFAULT || stp > SelfTradePrevention.DECREMENT_AND_CANCEL) {
    return ResultCode.INVALID_SELF_TRADE_PREVENTION;
  }
  return ResultCode.OK;
}

/** A DEPOSIT's (asset, amount) pairs: the first, then the further ones. */
function creditsOf(command: Command): { assetId: number; amount: number }[] {
  const args = command.admin;
  return args === undefined ? [] : [{ assetId: args.assetId, amount: args.amount }, ...args.more];
}
