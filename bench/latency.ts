// `npm run bench -- latency [--json] [--quick]`: the round trip of a market IOC order over the
// WebSocket API (binary frames, loopback), from the client's send to its OrderResponse. The venue
// answers only when the order is durable, so the round trip includes the journal: once with
// durability `write` and once with `fsync`, each venue in a child process of its own, the client in
// this one. Beside them, in the same run, a bare `ws` echo server in another process, timed by the
// same client code with the same request frame: what any WebSocket round trip between two Node
// processes on this machine costs. And the machine's fdatasync of a 4 KiB append, which bounds what
// `fsync` can add.
//
// The book stays liquid: a maker rests 500 BTC at 64999.99 and 500 BTC at 65000.01 once, and the
// trader alternates market buys and sells of 0.001 BTC, so every order fills at the top and the
// trader's position stays flat. The venue runs DEFAULT_CONFIG (its risk limits included); the two
// bench accounts have their order-rate and open-order limits lifted by the admin API.
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeEnvelope } from '../src/protocol/wire.js';
import { type BenchOptions, round } from './report.js';
import {
  authenticate,
  BenchSocket,
  benchConfig,
  closedLoop,
  createAccount,
  MARKET_BUY,
  newHistogram,
  type Percentiles,
  percentAbove,
  percentilesUs,
  progress,
  seedLiquidity,
  spawnEcho,
  spawnVenue,
  Tally,
  TRADER_DEPOSITS,
} from './venue-process.js';

const TARGETS = { ratioP50VsEcho: 1.5, ratioP99VsEcho: 2.0, fsyncP50OverEchoPlusFdatasyncUs: 50 };

