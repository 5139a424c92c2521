// `npm run bench -- flood [--json] [--quick]`: does the edge keep one abusive client from hurting a
// well-behaved one? A trader (from 127.0.0.1) times market IOC round trips over WebSocket, paced at
// about one a millisecond (under the default per-account order rate), quiet and then while a flood
// process hits the same venue from other loopback addresses:
//
// - at once, each from its own loopback address (127.0.0.2 to .6):
//   - connections: opens TCP connections as fast as they are accepted or refused, holding up to
//     CONNECTIONS of them (the per-address cap is 64);
//   - requests: REQUEST_STREAMS keep-alive streams of GET /v1/book/BTC-USD back to back;
//   - orders: an authenticated WebSocket placing limit orders with ORDER_WINDOW outstanding, as fast
//     as answers come back (the per-account order rate answers RATE_LIMITED past it);
//   - garbage: GARBAGE_SOCKETS WebSockets sending random bytes as fast as they can (each connection's
//     message rate closes them with 4429; they reconnect);
//   - brute force: token requests with bad signatures, back to back (banned after 10 in a minute).
//
// The venue runs the default edge limits (benchConfig(..., 'default')), in plaintext on loopback like
// the other server benchmarks; its resident memory is read from /metrics every 500 ms. The target:
// the trader's p99 under the flood within 2× its quiet p99, and the server's memory bounded.
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { pb } from '../src/protocol/wire.js';
import type { Credentials } from '../src/auth/client.js';
import { requestJson, type RestClient } from '../src/auth/client.js';
import { type BenchOptions, round } from './report.js';
import {
  authenticate,
  BenchSocket,
  benchConfig,
  BTC_USD,
  createAccount,
  marketOrders,
  newHistogram,
  type Percentiles,
  percentilesUs,
  progress,
  REAUTH_MS,
  runChild,
  seedLiquidity,
  spawnChild,
  spawnVenue,
  Tally,
  TRADER_DEPOSITS,
} from './venue-process.js';

const TARGET_RATIO_P99 = 2;
const CONNECTIONS = 400;
const REQUEST_STREAMS = 16;
const ORDER_WINDOW = 64;
const GARBAGE_SOCKETS = 8;
/** Each kind of abuse from its own address, so that each meets its own limit rather than another's. */
const FROM = { connections: '127.0.0.2', requests: '127.0.0.3', orders: '127.0.0.4', garbage: '127.0.0.5', bruteForce: '127.0.0.6' } as const;
const THIS_FILE = fileURLToPath(import.meta.url);

interface FloodSpec {
  readonly url: string;
  readonly credentials: Credentials;
}

interface FloodStats {
  readonly seconds: number;
  readonly connectionsOpened: number;
  readonly connectionsRefusedOrClosed: number;
  readonly requests: number;
  readonly requestsByStatus: Record<string, number>;
  readonly orders: number;
  readonly orderAnswersByCode: Record<string, number>;
  readonly garbageFrames: number;
  readonly garbageClosesByCode: Record<string, number>;
  readonly bruteForceAttempts: number;
  readonly bruteForceByStatus: Record<string, number>;
  readonly cpuMs: number;
}

function bump(map: Map<string, number>, key: string | number): void {
  map.set(String(key), (map.get(String(key)) ?? 0) + 1);
}

