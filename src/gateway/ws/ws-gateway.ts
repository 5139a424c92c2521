// The WebSocket API at /v1/ws. Every frame is one Envelope (proto/kapita/v1/kapita.proto): binary
// frames in protobuf, text frames in proto3 JSON. The server answers in the format the client last
// used. A request's response echoes its request_id.
//
// - Session: the first request must be an AuthRequest with a token from POST /v1/auth/token, within
//   edge.authTimeoutMs (10 s) of opening, or the connection is closed (an UNAUTHENTICATED Error, then
//   4408): strangers must not hold connection slots. Another AuthRequest with a fresh token before
//   the current one expires keeps the connection open. Otherwise it is closed at expiry (code 4401).
// - Orders: place, cancel, amend and mass cancel go through the same code as REST, and the answers
//   are the same; the trading functions decide what the principal may do (authorize.ts). Execution
//   reports for the account's orders go to its connections subscribed to ORDERS (all of them), or
//   FILLS (trades only); those subscriptions, and BALANCES, need read (authorize.ts): they stream
//   the whole account's activity. Reports and balances are looked up by account, never by scanning
//   every connection.
// - Market data: L1, L2 (a snapshot at the instrument's last book seq, then BookUpdates whose
//   prev_seq chains) and trades. They go through each connection's Outbound queue, so responses
//   overtake them, L2 is conflated for a slow reader, and a reader that stays behind is dropped.
// - Bad frames (not protobuf or JSON, an unknown message, oversized, wrong types) get an Error with a
//   code. The connection stays open, except for oversized frames, which ws refuses with 1009 before
//   we see them. Nothing invalid reaches the core: every request is validated as a REST request is.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import type { Instrument } from '../../domain/instrument.js';
import { ResultCode } from '../../domain/result-codes.js';
import { EventType, Field } from '../../engine/event.js';
import { decodeEnvelope, type Envelope, envelopeFromJson, type kapita, MAX_FRAME_BYTES, pb, WireError } from '../../protocol/wire.js';
import { AuthError, countsAsAuthFailure, type Principal, type TokenService } from '../../auth/auth.js';
import { VenueError } from '../../venue/errors.js';
import { binary, Connection, errorBody, json } from './connection.js';
import { WsMarketData } from './market-data.js';
import type { Candles } from '../../marketdata/candles.js';
import { ExecType, type OrderReport } from '../../venue/order-state.js';
import type { VenueService } from '../../venue/service.js';
import { lotsOf, ticksOf } from '../decimals.js';
import { CANDLE_INTERVAL } from '../spellings.js';
import { executionReport, orderMessage, placeRequest } from './orders.js';
import { type EdgeConnection, type EdgeGuard, EdgeRefusal } from '../../security/edge.js';
import { authorizeAccount } from '../../venue/authorize.js';
import type { CommandOutcome } from '../../venue/venue.js';
import { balancesView } from '../rest/views.js';

export interface WsOptions {
  /** The one way into the core: order entry, the account's orders, the replica for market data. */
  readonly service: VenueService;
  readonly tokens: TokenService;
  /** Candles are built first in the market-data stage (dispatch.ts), before this gateway publishes them. */
  readonly candles: Candles;
  readonly now: () => number;
  /** Message-rate limits per connection and authentication-failure bans. */
  readonly edge: EdgeGuard;
  /** A connection that does not answer a ping within this is closed (dead peers, half-open TCP). */
  readonly idleTimeoutMs: number;
}

export const TOKEN_EXPIRED_CLOSE = 4401;
/** Closed for sending over its message rate for longer than its burst. */
export const RATE_LIMITED_CLOSE = 4429;
/** Closed because the session or key behind it was revoked, or the key rotated. */
export const REVOKED_CLOSE = 4403;
/** Closed after BAD_FRAMES_TOLERATED frames in a row that were not messages: not a client, a fuzzer. */
export const BAD_FRAMES_CLOSE = 4400;
/** Closed for not completing an AuthRequest within edge.authTimeoutMs of opening (after an UNAUTHENTICATED Error frame). */
export const AUTH_TIMEOUT_CLOSE = 4408;
const BAD_FRAMES_TOLERATED = 100;
/**
 * How long an over-rate connection is left unread. Each resume lets a whole socket read (tens of
 * kilobytes, hundreds of small frames) through the parser, so short pauses would keep the server
 * busy refusing frames: a tenth of a second bounds that to a few reads a second per connection.
 */
