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
// The FIX round trip over loopback is not measured yet: the exchange application behind the FIX
// session is not built.
import { FixEncoder, type FixField, parseMessage } from '../src/fix/codec.js';
import { defaultDictionaryPaths, loadFixDictionary } from '../src/fix/dictionary.js';
import { SAMPLE_SESSION_HEADER, sampleExecutionReport, sampleNewOrderSingle } from '../src/fix/bench-support.js';
import { validateMessage } from '../src/fix/validator.js';
import { type BenchOptions, median, nowNs, round } from './report.js';

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

export function fixBenchmark(options: BenchOptions): Record<string, unknown> {
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
    benchmark: 'fix',
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
