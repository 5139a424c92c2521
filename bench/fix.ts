// `npm run bench -- fix [--json] [--quick]`: the in-house FIX codec (src/fix) on the two messages of
// the hot path, ns per operation (median of timed runs after warm-up), beside a floor measured in the
// same process on the same bytes:
// - parse of a NewOrderSingle (222 bytes): framing, BodyLength and CheckSum checks, the field index;
//   and the same plus full FIX50SP2 dictionary validation (what the session does to every message);
//   floor: splitting the frame on SOH into tag and value arrays, with no checks at all;
// - encode of a 17-field ExecutionReport with the session header, BodyLength and CheckSum into the
//   encoder's buffer, and with the one copy a session keeps for resends; floor: concatenating the
//   same fields into a string and computing BodyLength and CheckSum over it.
// Target (issue 7): ≤ 2 µs each. jspurefix, measured on this machine (docs/design.md § FIX), takes
// 3.6 µs to parse this NewOrderSingle into a view and 10.3 µs to encode the ExecutionReport.
// And the round trip of a market IOC over each API on loopback, beside each other in the same run:
// one venue in a child process, the client in this one, one order at a time, FIX (NewOrderSingle →
// the final ExecutionReport) and WebSocket (PlaceOrder → OrderResponse). Twice, each policy stated:
// durability write (the figures measured before fsync became the default, kept comparable) and
// durability fsync (the default: the journal's fdatasync before any answer, and for FIX also the
// session store's, grouped per turn; the WebSocket figure beside it has the journal's alone).
import { connect, type Socket } from 'node:net';
import { cpus } from 'node:os';
import type { Histogram } from 'hdr-histogram-js';
import { FixEncoder, type FixField, type FixMessage, FrameDecoder, parseMessage } from '../src/fix/codec.js';
import { LOGON_NONCE_TAG, newLogonNonce, signLogon } from '../src/fix/logon-auth.js';
import { formatUtcTimestamp } from '../src/fix/utc-time.js';
import type { Credentials } from '../src/auth/client.js';
import { defaultDictionaryPaths, loadFixDictionary } from '../src/fix/dictionary.js';
import { SAMPLE_SESSION_HEADER, sampleExecutionReport, sampleNewOrderSingle } from './fix-samples.js';
import { validateMessage } from '../src/fix/validator.js';
import { type BenchOptions, median, nowNs, round } from './report.js';
import { authenticate, BenchSocket, benchConfig, BTC_USD, closedLoop, createAccount, newHistogram, percentilesUs, progress, seedLiquidity, spawnVenue, Tally, TRADER_DEPOSITS } from './venue-process.js';

const TARGET_NS = 2_000;

/** Keeps results live so that nothing is optimised away. */
let sink = 0;

function nsPerOp(op: () => void, iterations: number, runs: number): number {
  const timed = (): number => {
    const start = nowNs();
    for (let i = 0; i < iterations; i++) op();
    return Number(nowNs() - start) / iterations;
  };
  for (let w = 0; w < 3; w++) timed();
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) samples.push(timed());
  return round(median(samples), 0);
}

