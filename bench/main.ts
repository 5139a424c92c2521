// Benchmark entry: `npm run bench -- NAME [--json] [--quick]`. One file per benchmark.
import { codecBenchmark } from './codec.js';
import { crc64Benchmark } from './crc64.js';
import { recoveryBenchmark, replayBenchmark, snapshotBenchmark } from './durability.js';
import { fixBenchmark } from './fix.js';
import { floodBenchmark } from './flood.js';
import { gatewayBenchmark } from './gateway.js';
import { identityBenchmark } from './identity.js';
import { latencyBenchmark } from './latency.js';
import { pipelineBenchmark } from './pipeline.js';
import { priorityBenchmark } from './priority.js';
import { engineBenchmark, engineChild } from './engine.js';
import { riskBenchmark, riskChild } from './risk.js';
import { type BenchOptions, print } from './report.js';

const BENCHMARKS: Readonly<Record<string, (options: BenchOptions) => Record<string, unknown> | Promise<Record<string, unknown>>>> = {
  engine: engineBenchmark,
  crc64: crc64Benchmark,
  replay: replayBenchmark,
  recovery: recoveryBenchmark,
  snapshot: snapshotBenchmark,
  pipeline: pipelineBenchmark,
  risk: riskBenchmark,
  codec: codecBenchmark,
  latency: latencyBenchmark,
  priority: priorityBenchmark,
  gateway: gatewayBenchmark,
  flood: floodBenchmark,
  fix: fixBenchmark,
  identity: identityBenchmark,
};

/** Benchmarks that measure in child processes: `--child=SPEC` makes this process one of them. */
const CHILDREN: Readonly<Record<string, (spec: string, quick: boolean) => Record<string, unknown>>> = {
  engine: engineChild,
  risk: riskChild,
};

async function main(argv: readonly string[]): Promise<number> {
  const names = argv.filter((a) => !a.startsWith('--'));
  const childSpec = argv.find((a) => a.startsWith('--child='))?.slice('--child='.length);
  const unknownFlags = argv.filter((a) => a.startsWith('--') && a !== '--json' && a !== '--quick' && !a.startsWith('--child='));
  const options: BenchOptions = { json: argv.includes('--json'), quick: argv.includes('--quick') };
  const childOf = names[0] === undefined ? undefined : CHILDREN[names[0]];
  if (childSpec !== undefined && childOf !== undefined) {
    process.stdout.write(`${JSON.stringify(childOf(childSpec, options.quick))}\n`);
    return 0;
  }
  const name = names[0];
  const bench = name === undefined ? undefined : BENCHMARKS[name];
  if (bench === undefined || names.length > 1 || unknownFlags.length > 0) {
    console.error(`usage: npm run bench -- NAME [--json] [--quick]\nbenchmarks: ${Object.keys(BENCHMARKS).join(', ')}`);
    return 2;
  }
  print(await bench(options), options);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
