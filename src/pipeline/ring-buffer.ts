// A bounded ring of fixed-size binary records in one SharedArrayBuffer, after the LMAX Disruptor:
// producers claim a sequence, write the record in place, then publish it; one consumer takes the
// contiguous run of published records as a batch and frees their slots with one cursor store.
// Everything the ring needs lives in the buffer (header, cursors, per-slot availability, records),
// so a SharedArrayBuffer posted to a worker is re-attached there with `RingBuffer.attach(buffer)`.
//
// Sequences are 32-bit and wrap. Every comparison is a difference taken modulo 2^32, `(a - b) | 0`,
// which is exact because two sequences compared are never more than `slots` (≤ 2^27) apart. The
// consumer keeps its own full-precision count (a double, exact to 2^53) and hands that to handlers.
// Measured on the project machine (Node 20, 2 cores) by test/pipeline/sequence-width.test.ts
// (KAPITA_STRESS=1), three runs each:
//   claim step (load, load, CAS, store), one thread: Int32Array 21.7–21.8 ns, no collections;
//   BigInt64Array 27.2–27.5 ns and 354–712 scavenges per 20M steps (every BigInt read is a new
//   heap object, in every thread that touches a cursor);
//   CAS increment contended by two threads: Int32Array 26.5–29.0 ns, BigInt64Array 29.1–30.3 ns.
// Int32 is faster and allocates nothing, which the hot path must not (STYLE.md §5). The price is
// ABA on the multi-producer claim CAS: a producer descheduled between its load and its CAS (two
// adjacent instructions) while other producers make a multiple of 2^32 claims, over an hour at 1M
// records/s, and whose CAS then runs at the exact moment the cursor comes back to the value it
// read, would claim wrongly. We accept that.
//
// Memory order: records are written and read with plain DataView accesses; the Atomics store that
// publishes a slot (and the Atomics load that observes it) order them, as the JavaScript memory
// model gives happens-before through sequentially consistent atomics on the same location. The
// consumer's cursor store likewise orders its reads before a producer's next write to the slot.

import { YieldingWait, type WaitStrategy } from './wait-strategy.js';

export type ProducerMode = 'multi' | 'single';

export interface RingBufferOptions {
  /** Bytes per record: a multiple of 8 in 8..65536. */
  readonly slotBytes: number;
  /** Records the ring holds: a power of two in 2..2^27 (and slots × slotBytes ≤ 2^30). */
  readonly slots: number;
  /** `single` when exactly one thread ever publishes: no CAS, no availability array (default `multi`). */
  readonly producers?: ProducerMode;
  /**
   * The sequence of the first record (default 0). Exists so tests can start just below 2^32 and
   * cross the 32-bit wrap; an integer in 0..2^52.
   */
  readonly firstSequence?: number;
  /** How this instance waits (default `new YieldingWait()`). Not stored in the buffer. */
  readonly wait?: WaitStrategy;
}

export interface AttachOptions {
  /** How this instance waits (default `new YieldingWait()`). */
  readonly wait?: WaitStrategy;
}

/** Writes one record: `view` is the ring's view over its data region, the record starts at `offset`. */
export type RecordWriter = (view: DataView, offset: number) => void;
/** Reads one record; `sequence` counts records through the ring (0, 1, 2, … from `firstSequence`). */
export type RecordHandler = (view: DataView, offset: number, sequence: number) => void;

/** `publish` gave up: the ring stayed full for the whole timeout. */
export class RingTimeoutError extends Error {
  override readonly name = 'RingTimeoutError';
}

export const MAX_SLOT_BYTES = 65_536;
/** 2^30 bytes of data over the smallest slot (8 bytes). */
export const MAX_SLOTS = 2 ** 27;
/** Largest data region: a ring is a bounded queue, not a store. */
export const MAX_RING_BYTES = 2 ** 30;

const TWO_POW_32 = 4_294_967_296;
const MAX_FIRST_SEQUENCE = 2 ** 52;
const MAGIC = 0x4b52_4e47; // "KRNG"
const VERSION = 1;
const MODE_MULTI = 1;
const MODE_SINGLE = 2;

