// `npm run bench -- risk [--json] [--quick]`: what the pre-trade risk gate (src/risk) costs inside
// the engine, with every limit on (max order quantity and notional, max position, max open orders,
// order rate and burst, drawdown, price band in bps and in ticks) and fees charged, but all set
// generously, and every account funded, so that the gate checks every order and refuses almost none.
//
// How it is measured. The gate cannot be timed on its own: checkPlace()/checkAmend() register holds
// and spend rate tokens, and settle() walks the book's events, so calling them outside apply() would
// change the state the next command sees. So the gate is measured by difference, on identical
// command streams, with the same sequenced timestamps (1 µs apart, so the rate limiter runs on time):
//
// - Per check (nsPerCheckMedian, nsPerCheckP99): a mix over three instruments (different tick and
//   lot sizes, FIFO and pro-rata) and a few hundred accounts, shaped like workload 1 (GTC, IOC,
//   cancel, amend-price). Two engines run it in lock-step in one process, one with the gate and one
//   without; each command's apply() is timed on both (process.hrtime.bigint(), the order of the two
//   alternating from command to command), and the per-command difference gated − ungated is the
//   gate's cost for that command: its check plus settling the command's events, plus begin(). The
//   clock reads are in both timings and cancel out. The figures are the median and p99 of that
//   difference over the PLACE and AMEND commands (those that go through a check); cancels, and each
//   kind apart, are reported too. As a noise floor the same lock-step runs with two ungated engines
//   (an A/A test): its p99 is what the p99 above would be if the gate cost nothing. Each figure is
//   the median over separate processes, after an untimed warm-up pass in each.
// - Throughput (opsPerSecWithRisk, opsPerSecWithoutRisk, riskThroughputCost): workload 1 of the
//   engine benchmark (exchangeCoreMix, accounts 1..1000), timed like bench/engine.ts: one run per
//   child process after an untimed warm-up pass, median over processes, gated and ungated processes
//   alternating. Both engines get the same prefix (limits, deposits, one trade per instrument that
//   sets the mark for the price band and for equity, then a new drawdown period); the ungated engine
//   rejects the admin commands in it. The workload's order ids are shifted past that prefix.
//
// Every run also counts the gate's refusals (REJECTED with a 2xxx code) and checks that the gated and
// ungated engines end with the same books, so the comparison is known to be on the same work.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defineInstrument, type Instrument, type InstrumentSpec } from '../src/domain/instrument.js';
import { amend, cancel, type Command, CommandKind, deposit, place, setLimit, Side, startPeriod, TimeInForce } from '../src/engine/command.js';
import { Engine } from '../src/core/engine.js';
import { EVENT_WIDTH, type EventBuffer, EventType, Field } from '../src/engine/event.js';
import { LimitKind } from '../src/risk/limits.js';
import { defineRiskTables, type RiskConfig } from '../src/risk/risk-config.js';
import { BENCH_INSTRUMENT, BENCH_INSTRUMENT_SPEC, exchangeCoreMix, LiveOrders } from './engine-workloads.js';
import { Random } from './random.js';
import { type BenchOptions, median, nowNs, round } from './report.js';

const THROUGHPUT_RUNS = 5;
const CHECK_RUNS = 3;
const W1_COMMANDS = 3_000_000;
const W1_COMMANDS_QUICK = 300_000;
const MIX_COMMANDS = 1_000_000;
const MIX_COMMANDS_QUICK = 60_000;
const MIX_ACCOUNTS = 300;
const TARGET_NS_PER_CHECK = 300;
const TARGET_THROUGHPUT_COST = 0.25;

/** Command classes of a stream, for the per-kind breakdown. */
const GTC = 0;
const IOC = 1;
const CANCEL = 2;
const AMEND = 3;
const KIND_NAMES = ['gtc', 'ioc', 'cancel', 'amend'] as const;

