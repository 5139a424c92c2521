// The exchange behind the FIX session layer (src/fix): order entry over FIX 5.0 SP2 / FIXT.1.1.
//
// - NewOrderSingle (D) → the venue's placeOrder, with the same REST-shaped body (decimals passed
//   through as strings; the venue converts them exactly or refuses with its numbered code).
// - OrderCancelRequest (F) → cancelOrder; refusals are OrderCancelReject (9).
// - OrderCancelReplaceRequest (G) → amendOrder (price and/or total quantity); the order takes the
//   new ClOrdID when the amend is durable (150=5); refusals are OrderCancelReject (9) with 434=2.
// - OrderStatusRequest (H) → an ExecutionReport 150=I from the gateway's own state of the order.
// - OrderMassCancelRequest (q) → cancelAll; answered with OrderMassCancelReport (r).
// - SecurityListRequest (x) and MarketDataRequest (V) go to FixMarketData (fix-market-data.ts).
// - ExecutionReports (8) are built from the durable command outcomes (venue.listen), so none leaves
//   before its command is durable. A new order's own events arrive before placeOrder resolves (the
//   listener runs first) and before its order id is known to us: they are held per order id while
//   the account has a place in flight, and replayed once the id is known.
// - CumQty/AvgPx are tracked per order from its fills; AvgPx is exact when it terminates, else
//   rounded half-up to 8 digits beyond the tick's.
// - Rejects: ExecutionReport 150=8 39=8 103=99 58="<code> <NAME>: <message>" (103=6 for a reused ClOrdID).
// - Restarts: every change of an order's state is appended to a FixOrderLog before its report
//   leaves, and reloaded at start; orders still open in the venue are tracked again, and reports for
//   a session that has not logged on since wait in its message store for its ResendRequest.
//
// FixOrderApplication depends only on FixVenuePort; startFixGateway adapts the server's Trading
// (the functions the REST and WebSocket APIs share) and its KeyStore to it.
import { join } from 'node:path';
import type { TlsOptions } from 'node:tls';
import type { Instrument } from '../../domain/instrument.js';
import { ResultCode, resultCodeName, resultCodeText } from '../../domain/result-codes.js';
import type { Conversion } from '../../domain/decimal.js';
import { lotsToQuantity, priceToTicks, quantityToLots, ticksToPrice } from '../../domain/units.js';
import { OrderType, Side, TimeInForce } from '../../engine/command.js';
import type { OrderView } from '../../engine/order-book.js';
import { DoneReason, DoneStatus, EVENT_WIDTH, EventType, Field } from '../../engine/event.js';
import { FixAcceptor, type FixAcceptorLimits, type FixEdge } from '../../fix/acceptor.js';
import type { FixField, FixMessage } from '../../fix/codec.js';
import { type DictionaryPaths, loadFixDictionary } from '../../fix/dictionary.js';
import { FileSyncGroup } from '../../fix/file-sync.js';
import { LOGON_REFUSAL, signedLogonAuthenticator } from '../../fix/logon-auth.js';
import { BusinessRejectReason } from '../../fix/reasons.js';
import { addKapitaLogonFields } from '../../fix/session.js';
import { DEFAULT_DYNAMIC_COMP_ID, type FixApplication, type FixAuthResult, type FixDisconnectInfo, type FixEventListener, type FixLogonRequest, type FixProfile, type FixSessionHandle } from '../../fix/session-types.js';
import { formatUtcTimestamp } from '../../fix/utc-time.js';
import type { EdgeGuard } from '../../security/edge.js';
import { countsAsAuthFailure, type KeyStore, type Principal } from '../../auth/auth.js';
import { accountRefusal, authorizeAccount } from '../../venue/authorize.js';
import { FixMarketData } from './fix-market-data.js';
import { FixOrderLog, type FixOrderRecord } from './fix-order-log.js';
import { FILLS_KEPT, type History } from '../../marketdata/history.js';
import type { FixCounterparty } from '../../server/venue-config.js';
import { fillFee, type OrderStatus } from '../rest/views.js';
import type { CommandOutcome, Venue } from '../../venue/venue.js';
import type { Trading } from '../ws/ws-gateway.js';

