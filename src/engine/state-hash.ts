// A 64-bit digest of canonical state, fed one exact integer at a time. Two independent 32-bit lanes
// (FNV-1a-style multiply-xor with different primes and seeds, then a murmur3 finalizer) give 64 bits
// without bigint. It compares states across books and replays; it is not a cryptographic hash.
// Pure arithmetic: the engine must not import node:crypto or any I/O module.

const TWO_POW_32 = 4_294_967_296;

export class StateHasher {
  private a = 0x811c9dc5;
  private b = 0x9747b28c;

  /** Feed a non-negative safe integer (every quantity, price and id in the engine is one). */
  add(value: number): this {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`state hash takes non-negative safe integers, got ${value}`);
    const low = value % TWO_POW_32;
    const high = (value - low) / TWO_POW_32;
    this.word(low >>> 0);
    this.word(high >>> 0);
    return this;
  }

  private word(w: number): void {
    this.a = Math.imul(this.a ^ w, 0x01000193);
    this.b = Math.imul(this.b ^ Math.imul(w, 0xcc9e2d51), 0x1b873593);
    this.b = (this.b << 13) | (this.b >>> 19);
  }

  /** 16 hex digits. */
  digest(): string {
    return fmix(this.a ^ this.b).toString(16).padStart(8, '0') + fmix(this.b + 0x6b43a9b5).toString(16).padStart(8, '0');
  }
}

function fmix(input: number): number {
  let h = input;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
