// OrderIndex against a plain Map: random set/delete/get sequences over ids that are small, above 2^32,
// sequential, or aimed at the cells around the end of the table (so probe runs collide and wrap),
// with the index's answer for every id in play compared to the model after every step.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderIndex } from '../../src/engine/order-index.js';

const TWO_POW_32 = 2 ** 32;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_SLOT = 2 ** 31 - 1;

/** Cells in the table for `capacity` orders, as documented: ≥ 2 × capacity, a power of two, at least 16. */
function tableBits(capacity: number): number {
  let bits = 4;
  while (2 ** bits < capacity * 2) bits++;
  return bits;
}

/**
 * A copy of OrderIndex's private home-cell hash, used only to pick ids that land on chosen cells so
 * that probe runs collide and wrap around the end of the table. If the real hash changes, these ids
 * merely stop colliding on purpose: the tests below still check correctness, with less pressure.
 */
function mirroredHome(id: number, bits: number): number {
  const low = id | 0;
  const high = (id / TWO_POW_32) | 0;
  return Math.imul(low ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) >>> (32 - bits);
}

/** The first `count` ids from `start` upwards whose home cell is one of `cells`. */
function idsHomedAt(start: number, count: number, bits: number, cells: readonly number[]): number[] {
  const ids: number[] = [];
  for (let id = start; ids.length < count && id <= MAX_SAFE; id++) {
    if (cells.includes(mirroredHome(id, bits))) ids.push(id);
  }
  return ids;
}

interface Model {
  readonly capacity: number;
  readonly entries: Map<number, number>;
  /** Every id the commands may use: the agreement check looks all of them up after each step. */
  readonly pool: readonly number[];
}

function expectAgreement(model: Model, index: OrderIndex): void {
  expect(index.size).toBe(model.entries.size);
  for (const id of model.pool) expect(index.get(id), `get(${id})`).toBe(model.entries.get(id) ?? -1);
}

class SetCommand implements fc.Command<Model, OrderIndex> {
  constructor(
    readonly id: number,
    readonly slot: number,
  ) {}

  check(model: Readonly<Model>): boolean {
    // The caller's contract: only absent ids, and never more than the capacity.
    return !model.entries.has(this.id) && model.entries.size < model.capacity;
  }

  run(model: Model, index: OrderIndex): void {
    index.set(this.id, this.slot);
    model.entries.set(this.id, this.slot);
    expectAgreement(model, index);
  }

  toString(): string {
    return `set(${this.id}, ${this.slot})`;
  }
}

class DeleteCommand implements fc.Command<Model, OrderIndex> {
  constructor(readonly id: number) {}

  check(): boolean {
    return true;
  }

  run(model: Model, index: OrderIndex): void {
    if (model.entries.has(this.id)) {
      index.delete(this.id);
      model.entries.delete(this.id);
    } else {
      expect(() => {
        index.delete(this.id);
      }).toThrow(`id ${this.id} is not present`);
    }
    expectAgreement(model, index);
  }

  toString(): string {
    return `delete(${this.id})`;
  }
}

class GetCommand implements fc.Command<Model, OrderIndex> {
  constructor(readonly id: number) {}

  check(): boolean {
    return true;
  }

  run(model: Model, index: OrderIndex): void {
    expect(index.get(this.id)).toBe(model.entries.get(this.id) ?? -1);
  }

  toString(): string {
    return `get(${this.id})`;
  }
}

const smallIds = fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 12 });
const largeIds = fc.array(fc.integer({ min: TWO_POW_32, max: MAX_SAFE }), { maxLength: 12 });
const boundaryIds = fc.subarray([TWO_POW_32 - 1, TWO_POW_32, TWO_POW_32 + 1, 2 ** 52, MAX_SAFE - 1, MAX_SAFE]);
const sequentialRun = fc
  .record({
    start: fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: TWO_POW_32 - 8, max: MAX_SAFE - 32 })),
    length: fc.integer({ min: 2, max: 32 }),
  })
  .map(({ start, length }) => Array.from({ length }, (_, k) => start + k));

/** Capacity, then a pool of ids for it: sequential runs plus ids homed on the last two and first cells. */
const scenario = fc
  .record({
    capacity: fc.constantFrom(1, 3, 8, 9, 16, 64),
    small: smallIds,
    large: largeIds,
    boundary: boundaryIds,
    runs: fc.array(sequentialRun, { minLength: 1, maxLength: 3 }),
    clusterStart: fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: TWO_POW_32, max: MAX_SAFE - 1_000_000 })),
    clusterSize: fc.integer({ min: 0, max: 24 }),
  })
  .chain(({ capacity, small, large, boundary, runs, clusterStart, clusterSize }) => {
    const bits = tableBits(capacity);
    const mask = 2 ** bits - 1;
    const clustered = idsHomedAt(clusterStart, clusterSize, bits, [mask - 1, mask, 0]);
    const pool = [...new Set([...small, ...large, ...boundary, ...runs.flat(), ...clustered])];
    const id = fc.constantFrom(...pool);
    const commands = fc.commands(
      [
        fc.tuple(id, fc.integer({ min: 0, max: MAX_SLOT })).map(([i, slot]) => new SetCommand(i, slot)),
        fc.tuple(id, fc.integer({ min: 0, max: MAX_SLOT })).map(([i, slot]) => new SetCommand(i, slot)),
        id.map((i) => new DeleteCommand(i)),
        id.map((i) => new GetCommand(i)),
      ],
      { maxCommands: 200, size: 'max' },
    );
    return fc.record({ capacity: fc.constant(capacity), pool: fc.constant(pool), commands });
  });

