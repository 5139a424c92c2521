// What the pipeline's threads share: three rings and a small control block, all SharedArrayBuffers,
// plus the plain settings each worker needs. Passed to workers as workerData.
import type { BookKind } from '../core/engine.js';
import type { DurabilityPolicy } from '../journal/journal-writer.js';

export interface PipelineShared {
  readonly dataDir: string;
  readonly book: BookKind;
  readonly policy: DurabilityPolicy;
  readonly snapshotIntervalMs: number;
  readonly snapshotsKept: number;
  /** Gateways → core: command records (multi-producer). */
  readonly input: SharedArrayBuffer;
  /** Core → journaler: timestamp + command record, in seq order (single producer). */
  readonly journal: SharedArrayBuffer;
  /** Core → responders: events and command ends (single producer). */
  readonly output: SharedArrayBuffer;
  /** Control block, see the C_ offsets. */
  readonly control: SharedArrayBuffer;
}

/** Int32 cells of the control block. */
export const C_STOP = 0;
export const C_CORE_STATE = 1;
export const C_JOURNALER_STATE = 2;
/** Incremented (and notified) whenever durableSeq advances or the core publishes output, for Atomics.wait/waitAsync. */
export const C_DURABLE_TICK = 3;
export const C_SNAPSHOTTER_STATE = 4;
export const CONTROL_INT32S = 6;
/** BigInt64 cells after the Int32 cells: the highest durable seq, and the last sequenced seq. */
export const C_DURABLE_SEQ = 0;
export const C_CORE_SEQ = 1;
export const CONTROL_BYTES = CONTROL_INT32S * 4 + 2 * 8;

export const STATE_STARTING = 0;
export const STATE_RUNNING = 1;
export const STATE_STOPPED = 2;
export const STATE_FAILED = 3;

export function controlInts(control: SharedArrayBuffer): Int32Array {
  return new Int32Array(control, 0, CONTROL_INT32S);
}

export function controlSeqs(control: SharedArrayBuffer): BigInt64Array {
  return new BigInt64Array(control, CONTROL_INT32S * 4, 2);
}

/** Messages a worker posts to the host. */
export type WorkerMessage = { readonly kind: 'ready'; readonly role: string; readonly seq: number } | { readonly kind: 'warning'; readonly message: string } | { readonly kind: 'snapshot'; readonly seq: number; readonly path: string };