/** The flood process: every kind of abuse at once, until SIGTERM. */
async function floodChild(spec: FloodSpec): Promise<void> {
  await runChild(async () => {
    // KAPITA_FLOOD_KINDS=connections,requests,orders,garbage,bruteForce limits the flood (for diagnosis).
    const kinds = new Set((process.env['KAPITA_FLOOD_KINDS'] ?? 'connections,requests,orders,garbage,bruteForce').split(','));
    const target = new URL(spec.url);
    const port = Number(target.port);
    let stopping = false;
    const started = performance.now();
    const cpu = process.cpuUsage();

    // Connections: hold up to CONNECTIONS; each refused or closed one is replaced at once.
    let opened = 0;
    let refused = 0;
    const held = new Set<Socket>();
    const connectOne = (): void => {
      if (stopping || held.size >= CONNECTIONS) return;
      const socket = connect({ host: '127.0.0.1', port, localAddress: FROM.connections });
      held.add(socket);
      socket.on('connect', () => {
        opened++;
      });
      socket.on('error', () => undefined);
      socket.on('close', () => {
        refused++;
        held.delete(socket);
        setImmediate(connectOne);
      });
      setImmediate(connectOne);
    };
    if (kinds.has('connections')) connectOne();

    // Requests: keep-alive streams, each sending its next request when the last is answered.
    let requests = 0;
    const byStatus = new Map<string, number>();
    const agent = new Agent({ keepAlive: true, maxSockets: REQUEST_STREAMS, localAddress: FROM.requests });
    const stream = (): void => {
      if (stopping) return;
      const req = request(`${spec.url}/v1/book/BTC-USD`, { agent }, (res) => {
        res.resume();
        res.on('end', () => {
          requests++;
          bump(byStatus, res.statusCode ?? 0);
          stream();
        });
      });
      req.on('error', () => {
        bump(byStatus, 'error');
        setTimeout(stream, 1);
      });
      req.end();
    };
    if (kinds.has('requests')) for (let i = 0; i < REQUEST_STREAMS; i++) stream();

    // Orders: an authenticated connection with ORDER_WINDOW outstanding.
    let orders = 0;
    const orderAnswers = new Map<string, number>();
    const orderSocket = await BenchSocket.open(spec.url, FROM.orders);
    await authenticate(orderSocket, spec.url, spec.credentials);
    let lastAuth = performance.now();
    const bidTop = Math.round(Number(BTC_USD.bestBid) * 100);
    const placeNext = (): void => {
      while (!stopping && orderSocket.closed === undefined && orderSocket.outstanding < ORDER_WINDOW) {
        orders++;
        const ticks = bidTop - 1 - (orders % 500);
        orderSocket.send({ placeOrder: { symbol: BTC_USD.symbol, side: pb.Side.SIDE_BUY, type: pb.OrderType.ORDER_TYPE_LIMIT, price: `${Math.floor(ticks / 100)}.${String(ticks % 100).padStart(2, '0')}`, quantity: '0.0001' } }, (envelope) => {
          if (envelope === undefined) return;
          bump(orderAnswers, envelope.body === 'error' ? (envelope.error.code ?? 0) : 'ok');
          if (performance.now() - lastAuth > REAUTH_MS) {
            lastAuth = performance.now();
            void authenticate(orderSocket, spec.url, spec.credentials).catch(() => undefined);
          }
          setImmediate(placeNext);
        });
      }
    };
    if (kinds.has('orders')) placeNext();

    // Garbage: random bytes as fast as the socket takes them; reconnect when closed.
    let garbage = 0;
    const garbageCloses = new Map<string, number>();
    const wsUrl = `${spec.url.replace(/^http/, 'ws')}/v1/ws`;
    const garbageSockets = new Set<WebSocket>();
    const garbageSocket = (): void => {
      if (stopping) return;
      const socket = new WebSocket(wsUrl, { localAddress: FROM.garbage });
      garbageSockets.add(socket);
      const junk = randomBytes(64);
      // At most 256 frames a turn, so this process's own event loop keeps turning (a send can flush to
      // the kernel at once, leaving bufferedAmount at 0).
      const pump = (): void => {
        for (let n = 0; n < 256 && !stopping && socket.readyState === WebSocket.OPEN && socket.bufferedAmount < 64 * 1024; n++) {
          junk[0] = garbage & 0xff;
          socket.send(junk, { binary: true });
          garbage++;
        }
        if (stopping || socket.readyState !== WebSocket.OPEN) return;
        if (socket.bufferedAmount < 64 * 1024) setImmediate(pump);
        else setTimeout(pump, 1);
      };
      socket.on('open', pump);
      socket.on('message', () => undefined);
      socket.on('error', () => undefined);
      socket.on('close', (code: number) => {
        garbageSockets.delete(socket);
        bump(garbageCloses, code);
        setTimeout(garbageSocket, 5);
      });
    };
    if (kinds.has('garbage')) for (let i = 0; i < GARBAGE_SOCKETS; i++) garbageSocket();

    // Brute force from another address: bad signatures on the token endpoint.
    let brute = 0;
    const bruteByStatus = new Map<string, number>();
    const bruteOnce = (): void => {
      if (stopping) return;
      const body = JSON.stringify({ keyId: spec.credentials.keyId, timestamp: Date.now(), nonce: randomBytes(8).toString('hex'), signature: '0'.repeat(64) });
      requestJson(`${spec.url}/v1/auth/token`, 'POST', { 'content-type': 'application/json' }, body, { localAddress: FROM.bruteForce })
        .then((reply) => {
          brute++;
          bump(bruteByStatus, reply.status);
        })
        .catch(() => {
          bump(bruteByStatus, 'error');
        })
        .finally(() => setTimeout(bruteOnce, 1));
    };
    if (kinds.has('bruteForce')) bruteOnce();

    // Let the flood reach its pace before the trader is timed.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return {
      ready: {},
      stop: () => {
        stopping = true;
        const seconds = (performance.now() - started) / 1000;
        const used = process.cpuUsage(cpu);
        const stats: FloodStats = {
          seconds: round(seconds, 2),
          connectionsOpened: opened,
          connectionsRefusedOrClosed: refused,
          requests,
          requestsByStatus: Object.fromEntries(byStatus),
          orders,
          orderAnswersByCode: Object.fromEntries(orderAnswers),
          garbageFrames: garbage,
          garbageClosesByCode: Object.fromEntries(garbageCloses),
          bruteForceAttempts: brute,
          bruteForceByStatus: Object.fromEntries(bruteByStatus),
          cpuMs: round((used.user + used.system) / 1000, 0),
        };
        for (const socket of held) socket.destroy();
        for (const socket of garbageSockets) socket.terminate();
        agent.destroy();
        orderSocket.close();
        return Promise.resolve(stats);
      },
    };
  });
}