function codecFigures(options: BenchOptions): Record<string, unknown> {
  const iterations = options.quick ? 50_000 : 200_000;
  const runs = options.quick ? 5 : 9;
  const dictionary = loadFixDictionary(defaultDictionaryPaths());
  const frame = sampleNewOrderSingle();
  const body = sampleExecutionReport();
  const encoder = new FixEncoder();

  // Correctness first: the parsed order validates, and the encoded report parses back.
  const parsed = parseMessage(frame, dictionary.codecTables);
  if (typeof parsed === 'number' || validateMessage(parsed, dictionary) !== null) throw new Error('the sample NewOrderSingle does not parse and validate');
  const encoded = encoder.encode('FIXT.1.1', '8', SAMPLE_SESSION_HEADER, body);
  const back = parseMessage(encoded, dictionary.codecTables);
  if (typeof back === 'number' || back.msgType !== '8') throw new Error('the encoded ExecutionReport does not parse back');

  const text = frame.toString('latin1');
  const parseFloor = (): void => {
    const tags: string[] = [];
    const values: string[] = [];
    for (const pair of text.split('\x01')) {
      const eq = pair.indexOf('=');
      if (eq > 0) {
        tags.push(pair.slice(0, eq));
        values.push(pair.slice(eq + 1));
      }
    }
    sink += tags.length + values.length;
  };
  const encodeFloor = (fields: readonly FixField[]): void => {
    let s = '35=8\x01';
    for (const [tag, value] of SAMPLE_SESSION_HEADER) s += `${tag}=${value}\x01`;
    for (const [tag, value] of fields) s += `${tag}=${value}\x01`;
    const head = `8=FIXT.1.1\x019=${s.length}\x01`;
    let sum = 0;
    const whole = head + s;
    for (let i = 0; i < whole.length; i++) sum += whole.charCodeAt(i);
    sink += (whole + `10=${String(sum % 256).padStart(3, '0')}\x01`).length;
  };

  const parseNs = nsPerOp(() => {
    const m = parseMessage(frame, dictionary.codecTables);
    sink += typeof m === 'number' ? 0 : 1;
  }, iterations, runs);
  const parseValidateNs = nsPerOp(() => {
    const m = parseMessage(frame, dictionary.codecTables);
    if (typeof m !== 'number') sink += validateMessage(m, dictionary) === null ? 1 : 0;
  }, iterations, runs);
  const parseFloorNs = nsPerOp(parseFloor, iterations, runs);
  const encodeNs = nsPerOp(() => {
    sink += encoder.encodeInto('FIXT.1.1', '8', SAMPLE_SESSION_HEADER, body).length;
  }, iterations, runs);
  const encodeCopyNs = nsPerOp(() => {
    sink += encoder.encode('FIXT.1.1', '8', SAMPLE_SESSION_HEADER, body).length;
  }, iterations, runs);
  const encodeFloorNs = nsPerOp(() => {
    encodeFloor(body);
  }, iterations, runs);

  return {
    what: 'ns per operation, median of runs: parse of a 222-byte NewOrderSingle and encode of a 17-field ExecutionReport, beside a floor that does no checks',
    newOrderSingleBytes: frame.length,
    executionReportBytes: encoded.length,
    parseNewOrderSingleNs: parseNs,
    parseAndValidateNewOrderSingleNs: parseValidateNs,
    parseFloorNs,
    encodeExecutionReportNs: encodeNs,
    encodeExecutionReportWithCopyNs: encodeCopyNs,
    encodeFloorNs,
    ratioParseVsFloor: round(parseNs / parseFloorNs, 2),
    ratioEncodeVsFloor: round(encodeNs / encodeFloorNs, 2),
    // The target compares with jspurefix's published parse, which does not validate against the
    // dictionary; with validation the figure is reported beside it.
    parseTargetMet: parseNs <= TARGET_NS,
    parseAndValidateWithinTarget: parseValidateNs <= TARGET_NS,
    encodeTargetMet: encodeCopyNs <= TARGET_NS,
    targets: { parseNs: TARGET_NS, encodeNs: TARGET_NS },
    iterations,
    runs,
    sinkParity: sink % 2,
    node: process.version,
  };
}

/** A FIX client on one socket: signed Logon, then one order at a time. */
class FixBenchClient {
  private readonly decoder = new FrameDecoder();
  private seq = 1;
  private waiting: ((message: FixMessage) => void) | undefined;
  private readonly encoder = new FixEncoder();