// Header: Int32 indices. Fields written by different threads sit 128 bytes apart (two cache lines,
// since x86 prefetches pairs of lines), so a producer's claim does not evict the consumer's cursor.
const LINE = 32;
const H_MAGIC = 0;
const H_VERSION = 1;
const H_SLOT_BYTES = 2;
const H_SLOTS = 3;
const H_MODE = 4;
/** 1 once an instance has become the consumer (the ring has exactly one). */
const H_CONSUMER_OWNER = 5;
/** 1 once an instance has become the producer of a single-producer ring. */
const H_PRODUCER_OWNER = 6;
/** Multi: the next sequence to claim. Single: the next sequence to publish (all below are published). */
const H_PRODUCER_CURSOR = LINE;
/** The next sequence to consume, low 32 bits; every slot below it is free. */
const H_CONSUMER_CURSOR = 2 * LINE;
/** High bits of the consumer's full sequence: floor(next / 2^32). Lets a consumer attach anywhere. */
const H_CONSUMER_EPOCH = 2 * LINE + 1;
const H_PRODUCER_WAITERS = 3 * LINE;
/** Producers waiting for space sleep on this word; the consumer bumps it when it frees slots. */
const H_SPACE_SIGNAL = 3 * LINE + 1;
const H_CONSUMER_WAITERS = 4 * LINE;
/** The consumer waiting for data sleeps on this word; producers bump it when they publish. */
const H_DATA_SIGNAL = 4 * LINE + 1;
const HEADER_BYTES = 5 * LINE * 4;
const ALIGN_BYTES = 128;

function alignUp(bytes: number): number {
  return Math.ceil(bytes / ALIGN_BYTES) * ALIGN_BYTES;
}

function checkOptions(slotBytes: number, slots: number, firstSequence: number): void {
  if (!Number.isInteger(slotBytes) || slotBytes < 8 || slotBytes > MAX_SLOT_BYTES || slotBytes % 8 !== 0) {
    throw new RangeError(`ring slotBytes must be a multiple of 8 in 8..${MAX_SLOT_BYTES}, got ${slotBytes}`);
  }
  if (!Number.isInteger(slots) || slots < 2 || slots > MAX_SLOTS || (slots & (slots - 1)) !== 0) {
    throw new RangeError(`ring slots must be a power of two in 2..${MAX_SLOTS}, got ${slots}`);
  }
  if (slots * slotBytes > MAX_RING_BYTES) {
    throw new RangeError(`ring of ${slots} × ${slotBytes} bytes exceeds ${MAX_RING_BYTES} bytes`);
  }
  if (!Number.isInteger(firstSequence) || firstSequence < 0 || firstSequence > MAX_FIRST_SEQUENCE) {
    throw new RangeError(`ring firstSequence must be an integer in 0..2^52, got ${firstSequence}`);
  }
}

/** Availability words exist only for multi-producer rings (one Int32 per slot). */
function availableBytes(mode: number, slots: number): number {
  return mode === MODE_MULTI ? alignUp(slots * 4) : 0;
}

export class RingBuffer {
  /** The shared memory: post it to a worker and `attach` it there. */
  readonly buffer: SharedArrayBuffer;
  readonly slotBytes: number;
  readonly slots: number;
  readonly producers: ProducerMode;
  /** The one view over the data region that every writer and handler receives. */
  readonly view: DataView;
  /** The data region as bytes (record `s` starts at `(s mod slots) × slotBytes`). */
  readonly bytes: Uint8Array;
  /** How this instance waits; each thread's instance chooses its own. */
  readonly waitStrategy: WaitStrategy;

  private readonly header: Int32Array;
  /** Multi-producer: slot i holds the last sequence published into it. Empty for single. */
  private readonly available: Int32Array;
  private readonly mask: number;
  private readonly single: boolean;

  // Producer side (this instance only).
  private producerOwned = false;
  /** Single: the next sequence this producer publishes. Multi: the sequence `claim` won. */
  private claimed = 0;
  /** Single: a consumer cursor seen earlier; it only grows, so it is a safe lower bound. */
  private consumerSeen = 0;

  // Consumer side (this instance only).
  private consumerOwned = false;
  private next = 0;
  private epoch = 0;

  private constructor(buffer: SharedArrayBuffer, wait: WaitStrategy) {
    if (buffer.byteLength < HEADER_BYTES) throw new RangeError(`${buffer.byteLength} bytes cannot hold a ring header`);
    const header = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    if (Atomics.load(header, H_MAGIC) !== MAGIC || Atomics.load(header, H_VERSION) !== VERSION) {
      throw new TypeError('this SharedArrayBuffer is not a ring (wrong magic or version)');
    }
    const slotBytes = Atomics.load(header, H_SLOT_BYTES);
    const slots = Atomics.load(header, H_SLOTS);
    const mode = Atomics.load(header, H_MODE);
    checkOptions(slotBytes, slots, 0);
    if (mode !== MODE_MULTI && mode !== MODE_SINGLE) throw new TypeError(`ring header names unknown producer mode ${mode}`);
    const availableAt = HEADER_BYTES;
    const dataAt = availableAt + availableBytes(mode, slots);
    if (buffer.byteLength !== dataAt + slots * slotBytes) {
      throw new RangeError(`ring buffer is ${buffer.byteLength} bytes; its header describes ${dataAt + slots * slotBytes}`);
    }
    this.buffer = buffer;
    this.slotBytes = slotBytes;
    this.slots = slots;
    this.single = mode === MODE_SINGLE;
    this.producers = this.single ? 'single' : 'multi';
    this.header = header;
    this.available = new Int32Array(buffer, availableAt, mode === MODE_MULTI ? slots : 0);
    this.view = new DataView(buffer, dataAt, slots * slotBytes);
    this.bytes = new Uint8Array(buffer, dataAt, slots * slotBytes);
    this.mask = slots - 1;
    this.waitStrategy = wait;
  }