/** Appends 4 KiB and fdatasyncs, `rounds` times (after 20 untimed), in the temp dir the venues' journals use. */
function measureFdatasync(rounds: number): Percentiles {
  const dir = mkdtempSync(join(tmpdir(), 'kapita-bench-fdatasync-'));
  const fd = openSync(join(dir, 'probe'), 'w');
  const block = Buffer.alloc(4096, 0x5a);
  const histogram = newHistogram();
  try {
    for (let i = 0; i < rounds + 20; i++) {
      const start = process.hrtime.bigint();
      writeSync(fd, block);
      fdatasyncSync(fd);
      if (i >= 20) histogram.recordValue(Number(process.hrtime.bigint() - start));
    }
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
  return percentilesUs(histogram);
}

interface Run {
  readonly latencyUs: Percentiles;
  /** % of round trips over 4.5 ms (the responder's 5 ms timed wait shows there; see the report). */
  readonly over4500UsPercent: number;
  readonly tally: Tally;
  readonly responseBytes: number;
  readonly serverCpuMs: number;
  readonly serverWallMs: number;
  readonly stoppedCleanly: boolean;
}

async function measureEcho(warmup: number, samples: number): Promise<Run> {
  const echo = await spawnEcho();
  try {
    const socket = await BenchSocket.open(echo.url);
    const first = await socket.request(MARKET_BUY);
    await closedLoop(socket, warmup);
    const histogram = newHistogram();
    const tally = new Tally();
    await closedLoop(socket, samples, { histogram, tally });
    socket.close();
    const stats = await echo.stop();
    return { latencyUs: percentilesUs(histogram), over4500UsPercent: percentAbove(histogram, 4_500_000), tally, responseBytes: encodeEnvelope(first).length, serverCpuMs: stats.cpuMs, serverWallMs: stats.wallMs, stoppedCleanly: stats.clean };
  } catch (error) {
    await echo.stop().catch(() => undefined);
    throw error;
  }
}

async function measureVenue(policy: 'write' | 'fsync', warmup: number, samples: number): Promise<Run> {
  const venue = await spawnVenue(benchConfig(policy));
  try {
    await seedLiquidity(venue.url, venue.admin);
    const trader = await createAccount(venue.admin, 'trader', TRADER_DEPOSITS);
    const socket = await BenchSocket.open(venue.url);
    const refresh = (): Promise<void> => authenticate(socket, venue.url, trader.credentials);
    await refresh();
    const tally = new Tally();
    const first = await socket.request(MARKET_BUY);
    tally.add(first);
    await closedLoop(socket, warmup, { tally, refresh });
    const histogram = newHistogram();
    await closedLoop(socket, samples, { histogram, tally, refresh });
    socket.close();
    const stats = await venue.stop();
    return { latencyUs: percentilesUs(histogram), over4500UsPercent: percentAbove(histogram, 4_500_000), tally, responseBytes: encodeEnvelope(first).length, serverCpuMs: stats.cpuMs, serverWallMs: stats.wallMs, stoppedCleanly: stats.clean };
  } catch (error) {
    await venue.stop().catch(() => undefined);
    throw error;
  }
}

export async function latencyBenchmark(options: BenchOptions): Promise<Record<string, unknown>> {
  const log = progress(options.json);
  const samples = options.quick ? 10_000 : 100_000;
  const warmup = options.quick ? 2_000 : 10_000;
  log('fdatasync of 4 KiB appends');
  const fdatasync = measureFdatasync(options.quick ? 300 : 3_000);
  log(`bare ws echo server (child process): ${warmup} warm-up + ${samples} round trips`);
  const echo = await measureEcho(warmup, samples);
  log(`venue, durability write (child process): ${warmup} warm-up + ${samples} market IOC orders`);
  const write = await measureVenue('write', warmup, samples);
  log(`venue, durability fsync (child process): ${warmup} warm-up + ${samples} market IOC orders`);
  const fsync = await measureVenue('fsync', warmup, samples);
  log('bare ws echo server again (drift check)');
  const echoAfter = await measureEcho(warmup, samples);

  const e = echo.latencyUs;
  const venueView = (run: Run): Record<string, unknown> => ({
    latencyUs: run.latencyUs,
    over4500UsPercent: run.over4500UsPercent,
    ordersIncludingWarmup: run.tally.filled + run.tally.unfilled + run.tally.rejectCount,
    ...run.tally.report(),
    serverCpuMs: run.serverCpuMs,
    serverWallMs: run.serverWallMs,
    serverStoppedCleanly: run.stoppedCleanly,
  });
  const ratioP50 = round(write.latencyUs.p50 / e.p50, 2);
  const ratioP99 = round(write.latencyUs.p99 / e.p99, 2);
  const fsyncBound = round(e.p50 + TARGETS.fsyncP50OverEchoPlusFdatasyncUs + fdatasync.p50, 1);
  return {
    benchmark: 'latency',
    what: 'market IOC order over WebSocket binary on loopback: client send → OrderResponse decoded (released when durable); client and server in separate processes',
    samples,
    warmup,
    frameBytes: { request: encodeEnvelope({ requestId: samples, ...MARKET_BUY }).length, orderResponse: write.responseBytes, echoResponse: echo.responseBytes },
    echo: { latencyUs: e, over4500UsPercent: echo.over4500UsPercent, serverStoppedCleanly: echo.stoppedCleanly },
    write: { ...venueView(write), ratioP50VsEcho: ratioP50, ratioP99VsEcho: ratioP99, ratioP50Met: ratioP50 <= TARGETS.ratioP50VsEcho, ratioP99Met: ratioP99 <= TARGETS.ratioP99VsEcho },
    fsync: {
      ...venueView(fsync),
      ratioP50VsEcho: round(fsync.latencyUs.p50 / e.p50, 2),
      ratioP99VsEcho: round(fsync.latencyUs.p99 / e.p99, 2),
      fdatasyncUs: fdatasync,
      p50BoundUs: fsyncBound,
      p50BoundIs: 'echo p50 + 50 µs + fdatasync p50',
      p50WithinBound: fsync.latencyUs.p50 <= fsyncBound,
    },
    echoAfter: { latencyUs: echoAfter.latencyUs },
    rejects: write.tally.rejectCount + fsync.tally.rejectCount,
    targets: TARGETS,
    node: process.version,
    cpus: cpus().length,
    tmpdir: tmpdir(),
  };
}
