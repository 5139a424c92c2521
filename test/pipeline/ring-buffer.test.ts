// RingBuffer in one thread: order, batching, back-pressure, wrap-around (of the ring and of the
// 32-bit sequences), attach, failures inside writers and handlers, and the single-owner rules.
// Cross-thread behaviour is in ring-buffer-threads.test.ts.
import { describe, expect, it } from 'vitest';
import {
  BlockingWait,
  BusySpinWait,
  RingBuffer,
  RingTimeoutError,
  YieldingWait,
  type ProducerMode,
  type RecordHandler,
  type WaitStrategy,
} from '../../src/pipeline/index.js';

const MODES: readonly ProducerMode[] = ['multi', 'single'];
const TWO_POW_32 = 2 ** 32;

/** A writer that stores `value` (as a double) and its complement, so torn or stale slots show. */
function recordOf(value: number): (view: DataView, offset: number) => void {
  return (view, offset) => {
    view.setFloat64(offset, value, true);
    view.setFloat64(offset + 8, -value - 1, true);
  };
}

/** Polls everything available and returns [value, sequence] pairs, checking each record's complement. */
function drain(ring: RingBuffer, maxBatch = 1_000): [number, number][] {
  const out: [number, number][] = [];
  const handler: RecordHandler = (view, offset, sequence) => {
    const value = view.getFloat64(offset, true);
    expect(view.getFloat64(offset + 8, true)).toBe(-value - 1);
    out.push([value, sequence]);
  };
  while (ring.poll(handler, maxBatch) > 0);
  return out;
}

