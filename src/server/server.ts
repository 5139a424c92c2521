// `kapita start`: the whole venue in one process, wired here and nowhere else. The durable pipeline
// and its read replica (src/venue/venue.ts), the venue service every gateway goes through
// (src/venue/service.ts), the consumers of durable commands in their fixed order (src/venue/dispatch.ts),
// and the gateways: REST and WebSocket on one port (src/gateway/rest, src/gateway/ws), FIX on its own
// (src/gateway/fix). This file only builds and connects them.
import { mkdirSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { httpStatusOf } from '../domain/code-answers.js';
import { defineInstrument } from '../domain/instrument.js';
import { ResultCode } from '../domain/result-codes.js';
import { KeyStore, TokenService } from '../auth/auth.js';
import { EdgeGuard, type EdgeRefusal } from '../security/edge.js';
import { SessionStore } from '../auth/sessions.js';
import { ensureTls, tlsServerOptions } from '../security/tls.js';
import { UserStore } from '../auth/users.js';
import { registerIdentityRoutes } from '../gateway/rest/identity-routes.js';
import { restApp } from '../gateway/rest/app.js';
import { type RestContext, restContext } from '../gateway/rest/context.js';
import { registerPublicRoutes } from '../gateway/rest/public-routes.js';
import { registerAdminRoutes } from '../gateway/rest/admin-routes.js';
import { registerTradingRoutes, type RestTrading, restTrading } from '../gateway/rest/trading-routes.js';
import { apiError } from '../gateway/rest/views.js';
import { coreConfig, parseVenueConfig, type VenueConfig } from './venue-config.js';
import { isWebSocketUpgrade, WebSocketGateway } from '../gateway/ws/ws-gateway.js';
import { type FixGateway, startFixGateway } from '../gateway/fix/fix-gateway.js';
import { defaultDictionaryPaths } from '../fix/dictionary.js';
import { Venue } from '../venue/venue.js';
import { VenueService } from '../venue/service.js';
import { Metrics, serveMetricsOnLoopback } from './metrics.js';
import { Candles } from '../marketdata/candles.js';
import { History } from '../marketdata/history.js';

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


export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { dataDir } = options;
  // The same checks as a config file gets, so that a bad embedded or programmatic config fails here, naming the field.
  const config = parseVenueConfig(options.config);
  const say = options.say ?? ((line: string) => process.stdout.write(`${line}\n`));
  mkdirSync(dataDir, { recursive: true });
  const now = options.now ?? Date.now;
  const identity = await openIdentity(dataDir, now, say);
  const { keys, sessions, tokens } = identity;
  const tls = config.server.plaintext ? undefined : await ensureTls(dataDir, { ...(config.server.tls === 'auto' ? {} : { files: config.server.tls }), hostnames: [config.server.host, ...config.server.hostnames], now: new Date(now()) });
  if (tls?.created === true) say(`first start: TLS certificate authority written to ${tls.caPath ?? '?'}; clients trust it to connect`);
  const venue = await Venue.start({ dataDir, config: coreConfig(config), policy: config.durability, snapshotIntervalMs: config.snapshotIntervalMs, warn: (m) => say(`warning: ${m}`) });
  const instruments = config.instruments.map(defineInstrument);
  const history = new History();
  const candles = new Candles();
  const metrics = new Metrics(venue);
  // No FIX listener, nothing to reserve for it.
  const edge = new EdgeGuard(config.fix === null ? { ...config.edge, fixReservedConnections: 0 } : config.edge, now, (limit) => metrics.edgeRefused.inc({ limit }));
  metrics.watchEdge(edge);
  const service = new VenueService({ venue, instruments, history, admitOrder: (accountId) => { edge.order(accountId); }, observeCommand: (command, seconds) => { metrics.commandSeconds.observe({ kind: metrics.kindName(command.kind) }, seconds); } });
  // The consumers of every durable command, in the stages of dispatch.ts (the gateways add theirs).
  venue.dispatch.on('marketData', 'candles', (outcome) => { candles.observe(outcome); });
  venue.dispatch.on('history', 'trades, fills and closed orders', (outcome) => { history.observe(outcome); });
  venue.dispatch.on('metrics', 'metrics', (outcome, command) => { metrics.observe(outcome, command.kind); });

  const app = await restApp({ log: options.log === true, limits: config.edge, edge, https: tls === undefined ? undefined : tlsServerOptions(tls), observe: (method, route, status, seconds) => { metrics.httpSeconds.observe({ method, route, status: String(status) }, seconds); } });
  const assets = new Map((venue.replica.risk?.tables.assets ?? []).map((a) => [a.name, a]));
  const ctx = restContext({ service, tokens, keys, edge, history, candles, assets, now });
  const trading = registerRest(app, ctx, identity, { config, edge, metrics, now });
  const gateway = new WebSocketGateway({ service, tokens, edge, candles, now, idleTimeoutMs: config.edge.idleTimeoutMs });
  acceptWebSockets(app, edge, gateway);
  closeOnRevocation(identity, gateway);
  const rotation = await rotateSigningKeys(config, tokens, say);
  const fix = await startFix({ config, dataDir, tls, keys, venue, instruments, trading, history, now, say, edge, metrics });
  const listening = await listen(app, config, tls, metrics, say, dataDir);
  let stopping: Promise<void> | undefined;
  return {
    ...identity,
    url: listening.url,
    port: listening.port,
    ca: tls?.ca,
    venue,
    edge,
    app,
    gateway,
    fix,
    metricsPort: listening.metricsListener?.port,
    stop: async () => {
      stopping ??= (async () => {
        clearInterval(rotation);
        await listening.metricsListener?.close();
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

interface Identity {
  readonly keys: KeyStore;
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly tokens: TokenService;
}

/** API keys (the first start writes an admin key), users, sessions and the token service over them. */
async function openIdentity(dataDir: string, now: () => number, say: (line: string) => void): Promise<Identity> {
  const { store: keys, createdAdmin } = KeyStore.open(dataDir);
  if (createdAdmin !== undefined) say(`first start: admin API key written to ${createdAdmin} (mode 0600)`);
  const users = UserStore.open(dataDir);
  const sessions = SessionStore.open(dataDir);
  const tokens = await TokenService.open(dataDir, keys, users, sessions, now);
  return { keys, users, sessions, tokens };
}

/** Every REST route: public, trading, admin, identity and the staff-only /metrics. Returns REST's order entry, which FIX shares. */
function registerRest(app: FastifyInstance, ctx: RestContext, identity: Identity, wiring: { config: VenueConfig; edge: EdgeGuard; metrics: Metrics; now: () => number }): RestTrading {
  const { metrics } = wiring;
  // Metrics tell an outsider the venue's load, accounts' activity and refusals: staff only (or the loopback port, config server.metricsPort).
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    await ctx.staff(request, 'risk');
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  const trading = restTrading(ctx);
  const attempt = (method: string, result: string): void => { metrics.authAttempts.inc({ method, result }); };
  registerPublicRoutes(app, ctx, attempt);
  registerTradingRoutes(app, ctx, trading);
  registerAdminRoutes(app, ctx);
  registerIdentityRoutes(app, { ...identity, edge: wiring.edge, security: wiring.config.security, principal: ctx.principal, staff: ctx.staff, accountParam: ctx.accountParam, now: wiring.now, attempt });
  return trading;
}

/** HTTP upgrades to /v1/ws, after the edge's per-address request limit (refused with a coded HTTP answer before the handshake). */
function acceptWebSockets(app: FastifyInstance, edge: EdgeGuard, gateway: WebSocketGateway): void {
  app.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!isWebSocketUpgrade(request)) {
      socket.destroy();
      return;
    }
    const ip = request.socket.remoteAddress ?? 'unknown';
    try {
      edge.request(ip);
    } catch (error) {
      const refusal = error as EdgeRefusal;
      const body = JSON.stringify(apiError(refusal.code, refusal.message));
      socket.end(`HTTP/1.1 ${httpStatusOf(refusal.code)} ${refusal.code === ResultCode.BANNED ? 'Forbidden' : 'Too Many Requests'}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
      return;
    }
    gateway.upgrade(request, socket, head);
  });
}

/** A revoked session or key, or a rotated key, ends the live WebSocket sessions built on it (FIX watches keys itself). */
function closeOnRevocation(identity: Identity, gateway: WebSocketGateway): void {
  identity.sessions.onRevoked((session) => {
    gateway.closeWhere((who) => who.sessionId === session.id, `session ended: ${session.revokedReason ?? 'revoked'}`);
  });
  identity.keys.onRevoked((key) => {
    gateway.closeWhere((who) => who.kind === 'key' && who.subject === key.keyId, key.revokedAt === undefined ? 'API key rotated' : 'API key revoked');
  });
}

/** The token signing key is replaced on schedule: checked once now and then hourly against its age. */
async function rotateSigningKeys(config: VenueConfig, tokens: TokenService, say: (line: string) => void): Promise<NodeJS.Timeout> {
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
  return rotation;
}

interface FixWiring {
  readonly config: VenueConfig;
  readonly dataDir: string;
  readonly tls: Awaited<ReturnType<typeof ensureTls>> | undefined;
  readonly keys: KeyStore;
  readonly venue: Venue;
  readonly instruments: ReturnType<typeof defineInstrument>[];
  readonly trading: RestTrading;
  readonly history: History;
  readonly now: () => number;
  readonly say: (line: string) => void;
  readonly edge: EdgeGuard;
  readonly metrics: Metrics;
}

/** The FIX gateway (config `fix`): its own port, the listener's host and TLS; undefined when the config has none. */
async function startFix(w: FixWiring): Promise<FixGateway | undefined> {
  const { config, tls, say } = w;
  const fixConfig = config.fix;
  if (fixConfig === null) return undefined;
  const fix = await startFixGateway({
    port: fixConfig.port,
    host: config.server.host,
    senderCompId: fixConfig.senderCompId,
    counterparties: fixConfig.sessions,
    ...(tls === undefined ? {} : { tls: { ...tlsServerOptions(tls), handshakeTimeout: config.edge.handshakeTimeoutMs } }),
    storeDir: join(w.dataDir, 'fix'),
    // The venue's policy for FIX too: its sequence numbers, messages and order log are acknowledgements.
    fsync: config.durability === 'fsync',
    dictionary: defaultDictionaryPaths(),
    keys: w.keys,
    venue: w.venue,
    instruments: w.instruments,
    trading: w.trading,
    history: w.history,
    now: w.now,
    warn: (m) => say(`warning: FIX gateway: ${m}`),
    edge: w.edge,
    onAuthAttempt: (result) => w.metrics.authAttempts.inc({ method: 'fix', result }),
  });
  say(`kapita FIX gateway listening on ${config.server.host}:${fix.port} (${tls === undefined ? 'PLAINTEXT on loopback' : 'TLS 1.3 only'}; TargetCompID ${fixConfig.senderCompId})`);
  return fix;
}

/** Listens (REST and WebSocket, then the loopback metrics port if configured) and prints the start-up line. */
async function listen(app: FastifyInstance, config: VenueConfig, tls: FixWiring['tls'], metrics: Metrics, say: (line: string) => void, dataDir: string) {
  await app.listen({ host: config.server.host, port: config.server.port });
  const metricsListener = config.server.metricsPort === null ? undefined : await serveMetricsOnLoopback(metrics.registry, config.server.metricsPort);
  if (metricsListener !== undefined) say(`kapita metrics on http://127.0.0.1:${metricsListener.port}/metrics (loopback only, no token)`);
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.server.port;
  const url = `${tls === undefined ? 'http' : 'https'}://${config.server.host.includes(':') ? `[${config.server.host}]` : config.server.host}:${port}`;
  say(`kapita listening on ${url} (${tls === undefined ? 'PLAINTEXT on loopback, as configured' : 'TLS 1.3 only'}; durability ${config.durability}: ${config.durability === 'fsync' ? 'acknowledged orders survive a power loss' : 'acknowledged orders survive a process crash, but a power loss can lose them'}; data ${join(dataDir)})`);
  return { url, port, metricsListener };
}