/** An instrument of the benchmark: where its prices sit and what limits suit it. */
interface Market {
  readonly instrument: Instrument;
  /** Centre price in ticks: GTC orders rest within `band` ticks of it, IOC orders cross it by `band`. */
  readonly center: number;
  readonly band: number;
  /** GTC quantity is 1..maxLots lots. */
  readonly maxLots: number;
  /** Share of the mix's commands, and resting orders the IOC sizes steer it towards. */
  readonly weight: number;
  readonly resting: number;
}

const MIX_SPECS: readonly InstrumentSpec[] = [
  BENCH_INSTRUMENT_SPEC,
  {
    id: 2,
    symbol: 'ETH-USD',
    baseAsset: 'ETH',
    quoteAsset: 'USD',
    tickSize: '0.05',
    lotSize: '0.001',
    minPrice: '0.05',
    maxPrice: '100000',
    minQuantity: '0.001',
    maxQuantity: '1000',
    matching: { kind: 'fifo' },
  },
  {
    id: 3,
    symbol: 'SOL-USD',
    baseAsset: 'SOL',
    quoteAsset: 'USD',
    tickSize: '0.001',
    lotSize: '0.01',
    minPrice: '0.001',
    maxPrice: '10000',
    minQuantity: '0.01',
    maxQuantity: '100000',
    matching: { kind: 'pro-rata', topOrderCapLots: 50, minimumAllocationLots: 2 },
  },
];
const MIX_INSTRUMENTS = MIX_SPECS.map(defineInstrument);

/** BTC at 50,000.00, ETH at 3,000.00 (ticks of 0.05), SOL at 150.000 (pro-rata). */
const MIX_MARKETS: readonly Market[] = [
  { instrument: BENCH_INSTRUMENT, center: 5_000_000, band: 800, maxLots: 100, weight: 0.5, resting: 500 },
  { instrument: MIX_INSTRUMENTS[1] ?? BENCH_INSTRUMENT, center: 60_000, band: 60, maxLots: 1000, weight: 0.3, resting: 300 },
  { instrument: MIX_INSTRUMENTS[2] ?? BENCH_INSTRUMENT, center: 150_000, band: 300, maxLots: 500, weight: 0.2, resting: 200 },
];

/** Workload 1's single instrument, with the same centre and band as exchangeCoreMix. */
const W1_MARKETS: readonly Market[] = [{ instrument: BENCH_INSTRUMENT, center: 5_000_000, band: 800, maxLots: 100, weight: 1, resting: 1000 }];

const FEES = { makerBps: 2, takerBps: 10 };

function riskConfig(markets: readonly Market[]): RiskConfig {
  return { fees: Object.fromEntries(markets.map((m) => [m.instrument.symbol, FEES])) };
}

/**
 * The untimed prefix that turns the gate fully on: venue-wide limits (generous: orders here are at
 * most a few hundred lots, prices within 0.2% of the centre), deposits for accounts 1..accounts,
 * one trade per instrument at its centre (the mark for equity, the reference for the price band),
 * then a new drawdown period so that start-of-period equity counts the base assets at that mark.
 */
