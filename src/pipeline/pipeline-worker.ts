// The pipeline's two worker threads, one script: workerData.role picks the loop.
//
// core      single writer of all state: takes command records from the input ring, stamps seq and
//           time, hands the record to the journaler, applies it to the engine and publishes the
//           events. It never waits for the disk: it may run ahead of the journal, and responders
//           release nothing until durableSeq covers it.
// journaler takes the core's records in seq order, writes them in blocks (group commit: whatever
//           has accumulated when it looks), syncs per the policy and advances durableSeq.
// snapshotter follows the journal files with a replica engine and writes the snapshots from it, so
//           a snapshot stalls neither the core nor the journal, however large the book.
import { parentPort, workerData } from 'node:worker_threads';
import { EVENT_WIDTH } from '../engine/event.js';
import { JournalWriter } from '../journal/journal-writer.js';
import { scanJournal } from '../journal/journal-reader.js';
import { JournalTail } from '../journal/journal-tail.js';
import { journalDir, recover, snapshotBuffers, takeSnapshot } from '../journal/store.js';
import { COMMAND_RECORD_BYTES, decodeCommand, decodeOrigin, emptyCommand } from '../protocol/command-record.js';
import { COMMAND_END, OUTPUT_ORIGIN_OFFSET, OUTPUT_REQUEST_OFFSET } from '../protocol/output-record.js';
import { BlockingWait, RingBuffer } from './index.js';
import {
  C_CORE_SEQ,
  C_CORE_STATE,
  C_DURABLE_SEQ,
  C_DURABLE_TICK,
  C_JOURNALER_STATE,
  C_SNAPSHOTTER_STATE,
  C_STOP,
  controlInts,
  controlSeqs,
  type PipelineShared,
  STATE_FAILED,
  STATE_RUNNING,
  STATE_STOPPED,
  type WorkerMessage,
} from './pipeline-shared.js';
import { SequencerClock } from '../core/sequencer.js';

/**
 * How long the core waits for room in the journal or output ring before it declares the consumer
 * dead and fails loudly (a slow disk or a busy responder takes milliseconds, not a minute).
 */
const STUCK_CONSUMER_MS = 60_000;

const shared = workerData as PipelineShared & { role: 'core' | 'journaler' | 'snapshotter' };
const ints = controlInts(shared.control);
const seqs = controlSeqs(shared.control);

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}

function warn(message: string): void {
  post({ kind: 'warning', message });
}

function runCore(): void {
  const input = RingBuffer.attach(shared.input, { wait: new BlockingWait() });
  const journal = RingBuffer.attach(shared.journal, { wait: new BlockingWait() });
  const output = RingBuffer.attach(shared.output, { wait: new BlockingWait() });
  const engine = recover(shared.dataDir, { repair: false, book: shared.book, warn }).engine;
  const clock = new SequencerClock(engine.timestampNs);
  const command = emptyCommand();
  const origin = { origin: 0, requestId: 0 };
  const events = engine.events;
  let seq = engine.sequence;
  let timestamp = 0n;
  let record: DataView = input.view;
  let recordOffset = 0;
  let eventIndex = 0;
  // Writers are built once: publishing a record allocates nothing.
  const writeJournal = (view: DataView, offset: number): void => {
    view.setBigUint64(offset, timestamp, true);
    for (let i = 0; i < COMMAND_RECORD_BYTES; i += 8) view.setFloat64(offset + 8 + i, record.getFloat64(recordOffset + i, true), true);
  };
  const writeEvent = (view: DataView, offset: number): void => {
    const data = events.data;
    const from = eventIndex * EVENT_WIDTH;
    for (let i = 0; i < EVENT_WIDTH; i++) view.setFloat64(offset + i * 8, data[from + i] ?? 0, true);
    view.setUint32(offset + OUTPUT_ORIGIN_OFFSET, origin.origin, true);
    view.setUint32(offset + OUTPUT_REQUEST_OFFSET, origin.requestId, true);
  };
  const writeEnd = (view: DataView, offset: number): void => {
    view.setFloat64(offset, COMMAND_END, true);
    view.setFloat64(offset + 8, seq, true);
    view.setFloat64(offset + 16, events.count, true);
    view.setBigUint64(offset + 24, timestamp, true);
    for (let i = 4; i < EVENT_WIDTH; i++) view.setFloat64(offset + i * 8, 0, true);
    view.setUint32(offset + OUTPUT_ORIGIN_OFFSET, origin.origin, true);
    view.setUint32(offset + OUTPUT_REQUEST_OFFSET, origin.requestId, true);
  };
  const handle = (view: DataView, offset: number): void => {
    record = view;
    recordOffset = offset;
    seq++;
    timestamp = clock.nowNs();
    journal.publish(writeJournal, STUCK_CONSUMER_MS);
    decodeCommand(view, offset, command);
    decodeOrigin(view, offset, origin);
    engine.apply(command, seq, timestamp);
    for (eventIndex = 0; eventIndex < events.count; eventIndex++) output.publish(writeEvent, STUCK_CONSUMER_MS);
    output.publish(writeEnd, STUCK_CONSUMER_MS);
  };
  Atomics.store(ints, C_CORE_STATE, STATE_RUNNING);
  post({ kind: 'ready', role: 'core', seq });
  for (;;) {
    const handled = input.take(handle, 256, 20);
    if (handled > 0) {
      Atomics.store(seqs, C_CORE_SEQ, BigInt(seq));
      // The journaler may have made these commands durable before their output was published here;
      // bump the tick the responder waits on, so it does not sleep until the next commit (seen: 5 ms).
      Atomics.add(ints, C_DURABLE_TICK, 1);
      Atomics.notify(ints, C_DURABLE_TICK);
    }
    else if (Atomics.load(ints, C_STOP) === 1 && input.pending === 0) break;
  }
  Atomics.store(ints, C_CORE_STATE, STATE_STOPPED);
  Atomics.notify(ints, C_CORE_STATE);
}

