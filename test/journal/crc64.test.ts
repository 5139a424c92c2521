// CRC-64/XZ: the published check value, and agreement with a bitwise bigint reference (one bit at a
// time, straight from the definition) on random inputs, slices and buffer alignments.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Crc64, crc64, CRC64_VARIANT, crc64Parts } from '../../src/journal/crc64.js';

const MASK64 = (1n << 64n) - 1n;
const POLY_REFLECTED = 0xc96c5795d7870f42n;

/** CRC-64/XZ by the definition: reflected, init and xorout all ones, one bit per step. */
function reference(data: Uint8Array, start: number, end: number): bigint {
  let crc = MASK64;
  for (let i = start; i < end; i++) {
    crc ^= BigInt(data[i] ?? 0);
    for (let bit = 0; bit < 8; bit++) crc = (crc & 1n) === 1n ? (crc >> 1n) ^ POLY_REFLECTED : crc >> 1n;
  }
  return crc ^ MASK64;
}

/** `bytes` copied into a fresh buffer at byte offset `offset`, so every alignment is exercised. */
function placed(bytes: Uint8Array, offset: number): Uint8Array {
  const view = new Uint8Array(new ArrayBuffer(bytes.length + offset + 8), offset, bytes.length);
  view.set(bytes);
  return view;
}

/** A slice [start, end) of a buffer of `length` bytes, from two arbitrary naturals. */
function slice(length: number, a: number, b: number): [number, number] {
  const x = a % (length + 1);
  const y = b % (length + 1);
  return x <= y ? [x, y] : [y, x];
}

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('crc64', () => {
  it('names its variant and gives the published check value for "123456789"', () => {
    expect(CRC64_VARIANT).toBe('CRC-64/XZ');
    expect(crc64(ascii('123456789'))).toBe(0x995dc9bbdf1939fan);
    expect(reference(ascii('123456789'), 0, 9)).toBe(0x995dc9bbdf1939fan);
    const out = new Uint32Array(2);
    crc64Parts(ascii('123456789'), 0, 9, out);
    expect([out[0], out[1]]).toEqual([0xdf1939fa, 0x995dc9bb]);
  });

  it('is 0 for empty input, whole or an empty slice', () => {
    expect(crc64(new Uint8Array(0))).toBe(0n);
    expect(crc64(ascii('123456789'), 4, 4)).toBe(0n);
    expect(new Crc64().digest()).toBe(0n);
  });

  it('agrees with the bitwise reference on random inputs and slices (lengths 0..300)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(), fc.nat(), fc.nat(7), (bytes, a, b, offset) => {
        const data = placed(bytes, offset);
        const [start, end] = slice(data.length, a, b);
        expect(crc64(data, start, end)).toBe(reference(data, start, end));
        expect(crc64(data)).toBe(reference(data, 0, data.length));
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with the bitwise reference on longer inputs at every alignment (the word path)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 250, maxLength: 3000 }), fc.nat(), fc.nat(), fc.nat(7), (bytes, a, b, offset) => {
        const data = placed(bytes, offset);
        const [start, end] = slice(data.length, a, b);
        expect(crc64(data, start, end)).toBe(reference(data, start, end));
        expect(crc64(data)).toBe(reference(data, 0, data.length));
      }),
      { numRuns: 150 },
    );
  });

  it('is right for Node Buffers (pooled, unaligned) and after the buffer it last read changes', () => {
    const text = Buffer.from('x'.repeat(1000) + '123456789'.repeat(100));
    expect(crc64(text)).toBe(reference(text, 0, text.length));
    const data = new Uint8Array(4096).fill(7);
    const before = crc64(data);
    data[2049] = 8; // same buffer, so the cached word view is reused
    expect(crc64(data)).not.toBe(before);
    expect(crc64(data)).toBe(reference(data, 0, data.length));
    const other = new Uint8Array(5000).fill(9); // another buffer, then back to the first
    expect(crc64(other)).toBe(reference(other, 0, other.length));
    expect(crc64(data, 1, 4095)).toBe(reference(data, 1, 4095));
  });

  it('is right on a resizable buffer that grows and shrinks between calls', () => {
    // ES2024 resizable ArrayBuffer (in Node 20; not in this project's ES2022 lib typings).
    type Resizable = ArrayBuffer & { resize(byteLength: number): void };
    const ResizableBuffer = ArrayBuffer as unknown as new (byteLength: number, options: { maxByteLength: number }) => Resizable;
    const buffer = new ResizableBuffer(512, { maxByteLength: 8192 });
    const data = new Uint8Array(buffer); // length-tracking
    data.fill(3);
    expect(crc64(data)).toBe(reference(data, 0, data.length));
    buffer.resize(8192);
    data.fill(5, 512);
    expect(crc64(data)).toBe(reference(data, 0, data.length));
    buffer.resize(300);
    expect(crc64(data, 1)).toBe(reference(data, 1, data.length));
  });

  it('incremental updates over any split equal the one-shot CRC', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.array(fc.nat(), { maxLength: 8 }), fc.nat(7), (bytes, cuts, offset) => {
        const data = placed(bytes, offset);
        const points = [0, ...cuts.map((c) => c % (data.length + 1)), data.length].sort((x, y) => x - y);
        const crc = new Crc64();
        for (let k = 1; k < points.length; k++) crc.update(data, points[k - 1], points[k]);
        const whole = crc64(data);
        expect(crc.digest()).toBe(whole);
        const out = new Uint32Array(2);
        crc.digestParts(out);
        expect((BigInt(out[1] ?? 0) << 32n) | BigInt(out[0] ?? 0)).toBe(whole);
        // Pieces given as separate arrays chain the same way; reset() starts over.
        crc.reset().update(data.slice(0, points[1])).update(data.slice(points[1]));
        expect(crc.digest()).toBe(whole);
        expect(crc.reset().digest()).toBe(0n);
      }),
      { numRuns: 300 },
    );
  });

  it('crc64Parts agrees with crc64', () => {
    const out = new Uint32Array([0xdeadbeef, 0xcafef00d]); // stale contents must not matter
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1000 }), fc.nat(), fc.nat(), (data, a, b) => {
        const [start, end] = slice(data.length, a, b);
        crc64Parts(data, start, end, out);
        expect((BigInt(out[1] ?? 0) << 32n) | BigInt(out[0] ?? 0)).toBe(crc64(data, start, end));
      }),
      { numRuns: 500 },
    );
  });

  it('changes when any single bit of a random 4 KiB buffer flips', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4096, maxLength: 4096 }), fc.nat(4096 * 8 - 1), (data, bit) => {
        const before = crc64(data);
        const at = bit >>> 3;
        data[at] = (data[at] ?? 0) ^ (1 << (bit & 7));
        expect(crc64(data)).not.toBe(before);
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects ranges outside the data and a too-short out', () => {
    const data = new Uint8Array(10);
    const out = new Uint32Array(2);
    expect(() => crc64(data, -1)).toThrow(RangeError);
    expect(() => crc64(data, 5, 4)).toThrow(RangeError);
    expect(() => crc64(data, 0, 11)).toThrow(RangeError);
    expect(() => crc64(data, 0.5, 3)).toThrow(RangeError);
    expect(() => new Crc64().update(data, 3, 11)).toThrow(RangeError);
    expect(() => { crc64Parts(data, 0, 10, new Uint32Array(1)); }).toThrow(RangeError);
    expect(() => { new Crc64().digestParts(new Uint32Array(1)); }).toThrow(RangeError);
    crc64Parts(data, 0, 10, out);
    expect(out[0]).not.toBe(0);
  });
});
