// The FIX order-entry application behind the session layer (src/fix): FIX 5.0 SP2 / FIXT.1.1.
//
// - NewOrderSingle (D) → the venue's placeOrder, with the REST-shaped body (fix-order-entry.ts).
// - OrderCancelRequest (F) → cancelOrder; refusals are OrderCancelReject (9).
// - OrderCancelReplaceRequest (G) → amendOrder (price and/or total quantity); the order takes the
//   new ClOrdID when the amend is durable (150=5); refusals are OrderCancelReject (9) with 434=2.
// - OrderStatusRequest (H) → an ExecutionReport 150=I from the gateway's own state of the order.
// - OrderMassCancelRequest (q) → cancelAll; answered with OrderMassCancelReport (r).
// - SecurityListRequest (x) and MarketDataRequest (V) go to FixMarketData (fix-market-data.ts).
// - ExecutionReports (8) are built from the OrderTracker's reports of each durable command
//   (CommandOutcome.reports, the dispatch's 'reports' stage), so none leaves before its command is
//   durable, and FIX says of an order what REST and WebSocket say. A new order's own reports arrive
//   before placeOrder resolves (the venue resolves a command's promise after every consumer has
//   run) and so before its order id is known to us: they are held per order id while the account
//   has a place in flight, and replayed once the id is known.
// - AvgPx is exact when it terminates, else rounded half-up to 8 digits beyond the tick's.
// - Rejects: ExecutionReport 150=8 39=8 58="<code> <NAME>: <message>", OrdRejReason (103) per code
//   from code-answers.ts (6 for a reused ClOrdID).
// - Restarts: every change of an order's state is appended to a FixOrderLog before its report
//   leaves, and reloaded at start; orders still open in the venue are tracked again, and reports for
//   a session that has not logged on since wait in its message store for its ResendRequest.
import type { Instrument } from '../../domain/instrument.js';
import { ResultCode, resultCodeText } from '../../domain/result-codes.js';
import { DoneReason } from '../../engine/event.js';
import type { FixField, FixMessage } from '../../fix/codec.js';
import { BusinessRejectReason } from '../../fix/reasons.js';
import type { FixApplication, FixDisconnectInfo, FixSessionHandle } from '../../fix/session-types.js';
import type { FileSyncGroup } from '../../fix/file-sync.js';
import { ExecType, type OrderReport } from '../../venue/order-state.js';
import type { CommandOutcome } from '../../venue/venue.js';
import { EXEC_TYPE } from '../spellings.js';
import { FixMarketData } from './fix-market-data.js';
import { FixOrderLog, type FixOrderRecord } from './fix-order-log.js';
import { CANCEL, CxlRejReason, errorOf, parseNewOrder, parseReplace, type Refusal, REPLACE, sideOf } from './fix-order-entry.js';
import { catchUpReport, ClOrdIdIndex, clOrdIdKey, doneReasonText, feeDecimal, fillFields, newOrderState, type OrderState, orderOfRecord, recordOf, rejectReport, reportBody, takeFacts } from './fix-orders.js';
import { unknownOrderReport, type VenueOrderStatus, venueOrderReport } from './fix-venue-orders.js';
import type { FixVenuePort, OpenOrder } from './fix-venue-port.js';

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

const ORDER_ID = /^[1-9][0-9]{0,15}$/;

/** The FIX order-entry application: one instance serves every session of an acceptor. */
export class FixOrderApplication implements FixApplication {
  private readonly bySymbol: ReadonlyMap<string, Instrument>;
  /** Logged-on (or last logged-on) handle per session key. */
  private readonly handles = new Map<string, FixSessionHandle>();
  private readonly orders = new Map<number, OrderState>();
  /** Recently closed orders, for "too late to cancel" and status requests (bounded like the ClOrdIDs). */
  private readonly closedOrders = new Map<number, OrderState>();
  private readonly clOrdIds: ClOrdIdIndex;
  /** Sessions that dropped without a Logout with cancel-on-disconnect: a place of theirs still in flight is cancelled when it lands. */
  private readonly droppedWithCod = new Set<string>();
  /** Places in flight per account, and the reports of orders not yet known, by order id. */
  private readonly inFlight = new Map<string, number>();
  private readonly held = new Map<string, Map<number, OrderReport[]>>();
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

