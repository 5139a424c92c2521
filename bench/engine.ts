// `npm run bench -- engine [--json] [--quick]`: throughput, latency and memory of the fast book, with
// nodejs-order-book timed on the same command streams in the same process.
import hdr from 'hdr-histogram-js';
import { OrderBook as PeerBook } from 'nodejs-order-book';
import { Side, place } from '../src/engine/command.js';
import { type BookKind, Engine } from '../src/engine/engine.js';
import { BENCH_INSTRUMENT, crossingLimits, exchangeCoreMix, type PeerOp, type Workload } from './engine-workloads.js';
import { type BenchOptions, median, nowNs, requireGc, round } from './report.js';

function newEngine(kind: BookKind, workload: Workload): Engine {
  return new Engine({ instruments: [BENCH_INSTRUMENT], book: kind, capacity: workload.capacity });
}

/** One timed pass of a workload through a fresh engine; returns commands per second. */
function runKapita(kind: BookKind, workload: Workload, limit = workload.commands.length): { opsPerSec: number; engine: Engine } {
  const engine = newEngine(kind, workload);
  let seq = 0;
  for (const command of workload.prefill) engine.apply(command, ++seq, 0n);
  const commands = workload.commands;
  const timestamp = 1_700_000_000_000_000_000n;
  const start = nowNs();
  for (let i = 0; i < limit; i++) engine.apply(commands[i]!, ++seq, timestamp); // eslint-disable-line @typescript-eslint/no-non-null-assertion
  const seconds = Number(nowNs() - start) / 1e9;
  return { opsPerSec: limit / seconds, engine };
}

/** nodejs-order-book types sides and time in force as TypeScript enums of these same strings. */
type PeerLimit = Parameters<PeerBook['limit']>[0];

function applyPeer(book: PeerBook, op: PeerOp): void {
  if (op.op === 0 && op.limit !== undefined) book.limit(op.limit as unknown as PeerLimit);
  else if (op.op === 1) book.cancel(op.id);
  else book.modify(op.id, { price: op.price });
}

function runPeer(workload: Workload, limit = workload.peerOps.length): { opsPerSec: number; book: PeerBook } {
  const book = new PeerBook();
  for (const op of workload.peerPrefill) applyPeer(book, op);
  const ops = workload.peerOps;
  const start = nowNs();
  for (let i = 0; i < limit; i++) applyPeer(book, ops[i]!); // eslint-disable-line @typescript-eslint/no-non-null-assertion
  const seconds = Number(nowNs() - start) / 1e9;
  return { opsPerSec: limit / seconds, book };
}

/**
 * Untimed warm-up of both engines on the start of a stream, so that timed runs measure optimised
 * code. (Forcing a full GC between runs instead made the next run 40% slower and drift: V8 drops
 * some of its optimisation state in a forced collection, which a long-running engine never sees.)
 */
function warmUp(workload: Workload): void {
  const prefix = Math.min(300_000, workload.commands.length);
  runKapita('fast', workload, prefix);
  runPeer(workload, Math.min(prefix, 100_000));
}

/** Both engines must end with the same book, or the comparison is not of the same work. */
function agree(engine: Engine, peer: PeerBook): boolean {
  const ours = engine.book(1);
  const snapshot = peer.snapshot();
  const peerOrders = snapshot.bids.reduce((n, l) => n + l.orders.length, 0) + snapshot.asks.reduce((n, l) => n + l.orders.length, 0);
  const peerBestBid = snapshot.bids.reduce((best, l) => Math.max(best, l.price), 0);
  const peerBestAsk = snapshot.asks.reduce((best, l) => Math.min(best, l.price), Number.MAX_SAFE_INTEGER);
  return ours.orderCount() === peerOrders && ours.bestPriceTicks(Side.BUY) === peerBestBid && ours.bestPriceTicks(Side.SELL) === (peerBestAsk === Number.MAX_SAFE_INTEGER ? 0 : peerBestAsk);
}

