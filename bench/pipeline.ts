// `npm run bench -- pipeline [--json] [--quick]`: orders per second through the whole pipeline on
// one pair: a producer thread → input ring → core (sequence, journal hand-off, match) → output
// ring → responder, with responses released only when durable; both durability policies.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Pipeline } from '../src/pipeline/pipeline.js';
import type { DurabilityPolicy } from '../src/journal/journal-writer.js';
import type { CoreConfig } from '../src/journal/store.js';
import { COMMAND_END, outputType } from '../src/protocol/output-record.js';
import { BENCH_INSTRUMENT_SPEC } from './engine-workloads.js';
import { type BenchOptions, median, nowNs, round } from './report.js';

const CONFIG: CoreConfig = {
  instruments: [BENCH_INSTRUMENT_SPEC],
  capacity: { maxOrders: 2_000_000, maxLevels: 65_536 },
};

async function once(policy: DurabilityPolicy, orders: number): Promise<{ ordersPerSec: number; events: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kapita-bench-pipeline-'));
  try {
    const pipeline = await Pipeline.start({ dataDir, config: CONFIG, policy, snapshotIntervalMs: 100 });
    let ends = 0;
    let events = 0;
    const done = new Promise<void>((resolve) => {
      pipeline.respond((view, offset) => {
        if (outputType(view, offset) === COMMAND_END) {
          ends++;
          if (ends === orders) resolve();
        } else {
          events++;
        }
      });
    });
    const start = nowNs();
    const producer = new Worker(new URL('./pipeline-producer.js', import.meta.url), {
      workerData: { input: pipeline.inputBuffer, count: orders, producer: 1, producers: 1 },
    });
    await done;
    const seconds = Number(nowNs() - start) / 1e9;
    await producer.terminate();
    await pipeline.stop();
    return { ordersPerSec: orders / seconds, events };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function pipelineBenchmark(options: BenchOptions): Promise<Record<string, unknown>> {
  const orders = options.quick ? 200_000 : 1_000_000;
  const result: Record<string, unknown> = { benchmark: 'pipeline', ordersPerRun: orders, threads: 'producer, core, journaler, snapshotter (workers) + responder (main), on 2 cores' };
  for (const policy of ['write', 'fsync'] as const) {
    const runs: number[] = [];
    let events = 0;
    for (let r = 0; r < 3; r++) {
      const run = await once(policy, orders);
      runs.push(run.ordersPerSec);
      events = run.events;
    }
    result[policy] = { ordersPerSec: round(median(runs), 0), ordersPerSecRuns: runs.map((v) => round(v, 0)), eventsPerRun: events };
  }
  result['target'] = { writeOrdersPerSec: 1_000_000 };
  return result;
}
