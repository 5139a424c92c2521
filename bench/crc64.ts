// `npm run bench -- crc64 [--json] [--quick]`: throughput (MB/s, 10^6 bytes per second) of
// crc64Parts, the journal's block seal, on 4 KiB, 64 KiB and 1 MiB buffers (and 1 MiB at an odd
// byte offset), with Node's built-in sha256 and, where this Node has it, zlib.crc32 timed on the
// same buffers in the same process as the peer and the floor. Each figure is the median of timed
// runs after untimed warm-up runs; every run hashes enough bytes to last tens of milliseconds.
import { createHash, randomFillSync } from 'node:crypto';
import zlib from 'node:zlib';
import { crc64, CRC64_VARIANT, crc64Parts } from '../src/journal/crc64.js';
import { type BenchOptions, median, nowNs, round } from './report.js';

const KIB = 1024;
const MIB = 1024 * KIB;
const CHECK_VALUE = 0x995dc9bbdf1939fan;

/** zlib.crc32 arrived in Node 20.15 / 22.2; older Node 20 releases lack it. */
const zlibCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** Keeps every result live so that no hash call can be optimised away. */
let sink = 0;

function mbPerSec(hash: (data: Uint8Array) => void, data: Uint8Array, runs: number, bytesPerRun: number): number {
  const reps = Math.max(1, Math.ceil(bytesPerRun / data.length));
  const timed = (): number => {
    const start = nowNs();
    for (let r = 0; r < reps; r++) hash(data);
    const seconds = Number(nowNs() - start) / 1e9;
    return (reps * data.length) / seconds / 1e6;
  };
  for (let w = 0; w < 3; w++) timed();
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) samples.push(timed());
  return round(median(samples), 0);
}

export function crc64Benchmark(options: BenchOptions): Record<string, unknown> {
  const runs = options.quick ? 5 : 9;
  const bytesPerRun = options.quick ? 16 * MIB : 64 * MIB;
  const buffers = {
    b4k: randomFillSync(new Uint8Array(4 * KIB)),
    b64k: randomFillSync(new Uint8Array(64 * KIB)),
    b1m: randomFillSync(new Uint8Array(MIB)),
    b1mOdd: randomFillSync(new Uint8Array(new ArrayBuffer(MIB + 8), 1, MIB)),
  };

  const out = new Uint32Array(2);
  const seal = (data: Uint8Array): void => {
    crc64Parts(data, 0, data.length, out);
    sink = (sink + (out[0] ?? 0)) | 0;
  };
  const sha256 = (data: Uint8Array): void => {
    sink = (sink + (createHash('sha256').update(data).digest()[0] ?? 0)) | 0;
  };
  const crc32 = zlibCrc32;

  const result: Record<string, unknown> = {
    benchmark: 'crc64',
    variant: CRC64_VARIANT,
    checkValueOk: crc64(new TextEncoder().encode('123456789')) === CHECK_VALUE,
    node: process.version,
    runs,
    mbPerSec4k: mbPerSec(seal, buffers.b4k, runs, bytesPerRun),
    mbPerSec64k: mbPerSec(seal, buffers.b64k, runs, bytesPerRun),
    mbPerSec1m: mbPerSec(seal, buffers.b1m, runs, bytesPerRun),
    mbPerSec1mOddOffset: mbPerSec(seal, buffers.b1mOdd, runs, bytesPerRun),
    sha256MbPerSec64k: mbPerSec(sha256, buffers.b64k, runs, bytesPerRun),
    sha256MbPerSec1m: mbPerSec(sha256, buffers.b1m, runs, bytesPerRun),
    zlibCrc32Available: crc32 !== undefined,
  };
  if (crc32 !== undefined) {
    const zcrc = (data: Uint8Array): void => {
      sink = (sink + crc32(data)) | 0;
    };
    result['zlibCrc32MbPerSec64k'] = mbPerSec(zcrc, buffers.b64k, runs, bytesPerRun);
    result['zlibCrc32MbPerSec1m'] = mbPerSec(zcrc, buffers.b1m, runs, bytesPerRun);
  }
  result['sink'] = sink;
  return result;
}
