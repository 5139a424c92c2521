// The FIX gateway's own state of an order (what FIX adds to the venue's: the session behind it,
// its ClOrdID chain, the cancel or replace in flight), how it is logged across a restart, and the
// ExecutionReport body built from it. The venue's part of that state (status, quantities, price,
// fills) comes from the OrderTracker's reports (src/venue/order-tracker.ts); this file only spells it.
import { codeAnswer } from '../../domain/code-answers.js';
import { signedUnitsToDecimal } from '../../domain/decimal.js';
import type { Instrument } from '../../domain/instrument.js';
import { resultCodeText } from '../../domain/result-codes.js';
import { lotsToQuantity, ticksToPrice } from '../../domain/units.js';
import { DoneReason } from '../../engine/event.js';
import type { FixField, FixMessage } from '../../fix/codec.js';
import { formatUtcTimestamp } from '../../fix/utc-time.js';
import { type AssetInfo, assetUnit } from '../../risk/risk-config.js';
import { ExecType, type FillFacts, isOpenStatus, type OrderFacts, OrderStatus } from '../../venue/order-state.js';
import { EXEC_TYPE, ORDER_STATUS, ORDER_TYPE, SIDE, type Spelling, TIME_IN_FORCE } from '../spellings.js';
import type { FixOrderRecord } from './fix-order-log.js';

export interface OrderState {
  readonly orderId: number;
  readonly sessionKey: string;
  readonly account: string;
  /** The counterparty's SenderCompID: with the account, what reopens the session after a restart. */
  readonly targetCompId: string;
  /** The ClOrdID of the order's last accepted request (a replace changes it). */
  clOrdId: string;
  readonly instrument: Instrument;
  /** Side (54), OrdType (40), TimeInForce (59) as FIX values. */
  side: string;
  ordType: string;
  timeInForce: string;
  quantityLots: number;
  priceTicks: number;
  cumLots: number;
  /** Σ price ticks × lots of the fills. */
  notional: bigint;
  leavesLots: number;
  /** OrdStatus (39) as last reported. */
  status: string;
  closed: boolean;
  /** The order log holds a record of it (it was still open after a command, or was restored). */
  logged: boolean;
  /** Every `${account}\x01${ClOrdID}` that has named it (the place's, replaces', cancels'). */
  readonly keys: string[];
  /** A cancel or replace sent to the venue and not yet answered (one at a time per order). */
  pending: { kind: 'cancel' | 'replace'; clOrdId: string; origClOrdId: string } | undefined;
}

/** The key of an (account, ClOrdID) pair in the ClOrdIdIndex. */
export function clOrdIdKey(account: string, clOrdId: string): string {
  return `${account}\x01${clOrdId}`;
}

export function recordOf(order: OrderState): FixOrderRecord {
  return {
    orderId: order.orderId,
    sessionKey: order.sessionKey,
    account: order.account,
    targetCompId: order.targetCompId,
    clOrdId: order.clOrdId,
    symbol: order.instrument.symbol,
    side: order.side,
    ordType: order.ordType,
    timeInForce: order.timeInForce,
    quantityLots: order.quantityLots,
    priceTicks: order.priceTicks,
    cumLots: order.cumLots,
    notional: order.notional.toString(),
    leavesLots: order.leavesLots,
    status: order.status,
    closed: order.closed,
  };
}

/** An order as the log left it (restored at start: the keys are filled in as it is remembered). */
export function orderOfRecord(record: FixOrderRecord, instrument: Instrument): OrderState {
  return {
    orderId: record.orderId,
    sessionKey: record.sessionKey,
    account: record.account,
    targetCompId: record.targetCompId,
    clOrdId: record.clOrdId,
    instrument,
    side: record.side,
    ordType: record.ordType,
    timeInForce: record.timeInForce,
    quantityLots: record.quantityLots,
    priceTicks: record.priceTicks,
    cumLots: record.cumLots,
    notional: BigInt(record.notional),
    leavesLots: record.leavesLots,
    status: record.status,
    closed: record.closed,
    logged: true,
    keys: [],
    pending: undefined,
  };
}

/**
 * A session's new order, before its first report (NEW) gives its side, type, time in force,
 * quantity and price as the venue took them; not logged until a command leaves it open.
 */
export function newOrderState(orderId: number, owner: { sessionKey: string; account: string; targetCompId: string }, clOrdId: string, instrument: Instrument, fix: { side: string; ordType: string; timeInForce: string }): OrderState {
  return { orderId, ...owner, clOrdId, instrument, ...fix, quantityLots: 0, priceTicks: 0, cumLots: 0, notional: 0n, leavesLots: 0, status: '0', closed: false, logged: false, keys: [], pending: undefined };
}

/**
 * (account, ClOrdID) → order id (0 while its place is in flight), for the ClOrdIDs a cancel or a
 * replace gives an order (a place's own ClOrdID is the core's clientOrderId, checked there). The
 * ClOrdIDs of open orders stay for as long as the order is open, however old: a GTC order must stay
 * cancellable by its ClOrdID. Those of closed orders are kept for "too late" answers, the newest
 * `maxClosedPerAccount` of each account: one account's traffic never pushes out another's.
 */