describe.each(MODES)('RingBuffer (%s producer)', (producers) => {
  const create = (slots: number, firstSequence = 0): RingBuffer => RingBuffer.create({ slotBytes: 16, slots, producers, firstSequence });

  it('delivers records in publish order with consecutive sequences', () => {
    const ring = create(8);
    for (let i = 0; i < 5; i++) ring.publish(recordOf(100 + i));
    expect(drain(ring)).toEqual([0, 1, 2, 3, 4].map((i) => [100 + i, i]));
    expect(ring.poll(() => expect.unreachable(), 10)).toBe(0);
    expect(ring.nextSequence).toBe(5);
    expect(ring.pending).toBe(0);
  });

  it('refuses a record when full (tryPublish is false) and overwrites nothing', () => {
    const ring = create(4);
    for (let i = 0; i < 4; i++) expect(ring.tryPublish(recordOf(i))).toBe(true);
    expect(ring.pending).toBe(4);
    expect(ring.tryPublish(recordOf(99))).toBe(false);
    expect(ring.tryPublish(recordOf(99))).toBe(false);
    expect(drain(ring, 1).map(([value]) => value)).toEqual([0, 1, 2, 3]);
    expect(ring.tryPublish(recordOf(4))).toBe(true);
    expect(drain(ring)).toEqual([[4, 4]]);
  });

  it('frees exactly the slots it consumed', () => {
    const ring = create(4);
    for (let i = 0; i < 4; i++) ring.publish(recordOf(i));
    expect(ring.poll(() => undefined, 1)).toBe(1);
    expect(ring.tryPublish(recordOf(4))).toBe(true);
    expect(ring.tryPublish(recordOf(5))).toBe(false);
    expect(drain(ring).map(([value]) => value)).toEqual([1, 2, 3, 4]);
  });

  it.each([1, 2, 3, 7, 64])('hands over batches of at most %i records', (maxBatch) => {
    const ring = create(16);
    for (let i = 0; i < 13; i++) ring.publish(recordOf(i));
    const sizes: number[] = [];
    for (let n = ring.poll(() => undefined, maxBatch); n > 0; n = ring.poll(() => undefined, maxBatch)) sizes.push(n);
    const expected: number[] = [];
    for (let left = 13; left > 0; left -= Math.min(maxBatch, 16)) expected.push(Math.min(left, maxBatch));
    expect(sizes).toEqual(expected);
  });

  it('wraps around the ring many times without losing or repeating a record', () => {
    const ring = create(4);
    let published = 0;
    let consumed = 0;
    // Publish bursts of 1..4 and consume batches of 1..3, so the cursors meet the ring's end at every offset.
    for (let round = 0; round < 5_000; round++) {
      for (let burst = (round % 4) + 1; burst > 0 && ring.tryPublish(recordOf(published)); burst--) published++;
      ring.poll((view, offset, sequence) => {
        expect(sequence).toBe(consumed);
        expect(view.getFloat64(offset, true)).toBe(consumed);
        consumed++;
      }, (round % 3) + 1);
    }
    consumed += drain(ring).length;
    expect(published).toBeGreaterThan(5_000);
    expect(consumed).toBe(published);
  });

  it.each([TWO_POW_32 - 3, 2 * TWO_POW_32 - 1, 2 ** 31 - 2, 2 ** 52])('counts sequences exactly across the 32-bit wrap, from %i', (firstSequence) => {
    const ring = create(4, firstSequence);
    const seen: number[] = [];
    // Three in, at most two out per round: the ring fills, and the cursors cross the wrap mid-batch.
    for (let i = 0; i < 10; i++) {
      for (let k = 0; k < 3; k++) ring.tryPublish(recordOf(i));
      ring.poll((_view, _offset, sequence) => seen.push(sequence), 2);
    }
    for (const [, sequence] of drain(ring)) seen.push(sequence);
    expect(seen.length).toBeGreaterThanOrEqual(20);
    expect(seen).toEqual(Array.from(seen, (_, i) => firstSequence + i));
    expect(ring.nextSequence).toBe(firstSequence + seen.length);
  });

  it('serves a consumer attached later from where the ring is, past the 32-bit wrap', () => {
    const ring = create(4, TWO_POW_32 - 2);
    for (let i = 0; i < 3; i++) ring.publish(recordOf(i));
    const consumer = RingBuffer.attach(ring.buffer);
    expect(consumer.nextSequence).toBe(TWO_POW_32 - 2);
    expect(drain(consumer)).toEqual([
      [0, TWO_POW_32 - 2],
      [1, TWO_POW_32 - 1],
      [2, TWO_POW_32],
    ]);
  });

  it('shares records with a ring attached to the same buffer', () => {
    const ring = create(8);
    const attached = RingBuffer.attach(ring.buffer);
    expect([attached.slots, attached.slotBytes, attached.producers]).toEqual([8, 16, producers]);
    attached.publish(recordOf(7));
    attached.publish(recordOf(8));
    expect(Array.from(ring.bytes.subarray(0, 32))).toEqual(Array.from(attached.bytes.subarray(0, 32)));
    expect(drain(ring)).toEqual([
      [7, 0],
      [8, 1],
    ]);
    expect(attached.pending).toBe(0);
  });

  it('stops waitFor at its timeout and succeeds once the record is published', () => {
    const ring = create(4);
    expect(ring.waitFor(0, 0)).toBe(false);
    expect(ring.waitFor(0, 5)).toBe(false);
    ring.publish(recordOf(1));
    expect(ring.waitFor(0, 5)).toBe(true);
    expect(ring.take(() => undefined, 10, 5)).toBe(1);
    expect(ring.waitFor(0)).toBe(true);
    expect(ring.take(() => undefined, 10, 5)).toBe(0);
    expect(() => ring.waitFor(1 + 4)).toThrow(RangeError);
  });

  it.each<[string, WaitStrategy]>([
    ['blocking', new BlockingWait()],
    ['yielding', new YieldingWait({ spinTries: 10, sliceMs: 1 })],
    ['busy spin', new BusySpinWait()],
  ])('times out publish into a full ring with a clear error (%s wait)', (_name, wait) => {
    const ring = RingBuffer.create({ slotBytes: 8, slots: 2, producers, wait });
    ring.publish(() => undefined);
    ring.publish(() => undefined);
    expect(() => {
      ring.publish(() => undefined, 20);
    }).toThrow(RingTimeoutError);
    expect(() => {
      ring.publish(() => undefined, 0);
    }).toThrow(/ring full for 0 ms: 2 slots of 8 bytes/);
    expect(ring.poll(() => undefined, 8)).toBe(2);
  });

  it('consumes the record whose handler throws, and delivers the rest next time', () => {
    const ring = create(8);
    for (let i = 0; i < 4; i++) ring.publish(recordOf(i));
    const seen: number[] = [];
    expect(() =>
      ring.poll((view, offset) => {
        const value = view.getFloat64(offset, true);
        seen.push(value);
        if (value === 1) throw new Error('handler failed');
      }, 10),
    ).toThrow('handler failed');
    expect(seen).toEqual([0, 1]);
    expect(drain(ring).map(([value]) => value)).toEqual([2, 3]);
  });

  it('refuses a second consumer', () => {
    const ring = create(4);
    ring.poll(() => undefined, 1);
    expect(() => RingBuffer.attach(ring.buffer).poll(() => undefined, 1)).toThrow(/already has a consumer/);
  });

  it('rejects a batch size below 1', () => {
    expect(() => create(4).poll(() => undefined, 0)).toThrow(RangeError);
  });
});

