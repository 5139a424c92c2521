// Benchmark entry: `npm run bench -- NAME [--json] [--quick]`. One file per benchmark.
import { engineBenchmark } from './engine.js';
import { type BenchOptions, print } from './report.js';

const BENCHMARKS: Readonly<Record<string, (options: BenchOptions) => Record<string, unknown>>> = {
  engine: engineBenchmark,
};

function main(argv: readonly string[]): number {
  const names = argv.filter((a) => !a.startsWith('--'));
  const unknownFlags = argv.filter((a) => a.startsWith('--') && a !== '--json' && a !== '--quick');
  const options: BenchOptions = { json: argv.includes('--json'), quick: argv.includes('--quick') };
  const name = names[0];
  const bench = name === undefined ? undefined : BENCHMARKS[name];
  if (bench === undefined || names.length > 1 || unknownFlags.length > 0) {
    console.error(`usage: npm run bench -- NAME [--json] [--quick]\nbenchmarks: ${Object.keys(BENCHMARKS).join(', ')}`);
    return 2;
  }
  print(bench(options), options);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