export class ClOrdIdIndex {
  private readonly open = new Map<string, number>();
  /** Per account (the key's part before SOH), in closing order. */
  private readonly closed = new Map<string, Map<string, number>>();

  constructor(private readonly maxClosedPerAccount: number) {}

  has(key: string): boolean {
    return this.open.has(key) || (this.closed.get(accountOf(key))?.has(key) ?? false);
  }

  get(key: string): number | undefined {
    return this.open.get(key) ?? this.closed.get(accountOf(key))?.get(key);
  }

  /** A ClOrdID of an open order or of a place in flight. */
  set(key: string, orderId: number): void {
    this.closed.get(accountOf(key))?.delete(key);
    this.open.set(key, orderId);
  }

  delete(key: string): void {
    this.open.delete(key);
    this.closed.get(accountOf(key))?.delete(key);
  }

  /** The order closed: its ClOrdIDs join its account's bounded closed ones. */
  close(keys: readonly string[], orderId: number): void {
    for (const key of keys) {
      if (this.open.get(key) !== orderId) continue;
      this.open.delete(key);
      const account = accountOf(key);
      const closed = this.closed.get(account) ?? new Map<string, number>();
      this.closed.set(account, closed);
      closed.set(key, orderId);
      while (closed.size > this.maxClosedPerAccount) {
        const oldest = closed.keys().next();
        if (oldest.done === true) break;
        closed.delete(oldest.value);
      }
    }
  }
}

function accountOf(key: string): string {
  const at = key.indexOf('\x01');
  if (at < 0) throw new Error(`ClOrdID key ${JSON.stringify(key)} has no account`);
  return key.slice(0, at);
}

const AVG_EXTRA_DIGITS = 8;

