// The record the cross-thread tests push through rings: who sent it, its place in that producer's
// stream, a payload derived from both, and a checksum, so that a lost, repeated, reordered, torn or
// stale record is caught by the consumer. Shared by the tests (through vitest) and the worker
// fixtures (transpiled, see worker-modules.ts), so it imports only the pipeline itself.
import { BlockingWait, BusySpinWait, YieldingWait, type WaitStrategy } from '../../src/pipeline/index.js';

export const STRESS_RECORD_BYTES = 64;
const PAYLOAD_WORDS = 12;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

export type WaitName = 'blocking' | 'yielding' | 'busy-spin';

export function waitStrategy(name: WaitName): WaitStrategy {
  switch (name) {
    case 'blocking':
      return new BlockingWait();
    case 'yielding':
      return new YieldingWait();
    case 'busy-spin':
      return new BusySpinWait();
  }
}

/** What a producer worker is told (its workerData). */
export interface ProducerJob {
  readonly buffer: SharedArrayBuffer;
  readonly producerId: number;
  readonly records: number;
  readonly wait: WaitName;
  /** Try first and count refusals ("busy"), then block: exercises both publish paths. */
  readonly tryFirst: boolean;
}

/** What the echo worker is told: it consumes `input` and republishes every record into `output`. */
export interface EchoJob {
  readonly input: SharedArrayBuffer;
  readonly output: SharedArrayBuffer;
  readonly wait: WaitName;
}

/** A record whose first word is this stops the echo worker. */
export const ECHO_STOP = 0xffff_ffff;

/** What a producer worker reports when it has published all its records. */
export interface ProducerReport {
  readonly producerId: number;
  readonly published: number;
  readonly busy: number;
}

export const RecordProblem = { NONE: 0, UNKNOWN_PRODUCER: 1, TORN: 2, PAYLOAD: 3, CHECKSUM: 4, OUT_OF_ORDER: 5 } as const;
export type RecordProblem = (typeof RecordProblem)[keyof typeof RecordProblem];

function seed(producerId: number, sequence: number): number {
  return (Math.imul(producerId + 1, 0x9e3779b1) ^ Math.imul(sequence + 1, 0x85ebca6b)) | 1;
}

/** xorshift32: never 0 from a non-zero state. */
function step(x: number): number {
  x ^= x << 13;
  x ^= x >>> 17;
  return x ^ (x << 5);
}

export function writeStressRecord(view: DataView, offset: number, producerId: number, sequence: number): void {
  view.setUint32(offset, producerId, true);
  view.setUint32(offset + 4, sequence, true);
  let sum = Math.imul(Math.imul(FNV_OFFSET ^ producerId, FNV_PRIME) ^ sequence, FNV_PRIME);
  let x = seed(producerId, sequence);
  for (let i = 0; i < PAYLOAD_WORDS; i++) {
    x = step(x);
    view.setInt32(offset + 8 + 4 * i, x, true);
    sum = Math.imul(sum ^ x, FNV_PRIME);
  }
  view.setInt32(offset + 56, sum, true);
  view.setUint32(offset + 60, sequence, true);
}

/**
 * Checks one record against the producers' streams: `expected[p]` is the next sequence producer p
 * must deliver, advanced on success. Allocates nothing (it runs once per record).
 */
export function checkStressRecord(view: DataView, offset: number, expected: Uint32Array): RecordProblem {
  const producerId = view.getUint32(offset, true);
  if (producerId >= expected.length) return RecordProblem.UNKNOWN_PRODUCER;
  const sequence = view.getUint32(offset + 4, true);
  if (view.getUint32(offset + 60, true) !== sequence) return RecordProblem.TORN;
  let sum = Math.imul(Math.imul(FNV_OFFSET ^ producerId, FNV_PRIME) ^ sequence, FNV_PRIME);
  let x = seed(producerId, sequence);
  for (let i = 0; i < PAYLOAD_WORDS; i++) {
    x = step(x);
    const word = view.getInt32(offset + 8 + 4 * i, true);
    if (word !== x) return RecordProblem.PAYLOAD;
    sum = Math.imul(sum ^ word, FNV_PRIME);
  }
  if (view.getInt32(offset + 56, true) !== sum) return RecordProblem.CHECKSUM;
  if (sequence !== expected[producerId]) return RecordProblem.OUT_OF_ORDER;
  expected[producerId] = sequence + 1;
  return RecordProblem.NONE;
}