/** The venue's resident memory from /metrics (prom-client's process metrics; staff only: the admin key reads it), MB. */
async function rssMb(admin: RestClient): Promise<number> {
  const reply = await admin.call('GET', '/metrics');
  const line = String(reply.body).split('\n').find((l) => /^kapita_process_(process_)?resident_memory_bytes /.test(l));
  return line === undefined ? Number.NaN : round(Number(line.split(' ')[1]) / 1e6, 1);
}

interface Phase {
  readonly latencyUs: Percentiles;
  readonly tally: Tally;
  readonly maxRssMb: number;
  readonly memoryReadFailures: number;
}

/** `samples` market IOCs one at a time, each started on the next millisecond; memory read meanwhile. */
async function phase(admin: RestClient, socket: BenchSocket, samples: number, warmup: number, refresh: () => Promise<void>): Promise<Phase> {
  const [buy, sell] = marketOrders(BTC_USD);
  const histogram = newHistogram();
  const tally = new Tally();
  let maxRss = 0;
  let memoryReadFailures = 0;
  const memory = setInterval(() => {
    rssMb(admin).then(
      (mb) => {
        maxRss = Math.max(maxRss, mb);
      },
      (error: unknown) => {
        memoryReadFailures++;
        if (memoryReadFailures === 1) process.stderr.write(`  reading /metrics failed: ${String(error)}\n`);
      },
    );
  }, 500);
  let lastRefresh = performance.now();
  try {
    for (let i = 0; i < warmup + samples; i++) {
      if (performance.now() - lastRefresh > REAUTH_MS) {
        await refresh();
        lastRefresh = performance.now();
      }
      const begin = performance.now();
      await new Promise<void>((resolve, reject) => {
        const sent = socket.send(i % 2 === 0 ? buy : sell, (envelope, at) => {
          if (envelope === undefined) {
            reject(new Error(`the trader's connection closed (${socket.closed?.code ?? '?'} ${socket.closed?.reason ?? ''})`));
            return;
          }
          if (i >= warmup) {
            histogram.recordValue(Number(at - sent));
            tally.add(envelope);
          }
          resolve();
        });
      });
      // Paced: at most one order a millisecond, under the default per-account order rate.
      const left = 1 - (performance.now() - begin);
      if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
    }
  } finally {
    clearInterval(memory);
  }
  maxRss = Math.max(maxRss, await rssMb(admin));
  return { latencyUs: percentilesUs(histogram), tally, maxRssMb: maxRss, memoryReadFailures };
}