function latency(workload: Workload): { p50: number; p99: number; p999: number; max: number; timerOverheadNs: number } {
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
function memory(orders: number): { bytesPerRestingOrder: number; preallocatedBytesPerOrder: number; peerBytesPerRestingOrder: number } {
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

export function engineBenchmark(options: BenchOptions): Record<string, unknown> {
  const log = options.json ? (): void => undefined : (line: string): void => console.log(line);
  const w1Count = options.quick ? 300_000 : 3_000_000;
  const w2Count = options.quick ? 100_000 : 500_000;
  const runs = 5;
  log(`generating workload 1 (${w1Count} commands) and workload 2 (${w2Count})…`);
  const w1 = exchangeCoreMix(w1Count);
  const w2 = crossingLimits(w2Count);

  // Every fast-book measurement comes first: once the naive book has run, the engine's call sites
  // into a book see two classes, and V8 optimises them less well for the rest of the process.
  warmUp(w1);
  warmUp(w2);
  log('workload 1: fast book');
  const w1Runs: number[] = [];
  let lastEngine: Engine | undefined;
  for (let r = 0; r < runs; r++) {
    const result = runKapita('fast', w1);
    w1Runs.push(result.opsPerSec);
    lastEngine = result.engine;
    log(`  run ${r + 1}: ${round(result.opsPerSec / 1e6, 3)}M ops/s`);
  }
  log('workload 2: fast book');
  const w2Runs: number[] = [];
  let w2Engine: Engine | undefined;
  for (let r = 0; r < runs; r++) {
    const result = runKapita('fast', w2);
    w2Runs.push(result.opsPerSec);
    w2Engine = result.engine;
    log(`  run ${r + 1}: ${round(result.opsPerSec / 1e6, 3)}M ops/s`);
  }
  log('latency per command (workload 1, fast book)');
  const lat = latency(w1);

  const naiveLimit = Math.min(100_000, w1Count);
  const naive = runKapita('naive', w1, naiveLimit);
  log(`workload 1, naive book, first ${naiveLimit} commands: ${round(naive.opsPerSec / 1e6, 3)}M ops/s`);
  log('workload 1: nodejs-order-book (one run over the whole stream)');
  const peer1 = runPeer(w1);
  const w1Agree = lastEngine !== undefined && agree(lastEngine, peer1.book);
  log(`  ${round(peer1.opsPerSec / 1e6, 3)}M ops/s; final books agree: ${w1Agree}`);
  log('workload 2: nodejs-order-book (3 runs)');
  const peer2Runs: number[] = [];
  let peer2Book: PeerBook | undefined;
  for (let r = 0; r < 3; r++) {
    const result = runPeer(w2);
    peer2Runs.push(result.opsPerSec);
    peer2Book = result.book;
    log(`  run ${r + 1}: ${round(result.opsPerSec / 1e6, 3)}M ops/s`);
  }
  const w2Agree = w2Engine !== undefined && peer2Book !== undefined && agree(w2Engine, peer2Book);

  log('memory at 1M resting orders');
  const mem = memory(1_000_000);

  const opsPerSec = median(w1Runs);
  const w2Ops = median(w2Runs);
  const peerOpsPerSec = peer1.opsPerSec;
  const peer2Ops = median(peer2Runs);
  const restingAtEnd = lastEngine?.book(1).orderCount() ?? 0;
  const levelsAtEnd = lastEngine === undefined ? 0 : lastEngine.book(1).levels(Side.BUY, 1e9).length + lastEngine.book(1).levels(Side.SELL, 1e9).length;
  return {
    benchmark: 'engine',
    opsPerSec: round(opsPerSec, 0),
    opsPerSecRuns: w1Runs.map((v) => round(v, 0)),
    peerOpsPerSec: round(peerOpsPerSec, 0),
    ratioVsPeer: { workload1: round(opsPerSec / peerOpsPerSec, 1), workload2: round(w2Ops / peer2Ops, 1) },
    workload1: { commands: w1Count, mix: w1.mix, restingOrdersAtEnd: restingAtEnd, priceLevelsAtEnd: levelsAtEnd, peerBookAgrees: w1Agree, naiveOpsPerSecFirst100k: round(naive.opsPerSec, 0) },
    workload2: { commands: w2Count, opsPerSec: round(w2Ops, 0), opsPerSecRuns: w2Runs.map((v) => round(v, 0)), peerOpsPerSec: round(peer2Ops, 0), peerBookAgrees: w2Agree },
    latencyNs: lat,
    ...mem,
    targets: { opsPerSec: 5_000_000, ratioVsPeer: 20, bytesPerRestingOrder: 200 },
    node: process.version,
  };
}