function runJournaler(): void {
  const journal = RingBuffer.attach(shared.journal, { wait: new BlockingWait() });
  const lastSeq = scanJournal(journalDir(shared.dataDir), undefined, { warn }).lastSeq;
  const writer = JournalWriter.open(journalDir(shared.dataDir), { policy: shared.policy, nextSeq: lastSeq + 1 });
  const handle = (view: DataView, offset: number): void => {
    writer.append(writer.lastSeq + 1, view.getBigUint64(offset, true), view, offset + 8);
  };
  const publishDurable = (): void => {
    const durable = writer.commit();
    if (BigInt(durable) !== Atomics.load(seqs, C_DURABLE_SEQ)) {
      Atomics.store(seqs, C_DURABLE_SEQ, BigInt(durable));
      Atomics.add(ints, C_DURABLE_TICK, 1);
      Atomics.notify(ints, C_DURABLE_TICK);
    }
  };
  Atomics.store(seqs, C_DURABLE_SEQ, BigInt(writer.durableSeq));
  Atomics.store(ints, C_JOURNALER_STATE, STATE_RUNNING);
  post({ kind: 'ready', role: 'journaler', seq: writer.durableSeq });
  for (;;) {
    // Group commit: take what has accumulated (up to a block), write it once, sync once.
    const handled = journal.take(handle, 4096, 10);
    if (handled > 0) publishDurable();
    if (handled === 0 && Atomics.load(ints, C_CORE_STATE) >= STATE_STOPPED && journal.pending === 0) break;
  }
  publishDurable();
  writer.close();
  Atomics.store(ints, C_JOURNALER_STATE, STATE_STOPPED);
  Atomics.notify(ints, C_JOURNALER_STATE);
}

/**
 * Keeps a replica engine current by following the journal files (only written commands) and
 * writes a snapshot from it every interval. Neither the core nor the journaler waits for it.
 */
function runSnapshotter(): void {
  const recovered = recover(shared.dataDir, { repair: false, book: shared.book, warn });
  const replica = recovered.engine;
  const tail = new JournalTail(journalDir(shared.dataDir), replica.sequence + 1);
  const command = emptyCommand();
  const apply = (seq: number, timestamp: bigint, view: DataView, offset: number): void => {
    replica.apply(decodeCommand(view, offset, command), seq, timestamp);
  };
  let snapshotSeq = recovered.snapshotSeq;
  const buffers = snapshotBuffers();
  const snapshot = (): void => {
    if (replica.sequence === snapshotSeq) return;
    const path = takeSnapshot(shared.dataDir, replica, recovered.config, shared.snapshotsKept, buffers);
    snapshotSeq = replica.sequence;
    post({ kind: 'snapshot', seq: snapshotSeq, path });
  };
  Atomics.store(ints, C_SNAPSHOTTER_STATE, STATE_RUNNING);
  post({ kind: 'ready', role: 'snapshotter', seq: replica.sequence });
  let lastSnapshotMs = performance.now();
  for (;;) {
    const journalerDone = Atomics.load(ints, C_JOURNALER_STATE) === STATE_STOPPED || Atomics.load(ints, C_JOURNALER_STATE) === STATE_FAILED;
    const tick = Atomics.load(ints, C_DURABLE_TICK);
    tail.poll(apply);
    if (journalerDone) break;
    if (shared.snapshotIntervalMs > 0 && performance.now() - lastSnapshotMs >= shared.snapshotIntervalMs) {
      snapshot();
      lastSnapshotMs = performance.now();
    }
    Atomics.wait(ints, C_DURABLE_TICK, tick, 10);
  }
  tail.close();
  snapshot();
  Atomics.store(ints, C_SNAPSHOTTER_STATE, STATE_STOPPED);
}

const STATE_CELL = { core: C_CORE_STATE, journaler: C_JOURNALER_STATE, snapshotter: C_SNAPSHOTTER_STATE } as const;

try {
  if (shared.role === 'core') runCore();
  else if (shared.role === 'journaler') runJournaler();
  else runSnapshotter();
} catch (error) {
  // A crash here is a broken invariant or a disk failure: stop everything, loudly.
  Atomics.store(ints, STATE_CELL[shared.role], STATE_FAILED);
  Atomics.store(ints, C_STOP, 1);
  throw error;
}