/** What the FIX application needs of the venue. Every promise resolves only once its command is durable. */
export interface FixVenuePort {
  /** REST-shaped order body; resolves with the REST status and body ({orderId, ...} or {error}). May throw an error with a numeric `code`. */
  placeOrder(session: FixSessionHandle, body: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  /** Throws (an error with a numeric `code`) when the venue refuses. */
  cancelOrder(session: FixSessionHandle, orderId: number): Promise<unknown>;
  /** The venue's own cancel for the session's account: it must work after the session's key was revoked. */
  cancelOnDisconnect(session: FixSessionHandle, orderId: number): Promise<unknown>;
  /** REST-shaped amend body ({price?, quantity?}: the new total quantity). Throws like cancelOrder. */
  amendOrder(session: FixSessionHandle, orderId: number, body: Record<string, unknown>): Promise<unknown>;
  cancelAll(session: FixSessionHandle, symbol: string | undefined, side: 'buy' | 'sell' | undefined): Promise<{ cancelled: number[] }>;
  /** Every durable command's outcome, in seq order (Venue.listen). */
  onDurable(listener: (outcome: CommandOutcome) => void): void;
  /** The order as the venue's replica holds it now, if it is open (resting or a pending stop). */
  openOrder(instrument: Instrument, orderId: number): OrderView | undefined;
  /** The fee of one side of a fill under the venue's current rules, as a decimal and its asset. */
  fee(instrument: Instrument, priceTicks: number, lots: number, maker: boolean): { fee: string; asset: string };
  /** An order of the account as the venue knows it (open, or closed since start), for status requests about orders placed over REST or WebSocket. */
  venueOrder(session: FixSessionHandle, orderId: number): VenueOrderStatus | undefined;
}

/** An order the gateway does not track, as the venue's replica or history holds it. */
export interface VenueOrderStatus {
  readonly clientOrderId: string | undefined;
  readonly instrument: Instrument;
  /** Side (54), OrdType (40), TimeInForce (59), OrdStatus (39) as FIX values. */
  readonly side: string;
  readonly ordType: string;
  readonly timeInForce: string;
  readonly status: string;
  readonly quantityLots: number;
  readonly priceTicks: number;
  readonly cumLots: number;
  readonly leavesLots: number;
  /** Σ ticks × lots of its fills, when the account's recent fills hold all of them. */
  readonly notional: bigint | undefined;
}

/** One engine event copied out of the replica's (reused) buffer; TRADE split into its two sides. */
interface OrderEvent {
  readonly fields: readonly number[];
  readonly seq: number;
  readonly index: number;
  readonly timeMs: number;
  /** TRADE only: which side of the trade this copy is for. */
  readonly maker: boolean;
  /** TRADE only: that side's fee, computed when the command completed (the rules may change later). */
  readonly fee: { fee: string; asset: string } | undefined;
}

interface OrderState {
  readonly orderId: number;
  readonly sessionKey: string;
  readonly account: string;
  /** The counterparty's SenderCompID: with the account, what reopens the session after a restart. */
  readonly targetCompId: string;
  /** The ClOrdID of the order's last accepted request (a replace changes it). */
  clOrdId: string;
  readonly instrument: Instrument;
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

export interface FixOrderApplicationOptions {
  readonly port: FixVenuePort;
  readonly instruments: readonly Instrument[];
  readonly now: () => number;
  /**
   * Closed orders' (account, ClOrdID) pairs remembered per account for "too late" answers (10,000
   * by default), and closed orders kept in all for status requests (100,000 by default).
   */
  readonly maxRememberedClOrdIds?: number;
  /**
   * Answers SecurityListRequest (x) and MarketDataRequest (V); without it they are refused as
   * unsupported. Its observe() is the embedder's to call, after this application's (see startFixGateway).
   */
  readonly marketData?: FixMarketData;
  /** Where order state survives a restart; without it, orders are tracked in memory only. */
  readonly orderLog?: { readonly path: string; readonly fsync: boolean; readonly syncGroup?: FileSyncGroup };
  /**
   * The session with this key when none has logged on since start (after a restart), so reports
   * can be stored for its ResendRequest; undefined when it cannot be reopened.
   */
  readonly reopenSession?: (sessionKey: string, account: string, targetCompId: string) => FixSessionHandle | undefined;
  /** Diagnostics (an order whose fills outran the log in a crash). */
  readonly warn?: (text: string) => void;
}

const TYPES: Readonly<Record<string, string>> = { '1': 'market', '2': 'limit', '3': 'stop', '4': 'stop_limit' };
const TIFS: Readonly<Record<string, string>> = { '0': 'DAY', '1': 'GTC', '3': 'IOC', '4': 'FOK' };
/** The engine's OrderType and TimeInForce as FIX OrdType (40) and TimeInForce (59). */
const FIX_ORD_TYPE: Readonly<Record<number, string>> = { [OrderType.MARKET]: '1', [OrderType.LIMIT]: '2', [OrderType.STOP]: '3', [OrderType.STOP_LIMIT]: '4' };
const FIX_TIF: Readonly<Record<number, string>> = { [TimeInForce.DAY]: '0', [TimeInForce.GTC]: '1', [TimeInForce.IOC]: '3', [TimeInForce.FOK]: '4' };
const AVG_EXTRA_DIGITS = 8;
/** CxlRejResponseTo (434). */
const CANCEL = '1';
const REPLACE = '2';
/** CxlRejReason (102). */
const TOO_LATE = 0;
const UNKNOWN = 1;
const ALREADY_PENDING = 3;
const DUPLICATE_CLORDID = 6;
const OTHER = 99;


/** The venue's code and message from a thrown error or a REST error body. */
function errorOf(error: unknown): { code: number; message: string | undefined } {
  if (typeof error === 'object' && error !== null) {
    const inner = (error as { error?: unknown }).error;
    const source = typeof inner === 'object' && inner !== null ? inner : error;
    const code = (source as { code?: unknown }).code;
    const message = (source as { message?: unknown }).message;
    if (typeof code === 'number') return { code, message: typeof message === 'string' ? message : undefined };
  }
  return { code: ResultCode.INTERNAL_ERROR, message: error instanceof Error ? error.message : undefined };
}

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

function recordOf(order: OrderState): FixOrderRecord {
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

/** The FIX order-entry application: one instance serves every session of an acceptor. */
export class FixOrderApplication implements FixApplication {
  private readonly bySymbol: ReadonlyMap<string, Instrument>;
  private readonly byId: ReadonlyMap<number, Instrument>;
  /** Logged-on (or last logged-on) handle per session key. */
  private readonly handles = new Map<string, FixSessionHandle>();
  private readonly orders = new Map<number, OrderState>();
  /** Recently closed orders, for "too late to cancel" and status requests (bounded like the ClOrdIDs). */
  private readonly closedOrders = new Map<number, OrderState>();
  private readonly clOrdIds: ClOrdIdIndex;
  /** Sessions that dropped without a Logout with cancel-on-disconnect: a place of theirs still in flight is cancelled when it lands. */
  private readonly droppedWithCod = new Set<string>();
  /** Places in flight per account, and the events of orders not yet known, by order id. */
  private readonly inFlight = new Map<string, number>();
  private readonly held = new Map<string, Map<number, OrderEvent[]>>();
  /** ExecIDs of reports that no engine event caused (rejects, status): unique within a run, prefixed by the start time. */
  private localExecIds = 0;
  private readonly runId: number;
  private readonly maxClOrdIds: number;
  private readonly log: FixOrderLog | undefined;
  /** Reports of the restart's catch-up, until the acceptor runs (sendCatchUp). */
  private readonly caughtUp: { order: OrderState; body: FixField[] }[] = [];
  /** Reports built by apply() and the orders they changed, until flush() logs and sends them. */
  private readonly outbox: { order: OrderState; body: FixField[] }[] = [];
  private readonly changed = new Set<OrderState>();

  constructor(private readonly options: FixOrderApplicationOptions) {
    this.bySymbol = new Map(options.instruments.map((i) => [i.symbol, i]));
    this.byId = new Map(options.instruments.map((i) => [i.id, i]));
    this.maxClOrdIds = options.maxRememberedClOrdIds ?? 100_000;
    this.clOrdIds = new ClOrdIdIndex(options.maxRememberedClOrdIds ?? 10_000);
    this.runId = options.now();
    if (options.orderLog !== undefined) {
      const { log, records } = FixOrderLog.open(options.orderLog.path, options.orderLog);
      this.log = log;
      this.restore(records);
    }
    options.port.onDurable((outcome) => {
      this.observe(outcome);
    });
  }

  /** Orders this application is tracking (open or not yet forgotten): for tests and diagnostics. */
  get trackedOrders(): number {
    return this.orders.size;
  }

  /** Engine events held for orders whose place has not resolved yet: for tests and diagnostics. */
  get heldEvents(): number {
    let n = 0;
    for (const byOrder of this.held.values()) for (const list of byOrder.values()) n += list.length;
    return n;
  }

  close(): void {
    this.log?.close();
  }

  onLogon(session: FixSessionHandle): void {
    this.handles.set(session.key, session);
    this.droppedWithCod.delete(session.key);
  }

  onDisconnect(session: FixSessionHandle, info: FixDisconnectInfo): void {
    this.options.marketData?.onDisconnect(session);
    if (!info.cancelOnDisconnect || info.logoutReceived) return;
    this.droppedWithCod.add(session.key);
    for (const order of this.orders.values()) {
      if (order.sessionKey !== session.key || order.closed) continue;
      this.options.port.cancelOnDisconnect(session, order.orderId).catch(() => undefined);
    }
  }

  onMessage(session: FixSessionHandle, message: FixMessage): void {
    this.handles.set(session.key, session);
    switch (message.msgType) {
      case 'D':
        void this.newOrder(session, message);
        return;
      case 'F':
        void this.cancelRequest(session, message);
        return;
      case 'G':
        void this.replaceRequest(session, message);
        return;
      case 'H':
        this.statusRequest(session, message);
        return;
      case 'q':
        void this.massCancel(session, message);
        return;
      default:
        if (this.options.marketData !== undefined && FixMarketData.MESSAGE_TYPES.has(message.msgType)) this.options.marketData.onMessage(session, message);
        else session.businessReject(message, BusinessRejectReason.UNSUPPORTED_MESSAGE_TYPE);
    }
  }

  // ---- requests ---------------------------------------------------------------------------------

  private async newOrder(session: FixSessionHandle, message: FixMessage): Promise<void> {
    const account = session.account ?? session.key;
    const clOrdId = message.get(11) ?? '';
    const symbol = message.get(55) ?? '';
    const sideTag = message.get(54) ?? '';
    const reject = (code: number, text: string | undefined): void => {
      this.sendReject(session, { clOrdId, symbol, side: sideTag, quantity: message.get(38), price: message.get(44) }, code, text);
    };
    const side = sideTag === '1' ? 'buy' : sideTag === '2' ? 'sell' : undefined;
    if (side === undefined) {
      reject(ResultCode.INVALID_SIDE, `Side (54) ${sideTag} is not supported (1 buy, 2 sell)`);
      return;
    }
    const ordType = message.get(40) ?? '2';
    const type = TYPES[ordType];
    if (type === undefined) {
      reject(ResultCode.INVALID_ORDER_TYPE, `OrdType (40) ${ordType} is not supported`);
      return;
    }
    const tifTag = message.get(59);
    const tif = tifTag === undefined ? undefined : TIFS[tifTag];
    if (tifTag !== undefined && tif === undefined) {
      reject(ResultCode.INVALID_TIME_IN_FORCE, `TimeInForce (59) ${tifTag} is not supported`);
      return;
    }
    if (message.get(38) === undefined) {
      // The venue sizes every order in lots; a market buy's CashOrderQty (152) caps what it may spend.
      reject(ResultCode.QUANTITY_OUT_OF_BOUNDS, `OrderQty (38) is required${message.get(152) === undefined ? '' : '; CashOrderQty (152) caps the notional of a market buy but does not size it'}`);
      return;
    }
    // ClOrdID uniqueness is the core's (account, clientOrderId) table, the same for every gateway;
    // this index only adds the ClOrdIDs a cancel or replace gave an order of this gateway.
    const key = `${account}\x01${clOrdId}`;
    if (this.clOrdIds.has(key)) {
      reject(ResultCode.DUPLICATE_CLIENT_ORDER_ID, `ClOrdID (11) ${clOrdId} was already used`);
      return;
    }
    const body: Record<string, unknown> = { symbol, side, type, clientOrderId: clOrdId };
    const optional = (tag: number, field: string): void => {
      const value = message.get(tag);
      if (value !== undefined) body[field] = value;
    };
    optional(38, 'quantity');
    optional(44, 'price');
    optional(99, 'stopPrice');
    optional(1138, 'displayQuantity');
    optional(152, 'maxNotional');
    if (tif !== undefined) body['timeInForce'] = tif;
    if ((message.get(18) ?? '').split(' ').includes('6')) body['postOnly'] = true;

    this.remember(key, undefined);
    this.inFlight.set(account, (this.inFlight.get(account) ?? 0) + 1);
    try {
      let result: { status: number; body: unknown };
      try {
        result = await this.options.port.placeOrder(session, body);
      } catch (error) {
        const { code, message: text } = errorOf(error);
        this.clOrdIds.delete(key);
        reject(code, text);
        return;
      }
      const orderId = (result.body as { orderId?: unknown } | undefined)?.orderId;
      if (result.status >= 300 || typeof orderId !== 'number') {
        const { code, message: text } = errorOf(result.body);
        this.clOrdIds.delete(key);
        reject(code, text);
        return;
      }
      const events = this.held.get(account)?.get(orderId);
      this.held.get(account)?.delete(orderId);
      const instrument = this.bySymbol.get(symbol);
      // No events of this command for the order: the venue answered with the final state of an
      // earlier, closed order with the same ClOrdID (placed over any gateway), not a new order.
      if (events === undefined || this.orders.has(orderId) || instrument === undefined) {
        this.clOrdIds.delete(key);
        reject(ResultCode.CLIENT_ORDER_ID_DONE, `ClOrdID (11) ${clOrdId} was already used by order ${orderId}, which is closed`);
        return;
      }
      const order: OrderState = {
        orderId,
        sessionKey: session.key,
        account,
        targetCompId: session.targetCompId,
        clOrdId,
        instrument,
        side: sideTag,
        ordType,
        timeInForce: tifTag ?? (ordType === '1' ? '3' : '1'),
        quantityLots: 0,
        priceTicks: 0,
        cumLots: 0,
        notional: 0n,
        leavesLots: 0,
        status: '0',
        closed: false,
        logged: false,
        keys: [],
        pending: undefined,
      };
      this.remember(key, order);
      this.orders.set(orderId, order);
      // Events of this account's orders that no place of this gateway claimed by now are of orders
      // placed elsewhere (REST, WebSocket): places land in seq order and an order's id is its seq.
      const held = this.held.get(account);
      if (held !== undefined) for (const id of held.keys()) if (id < orderId) held.delete(id);
      for (const event of events) this.apply(order, event);
      this.flush();
      // Its session dropped with cancel-on-disconnect while the place was in flight.
      if (this.droppedWithCod.has(session.key) && !order.closed) this.options.port.cancelOnDisconnect(session, order.orderId).catch(() => undefined);
    } finally {
      const left = (this.inFlight.get(account) ?? 1) - 1;
      if (left <= 0) {
        this.inFlight.delete(account);
        this.held.delete(account);
      } else {
        this.inFlight.set(account, left);
      }
    }
  }

  /** The account's order named by OrigClOrdID (41), else by OrderID (37): open or recently closed. */
  private findOrder(account: string, origClOrdId: string | undefined, orderIdText: string | undefined): OrderState | undefined {
    let orderId: number | undefined;
    if (origClOrdId !== undefined) orderId = this.clOrdIds.get(`${account}\x01${origClOrdId}`);
    else if (orderIdText !== undefined && /^[1-9][0-9]{0,15}$/.test(orderIdText)) orderId = Number(orderIdText);
    const order = orderId === undefined ? undefined : (this.orders.get(orderId) ?? this.closedOrders.get(orderId));
    return order?.account === account ? order : undefined;
  }

  /** OrderCancelReject (9) answering a cancel (434=1) or a replace (434=2). */
  private cancelReject(session: FixSessionHandle, message: FixMessage, order: OrderState | undefined, responseTo: string, reason: number, text: string): void {
    const origClOrdId = message.get(41);
    const body: FixField[] = [
      [37, order === undefined ? (message.get(37) ?? 'NONE') : String(order.orderId)],
      [11, message.get(11) ?? ''],
    ];
    if (origClOrdId !== undefined) body.push([41, origClOrdId]);
    body.push([39, order?.status ?? '8'], [58, text], [102, reason], [434, responseTo]);
    session.send('9', body);
  }

  /** Why `order` cannot take a cancel or replace now, or undefined when it can. */
  private notChangeable(order: OrderState | undefined): { reason: number; text: string } | undefined {
    if (order === undefined) return { reason: UNKNOWN, text: resultCodeText(ResultCode.UNKNOWN_ORDER, 'no such order of this account') };
    if (order.closed) return { reason: TOO_LATE, text: resultCodeText(ResultCode.UNKNOWN_ORDER, 'the order is no longer open') };
    if (order.pending !== undefined) return { reason: ALREADY_PENDING, text: resultCodeText(ResultCode.INVALID_REQUEST, `a ${order.pending.kind} of this order is already pending`) };
    return undefined;
  }

  private async cancelRequest(session: FixSessionHandle, message: FixMessage): Promise<void> {
    const account = session.account ?? session.key;
    const order = this.findOrder(account, message.get(41), message.get(37));
    const refused = this.notChangeable(order);
    if (order === undefined || refused !== undefined) {
      this.cancelReject(session, message, order, CANCEL, refused?.reason ?? UNKNOWN, refused?.text ?? '');
      return;
    }
    const clOrdId = message.get(11) ?? '';
    const key = `${account}\x01${clOrdId}`;
    if (this.clOrdIds.has(key)) {
      this.cancelReject(session, message, order, CANCEL, DUPLICATE_CLORDID, resultCodeText(ResultCode.INVALID_REQUEST, `ClOrdID (11) ${clOrdId} was already used`));
      return;
    }
    // The cancel's ClOrdID names the order from now on (as FIX chains them), and cannot be reused.
    order.pending = { kind: 'cancel', clOrdId, origClOrdId: message.get(41) ?? order.clOrdId };
    this.remember(key, order);
    try {
      await this.options.port.cancelOrder(session, order.orderId);
    } catch (error) {
      const { code, message: text } = errorOf(error);
      order.pending = undefined;
      this.clOrdIds.delete(key);
      // The order exists here, so the venue's UNKNOWN_ORDER means it closed meanwhile: too late (0).
      this.cancelReject(session, message, order, CANCEL, code === ResultCode.UNKNOWN_ORDER ? TOO_LATE : OTHER, resultCodeText(code, text));
    }
  }

  /**
   * OrderCancelReplaceRequest: the venue's amend, which changes the price and/or the total quantity
   * (38) and nothing else. Side, symbol and OrdType must be the order's; a TimeInForce, stop price
   * or display quantity different from the order's is refused rather than silently ignored.
   */
  private async replaceRequest(session: FixSessionHandle, message: FixMessage): Promise<void> {
    const account = session.account ?? session.key;
    const clOrdId = message.get(11) ?? '';
    const order = this.findOrder(account, message.get(41), message.get(37));
    const refuse = (reason: number, text: string): void => {
      this.cancelReject(session, message, order, REPLACE, reason, text);
    };
    const refused = this.notChangeable(order);
    if (order === undefined || refused !== undefined) {
      refuse(refused?.reason ?? UNKNOWN, refused?.text ?? '');
      return;
    }
    const key = `${account}\x01${clOrdId}`;
    if (this.clOrdIds.has(key)) {
      refuse(DUPLICATE_CLORDID, resultCodeText(ResultCode.INVALID_REQUEST, `ClOrdID (11) ${clOrdId} was already used`));
      return;
    }
    const instrument = order.instrument;
    const mismatch = (tag: number, name: string, ours: string): boolean => {
      const theirs = message.get(tag);
      if (theirs === undefined || theirs === ours) return false;
      refuse(OTHER, resultCodeText(ResultCode.INVALID_REQUEST, `${name} (${tag}) cannot be changed: the order's is ${ours}`));
      return true;
    };
    if (mismatch(55, 'Symbol', instrument.symbol) || mismatch(54, 'Side', order.side) || mismatch(40, 'OrdType', order.ordType) || mismatch(59, 'TimeInForce', order.timeInForce)) return;
    for (const [tag, name] of [
      [99, 'StopPx'],
      [1138, 'DisplayQty'],
      [18, 'ExecInst'],
    ] as const) {
      if (message.get(tag) !== undefined) {
        refuse(OTHER, resultCodeText(ResultCode.INVALID_REQUEST, `${name} (${tag}) cannot be changed by a replace; only Price (44) and OrderQty (38)`));
        return;
      }
    }
    const body: Record<string, unknown> = {};
    const price = message.get(44);
    const quantity = message.get(38);
    if (price !== undefined) body['price'] = price;
    if (quantity !== undefined) body['quantity'] = quantity;
    order.pending = { kind: 'replace', clOrdId, origClOrdId: order.clOrdId };
    this.remember(key, order);
    try {
      await this.options.port.amendOrder(session, order.orderId, body);
    } catch (error) {
      const { code, message: text } = errorOf(error);
      order.pending = undefined;
      this.clOrdIds.delete(key);
      refuse(code === ResultCode.UNKNOWN_ORDER && order.closed ? TOO_LATE : OTHER, resultCodeText(code, text));
      return;
    }
    // Amended: apply() took the new ClOrdID with the AMENDED event. Nothing changed is refused by
    // the venue (NOTHING_TO_AMEND), so a resolved amend always had that event.
    if (order.clOrdId !== clOrdId) throw new Error(`order ${order.orderId}: amend resolved without an AMENDED event`);
  }

  /** OrderStatusRequest: the gateway's state of the order as an ExecutionReport 150=I; an unknown order gets 39=8 103=5. */
  private statusRequest(session: FixSessionHandle, message: FixMessage): void {
    const account = session.account ?? session.key;
    const clOrdId = message.get(11);
    const orderIdText = message.get(37);
    // By ClOrdID (11) first: the status request names the order by its current ClOrdID.
    const order = clOrdId !== undefined && this.clOrdIds.has(`${account}\x01${clOrdId}`) ? this.findOrder(account, clOrdId, undefined) : this.findOrder(account, undefined, orderIdText);
    const requestId = message.get(790);
    const extra: FixField[] = requestId === undefined ? [] : [[790, requestId]];
    if (order !== undefined) {
      session.send('8', this.reportBody(order, this.localExecId('I'), 'I', order.clOrdId, undefined, this.options.now(), extra));
      return;
    }
    // Not this gateway's: an order of the account placed over REST or WebSocket, found by OrderID.
    // Reading the account's other orders needs the read scope (a trade-only key sees its own FIX orders only).
    let known: VenueOrderStatus | undefined;
    let refusal: string | undefined;
    try {
      known = orderIdText !== undefined && /^[1-9][0-9]{0,15}$/.test(orderIdText) ? this.options.port.venueOrder(session, Number(orderIdText)) : undefined;
    } catch (error) {
      // The port's refusals carry a numeric code (VenueError, or a revoked key's); anything else is a bug.
      const code = (error as { code?: unknown }).code;
      if (typeof code !== 'number' || !(error instanceof Error)) throw error;
      refusal = resultCodeText(code, error.message);
    }
    if (known !== undefined) {
      const instrument = known.instrument;
      const body: FixField[] = [
        [37, orderIdText ?? ''],
        [11, known.clientOrderId ?? clOrdId ?? 'NONE'],
        [17, this.localExecId('I')],
        [150, 'I'],
        [39, known.status],
        [55, instrument.symbol],
        [54, known.side],
        [38, lotsToQuantity(instrument, known.quantityLots)],
        [40, known.ordType],
      ];
      if (known.priceTicks > 0) body.push([44, ticksToPrice(instrument, known.priceTicks)]);
      body.push([59, known.timeInForce], ...extra, [151, lotsToQuantity(instrument, known.leavesLots)], [14, lotsToQuantity(instrument, known.cumLots)]);
      // AvgPx only when every fill's price is known (the account's last FILLS_KEPT fills).
      if (known.notional !== undefined) body.push([6, averagePrice(instrument, known.notional, known.cumLots)]);
      body.push([60, formatUtcTimestamp(this.options.now())]);
      session.send('8', body);
      return;
    }
    const body: FixField[] = [
      [37, orderIdText ?? 'NONE'],
      [11, clOrdId ?? 'NONE'],
      [17, this.localExecId('I')],
      [150, 'I'],
      [39, '8'],
      [55, message.get(55) ?? ''],
      [54, message.get(54) ?? ''],
      [151, '0'],
      [14, '0'],
      [60, formatUtcTimestamp(this.options.now())],
      ...extra,
      [58, refusal ?? resultCodeText(ResultCode.UNKNOWN_ORDER, 'no order of this account by this ClOrdID or OrderID')],
      [103, refusal === undefined ? '5' : '99'],
    ];
    session.send('8', body);
  }

  private async massCancel(session: FixSessionHandle, message: FixMessage): Promise<void> {
    const clOrdId = message.get(11) ?? '';
    const requestType = message.get(530) ?? '7';
    const symbol = requestType === '1' ? message.get(55) : undefined;
    const answer = (response: string, extra: FixField[]): void => {
      session.send('r', [[11, clOrdId], [37, 'NONE'], [530, requestType], [531, response], [1369, this.localExecId('M')], ...extra]);
    };
    // Refused rather than widened: a request the venue cannot scope exactly cancels nothing.
    if (requestType !== '1' && requestType !== '7') {
      answer('0', [[58, resultCodeText(ResultCode.INVALID_REQUEST, 'MassCancelRequestType (530) must be 1 (symbol) or 7 (all)')]]);
      return;
    }
    if (requestType === '1' && symbol === undefined) {
      answer('0', [[58, resultCodeText(ResultCode.INVALID_REQUEST, 'MassCancelRequestType (530) 1 needs Symbol (55)')]]);
      return;
    }
    const sideTag = message.get(54);
    const side = sideTag === undefined ? undefined : sideTag === '1' ? 'buy' : sideTag === '2' ? 'sell' : null;
    if (side === null) {
      answer('0', [[58, resultCodeText(ResultCode.INVALID_SIDE, `Side (54) ${sideTag ?? ''} is not supported (1 buy, 2 sell)`)]]);
      return;
    }
    try {
      const { cancelled } = await this.options.port.cancelAll(session, symbol, side);
      answer(requestType, [[533, cancelled.length]]);
    } catch (error) {
      const { code, message: text } = errorOf(error);
      answer('0', [[58, resultCodeText(code, text)]]);
    }
  }

  private localExecId(kind: string): string {
    return `${kind}-${this.runId}-${++this.localExecIds}`;
  }

  /** A ClOrdID now names `order` (or, without one, a place in flight). */
  private remember(key: string, order: OrderState | undefined): void {
    this.clOrdIds.set(key, order?.orderId ?? 0);
    order?.keys.push(key);
  }

  // ---- restart ------------------------------------------------------------------------------------

  /**
   * Orders from the log: those the venue still holds open are tracked again, with the venue's
   * filled quantity when a crash lost the log's last lines (those fills were at the order's own
   * price: only a resting order is still open, and a resting order fills as maker at its price);
   * the rest are kept as closed for status requests and "too late to cancel".
   */
  private restore(records: readonly FixOrderRecord[]): void {
    for (const record of records) {
      const instrument = this.bySymbol.get(record.symbol);
      if (instrument === undefined) continue;
      const order: OrderState = {
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
      this.remember(`${order.account}\x01${order.clOrdId}`, order);
      const open = record.closed ? undefined : this.options.port.openOrder(instrument, record.orderId);
      if (record.closed) {
        this.forget(order);
        continue;
      }
      if (open === undefined || String(open.accountId) !== record.account) {
        // Closed by a command whose reports a crash lost: its final state is not known here, so
        // it is not kept (a status request answers unknown rather than a stale state).
        this.options.warn?.(`FIX order ${record.orderId} (${record.clOrdId}) was open in the log but is not open in the venue: its last reports were lost in a crash`);
        for (const key of order.keys) this.clOrdIds.delete(key);
        continue;
      }
      order.leavesLots = open.remainingLots;
      this.orders.set(order.orderId, order);
      if (open.filledLots !== order.cumLots || open.quantityLots !== order.quantityLots || open.priceTicks !== order.priceTicks) this.catchUp(order, open);
    }
  }

  /**
   * The venue got ahead of the log: a crash came after a command was durable and before its
   * reports were logged, so they were never sent (the log is written first). The order is set to
   * the venue's state, logged, and reported when the session can be reached (sendCatchUp): fills
   * as one trade report at the order's price (an order still open rests, and a resting order fills
   * as maker at its own price), anything else as a restatement (150=D).
   */
  private catchUp(order: OrderState, open: OrderView): void {
    this.options.warn?.(`FIX order ${order.orderId} (${order.clOrdId}): the log says ${order.cumLots} of ${order.quantityLots} lots filled at ${order.priceTicks}, the venue ${open.filledLots} of ${open.quantityLots} at ${open.priceTicks}; reporting the venue's`);
    const instrument = order.instrument;
    const filled = open.filledLots - order.cumLots;
    order.quantityLots = open.quantityLots;
    order.priceTicks = open.priceTicks;
    order.cumLots = open.filledLots;
    order.leavesLots = open.remainingLots;
    order.status = order.cumLots > 0 ? '1' : '0';
    const execId = `restart-${order.orderId}-${open.filledLots}-${open.quantityLots}-${open.priceTicks}`;
    let body: FixField[];
    if (filled > 0) {
      order.notional += BigInt(filled) * BigInt(open.priceTicks);
      const fee = this.options.port.fee(instrument, open.priceTicks, filled, true);
      body = this.reportBody(order, execId, 'F', order.clOrdId, undefined, this.options.now(), [
        [31, ticksToPrice(instrument, open.priceTicks)],
        [32, lotsToQuantity(instrument, filled)],
        [851, '1'],
        [12, fee.fee],
        [13, '3'],
        [479, fee.asset],
      ]);
    } else {
      body = this.reportBody(order, execId, 'D', order.clOrdId, undefined, this.options.now(), []);
    }
    this.log?.append(recordOf(order), () => this.liveRecords(), this.orders.size + this.closedOrders.size);
    this.caughtUp.push({ order, body });
  }

  /** Sends the catch-up reports of the restart once the sessions can be reached (stored for those not logged on). */
  sendCatchUp(): void {
    for (const { order, body } of this.caughtUp.splice(0)) this.handleOf(order)?.send('8', body);
  }

  // ---- durable events → execution reports ------------------------------------------------------

  private observe(outcome: CommandOutcome): void {
    const events = outcome.engine.events;
    const timeMs = Number(outcome.timestampNs / 1_000_000n);
    for (let i = 0; i < events.count; i++) {
      const type = events.type(i);
      if (type === EventType.TRADE) {
        this.route(events.field(i, Field.MAKER_ORDER_ID), String(events.field(i, Field.MAKER_ACCOUNT)), () => this.copy(events, i, outcome.seq, timeMs, true));
        this.route(events.field(i, Field.TAKER_ORDER_ID), String(events.field(i, Field.TAKER_ACCOUNT)), () => this.copy(events, i, outcome.seq, timeMs, false));
      } else if (type === EventType.ACCEPTED || type === EventType.DONE || type === EventType.AMENDED || type === EventType.TRIGGERED || type === EventType.DECREMENTED) {
        this.route(events.field(i, Field.ORDER_ID), String(events.field(i, Field.ACCOUNT)), () => this.copy(events, i, outcome.seq, timeMs, false));
      }
    }
    this.flush();
  }

  private copy(events: CommandOutcome['engine']['events'], i: number, seq: number, timeMs: number, maker: boolean): OrderEvent {
    const fields: number[] = [];
    for (let k = 0; k < EVENT_WIDTH; k++) fields.push(events.field(i, k));
    let fee: OrderEvent['fee'];
    if (fields[0] === EventType.TRADE) {
      const instrument = this.byId.get(events.field(i, Field.INSTRUMENT));
      if (instrument !== undefined) fee = this.options.port.fee(instrument, events.field(i, Field.TRADE_PRICE), events.field(i, Field.TRADE_QUANTITY), maker);
    }
    return { fields, seq, index: i, timeMs, maker, fee };
  }

  private route(orderId: number, account: string, copy: () => OrderEvent): void {
    const order = this.orders.get(orderId);
    if (order !== undefined) return this.apply(order, copy());
    // A closed order's late event (the DONE after its last fill) or an account with no place in flight.
    if (this.closedOrders.has(orderId) || !this.inFlight.has(account)) return;
    let byOrder = this.held.get(account);
    if (byOrder === undefined) {
      byOrder = new Map();
      this.held.set(account, byOrder);
    }
    const list = byOrder.get(orderId) ?? [];
    list.push(copy());
    byOrder.set(orderId, list);
  }

  private apply(order: OrderState, event: OrderEvent): void {
    const f = event.fields;
    const instrument = order.instrument;
    const execId = `${event.seq}-${event.index}${event.fields[0] === EventType.TRADE ? (event.maker ? 'M' : 'T') : ''}`;
    let execType: string;
    const extra: FixField[] = [];
    let clOrdId = order.clOrdId;
    let origClOrdId: string | undefined;
    switch (f[0]) {
      case EventType.ACCEPTED:
        order.side = f[Field.SIDE] === Side.BUY ? '1' : '2';
        order.ordType = FIX_ORD_TYPE[f[Field.ORDER_TYPE] ?? 0] ?? order.ordType;
        order.timeInForce = FIX_TIF[f[Field.TIME_IN_FORCE] ?? 0] ?? order.timeInForce;
        order.quantityLots = f[Field.QUANTITY] ?? 0;
        order.leavesLots = order.quantityLots;
        order.priceTicks = f[Field.PRICE] ?? 0;
        execType = '0';
        order.status = '0';
        break;
      case EventType.TRADE: {
        const lots = f[Field.TRADE_QUANTITY] ?? 0;
        const ticks = f[Field.TRADE_PRICE] ?? 0;
        order.cumLots += lots;
        order.notional += BigInt(ticks) * BigInt(lots);
        order.leavesLots = f[event.maker ? Field.MAKER_REMAINING : Field.TAKER_REMAINING] ?? 0;
        execType = 'F';
        order.status = order.leavesLots === 0 ? '2' : '1';
        if (order.status === '2') order.closed = true;
        extra.push([31, ticksToPrice(instrument, ticks)], [32, lotsToQuantity(instrument, lots)]);
        // LastLiquidityInd: 1 added liquidity (maker), 2 removed it (taker); the fill's fee as an
        // absolute Commission (13=3) in its asset (negative: a maker rebate).
        extra.push([851, event.maker ? '1' : '2']);
        if (event.fee !== undefined) extra.push([12, event.fee.fee], [13, '3'], [479, event.fee.asset]);
        break;
      }
      case EventType.DONE: {
        order.closed = true;
        order.leavesLots = 0;
        const status = f[Field.STATUS];
        const reason = f[Field.REASON];
        if (status === DoneStatus.FILLED) return; // the last trade's report already said 39=2
        const expired = status === DoneStatus.EXPIRED || reason === DoneReason.END_OF_DAY;
        execType = expired ? 'C' : '4';
        order.status = execType;
        if (!expired && reason === DoneReason.USER_CANCEL && order.pending?.kind === 'cancel') {
          clOrdId = order.pending.clOrdId;
          origClOrdId = order.pending.origClOrdId;
          order.clOrdId = clOrdId;
        }
        const reasonName = Object.entries(DoneReason).find(([, value]) => value === reason)?.[0];
        if (reasonName !== undefined && reason !== DoneReason.USER_CANCEL) extra.push([58, reasonName]);
        break;
      }
      case EventType.AMENDED:
        order.priceTicks = f[Field.AMEND_PRICE] ?? order.priceTicks;
        order.quantityLots = f[Field.AMEND_QUANTITY] ?? order.quantityLots;
        order.leavesLots = f[Field.AMEND_REMAINING] ?? order.leavesLots;
        execType = '5';
        order.status = order.cumLots > 0 ? '1' : '0';
        if (order.pending?.kind === 'replace') {
          clOrdId = order.pending.clOrdId;
          origClOrdId = order.pending.origClOrdId;
          order.clOrdId = clOrdId;
          order.pending = undefined;
        }
        break;
      case EventType.TRIGGERED:
        execType = 'L';
        break;
      case EventType.DECREMENTED:
        order.leavesLots = f[Field.DECREMENT_REMAINING] ?? order.leavesLots;
        execType = 'D';
        break;
      default:
        return;
    }
    if (order.closed) order.pending = undefined;
    // The body now, from the state this event left; sent by flush() with the command's other reports.
    this.changed.add(order);
    this.outbox.push({ order, body: this.reportBody(order, execId, execType, clOrdId, origClOrdId, event.timeMs, extra) });
    if (order.closed) this.forget(order);
  }

  /**
   * Sends the reports of the events applied since the last flush. Each changed order's state is
   * logged first, once however many events changed it, so the log is never behind what a
   * counterparty was told. An order that opened and closed within the command (a filled IOC, a
   * market order) is not logged at all: there is nothing to track across a restart, and the write
   * would be most of the gateway's cost on that path. After a restart such an order is unknown to
   * status requests.
   */
  private flush(): void {
    if (this.outbox.length === 0) return;
    for (const order of this.changed) {
      if (order.closed && !order.logged) continue;
      order.logged = true; // before the append: a rewrite it triggers must keep this record
      this.log?.append(recordOf(order), () => this.liveRecords(), this.orders.size + this.closedOrders.size);
    }
    this.changed.clear();
    const outbox = this.outbox.splice(0);
    for (const { order, body } of outbox) this.handleOf(order)?.send('8', body);
  }

  private *liveRecords(): Iterable<FixOrderRecord> {
    for (const order of this.closedOrders.values()) if (order.logged) yield recordOf(order);
    for (const order of this.orders.values()) if (order.logged) yield recordOf(order);
  }

  /** The handle to send to: the session as last seen, or reopened after a restart. */
  private handleOf(order: OrderState): FixSessionHandle | undefined {
    let handle = this.handles.get(order.sessionKey);
    if (handle === undefined) {
      handle = this.options.reopenSession?.(order.sessionKey, order.account, order.targetCompId);
      if (handle !== undefined) this.handles.set(order.sessionKey, handle);
    }
    return handle;
  }

  private reportBody(order: OrderState, execId: string, execType: string, clOrdId: string, origClOrdId: string | undefined, timeMs: number, extra: FixField[]): FixField[] {
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

  private sendReject(session: FixSessionHandle, order: { clOrdId: string; symbol: string; side: string; quantity: string | undefined; price: string | undefined }, code: number, text: string | undefined): void {
    const body: FixField[] = [
      [37, 'NONE'],
      [11, order.clOrdId],
      [17, this.localExecId('R')],
      [150, '8'],
      [39, '8'],
      [55, order.symbol],
      [54, order.side],
    ];
    if (order.quantity !== undefined) body.push([38, order.quantity]);
    if (order.price !== undefined) body.push([44, order.price]);
    // OrdRejReason 6 (duplicate order) for a reused ClOrdID, 99 (other) with the venue's code in 58 otherwise.
    const duplicate = code === ResultCode.DUPLICATE_CLIENT_ORDER_ID || code === ResultCode.CLIENT_ORDER_ID_DONE;
    body.push([151, '0'], [14, '0'], [6, '0'], [60, formatUtcTimestamp(this.options.now())], [58, resultCodeText(code, text)], [103, duplicate ? '6' : '99']);
    session.send('8', body);
  }

  /** A closed order stays findable by ClOrdID (for "too late to cancel") but leaves the open set. */
  private forget(order: OrderState): void {
    this.orders.delete(order.orderId);
    order.closed = true;
    order.pending = undefined;
    this.clOrdIds.close(order.keys, order.orderId);
    this.closedOrders.set(order.orderId, order);
    while (this.closedOrders.size > this.maxClOrdIds) {
      const oldest = this.closedOrders.keys().next();
      if (oldest.done === true) break;
      this.closedOrders.delete(oldest.value);
    }
  }
}

// ---- the gateway in the server --------------------------------------------------------------

export interface FixGatewayOptions {
  readonly port: number;
  readonly host?: string;
  readonly tls?: TlsOptions;
  /** Sequence numbers and sent messages per session. */
  readonly storeDir: string;
  /**
   * The venue's durability policy for the gateway's files: with true, the session stores and the
   * order log are fdatasynced (grouped per turn) before anything that depends on them is sent, so
   * sequence numbers never go backwards after a power loss. The server passes durability === 'fsync'.
   */
  readonly fsync?: boolean;
  readonly dictionary: DictionaryPaths;
  readonly keys: KeyStore;
  readonly venue: Venue;
  readonly instruments: readonly Instrument[];
  readonly trading: Trading;
  /** Recent trades for market data snapshots. */
  readonly history: History;
  readonly now: () => number;
  readonly limits?: Partial<FixAcceptorLimits>;
  readonly onEvent?: FixEventListener;
  /** The CompID clients address (56); default KAPITA. */
  readonly senderCompId?: string;
  /** Counterparties with a reserved SenderCompID, account and settings of their own. */
  readonly counterparties?: readonly FixCounterparty[];
  /** Order state the gateway had to correct from the venue at start (a crash lost its log's tail). */
  readonly warn?: (text: string) => void;
  /** The venue's edge: connection caps and bans at accept, a message rate per connection, strikes for failed Logons. */
  readonly edge?: EdgeGuard;
  /** Every Logon's authentication: 'ok' or the refusal's code name (for kapita_auth_attempts_total). */
  readonly onAuthAttempt?: (result: string) => void;
  /** The clientOrderId an order was placed with over REST or WebSocket, for status requests. */
  readonly clientOrderIdOf?: (orderId: number) => string | undefined;
}

const FIX_STATUS: Readonly<Record<OrderStatus, string>> = { new: '0', pending_trigger: '0', partially_filled: '1', filled: '2', cancelled: '4', expired: 'C', rejected: '8' };
/** The REST names back to FIX: the inverse of TYPES and TIFS. */
const FIX_TYPE_OF: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(TYPES).map(([fix, name]) => [name, fix]));
const FIX_TIF_OF: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(TIFS).map(([fix, name]) => [name, fix]));

/** A decimal from the history in the instrument's own units, exactly: anything else is a bug. */
function exact(conversion: Conversion, what: string): number {
  if (!conversion.ok) throw new Error(`${what} is not in the instrument's units (${conversion.code})`);
  return conversion.value;
}

/** Σ ticks × lots of the order's fills, if the account's recent fills hold all `cumLots` of them. */
function notionalOfFills(options: FixGatewayOptions, instrument: Instrument, accountId: number, orderId: number, cumLots: number): bigint | undefined {
  let lots = 0;
  let notional = 0n;
  for (const fill of options.history.accountFills(accountId, instrument.symbol, FILLS_KEPT)) {
    if (fill.orderId !== orderId) continue;
    const quantity = exact(quantityToLots(instrument, fill.quantity), `fill ${fill.tradeId} quantity ${fill.quantity}`);
    lots += quantity;
    notional += BigInt(exact(priceToTicks(instrument, fill.price), `fill ${fill.tradeId} price ${fill.price}`)) * BigInt(quantity);
  }
  return lots === cumLots ? notional : undefined;
}

/** An account's order from the replica (open) or the history (closed since start), for OrderStatusRequest. */
function venueOrderStatus(options: FixGatewayOptions, accountId: number, orderId: number): VenueOrderStatus | undefined {
  const replica = options.venue.replica;
  const open = replica.risk?.openOrder(orderId);
  if (open?.accountId === accountId) {
    const instrument = options.instruments.find((i) => i.id === open.instrumentId);
    const view = instrument === undefined ? undefined : replica.book(instrument.id).order(orderId);
    if (instrument === undefined || view === undefined) return undefined;
    return {
      clientOrderId: options.clientOrderIdOf?.(orderId),
      instrument,
      side: view.side === Side.BUY ? '1' : '2',
      ordType: FIX_ORD_TYPE[view.orderType] ?? '2',
      timeInForce: FIX_TIF[view.timeInForce] ?? '1',
      status: view.filledLots > 0 ? '1' : '0',
      quantityLots: view.quantityLots,
      priceTicks: view.priceTicks,
      cumLots: view.filledLots,
      leavesLots: view.remainingLots,
      notional: notionalOfFills(options, instrument, accountId, orderId, view.filledLots),
    };
  }
  const closed = options.history.closedOrder(accountId, orderId);
  const instrument = closed === undefined ? undefined : options.instruments.find((i) => i.symbol === closed.symbol);
  if (closed === undefined || instrument === undefined) return undefined;
  const lots = (quantity: string): number => exact(quantityToLots(instrument, quantity), `order ${orderId} quantity ${quantity}`);
  const cumLots = lots(closed.filledQuantity);
  return {
    clientOrderId: closed.clientOrderId,
    instrument,
    side: closed.side === 'buy' ? '1' : '2',
    ordType: FIX_TYPE_OF[closed.type] ?? '2',
    timeInForce: FIX_TIF_OF[closed.timeInForce] ?? '1',
    status: FIX_STATUS[closed.status],
    quantityLots: lots(closed.quantity),
    priceTicks: closed.price === undefined ? 0 : exact(priceToTicks(instrument, closed.price), `order ${orderId} price ${closed.price}`),
    cumLots,
    leavesLots: 0,
    notional: notionalOfFills(options, instrument, accountId, orderId, cumLots),
  };
}

/**
 * Why the signed Logon refused, as the venue's codes (for metrics and strikes; the client sees only
 * the text, the same for an unknown key and a bad signature).
 */
const LOGON_REFUSALS = new Map<string, ResultCode>([
  [LOGON_REFUSAL.MISSING_CREDENTIALS, ResultCode.UNAUTHENTICATED],
  [LOGON_REFUSAL.MISSING_NONCE, ResultCode.UNAUTHENTICATED],
  [LOGON_REFUSAL.STALE, ResultCode.STALE_TIMESTAMP],
  [LOGON_REFUSAL.BEFORE_START, ResultCode.SIGNED_BEFORE_START],
  [LOGON_REFUSAL.INVALID, ResultCode.BAD_SIGNATURE],
  [LOGON_REFUSAL.NONCE_REUSED, ResultCode.NONCE_REUSED],
  [LOGON_REFUSAL.TOO_MANY, ResultCode.RATE_LIMITED],
]);

/** The code of a signed Logon's refusal; an invalid one is told apart (unknown key or bad signature) only here. */
function logonRefusalCode(reason: string, keyKnown: boolean): ResultCode {
  if (reason === LOGON_REFUSAL.INVALID && !keyKnown) return ResultCode.UNKNOWN_KEY;
  return LOGON_REFUSALS.get(reason) ?? ResultCode.UNAUTHENTICATED;
}

/**
 * The edge as the acceptor sees it: each TCP connection admitted (and released at its close) by its
 * socket, marked authenticated once its session has logged on, and not read while over its message
 * rate until its next token is due.
 */
function fixEdge(edge: EdgeGuard): FixEdge {
  const pauseMs = Math.max(1, Math.ceil(1000 / edge.limits.messagesPerSecondPerConnection));
  return {
    // The edge keeps the connection by its socket's addresses and ports and releases it on 'close'.
    admit: (socket) => edge.admitSocket(socket, 'fix') !== undefined,
    loggedOn: (socket) => {
      edge.authenticatedSocket(socket);
    },
    messageBudget: () => {
      const bucket = edge.messageBucket();
      return { take: () => (edge.message(bucket) ? 0 : pauseMs) };
    },
  };
}

export interface FixGateway {
  readonly acceptor: FixAcceptor;
  readonly application: FixOrderApplication;
  readonly marketData: FixMarketData;
  readonly port: number;
  /** Under fsync: the group that syncs the session stores and the order log (its syncCount shows the policy at work). */
  readonly syncGroup: FileSyncGroup | undefined;
  close(): Promise<void>;
}

/**
 * The FIX acceptor on its own port: dynamic sessions, the signed Logon against the API keys (an
 * unrevoked key with the trade scope and an account), orders through the server's Trading.
 */
export async function startFixGateway(options: FixGatewayOptions): Promise<FixGateway> {
  const dictionary = loadFixDictionary(options.dictionary);
  addKapitaLogonFields(dictionary);
  /** The API key the session's Logon was signed with (its credential), as a principal; revoked keys throw FORBIDDEN. */
  const principalOf = (session: FixSessionHandle): Principal => {
    const key = options.keys.get(session.credential ?? '');
    if (key === undefined || key.revokedAt !== undefined) throw Object.assign(new Error('the API key of this session was revoked'), { code: ResultCode.FORBIDDEN });
    const scopes = new Set(key.scopes);
    return { kind: 'key', subject: key.keyId, actorId: key.actorId, accountId: key.accountId, scopes, admin: scopes.has('admin'), sessionId: undefined, expiresAtMs: Number.MAX_SAFE_INTEGER, keyVersion: key.secretVersion };
  };
  /** The venue acting for the session's account (cancel-on-disconnect), whatever became of its key. */
  const venuePrincipal = (session: FixSessionHandle): Principal => ({
    kind: 'key',
    subject: `fix-cancel-on-disconnect:${session.key}`,
    actorId: 0, // the venue itself
    accountId: Number(session.account),
    scopes: new Set(['trade']),
    admin: false,
    sessionId: undefined,
    expiresAtMs: Number.MAX_SAFE_INTEGER,
    keyVersion: 0,
  });
  /**
   * Calls `f` now, a throw becoming a rejection. Not `Promise.resolve().then(f)`: that defers the
   * order until the socket's whole data event has been handled, which cost the round trip ~6 µs.
   */
  const callNow = <T>(f: () => Promise<T>): Promise<T> => {
    try {
      return f();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  const port: FixVenuePort = {
    placeOrder: (session, body) => callNow(() => options.trading.placeOrder(principalOf(session), body)),
    cancelOrder: (session, orderId) => callNow(() => options.trading.cancelOrder(principalOf(session), orderId)),
    amendOrder: (session, orderId, body) => callNow(() => options.trading.amendOrder(principalOf(session), orderId, body)),
    cancelOnDisconnect: (session, orderId) => callNow(() => options.trading.cancelOrder(venuePrincipal(session), orderId)),
    cancelAll: (session, symbol, side) => callNow(() => options.trading.cancelAll(principalOf(session), symbol, side)),
    openOrder: (instrument, orderId) => options.venue.replica.book(instrument.id).order(orderId),
    fee: (instrument, priceTicks, lots, maker) => fillFee(options.venue.replica, instrument, priceTicks, lots, maker),
    venueOrder: (session, orderId) => venueOrderStatus(options, authorizeAccount(principalOf(session), 'read'), orderId),
    onDurable: (listener) => {
      options.venue.listen((outcome) => {
        listener(outcome);
      });
    },
  };
  const marketData = new FixMarketData({
    venue: options.venue,
    instruments: options.instruments,
    history: options.history,
    now: options.now,
    ...(options.limits?.maxMessageBytes === undefined ? {} : { maxMessageBytes: options.limits.maxMessageBytes }),
  });
  // The acceptor needs the application and the application reopens the acceptor's sessions after a
  // restart: the reference is filled in once the acceptor has started, before any traffic.
  const started: { acceptor?: FixAcceptor } = {};
  // One group for the stores and the order log: a turn's reports and their order records share a flush.
  const syncGroup = options.fsync === true ? new FileSyncGroup() : undefined;
  const application = new FixOrderApplication({
    port,
    instruments: options.instruments,
    now: options.now,
    marketData,
    orderLog: { path: join(options.storeDir, 'orders.jsonl'), fsync: syncGroup !== undefined, ...(syncGroup === undefined ? {} : { syncGroup }) },
    reopenSession: (key, account, targetCompId) => {
      const session = started.acceptor?.session(key) ?? started.acceptor?.reopenDynamic(account, targetCompId);
      return session?.key === key ? session : undefined;
    },
    ...(options.warn === undefined ? {} : { warn: options.warn }),
  });
  // Market data listens after the application (listeners run in order): a command's execution
  // reports leave before its market data, so order traffic never waits behind it; and a listener
  // of its own, so a failure in one never makes the other miss a command.
  options.venue.listen((outcome) => {
    marketData.observe(outcome);
  });
  // The signature first: what a key may do is told only to whoever holds its secret.
  const signed = signedLogonAuthenticator({
    now: options.now,
    lookup: (apiKey) => {
      const key = options.keys.get(apiKey);
      return key === undefined ? undefined : { secret: key.secret, account: String(key.accountId) };
    },
  });
  const edge = options.edge === undefined ? undefined : fixEdge(options.edge);
  const authenticate = async (request: FixLogonRequest): Promise<FixAuthResult> => {
    const verdict = await signed(request);
    const key = request.username === undefined ? undefined : options.keys.get(request.username);
    let refusal: { code: ResultCode; reason: string } | undefined;
    if (!verdict.ok) refusal = { code: logonRefusalCode(verdict.reason, key !== undefined), reason: verdict.reason };
    else if (key === undefined || key.revokedAt !== undefined) refusal = { code: ResultCode.KEY_REVOKED, reason: 'API key revoked' };
    else if (!options.keys.allows(key, request.remoteAddress)) refusal = { code: ResultCode.IP_NOT_ALLOWED, reason: 'Address not allowed for this key' };
    else {
      // FIX is order entry: the trading functions' own rule (authorize.ts), asked at the Logon so a key that cannot trade gets no session.
      const denied = accountRefusal({ accountId: key.accountId, scopes: new Set(key.scopes) }, 'trade');
      if (denied !== undefined) refusal = { code: ResultCode.FORBIDDEN, reason: `API key refused: ${denied}` };
    }
    options.onAuthAttempt?.(refusal === undefined ? 'ok' : resultCodeName(refusal.code));
    // The session keeps the key as its credential only if this Logon completes (a second
    // connection for a live session is dropped and changes nothing).
    if (refusal === undefined) {
      return verdict.ok ? { ...verdict, credential: request.username ?? '' } : verdict;
    }
    // Wrong secrets and forgeries earn strikes towards a ban of the address, as on REST.
    if (refusal.code !== ResultCode.FORBIDDEN && countsAsAuthFailure(refusal.code)) options.edge?.strike(request.remoteAddress);
    return { ok: false, reason: refusal.reason };
  };
  const acceptor = await FixAcceptor.start({
    port: options.port,
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.tls === undefined ? {} : { tls: options.tls }),
    dictionary,
    profiles: [
      { kind: 'dynamic', ...(options.senderCompId === undefined ? {} : { senderCompId: options.senderCompId }) },
      ...(options.counterparties ?? []).map(
        (c): FixProfile => ({
          kind: 'fixed',
          senderCompId: options.senderCompId ?? DEFAULT_DYNAMIC_COMP_ID,
          targetCompId: c.senderCompId,
          account: String(c.account),
          resetOnLogon: c.resetOnLogon,
          cancelOnDisconnectDefault: c.cancelOnDisconnect,
          maxHeartBtIntSec: c.maxHeartBtIntSec,
        }),
      ),
    ],
    authenticate,
    ...(edge === undefined ? {} : { edge }),
    application,
    storeDir: options.storeDir,
    ...(syncGroup === undefined ? {} : { fsync: true, syncGroup }),
    now: options.now,
    ...(options.limits === undefined ? {} : { limits: options.limits }),
    ...(options.onEvent === undefined ? {} : { onEvent: options.onEvent }),
  }).catch((error: unknown) => {
    application.close(); // the port is taken, say: no file stays open behind a failed start
    throw error;
  });
  started.acceptor = acceptor;
  application.sendCatchUp();
  // A revoked or rotated key logs its sessions out.
  options.keys.onRevoked((key) => {
    for (const session of acceptor.sessions()) {
      if (session.credential === key.keyId && session.isLoggedOn) session.logout(key.revokedAt === undefined ? 'API key rotated' : 'API key revoked');
    }
  });
  return {
    acceptor,
    application,
    marketData,
    port: acceptor.port,
    syncGroup,
    close: async () => {
      await acceptor.close();
      application.close();
    },
  };
}
