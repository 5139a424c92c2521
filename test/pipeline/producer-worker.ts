// A gateway stand-in: attaches to the ring it is given and publishes `records` stress records.
// Runs in a worker thread from a plain-JavaScript copy made by worker-modules.ts (Node 20 workers
// cannot load TypeScript); it is type-checked and linted with the rest of the tests.
import { parentPort, workerData } from 'node:worker_threads';
import { RingBuffer, type RecordWriter } from '../../src/pipeline/index.js';
import { waitStrategy, writeStressRecord, type ProducerJob, type ProducerReport } from './stress-record.js';

/** Long enough that only a consumer that stopped for good trips it, never a slow machine. */
const PUBLISH_TIMEOUT_MS = 300_000;


const job = workerData as ProducerJob;
const ring = RingBuffer.attach(job.buffer, { wait: waitStrategy(job.wait) });
let sequence = 0;
let busy = 0;
// One writer for the whole run: it reads `sequence`, so publishing allocates nothing.
const write: RecordWriter = (view, offset) => {
  writeStressRecord(view, offset, job.producerId, sequence);
};
for (; sequence < job.records; sequence++) {
  if (job.tryFirst) {
    if (ring.tryPublish(write)) continue;
    busy++;
  }
  ring.publish(write, PUBLISH_TIMEOUT_MS);
}
const report: ProducerReport = { producerId: job.producerId, published: sequence, busy };
parentPort?.postMessage(report);
