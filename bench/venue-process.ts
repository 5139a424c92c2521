// Shared pieces of the server benchmarks (latency, priority, gateway).
//
// - The venue, or a bare `ws` echo server, in a child process of its own. The measuring client
//   always runs in another process, as a real trader's client would. Run directly, this file is that
//   child: `node dist/bench/venue-process.js venue CONFIG_JSON` starts `startServer` on the config
//   (port 0, a fresh temp data dir), `node dist/bench/venue-process.js echo` a bare echo server.
// - The child protocol (spawnChild): the child prints one JSON line `{"ready": …}` when it serves;
//   on SIGTERM (or when its stdin closes, that is, when the parent is gone) it stops cleanly, prints
//   `{"stopped": …}` and exits 0. The venue child stops the server (journal flushed, final snapshot)
//   and removes its data dir.
// - A lean WebSocket client (BenchSocket): binary Envelope frames, answers matched by request_id
//   and timestamped where they are decoded.
// - Accounts, liquidity and histograms.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import hdr, { type Histogram } from 'hdr-histogram-js';
import { WebSocket, WebSocketServer } from 'ws';
import { decodeEnvelope, type Envelope, type EnvelopeInput, encodeEnvelope, type kapita, pb } from '../src/protocol/wire.js';
import { type Credentials, RestClient } from '../src/auth/client.js';
import { startServer } from '../src/server/server.js';
import { DEFAULT_EDGE } from '../src/security/edge.js';
import { DEFAULT_CONFIG, type VenueConfig } from '../src/server/venue-config.js';
import { round } from './report.js';

// ---- child processes --------------------------------------------------------------------------------

export interface Child<R, S> {
  readonly ready: R;
  readonly pid: number;
  /** SIGTERM, then the child's `stopped` report; SIGKILL (and `clean: false`) if it takes over 30 s. */
  stop(): Promise<S & { clean: boolean; exitCode: number | null }>;
}

/**
 * Starts `node SCRIPT ARGS…` and waits (up to `timeoutMs`) for its `ready` line. Node options for
 * the child alone come from KAPITA_CHILD_NODE_ARGS (space-separated), e.g. `--cpu-prof
 * --cpu-prof-dir=/tmp/prof` to profile the venue while the bench drives it.
 */
export async function spawnChild<R, S>(script: string, args: readonly string[], timeoutMs = 60_000): Promise<Child<R, S>> {
  const nodeArgs = (process.env['KAPITA_CHILD_NODE_ARGS'] ?? '').split(' ').filter((arg) => arg !== '');
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-8000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => { resolve(code); }));
  let onReady: (ready: R) => void = () => undefined;
  let onStopped: (stopped: S) => void = () => undefined;
  const ready = new Promise<R>((resolve) => (onReady = resolve));
  const stopped = new Promise<S>((resolve) => (onStopped = resolve));
  createInterface({ input: child.stdout ?? process.stdin }).on('line', (line) => {
    let message: { ready?: R; stopped?: S };
    try {
      message = JSON.parse(line) as { ready?: R; stopped?: S };
    } catch {
      return;
    }
    if (message.ready !== undefined) onReady(message.ready);
    if (message.stopped !== undefined) onStopped(message.stopped);
  });
  const failed = (why: string): Error => new Error(`${script} ${args[0] ?? ''}: ${why}\n${stderr}`);
  let timer: NodeJS.Timeout | undefined;
  const value = await Promise.race([
    ready,
    exited.then((code) => Promise.reject(failed(`exited (${code ?? 'signal'}) before it was ready`))),
    new Promise<never>((_resolve, reject) => (timer = setTimeout(() => { child.kill('SIGKILL'); reject(failed('not ready in time')); }, timeoutMs))),
  ]);
  clearTimeout(timer);
  const pid = child.pid ?? 0;
  return {
    ready: value,
    pid,
    stop: async () => {
      child.kill('SIGTERM');
      let killer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'timeout'>((resolve) => (killer = setTimeout(() => { resolve('timeout'); }, 30_000)));
      const report = await Promise.race([stopped, exited.then(() => undefined), deadline]);
      if (report === 'timeout') {
        child.kill('SIGKILL');
        await exited;
        throw failed('did not stop within 30 s after SIGTERM (killed)');
      }
      const exitCode = await exited;
      clearTimeout(killer);
      if (report === undefined) throw failed(`exited (${exitCode ?? 'signal'}) without a stop report`);
      return { ...report, clean: exitCode === 0, exitCode };
    },
  };
}

