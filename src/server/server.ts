// `kapita start`: the whole venue in one process. The durable pipeline (core, journaler and
// snapshotter threads) with a read replica (venue.ts), API keys and tokens (auth.ts), and the REST
// API on one port (this file). Errors are {"error":{"code","name","message"}} with the venue's
// numbered codes; decimals cross the API as strings and are converted exactly at this edge.
import { mkdirSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { decimalToUnits } from '../domain/decimal.js';
import { defineInstrument, type Instrument } from '../domain/instrument.js';
import { ResultCode, resultCodeName } from '../domain/result-codes.js';
import { priceToTicks, quantityToLots, ticksToPrice, lotsToQuantity } from '../domain/units.js';
import { amend, cancel, CLIENT_ID_MAX_BYTES, type Command, DEPOSIT_ID_MAX_BYTES, depositAll, MAX_DEPOSIT_ASSETS, massCancel, OrderType, place, type SelfTradePrevention, setHalt, setKillSwitch, setLimit, Side, TimeInForce, validTextId } from '../engine/command.js';
import { ClientOrderStatus } from '../engine/client-ids.js';
import { InvariantViolation } from '../engine/order-book.js';
import { DoneStatus, EventType, Field } from '../engine/event.js';
import { limitKindByName } from '../risk/limits.js';
import { assetUnit } from '../risk/risk-config.js';
import { AuthError, countsAsAuthFailure, KeyStore, type Principal, TokenService } from '../auth/auth.js';
import { EdgeGuard, EdgeRefusal } from '../security/edge.js';
import { authorizeAccount } from '../venue/authorize.js';
import { SessionStore } from '../auth/sessions.js';
import { ensureTls, tlsServerOptions } from '../security/tls.js';
import { UserStore } from '../auth/users.js';
import { registerIdentityRoutes } from '../gateway/rest/identity-routes.js';
import { fail, jsonObject, VenueError } from '../venue/errors.js';
import { coreConfig, parseVenueConfig, type VenueConfig } from './venue-config.js';
import { isWebSocketUpgrade, type Trading, WebSocketGateway } from '../gateway/ws/ws-gateway.js';
import { type FixGateway, startFixGateway } from '../gateway/fix/fix-gateway.js';
import { defaultDictionaryPaths } from '../fix/dictionary.js';
import { type CommandOutcome, Venue } from '../venue/venue.js';
import { Metrics, serveMetricsOnLoopback } from './metrics.js';
import { OPENAPI_INFO, ROUTE_SCHEMAS } from './openapi.js';
import { FILLS_KEPT, History, INTERVALS, MINUTES_KEPT, TRADES_KEPT } from '../marketdata/history.js';
import { accountView, apiError, fillView, openOrder, type OrderResponse, type OrderStatus, placedOrder } from '../gateway/rest/views.js';

export interface ServerOptions {
  readonly dataDir: string;
  readonly config: VenueConfig;
  /** Structured request logs (pino, through fastify); off in tests. */
  readonly log?: boolean;
  readonly say?: (line: string) => void;
  /** The clock for token times (tests move it); the core's clock is the sequencer's. */
  readonly now?: () => number;
}

export interface RunningServer {
  /** https://… (or http://… when the config asks for plaintext on loopback). */
  readonly url: string;
  readonly port: number;
  /** The CA (PEM) a client trusts to reach this server over TLS; undefined in plaintext. */
  readonly ca: string | undefined;
  readonly venue: Venue;
  readonly keys: KeyStore;
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly tokens: TokenService;
  readonly edge: EdgeGuard;
  readonly app: FastifyInstance;
  readonly gateway: WebSocketGateway;
  readonly fix: FixGateway | undefined;
  /** The loopback metrics port (config server.metricsPort), when there is one. */
  readonly metricsPort: number | undefined;
  stop(): Promise<void>;
}


/** An error reply: the status follows the code's band. */
function statusOf(code: ResultCode): number {
  if (code === ResultCode.UNKNOWN_ORDER || code === ResultCode.UNKNOWN_INSTRUMENT) return 404;
  if (code === ResultCode.FORBIDDEN || code === ResultCode.BANNED || code === ResultCode.IP_NOT_ALLOWED) return 403;
  if (code === ResultCode.RATE_LIMITED || code === ResultCode.TOO_MANY_CONNECTIONS) return 429;
  if (code === ResultCode.REQUEST_TOO_LARGE) return 413;
  if (code === ResultCode.DUPLICATE_CLIENT_ORDER_ID || code === ResultCode.CLIENT_ORDER_ID_DONE) return 409;
  if (code >= 4000 && code < 5000) return 401;
  if (code >= 9000) return code === ResultCode.UNAVAILABLE || code === ResultCode.PASSWORD_CHECKS_BUSY ? 503 : 500;
  if (code >= 1000 && code < 2000) return 400;
  return 422;
}

/** A JSON request body: the fields any route reads, all unknown until checked. */
type Body = Record<string, unknown> & { timestamp?: unknown; postOnly?: unknown; deposits?: unknown; value?: unknown; limit?: unknown; on?: unknown };

function text(body: Body, field: string, required: boolean): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return required ? fail(ResultCode.INVALID_REQUEST, `${field} is required`) : undefined;
  if (typeof value !== 'string') fail(ResultCode.INVALID_REQUEST, `${field} must be a string`);
  return value;
}

function bodyOf(request: FastifyRequest): Body {
  return jsonObject(request.body);
}

/** The largest request body the API reads (REQUEST_TOO_LARGE beyond). */
const BODY_LIMIT_BYTES = 64 * 1024;

