// Shared helpers for benchmarks: options, clock, statistics, output.
export interface BenchOptions {
  readonly json: boolean;
  readonly quick: boolean;
}

export function nowNs(): bigint {
  return process.hrtime.bigint();
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function requireGc(): () => void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with node --expose-gc (npm run bench does)');
  return gc;
}

/** --json: exactly one JSON object on stdout. Otherwise an indented listing of every figure. */
export function print(result: Record<string, unknown>, options: BenchOptions): void {
  if (options.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const lines: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) walk(inner, path === '' ? key : `${path}.${key}`);
    } else {
      lines.push(`${path.padEnd(44)} ${Array.isArray(value) ? value.join(', ') : String(value)}`);
    }
  };
  walk(result, '');
  console.log(lines.join('\n'));
}