describe('OrderIndex', () => {
  it.each(['scattered', 'sequential'] as const)('agrees with a Map on every get and on size over random set/delete/get sequences (%s keys)', (keys) => {
    fc.assert(
      fc.property(scenario, ({ capacity, pool, commands }) => {
        fc.modelRun(() => ({ model: { capacity, entries: new Map<number, number>(), pool }, real: new OrderIndex(capacity, keys) }), commands);
      }),
      { numRuns: 300 },
    );
  });

  it('finds every remaining id after deleting every other one from a full table', () => {
    const capacity = 1000;
    const index = new OrderIndex(capacity);
    // Sequential ids straddling 2^32: both halves of the hash key change within the run.
    const ids = Array.from({ length: capacity }, (_, k) => TWO_POW_32 - capacity / 2 + k);
    ids.forEach((id, slot) => {
      index.set(id, slot);
    });
    expect(index.size).toBe(capacity);

    ids.forEach((id, slot) => {
      if (slot % 2 === 0) index.delete(id);
    });
    expect(index.size).toBe(capacity / 2);
    ids.forEach((id, slot) => {
      expect(index.get(id), `get(${id})`).toBe(slot % 2 === 0 ? -1 : slot);
    });

    ids.forEach((id, slot) => {
      if (slot % 2 === 1) index.delete(id);
    });
    expect(index.size).toBe(0);
    for (const id of ids) expect(index.get(id)).toBe(-1);
  });

  it('keeps a probe run that wraps past the last cell intact while its entries are deleted', () => {
    const capacity = 8;
    const bits = tableBits(capacity);
    const mask = 2 ** bits - 1;
    // Ids homed on the last cell fill it and then cells 0, 1, ...; ids homed on cell 1 join the run.
    const wrapping = idsHomedAt(1, 5, bits, [mask]);
    const lateHome = idsHomedAt(1, 3, bits, [1]);
    const ids = [...wrapping, ...lateHome];
    expect(ids).toHaveLength(capacity);
    // Delete in every rotation of insertion order so the hole starts at each position of the run.
    for (let rotation = 0; rotation < ids.length; rotation++) {
      const index = new OrderIndex(capacity);
      ids.forEach((id, slot) => {
        index.set(id, slot);
      });
      const order = [...ids.slice(rotation), ...ids.slice(0, rotation)];
      const deleted = new Set<number>();
      for (const victim of order) {
        index.delete(victim);
        deleted.add(victim);
        ids.forEach((id, slot) => {
          expect(index.get(id), `rotation ${rotation}, after deleting ${victim}: get(${id})`).toBe(deleted.has(id) ? -1 : slot);
        });
        expect(index.size).toBe(ids.length - deleted.size);
      }
    }
  });

  it('accepts the extreme ids 1, 2^32 - 1, 2^32 and Number.MAX_SAFE_INTEGER', () => {
    const index = new OrderIndex(4);
    const ids = [1, TWO_POW_32 - 1, TWO_POW_32, MAX_SAFE];
    ids.forEach((id, slot) => {
      index.set(id, slot + 10);
    });
    ids.forEach((id, slot) => {
      expect(index.get(id)).toBe(slot + 10);
    });
  });

  it('returns -1 for an id that was never inserted', () => {
    const index = new OrderIndex(4);
    index.set(7, 0);
    expect(index.get(8)).toBe(-1);
    expect(index.get(MAX_SAFE)).toBe(-1);
  });

  it('throws when deleting an absent id, and leaves the entries as they were', () => {
    const index = new OrderIndex(4);
    expect(() => {
      index.delete(1);
    }).toThrow('order index: id 1 is not present');
    index.set(1, 5);
    index.set(TWO_POW_32 + 1, 6);
    expect(() => {
      index.delete(2);
    }).toThrow('id 2 is not present');
    index.delete(1);
    expect(() => {
      index.delete(1);
    }).toThrow('id 1 is not present');
    expect(index.size).toBe(1);
    expect(index.get(TWO_POW_32 + 1)).toBe(6);
  });

  it('can be refilled to capacity after being emptied', () => {
    const capacity = 64;
    const index = new OrderIndex(capacity);
    for (let round = 0; round < 3; round++) {
      const ids = Array.from({ length: capacity }, (_, k) => round * 1_000_003 + k * 7 + 1);
      ids.forEach((id, slot) => {
        index.set(id, slot);
      });
      ids.forEach((id, slot) => {
        expect(index.get(id)).toBe(slot);
      });
      for (const id of ids) index.delete(id);
      expect(index.size).toBe(0);
    }
  });

  it.each([
    [1, 16],
    [8, 16],
    [9, 32],
    [1000, 2048],
  ])('sizes the table for %i orders at %i cells of 12 bytes (load factor at most 0.5)', (capacity, cells) => {
    expect(new OrderIndex(capacity).byteLength).toBe(cells * 12);
  });
});