export async function floodBenchmark(options: BenchOptions): Promise<Record<string, unknown>> {
  const log = progress(options.json);
  const samples = options.quick ? 2_000 : 10_000;
  const warmup = options.quick ? 500 : 2_000;
  log('venue (durability write, default edge limits) in a child process');
  const venue = await spawnVenue(benchConfig('write', 'default'));
  try {
    await seedLiquidity(venue.url, venue.admin, [BTC_USD]);
    const trader = await createAccount(venue.admin, 'trader', TRADER_DEPOSITS);
    const flooder = await createAccount(venue.admin, 'flooder', { USD: '100000000', BTC: '100' });
    const socket = await BenchSocket.open(venue.url);
    const refresh = (): Promise<void> => authenticate(socket, venue.url, trader.credentials);
    await refresh();
    const rssStartMb = await rssMb(venue.admin);

    log(`quiet: the trader alone, ${warmup} warm-up + ${samples} paced market IOCs`);
    const quiet = await phase(venue.admin, socket, samples, warmup, refresh);
    log(`flood: connections from ${FROM.connections}, requests from ${FROM.requests}, orders from ${FROM.orders}, garbage frames from ${FROM.garbage}, bad signatures from ${FROM.bruteForce}, in a flood process`);
    const flood = await spawnChild<Record<string, never>, FloodStats>(THIS_FILE, ['flood', JSON.stringify({ url: venue.url, credentials: flooder.credentials } satisfies FloodSpec)]);
    let during: Phase;
    let floodStats: FloodStats & { clean: boolean };
    try {
      during = await phase(venue.admin, socket, samples, Math.round(warmup / 4), refresh);
    } finally {
      floodStats = await flood.stop();
    }
    const rssAfterMb = await rssMb(venue.admin);
    socket.close();
    const stats = await venue.stop();
    const ratio = round(during.latencyUs.p99 / quiet.latencyUs.p99, 2);
    return {
      benchmark: 'flood',
      what: 'market IOC round trip (send → OrderResponse, paced ~1/ms) of a well-behaved trader, quiet vs while another client floods connections, requests, orders, garbage frames and bad signatures; venue, flood and trader in three processes',
      samples,
      ratioP99FloodVsQuiet: ratio,
      ratioP99Met: ratio <= TARGET_RATIO_P99,
      p99QuietUs: quiet.latencyUs.p99,
      p99FloodUs: during.latencyUs.p99,
      ratioP50FloodVsQuiet: round(during.latencyUs.p50 / quiet.latencyUs.p50, 2),
      quiet: { latencyUs: quiet.latencyUs, ...quiet.tally.report() },
      flood: { latencyUs: during.latencyUs, ...during.tally.report() },
      serverMemory: { rssStartMb, maxRssQuietMb: quiet.maxRssMb, maxRssFloodMb: during.maxRssMb, rssAfterMb, readFailures: quiet.memoryReadFailures + during.memoryReadFailures },
      flooder: floodStats,
      serverCpuMs: stats.cpuMs,
      serverWallMs: stats.wallMs,
      serverStoppedCleanly: stats.clean,
      targets: { ratioP99FloodVsQuiet: TARGET_RATIO_P99 },
      node: process.version,
      cpus: cpus().length,
    };
  } catch (error) {
    await venue.stop().catch(() => undefined);
    throw error;
  }
}

if (process.argv[1] === THIS_FILE) {
  const [mode, arg] = process.argv.slice(2);
  if (mode === 'flood' && arg !== undefined) await floodChild(JSON.parse(arg) as FloodSpec);
  else {
    process.stderr.write('usage: node flood.js flood SPEC_JSON\n');
    process.exitCode = 2;
  }
}
