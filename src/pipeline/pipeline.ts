// The pipeline host, in the main thread: it owns the rings, starts the core and journaler workers,
// lets gateways submit command records, and runs the responder, which hands out each event only once
// the journal has made its command durable (event.seq ≤ durableSeq): no response, execution report
// or market data about a command leaves the process before the command is durable.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Command } from '../engine/command.js';
import type { BookKind } from '../core/engine.js';
import { scanJournal } from '../journal/journal-reader.js';
import type { DurabilityPolicy } from '../journal/journal-writer.js';
import { RECORD_BYTES } from '../journal/format.js';
import { type CoreConfig, journalDir, openStore } from '../journal/store.js';
import { COMMAND_RECORD_BYTES, encodeCommand } from '../protocol/command-record.js';
import { OUTPUT_RECORD_BYTES, outputSeq } from '../protocol/output-record.js';
import { RingBuffer } from './index.js';
import {
  C_CORE_SEQ,
  C_CORE_STATE,
  C_DURABLE_SEQ,
  C_DURABLE_TICK,
  C_JOURNALER_STATE,
  C_SNAPSHOTTER_STATE,
  C_STOP,
  CONTROL_BYTES,
  controlInts,
  controlSeqs,
  type PipelineShared,
  STATE_FAILED,
  type WorkerMessage,
} from './pipeline-shared.js';

export interface PipelineOptions {
  readonly dataDir: string;
  readonly config: CoreConfig;
  readonly policy?: DurabilityPolicy;
  readonly book?: BookKind;
  /** Default 100 ms; 0 turns periodic snapshots off (one is still taken at a clean stop). */
  readonly snapshotIntervalMs?: number;
  readonly snapshotsKept?: number;
  /** Ring sizes (slots, powers of two). */
  readonly inputSlots?: number;
  readonly outputSlots?: number;
  readonly journalSlots?: number;
  readonly warn?: (message: string) => void;
  /**
   * The operator's explicit choice to start from the last valid journal block when the journal is
   * damaged before its tail (everything after the damage is cut away). Off by default: damage stops
   * start-up with an error naming file, offset and seq.
   */
  readonly recoverToLastValid?: boolean;
}

/** Called for every released output record (an event, or the COMMAND_END that closes a command). */
export type ResponseHandler = (view: DataView, offset: number) => void;

/**
 * Workers run compiled JavaScript. Under the test runner this module is TypeScript source, so the
 * worker script is taken from the build (`npm test` builds first).
 */
function workerScript(): URL {
  const here = new URL('./pipeline-worker.js', import.meta.url);
  if (!import.meta.url.endsWith('.ts')) return here;
  const built = new URL(here.href.replace('/src/pipeline/', '/dist/src/pipeline/'));
  if (!existsSync(fileURLToPath(built))) throw new Error(`pipeline worker not built: ${fileURLToPath(built)} (run npm run build)`);
  return built;
}

export class Pipeline {
  private readonly input: RingBuffer;
  private readonly output: RingBuffer;
  private readonly ints: Int32Array;
  private readonly seqs: BigInt64Array;
  private readonly record = new DataView(new ArrayBuffer(COMMAND_RECORD_BYTES));
  private readonly recordBytes = new Uint8Array(this.record.buffer);
  private readonly workers: Worker[] = [];
  /** One per worker, settled when it exits (registered at spawn, so an early exit is not missed). */
  private readonly exits: Promise<unknown>[] = [];
  private failure: Error | undefined;
  private readonly failureListeners: ((error: Error) => void)[] = [];
  private responder: ResponseHandler = () => undefined;
  private responding = false;
  private stopped = false;

  private constructor(
    private readonly shared: PipelineShared,
    private readonly warn: (message: string) => void,
  ) {
    this.input = RingBuffer.attach(shared.input);
    this.output = RingBuffer.attach(shared.output);
    this.ints = controlInts(shared.control);
    this.seqs = controlSeqs(shared.control);
  }

  static async start(options: PipelineOptions): Promise<Pipeline> {
    const warn = options.warn ?? ((message: string) => process.emitWarning(message));
    openStore(options.dataDir, options.config);
    // Start-up's repairs happen once, here, before any worker reads the journal.
    scanJournal(journalDir(options.dataDir), undefined, { repair: true, toLastValid: options.recoverToLastValid === true, warn });
    const shared: PipelineShared = {
      dataDir: options.dataDir,
      book: options.book ?? 'fast',
      policy: options.policy ?? 'fsync',
      snapshotIntervalMs: options.snapshotIntervalMs ?? 100,
      snapshotsKept: options.snapshotsKept ?? 3,
      input: RingBuffer.create({ slotBytes: COMMAND_RECORD_BYTES, slots: options.inputSlots ?? 1 << 14 }).buffer,
      journal: RingBuffer.create({ slotBytes: RECORD_BYTES + 8, slots: options.journalSlots ?? 1 << 16, producers: 'single' }).buffer,
      output: RingBuffer.create({ slotBytes: OUTPUT_RECORD_BYTES, slots: options.outputSlots ?? 1 << 16, producers: 'single' }).buffer,
      control: new SharedArrayBuffer(CONTROL_BYTES),
    };
    const pipeline = new Pipeline(shared, warn);
    // Core and snapshotter recover before the journaler starts: it opens a new segment, which their
    // reads of the journal must not see half-made.
    try {
      // Both read-only recoveries at once (one core each); the journaler waits for them.
      await Promise.all([pipeline.spawn('core'), pipeline.spawn('snapshotter')]);
      await pipeline.spawn('journaler');
    } catch (error) {
      // One worker could not start (a damaged journal, say): take the others down with it.
      await Promise.all(pipeline.workers.map((worker) => worker.terminate()));
      throw error;
    }
    return pipeline;
  }