/** The child side: prints `{"ready"}` once started, and `{"stopped"}` after `stop` on SIGTERM or stdin end. */
export async function runChild(start: () => Promise<{ ready: unknown; stop: () => Promise<unknown> }>): Promise<void> {
  const { ready, stop } = await start();
  let stopping = false;
  const finish = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    const stopped = await stop();
    process.stdout.write(`${JSON.stringify({ stopped })}\n`, () => process.exit(0));
  };
  process.once('SIGTERM', () => void finish());
  process.stdin.on('end', () => void finish());
  process.stdin.resume();
  process.stdout.write(`${JSON.stringify({ ready })}\n`);
}

export interface VenueReady {
  readonly url: string;
  readonly dataDir: string;
  /** The FIX gateway's port when the config has one. */
  readonly fixPort?: number;
}

export interface ProcessStats {
  /** CPU time of the process from ready to stop, ms (user + system, all threads). */
  readonly cpuMs: number;
  readonly wallMs: number;
}

export interface Venue {
  readonly url: string;
  readonly fixPort: number | undefined;
  readonly pid: number;
  /** The admin key's client (the key the server wrote to DATA/admin-key.json). */
  readonly admin: RestClient;
  stop(): Promise<ProcessStats & { clean: boolean }>;
}

const THIS_FILE = fileURLToPath(import.meta.url);

/** The venue on `config` (port 0, temp data dir) in a child process. */
export async function spawnVenue(config: VenueConfig): Promise<Venue> {
  const child = await spawnChild<VenueReady, ProcessStats>(THIS_FILE, ['venue', JSON.stringify({ ...config, server: { ...config.server, host: '127.0.0.1', port: 0 } })]);
  const key = JSON.parse(readFileSync(join(child.ready.dataDir, 'admin-key.json'), 'utf8')) as Credentials;
  return { url: child.ready.url, fixPort: child.ready.fixPort, pid: child.pid, admin: new RestClient(child.ready.url, key), stop: () => child.stop() };
}

/** A bare `ws` echo server (every message sent straight back) in a child process. */
export async function spawnEcho(): Promise<{ url: string; pid: number; stop: () => Promise<ProcessStats & { clean: boolean }> }> {
  const child = await spawnChild<{ url: string }, ProcessStats>(THIS_FILE, ['echo']);
  return { url: child.ready.url, pid: child.pid, stop: () => child.stop() };
}

/** CPU and wall time since `startedAt`. */
function statsSince(cpu: NodeJS.CpuUsage, startedAt: number): ProcessStats {
  const used = process.cpuUsage(cpu);
  return { cpuMs: round((used.user + used.system) / 1000, 0), wallMs: round(performance.now() - startedAt, 0) };
}

async function venueChild(configJson: string): Promise<void> {
  await runChild(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kapita-bench-venue-'));
    const config = JSON.parse(configJson) as VenueConfig;
    const server = await startServer({
      dataDir,
      config,
      say: (line) => {
        if (line.startsWith('warning')) process.stderr.write(`${line}\n`);
      },
    });
    const cpu = process.cpuUsage();
    const startedAt = performance.now();
    return {
      ready: { url: server.url, dataDir, ...(server.fix === undefined ? {} : { fixPort: server.fix.port }) } satisfies VenueReady,
      stop: async () => {
        const stats = statsSince(cpu, startedAt);
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
        return stats;
      },
    };
  });
}

async function echoChild(): Promise<void> {
  await runChild(async () => {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    server.on('connection', (socket) => {
      socket.on('message', (data: Buffer, isBinary: boolean) => {
        socket.send(data, { binary: isBinary });
      });
    });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const cpu = process.cpuUsage();
    const startedAt = performance.now();
    return {
      ready: { url: `http://127.0.0.1:${port}` },
      stop: async () => {
        const stats = statsSince(cpu, startedAt);
        for (const client of server.clients) client.terminate();
        await new Promise<void>((resolve) => { server.close(() => { resolve(); }); });
        return stats;
      },
    };
  });
}