describe('RingBuffer, multi-producer', () => {
  it('waits for a slot claimed earlier but published later (availability per slot)', () => {
    const ring = RingBuffer.create({ slotBytes: 16, slots: 8 });
    // The outer writer claims sequence 0 and, while still writing it, another publish completes 1.
    ring.publish((view, offset) => {
      ring.publish(recordOf(1));
      expect(ring.poll(() => expect.unreachable(), 10)).toBe(0);
      expect(ring.waitFor(1, 0)).toBe(true);
      expect(ring.waitFor(0, 0)).toBe(false);
      recordOf(0)(view, offset);
    });
    expect(drain(ring)).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('publishes a zeroed slot when a writer throws, so the consumer is never stuck', () => {
    const ring = RingBuffer.create({ slotBytes: 16, slots: 4 });
    ring.publish(recordOf(5));
    drain(ring);
    expect(() => {
      ring.publish((view, offset) => {
        view.setFloat64(offset, 123, true);
        throw new Error('encoder failed');
      });
    }).toThrow('encoder failed');
    ring.publish(recordOf(6));
    const records: number[][] = [];
    ring.poll((view, offset) => records.push([view.getFloat64(offset, true), view.getFloat64(offset + 8, true)]), 10);
    expect(records).toEqual([
      [0, 0],
      [6, -7],
    ]);
  });

  it('lets several instances publish into one ring', () => {
    const ring = RingBuffer.create({ slotBytes: 16, slots: 8 });
    const producers = [RingBuffer.attach(ring.buffer), RingBuffer.attach(ring.buffer), ring];
    producers.forEach((producer, i) => producer.publish(recordOf(i)));
    expect(drain(ring).map(([value]) => value)).toEqual([0, 1, 2]);
  });
});

describe('RingBuffer, single-producer', () => {
  it('publishes nothing when a writer throws', () => {
    const ring = RingBuffer.create({ slotBytes: 16, slots: 4, producers: 'single' });
    expect(() => {
      ring.publish(() => {
        throw new Error('encoder failed');
      });
    }).toThrow('encoder failed');
    expect(ring.pending).toBe(0);
    ring.publish(recordOf(1));
    expect(drain(ring)).toEqual([[1, 0]]);
  });

  it('refuses a second producer', () => {
    const ring = RingBuffer.create({ slotBytes: 16, slots: 4, producers: 'single' });
    ring.publish(recordOf(1));
    expect(() => RingBuffer.attach(ring.buffer).tryPublish(recordOf(2))).toThrow(/already has a producer/);
  });
});

describe('RingBuffer options', () => {
  it.each([
    [{ slotBytes: 16, slots: 3 }, /power of two/],
    [{ slotBytes: 16, slots: 1 }, /power of two/],
    [{ slotBytes: 8, slots: 2 ** 28 }, /power of two/],
    [{ slotBytes: 12, slots: 4 }, /multiple of 8/],
    [{ slotBytes: 0, slots: 4 }, /multiple of 8/],
    [{ slotBytes: 2 ** 17, slots: 4 }, /multiple of 8/],
    [{ slotBytes: 2 ** 16, slots: 2 ** 15 }, /exceeds/],
    [{ slotBytes: 8, slots: 4, firstSequence: -1 }, /firstSequence/],
    [{ slotBytes: 8, slots: 4, firstSequence: 0.5 }, /firstSequence/],
    [{ slotBytes: 8, slots: 4, firstSequence: 2 ** 53 }, /firstSequence/],
  ])('refuses %o', (options, message) => {
    expect(() => RingBuffer.create(options)).toThrow(message);
  });

  it('refuses to attach to a buffer that is not a ring, or is cut short', () => {
    expect(() => RingBuffer.attach(new SharedArrayBuffer(4096))).toThrow(/not a ring/);
    expect(() => RingBuffer.attach(new SharedArrayBuffer(16))).toThrow(/cannot hold a ring header/);
    const ring = RingBuffer.create({ slotBytes: 8, slots: 4 });
    const longer = new SharedArrayBuffer(ring.buffer.byteLength + 8);
    new Uint8Array(longer).set(new Uint8Array(ring.buffer));
    expect(() => RingBuffer.attach(longer)).toThrow(/header describes/);
  });

  it('refuses nonsensical wait options', () => {
    expect(() => new YieldingWait({ spinTries: -1 })).toThrow(RangeError);
    expect(() => new YieldingWait({ sliceMs: 0 })).toThrow(RangeError);
    expect(new YieldingWait().name).toBe('yielding(100 spins, 1 ms slices)');
  });
});
