// A core stand-in for the wake-up test: consumes the input ring and copies every record to the
// output ring, waiting without a deadline on both sides, so a lost wake-up hangs the round trip
// instead of hiding behind a timeout. A record whose first word is ECHO_STOP ends it.
// Runs from the plain-JavaScript copy made by worker-modules.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { RingBuffer, type RecordHandler } from '../../src/pipeline/index.js';
import { ECHO_STOP, waitStrategy, type EchoJob } from './stress-record.js';


const job = workerData as EchoJob;
const wait = waitStrategy(job.wait);
const input = RingBuffer.attach(job.input, { wait });
const output = RingBuffer.attach(job.output, { wait });
let source: DataView = input.view;
let from = 0;
let stopped = false;
let echoed = 0;
const copy = (view: DataView, offset: number): void => {
  for (let i = 0; i < input.slotBytes; i += 4) view.setUint32(offset + i, source.getUint32(from + i, true), true);
};
const handler: RecordHandler = (view, offset) => {
  source = view;
  from = offset;
  if (view.getUint32(offset, true) === ECHO_STOP) stopped = true;
  else {
    output.publish(copy);
    echoed++;
  }
};
while (!stopped) input.take(handler, 64);
parentPort?.postMessage(echoed);
