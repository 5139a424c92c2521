// `npm run bench -- engine [--json] [--quick]`: throughput, latency and memory of the fast book, with
// nodejs-order-book timed on the same command streams.
//
// Every measurement runs in its own child process (same seeds, so the same streams): V8's
// optimisation decisions differ from process to process, by 20–40% on these loops. Within one
// process, runs after the first agree closely, so a median of runs in one process hides that
// spread, and the first run there also pays for tier-up. One run per process, after a full untimed
// warm-up pass, median over processes, shows it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import hdr from 'hdr-histogram-js';
import { OrderBook as PeerBook } from 'nodejs-order-book';
import { Side, place } from '../src/engine/command.js';
import { type BookKind, Engine } from '../src/core/engine.js';
import { BENCH_INSTRUMENT, crossingLimits, exchangeCoreMix, type PeerOp, type Workload } from './engine-workloads.js';
import { type BenchOptions, median, nowNs, requireGc, round } from './report.js';

const RUNS = 5;
const PEER_RUNS_WORKLOAD_2 = 3;

function workloadFor(name: string, quick: boolean): Workload {
  if (name === 'w1') return exchangeCoreMix(quick ? 300_000 : 3_000_000);
  if (name === 'w2') return crossingLimits(quick ? 100_000 : 500_000);
  throw new Error(`unknown workload ${name}`);
}

function newEngine(kind: BookKind, workload: Workload): Engine {
  return new Engine({ instruments: [BENCH_INSTRUMENT], book: kind, capacity: workload.capacity });
}

interface RunResult {
  readonly opsPerSec: number;
  /** Final book, to check that both engines did the same work. */
  readonly orders: number;
  readonly bestBid: number;
  readonly bestAsk: number;
  readonly levels?: number;
}

/** One timed pass of a workload through a fresh engine. */
function runKapita(kind: BookKind, workload: Workload, limit = workload.commands.length): RunResult {
  const engine = newEngine(kind, workload);
  let seq = 0;
  for (const command of workload.prefill) engine.apply(command, ++seq, 0n);
  const commands = workload.commands;
  const timestamp = 1_700_000_000_000_000_000n;
  const start = nowNs();
  for (let i = 0; i < limit; i++) engine.apply(commands[i]!, ++seq, timestamp); // eslint-disable-line @typescript-eslint/no-non-null-assertion
  const seconds = Number(nowNs() - start) / 1e9;
  const book = engine.book(1);
  return {
    opsPerSec: limit / seconds,
    orders: book.orderCount(),
    bestBid: book.bestPriceTicks(Side.BUY),
    bestAsk: book.bestPriceTicks(Side.SELL),
    levels: book.levels(Side.BUY, 1e9).length + book.levels(Side.SELL, 1e9).length,
  };
}

/** nodejs-order-book types sides and time in force as TypeScript enums of these same strings. */
type PeerLimit = Parameters<PeerBook['limit']>[0];

function applyPeer(book: PeerBook, op: PeerOp): void {
  if (op.op === 0 && op.limit !== undefined) book.limit(op.limit as unknown as PeerLimit);
  else if (op.op === 1) book.cancel(op.id);
  else book.modify(op.id, { price: op.price });
}

function runPeer(workload: Workload, limit = workload.peerOps.length): RunResult {
  const book = new PeerBook();
  for (const op of workload.peerPrefill) applyPeer(book, op);
  const ops = workload.peerOps;
  const start = nowNs();
  for (let i = 0; i < limit; i++) applyPeer(book, ops[i]!); // eslint-disable-line @typescript-eslint/no-non-null-assertion
  const seconds = Number(nowNs() - start) / 1e9;
  const snapshot = book.snapshot();
  const bestAsk = snapshot.asks.reduce((best, l) => Math.min(best, l.price), Number.MAX_SAFE_INTEGER);
  return {
    opsPerSec: limit / seconds,
    orders: snapshot.bids.reduce((n, l) => n + l.orders.length, 0) + snapshot.asks.reduce((n, l) => n + l.orders.length, 0),
    bestBid: snapshot.bids.reduce((best, l) => Math.max(best, l.price), 0),
    bestAsk: bestAsk === Number.MAX_SAFE_INTEGER ? 0 : bestAsk,
  };
}

