// The measurement behind the ring's choice of 32-bit wrapping sequences over BigInt64Array (see the
// header of src/pipeline/ring-buffer.ts). A measurement, not a test: it asserts only that the loops
// did their work, prints the figures, and runs only with KAPITA_STRESS=1:
//   KAPITA_STRESS=1 npx vitest run test/pipeline/sequence-width.test.ts
import { PerformanceObserver } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

const STRESS = process.env['KAPITA_STRESS'] === '1';
const STEPS = 20_000_000;
const CONTENDED_STEPS = 5_000_000;
const RUNS = 3;

/** The producer's claim step: read the claim and consumer cursors, CAS the claim, store a cursor. */
function claimStepsInt32(cells: Int32Array, steps: number): number {
  let check = 0;
  for (let i = 0; i < steps; i++) {
    const claim = Atomics.load(cells, 0);
    const consumer = Atomics.load(cells, 16);
    if (((claim - consumer) | 0) < 1_024) {
      Atomics.compareExchange(cells, 0, claim, (claim + 1) | 0);
      Atomics.store(cells, 16, claim);
    }
    check ^= claim;
  }
  return check;
}

function claimStepsBigInt(cells: BigInt64Array, steps: number): bigint {
  let check = 0n;
  for (let i = 0; i < steps; i++) {
    const claim = Atomics.load(cells, 0);
    const consumer = Atomics.load(cells, 8);
    if (claim - consumer < 1_024n) {
      Atomics.compareExchange(cells, 0, claim, claim + 1n);
      Atomics.store(cells, 8, claim);
    }
    check ^= claim;
  }
  return check;
}

/** Two threads CAS-incrementing one counter: the multi-producer claim under contention. */
const CONTENDED_WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const { buffer, wide, steps } = workerData;
if (wide) {
  const cells = new BigInt64Array(buffer);
  for (let i = 0; i < steps; i++) for (;;) { const c = Atomics.load(cells, 0); if (Atomics.compareExchange(cells, 0, c, c + 1n) === c) break; }
} else {
  const cells = new Int32Array(buffer);
  for (let i = 0; i < steps; i++) for (;;) { const c = Atomics.load(cells, 0); if (Atomics.compareExchange(cells, 0, c, (c + 1) | 0) === c) break; }
}
parentPort.postMessage(0);
`;

async function contendedNsPerIncrement(wide: boolean): Promise<{ ns: number; total: bigint }> {
  const buffer = new SharedArrayBuffer(64);
  const started = performance.now();
  await Promise.all(
    [0, 1].map(
      () =>
        new Promise((resolve, reject) => {
          const worker = new Worker(CONTENDED_WORKER, { eval: true, workerData: { buffer, wide, steps: CONTENDED_STEPS } });
          worker.on('message', resolve);
          worker.on('error', reject);
        }),
    ),
  );
  const ns = ((performance.now() - started) * 1e6) / (2 * CONTENDED_STEPS);
  const total = wide ? Atomics.load(new BigInt64Array(buffer), 0) : BigInt(Atomics.load(new Int32Array(buffer), 0));
  return { ns, total };
}

describe.runIf(STRESS)('sequence width (measurement)', () => {
  it('times the claim step on Int32Array and BigInt64Array, and counts the collections each causes', async () => {
    let collections = 0;
    const observer = new PerformanceObserver((list) => (collections += list.getEntries().length));
    observer.observe({ entryTypes: ['gc'] });
    const int32 = new Int32Array(new SharedArrayBuffer(128));
    const bigint = new BigInt64Array(new SharedArrayBuffer(128));
    const lines: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      for (const [name, steps] of [
        ['Int32Array', () => claimStepsInt32(int32, STEPS)],
        ['BigInt64Array', () => claimStepsBigInt(bigint, STEPS)],
      ] as const) {
        const before = collections;
        const started = performance.now();
        steps();
        const ns = ((performance.now() - started) * 1e6) / STEPS;
        // Let the observer's callback see this run's collections before reading the count.
        await new Promise((resolve) => setTimeout(resolve, 20));
        lines.push(`claim step, one thread, ${name}: ${ns.toFixed(1)} ns, ${collections - before} collections per ${STEPS} steps`);
      }
    }
    observer.disconnect();
    for (let run = 0; run < RUNS; run++) {
      for (const wide of [false, true]) {
        const { ns, total } = await contendedNsPerIncrement(wide);
        expect(total).toBe(BigInt(2 * CONTENDED_STEPS));
        lines.push(`CAS increment, two threads, ${wide ? 'BigInt64Array' : 'Int32Array'}: ${ns.toFixed(1)} ns (including worker start)`);
      }
    }
    expect(Atomics.load(int32, 0)).toBe((RUNS * STEPS) | 0);
    console.log(lines.join('\n'));
  });
});