  private constructor(
    private readonly socket: Socket,
    private readonly compId: string,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.decoder.push(chunk);
      for (let frame = this.decoder.next(); frame !== null; frame = this.decoder.next()) {
        const message = parseMessage(Buffer.from(frame));
        if (typeof message === 'number') throw new Error(`the venue sent a frame that does not parse (${message})`);
        this.waiting?.(message);
      }
    });
  }

  static async logon(port: number, credentials: Credentials): Promise<FixBenchClient> {
    const socket = connect({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const client = new FixBenchClient(socket, 'BENCH');
    const sendingTime = formatUtcTimestamp(Date.now());
    const nonce = newLogonNonce();
    const rawData = signLogon(credentials.secret, { sendingTime, msgSeqNum: 1, senderCompId: 'BENCH', targetCompId: 'KAPITA', nonce });
    const reply = client.next((m) => m.msgType === 'A' || m.msgType === '5');
    client.write('A', sendingTime, [[95, rawData.length], [96, rawData], [98, 0], [108, 30], [553, credentials.keyId], [1137, '9'], [LOGON_NONCE_TAG, nonce]]);
    const answer = await reply;
    if (answer.msgType !== 'A') throw new Error(`FIX Logon refused: ${answer.get(58) ?? ''}`);
    return client;
  }

  /** The next message that `match` accepts. */
  next(match: (message: FixMessage) => boolean): Promise<FixMessage> {
    return new Promise((resolve) => {
      this.waiting = (message) => {
        if (!match(message)) return;
        this.waiting = undefined;
        resolve(message);
      };
    });
  }

  write(msgType: string, sendingTime: string, body: readonly FixField[]): void {
    this.socket.write(this.encoder.encode('FIXT.1.1', msgType, [[34, this.seq++], [49, this.compId], [52, sendingTime], [56, 'KAPITA']], body));
  }

  close(): void {
    this.socket.destroy();
  }
}

/** Final order states in an ExecutionReport: filled, canceled, rejected, expired. */
const FINAL = new Set(['2', '4', '8', 'C']);

/** ClOrdIDs are one use per account: numbered across all loops. */
let nextClOrdId = 0;

async function fixLoop(client: FixBenchClient, count: number, histogram: Histogram | undefined, outcomes: Map<string, number>): Promise<void> {
  for (let i = 0; i < count; i++) {
    const buy = i % 2 === 0;
    const done = client.next((m) => m.msgType === '8' && FINAL.has(m.get(39) ?? ''));
    const now = formatUtcTimestamp(Date.now());
    const sent = process.hrtime.bigint();
    client.write('D', now, [[11, `b${++nextClOrdId}`], [38, BTC_USD.orderQuantity], [40, '1'], [54, buy ? '1' : '2'], [55, BTC_USD.symbol], [59, '3'], [60, now], ...(buy ? ([[152, '1000.00']] as FixField[]) : [])]);
    const report = await done;
    histogram?.recordValue(Number(process.hrtime.bigint() - sent));
    const status = report.get(39) === '8' ? `rejected ${(report.get(58) ?? '').slice(0, 40)}` : (report.get(39) ?? '?');
    outcomes.set(status, (outcomes.get(status) ?? 0) + 1);
  }
}

async function roundTrips(options: BenchOptions, durability: 'write' | 'fsync'): Promise<Record<string, unknown>> {
  const log = progress(options.json);
  const samples = options.quick ? 5_000 : 50_000;
  const warmup = options.quick ? 1_000 : 5_000;
  log(`venue (durability ${durability}, FIX gateway on) in a child process`);
  const venue = await spawnVenue({ ...benchConfig(durability), fix: { port: 0, senderCompId: 'KAPITA', sessions: [] } });
  try {
    if (venue.fixPort === undefined) throw new Error('the venue started no FIX gateway');
    await seedLiquidity(venue.url, venue.admin, [BTC_USD]);
    const trader = await createAccount(venue.admin, 'trader', TRADER_DEPOSITS);
    const fix = await FixBenchClient.logon(venue.fixPort, trader.credentials);
    const socket = await BenchSocket.open(venue.url);
    const refresh = (): Promise<void> => authenticate(socket, venue.url, trader.credentials);
    await refresh();
    const fixHistogram = newHistogram();
    const wsHistogram = newHistogram();
    const outcomes = new Map<string, number>();
    const tally = new Tally();
    log(`FIX: ${warmup} warm-up + ${samples} market IOCs; WebSocket: the same, alternating halves`);
    await fixLoop(fix, warmup, undefined, new Map());
    await closedLoop(socket, warmup, { refresh });
    // Halves alternate so that both APIs meet the same machine noise.
    for (let half = 0; half < 4; half++) {
      await fixLoop(fix, samples / 4, fixHistogram, outcomes);
      await closedLoop(socket, samples / 4, { histogram: wsHistogram, tally, refresh });
    }
    fix.close();
    socket.close();
    await venue.stop();
    const fixUs = percentilesUs(fixHistogram);
    const wsUs = percentilesUs(wsHistogram);
    return {
      durability,
      roundTripSamples: samples,
      fixRoundTripUs: fixUs,
      wsRoundTripUs: wsUs,
      ratioP50FixVsWs: round(fixUs.p50 / wsUs.p50, 2),
      ratioP99FixVsWs: round(fixUs.p99 / wsUs.p99, 2),
      fixFinalStatuses: Object.fromEntries(outcomes),
      wsOutcomes: tally.report(),
    };
  } catch (error) {
    await venue.stop().catch(() => undefined);
    throw error;
  }
}

export async function fixBenchmark(options: BenchOptions): Promise<Record<string, unknown>> {
  const write = await roundTrips(options, 'write');
  const fsync = await roundTrips(options, 'fsync');
  return { benchmark: 'fix', ...codecFigures(options), ...write, fsync, cpus: cpus().length };
}