  static create(options: RingBufferOptions): RingBuffer {
    const { slotBytes, slots } = options;
    const first = options.firstSequence ?? 0;
    checkOptions(slotBytes, slots, first);
    const mode = options.producers === 'single' ? MODE_SINGLE : MODE_MULTI;
    const buffer = new SharedArrayBuffer(HEADER_BYTES + availableBytes(mode, slots) + slots * slotBytes);
    const header = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    header[H_SLOT_BYTES] = slotBytes;
    header[H_SLOTS] = slots;
    header[H_MODE] = mode;
    header[H_PRODUCER_CURSOR] = first | 0;
    header[H_CONSUMER_CURSOR] = first | 0;
    header[H_CONSUMER_EPOCH] = Math.floor(first / TWO_POW_32);
    if (mode === MODE_MULTI) {
      // Each slot starts out holding the sequence one lap before its first one, so no slot reads as
      // published until a producer publishes it.
      const available = new Int32Array(buffer, HEADER_BYTES, slots);
      for (let i = 0; i < slots; i++) {
        const sequence = (first + i) | 0;
        available[sequence & (slots - 1)] = (sequence - slots) | 0;
      }
    }
    header[H_VERSION] = VERSION;
    // Magic last, with a release store: an attach that sees it sees the whole header.
    Atomics.store(header, H_MAGIC, MAGIC);
    return new RingBuffer(buffer, options.wait ?? new YieldingWait());
  }

  static attach(buffer: SharedArrayBuffer, options: AttachOptions = {}): RingBuffer {
    return new RingBuffer(buffer, options.wait ?? new YieldingWait());
  }

  /**
   * Records claimed and not yet consumed, at one instant (multi-producer: including claims still
   * being written). For metrics and tests; it is stale as soon as it is returned.
   */
  get pending(): number {
    const producer = Atomics.load(this.header, H_PRODUCER_CURSOR);
    return (producer - Atomics.load(this.header, H_CONSUMER_CURSOR)) | 0;
  }

  /**
   * Publishes one record if a slot is free, else returns false at once (report "busy" upstream).
   * `write` fills the slot and must not keep `view` or `offset`. If `write` throws, a single-producer
   * ring publishes nothing; a multi-producer ring cannot give the claimed slot back, so it publishes
   * the slot zeroed (make an all-zero record invalid in the record format) and rethrows.
   */
  tryPublish(write: RecordWriter): boolean {
    if (this.single) return this.tryPublishSingle(write);
    if (!this.claim()) return false;
    const sequence = this.claimed;
    const offset = (sequence & this.mask) * this.slotBytes;
    try {
      write(this.view, offset);
    } catch (error) {
      this.bytes.fill(0, offset, offset + this.slotBytes);
      this.markAvailable(sequence);
      throw error;
    }
    this.markAvailable(sequence);
    return true;
  }

  /**
   * Publishes one record, waiting with this instance's strategy while the ring is full: back-pressure,
   * never a drop. Throws RingTimeoutError if no slot frees up within `timeoutMs`.
   */
  publish(write: RecordWriter, timeoutMs = Infinity): void {
    if (this.tryPublish(write)) return;
    if (!(timeoutMs >= 0)) throw new RangeError(`publish timeout must be ≥ 0 ms, got ${timeoutMs}`);
    const deadline = timeoutMs === Infinity ? Infinity : performance.now() + timeoutMs;
    for (;;) {
      if (!this.awaitSpace(deadline)) {
        throw new RingTimeoutError(
          `ring full for ${timeoutMs} ms: ${this.slots} slots of ${this.slotBytes} bytes, none consumed (wait: ${this.waitStrategy.name})`,
        );
      }
      if (this.tryPublish(write)) return;
    }
  }