function riskPrefix(markets: readonly Market[], accounts: number): Command[] {
  const tables = defineRiskTables(
    markets.map((m) => m.instrument),
    riskConfig(markets),
  );
  const commands: Command[] = [];
  const limit = (instrumentId: number, kind: number, value: number): void => {
    commands.push(setLimit({ accountId: 0, instrumentId, kind, value }));
  };
  for (const m of markets) {
    const id = m.instrument.id;
    const quotePerTickLot = tables.instruments.find((r) => r.instrument.id === id)?.quotePerTickLot ?? 1;
    limit(id, LimitKind.MAX_ORDER_QUANTITY, m.maxLots * 100);
    limit(id, LimitKind.MAX_ORDER_NOTIONAL, m.maxLots * 100 * 2 * m.center * quotePerTickLot);
    limit(id, LimitKind.MAX_POSITION, m.maxLots * 5000);
    limit(id, LimitKind.PRICE_BAND_BPS, 500); // ±5%
    limit(id, LimitKind.PRICE_BAND_TICKS, Math.round(m.center * 0.04)); // ±4%
  }
  limit(0, LimitKind.MAX_OPEN_ORDERS, 500);
  limit(0, LimitKind.ORDER_RATE, 20_000);
  limit(0, LimitKind.ORDER_BURST, 1_000);
  limit(0, LimitKind.DRAWDOWN_BPS, 5_000);
  // Σ deposits of one asset stay below 2^53 (the gate refuses more): about 4·10^15 units of quote.
  const quotePerAccount = Math.min(10_000_000_000_000, Math.floor(4e15 / accounts));
  for (let account = 1; account <= accounts; account++) {
    for (const asset of tables.assets) {
      const isQuote = markets.some((m) => m.instrument.quoteAsset === asset.name);
      commands.push(deposit(account, asset.id, isQuote ? quotePerAccount : 1_000_000));
    }
  }
  for (const m of markets) {
    commands.push(place({ instrumentId: m.instrument.id, accountId: 1, side: Side.SELL, priceTicks: m.center, quantityLots: 1 }));
    commands.push(place({ instrumentId: m.instrument.id, accountId: 2, side: Side.BUY, priceTicks: m.center, quantityLots: 1 }));
  }
  commands.push(startPeriod(0));
  return commands;
}

/** A command stream ready to apply: prefix and prefill untimed at seq 1.., then the timed commands. */
interface Stream {
  readonly markets: readonly Market[];
  readonly prefill: readonly Command[];
  readonly commands: readonly Command[];
  /** Class of each timed command (GTC, IOC, CANCEL, AMEND). */
  readonly kinds: Uint8Array;
  /** Timestamp of seq s at [s - 1]: s µs. */
  readonly timestamps: readonly bigint[];
  readonly capacity: { maxOrders: number; maxLevels: number };
}

function timestamps(count: number): bigint[] {
  const out: bigint[] = [];
  for (let seq = 1; seq <= count; seq++) out.push(BigInt(seq) * 1000n);
  return out;
}

function classify(command: Command): number {
  if (command.kind === CommandKind.CANCEL) return CANCEL;
  if (command.kind === CommandKind.AMEND) return AMEND;
  return command.timeInForce === TimeInForce.IOC ? IOC : GTC;
}

/** Workload 1 (bench/engine-workloads.ts), behind the risk prefix: order ids shift by its length. */
function workload1Stream(count: number): Stream {
  const workload = exchangeCoreMix(count);
  const prefix = riskPrefix(W1_MARKETS, 1000);
  const shift = prefix.length;
  // In place: the workload was generated for this process alone, and copies would cost seconds.
  for (const command of [...workload.prefill, ...workload.commands]) {
    if (command.kind === CommandKind.CANCEL || command.kind === CommandKind.AMEND) command.orderId += shift;
  }
  const prefill = [...prefix, ...workload.prefill];
  const commands = workload.commands;
  return {
    markets: W1_MARKETS,
    prefill,
    commands,
    kinds: Uint8Array.from(commands, classify),
    timestamps: timestamps(prefill.length + commands.length),
    capacity: workload.capacity,
  };
}


/**
 * The per-check mix: workload 1's shape (9% GTC, 3% IOC, 6% cancel, 82% amend-price) spread over
 * MIX_MARKETS by weight and over `accounts` accounts, generated through an ungated engine that has
 * applied the same risk prefix (it rejects the admin commands, so seqs and order ids line up).
 */
