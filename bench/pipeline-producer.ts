// A gateway stand-in for the pipeline benchmark: a worker thread that publishes `count` command
// records into the input ring as fast as back-pressure lets it.
import { parentPort, workerData } from 'node:worker_threads';
import { place, Side, cancel } from '../src/engine/command.js';
import { COMMAND_RECORD_BYTES, encodeCommand } from '../src/protocol/command-record.js';
import { RingBuffer, YieldingWait } from '../src/pipeline/index.js';

const { input, count, producer, producers } = workerData as { input: SharedArrayBuffer; count: number; producer: number; producers: number };
const ring = RingBuffer.attach(input, { wait: new YieldingWait() });
const buy = place({ instrumentId: 1, accountId: 1, side: Side.BUY, priceTicks: 1, quantityLots: 1 });
const sell = place({ instrumentId: 1, accountId: 2, side: Side.SELL, priceTicks: 1, quantityLots: 1 });
const undo = cancel(1, 1, 1);
let i = 0;
const write = (view: DataView, offset: number): void => {
  // Mostly resting orders on both sides, every tenth crossing, every fifth a cancel.
  const n = i * producers + producer;
  if (i % 5 === 4) {
    undo.orderId = Math.max(1, n - 3);
    encodeCommand(view, offset, undo, producer, i);
    return;
  }
  const command = n % 2 === 0 ? buy : sell;
  command.priceTicks = n % 10 === 0 ? (command === buy ? 5_000_100 : 4_999_900) : command === buy ? 4_999_000 - (n % 500) : 5_001_000 + (n % 500);
  command.quantityLots = 1 + (n % 7);
  encodeCommand(view, offset, command, producer, i);
};
for (i = 0; i < count; i++) ring.publish(write);
parentPort?.postMessage({ done: COMMAND_RECORD_BYTES });
