// RingBuffer across threads: producer workers publish checksummed records (stress-record.ts) while
// this thread consumes and checks that every record arrives exactly once, in each producer's order,
// untorn. No timing is asserted: a slow machine only makes a run take longer. Only a run that makes
// no progress at all for NO_PROGRESS_MS fails, since that is a lost wake-up, not slowness.
//
// `npm test` runs 4M records per wait strategy that shares cores well (blocking, yielding)
// and short busy-spin and single-producer runs. KAPITA_STRESS=1 adds the long runs (10M records,
// or KAPITA_STRESS_RECORDS) and prints their times:
//   KAPITA_STRESS=1 npx vitest run test/pipeline/ring-buffer-threads.test.ts
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RingBuffer, type ProducerMode, type RecordHandler } from '../../src/pipeline/index.js';
import {
  checkStressRecord,
  ECHO_STOP,
  RecordProblem,
  STRESS_RECORD_BYTES,
  waitStrategy,
  type EchoJob,
  type ProducerJob,
  type ProducerReport,
  type WaitName,
} from './stress-record.js';
import { transpileWorkerModules, type WorkerModules } from './worker-modules.js';

const NO_PROGRESS_MS = 120_000;
/** One record's trip through a ring takes microseconds; this long means nobody will wake the waiter. */
const HANDOFF_TIMEOUT_MS = 60_000;
const ECHO_ROUNDS = 30_000;
const STRESS = process.env['KAPITA_STRESS'] === '1';
const STRESS_RECORDS = Number(process.env['KAPITA_STRESS_RECORDS'] ?? 10_000_000);

interface StressCase {
  readonly producers: number;
  readonly records: number;
  readonly wait: WaitName;
  readonly mode: ProducerMode;
  readonly slots: number;
}

interface StressResult {
  readonly consumed: number;
  readonly seconds: number;
  readonly busy: number;
  readonly reports: readonly ProducerReport[];
}


let modules: WorkerModules;
beforeAll(() => {
  modules = transpileWorkerModules();
});
afterAll(() => {
  modules.dispose();
});

/** Starts one producer worker; the promise settles with its report, or rejects if it fails or exits early. */
function startProducer(job: ProducerJob, workers: Worker[]): Promise<ProducerReport> {
  const worker = new Worker(modules.url('test/pipeline/producer-worker.ts'), { workerData: job });
  workers.push(worker);
  return new Promise((resolve, reject) => {
    let report: ProducerReport | undefined;
    worker.on('message', (message: ProducerReport) => (report = message));
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (report !== undefined && code === 0) resolve(report);
      else reject(new Error(`producer ${job.producerId} exited with code ${code} before reporting`));
    });
  });
}