/** Exact Σ(ticks × lots) / lots as a price, rounded half-up beyond AVG_EXTRA_DIGITS when it does not terminate. */
export function averagePrice(instrument: Instrument, notional: bigint, lots: number): string {
  if (lots === 0) return '0';
  const scale = instrument.tick.scale + AVG_EXTRA_DIGITS;
  const numerator = notional * instrument.tick.mantissa * 10n ** BigInt(AVG_EXTRA_DIGITS);
  const denominator = BigInt(lots);
  const scaled = (numerator * 2n + denominator) / (denominator * 2n);
  const digits = scaled.toString().padStart(scale + 1, '0');
  let whole = digits.slice(0, digits.length - scale);
  let fraction = digits.slice(digits.length - scale);
  // Keep the tick's own decimals; drop the extra ones when they are zeros.
  fraction = fraction.slice(0, instrument.tick.scale) + fraction.slice(instrument.tick.scale).replace(/0+$/, '');
  whole = whole === '' ? '0' : whole;
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

/**
 * A fee of `units` of an asset as a signed decimal in that asset's unit, and the asset's name. An
 * unknown asset (a venue without fee rules charges nothing) is a zero fee in the quote asset.
 */
export function feeDecimal(asset: AssetInfo | undefined, units: number, instrument: Instrument): { fee: string; asset: string } {
  if (asset === undefined) return { fee: '0', asset: instrument.quoteAsset };
  return { fee: signedUnitsToDecimal(units, assetUnit(asset)), asset: asset.name };
}

/**
 * LastPx, LastQty, LastLiquidityInd (1 added liquidity: maker, 2 removed it: taker) and the fill's
 * fee as an absolute Commission (13=3) in its asset (negative: a maker rebate).
 */
export function fillFields(instrument: Instrument, fill: Pick<FillFacts, 'priceTicks' | 'lots' | 'maker'>, fee: { fee: string; asset: string }): FixField[] {
  return [
    [31, ticksToPrice(instrument, fill.priceTicks)],
    [32, lotsToQuantity(instrument, fill.lots)],
    [851, fill.maker ? '1' : '2'],
    [12, fee.fee],
    [13, '3'],
    [479, fee.asset],
  ];
}

/** The FIX character of `value`, or `fallback` for a value FIX does not spell (the tracker's 0: not known). */
export function fixOr(spelling: Spelling<number>, value: number, fallback: string): string {
  return spelling.rows.find((row) => row.value === value)?.fix ?? fallback;
}

/** An ExecutionReport (8) body from the order's state; `extra` goes before LeavesQty, its Text (58) last. */
export function reportBody(order: OrderState, execId: string, execType: string, clOrdId: string, origClOrdId: string | undefined, timeMs: number, extra: readonly FixField[]): FixField[] {
  const instrument = order.instrument;
  const body: FixField[] = [
    [37, String(order.orderId)],
    [11, clOrdId],
  ];
  if (origClOrdId !== undefined) body.push([41, origClOrdId]);
  body.push([17, execId], [150, execType], [39, order.status], [55, instrument.symbol], [54, order.side], [38, lotsToQuantity(instrument, order.quantityLots)], [40, order.ordType]);
  if (order.priceTicks > 0) body.push([44, ticksToPrice(instrument, order.priceTicks)]);
  body.push([59, order.timeInForce]);
  const text = extra.find(([tag]) => tag === 58);
  for (const field of extra) if (field[0] !== 58) body.push(field);
  body.push([151, lotsToQuantity(instrument, order.leavesLots)], [14, lotsToQuantity(instrument, order.cumLots)], [6, averagePrice(instrument, order.notional, order.cumLots)], [60, formatUtcTimestamp(timeMs)]);
  if (text !== undefined) body.push(text);
  return body;
}

/**
 * The order set to the venue's state after a crash lost its last reports, and the report that
 * says so: fills as one trade at the order's price (an order still open rests, and a resting order
 * fills as maker at its own price), anything else as a restatement (150=D).
 */
export function catchUpReport(order: OrderState, open: { quantityLots: number; priceTicks: number; filledLots: number; remainingLots: number }, fee: { fee: string; asset: string } | undefined, nowMs: number): FixField[] {
  const filled = open.filledLots - order.cumLots;
  order.quantityLots = open.quantityLots;
  order.priceTicks = open.priceTicks;
  order.cumLots = open.filledLots;
  order.leavesLots = open.remainingLots;
  order.status = ORDER_STATUS.fix(order.cumLots > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW);
  const execId = `restart-${order.orderId}-${open.filledLots}-${open.quantityLots}-${open.priceTicks}`;
  if (filled <= 0 || fee === undefined) return reportBody(order, execId, EXEC_TYPE.fix(ExecType.RESTATED), order.clOrdId, undefined, nowMs, []);
  order.notional += BigInt(filled) * BigInt(open.priceTicks);
  return reportBody(order, execId, EXEC_TYPE.fix(ExecType.TRADE), order.clOrdId, undefined, nowMs, fillFields(order.instrument, { priceTicks: open.priceTicks, lots: filled, maker: true }, fee));
}

/** ExecutionReport 150=8 39=8 for a NewOrderSingle the venue (or FIX) refused: OrdRejReason (103) is the code's (code-answers.ts). */
export function rejectReport(message: FixMessage, execId: string, code: number, text: string | undefined, nowMs: number): FixField[] {
  const body: FixField[] = [
    [37, 'NONE'],
    [11, message.get(11) ?? ''],
    [17, execId],
    [150, EXEC_TYPE.fix(ExecType.REJECTED)],
    [39, ORDER_STATUS.fix(OrderStatus.REJECTED)],
    [55, message.get(55) ?? ''],
    [54, message.get(54) ?? ''],
  ];
  const quantity = message.get(38);
  const price = message.get(44);
  if (quantity !== undefined) body.push([38, quantity]);
  if (price !== undefined) body.push([44, price]);
  body.push([151, '0'], [14, '0'], [6, '0'], [60, formatUtcTimestamp(nowMs)], [58, resultCodeText(code, text)], [103, String(codeAnswer(code).fixOrdRejReason)]);
  return body;
}

const DONE_REASON_NAMES: ReadonlyMap<number, string> = new Map(Object.entries(DoneReason).map(([name, value]): [number, string] => [value, name]));

/** Text (58) of a cancel or expiry the owner did not ask for: DONE's reason by name (none for the owner's own cancel). */
export function doneReasonText(reason: DoneReason | undefined): string | undefined {
  return reason === undefined || reason === DoneReason.USER_CANCEL ? undefined : DONE_REASON_NAMES.get(reason);
}

/**
 * The venue's state of the order after a report, as FIX spells it. Two cases keep FIX's own values,
 * from its order log: an order the tracker met only as it left the book (side 0: it predates this
 * process, and the tracker knows neither its quantity nor its fills before), and a notional that
 * misses fills from before the start (the log has their prices; the tracker says it does not).
 */
export function takeFacts(order: OrderState, facts: OrderFacts, execType: ExecType, fillNotional: bigint): void {
  const seen = (facts.side as number) !== 0;
  if (execType === ExecType.NEW) {
    order.side = SIDE.fix(facts.side);
    order.ordType = ORDER_TYPE.fix(facts.orderType);
    order.timeInForce = fixOr(TIME_IN_FORCE, facts.timeInForce, order.timeInForce);
  }
  if (seen) {
    order.quantityLots = facts.quantityLots;
    order.priceTicks = facts.priceTicks;
    order.cumLots = facts.filledLots;
  } else {
    // Filled: all of the log's quantity; cancelled or expired: the DONE event says how much.
    order.cumLots = facts.status === OrderStatus.FILLED ? order.quantityLots : facts.filledLots;
  }
  order.notional = seen && facts.notionalComplete ? facts.notional : order.notional + fillNotional;
  order.leavesLots = facts.leavesLots;
  order.status = ORDER_STATUS.fix(facts.status);
  order.closed = !isOpenStatus(facts.status);
}
