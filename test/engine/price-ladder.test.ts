import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LADDER_TICKS, PriceLadder } from '../../src/engine/price-ladder.js';

/** The obvious model: a set, searched by scanning. */
function highestAtOrBelow(set: ReadonlySet<number>, index: number): number {
  let best = -1;
  for (const value of set) if (value <= index && value > best) best = value;
  return best;
}

function lowestAtOrAbove(set: ReadonlySet<number>, index: number): number {
  let best = -1;
  for (const value of set) if (value >= index && (best === -1 || value < best)) best = value;
  return best;
}

describe('PriceLadder', () => {
  it.each([1, 31, 32, 33, 1024, 1025, 40_000, 2_000_000])('agrees with a set on random set/clear/search over %i ticks', (size) => {
    const index = fc.oneof(fc.integer({ min: 0, max: size - 1 }), fc.constantFrom(0, size - 1, Math.min(31, size - 1), Math.min(32, size - 1), Math.min(1023, size - 1)));
    const step = fc.tuple(fc.constantFrom('set', 'clear', 'query'), index, fc.integer({ min: -40, max: size + 40 }));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        const ladder = new PriceLadder(size);
        const model = new Set<number>();
        for (const [op, at, probe] of steps) {
          if (op === 'set') {
            ladder.set(at);
            model.add(at);
          } else if (op === 'clear' && model.has(at)) {
            ladder.clear(at);
            model.delete(at);
          }
          expect(ladder.has(at)).toBe(model.has(at));
          expect(ladder.highestAtOrBelow(probe)).toBe(highestAtOrBelow(model, probe));
          expect(ladder.lowestAtOrAbove(probe)).toBe(lowestAtOrAbove(model, probe));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('finds neighbours far apart across summary layers', () => {
    const ladder = new PriceLadder(10_000_000);
    ladder.set(3);
    ladder.set(9_999_998);
    expect(ladder.lowestAtOrAbove(4)).toBe(9_999_998);
    expect(ladder.highestAtOrBelow(9_999_997)).toBe(3);
    ladder.clear(3);
    expect(ladder.highestAtOrBelow(9_999_997)).toBe(-1);
    expect(ladder.lowestAtOrAbove(9_999_999)).toBe(-1);
  });

  it('refuses a price range it cannot hold', () => {
    expect(() => new PriceLadder(0)).toThrow(RangeError);
    expect(() => new PriceLadder(MAX_LADDER_TICKS + 1)).toThrow(/range must be/);
  });
});