  /**
   * Hands the contiguous run of published records (at most `maxBatch`) to `handler` in sequence
   * order, then frees their slots with one cursor store and wakes producers waiting for space.
   * Returns how many it handled; 0 at once when the next record is not published yet. A record whose
   * handler throws counts as consumed (it is never delivered twice); the error propagates.
   */
  poll(handler: RecordHandler, maxBatch: number): number {
    if (!this.consumerOwned) this.becomeConsumer();
    if (!(maxBatch >= 1)) throw new RangeError(`maxBatch must be ≥ 1, got ${maxBatch}`);
    const limit = maxBatch < this.slots ? maxBatch : this.slots;
    const first = this.next;
    const low = first | 0;
    const view = this.view;
    const slotBytes = this.slotBytes;
    const mask = this.mask;
    let handled = 0;
    try {
      if (this.single) {
        const published = (Atomics.load(this.header, H_PRODUCER_CURSOR) - low) | 0;
        const count = published < limit ? published : limit;
        while (handled < count) {
          const offset = ((low + handled) & mask) * slotBytes;
          handled++;
          handler(view, offset, first + handled - 1);
        }
      } else {
        const available = this.available;
        while (handled < limit) {
          const sequence = (low + handled) | 0;
          if (Atomics.load(available, sequence & mask) !== sequence) break;
          handled++;
          handler(view, (sequence & mask) * slotBytes, first + handled - 1);
        }
      }
    } finally {
      if (handled > 0) this.release(handled);
    }
    return handled;
  }

  /**
   * Waits until record `sequence` is published, with this instance's strategy; false on timeout.
   * `sequence` is below `nextSequence + slots` (a later one cannot be published before the consumer
   * frees slots). In a multi-producer ring earlier records may still be unpublished: `poll` delivers
   * only the contiguous run.
   */
  waitFor(sequence: number, timeoutMs = Infinity): boolean {
    if (!this.consumerOwned) this.becomeConsumer();
    if (!Number.isInteger(sequence) || sequence >= this.next + this.slots) {
      throw new RangeError(`cannot wait for sequence ${sequence}: the consumer is at ${this.next} and the ring holds ${this.slots}`);
    }
    if (sequence < this.next) return true;
    const low = sequence | 0;
    if (this.isPublished(low)) return true;
    if (!(timeoutMs >= 0)) throw new RangeError(`wait timeout must be ≥ 0 ms, got ${timeoutMs}`);
    const deadline = timeoutMs === Infinity ? Infinity : performance.now() + timeoutMs;
    return this.awaitData(low, deadline);
  }

  /**
   * Blocking poll: waits up to `timeoutMs` for the next record, then polls. Returns how many records
   * it handled (0 on timeout). A consumer thread's loop is `while (running) ring.take(h, 256, 100)`.
   */
  take(handler: RecordHandler, maxBatch: number, timeoutMs = Infinity): number {
    const handled = this.poll(handler, maxBatch);
    if (handled > 0 || !this.waitFor(this.next, timeoutMs)) return handled;
    return this.poll(handler, maxBatch);
  }

  /** The sequence the next polled record will have (becomes this ring's consumer). */
  get nextSequence(): number {
    if (!this.consumerOwned) this.becomeConsumer();
    return this.next;
  }

  // ── producer internals ──────────────────────────────────────────────────────────────────────

  private tryPublishSingle(write: RecordWriter): boolean {
    if (!this.producerOwned) this.becomeSingleProducer();
    const sequence = this.claimed;
    if (((sequence - this.consumerSeen) | 0) >= this.slots) {
      this.consumerSeen = Atomics.load(this.header, H_CONSUMER_CURSOR);
      if (((sequence - this.consumerSeen) | 0) >= this.slots) return false;
    }
    // Until the cursor store below nothing is published, so a throwing `write` leaves no trace.
    write(this.view, (sequence & this.mask) * this.slotBytes);
    this.claimed = (sequence + 1) | 0;
    Atomics.store(this.header, H_PRODUCER_CURSOR, this.claimed);
    this.signalConsumer();
    return true;
  }

  /**
   * Multi-producer claim: wins the next sequence with a CAS if its slot is free. The claim cursor is
   * read before the consumer cursor, so a stale claim value can only make the CAS fail, never make a
   * full ring look free. The consumer cursor is read fresh each time rather than cached per thread:
   * a cache left untouched for 2^32 records would alias under 32-bit arithmetic, and one load of a
   * line the consumer writes once per batch is cheap.
   */
  private claim(): boolean {
    const header = this.header;
    for (;;) {
      const sequence = Atomics.load(header, H_PRODUCER_CURSOR);
      if (((sequence - Atomics.load(header, H_CONSUMER_CURSOR)) | 0) >= this.slots) return false;
      if (Atomics.compareExchange(header, H_PRODUCER_CURSOR, sequence, (sequence + 1) | 0) === sequence) {
        this.claimed = sequence;
        return true;
      }
    }
  }

