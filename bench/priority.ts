// `npm run bench -- priority [--json] [--quick]`: does market data slow order traffic? A trader's
// market IOC round trip (send → OrderResponse, one at a time, as in `latency`) is timed on one venue
// (durability `write`, a child process), quiet and under a flood:
//
// - quiet: the trader alone;
// - flood: meanwhile, a load process (another child) holds SUBSCRIBERS WebSocket connections, each
//   subscribed to L2, TRADES and L1 of BTC-USD, and a flooder account that places, cancels and
//   crosses orders on BTC-USD at FLOOD_RATE commands/s (up to FLOOD_WINDOW outstanding). Its resting
//   orders sit 1 to 1,000 ticks behind the maker's top, so every place and cancel changes L2; every
//   fifth command is a market IOC that trades at the top (trade, L2 and L1).
//
// The trader is timed on BTC-USD, the flooded symbol (its own fills then fan out to every subscriber
// too: the headline ratio), and on ETH-USD, which nobody subscribes to (only the flood's cost). The
// subscribers count frames and bytes without decoding them (they read as fast as loopback
// delivers), and record any close: code 4008 is the venue dropping a slow consumer.
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { decodeEnvelope, type EnvelopeInput, encodeEnvelope, pb } from '../src/protocol/wire.js';
import type { Credentials } from '../src/auth/client.js';
import { Random } from './random.js';
import { type BenchOptions, round } from './report.js';
import {
  authenticate,
  BenchSocket,
  benchConfig,
  BTC_USD,
  closedLoop,
  createAccount,
  ETH_USD,
  type Market,
  marketOrders,
  newHistogram,
  type Percentiles,
  percentAbove,
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

const SUBSCRIBERS = 50;
const FLOOD_RATE = 500;
const FLOOD_WINDOW = 64;
const TARGET_RATIO_P99 = 2;
const SLOW_CONSUMER = 4008;
const THIS_FILE = fileURLToPath(import.meta.url);

interface LoadSpec {
  readonly url: string;
  readonly credentials: Credentials;
  readonly subscribers: number;
  readonly rate: number;
  readonly window: number;
}

interface LoadStats {
  readonly floodSeconds: number;
  readonly floodCommands: number;
  readonly floodCommandsPerSec: number;
  readonly floodRejectsByCode: Record<string, number>;
  readonly subscriberFrames: number;
  readonly subscriberFramesPerSec: number;
  readonly subscriberBytesPerSec: number;
  readonly subscribersOpenAtEnd: number;
  readonly subscriberClosesByCode: Record<string, number>;
  readonly slowConsumerReasons: readonly string[];
  readonly cpuMs: number;
}

/** Ticks of 0.01 as a price string. */
function price(ticks: number): string {
  return `${Math.floor(ticks / 100)}.${String(ticks % 100).padStart(2, '0')}`;
}

/** The load child: subscribers and the flooder, until SIGTERM. */
async function loadChild(spec: LoadSpec): Promise<void> {
  await runChild(async () => {
    const wsUrl = `${spec.url.replace(/^http/, 'ws')}/v1/ws`;
    let frames = 0;
    let bytes = 0;
    const closes = new Map<number, number>();
    const reasons: string[] = [];
    const subscribers: WebSocket[] = [];
    for (let i = 0; i < spec.subscribers; i++) {
      const socket = new WebSocket(wsUrl);
      await new Promise<void>((resolve, reject) => {
        socket.once('open', () => { resolve(); });
        socket.once('error', reject);
      });
      // Until subscribed: decode, to see the three answers and the L2 snapshot. Then only count.
      let setup = 0;
      const subscribed = new Promise<void>((resolve, reject) => {
        socket.on('message', (data: Buffer) => {
          frames++;
          bytes += data.length;
          if (setup >= 4) return;
          const envelope = decodeEnvelope(data);
          if (envelope.body === 'error') reject(new Error(`subscribe refused: ${JSON.stringify(envelope.error)}`));
          if (envelope.body === 'subscribeResponse' || envelope.body === 'bookSnapshot') setup++;
          if (setup === 4) resolve();
        });
      });
      socket.on('close', (code: number, reason: Buffer) => {
        closes.set(code, (closes.get(code) ?? 0) + 1);
        if (code === SLOW_CONSUMER && reasons.length < 5) reasons.push(reason.toString('utf8'));
      });
      [pb.Channel.CHANNEL_L2, pb.Channel.CHANNEL_TRADES, pb.Channel.CHANNEL_L1].forEach((channel, n) => {
        socket.send(encodeEnvelope({ requestId: n + 1, subscribe: { channel, symbol: BTC_USD.symbol } }), { binary: true });
      });
      await subscribed;
      subscribers.push(socket);
    }

    const flooder = await BenchSocket.open(spec.url);
    await authenticate(flooder, spec.url, spec.credentials);
    const random = new Random(7);
    const resting: number[] = [];
    const rejects = new Map<number, number>();
    let commands = 0;
    let answers = 0;
    let stopping = false;
    let refreshing = false;
    let lastAuth = performance.now();
    const bidTop = Math.round(Number(BTC_USD.bestBid) * 100);
    const askTop = Math.round(Number(BTC_USD.bestAsk) * 100);
    const next = (): Omit<EnvelopeInput, 'requestId'> => {
      const step = commands % 5;
      const oldest = resting.length > 0 && (step === 2 || step === 3) ? resting.shift() : undefined;
      if (oldest !== undefined) return { cancelOrder: { orderId: oldest } };
      if (step === 4) {
        const buy = commands % 10 === 4;
        return { placeOrder: { symbol: BTC_USD.symbol, side: buy ? pb.Side.SIDE_BUY : pb.Side.SIDE_SELL, type: pb.OrderType.ORDER_TYPE_MARKET, quantity: '0.0001', ...(buy ? { maxNotional: '100.00' } : {}) } };
      }
      const buy = step % 2 === 0;
      const ticks = buy ? bidTop - random.int(1, 1000) : askTop + random.int(1, 1000);
      const quantity = (random.int(1, 50) / 1000).toFixed(4);
      return { placeOrder: { symbol: BTC_USD.symbol, side: buy ? pb.Side.SIDE_BUY : pb.Side.SIDE_SELL, type: pb.OrderType.ORDER_TYPE_LIMIT, price: price(ticks), quantity } };
    };
    const start = performance.now();
    const tick = (): void => {
      if (stopping || refreshing) return;
      if (performance.now() - lastAuth > REAUTH_MS) {
        refreshing = true;
        void authenticate(flooder, spec.url, spec.credentials).then(() => {
          lastAuth = performance.now();
          refreshing = false;
        });
        return;
      }
      const due = ((performance.now() - start) / 1000) * spec.rate;
      while (commands < due && flooder.outstanding < spec.window && flooder.closed === undefined) {
        commands++;
        flooder.send(next(), (envelope) => {
          if (envelope === undefined) return;
          answers++;
          if (envelope.body === 'error') rejects.set(envelope.error.code ?? 0, (rejects.get(envelope.error.code ?? 0) ?? 0) + 1);
          else if (envelope.body === 'orderResponse' && envelope.orderResponse.status === pb.OrderStatus.ORDER_STATUS_NEW) resting.push(envelope.orderResponse.orderId ?? 0);
          tick();
        });
      }
    };
    const timer = setInterval(tick, 1);
    const cpu = process.cpuUsage();
    // Let the flood reach its pace before the trader is timed.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return {
      ready: { subscribers: subscribers.length },
      stop: async () => {
        stopping = true;
        clearInterval(timer);
        const seconds = (performance.now() - start) / 1000;
        const deadline = Date.now() + 10_000;
        while (flooder.outstanding > 0 && flooder.closed === undefined && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
        const open = subscribers.filter((s) => s.readyState === WebSocket.OPEN).length;
        const used = process.cpuUsage(cpu);
        const stats: LoadStats = {
          floodSeconds: round(seconds, 2),
          floodCommands: answers,
          floodCommandsPerSec: round(answers / seconds, 0),
          floodRejectsByCode: Object.fromEntries(rejects),
          subscriberFrames: frames,
          subscriberFramesPerSec: round(frames / seconds, 0),
          subscriberBytesPerSec: round(bytes / seconds, 0),
          subscribersOpenAtEnd: open,
          subscriberClosesByCode: Object.fromEntries(closes),
          slowConsumerReasons: reasons,
          cpuMs: round((used.user + used.system) / 1000, 0),
        };
        flooder.close();
        for (const socket of subscribers) socket.terminate();
        return stats;
      },
    };
  });
}

interface Phase {
  readonly latencyUs: Percentiles;
  readonly over4500UsPercent: number;
  readonly tally: Tally;
}

/** The trader's timed market IOCs on `market`: warm-up, then `samples` round trips. */
async function phase(socket: BenchSocket, market: Market, warmup: number, samples: number, refresh: () => Promise<void>): Promise<Phase> {
  const orders = marketOrders(market);
  const tally = new Tally();
  await closedLoop(socket, warmup, { tally, refresh, orders });
  const histogram = newHistogram();
  await closedLoop(socket, samples, { histogram, tally, refresh, orders });
  return { latencyUs: percentilesUs(histogram), over4500UsPercent: percentAbove(histogram, 4_500_000), tally };
}

function compare(quiet: Phase, flood: Phase): Record<string, unknown> {
  const ratio = round(flood.latencyUs.p99 / quiet.latencyUs.p99, 2);
  return {
    p99QuietUs: quiet.latencyUs.p99,
    p99FloodUs: flood.latencyUs.p99,
    ratioP99FloodVsQuiet: ratio,
    ratioP99Met: ratio <= TARGET_RATIO_P99,
    ratioP50FloodVsQuiet: round(flood.latencyUs.p50 / quiet.latencyUs.p50, 2),
    quiet: { latencyUs: quiet.latencyUs, over4500UsPercent: quiet.over4500UsPercent, ...quiet.tally.report() },
    flood: { latencyUs: flood.latencyUs, over4500UsPercent: flood.over4500UsPercent, ...flood.tally.report() },
  };
}

export async function priorityBenchmark(options: BenchOptions): Promise<Record<string, unknown>> {
  const log = progress(options.json);
  const samples = options.quick ? 3_000 : 20_000;
  const warmup = options.quick ? 1_000 : 5_000;
  log('venue (durability write) in a child process');
  const venue = await spawnVenue(benchConfig('write'));
  try {
    await seedLiquidity(venue.url, venue.admin, [BTC_USD, ETH_USD]);
    const trader = await createAccount(venue.admin, 'trader', TRADER_DEPOSITS);
    const flooder = await createAccount(venue.admin, 'flooder', { USD: '10000000', BTC: '100' });
    const socket = await BenchSocket.open(venue.url);
    const refresh = (): Promise<void> => authenticate(socket, venue.url, trader.credentials);
    await refresh();

    log(`quiet: the trader alone, ${warmup} warm-up + ${samples} market IOCs on BTC-USD, then on ETH-USD`);
    const quietSame = await phase(socket, BTC_USD, warmup, samples, refresh);
    const quietOther = await phase(socket, ETH_USD, warmup, samples, refresh);

    log(`flood: ${SUBSCRIBERS} subscribers of BTC-USD (L2 + TRADES + L1) and a flooder at ${FLOOD_RATE} commands/s on BTC-USD, in a load process`);
    const load = await spawnChild<{ subscribers: number }, LoadStats>(THIS_FILE, ['load', JSON.stringify({ url: venue.url, credentials: flooder.credentials, subscribers: SUBSCRIBERS, rate: FLOOD_RATE, window: FLOOD_WINDOW } satisfies LoadSpec)]);
    let floodSame: Phase;
    let floodOther: Phase;
    let loadStats: LoadStats & { clean: boolean };
    try {
      log(`  the trader on BTC-USD: ${Math.round(warmup / 5)} warm-up + ${samples} market IOCs`);
      floodSame = await phase(socket, BTC_USD, Math.round(warmup / 5), samples, refresh);
      log(`  the trader on ETH-USD: ${Math.round(warmup / 5)} warm-up + ${samples} market IOCs`);
      floodOther = await phase(socket, ETH_USD, Math.round(warmup / 5), samples, refresh);
    } finally {
      loadStats = await load.stop();
    }
    const marketDataSeenByTrader = socket.unsolicited;
    socket.close();
    const stats = await venue.stop();

    const same = compare(quietSame, floodSame);
    return {
      benchmark: 'priority',
      what: `market IOC round trip (send → OrderResponse), quiet vs while a flooder on BTC-USD drives market data to ${SUBSCRIBERS} subscribers of BTC-USD; venue, load and trader in three processes`,
      samples,
      subscribers: SUBSCRIBERS,
      floodTargetPerSec: FLOOD_RATE,
      ratioP99FloodVsQuiet: same['ratioP99FloodVsQuiet'],
      ratioP99Met: same['ratioP99Met'],
      p99QuietUs: same['p99QuietUs'],
      p99FloodUs: same['p99FloodUs'],
      sameSymbol: { trader: BTC_USD.symbol, ...same },
      otherSymbol: { trader: ETH_USD.symbol, ...compare(quietOther, floodOther) },
      load: {
        floodCommandsPerSec: loadStats.floodCommandsPerSec,
        floodCommands: loadStats.floodCommands,
        floodSeconds: loadStats.floodSeconds,
        floodRejectsByCode: loadStats.floodRejectsByCode,
        subscriberFramesPerSec: loadStats.subscriberFramesPerSec,
        subscriberBytesPerSec: loadStats.subscriberBytesPerSec,
        subscriberFrames: loadStats.subscriberFrames,
        subscribersOpenAtEnd: loadStats.subscribersOpenAtEnd,
        slowConsumersDropped: loadStats.subscriberClosesByCode[String(SLOW_CONSUMER)] ?? 0,
        subscriberClosesByCode: loadStats.subscriberClosesByCode,
        slowConsumerReasons: loadStats.slowConsumerReasons,
        loadProcessCpuMs: loadStats.cpuMs,
        stoppedCleanly: loadStats.clean,
      },
      unsolicitedFramesToTrader: marketDataSeenByTrader,
      rejects: [quietSame, quietOther, floodSame, floodOther].reduce((n, p) => n + p.tally.rejectCount, 0),
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
  if (mode === 'load' && arg !== undefined) await loadChild(JSON.parse(arg) as LoadSpec);
  else {
    process.stderr.write('usage: node priority.js load SPEC_JSON\n');
    process.exitCode = 2;
  }
}