async function runStress(c: StressCase): Promise<StressResult> {
  const ring = RingBuffer.create({ slotBytes: STRESS_RECORD_BYTES, slots: c.slots, producers: c.mode, wait: waitStrategy(c.wait) });
  const total = c.producers * c.records;
  const expected = new Uint32Array(c.producers);
  let consumed = 0;
  let firstProblem: string | undefined;
  const handler: RecordHandler = (view, offset, sequence) => {
    const problem = checkStressRecord(view, offset, expected);
    if (firstProblem === undefined && (problem !== RecordProblem.NONE || sequence !== consumed)) {
      const name = Object.keys(RecordProblem).find((key) => RecordProblem[key as keyof typeof RecordProblem] === problem);
      firstProblem = `record ${consumed} (ring sequence ${sequence}, producer ${view.getUint32(offset, true)}, its #${view.getUint32(offset + 4, true)}): ${name}`;
    }
    consumed++;
  };

  const workers: Worker[] = [];
  let failure: Error | undefined;
  const started = performance.now();
  const reports = Promise.all(
    Array.from({ length: c.producers }, (_, producerId) =>
      startProducer({ buffer: ring.buffer, producerId, records: c.records, wait: c.wait, tryFirst: producerId % 2 === 1 }, workers),
    ),
  );
  reports.catch((error: unknown) => (failure = error instanceof Error ? error : new Error('a producer failed', { cause: error })));
  try {
    let lastProgress = started;
    for (let turn = 1; consumed < total; turn++) {
      if (ring.take(handler, 1_024, 20) > 0) lastProgress = performance.now();
      // Let worker messages and errors in now and then; the consumer otherwise never yields.
      if (turn % 64 === 0 || performance.now() - lastProgress > 20) {
        await nextTurn();
        if (failure !== undefined) throw failure;
        if (performance.now() - lastProgress > NO_PROGRESS_MS) {
          throw new Error(`no record for ${NO_PROGRESS_MS} ms after ${consumed} of ${total} (${ring.pending} pending; first problem: ${firstProblem ?? 'none'})`);
        }
      }
    }
    const seconds = (performance.now() - started) / 1_000;
    const done = await reports;
    expect(firstProblem).toBeUndefined();
    expect(consumed).toBe(total);
    expect(Array.from(expected)).toEqual(Array.from({ length: c.producers }, () => c.records));
    expect(ring.poll(() => undefined, 1)).toBe(0);
    expect(ring.pending).toBe(0);
    return { consumed, seconds, busy: done.reduce((sum, report) => sum + report.busy, 0), reports: done };
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function describeResult(c: StressCase, result: StressResult): string {
  const rate = (result.consumed / result.seconds / 1e6).toFixed(2);
  return `${result.consumed} records, ${c.producers} ${c.mode} producer(s), ${c.wait} wait, ${c.slots} slots: ${result.seconds.toFixed(1)} s (${rate}M/s), ${result.busy} busy refusals`;
}

describe('RingBuffer across worker threads', () => {
  it.each<StressCase>([
    // The stress run: ≥ 10M records through one multi-producer ring, in every npm test.
    { producers: 4, records: 2_500_000, wait: 'blocking', mode: 'multi', slots: 1_024 },
    { producers: 4, records: 1_000_000, wait: 'yielding', mode: 'multi', slots: 1_024 },
    { producers: 4, records: 50_000, wait: 'blocking', mode: 'multi', slots: 4 },
    { producers: 4, records: 50_000, wait: 'yielding', mode: 'multi', slots: 2 },
    { producers: 2, records: 50_000, wait: 'busy-spin', mode: 'multi', slots: 64 },
    { producers: 1, records: 2_000_000, wait: 'blocking', mode: 'single', slots: 1_024 },
    { producers: 1, records: 2_000_000, wait: 'yielding', mode: 'single', slots: 1_024 },
    { producers: 1, records: 50_000, wait: 'blocking', mode: 'single', slots: 2 },
  ])('delivers $producers×$records records exactly once, in order, untorn ($mode producer, $wait wait, $slots slots)', async (c) => {
    const result = await runStress(c);
    console.log(describeResult(c, result));
  });

  it.runIf(STRESS).each<StressCase>([
    { producers: 4, records: STRESS_RECORDS / 4, wait: 'blocking', mode: 'multi', slots: 1_024 },
    { producers: 4, records: STRESS_RECORDS / 4, wait: 'yielding', mode: 'multi', slots: 1_024 },
    { producers: 1, records: STRESS_RECORDS, wait: 'yielding', mode: 'single', slots: 1_024 },
  ])('stress: $producers×$records records ($mode producer, $wait wait)', async (c) => {
    expect(Number.isInteger(c.records)).toBe(true);
    const result = await runStress(c);
    console.log(`stress: ${describeResult(c, result)}`);
  });

  it.each<[WaitName, ProducerMode]>([
    ['blocking', 'multi'],
    ['yielding', 'multi'],
    ['blocking', 'single'],
    ['yielding', 'single'],
  ])('wakes a sleeping consumer and a sleeping producer on every hand-off (%s wait, %s-producer input)', async (wait, producers) => {
    // Main thread → input ring → echo worker → output ring → main thread, both rings 2 slots. Bursts
    // of 1..3 make main wait for input space and the worker for output space as well as for data.
    // (A burst of 4 deadlocks, by design: the worker blocked on a full output ring still holds the
    // input slots of its batch, and main, blocked on a full input ring, drains no output.)
    const input = RingBuffer.create({ slotBytes: 16, slots: 2, producers, wait: waitStrategy(wait) });
    const output = RingBuffer.create({ slotBytes: 16, slots: 2, producers: 'single', wait: waitStrategy(wait) });
    const job: EchoJob = { input: input.buffer, output: output.buffer, wait };
    const worker = new Worker(modules.url('test/pipeline/echo-worker.ts'), { workerData: job });
    const echoed = new Promise<unknown>((resolve, reject) => {
      worker.on('message', resolve);
      worker.on('error', reject);
    });
    try {
      let value = 0;
      const write = (view: DataView, offset: number): void => {
        view.setUint32(offset, value, true);
        view.setUint32(offset + 4, ~value, true);
      };
      let received = 0;
      const check: RecordHandler = (view, offset) => {
        expect([view.getUint32(offset, true), view.getInt32(offset + 4, true)]).toEqual([received, ~received]);
        received++;
      };
      for (let round = 0; round < ECHO_ROUNDS; round++) {
        const burst = 1 + (round % 3);
        for (let i = 0; i < burst; i++, value++) input.publish(write, HANDOFF_TIMEOUT_MS);
        while (received < value) {
          if (output.take(check, 1, HANDOFF_TIMEOUT_MS) === 0) throw new Error(`echo ${received} did not arrive within ${HANDOFF_TIMEOUT_MS} ms: a lost wake-up`);
        }
      }
      value = ECHO_STOP;
      input.publish(write, HANDOFF_TIMEOUT_MS);
      expect(await echoed).toBe(received);
      expect(received).toBe(ECHO_ROUNDS * 2);
    } finally {
      await worker.terminate();
    }
  });
});