  private markAvailable(sequence: number): void {
    Atomics.store(this.available, sequence & this.mask, sequence);
    this.signalConsumer();
  }

  private signalConsumer(): void {
    const header = this.header;
    if (Atomics.load(header, H_CONSUMER_WAITERS) !== 0) {
      Atomics.add(header, H_DATA_SIGNAL, 1);
      Atomics.notify(header, H_DATA_SIGNAL);
    }
  }

  private hasSpace(): boolean {
    const header = this.header;
    const producer = this.single ? this.claimed : Atomics.load(header, H_PRODUCER_CURSOR);
    return ((producer - Atomics.load(header, H_CONSUMER_CURSOR)) | 0) < this.slots;
  }

  private awaitSpace(deadline: number): boolean {
    return this.waitUntil(H_PRODUCER_WAITERS, H_SPACE_SIGNAL, 0, deadline);
  }

  private becomeSingleProducer(): void {
    if (Atomics.compareExchange(this.header, H_PRODUCER_OWNER, 0, 1) !== 0) {
      throw new Error('this single-producer ring already has a producer; create it with producers: "multi" to publish from several');
    }
    this.producerOwned = true;
    this.claimed = Atomics.load(this.header, H_PRODUCER_CURSOR);
    this.consumerSeen = Atomics.load(this.header, H_CONSUMER_CURSOR);
  }

  // ── consumer internals ──────────────────────────────────────────────────────────────────────

  private release(count: number): void {
    const header = this.header;
    this.next += count;
    const epoch = Math.floor(this.next / TWO_POW_32);
    if (epoch !== this.epoch) {
      this.epoch = epoch;
      Atomics.store(header, H_CONSUMER_EPOCH, epoch);
    }
    Atomics.store(header, H_CONSUMER_CURSOR, this.next | 0);
    if (Atomics.load(header, H_PRODUCER_WAITERS) !== 0) {
      Atomics.add(header, H_SPACE_SIGNAL, 1);
      Atomics.notify(header, H_SPACE_SIGNAL);
    }
  }

  private isPublished(low: number): boolean {
    if (this.single) return ((Atomics.load(this.header, H_PRODUCER_CURSOR) - low) | 0) > 0;
    return Atomics.load(this.available, low & this.mask) === low;
  }

  private awaitData(low: number, deadline: number): boolean {
    return this.waitUntil(H_CONSUMER_WAITERS, H_DATA_SIGNAL, low, deadline);
  }

  private becomeConsumer(): void {
    if (Atomics.compareExchange(this.header, H_CONSUMER_OWNER, 0, 1) !== 0) {
      throw new Error('this ring already has a consumer (a ring has exactly one)');
    }
    this.consumerOwned = true;
    this.epoch = Atomics.load(this.header, H_CONSUMER_EPOCH);
    this.next = this.epoch * TWO_POW_32 + (Atomics.load(this.header, H_CONSUMER_CURSOR) >>> 0);
  }

  // ── waiting ─────────────────────────────────────────────────────────────────────────────────

  /**
   * The wait loop for both sides (see wait-strategy.ts for the handshake): read the signal, check the
   * condition, count this thread as a waiter before the strategy's first sleeping step, idle one step.
   * `signalIndex` names the side: space for producers, data (record `low`) for the consumer.
   */
  private waitUntil(waitersIndex: number, signalIndex: number, low: number, deadline: number): boolean {
    const header = this.header;
    const strategy = this.waitStrategy;
    let counted = false;
    try {
      for (let attempt = 0; ; ) {
        const observed = Atomics.load(header, signalIndex);
        if (signalIndex === H_SPACE_SIGNAL ? this.hasSpace() : this.isPublished(low)) return true;
        let remainingMs = Infinity;
        if (deadline !== Infinity) {
          remainingMs = deadline - performance.now();
          if (remainingMs <= 0) return false;
        }
        if (!counted && strategy.mayBlock(attempt)) {
          // Count first, then re-read the signal and re-check before sleeping.
          Atomics.add(header, waitersIndex, 1);
          counted = true;
          continue;
        }
        strategy.idle(header, signalIndex, observed, attempt, remainingMs);
        attempt++;
      }
    } finally {
      if (counted) Atomics.sub(header, waitersIndex, 1);
    }
  }
}