  /** Order reports held for orders whose place has not resolved yet: for tests and diagnostics. */
  get heldReports(): number {
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
    const reject = (code: number, text: string | undefined): void => {
      this.sendReject(session, message, code, text);
    };
    const parsed = parseNewOrder(message);
    if (!parsed.ok) {
      reject(parsed.code, parsed.text);
      return;
    }
    // ClOrdID uniqueness is the core's (account, clientOrderId) table, the same for every gateway;
    // this index only adds the ClOrdIDs a cancel or replace gave an order of this gateway.
    const key = clOrdIdKey(account, clOrdId);
    if (this.clOrdIds.has(key)) {
      reject(ResultCode.DUPLICATE_CLIENT_ORDER_ID, `ClOrdID (11) ${clOrdId} was already used`);
      return;
    }
    this.remember(key, undefined);
    this.inFlight.set(account, (this.inFlight.get(account) ?? 0) + 1);
    try {
      const placed = await this.place(session, parsed.body);
      if (!placed.ok) {
        this.clOrdIds.delete(key);
        reject(placed.code, placed.text);
        return;
      }
      const order = this.landed(session, message, key, placed.orderId, parsed.ordType, parsed.timeInForce);
      // Its session dropped with cancel-on-disconnect while the place was in flight.
      if (order !== undefined && this.droppedWithCod.has(session.key) && !order.closed) this.options.port.cancelOnDisconnect(session, order.orderId).catch(() => undefined);
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

  /** The venue's place: the order id, or the venue's refusal (thrown, or a REST error body). */
  private async place(session: FixSessionHandle, body: Record<string, unknown>): Promise<{ ok: true; orderId: number } | Refusal> {
    let answer: unknown;
    try {
      const result = await this.options.port.placeOrder(session, body);
      const orderId = (result.body as { orderId?: unknown } | undefined)?.orderId;
      if (result.status < 300 && typeof orderId === 'number') return { ok: true, orderId };
      answer = result.body;
    } catch (error) {
      answer = error;
    }
    const { code, message } = errorOf(answer);
    return { ok: false, code, text: message };
  }

  /** The venue placed the order: track it and report what its command did (the held reports). */
  private landed(session: FixSessionHandle, message: FixMessage, key: string, orderId: number, ordType: string, timeInForce: string | undefined): OrderState | undefined {
    const account = session.account ?? session.key;
    const clOrdId = message.get(11) ?? '';
    const reports = this.held.get(account)?.get(orderId);
    this.held.get(account)?.delete(orderId);
    const instrument = this.bySymbol.get(message.get(55) ?? '');
    // No reports of this command for the order: the venue answered with the final state of an
    // earlier, closed order with the same ClOrdID (placed over any gateway), not a new order.
    if (reports === undefined || this.orders.has(orderId) || instrument === undefined) {
      this.clOrdIds.delete(key);
      this.sendReject(session, message, ResultCode.CLIENT_ORDER_ID_DONE, `ClOrdID (11) ${clOrdId} was already used by order ${orderId}, which is closed`);
      return undefined;
    }
    const fix = { side: message.get(54) ?? '', ordType, timeInForce: timeInForce ?? (ordType === '1' ? '3' : '1') };
    const order = newOrderState(orderId, { sessionKey: session.key, account, targetCompId: session.targetCompId }, clOrdId, instrument, fix);
    this.remember(key, order);
    this.orders.set(orderId, order);
    // Reports of this account's orders that no place of this gateway claimed by now are of orders
    // placed elsewhere (REST, WebSocket): places land in seq order and an order's id is its seq.
    const held = this.held.get(account);
    if (held !== undefined) for (const id of held.keys()) if (id < orderId) held.delete(id);
    for (const report of reports) this.apply(order, report);
    this.flush();
    return order;
  }

  /** The account's order named by OrigClOrdID (41), else by OrderID (37): open or recently closed. */
  private findOrder(account: string, origClOrdId: string | undefined, orderIdText: string | undefined): OrderState | undefined {
    let orderId: number | undefined;
    if (origClOrdId !== undefined) orderId = this.clOrdIds.get(clOrdIdKey(account, origClOrdId));
    else if (orderIdText !== undefined && ORDER_ID.test(orderIdText)) orderId = Number(orderIdText);
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
    if (order === undefined) return { reason: CxlRejReason.UNKNOWN, text: resultCodeText(ResultCode.UNKNOWN_ORDER, 'no such order of this account') };
    if (order.closed) return { reason: CxlRejReason.TOO_LATE, text: resultCodeText(ResultCode.UNKNOWN_ORDER, 'the order is no longer open') };
    if (order.pending !== undefined) return { reason: CxlRejReason.ALREADY_PENDING, text: resultCodeText(ResultCode.INVALID_REQUEST, `a ${order.pending.kind} of this order is already pending`) };
    return undefined;
  }

  private async cancelRequest(session: FixSessionHandle, message: FixMessage): Promise<void> {
    const account = session.account ?? session.key;
    const order = this.findOrder(account, message.get(41), message.get(37));
    const refused = this.notChangeable(order);
    if (order === undefined || refused !== undefined) {
      this.cancelReject(session, message, order, CANCEL, refused?.reason ?? CxlRejReason.UNKNOWN, refused?.text ?? '');
      return;
    }
    const clOrdId = message.get(11) ?? '';
    const key = clOrdIdKey(account, clOrdId);
    if (this.clOrdIds.has(key)) {
      this.cancelReject(session, message, order, CANCEL, CxlRejReason.DUPLICATE_CLORDID, resultCodeText(ResultCode.INVALID_REQUEST, `ClOrdID (11) ${clOrdId} was already used`));
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
      this.cancelReject(session, message, order, CANCEL, code === ResultCode.UNKNOWN_ORDER ? CxlRejReason.TOO_LATE : CxlRejReason.OTHER, resultCodeText(code, text));
    }
  }

  /** OrderCancelReplaceRequest: the venue's amend (fix-order-entry.ts parseReplace says what it may change). */
  private async replaceRequest(session: FixSessionHandle, message: FixMessage): Promise<void> {
    const account = session.account ?? session.key;
    const clOrdId = message.get(11) ?? '';
    const order = this.findOrder(account, message.get(41), message.get(37));
    const refuse = (reason: number, text: string): void => {
      this.cancelReject(session, message, order, REPLACE, reason, text);
    };
    const refused = this.notChangeable(order);
    if (order === undefined || refused !== undefined) {
      refuse(refused?.reason ?? CxlRejReason.UNKNOWN, refused?.text ?? '');
      return;
    }
    const key = clOrdIdKey(account, clOrdId);
    if (this.clOrdIds.has(key)) {
      refuse(CxlRejReason.DUPLICATE_CLORDID, resultCodeText(ResultCode.INVALID_REQUEST, `ClOrdID (11) ${clOrdId} was already used`));
      return;
    }
    const amend = parseReplace(message, order);
    if (!amend.ok) {
      refuse(CxlRejReason.OTHER, amend.text);
      return;
    }
    order.pending = { kind: 'replace', clOrdId, origClOrdId: order.clOrdId };
    this.remember(key, order);
    try {
      await this.options.port.amendOrder(session, order.orderId, amend.body);
    } catch (error) {
      const { code, message: text } = errorOf(error);
      order.pending = undefined;
      this.clOrdIds.delete(key);
      refuse(code === ResultCode.UNKNOWN_ORDER && order.closed ? CxlRejReason.TOO_LATE : CxlRejReason.OTHER, resultCodeText(code, text));
      return;
    }
    // Amended: apply() took the new ClOrdID with the AMENDED report. Nothing changed is refused by
    // the venue (NOTHING_TO_AMEND), so a resolved amend always had that report.
    if (order.clOrdId !== clOrdId) throw new Error(`order ${order.orderId}: amend resolved without an AMENDED report`);
  }

  /** OrderStatusRequest: the gateway's state of the order as an ExecutionReport 150=I; an unknown order gets 39=8 103=5. */
  private statusRequest(session: FixSessionHandle, message: FixMessage): void {
    const account = session.account ?? session.key;
    const clOrdId = message.get(11);
    const orderIdText = message.get(37);
    // By ClOrdID (11) first: the status request names the order by its current ClOrdID.
    const order = clOrdId !== undefined && this.clOrdIds.has(clOrdIdKey(account, clOrdId)) ? this.findOrder(account, clOrdId, undefined) : this.findOrder(account, undefined, orderIdText);
    const requestId = message.get(790);
    const extra: FixField[] = requestId === undefined ? [] : [[790, requestId]];
    if (order !== undefined) {
      session.send('8', reportBody(order, this.localExecId('I'), 'I', order.clOrdId, undefined, this.options.now(), extra));
      return;
    }
    // Not this gateway's: an order of the account placed over REST or WebSocket, found by OrderID.
    // Reading the account's other orders needs the read scope (a trade-only key sees its own FIX orders only).
    let known: VenueOrderStatus | undefined;
    let refusal: string | undefined;
    try {
      known = orderIdText !== undefined && ORDER_ID.test(orderIdText) ? this.options.port.venueOrder(session, Number(orderIdText)) : undefined;
    } catch (error) {
      // The port's refusals carry a numeric code (VenueError, or a revoked key's); anything else is a bug.
      const code = (error as { code?: unknown }).code;
      if (typeof code !== 'number' || !(error instanceof Error)) throw error;
      refusal = resultCodeText(code, error.message);
    }
    if (known !== undefined) {
      session.send('8', venueOrderReport(known, orderIdText ?? '', clOrdId, this.localExecId('I'), extra, this.options.now()));
      return;
    }
    session.send('8', unknownOrderReport(message, this.localExecId('I'), extra, refusal, this.options.now()));
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
    const side = sideTag === undefined ? undefined : (sideOf(sideTag) ?? null);
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
      const order = orderOfRecord(record, instrument);
      this.remember(clOrdIdKey(order.account, order.clOrdId), order);
      if (record.closed) {
        this.forget(order);
        continue;
      }
      const open = this.options.port.openOrder(instrument, record.orderId);
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
  private catchUp(order: OrderState, open: OpenOrder): void {
    this.options.warn?.(`FIX order ${order.orderId} (${order.clOrdId}): the log says ${order.cumLots} of ${order.quantityLots} lots filled at ${order.priceTicks}, the venue ${open.filledLots} of ${open.quantityLots} at ${open.priceTicks}; reporting the venue's`);
    const filled = open.filledLots - order.cumLots;
    const fee = filled > 0 ? this.options.port.fee(order.instrument, open.priceTicks, filled, true) : undefined;
    const body = catchUpReport(order, open, fee === undefined ? undefined : feeDecimal(this.options.port.asset(fee.assetId), fee.units, order.instrument), this.options.now());
    this.log?.append(recordOf(order), () => this.liveRecords(), this.orders.size + this.closedOrders.size);
    this.caughtUp.push({ order, body });
  }

  /** Sends the catch-up reports of the restart once the sessions can be reached (stored for those not logged on). */
  sendCatchUp(): void {
    for (const { order, body } of this.caughtUp.splice(0)) this.handleOf(order)?.send('8', body);
  }

  // ---- order reports → execution reports -------------------------------------------------------

  private observe(outcome: CommandOutcome): void {
    for (const report of outcome.reports) {
      // A refused place never was an order: its own request answers it (sendReject).
      if (report.execType !== ExecType.REJECTED) this.route(report);
    }
    this.flush();
  }

  private route(report: OrderReport): void {
    const { orderId } = report.order;
    const order = this.orders.get(orderId);
    if (order !== undefined) {
      this.apply(order, report);
      return;
    }
    const account = String(report.order.accountId);
    // A closed order's late report, or an account with no place in flight: not an order of ours.
    if (this.closedOrders.has(orderId) || !this.inFlight.has(account)) return;
    let byOrder = this.held.get(account);
    if (byOrder === undefined) {
      byOrder = new Map();
      this.held.set(account, byOrder);
    }
    const list = byOrder.get(orderId) ?? [];
    list.push(report);
    byOrder.set(orderId, list);
  }

  /** One report of the tracker: the order takes its state, and its ExecutionReport joins the outbox. */
  private apply(order: OrderState, report: OrderReport): void {
    const { fill, execType } = report;
    const instrument = order.instrument;
    let clOrdId = order.clOrdId;
    let origClOrdId: string | undefined;
    // The ClOrdID chain is FIX's own: the replace or cancel this gateway sent takes effect now.
    const pending = order.pending;
    const ownCancel = execType === ExecType.CANCELLED && report.reason === DoneReason.USER_CANCEL && pending?.kind === 'cancel';
    if (pending !== undefined && (ownCancel || (execType === ExecType.AMENDED && pending.kind === 'replace'))) {
      clOrdId = pending.clOrdId;
      origClOrdId = pending.origClOrdId;
      order.clOrdId = clOrdId;
      order.pending = undefined;
    }
    takeFacts(order, report.order, execType, fill === undefined ? 0n : BigInt(fill.priceTicks) * BigInt(fill.lots));
    if (order.closed) order.pending = undefined;
    const extra: FixField[] = [];
    if (fill !== undefined) extra.push(...fillFields(instrument, fill, feeDecimal(this.options.port.asset(fill.feeAssetId), fill.feeUnits, instrument)));
    const text = doneReasonText(report.reason);
    if (text !== undefined) extra.push([58, text]);
    const execId = `${report.order.seq}-${report.eventIndex}${fill === undefined ? '' : fill.maker ? 'M' : 'T'}`;
    const timeMs = Number(report.order.timestampNs / 1_000_000n);
    // The body now, from the state this report left; sent by flush() with the command's other reports.
    this.changed.add(order);
    this.outbox.push({ order, body: reportBody(order, execId, EXEC_TYPE.fix(execType), clOrdId, origClOrdId, timeMs, extra) });
    if (order.closed) this.forget(order);
  }

  /**
   * Sends the reports applied since the last flush. Each changed order's state is logged first,
   * once however many reports changed it, so the log is never behind what a counterparty was told.
   * An order that opened and closed within the command (a filled IOC, a market order) is not logged
   * at all: there is nothing to track across a restart, and the write would be most of the
   * gateway's cost on that path. After a restart such an order is unknown to status requests.
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

  private sendReject(session: FixSessionHandle, message: FixMessage, code: number, text: string | undefined): void {
    session.send('8', rejectReport(message, this.localExecId('R'), code, text, this.options.now()));
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
