// The engine's state stream (OrderBook.exportState, Engine.writeSnapshot) as float64 words: every
// value in it is an exact non-negative integer below 2^53, so a double holds it exactly.
import type { StateSink, StateSource } from './order-book.js';

export class StateWriter implements StateSink {
  private words = new Float64Array(1024);
  length = 0;

  add(value: number): this {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`state values are non-negative safe integers, got ${value}`);
    if (this.length === this.words.length) {
      const bigger = new Float64Array(this.words.length * 2);
      bigger.set(this.words);
      this.words = bigger;
    }
    this.words[this.length++] = value;
    return this;
  }

  /** Starts over, keeping the grown buffer (the snapshotter writes one snapshot after another). */
  reset(): this {
    this.length = 0;
    return this;
  }

  /** The words written so far, as bytes (little-endian float64). */
  bytes(): Uint8Array {
    return new Uint8Array(this.words.buffer, 0, this.length * 8);
  }
}

export class StateReader implements StateSource {
  private position = 0;
  private readonly words: Float64Array;

  /** `bytes` must be a whole number of float64 words. */
  constructor(bytes: Uint8Array) {
    if (bytes.byteLength % 8 !== 0) throw new RangeError(`state of ${bytes.byteLength} bytes is not whole float64 words`);
    // Copy into an aligned buffer: the bytes may sit at any offset of a file buffer.
    const aligned = new Uint8Array(bytes.byteLength);
    aligned.set(bytes);
    this.words = new Float64Array(aligned.buffer);
  }

  next(): number {
    const value = this.words[this.position];
    if (value === undefined) throw new RangeError(`state ends after ${this.position} values`);
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`state value ${this.position} is ${value}, not a non-negative integer`);
    this.position++;
    return value;
  }

  /** True when every value has been read (a restore that leaves some over read the wrong layout). */
  get done(): boolean {
    return this.position === this.words.length;
  }
}