function mixStream(count: number, accounts: number, seed = 7): Stream {
  const markets = MIX_MARKETS;
  const capacity = { maxOrders: 4096, maxLevels: 4096 };
  const engine = new Engine({ instruments: markets.map((m) => m.instrument), book: 'fast', capacity });
  const random = new Random(seed);
  const live = new Map(markets.map((m) => [m.instrument.id, new LiveOrders()]));
  const liveOf = (id: number): LiveOrders => {
    const l = live.get(id);
    if (l === undefined) throw new Error(`no instrument ${id}`);
    return l;
  };
  const prefill: Command[] = [];
  const commands: Command[] = [];
  let seq = 0;
  const emit = (command: Command, intoPrefill: boolean): void => {
    const events = engine.apply(command, ++seq, 0n);
    for (let i = 0; i < events.count; i++) live.get(events.field(i, Field.INSTRUMENT))?.observeEvent(events, i);
    (intoPrefill ? prefill : commands).push(command);
  };
  const bandPrice = (m: Market, side: number): number => (side === Side.BUY ? m.center - random.int(1, m.band) : m.center + random.int(0, m.band - 1));
  const gtc = (m: Market): Command => {
    const side = random.int(0, 1) === 0 ? Side.BUY : Side.SELL;
    return place({ instrumentId: m.instrument.id, accountId: random.int(1, accounts), side, priceTicks: bandPrice(m, side), quantityLots: random.int(1, m.maxLots) });
  };
  const pickMarket = (): Market => {
    let r = random.fraction();
    let last: Market | undefined;
    for (const m of markets) {
      r -= m.weight;
      if (r < 0) return m;
      last = m;
    }
    if (last === undefined) throw new Error('no markets');
    return last;
  };

  for (const command of riskPrefix(markets, accounts)) emit(command, true);
  for (const m of markets) while (liveOf(m.instrument.id).ids.length < m.resting) emit(gtc(m), true);
  for (let i = 0; i < count; i++) {
    const m = pickMarket();
    const l = liveOf(m.instrument.id);
    const r = random.fraction();
    if (r < 0.09 || l.ids.length === 0) {
      emit(gtc(m), false);
    } else if (r < 0.12) {
      const side = random.int(0, 1) === 0 ? Side.BUY : Side.SELL;
      const price = side === Side.BUY ? m.center + m.band : m.center - m.band;
      // As in workload 1: the IOC size steers the book back towards its resting count.
      const quantity = random.int(1, l.ids.length > m.resting ? m.maxLots * 2 : Math.max(1, Math.round(m.maxLots * 0.4)));
      emit(place({ instrumentId: m.instrument.id, accountId: random.int(1, accounts), side, priceTicks: price, quantityLots: quantity, timeInForce: TimeInForce.IOC }), false);
    } else if (r < 0.18) {
      const id = l.pick(random);
      emit(cancel(m.instrument.id, l.account.get(id) ?? 0, id), false);
    } else {
      const id = l.pick(random);
      const side = l.side.get(id) ?? Side.BUY;
      let price = bandPrice(m, side);
      if (price === l.price.get(id)) price += side === Side.BUY ? -1 : 1;
      emit(amend(m.instrument.id, l.account.get(id) ?? 0, id, { priceTicks: price }), false);
    }
  }
  return { markets, prefill, commands, kinds: Uint8Array.from(commands, classify), timestamps: timestamps(prefill.length + commands.length), capacity };
}

function newEngine(stream: Stream, gated: boolean): Engine {
  const instruments = stream.markets.map((m) => m.instrument);
  return new Engine({ instruments, book: 'fast', capacity: stream.capacity, ...(gated ? { risk: riskConfig(stream.markets) } : {}) });
}

function applyPrefill(engine: Engine, stream: Stream): void {
  const ts = stream.timestamps;
  for (let i = 0; i < stream.prefill.length; i++) engine.apply(stream.prefill[i]!, i + 1, ts[i]!); // eslint-disable-line @typescript-eslint/no-non-null-assertion
}

/** Refusals in the last apply's events: [by the gate (2xxx codes), any]. */
class Rejections {
  gate = 0;
  any = 0;
  readonly byCode = new Map<number, number>();

  count(events: EventBuffer): void {
    const d = events.data;
    for (let i = 0; i < events.count; i++) {
      const o = i * EVENT_WIDTH;
      if (d[o] !== EventType.REJECTED) continue;
      const code = d[o + Field.CODE] ?? 0;
      this.any++;
      if (code >= 2000 && code < 3000) this.gate++;
      this.byCode.set(code, (this.byCode.get(code) ?? 0) + 1);
    }
  }