// ---- the client -------------------------------------------------------------------------------------

/** An answer to one request, with the time it was decoded; `undefined` when the connection closed first. */
export type Reply = (envelope: Envelope | undefined, atNs: bigint) => void;

export class BenchSocket {
  closed: { code: number; reason: string } | undefined;
  /** Frames that answer no waiting request (market data, execution reports). */
  unsolicited = 0;
  private nextRequest = 1;
  private readonly waiting = new Map<number, Reply>();

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const envelope = decodeEnvelope(data);
      const at = process.hrtime.bigint();
      const id = envelope.requestId;
      const reply = id === 0 ? undefined : this.waiting.get(id);
      if (reply === undefined) {
        this.unsolicited++;
        return;
      }
      this.waiting.delete(id);
      reply(envelope, at);
    });
    socket.on('close', (code: number, reason: Buffer) => {
      this.closed = { code, reason: reason.toString('utf8') };
      const at = process.hrtime.bigint();
      for (const reply of this.waiting.values()) reply(undefined, at);
      this.waiting.clear();
    });
  }

  /** Connects to `url`'s /v1/ws (an echo server ignores the path), from `localAddress` when given (127.0.0.x). */
  static async open(url: string, localAddress?: string): Promise<BenchSocket> {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/v1/ws`, localAddress === undefined ? {} : { localAddress });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => { resolve(); });
      socket.once('error', reject);
    });
    return new BenchSocket(socket);
  }

  get outstanding(): number {
    return this.waiting.size;
  }

  /** Sends a request; `reply` gets its answer. Returns the send time (taken before encoding). */
  send(message: Request, reply: Reply): bigint {
    const requestId = this.nextRequest++;
    const at = process.hrtime.bigint();
    this.waiting.set(requestId, reply);
    this.socket.send(encodeEnvelope({ requestId, ...message }), { binary: true });
    return at;
  }

  async request(message: Request): Promise<Envelope> {
    return new Promise<Envelope>((resolve, reject) => {
      this.send(message, (envelope) => {
        if (envelope === undefined) reject(new Error(`connection closed (${this.closed?.code ?? '?'} ${this.closed?.reason ?? ''})`));
        else resolve(envelope);
      });
    });
  }

  close(): void {
    this.socket.terminate();
  }
}

/** Authenticates a connection with a fresh token (tokens live 60 s: re-authenticate well before). */
export async function authenticate(socket: BenchSocket, url: string, credentials: Credentials): Promise<void> {
  const token = await new RestClient(url, credentials).authenticate();
  const answer = await socket.request({ authRequest: { token } });
  if (answer.authResponse === null || answer.authResponse === undefined) throw new Error(`AuthRequest refused: ${JSON.stringify(answer.error)}`);
}

/** Re-authenticate this often (tokens live 60 s). */
export const REAUTH_MS = 30_000;

// ---- accounts and the book -----------------------------------------------------------------------------

/** A market the benchmarks trade: the maker's resting top of book and the timed order's size. */
export interface Market {
  readonly symbol: string;
  readonly bestBid: string;
  readonly bestAsk: string;
  /** Resting at each of bestBid and bestAsk, placed once. */
  readonly makerQuantity: string;
  /** The timed market IOC's quantity. */
  readonly orderQuantity: string;
}

/** BTC-USD (tick 0.01, lot 0.0001): 500 BTC at 64999.99 and at 65000.01; orders of 0.001 BTC. */
export const BTC_USD: Market = { symbol: 'BTC-USD', bestBid: '64999.99', bestAsk: '65000.01', makerQuantity: '500', orderQuantity: '0.0010' };
/** ETH-USD (tick 0.05, lot 0.001, pro-rata): 5,000 ETH at 3499.95 and at 3500.05; orders of 0.01 ETH. */
export const ETH_USD: Market = { symbol: 'ETH-USD', bestBid: '3499.95', bestAsk: '3500.05', makerQuantity: '5000', orderQuantity: '0.010' };

/**
 * The default config, in plaintext on loopback port 0 (the latency figures compare with a plaintext
 * ws echo). Its risk limits stay; bench accounts get theirs lifted, and so do the edge's rate limits,
 * which every bench client shares from one address (the flood bench keeps them).
 */
export function benchConfig(durability: 'write' | 'fsync', edge: 'lifted' | 'default' = 'lifted'): VenueConfig {
  const lifted = { ...DEFAULT_EDGE, connectionsPerIp: 100_000, requestsPerSecondPerIp: 1_000_000_000, requestBurstPerIp: 1_000_000_000, requestsPerSecondPerAccount: 1_000_000_000, requestBurstPerAccount: 1_000_000_000, ordersPerSecondPerAccount: 1_000_000_000, orderBurstPerAccount: 1_000_000_000, messagesPerSecondPerConnection: 1_000_000_000, messageBurstPerConnection: 1_000_000_000 };
  return { ...DEFAULT_CONFIG, durability, server: { ...DEFAULT_CONFIG.server, host: '127.0.0.1', port: 0, plaintext: true }, edge: edge === 'lifted' ? lifted : DEFAULT_EDGE, fix: null };
}

export interface Account {
  readonly accountId: number;
  readonly credentials: Credentials;
}

/**
 * A funded account whose per-account order rate and open-order limits are lifted (an account
 * override of 0 = no limit, set through PUT /v1/admin/accounts/{id}/limits): DEFAULT_CONFIG's
 * 1,000 orders/s, burst 2,000 and 1,000 open orders stay the venue default for everyone else.
 */
export async function createAccount(admin: RestClient, name: string, deposits: Record<string, string>): Promise<Account> {
  const reply = await admin.call('POST', '/v1/admin/accounts', { name, deposits });
  if (reply.status !== 201) throw new Error(`account ${name}: ${reply.status} ${JSON.stringify(reply.body)}`);
  const body = reply.body as { accountId: number; keyId: string; secret: string };
  for (const limit of ['orderRate', 'maxOpenOrders']) {
    const set = await admin.call('PUT', `/v1/admin/accounts/${body.accountId}/limits`, { limit, value: 0 });
    if (set.status !== 200) throw new Error(`limit ${limit} of ${name}: ${set.status} ${JSON.stringify(set.body)}`);
  }
  return { accountId: body.accountId, credentials: { keyId: body.keyId, secret: body.secret } };
}

/** A maker account rests each market's makerQuantity at its best bid and ask, once, via REST. */
export async function seedLiquidity(url: string, admin: RestClient, markets: readonly Market[] = [BTC_USD]): Promise<Account> {
  const maker = await createAccount(admin, 'maker', { USD: '60000000', BTC: '600', ETH: '6000' });
  const rest = new RestClient(url, maker.credentials);
  for (const market of markets) {
    for (const [side, price] of [['buy', market.bestBid], ['sell', market.bestAsk]] as const) {
      const reply = await rest.call('POST', '/v1/orders', { symbol: market.symbol, side, type: 'limit', price, quantity: market.makerQuantity });
      if (reply.status !== 201) throw new Error(`maker ${market.symbol} ${side}: ${reply.status} ${JSON.stringify(reply.body)}`);
    }
  }
  return maker;
}

/** A trader funded for a few hundred thousand small round trips (taker fees included). */
export const TRADER_DEPOSITS: Record<string, string> = { USD: '2000000', BTC: '20', ETH: '200' };

export type Request = Omit<EnvelopeInput, 'requestId'>;

/** A market buy (maxNotional 1000 USD) and a market sell of the market's order quantity, both IOC. */
export function marketOrders(market: Market): readonly [Request, Request] {
  const order = (side: kapita.v1.Side): Request => ({
    placeOrder: {
      symbol: market.symbol,
      side,
      type: pb.OrderType.ORDER_TYPE_MARKET,
      timeInForce: pb.TimeInForce.TIME_IN_FORCE_IOC,
      quantity: market.orderQuantity,
      ...(side === pb.Side.SIDE_BUY ? { maxNotional: '1000.00' } : {}),
    },
  });
  return [order(pb.Side.SIDE_BUY), order(pb.Side.SIDE_SELL)];
}

/** The order the benchmarks time by default: market IOCs of 0.001 BTC, alternating sides so the position stays flat. */
export const [MARKET_BUY, MARKET_SELL] = marketOrders(BTC_USD);

/** What the answers to timed orders were. */
export class Tally {
  filled = 0;
  /** Answered with an order that did not fill completely. */
  unfilled = 0;
  /** Answered with an Error, by code. */
  readonly rejects = new Map<number, number>();
  /** Echoes (the echo server's answers). */
  echoed = 0;

  add(envelope: Envelope): void {
    if (envelope.body === 'orderResponse') {
      if (envelope.orderResponse.status === pb.OrderStatus.ORDER_STATUS_FILLED) this.filled++;
      else this.unfilled++;
    } else if (envelope.body === 'error') {
      const code = envelope.error.code ?? 0;
      this.rejects.set(code, (this.rejects.get(code) ?? 0) + 1);
    } else {
      this.echoed++;
    }
  }

  get rejectCount(): number {
    let n = 0;
    for (const count of this.rejects.values()) n += count;
    return n;
  }

  report(): Record<string, unknown> {
    return { filled: this.filled, unfilled: this.unfilled, rejects: this.rejectCount, rejectsByCode: Object.fromEntries(this.rejects) };
  }
}

export interface LoopOptions {
  /** Round trips in ns. */
  readonly histogram?: Histogram;
  readonly tally?: Tally;
  /** Runs between requests every REAUTH_MS, untimed. */
  readonly refresh?: () => Promise<void>;
  /** Buy and sell, alternated; market IOCs of BTC-USD by default. */
  readonly orders?: readonly [Request, Request];
}

/** One request at a time: send, wait for the answer, record the round trip; `count` times. */
export async function closedLoop(socket: BenchSocket, count: number, options: LoopOptions = {}): Promise<void> {
  const { histogram, tally, refresh } = options;
  const [buy, sell] = options.orders ?? [MARKET_BUY, MARKET_SELL];
  let lastRefresh = performance.now();
  for (let i = 0; i < count; i++) {
    if (refresh !== undefined && performance.now() - lastRefresh > REAUTH_MS) {
      await refresh();
      lastRefresh = performance.now();
    }
    await new Promise<void>((resolve, reject) => {
      const sent = socket.send(i % 2 === 0 ? buy : sell, (envelope, at) => {
        if (envelope === undefined) {
          reject(new Error(`connection closed (${socket.closed?.code ?? '?'} ${socket.closed?.reason ?? ''})`));
          return;
        }
        histogram?.recordValue(Number(at - sent));
        tally?.add(envelope);
        resolve();
      });
    });
  }
}

// ---- histograms -------------------------------------------------------------------------------------------

/** Round trips in ns, 1 ns to 100 s, 3 significant digits. */
export function newHistogram(): Histogram {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 100_000_000_000, numberOfSignificantValueDigits: 3 });
}

export interface Percentiles {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
  readonly mean: number;
}

/** A ns histogram's percentiles in µs. */
export function percentilesUs(histogram: Histogram): Percentiles {
  const us = (ns: number): number => round(ns / 1000, 1);
  return {
    count: histogram.totalCount,
    p50: us(histogram.getValueAtPercentile(50)),
    p90: us(histogram.getValueAtPercentile(90)),
    p99: us(histogram.getValueAtPercentile(99)),
    p999: us(histogram.getValueAtPercentile(99.9)),
    max: us(histogram.maxValue),
    mean: us(histogram.mean),
  };
}

/** The share (%) of recorded values above `ns`, found by bisection on the percentile (to 0.001 %). */
export function percentAbove(histogram: Histogram, ns: number): number {
  if (histogram.totalCount === 0 || histogram.maxValue <= ns) return 0;
  let low = 0;
  let high = 100;
  while (high - low > 0.001) {
    const mid = (low + high) / 2;
    if (histogram.getValueAtPercentile(mid) > ns) high = mid;
    else low = mid;
  }
  return round(100 - high, 3);
}

/** Progress lines, unless --json (stdout then holds exactly one JSON object). */
export function progress(json: boolean): (line: string) => void {
  return json ? () => undefined : (line) => { console.log(`  ${line}`); };
}

// ---- entry point of the child ------------------------------------------------------------------------------

if (process.argv[1] === THIS_FILE) {
  const [mode, arg] = process.argv.slice(2);
  if (mode === 'venue' && arg !== undefined) await venueChild(arg);
  else if (mode === 'echo') await echoChild();
  else {
    process.stderr.write('usage: node venue-process.js venue CONFIG_JSON | echo\n');
    process.exitCode = 2;
  }
}