function latency(workload: Workload): Record<string, number> {
  const histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 10_000_000_000, numberOfSignificantValueDigits: 3 });
  const engine = newEngine('fast', workload);
  let seq = 0;
  for (const command of workload.prefill) engine.apply(command, ++seq, 0n);
  const timestamp = 1n;
  for (const command of workload.commands) {
    const t0 = performance.now();
    engine.apply(command, ++seq, timestamp);
    const t1 = performance.now();
    histogram.recordValue(Math.max(1, Math.round((t1 - t0) * 1e6)));
  }
  // What two back-to-back clock reads cost, measured the same way: it is inside every sample above.
  const overhead: number[] = [];
  for (let i = 0; i < 100_000; i++) {
    const t0 = performance.now();
    const t1 = performance.now();
    overhead.push((t1 - t0) * 1e6);
  }
  return {
    p50: histogram.getValueAtPercentile(50),
    p99: histogram.getValueAtPercentile(99),
    p999: histogram.getValueAtPercentile(99.9),
    max: histogram.maxValue,
    timerOverheadNs: round(median(overhead), 0),
  };
}

function heapBytes(): number {
  const gc = requireGc();
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** Heap (JS heap + typed-array backing stores) per resting order with `orders` resting. */
function memory(orders: number): Record<string, number> {
  const levels = 65_536;
  const before = heapBytes();
  const engine = new Engine({ instruments: [BENCH_INSTRUMENT], book: 'fast', capacity: { maxOrders: orders, maxLevels: levels } });
  // One command object, rewritten each time: the engine keeps nothing of it.
  const command = place({ instrumentId: 1, accountId: 1, side: Side.BUY, priceTicks: 1, quantityLots: 1 });
  for (let i = 0; i < orders; i++) {
    const buy = i % 2 === 0;
    command.side = buy ? Side.BUY : Side.SELL;
    command.priceTicks = buy ? 4_000_000 - (i % 30_000) : 6_000_000 + (i % 30_000);
    command.accountId = 1 + (i % 1000);
    engine.apply(command, i + 1, 0n);
  }
  if (engine.book(1).orderCount() !== orders) throw new Error('memory benchmark: not every order rests');
  const after = heapBytes();
  const preallocated = (engine.book(1) as unknown as { preallocatedBytes: number }).preallocatedBytes;

  const peerBefore = heapBytes();
  const peer = new PeerBook();
  for (let i = 0; i < orders; i++) {
    const buy = i % 2 === 0;
    const limit = { side: buy ? 'buy' : 'sell', id: String(i + 1), size: 1, price: buy ? 4_000_000 - (i % 30_000) : 6_000_000 + (i % 30_000) };
    peer.limit(limit as unknown as PeerLimit);
  }
  const peerAfter = heapBytes();
  // Keep both books reachable until measured.
  if (peer.snapshot().bids.length === 0 || engine.book(1).orderCount() === 0) throw new Error('unreachable');
  return {
    bytesPerRestingOrder: round((after - before) / orders, 1),
    preallocatedBytesPerOrder: round(preallocated / orders, 1),
    peerBytesPerRestingOrder: round((peerAfter - peerBefore) / orders, 1),
  };
}

/** What one child process measures: `engine:w1`, `peer:w2`, `naive:w1`, `latency:w1`, `memory`. */
export function engineChild(spec: string, quick: boolean): Record<string, unknown> {
  const [what = '', workloadName = ''] = spec.split(':');
  if (what === 'memory') return memory(1_000_000);
  const workload = workloadFor(workloadName, quick);
  switch (what) {
    case 'fast':
      runKapita('fast', workload); // untimed warm-up pass over the whole stream
      return { ...runKapita('fast', workload) };
    case 'naive':
      // The reference book is only for context: a prefix is enough.
      return { ...runKapita('naive', workload, Math.min(100_000, workload.commands.length)) };
    case 'peer':
      runPeer(workload, Math.min(workload.peerOps.length, 100_000));
      return { ...runPeer(workload) };
    case 'latency':
      runKapita('fast', workload);
      return latency(workload);
    default:
      throw new Error(`unknown engine benchmark child ${spec}`);
  }
}

function child(spec: string, options: BenchOptions): Record<string, number> {
  const script = fileURLToPath(new URL('./main.js', import.meta.url));
  const args = ['--expose-gc', script, 'engine', `--child=${spec}`, ...(options.quick ? ['--quick'] : [])];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`benchmark child ${spec} failed (${result.status ?? result.signal ?? '?'}):\n${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, number>;
}

function agree(ours: Record<string, number>, peer: Record<string, number>): boolean {
  return ours['orders'] === peer['orders'] && ours['bestBid'] === peer['bestBid'] && ours['bestAsk'] === peer['bestAsk'];
}

function ops(results: readonly Record<string, number>[]): number[] {
  return results.map((r) => r['opsPerSec'] ?? Number.NaN);
}

export function engineBenchmark(options: BenchOptions): Record<string, unknown> {
  const log = options.json ? (): void => undefined : (line: string): void => console.log(line);
  const series = (label: string, spec: string, count: number): Record<string, number>[] => {
    const results: Record<string, number>[] = [];
    for (let i = 0; i < count; i++) {
      const result = child(spec, options);
      results.push(result);
      log(`  ${label} process ${i + 1}/${count}: ${round((result['opsPerSec'] ?? 0) / 1e6, 3)}M ops/s`);
    }
    return results;
  };
  log('workload 1 (exchange-core mix), one process per run');
  const w1 = series('fast book', 'fast:w1', RUNS);
  const peer1 = series('nodejs-order-book', 'peer:w1', 1);
  const naive1 = series('naive book (first 100k)', 'naive:w1', 1);
  log('workload 2 (crossing limits)');
  const w2 = series('fast book', 'fast:w2', RUNS);
  const peer2 = series('nodejs-order-book', 'peer:w2', PEER_RUNS_WORKLOAD_2);
  log('latency per command (workload 1, fast book)');
  const lat = child('latency:w1', options);
  log('memory at 1M resting orders');
  const mem = child('memory', options);

  const opsPerSec = median(ops(w1));
  const peerOpsPerSec = median(ops(peer1));
  const w2Ops = median(ops(w2));
  const peer2Ops = median(ops(peer2));
  const last1 = w1[w1.length - 1] ?? {};
  const last2 = w2[w2.length - 1] ?? {};
  return {
    benchmark: 'engine',
    opsPerSec: round(opsPerSec, 0),
    opsPerSecRuns: ops(w1).map((v) => round(v, 0)),
    peerOpsPerSec: round(peerOpsPerSec, 0),
    ratioVsPeer: { workload1: round(opsPerSec / peerOpsPerSec, 1), workload2: round(w2Ops / peer2Ops, 1) },
    workload1: {
      commands: options.quick ? 300_000 : 3_000_000,
      restingOrdersAtEnd: last1['orders'],
      priceLevelsAtEnd: last1['levels'],
      peerBookAgrees: peer1[0] !== undefined && agree(last1, peer1[0]),
      naiveOpsPerSecFirst100k: round(median(ops(naive1)), 0),
    },
    workload2: {
      commands: options.quick ? 100_000 : 500_000,
      opsPerSec: round(w2Ops, 0),
      opsPerSecRuns: ops(w2).map((v) => round(v, 0)),
      peerOpsPerSec: round(peer2Ops, 0),
      peerOpsPerSecRuns: ops(peer2).map((v) => round(v, 0)),
      restingOrdersAtEnd: last2['orders'],
      peerBookAgrees: peer2[0] !== undefined && agree(last2, peer2[0]),
    },
    latencyNs: lat,
    ...mem,
    targets: { opsPerSec: 5_000_000, ratioVsPeer: 20, bytesPerRestingOrder: 200 },
    node: process.version,
  };
}