  codes(): Record<string, number> {
    return Object.fromEntries([...this.byCode.entries()].sort((a, b) => a[0] - b[0]).map(([code, n]) => [String(code), n]));
  }
}

/** The books' end state, to check that two engines did the same work. */
function bookState(engine: Engine, stream: Stream): number[] {
  const out: number[] = [];
  for (const m of stream.markets) {
    const book = engine.book(m.instrument.id);
    out.push(book.orderCount(), book.bestPriceTicks(Side.BUY), book.bestPriceTicks(Side.SELL));
  }
  return out;
}

// ---- throughput (one child process per run) ------------------------------------------------------

/** Untimed pass that counts refusals and validates the gate's invariants at the end. */
function observedPass(stream: Stream, gated: boolean): { rejections: Rejections; books: number[] } {
  const engine = newEngine(stream, gated);
  applyPrefill(engine, stream);
  const rejections = new Rejections();
  const base = stream.prefill.length;
  const ts = stream.timestamps;
  for (let i = 0; i < stream.commands.length; i++) rejections.count(engine.apply(stream.commands[i]!, base + i + 1, ts[base + i]!)); // eslint-disable-line @typescript-eslint/no-non-null-assertion
  engine.validateInternalState();
  return { rejections, books: bookState(engine, stream) };
}

function timedPass(stream: Stream, gated: boolean): number {
  const engine = newEngine(stream, gated);
  applyPrefill(engine, stream);
  const commands = stream.commands;
  const ts = stream.timestamps;
  const base = stream.prefill.length;
  const n = commands.length;
  const start = nowNs();
  for (let i = 0; i < n; i++) engine.apply(commands[i]!, base + i + 1, ts[base + i]!); // eslint-disable-line @typescript-eslint/no-non-null-assertion
  return n / (Number(nowNs() - start) / 1e9);
}

function throughputChild(gated: boolean, quick: boolean): Record<string, unknown> {
  const stream = workload1Stream(quick ? W1_COMMANDS_QUICK : W1_COMMANDS);
  const observed = observedPass(stream, gated); // the untimed warm-up pass
  return {
    opsPerSec: timedPass(stream, gated),
    commands: stream.commands.length,
    gateRejected: observed.rejections.gate,
    rejected: observed.rejections.any,
    rejectCodes: observed.rejections.codes(),
    books: observed.books,
  };
}

// ---- per check (lock-step, in child processes) ----------------------------------------------------

interface LockStep {
  /** Per timed command, ns of apply() on engine A and on engine B. */
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly rejectionsA: Rejections;
  readonly rejectionsB: Rejections;
  readonly booksA: number[];
  readonly booksB: number[];
}

