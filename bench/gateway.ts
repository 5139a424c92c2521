// `npm run bench -- gateway [--json] [--quick]`: sustained orders per second through the whole
// server: CONNECTIONS WebSocket clients (one account each, binary frames), each keeping WINDOW
// orders outstanding (pipelined: a new order goes out as each answer comes back), against the venue
// (durability `write`) in a child process of its own. The orders are market IOCs of 0.001 BTC,
// alternating sides, against a maker's 500 BTC resting at each side of the top, so each one trades.
// Orders/s counts answers received during the timed window; the round trip is send → answer.
import { cpus } from 'node:os';
import { type BenchOptions, round } from './report.js';
import {
  authenticate,
  BenchSocket,
  benchConfig,
  createAccount,
  MARKET_BUY,
  MARKET_SELL,
  newHistogram,
  percentilesUs,
  progress,
  seedLiquidity,
  spawnVenue,
  Tally,
  TRADER_DEPOSITS,
} from './venue-process.js';

const CONNECTIONS = 20;
const WINDOW = 16;

export async function gatewayBenchmark(options: BenchOptions): Promise<Record<string, unknown>> {
  const log = progress(options.json);
  const warmupMs = options.quick ? 1_000 : 3_000;
  const durationMs = options.quick ? 3_000 : 15_000;
  log(`venue (durability write) in a child process; ${CONNECTIONS} connections × ${WINDOW} outstanding orders`);
  const venue = await spawnVenue(benchConfig('write'));
  const sockets: BenchSocket[] = [];
  try {
    await seedLiquidity(venue.url, venue.admin);
    for (let i = 0; i < CONNECTIONS; i++) {
      const account = await createAccount(venue.admin, `trader-${i}`, TRADER_DEPOSITS);
      const socket = await BenchSocket.open(venue.url);
      await authenticate(socket, venue.url, account.credentials);
      sockets.push(socket);
    }

    const histogram = newHistogram();
    const tally = new Tally();
    const warmupTally = new Tally();
    let phase: 'warmup' | 'measure' | 'drain' = 'warmup';
    let closedWhileWaiting = 0;
    const sent = new Array<number>(CONNECTIONS).fill(0);
    const pump = (socket: BenchSocket, index: number): void => {
      while (phase !== 'drain' && socket.outstanding < WINDOW && socket.closed === undefined) {
        const n = sent[index] ?? 0;
        sent[index] = n + 1;
        const at = socket.send(n % 2 === 0 ? MARKET_BUY : MARKET_SELL, (envelope, answeredAt) => {
          if (envelope === undefined) {
            closedWhileWaiting++;
            return;
          }
          if (phase === 'measure') {
            histogram.recordValue(Number(answeredAt - at));
            tally.add(envelope);
          } else {
            warmupTally.add(envelope);
          }
          pump(socket, index);
        });
      }
    };
    log(`warm-up ${warmupMs} ms, then ${durationMs} ms timed`);
    sockets.forEach((socket, i) => { pump(socket, i); });
    await new Promise((resolve) => setTimeout(resolve, warmupMs));
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    phase = 'measure';
    await new Promise((resolve) => setTimeout(resolve, durationMs));
    phase = 'drain';
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const clientCpu = process.cpuUsage(cpu);
    const drainDeadline = Date.now() + 10_000;
    while (sockets.some((s) => s.outstanding > 0 && s.closed === undefined) && Date.now() < drainDeadline) await new Promise((resolve) => setTimeout(resolve, 10));
    const answered = histogram.totalCount;
    const closedEarly = sockets.filter((s) => s.closed !== undefined).length;
    for (const socket of sockets) socket.close();
    const stats = await venue.stop();
    return {
      benchmark: 'gateway',
      what: `${CONNECTIONS} WebSocket connections (one account each) × ${WINDOW} pipelined market IOC orders, through the whole server (durability write), client in another process`,
      connections: CONNECTIONS,
      window: WINDOW,
      seconds: round(seconds, 2),
      ordersPerSec: round(answered / seconds, 0),
      answered,
      latencyUs: percentilesUs(histogram),
      ...tally.report(),
      warmupAnswers: warmupTally.filled + warmupTally.unfilled + warmupTally.rejectCount,
      warmupRejects: warmupTally.rejectCount,
      connectionsClosedByServer: closedEarly,
      answersLostToClose: closedWhileWaiting,
      clientCpuPercent: round(((clientCpu.user + clientCpu.system) / 1e6 / seconds) * 100, 0),
      serverCpuMs: stats.cpuMs,
      serverWallMs: stats.wallMs,
      serverStoppedCleanly: stats.clean,
      node: process.version,
      cpus: cpus().length,
    };
  } catch (error) {
    for (const socket of sockets) socket.close();
    await venue.stop().catch(() => undefined);
    throw error;
  }
}