const ORDER_FIELDS = new Set(['symbol', 'side', 'type', 'price', 'quantity', 'timeInForce', 'postOnly', 'clientOrderId', 'stopPrice', 'displayQuantity', 'selfTradePrevention', 'maxNotional']);
// Maps, not object literals: a lookup by client input must not find "constructor" or "__proto__".
const TYPES: ReadonlyMap<string, number> = new Map([['limit', OrderType.LIMIT], ['market', OrderType.MARKET], ['stop', OrderType.STOP], ['stop_limit', OrderType.STOP_LIMIT]]);
const TIFS: ReadonlyMap<string, number> = new Map([['GTC', TimeInForce.GTC], ['IOC', TimeInForce.IOC], ['FOK', TimeInForce.FOK], ['DAY', TimeInForce.DAY]]);
const STP: ReadonlyMap<string, number> = new Map([['account_default', 0], ['none', 1], ['cancel_newest', 2], ['cancel_oldest', 3], ['cancel_both', 4], ['decrement_and_cancel', 5]]);

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { dataDir } = options;
  // The same checks as a config file gets, so that a bad embedded or programmatic config fails here, naming the field.
  const config = parseVenueConfig(options.config);
  const say = options.say ?? ((line: string) => process.stdout.write(`${line}\n`));
  mkdirSync(dataDir, { recursive: true });
  const now = options.now ?? Date.now;
  const { store: keys, createdAdmin } = KeyStore.open(dataDir);
  if (createdAdmin !== undefined) say(`first start: admin API key written to ${createdAdmin} (mode 0600)`);
  const users = UserStore.open(dataDir);
  const sessions = SessionStore.open(dataDir);
  const tokens = await TokenService.open(dataDir, keys, users, sessions, now);
  const tls = config.server.plaintext ? undefined : await ensureTls(dataDir, { ...(config.server.tls === 'auto' ? {} : { files: config.server.tls }), hostnames: [config.server.host, ...config.server.hostnames], now: new Date(now()) });
  if (tls?.created === true) say(`first start: TLS certificate authority written to ${tls.caPath ?? '?'}; clients trust it to connect`);
  const venue = await Venue.start({ dataDir, config: coreConfig(config), policy: config.durability, snapshotIntervalMs: config.snapshotIntervalMs, warn: (m) => say(`warning: ${m}`) });
  const instruments = config.instruments.map(defineInstrument);
  const bySymbol = new Map(instruments.map((i) => [i.symbol, i]));
  const byId = new Map(instruments.map((i) => [i.id, i]));
  const risk = venue.replica.risk;
  const assets = new Map((risk?.tables.assets ?? []).map((a) => [a.name, a]));
  /**
   * An order's clientOrderId, from the core's own (account, clientOrderId) table (src/engine/client-ids.ts):
   * sequenced, journaled, in snapshots, so retries and reports agree across restarts and gateways.
   */
  const clientOrderIdOf = (orderId: number): string | undefined => venue.replica.clientIds.ofOrder(orderId)?.clientOrderId;
  const history = new History(byId);
  const metrics = new Metrics(venue);
  // No FIX listener, nothing to reserve for it.
  const edge = new EdgeGuard(config.fix === null ? { ...config.edge, fixReservedConnections: 0 } : config.edge, now, (limit) => metrics.edgeRefused.inc({ limit }));
  metrics.watchEdge(edge);
  venue.listen((outcome, command) => {
    history.observe(outcome.engine, outcome.seq, outcome.timestampNs, clientOrderIdOf);
    metrics.observe(outcome, command.kind);
  });

  // forceCloseConnections: a stop does not wait for idle keep-alive clients (in-flight requests still finish).
  // Schemas check shapes and types only, and never coerce or strip: values are the handlers' to refuse, with their codes.
  const limits = config.edge;
  const app = Fastify({
    logger: options.log === true,
    bodyLimit: BODY_LIMIT_BYTES,
    forceCloseConnections: true,
    // A keep-alive connection idle this long is closed; a request must arrive whole within requestTimeout.
    keepAliveTimeout: limits.idleTimeoutMs,
    connectionTimeout: limits.idleTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    ...(tls === undefined ? {} : { https: { ...tlsServerOptions(tls), handshakeTimeout: limits.handshakeTimeoutMs } }),
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false } },
  });
  // Slow headers (slowloris) are cut off after the handshake timeout.
  app.server.headersTimeout = limits.handshakeTimeoutMs;
  // The connection caps act on the TCP connection before any TLS or HTTP: there is no protocol yet to
  // answer in, so a refused connection is closed at once (and counted).
  // The edge releases the connection when the socket closes; a request or upgrade finds it by its
  // socket (edge.connectionOf) to mark it authenticated.
  app.server.on('connection', (socket: Socket) => {
    if (edge.admitSocket(socket, 'public') === undefined) socket.destroy();
  });
  app.addHook('onRequest', (request, _reply, done) => {
    try {
      edge.request(request.ip);
      done();
    } catch (error) {
      done(error as Error);
    }
  });
  // Security headers on every answer. The API answers JSON only: nothing may frame it, sniff it or
  // run script from it, and no answer is cached. The docs page needs its own script and style.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (tls !== undefined) void reply.header('strict-transport-security', 'max-age=31536000');
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('x-frame-options', 'DENY');
    void reply.header('referrer-policy', 'no-referrer');
    void reply.header('cross-origin-resource-policy', 'same-origin');
    if (request.url.startsWith('/docs')) {
      void reply.header('content-security-policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
    } else {
      void reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
      void reply.header('cache-control', 'no-store');
    }
    done(null, payload);
  });
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const schema = ROUTE_SCHEMAS[`${methods[0] ?? ''} ${route.url}`];
    if (schema !== undefined && route.schema === undefined) route.schema = schema;
  });
  await app.register(fastifySwagger, { openapi: OPENAPI_INFO });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof VenueError) return reply.status(statusOf(error.code)).send(apiError(error.code, error.message || undefined));
    if (error instanceof EdgeRefusal) {
      // A banned address loses its keep-alive connections too: new ones are refused at accept.
      if (error.code === ResultCode.BANNED) void reply.header('connection', 'close');
      return reply.status(statusOf(error.code)).send(apiError(error.code, error.message));
    }
    if (error instanceof AuthError) {
      if (countsAsAuthFailure(error.code)) edge.strike(request.ip);
      return reply.status(statusOf(error.code)).send(apiError(error.code, error.message));
    }
    if ((error as { code?: unknown }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      // Answered, not cut: the connection stays open while Node reads and drops the rest of the body
      // (a close now would reset the connection and lose this answer in the client's buffer). The
      // request timeout still bounds how long a client may keep sending.
      return reply.status(413).send(apiError(ResultCode.REQUEST_TOO_LARGE, `the body (${request.headers['content-length'] ?? 'chunked'} bytes) is over the ${BODY_LIMIT_BYTES / 1024} KiB limit`));
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== undefined && status >= 400 && status < 500) return reply.status(400).send(apiError(ResultCode.INVALID_REQUEST, error instanceof Error ? error.message : String(error)));
    app.log.error(error);
    return reply.status(500).send(apiError(ResultCode.INTERNAL_ERROR));
  });
  app.addHook('onResponse', (request, reply, done) => {
    metrics.httpSeconds.observe({ method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });
  app.get('/v1/openapi.json', { schema: { hide: true } }, () => app.swagger());
  // Metrics tell an outsider the venue's load, accounts' activity and refusals: staff only (or the loopback port, config server.metricsPort).
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    await staff(request, 'risk');
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send(apiError(ResultCode.INVALID_REQUEST, `no route ${request.method} ${request.url}`)));

  const principal = async (request: FastifyRequest): Promise<Principal> => {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ') !== true) fail(ResultCode.UNAUTHENTICATED);
    const who = await tokens.verify(header.slice('Bearer '.length), request.ip);
    // A keep-alive connection that has carried a valid token leaves the unauthenticated pool.
    edge.authenticatedSocket(request.raw.socket);
    edge.accountRequest(who.accountId);
    return who;
  };
  /**
   * An account's caller reading its own data. Order entry is not checked here: the trading functions
   * below check it themselves (authorize.ts), for REST, WebSocket and FIX alike.
   */
  const reader = async (request: FastifyRequest): Promise<Principal> => {
    const who = await principal(request);
    authorizeAccount(who, 'read');
    return who;
  };
  /** Venue staff: risk endpoints (limits, kill switch, halt) need risk; accounts, users and deposits need admin. */
  const staff = async (request: FastifyRequest, scope: 'risk' | 'admin'): Promise<Principal> => {
    const who = await principal(request);
    if (!who.scopes.has(scope)) fail(ResultCode.FORBIDDEN, scope === 'admin' ? 'admin endpoints need an admin key or user' : 'risk endpoints need a risk officer or admin');
    return who;
  };
  const instrumentOf = (symbol: string): Instrument => bySymbol.get(symbol) ?? fail(ResultCode.UNKNOWN_INSTRUMENT, `no instrument ${symbol}`);
  const rejected = (code: ResultCode): { status: number; body: unknown } => ({ status: statusOf(code), body: apiError(code) });
  const run = async <T>(command: Command, read: (outcome: CommandOutcome) => T): Promise<T> => {
    if (venue.error !== undefined) fail(ResultCode.UNAVAILABLE);
    const started = process.hrtime.bigint();
    const result = await venue.execute(command, read);
    metrics.commandSeconds.observe({ kind: metrics.kindName(command.kind) }, Number(process.hrtime.bigint() - started) / 1e9);
    return result;
  };
  const firstReject = (): ResultCode | undefined => {
    const events = venue.replica.events;
    return events.count > 0 && events.type(0) === EventType.REJECTED ? (events.field(0, Field.CODE) as ResultCode) : undefined;
  };

  // ---- public ------------------------------------------------------------------------------------

  app.get('/v1/health', () => ({ status: venue.error === undefined ? 'ok' : 'failed', seq: venue.replica.sequence, durableSeq: venue.durableSeq }));

  app.get('/v1/instruments', () =>
    instruments.map((i) => {
      const r = risk?.tables.instruments.find((x) => x.instrument.id === i.id);
      return {
        symbol: i.symbol,
        baseAsset: i.baseAsset,
        quoteAsset: i.quoteAsset,
        tickSize: i.tick.text,
        lotSize: i.lot.text,
        minPrice: ticksToPrice(i, i.minPriceTicks),
        maxPrice: ticksToPrice(i, i.maxPriceTicks),
        minQuantity: lotsToQuantity(i, i.minQuantityLots),
        maxQuantity: lotsToQuantity(i, i.maxQuantityLots),
        matching: i.matching,
        makerFeeBps: r?.makerBps ?? 0,
        takerFeeBps: r?.takerBps ?? 0,
        halted: risk?.isHalted(i.id) ?? false,
      };
    }),
  );

  app.get<{ Params: { symbol: string }; Querystring: { depth?: string } }>('/v1/book/:symbol', (request) => {
    const instrument = instrumentOf(request.params.symbol);
    const depth = request.query.depth === undefined ? 20 : Number(request.query.depth);
    if (!Number.isInteger(depth) || depth < 1 || depth > 1000) fail(ResultCode.INVALID_REQUEST, 'depth must be an integer in 1..1000');
    const book = venue.replica.book(instrument.id);
    const side = (s: number): [string, string][] => book.levels(s, depth).map((l) => [ticksToPrice(instrument, l.priceTicks), lotsToQuantity(instrument, l.displayedLots)]);
    return { symbol: instrument.symbol, seq: venue.replica.sequence, bids: side(Side.BUY), asks: side(Side.SELL) };
  });

  app.get<{ Params: { symbol: string }; Querystring: { limit?: string } }>('/v1/trades/:symbol', (request) => {
    const instrument = instrumentOf(request.params.symbol);
    const limit = request.query.limit === undefined ? 100 : Number(request.query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > TRADES_KEPT) fail(ResultCode.INVALID_REQUEST, `limit must be an integer in 1..${TRADES_KEPT}`);
    return history.recentTrades(instrument.id, limit);
  });

  app.get<{ Params: { symbol: string }; Querystring: { interval?: string; limit?: string } }>('/v1/candles/:symbol', (request) => {
    const instrument = instrumentOf(request.params.symbol);
    const interval = request.query.interval ?? '1m';
    const minutes = INTERVALS.get(interval) ?? fail(ResultCode.INVALID_REQUEST, `interval must be one of ${[...INTERVALS.keys()].join(', ')}`);
    const limit = request.query.limit === undefined ? 500 : Number(request.query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MINUTES_KEPT) fail(ResultCode.INVALID_REQUEST, `limit must be an integer in 1..${MINUTES_KEPT}`);
    return history.candles(instrument, minutes, limit);
  });

  app.post('/v1/auth/token', async (request) => {
    const body = bodyOf(request);
    const timestamp = body.timestamp;
    if (typeof timestamp !== 'number') fail(ResultCode.INVALID_REQUEST, 'timestamp must be a number (ms since the epoch)');
    const keyId = text(body, 'keyId', true) ?? '';
    const nonce = text(body, 'nonce', true) ?? '';
    if (nonce.length < 8 || nonce.length > 64) fail(ResultCode.INVALID_REQUEST, 'nonce must be 8 to 64 characters');
    try {
      const answer = await tokens.token(keyId, timestamp, nonce, text(body, 'signature', true) ?? '', request.ip);
      metrics.authAttempts.inc({ method: 'key', result: 'ok' });
      return answer;
    } catch (error) {
      if (error instanceof AuthError) metrics.authAttempts.inc({ method: 'key', result: resultCodeName(error.code) });
      throw error;
    }
  });

  // ---- trading -----------------------------------------------------------------------------------

  /** Places an order for `who` from REST-shaped fields (decimals as strings); throws VenueError on bad input. */
  const placeOrder = async (who: Principal, body: Body): Promise<{ status: number; body: unknown }> => {
    authorizeAccount(who, 'trade');
    edge.order(who.accountId);
    for (const key of Object.keys(body)) if (!ORDER_FIELDS.has(key)) fail(ResultCode.INVALID_REQUEST, `unknown field ${key}`);
    const clientOrderId = text(body, 'clientOrderId', false);
    if (clientOrderId !== undefined && !validTextId(clientOrderId, CLIENT_ID_MAX_BYTES)) fail(ResultCode.INVALID_CLIENT_ORDER_ID, `clientOrderId must be 1 to ${CLIENT_ID_MAX_BYTES} printable ASCII characters without spaces`);
    const instrument = instrumentOf(text(body, 'symbol', true) ?? '');
    const side = text(body, 'side', true);
    if (side !== 'buy' && side !== 'sell') fail(ResultCode.INVALID_SIDE);
    const type = TYPES.get(text(body, 'type', false) ?? 'limit') ?? fail(ResultCode.INVALID_ORDER_TYPE);
    const tifText = text(body, 'timeInForce', false);
    const tif = tifText === undefined ? (type === OrderType.MARKET ? TimeInForce.IOC : TimeInForce.GTC) : (TIFS.get(tifText) ?? fail(ResultCode.INVALID_TIME_IN_FORCE));
    const convert = (field: string, kind: 'price' | 'quantity'): number => {
      const value = text(body, field, false);
      if (value === undefined) return 0;
      const result = kind === 'price' ? priceToTicks(instrument, value) : quantityToLots(instrument, value);
      return result.ok ? result.value : fail(result.code, `${field} "${value}": ${result.code}`);
    };
    const quantity = convert('quantity', 'quantity');
    if (quantity === 0) fail(ResultCode.QUANTITY_OUT_OF_BOUNDS, 'quantity is required');
    const postOnly = body.postOnly;
    if (postOnly !== undefined && typeof postOnly !== 'boolean') fail(ResultCode.INVALID_REQUEST, 'postOnly must be true or false');
    const stp = STP.get(text(body, 'selfTradePrevention', false) ?? 'account_default') ?? fail(ResultCode.INVALID_SELF_TRADE_PREVENTION);
    let maxNotional = 0;
    const maxText = text(body, 'maxNotional', false);
    if (maxText !== undefined) {
      const quote = assets.get(instrument.quoteAsset);
      const converted = quote === undefined ? undefined : decimalToUnits(maxText, assetUnit(quote), ResultCode.INVALID_MAX_NOTIONAL);
      if (converted?.ok !== true) fail(ResultCode.INVALID_MAX_NOTIONAL, `maxNotional "${maxText}" is not a whole number of ${instrument.quoteAsset} units`);
      maxNotional = converted.value;
    }
    const command = place({
      instrumentId: instrument.id,
      accountId: who.accountId,
      side: side === 'buy' ? Side.BUY : Side.SELL,
      orderType: type as OrderType,
      timeInForce: tif as TimeInForce,
      priceTicks: convert('price', 'price'),
      quantityLots: quantity,
      stopPriceTicks: convert('stopPrice', 'price'),
      displayLots: convert('displayQuantity', 'quantity'),
      postOnly: postOnly === true,
      selfTradePrevention: stp as SelfTradePrevention,
      maxNotional,
      ...(clientOrderId === undefined ? {} : { clientOrderId }),
    });
    return run(command, (outcome) => {
      const result = placedOrder(outcome.engine, instrument, outcome.seq, clientOrderId);
      if (!('rejected' in result)) return { status: 201, body: result };
      if (clientOrderId !== undefined && (result.rejected === ResultCode.DUPLICATE_CLIENT_ORDER_ID || result.rejected === ResultCode.CLIENT_ORDER_ID_DONE)) return retriedPlace(who.accountId, clientOrderId);
      return rejected(result.rejected);
    });
  };

  /**
   * The answer to a place whose clientOrderId the account already used, as the core's table says
   * (the core refused it before any other check: nothing was placed). An open order's id is refused
   * 409 with the order as it stands; a rejected one 409 CLIENT_ORDER_ID_DONE with its first refusal;
   * a closed one gets the order's final state, 200 (nothing was created).
   */
  const retriedPlace = (accountId: number, clientOrderId: string): { status: number; body: unknown } => {
    const entry = venue.replica.clientIds.lookup(accountId, clientOrderId);
    if (entry === undefined) throw new InvariantViolation(`the core refused clientOrderId ${clientOrderId} of account ${accountId} as used, and its table has no entry`);
    const instrument = byId.get(entry.instrumentId);
    // Rejected the first time: said as such (3011, the first refusal nested), not as a fresh refusal:
    // a retry with the same id would meet it again whatever changed (a rate limit, a halt), so the
    // client must know to use a new clientOrderId.
    if (entry.status === ClientOrderStatus.REJECTED) {
      const original = apiError(entry.code as ResultCode).error;
      return { status: statusOf(ResultCode.CLIENT_ORDER_ID_DONE), body: { ...apiError(ResultCode.CLIENT_ORDER_ID_DONE, `clientOrderId ${clientOrderId} was rejected (${original.code} ${original.name}) and nothing was placed; use a new clientOrderId`), original } };
    }
    if (entry.status === ClientOrderStatus.OPEN) {
      const view = instrument === undefined ? undefined : venue.replica.book(instrument.id).order(entry.orderId);
      const order = instrument === undefined || view === undefined ? undefined : openOrder(instrument, view, clientOrderId);
      return { status: statusOf(ResultCode.DUPLICATE_CLIENT_ORDER_ID), body: { ...apiError(ResultCode.DUPLICATE_CLIENT_ORDER_ID, `clientOrderId ${clientOrderId} is open order ${entry.orderId}`), order } };
    }
    // The full view while the history holds it (in memory since start: issue 16 makes it durable), else what the core keeps.
    const status: OrderStatus = entry.status === ClientOrderStatus.FILLED ? 'filled' : entry.status === ClientOrderStatus.EXPIRED ? 'expired' : 'cancelled';
    const kept: Pick<OrderResponse, 'orderId' | 'status'> & Partial<OrderResponse> = { orderId: entry.orderId, clientOrderId, status, ...(instrument === undefined ? {} : { symbol: instrument.symbol, filledQuantity: lotsToQuantity(instrument, entry.filledLots) }) };
    return { status: 200, body: history.closedOrder(accountId, entry.orderId) ?? kept };
  };

  app.post('/v1/orders', async (request, reply: FastifyReply) => {
    const result = await placeOrder(await principal(request), bodyOf(request));
    return reply.status(result.status).send(result.body);
  });

  /** The account's open order with this id, or 404 (another account's order is not revealed). */
  const ownOpenOrder = (who: Principal, orderId: number): { instrument: Instrument; order: OrderResponse } => {
    const found = risk?.openOrder(orderId);
    const instrument = found?.accountId === who.accountId ? byId.get(found.instrumentId) : undefined;
    const view = instrument === undefined ? undefined : venue.replica.book(instrument.id).order(orderId);
    if (instrument === undefined || view?.accountId !== who.accountId) fail(ResultCode.UNKNOWN_ORDER);
    return { instrument, order: openOrder(instrument, view, clientOrderIdOf(orderId)) };
  };

  app.get<{ Params: { id: string } }>('/v1/orders/:id', async (request) => {
    const who = await reader(request);
    const orderId = Number(request.params.id);
    // Open orders from the replica; closed ones from the history kept since start.
    if (risk?.openOrder(orderId)?.accountId === who.accountId) return ownOpenOrder(who, orderId).order;
    return history.closedOrder(who.accountId, orderId) ?? fail(ResultCode.UNKNOWN_ORDER);
  });

  app.get<{ Querystring: { symbol?: string; status?: string } }>('/v1/orders', async (request) => {
    const who = await reader(request);
    const only = request.query.symbol === undefined ? undefined : instrumentOf(request.query.symbol);
    const status = request.query.status ?? 'open';
    if (status === 'closed') return history.closedOrders(who.accountId, only?.symbol);
    if (status !== 'open') fail(ResultCode.INVALID_REQUEST, 'status must be open or closed');
    return (risk?.ordersOf(who.accountId) ?? []).flatMap(([id, instrumentId]) => {
      const instrument = byId.get(instrumentId);
      const view = instrument === undefined || (only !== undefined && only.id !== instrumentId) ? undefined : venue.replica.book(instrumentId).order(id);
      return instrument === undefined || view === undefined ? [] : [openOrder(instrument, view, clientOrderIdOf(id))];
    });
  });

  const cancelOrder = async (who: Principal, orderId: number): Promise<{ orderId: number; status: 'cancelled' }> => {
    authorizeAccount(who, 'trade');
    const { instrument } = ownOpenOrder(who, orderId);
    const result = await run(cancel(instrument.id, who.accountId, orderId), () => firstReject());
    if (result !== undefined) fail(result);
    return { orderId, status: 'cancelled' };
  };

  app.delete<{ Params: { id: string } }>('/v1/orders/:id', async (request) => cancelOrder(await principal(request), Number(request.params.id)));

  const cancelAll = async (who: Principal, symbol: string | undefined, side?: string): Promise<{ cancelled: number[] }> => {
    authorizeAccount(who, 'trade');
    if (side !== undefined && side !== 'buy' && side !== 'sell') fail(ResultCode.INVALID_SIDE, 'side must be buy or sell');
    const instrumentId = symbol === undefined ? 0 : instrumentOf(symbol).id;
    const cancelled = await run(massCancel(who.accountId, instrumentId, side === undefined ? 0 : side === 'buy' ? Side.BUY : Side.SELL), (outcome) => {
      const events = outcome.engine.events;
      const ids: number[] = [];
      for (let i = 0; i < events.count; i++) if (events.type(i) === EventType.DONE) ids.push(events.field(i, Field.ORDER_ID));
      return ids;
    });
    return { cancelled };
  };

  app.delete<{ Querystring: { symbol?: string; side?: string } }>('/v1/orders', async (request) => {
    return cancelAll(await principal(request), request.query.symbol, request.query.side);
  });

  app.get<{ Querystring: { symbol?: string; limit?: string } }>('/v1/fills', async (request) => {
    const who = await reader(request);
    const symbol = request.query.symbol === undefined ? undefined : instrumentOf(request.query.symbol).symbol;
    const limit = request.query.limit === undefined ? 100 : Number(request.query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > FILLS_KEPT) fail(ResultCode.INVALID_REQUEST, `limit must be an integer in 1..${FILLS_KEPT}`);
    return history.accountFills(who.accountId, symbol, limit);
  });

  const amendOrder = async (who: Principal, orderId: number, body: Body): Promise<unknown> => {
    authorizeAccount(who, 'trade');
    edge.order(who.accountId);
    const { instrument } = ownOpenOrder(who, orderId);
    for (const key of Object.keys(body)) if (key !== 'price' && key !== 'quantity') fail(ResultCode.INVALID_REQUEST, `unknown field ${key} (an amend changes price and/or quantity)`);
    const convert = (field: 'price' | 'quantity'): number => {
      const value = text(body, field, false);
      if (value === undefined) return 0;
      const result = field === 'price' ? priceToTicks(instrument, value) : quantityToLots(instrument, value);
      return result.ok ? result.value : fail(result.code, `${field} "${value}"`);
    };
    const change = { priceTicks: convert('price'), quantityLots: convert('quantity') };
    const outcome = await run(amend(instrument.id, who.accountId, orderId, change), (done) => {
      const code = firstReject();
      if (code !== undefined) return { code };
      const events = done.engine.events;
      const fills = [];
      let closed: string | undefined;
      for (let i = 0; i < events.count; i++) {
        const type = events.type(i);
        if (type === EventType.TRADE && (events.field(i, Field.TAKER_ORDER_ID) === orderId || events.field(i, Field.MAKER_ORDER_ID) === orderId)) {
          fills.push(fillView(done.engine, instrument, events, i, events.field(i, Field.MAKER_ORDER_ID) === orderId));
        }
        if (type === EventType.DONE && events.field(i, Field.ORDER_ID) === orderId) closed = events.field(i, Field.STATUS) === DoneStatus.FILLED ? 'filled' : 'cancelled';
      }
      const view = done.engine.book(instrument.id).order(orderId);
      return { order: view === undefined ? { orderId, status: closed ?? 'cancelled', fills } : { ...openOrder(instrument, view, clientOrderIdOf(orderId)), fills } };
    });
    if ('code' in outcome) fail(outcome.code);
    return outcome.order;
  };

  app.patch<{ Params: { id: string } }>('/v1/orders/:id', async (request) => amendOrder(await principal(request), Number(request.params.id), bodyOf(request)));

  app.get('/v1/account', async (request) => {
    const who = await reader(request);
    return accountView(venue.replica, who.accountId);
  });

  // ---- admin ----------------------------------------------------------------------------------------

  /** Every deposit checked (asset, decimal) before any is sequenced: a bad one changes nothing. */
  const parseDeposits = (deposits: unknown): { assetId: number; units: number; text: string }[] => {
    if (typeof deposits !== 'object' || deposits === null || Array.isArray(deposits)) fail(ResultCode.INVALID_REQUEST, 'deposits must be an object of asset → decimal string');
    return Object.entries(deposits as Record<string, unknown>).map(([name, amount]) => {
      const asset = assets.get(name) ?? fail(ResultCode.UNKNOWN_ASSET, `no asset ${name}`);
      if (typeof amount !== 'string') fail(ResultCode.INVALID_REQUEST, `deposit of ${name} must be a decimal string`);
      const units = decimalToUnits(amount, assetUnit(asset), ResultCode.INVALID_AMOUNT);
      if (!units.ok) fail(units.code, `deposit of ${name} "${amount}"`);
      if (units.value <= 0) fail(ResultCode.INVALID_AMOUNT, `deposit of ${name} must be positive`);
      return { assetId: asset.id, units: units.value, text: `${name} ${amount}` };
    });
  };
  /**
   * One command credits every asset or none (the core checks them all before crediting any). With a
   * depositId the core remembers it per account: a retry credits nothing and says which seq applied it.
   */
  const creditAll = async (accountId: number, deposits: { assetId: number; units: number; text: string }[], actor: Principal, depositId?: string): Promise<{ seq: number; replayed: boolean }> => {
    if (deposits.length === 0) return { seq: 0, replayed: false };
    const command = depositAll({ accountId, credits: deposits.map((d) => ({ assetId: d.assetId, amount: d.units })), actorId: actor.actorId, ...(depositId === undefined ? {} : { depositId }) });
    const outcome = await run(command, (done) => {
      const events = done.engine.events;
      const code = firstReject();
      if (code === ResultCode.DEPOSIT_ALREADY_APPLIED) return { seq: events.field(0, Field.ORIGINAL_ID), replayed: true };
      if (code === ResultCode.DEPOSIT_ID_REUSED) return { code, message: `depositId ${depositId ?? ''} was applied at seq ${events.field(0, Field.ORIGINAL_ID)} with other assets or amounts; nothing was credited` };
      return code === undefined ? { seq: done.seq, replayed: false } : { code, message: `deposit of ${deposits.map((d) => d.text).join(', ')}` };
    });
    if ('code' in outcome) fail(outcome.code, outcome.message);
    return outcome;
  };
  /** A deposit body: {"deposits": {asset: amount}, "depositId"?} or, as before, the bare {asset: amount}. */
  const depositRequest = (body: Body): { deposits: { assetId: number; units: number; text: string }[]; depositId: string | undefined } => {
    if (!Object.hasOwn(body, 'deposits')) return { deposits: parseDeposits(body), depositId: undefined };
    for (const key of Object.keys(body)) if (key !== 'deposits' && key !== 'depositId') fail(ResultCode.INVALID_REQUEST, `unknown field ${key}`);
    const depositId = text(body, 'depositId', false);
    if (depositId !== undefined && !validTextId(depositId, DEPOSIT_ID_MAX_BYTES)) fail(ResultCode.INVALID_DEPOSIT_ID, `depositId must be 1 to ${DEPOSIT_ID_MAX_BYTES} printable ASCII characters without spaces`);
    const deposits = parseDeposits(body.deposits);
    if (deposits.length === 0) fail(ResultCode.INVALID_DEPOSIT_ASSETS, 'deposits is empty: a deposit credits 1 to 6 assets');
    return { deposits, depositId };
  };
  /** An account id in a path: decimal digits only, and an account this server has issued. */
  const accountParam = (text: string): number => {
    const id = /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : 0;
    if (id === 0 || !keys.isIssued(id)) fail(ResultCode.INVALID_ACCOUNT, `no account ${text}`);
    return id;
  };

  app.post('/v1/admin/accounts', async (request, reply) => {
    const admin = await staff(request, 'admin');
    const body = bodyOf(request);
    const name = text(body, 'name', true) ?? '';
    const deposits = parseDeposits(body.deposits ?? {});
    // Checked before the account exists (the core would refuse the deposit, after the account and key were made).
    if (deposits.length > MAX_DEPOSIT_ASSETS) fail(ResultCode.INVALID_DEPOSIT_ASSETS, `a deposit credits at most ${MAX_DEPOSIT_ASSETS} assets`);
    const accountId = keys.allocateAccount();
    const key = keys.issue({ accountId, scopes: ['read', 'trade'], name, ipAllowList: [] }, new Date(now()).toISOString());
    await creditAll(accountId, deposits, admin);
    return reply.status(201).send({ accountId, name, keyId: key.keyId, secret: key.secret });
  });

  app.post<{ Params: { id: string } }>('/v1/admin/accounts/:id/deposits', async (request) => {
    const admin = await staff(request, 'admin');
    const accountId = accountParam(request.params.id);
    const { deposits, depositId } = depositRequest(bodyOf(request));
    const { seq, replayed } = await creditAll(accountId, deposits, admin, depositId);
    // A retry (same depositId) credits nothing: it says so and which seq applied the deposit.
    return { ...(accountView(venue.replica, accountId) as object), ...(depositId === undefined ? {} : { depositId, depositSeq: seq, replayed }) };
  });

  app.put<{ Params: { id: string } }>('/v1/admin/accounts/:id/limits', async (request) => {
    await staff(request, 'risk');
    const body = bodyOf(request);
    const kind = limitKindByName(text(body, 'limit', true) ?? '') ?? fail(ResultCode.INVALID_LIMIT, 'unknown limit name');
    const value = body.value;
    if (typeof value !== 'number') fail(ResultCode.INVALID_LIMIT, 'value must be a number (-1 clears)');
    const symbol = text(body, 'symbol', false);
    const accountId = accountParam(request.params.id);
    const code = await run(setLimit({ accountId, instrumentId: symbol === undefined ? 0 : instrumentOf(symbol).id, kind, value }), () => firstReject());
    if (code !== undefined) fail(code);
    return { accountId, limit: body.limit, value, symbol };
  });

  app.post<{ Params: { id: string } }>('/v1/admin/accounts/:id/kill-switch', async (request) => {
    await staff(request, 'risk');
    const on = bodyOf(request).on;
    if (typeof on !== 'boolean') fail(ResultCode.INVALID_FLAG, 'on must be true or false');
    const accountId = accountParam(request.params.id);
    const code = await run(setKillSwitch(accountId, on), () => firstReject());
    if (code !== undefined) fail(code);
    return { accountId, killSwitch: on };
  });

  app.post<{ Params: { symbol: string } }>('/v1/admin/instruments/:symbol/halt', async (request) => {
    await staff(request, 'risk');
    const on = bodyOf(request).on;
    if (typeof on !== 'boolean') fail(ResultCode.INVALID_FLAG, 'on must be true or false');
    const instrument = instrumentOf(request.params.symbol);
    const code = await run(setHalt(instrument.id, on), () => firstReject());
    if (code !== undefined) fail(code);
    return { symbol: instrument.symbol, halted: on };
  });

  registerIdentityRoutes(app, { keys, users, sessions, tokens, edge, security: config.security, principal, staff, accountParam, now, attempt: (method, result) => metrics.authAttempts.inc({ method, result }) });

  const trading: Trading = { placeOrder, cancelOrder, amendOrder, cancelAll };
  const gateway = new WebSocketGateway({ venue, tokens, edge, instruments, trading, clientOrderIdOf, history, now, idleTimeoutMs: limits.idleTimeoutMs });
  app.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!isWebSocketUpgrade(request)) {
      socket.destroy();
      return;
    }
    const ip = request.socket.remoteAddress ?? 'unknown';
    try {
      edge.request(ip);
    } catch (error) {
      // Refused before the handshake: an HTTP answer with the coded error, then close.
      const refusal = error as EdgeRefusal;
      const body = JSON.stringify(apiError(refusal.code, refusal.message));
      socket.end(`HTTP/1.1 ${statusOf(refusal.code)} ${refusal.code === ResultCode.BANNED ? 'Forbidden' : 'Too Many Requests'}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
      return;
    }
    gateway.upgrade(request, socket, head);
  });
  // A revoked session or key, or a rotated key, ends the live WebSocket sessions built on it.
  sessions.onRevoked((session) => {
    gateway.closeWhere((who) => who.sessionId === session.id, `session ended: ${session.revokedReason ?? 'revoked'}`);
  });
  keys.onRevoked((key) => {
    gateway.closeWhere((who) => who.kind === 'key' && who.subject === key.keyId, key.revokedAt === undefined ? 'API key rotated' : 'API key revoked');
  });
  // The signing key is replaced on schedule; checked hourly (and once at start) against its age.
  const rotateEveryMs = config.security.signingKeyRotationHours * 3_600_000;
  const rotateIfDue = async (): Promise<void> => {
    if (rotateEveryMs > 0 && tokens.signingKeyAgeMs() >= rotateEveryMs) say(`token signing key rotated: new kid ${await tokens.rotateSigningKey()}`);
  };
  await rotateIfDue();
  const rotation = setInterval(() => {
    rotateIfDue().catch((error: unknown) => {
      say(`warning: signing key rotation failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  }, 3_600_000);
  rotation.unref();

  // The FIX gateway (config `fix`): its own port, the listener's host and TLS.
  const fixConfig = config.fix;
  const fix =
    fixConfig === null
      ? undefined
      : await startFixGateway({
          port: fixConfig.port,
          host: config.server.host,
          senderCompId: fixConfig.senderCompId,
          counterparties: fixConfig.sessions,
          ...(tls === undefined ? {} : { tls: { ...tlsServerOptions(tls), handshakeTimeout: limits.handshakeTimeoutMs } }),
          storeDir: join(dataDir, 'fix'),
          // The venue's policy for FIX too: its sequence numbers, messages and order log are acknowledgements.
          fsync: config.durability === 'fsync',
          dictionary: defaultDictionaryPaths(),
          keys,
          venue,
          instruments,
          trading,
          history,
          now,
          warn: (m) => say(`warning: FIX gateway: ${m}`),
          edge,
          onAuthAttempt: (result) => metrics.authAttempts.inc({ method: 'fix', result }),
          clientOrderIdOf,
        });
  if (fix !== undefined) say(`kapita FIX gateway listening on ${config.server.host}:${fix.port} (${tls === undefined ? 'PLAINTEXT on loopback' : 'TLS 1.3 only'}; TargetCompID ${fixConfig?.senderCompId ?? ''})`);
  await app.listen({ host: config.server.host, port: config.server.port });
  const metricsListener = config.server.metricsPort === null ? undefined : await serveMetricsOnLoopback(metrics.registry, config.server.metricsPort);
  if (metricsListener !== undefined) say(`kapita metrics on http://127.0.0.1:${metricsListener.port}/metrics (loopback only, no token)`);
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.server.port;
  const url = `${tls === undefined ? 'http' : 'https'}://${config.server.host.includes(':') ? `[${config.server.host}]` : config.server.host}:${port}`;
  say(`kapita listening on ${url} (${tls === undefined ? 'PLAINTEXT on loopback, as configured' : 'TLS 1.3 only'}; durability ${config.durability}: ${config.durability === 'fsync' ? 'acknowledged orders survive a power loss' : 'acknowledged orders survive a process crash, but a power loss can lose them'}; data ${join(dataDir)})`);
  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    ca: tls?.ca,
    venue,
    keys,
    users,
    sessions,
    tokens,
    edge,
    app,
    gateway,
    fix,
    metricsPort: metricsListener?.port,
    stop: async () => {
      stopping ??= (async () => {
        clearInterval(rotation);
        await metricsListener?.close();
        gateway.close();
        await fix?.close();
        await app.close();
        await venue.stop();
        // Answered session changes are on disk already; this closes the journal's file.
        await sessions.close();
      })();
      return stopping;
    },
  };
}