/** Runs the stream through engines A and B, timing each command on each; the order alternates. */
function lockStep(stream: Stream, gatedA: boolean): LockStep {
  const ea = newEngine(stream, gatedA);
  const eb = newEngine(stream, false);
  applyPrefill(ea, stream);
  applyPrefill(eb, stream);
  const commands = stream.commands;
  const ts = stream.timestamps;
  const base = stream.prefill.length;
  const n = commands.length;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const rejectionsA = new Rejections();
  const rejectionsB = new Rejections();
  for (let i = 0; i < n; i++) {
    const command = commands[i]!; // eslint-disable-line @typescript-eslint/no-non-null-assertion
    const seq = base + i + 1;
    const t = ts[base + i]!; // eslint-disable-line @typescript-eslint/no-non-null-assertion
    if ((i & 1) === 0) {
      const t0 = process.hrtime.bigint();
      ea.apply(command, seq, t);
      const t1 = process.hrtime.bigint();
      eb.apply(command, seq, t);
      const t2 = process.hrtime.bigint();
      a[i] = Number(t1 - t0);
      b[i] = Number(t2 - t1);
    } else {
      const t0 = process.hrtime.bigint();
      eb.apply(command, seq, t);
      const t1 = process.hrtime.bigint();
      ea.apply(command, seq, t);
      const t2 = process.hrtime.bigint();
      b[i] = Number(t1 - t0);
      a[i] = Number(t2 - t1);
    }
    // Outside the timed spans: both buffers still hold this command's events.
    rejectionsA.count(ea.events);
    rejectionsB.count(eb.events);
  }
  ea.validateInternalState();
  return { a, b, rejectionsA, rejectionsB, booksA: bookState(ea, stream), booksB: bookState(eb, stream) };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/** Median and p99 of a[i] − b[i] over the commands whose class passes `keep`. */
function diffStats(run: LockStep, kinds: Uint8Array, keep: (kind: number) => boolean): { median: number; p99: number; count: number } {
  const values: number[] = [];
  for (let i = 0; i < kinds.length; i++) if (keep(kinds[i] ?? 0)) values.push((run.a[i] ?? 0) - (run.b[i] ?? 0));
  const sorted = Float64Array.from(values).sort();
  return { median: percentile(sorted, 50), p99: percentile(sorted, 99), count: values.length };
}

function stats(values: Float64Array, kinds: Uint8Array, keep: (kind: number) => boolean): { median: number; p99: number } {
  const kept: number[] = [];
  for (let i = 0; i < kinds.length; i++) if (keep(kinds[i] ?? 0)) kept.push(values[i] ?? 0);
  const sorted = Float64Array.from(kept).sort();
  return { median: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function timerOverheadNs(): number {
  const samples = new Float64Array(100_000);
  for (let i = 0; i < samples.length; i++) {
    const t0 = process.hrtime.bigint();
    const t1 = process.hrtime.bigint();
    samples[i] = Number(t1 - t0);
  }
  return percentile(samples.sort(), 50);
}

const isCheck = (kind: number): boolean => kind !== CANCEL;

function checkChild(quick: boolean): Record<string, unknown> {
  const stream = mixStream(quick ? MIX_COMMANDS_QUICK : MIX_COMMANDS, MIX_ACCOUNTS);
  lockStep(stream, true); // untimed warm-up pass (the same code paths as the timed one)
  const run = lockStep(stream, true);
  const nullRun = lockStep(stream, false);
  const kinds = stream.kinds;
  const check = diffStats(run, kinds, isCheck);
  const all = diffStats(run, kinds, () => true);
  const nullCheck = diffStats(nullRun, kinds, isCheck);
  const gated = stats(run.a, kinds, isCheck);
  const ungated = stats(run.b, kinds, isCheck);
  const byKind: Record<string, unknown> = {};
  for (let k = 0; k < KIND_NAMES.length; k++) {
    const s = diffStats(run, kinds, (kind) => kind === k);
    byKind[KIND_NAMES[k] ?? String(k)] = { commands: s.count, diffNsMedian: s.median, diffNsP99: s.p99 };
  }
  return {
    commands: stream.commands.length,
    checks: check.count,
    diffNsMedian: check.median,
    diffNsP99: check.p99,
    allCommandsDiffNsMedian: all.median,
    allCommandsDiffNsP99: all.p99,
    allCommandsDiffNsMean: mean(run.a) - mean(run.b),
    gatedNsMedian: gated.median,
    gatedNsP99: gated.p99,
    ungatedNsMedian: ungated.median,
    ungatedNsP99: ungated.p99,
    nullDiffNsMedian: nullCheck.median,
    nullDiffNsP99: nullCheck.p99,
    timerOverheadNs: timerOverheadNs(),
    byKind,
    gateRejected: run.rejectionsA.gate,
    rejectedGated: run.rejectionsA.any,
    rejectedUngated: run.rejectionsB.any,
    rejectCodes: run.rejectionsA.codes(),
    booksAgree: run.booksA.join() === run.booksB.join(),
  };
}

/** What one child process measures: `with`, `without` (workload 1 throughput) or `check` (the mix). */
export function riskChild(spec: string, quick: boolean): Record<string, unknown> {
  switch (spec) {
    case 'with':
      return throughputChild(true, quick);
    case 'without':
      return throughputChild(false, quick);
    case 'check':
      return checkChild(quick);
    default:
      throw new Error(`unknown risk benchmark child ${spec}`);
  }
}

function child(spec: string, options: BenchOptions): Record<string, unknown> {
  const script = fileURLToPath(new URL('./main.js', import.meta.url));
  const args = ['--expose-gc', script, 'risk', `--child=${spec}`, ...(options.quick ? ['--quick'] : [])];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`benchmark child ${spec} failed (${result.status ?? result.signal ?? '?'}):\n${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

function num(result: Record<string, unknown>, key: string): number {
  const value = result[key];
  return typeof value === 'number' ? value : Number.NaN;
}

function medianOf(results: readonly Record<string, unknown>[], key: string, digits = 0): number {
  return round(median(results.map((r) => num(r, key))), digits);
}

function medianByKind(results: readonly Record<string, unknown>[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of KIND_NAMES) {
    const of = results.map((r) => ((r['byKind'] as Record<string, Record<string, unknown>> | undefined)?.[name] ?? {}));
    out[name] = { commands: num(of[0] ?? {}, 'commands'), diffNsMedian: medianOf(of, 'diffNsMedian'), diffNsP99: medianOf(of, 'diffNsP99') };
  }
  return out;
}

export function riskBenchmark(options: BenchOptions): Record<string, unknown> {
  const log = options.json ? (): void => undefined : (line: string): void => console.log(line);
  const throughputRuns = options.quick ? 1 : THROUGHPUT_RUNS;
  const checkRuns = options.quick ? 1 : CHECK_RUNS;
  log('risk gate cost: every limit on (generous), fees on, every account funded; timestamps 1 µs apart');
  log('per check: a 3-instrument mix (FIFO and pro-rata), gated and ungated engines in lock-step in one process;');
  log('  the gate cost of a command = its apply() time on the gated engine minus on the ungated one (median, p99');
  log('  over PLACE and AMEND commands); an A/A run of two ungated engines gives the noise floor of that p99.');
  log('throughput: workload 1 (exchange-core mix), one child process per run, median over processes.');

  const checks: Record<string, unknown>[] = [];
  for (let i = 0; i < checkRuns; i++) {
    const result = child('check', options);
    checks.push(result);
    log(`  per-check process ${i + 1}/${checkRuns}: median ${num(result, 'diffNsMedian')} ns, p99 ${num(result, 'diffNsP99')} ns (A/A p99 ${num(result, 'nullDiffNsP99')} ns)`);
  }
  const withRuns: Record<string, unknown>[] = [];
  const withoutRuns: Record<string, unknown>[] = [];
  for (let i = 0; i < throughputRuns; i++) {
    // Alternating, so that drift on a shared machine falls on both sides.
    for (const [label, into] of [
      ['with', withRuns],
      ['without', withoutRuns],
    ] as const) {
      const result = child(label, options);
      into.push(result);
      log(`  workload 1 ${label} risk, process ${i + 1}/${throughputRuns}: ${round(num(result, 'opsPerSec') / 1e6, 3)}M ops/s`);
    }
  }

  const nsPerCheckMedian = medianOf(checks, 'diffNsMedian');
  const nsPerCheckP99 = medianOf(checks, 'diffNsP99');
  const opsWith = median(withRuns.map((r) => num(r, 'opsPerSec')));
  const opsWithout = median(withoutRuns.map((r) => num(r, 'opsPerSec')));
  const cost = 1 - opsWith / opsWithout;
  const firstCheck = checks[0] ?? {};
  const firstWith = withRuns[0] ?? {};
  const firstWithout = withoutRuns[0] ?? {};
  const w1Commands = num(firstWith, 'commands');
  const met = { nsPerCheckMedian: nsPerCheckMedian <= TARGET_NS_PER_CHECK, riskThroughputCost: cost <= TARGET_THROUGHPUT_COST };
  log(`target nsPerCheckMedian ≤ ${TARGET_NS_PER_CHECK}: ${met.nsPerCheckMedian ? 'met' : 'NOT met'} (${nsPerCheckMedian} ns)`);
  log(`target riskThroughputCost ≤ ${TARGET_THROUGHPUT_COST}: ${met.riskThroughputCost ? 'met' : 'NOT met'} (${round(cost, 3)})`);
  return {
    benchmark: 'risk',
    nsPerCheckMedian,
    nsPerCheckP99,
    opsPerSecWithRisk: round(opsWith, 0),
    opsPerSecWithoutRisk: round(opsWithout, 0),
    riskThroughputCost: round(cost, 3),
    perCheck: {
      method: 'lock-step gated vs ungated engine, per-command apply() time difference, PLACE+AMEND; median over processes',
      processes: checkRuns,
      commands: num(firstCheck, 'commands'),
      checks: num(firstCheck, 'checks'),
      instruments: MIX_MARKETS.map((m) => `${m.instrument.symbol} ${m.instrument.matching.kind}`).join(', '),
      accounts: MIX_ACCOUNTS,
      nsPerCheckMedianRuns: checks.map((r) => num(r, 'diffNsMedian')),
      nsPerCheckP99Runs: checks.map((r) => num(r, 'diffNsP99')),
      gatedNsMedian: medianOf(checks, 'gatedNsMedian'),
      ungatedNsMedian: medianOf(checks, 'ungatedNsMedian'),
      gatedNsP99: medianOf(checks, 'gatedNsP99'),
      ungatedNsP99: medianOf(checks, 'ungatedNsP99'),
      allCommandsDiffNsMedian: medianOf(checks, 'allCommandsDiffNsMedian'),
      allCommandsDiffNsP99: medianOf(checks, 'allCommandsDiffNsP99'),
      /** The mean is what throughput feels: the tail (IOCs that trade, settle per fill) weighs in. */
      allCommandsDiffNsMean: medianOf(checks, 'allCommandsDiffNsMean'),
      noiseFloorDiffNsMedian: medianOf(checks, 'nullDiffNsMedian'),
      noiseFloorDiffNsP99: medianOf(checks, 'nullDiffNsP99'),
      timerOverheadNs: medianOf(checks, 'timerOverheadNs'),
      byKind: medianByKind(checks),
      gateRejectedShare: round(num(firstCheck, 'gateRejected') / num(firstCheck, 'commands'), 6),
      gateRejectCodes: firstCheck['rejectCodes'],
      rejectedUngated: num(firstCheck, 'rejectedUngated'),
      booksAgree: checks.every((r) => r['booksAgree'] === true),
    },
    throughput: {
      method: 'workload 1, one child process per run after an untimed warm-up pass, median over processes',
      commands: w1Commands,
      opsPerSecWithRiskRuns: withRuns.map((r) => round(num(r, 'opsPerSec'), 0)),
      opsPerSecWithoutRiskRuns: withoutRuns.map((r) => round(num(r, 'opsPerSec'), 0)),
      /** 1/with − 1/without: the gate's mean cost per command in the throughput loop. */
      gateNsPerCommand: round(1e9 / opsWith - 1e9 / opsWithout, 0),
      gateRejectedShare: round(num(firstWith, 'gateRejected') / w1Commands, 6),
      gateRejectCodes: firstWith['rejectCodes'],
      rejectedWithRisk: num(firstWith, 'rejected'),
      rejectedWithoutRisk: num(firstWithout, 'rejected'),
      booksAgree: JSON.stringify(firstWith['books']) === JSON.stringify(firstWithout['books']),
    },
    targets: { nsPerCheckMedian: TARGET_NS_PER_CHECK, riskThroughputCost: TARGET_THROUGHPUT_COST },
    targetsMet: met,
    node: process.version,
  };
}