  private spawn(role: 'core' | 'journaler' | 'snapshotter'): Promise<void> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(workerScript(), { workerData: { ...this.shared, role } });
      this.workers.push(worker);
      this.exits.push(new Promise((settle) => worker.once('exit', settle)));
      worker.on('message', (message: WorkerMessage) => {
        if (message.kind === 'ready') resolve();
        else if (message.kind === 'warning') this.warn(message.message);
      });
      worker.on('error', (error) => {
        this.fail(error);
        reject(error);
      });
      worker.on('exit', (code) => {
        if (code !== 0 && this.failure === undefined) this.fail(new Error(`${role} worker exited with code ${code}`));
        reject(this.failure ?? new Error(`${role} worker exited before it was ready`));
      });
    });
  }

  /** The input ring's buffer, for gateway threads: `RingBuffer.attach(buffer)` and publish records. */
  get inputBuffer(): SharedArrayBuffer {
    return this.shared.input;
  }

  get durableSeq(): number {
    return Number(Atomics.load(this.seqs, C_DURABLE_SEQ));
  }

  /** The last seq the core has sequenced (durable or not). */
  get coreSeq(): number {
    return Number(Atomics.load(this.seqs, C_CORE_SEQ));
  }

  /** Records waiting in the input ring (gateways → core) and the output ring (core → responder). */
  get ringDepths(): { input: number; output: number } {
    return { input: this.input.pending, output: this.output.pending };
  }

  private fail(error: Error): void {
    if (this.failure !== undefined) return;
    this.failure = error;
    Atomics.store(this.ints, C_STOP, 1);
    for (const listener of this.failureListeners) listener(error);
  }

  /** Called once with the first worker failure (the pipeline then stops on its own). */
  onFailure(listener: (error: Error) => void): void {
    this.failureListeners.push(listener);
    if (this.failure !== undefined) listener(this.failure);
  }

  /** The first error of a worker, if one failed. */
  get error(): Error | undefined {
    return this.failure;
  }

  /**
   * Publishes a command if the input ring has room; false means "busy" (back-pressure). `origin` and
   * `requestId` come back on the command's response records. Never blocks: this thread also runs
   * the responder, and blocking here while the core waits for the responder to drain the output
   * ring would deadlock the two.
   */
  trySubmit(command: Command, requestId: number, origin = 0): boolean {
    if (this.stopped) throw new Error('pipeline is stopped');
    if (this.failure !== undefined) throw this.failure;
    encodeCommand(this.record, 0, command, origin, requestId);
    return this.input.tryPublish(this.copyRecord);
  }

  /** Copies the encoded record into a claimed slot (built once: submitting allocates nothing). */
  private readonly copyRecord = (_view: DataView, offset: number): void => {
    this.input.bytes.set(this.recordBytes, offset);
  };

  /** Publishes a command, yielding to the event loop (and so to the responder) while the ring is full. */
  async submit(command: Command, requestId: number, origin = 0): Promise<void> {
    while (!this.trySubmit(command, requestId, origin)) await new Promise((resolve) => setImmediate(resolve));
  }

  /** Starts the responder: `handler` gets every output record whose command is durable, in order. */
  respond(handler: ResponseHandler): void {
    this.responder = handler;
    if (this.responding) return;
    this.responding = true;
    void this.respondLoop();
  }

  private async respondLoop(): Promise<void> {
    const release = (view: DataView, offset: number): void => {
      this.responder(view, offset);
    };
    const slots = this.output.slots;
    const view = this.output.view;
    while (this.responding) {
      // The tick is read before the state it guards: a bump after this line ends the wait below at
      // once, so no durable output can be missed for the wait's whole timeout.
      const tick = Atomics.load(this.ints, C_DURABLE_TICK);
      const durable = this.durableSeq;
      // The run of published records whose seq is durable (seqs only grow along the ring), released
      // as one batch.
      const published = this.output.pending;
      const next = this.output.nextSequence;
      let ready = 0;
      while (ready < published && outputSeq(view, ((next + ready) & (slots - 1)) * OUTPUT_RECORD_BYTES) <= durable) ready++;
      const released = ready > 0 ? this.output.poll(release, ready) : 0;
      if (released === 0) {
        if (this.stopped && this.allStopped() && this.output.pending === 0) break;
        const waited = Atomics.waitAsync(this.ints, C_DURABLE_TICK, tick, 5);
        if (waited.async) await waited.value;
        else await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  private allStopped(): boolean {
    return Atomics.load(this.ints, C_JOURNALER_STATE) >= 2 && Atomics.load(this.ints, C_CORE_STATE) >= 2;
  }

  /** Clean shutdown: the core drains its input, the journaler commits and marks, the snapshotter writes a last snapshot. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    Atomics.store(this.ints, C_STOP, 1);
    await Promise.all(this.exits);
    while (this.responding && this.output.pending > 0) await new Promise((resolve) => setTimeout(resolve, 1));
    this.responding = false;
    if ([C_CORE_STATE, C_JOURNALER_STATE, C_SNAPSHOTTER_STATE].some((cell) => Atomics.load(this.ints, cell) === STATE_FAILED)) {
      throw this.failure ?? new Error('a pipeline worker failed');
    }
  }
}