const OVER_RATE_PAUSE_MS = 100;
/** Order ids per MassCancelResponse frame (a few bytes each in either format, far below the frame limit). */
const MASS_CANCEL_IDS_PER_FRAME = 2000;

const NO_CONNECTIONS: ReadonlySet<never> = new Set();

export class WebSocketGateway {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  private readonly connections = new Set<Connection>();
  /**
   * Authenticated connections by account: execution reports and balances go to the account's set
   * only, so their cost per event does not grow with everyone else's (or strangers') connections.
   */
  private readonly byAccount = new Map<number, Set<Connection>>();
  /** Connections that have not completed an AuthRequest yet, oldest first: the auth deadline's sweep. */
  private readonly unauthenticated = new Set<Connection>();
  private readonly authSweep: NodeJS.Timeout;
  private readonly bySymbol: ReadonlyMap<string, Instrument>;
  private readonly byId: ReadonlyMap<number, Instrument>;
  private readonly marketData: WsMarketData;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly options: WsOptions) {
    this.bySymbol = options.service.bySymbol;
    this.byId = options.service.byId;
    this.marketData = new WsMarketData(this.connections, options.service, options.candles);
    options.service.venue.dispatch.on('reports', 'websocket execution reports and balances', (outcome) => {
      this.publishReports(outcome);
    });
    options.service.venue.dispatch.on('marketData', 'websocket market data', (outcome) => {
      this.marketData.publish(outcome);
    });
    // Every half idle period: a connection that has not answered the last ping is dead and dropped.
    this.heartbeat = setInterval(() => {
      for (const connection of this.connections) {
        if (!connection.alive) {
          connection.socket.terminate();
          continue;
        }
        connection.alive = false;
        connection.socket.ping();
      }
    }, Math.max(1, Math.floor(options.idleTimeoutMs / 2)));
    this.heartbeat.unref();
    // The deadline is on the server's clock (tests move it); the sweep that applies it runs at least
    // every second, so a stranger is closed within a second of it.
    const authTimeoutMs = options.edge.limits.authTimeoutMs;
    this.authSweep = setInterval(() => {
      this.closeUnauthenticated();
    }, Math.max(10, Math.min(1000, Math.floor(authTimeoutMs / 4))));
    this.authSweep.unref();
  }

  /**
   * Closes the connections that have not completed an AuthRequest within edge.authTimeoutMs: an
   * UNAUTHENTICATED Error, then a close with AUTH_TIMEOUT_CLOSE, and the socket destroyed a second
   * later if the peer does not answer the close (ws would wait 30 s, holding the slot). One whose
   * AuthRequest is being checked is left to its answer: a failed one is closed at the next sweep.
   */
  private closeUnauthenticated(): void {
    const now = this.options.now();
    const timeoutMs = this.options.edge.limits.authTimeoutMs;
    for (const connection of this.unauthenticated) {
      if (connection.authInFlight > 0 || now - connection.openedAtMs < timeoutMs) continue;
      this.unauthenticated.delete(connection);
      const reason = `no AuthRequest within ${timeoutMs / 1000} s`;
      connection.respond(0, { error: errorBody(ResultCode.UNAUTHENTICATED, reason) });
      connection.outbound.drop(reason, AUTH_TIMEOUT_CLOSE);
      setTimeout(() => {
        connection.socket.terminate();
      }, 1000).unref();
    }
  }

  /** Indexes an authenticated connection under its account, for reports and balances. */
  private index(connection: Connection, accountId: number): void {
    if (connection.indexedAccount === accountId) return;
    this.unindex(connection);
    let set = this.byAccount.get(accountId);
    if (set === undefined) {
      set = new Set();
      this.byAccount.set(accountId, set);
    }
    set.add(connection);
    connection.indexedAccount = accountId;
  }

  private unindex(connection: Connection): void {
    const accountId = connection.indexedAccount;
    if (accountId === undefined) return;
    connection.indexedAccount = undefined;
    const set = this.byAccount.get(accountId);
    if (set === undefined || !set.delete(connection)) throw new Error(`ws: connection indexed under account ${accountId} is missing from its set`);
    if (set.size === 0) this.byAccount.delete(accountId);
  }

  /** The account's authenticated connections (empty when it has none). */
  private accountConnections(accountId: number): ReadonlySet<Connection> {
    return this.byAccount.get(accountId) ?? NO_CONNECTIONS;
  }

  /** Takes over an HTTP upgrade for /v1/ws. */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // The edge admitted the TCP connection under this request at accept; the AuthRequest marks it authenticated.
    const edgeConnection = this.options.edge.connectionOf(request.socket);
    this.server.handleUpgrade(request, socket, head, (ws) => {
      this.accept(ws, request.socket.remoteAddress ?? 'unknown', edgeConnection);
    });
  }

  close(): void {
    clearInterval(this.heartbeat);
    clearInterval(this.authSweep);
    for (const connection of this.connections) connection.socket.terminate();
    this.server.close();
  }

  /**
   * A message over the connection's rate. The first of a run is answered (RATE_LIMITED), the rest
   * only counted: answering each would let a flood make the server work per frame. The socket stops
   * being read until the next token is due, so TCP flow control slows the sender to the rate at no
   * cost here. A connection still over the rate after a burst's worth of refusals is cut off (4429),
   * with a close frame, then terminated if it does not close within a second.
   */
  private overRate(connection: Connection): void {
    connection.refusedInARow++;
    const limits = this.options.edge.limits;
    if (connection.refusedInARow === 1) connection.respond(0, { error: errorBody(ResultCode.RATE_LIMITED, `more than ${limits.messagesPerSecondPerConnection} messages a second`) });
    if (connection.refusedInARow > limits.messageBurstPerConnection) {
      if (connection.refusedInARow === limits.messageBurstPerConnection + 1) this.cutOff(connection, 'message rate limit exceeded for too long', RATE_LIMITED_CLOSE);
      return;
    }
    if (!connection.paused) {
      connection.paused = true;
      connection.socket.pause();
      setTimeout(() => {
        connection.paused = false;
        if (connection.socket.readyState === WebSocket.OPEN) connection.socket.resume();
      }, Math.max(OVER_RATE_PAUSE_MS, Math.ceil(1000 / limits.messagesPerSecondPerConnection))).unref();
    }
  }

  /**
   * Ends an abusive connection: a close frame with the reason, no more reading, and the socket
   * destroyed shortly after (without waiting the 30 s ws gives a peer to answer the close).
   */
  private cutOff(connection: Connection, reason: string, code: number): void {
    // A strike against the address: an abuser that reconnects to start over is banned soon.
    this.options.edge.strike(connection.ip);
    connection.paused = true;
    connection.socket.pause();
    connection.outbound.drop(reason, code);
    setTimeout(() => {
      connection.socket.terminate();
    }, 100).unref();
  }

  /** Closes the authenticated connections whose principal matches (a revoked session or key). */
  closeWhere(match: (who: Principal) => boolean, reason: string): number {
    let n = 0;
    // Every authenticated connection is in the index; a copy, since unindex changes the sets.
    for (const set of [...this.byAccount.values()]) {
      for (const connection of [...set]) {
        if (connection.principal === undefined || !match(connection.principal)) continue;
        connection.principal = undefined;
        this.unindex(connection);
        connection.outbound.drop(reason, REVOKED_CLOSE);
        n++;
      }
    }
    return n;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  private accept(ws: WebSocket, ip: string, edgeConnection: EdgeConnection | undefined): void {
    const holder: { connection?: Connection } = {};
    const connection = new Connection(
      ws,
      ip,
      edgeConnection,
      this.options.now(),
      this.options.edge.messageBucket(),
      this.marketData.encodeBookFor(() => {
        if (holder.connection === undefined) throw new Error('connection not ready');
        return holder.connection;
      }),
    );
    holder.connection = connection;
    this.connections.add(connection);
    this.unauthenticated.add(connection);
    ws.on('message', (data: RawData, isBinary: boolean) => {
      connection.alive = true;
      // The rate limit comes before decoding: garbage costs the sender its tokens like anything else.
      // A run of refusals ends only once the sender has been calm long enough to refill its bucket:
      // a token now and then inside a flood does not reset it.
      if (connection.refusedInARow > 0 && this.options.edge.calm(connection.messages)) connection.refusedInARow = 0;
      if (!this.options.edge.message(connection.messages)) this.overRate(connection);
      else void this.onFrame(connection, data, isBinary);
    });
    ws.on('pong', () => {
      connection.alive = true;
    });
    const forget = (): void => {
      if (connection.expiry !== undefined) clearTimeout(connection.expiry);
      this.connections.delete(connection);
      this.unauthenticated.delete(connection);
      this.unindex(connection);
    };
    ws.on('close', forget);
    ws.on('error', forget);
  }

  private async onFrame(connection: Connection, data: RawData, isBinary: boolean): Promise<void> {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
    connection.encode = isBinary ? binary : json;
    let envelope: Envelope;
    try {
      envelope = isBinary ? decodeEnvelope(bytes) : envelopeFromJson(bytes.toString('utf8'));
    } catch (error) {
      const reason = error instanceof WireError ? `${error.reason}: ${error.message}` : String(error);
      connection.badFramesInARow++;
      if (connection.badFramesInARow > BAD_FRAMES_TOLERATED) this.cutOff(connection, `more than ${BAD_FRAMES_TOLERATED} bad frames in a row`, BAD_FRAMES_CLOSE);
      else connection.respond(0, { error: errorBody(ResultCode.INVALID_REQUEST, `bad frame (${reason})`) });
      return;
    }
    connection.badFramesInARow = 0;
    const requestId = envelope.requestId;
    try {
      await this.handle(connection, requestId, envelope);
    } catch (error) {
      if (error instanceof VenueError || error instanceof AuthError || error instanceof EdgeRefusal) connection.respond(requestId, { error: errorBody(error.code, error.message || undefined) });
      else connection.respond(requestId, { error: errorBody(ResultCode.INTERNAL_ERROR) });
    }
  }

  /** The connection's principal; what it may do is the trading functions' and authorizeAccount's to say. */
  private who(connection: Connection): Principal {
    const principal = connection.principal;
    if (principal === undefined) throw new VenueError(ResultCode.UNAUTHENTICATED, 'send an AuthRequest with a token first');
    return principal;
  }

  private instrument(symbol: string): Instrument {
    const instrument = this.bySymbol.get(symbol);
    if (instrument === undefined) throw new VenueError(ResultCode.UNKNOWN_INSTRUMENT, `no instrument ${symbol}`);
    return instrument;
  }

  private async handle(connection: Connection, requestId: number, envelope: Envelope): Promise<void> {
    switch (envelope.body) {
      case 'authRequest': {
        const token = envelope.authRequest.token ?? '';
        let principal: Principal;
        connection.authInFlight++;
        try {
          principal = await this.options.tokens.verify(token, connection.ip);
        } catch (error) {
          if (error instanceof AuthError && countsAsAuthFailure(error.code) && this.options.edge.strike(connection.ip)) connection.outbound.drop('banned after repeated authentication failures', REVOKED_CLOSE);
          throw error;
        } finally {
          connection.authInFlight--;
        }
        // A revocation that ran while the token was checked found no principal here to close.
        if (!this.options.tokens.stillLive(principal)) throw new AuthError(principal.kind === 'user' ? ResultCode.SESSION_REVOKED : ResultCode.KEY_REVOKED, 'revoked while the token was checked');
        // One connection, one account: a second AuthRequest refreshes the token, it does not switch accounts.
        if (connection.principal !== undefined && (connection.principal.accountId !== principal.accountId || connection.principal.subject !== principal.subject)) throw new AuthError(ResultCode.FORBIDDEN, 'this connection is authenticated as another key or user; open a new connection');
        // Closed while the token was checked: no expiry timer for a connection that is gone.
        if (connection.socket.readyState !== WebSocket.OPEN) return;
        const [, payload] = token.split('.');
        const exp = (JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as { exp?: number }).exp ?? 0;
        connection.principal = principal;
        this.unauthenticated.delete(connection);
        this.index(connection, principal.accountId);
        if (connection.edgeConnection !== undefined) this.options.edge.authenticated(connection.edgeConnection);
        connection.expiresAt = exp * 1000;
        if (connection.expiry !== undefined) clearTimeout(connection.expiry);
        connection.expiry = setTimeout(() => {
          connection.outbound.drop('token expired: authenticate again before expiry', TOKEN_EXPIRED_CLOSE);
        }, Math.max(0, connection.expiresAt - this.options.now()));
        connection.respond(requestId, { authResponse: { accountId: principal.accountId, expiresAtMs: connection.expiresAt } });
        return;
      }
      case 'ping':
        connection.respond(requestId, { pong: { pingTimeMs: envelope.ping.timeMs ?? 0, timeMs: this.options.now() } });
        return;
      case 'placeOrder':
        return this.placeOrder(connection, requestId, envelope.placeOrder);
      case 'cancelOrder': {
        const orderId = envelope.cancelOrder.orderId ?? 0;
        const result = await this.options.service.cancel(this.who(connection), orderId);
        connection.respond(requestId, result.ok ? { cancelResponse: { orderId, status: pb.OrderStatus.ORDER_STATUS_CANCELED } } : { error: errorBody(result.code, result.message) });
        return;
      }
      case 'amendOrder':
        return this.amendOrder(connection, requestId, envelope.amendOrder);
      case 'massCancel': {
        const symbol = envelope.massCancel.symbol;
        const instrumentId = typeof symbol === 'string' && symbol !== '' ? this.instrument(symbol).id : 0;
        const result = await this.options.service.cancelAll(this.who(connection), instrumentId, 0);
        if (!result.ok) {
          connection.respond(requestId, { error: errorBody(result.code, result.message) });
          return;
        }
        // A large mass cancel is answered in several MassCancelResponse frames with the same requestId.
        const ids = result.value.cancelled;
        for (let from = 0; from === 0 || from < ids.length; from += MASS_CANCEL_IDS_PER_FRAME) connection.respond(requestId, { massCancelResponse: { orderIds: ids.slice(from, from + MASS_CANCEL_IDS_PER_FRAME) } });
        return;
      }
      case 'subscribe':
      case 'unsubscribe':
        this.subscription(connection, requestId, envelope.body === 'subscribe', (envelope.body === 'subscribe' ? envelope.subscribe : envelope.unsubscribe) ?? {});
        return;
      default:
        throw new VenueError(ResultCode.INVALID_REQUEST, `a client does not send ${envelope.body ?? 'an empty envelope'}`);
    }
  }

  private async placeOrder(connection: Connection, requestId: number, o: kapita.v1.PlaceOrder.$Properties): Promise<void> {
    const who = this.who(connection);
    const service = this.options.service;
    const instrument = this.instrument(o.symbol ?? '');
    const quote = service.venue.replica.risk?.tables.assets.find((a) => a.name === instrument.quoteAsset);
    const result = await service.place(who, placeRequest(o, instrument, quote));
    const replica = service.venue.replica;
    if (result.ok) connection.respond(requestId, { orderResponse: orderMessage(replica, instrument, result.value.order, result.value.reports) });
    else connection.respond(requestId, { error: errorBody(result.code, result.message) });
  }

  private async amendOrder(connection: Connection, requestId: number, a: kapita.v1.AmendOrder.$Properties): Promise<void> {
    const who = this.who(connection);
    const service = this.options.service;
    const orderId = a.orderId ?? 0;
    const instrument = service.instrument(service.ownOpenOrder(who, orderId, 'trade').instrumentId);
    const change = { priceTicks: ticksOf(instrument, 'price', a.price ?? undefined), quantityLots: lotsOf(instrument, 'quantity', a.quantity ?? undefined) };
    const result = await service.amend(who, orderId, change);
    if (result.ok) connection.respond(requestId, { orderResponse: orderMessage(service.venue.replica, instrument, result.value.order, result.value.reports) });
    else connection.respond(requestId, { error: errorBody(result.code, result.message) });
  }

  private subscription(connection: Connection, requestId: number, on: boolean, request: { channel?: kapita.v1.Channel | null; symbol?: string | null; interval?: kapita.v1.CandleInterval | null }): void {
    const channel = request.channel ?? pb.Channel.CHANNEL_UNSPECIFIED;
    const symbol = request.symbol ?? '';
    const answer = (): void => {
      connection.respond(requestId, { subscribeResponse: { channel, symbol, subscribed: on } });
    };
    if (channel === pb.Channel.CHANNEL_ORDERS || channel === pb.Channel.CHANNEL_FILLS || channel === pb.Channel.CHANNEL_BALANCES) {
      const who = this.who(connection);
      // The private channels stream the account's data (every order and fill of the account, from
      // every gateway and key, and its balances): read, as authorize.ts says.
      authorizeAccount(who, 'read');
      if (channel === pb.Channel.CHANNEL_ORDERS) connection.orders = on;
      else if (channel === pb.Channel.CHANNEL_FILLS) connection.fills = on;
      else connection.balances = on;
      answer();
      // BALANCES starts with the balances as they are.
      if (on && channel === pb.Channel.CHANNEL_BALANCES) connection.outbound.response(connection.encode({ balanceUpdate: { seq: this.options.service.venue.replica.sequence, balances: balancesView(this.options.service.venue.replica, who.accountId) } }));
      return;
    }
    const instrument = this.instrument(symbol);
    if (channel === pb.Channel.CHANNEL_CANDLES) {
      const interval = request.interval ?? pb.CandleInterval.CANDLE_INTERVAL_UNSPECIFIED;
      const minutes = interval === pb.CandleInterval.CANDLE_INTERVAL_UNSPECIFIED ? 1 : CANDLE_INTERVAL.fromPb(interval);
      if (minutes === undefined) throw new VenueError(ResultCode.INVALID_REQUEST, `unknown candle interval ${String(interval)}`);
      const intervals = connection.candles.get(instrument.id) ?? new Map<number, number>();
      if (!on) intervals.delete(minutes);
      else if (!intervals.has(minutes)) intervals.set(minutes, 0);
      connection.candles.set(instrument.id, intervals);
      answer();
      return;
    }
    const set = channel === pb.Channel.CHANNEL_L1 ? connection.l1 : channel === pb.Channel.CHANNEL_L2 ? connection.l2 : channel === pb.Channel.CHANNEL_L3 ? connection.l3 : channel === pb.Channel.CHANNEL_TRADES ? connection.trades : undefined;
    if (set === undefined) throw new VenueError(ResultCode.INVALID_REQUEST, `unknown channel ${channel}`);
    if (!on) {
      set.delete(instrument.id);
      if (channel === pb.Channel.CHANNEL_L2) connection.outbound.forgetBook(instrument.symbol);
      answer();
      return;
    }
    // The snapshot is encoded before the subscription is taken, so one too large for a frame
    // refuses the subscription instead of leaving it without a starting point.
    let snapshot: Uint8Array | string | undefined;
    if (channel === pb.Channel.CHANNEL_L2 || channel === pb.Channel.CHANNEL_L3) {
      try {
        snapshot = this.marketData.snapshotFrame(connection, instrument, channel === pb.Channel.CHANNEL_L3);
      } catch (error) {
        throw new VenueError(ResultCode.INVALID_REQUEST, `the ${channel === pb.Channel.CHANNEL_L3 ? 'L3' : 'L2'} snapshot of ${symbol} does not fit in one frame (${error instanceof Error ? error.message : String(error)}); try binary frames`);
      }
    }
    set.add(instrument.id);
    // An update still waiting from an earlier subscription predates the snapshot.
    if (channel === pb.Channel.CHANNEL_L2) connection.outbound.forgetBook(instrument.symbol);
    answer();
    if (snapshot !== undefined) connection.outbound.marketFrame(snapshot);
  }

  /** BalanceUpdates for the accounts whose balances or holds the command changed, to their BALANCES subscribers. */
  private publishBalances(outcome: CommandOutcome): void {
    const events = outcome.engine.events;
    const touched = new Set<number>();
    for (let i = 0; i < events.count; i++) {
      switch (events.type(i)) {
        case EventType.TRADE:
          touched.add(events.field(i, Field.MAKER_ACCOUNT));
          touched.add(events.field(i, Field.TAKER_ACCOUNT));
          break;
        case EventType.ACCEPTED:
        case EventType.DONE:
        case EventType.AMENDED:
        case EventType.DECREMENTED:
        case EventType.BALANCE:
          touched.add(events.field(i, Field.ACCOUNT));
          break;
        default:
          break;
      }
    }
    for (const accountId of touched) {
      for (const connection of this.accountConnections(accountId)) {
        if (connection.balances) connection.outbound.response(connection.encode({ balanceUpdate: { seq: outcome.seq, balances: balancesView(outcome.engine, accountId) } }));
      }
    }
  }

  /** The tracker's reports of one durable command, to the owning accounts' connections that asked for them. */
  private publishReports(outcome: CommandOutcome): void {
    if (this.connections.size > 0) {
      for (const report of outcome.reports) if (report.execType !== ExecType.REJECTED) this.report(outcome, report);
    }
    this.publishBalances(outcome);
  }

  private report(outcome: CommandOutcome, report: OrderReport): void {
    const connections = this.accountConnections(report.order.accountId);
    if (connections.size === 0) return;
    const instrument = this.byId.get(report.order.instrumentId);
    if (instrument === undefined) return;
    for (const connection of connections) {
      if (!connection.orders && !(connection.fills && report.execType === ExecType.TRADE)) continue;
      connection.reportSeq++;
      connection.outbound.response(connection.encode({ executionReport: executionReport(outcome.engine, instrument, report, connection.reportSeq) }));
    }
  }
}

export function isWebSocketUpgrade(request: IncomingMessage): boolean {
  return (request.url ?? '').split('?')[0] === '/v1/ws';
}

export { WebSocket };

