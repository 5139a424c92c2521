// A snapshot taken at any point restores into either book with the same state hash, and the
// restored engine then behaves exactly like the original: same events for every later command.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BookKind, Engine } from '../../src/engine/engine.js';
import { StateReader, StateWriter } from '../../src/engine/state-codec.js';
import { INSTRUMENTS } from '../engine/harness.js';
import { Resolver, template } from './command-stream.js';

const CAPACITY = { maxOrders: 10_000, maxLevels: 1_000 };

function snapshot(engine: Engine): Uint8Array {
  const writer = new StateWriter();
  engine.writeSnapshot(writer);
  return writer.bytes().slice();
}

function restore(kind: BookKind, bytes: Uint8Array): Engine {
  const engine = new Engine({ instruments: INSTRUMENTS, book: kind, capacity: CAPACITY });
  const reader = new StateReader(bytes);
  engine.restoreSnapshot(reader);
  expect(reader.done).toBe(true);
  engine.validateInternalState();
  return engine;
}

describe('snapshots', () => {
  it.each(['fast', 'naive'] as const)('taken from the %s book restore into both books and replay identically', (source) => {
    fc.assert(
      fc.property(fc.array(template, { minLength: 1, maxLength: 400, size: 'max' }), fc.nat(), (templates, cut) => {
        const at = cut % templates.length;
        const original = new Engine({ instruments: INSTRUMENTS, book: source, capacity: CAPACITY });
        const resolver = new Resolver();
        const commands = templates;
        let timestamp = 5_000_000_000_000_000_000n;
        for (let i = 0; i < at; i++) {
          timestamp += 11n;
          const command = resolver.resolve(commands[i]!); // eslint-disable-line @typescript-eslint/no-non-null-assertion
          original.apply(command, i + 1, timestamp);
          resolver.record(original);
        }
        const bytes = snapshot(original);
        const copies = [restore('fast', bytes), restore('naive', bytes)];
        for (const copy of copies) {
          expect(copy.stateHash()).toBe(original.stateHash());
          expect(copy.sequence).toBe(original.sequence);
          expect(snapshot(copy)).toEqual(bytes);
        }
        for (let i = at; i < commands.length; i++) {
          timestamp += 11n;
          const command = resolver.resolve(commands[i]!); // eslint-disable-line @typescript-eslint/no-non-null-assertion
          const expected = original.apply(command, i + 1, timestamp).bytes();
          for (const copy of copies) expect(copy.apply(command, i + 1, timestamp).bytes()).toEqual(expected);
          resolver.record(original);
        }
        for (const copy of copies) expect(copy.stateHash()).toBe(original.stateHash());
      }),
      // size 'max': streams of up to 400 commands (fast-check's default size would make them about 6 long).
      { numRuns: 50, seed: 7 },
    );
  });

  it('refuses a truncated or foreign state stream', () => {
    const engine = new Engine({ instruments: INSTRUMENTS, book: 'fast', capacity: CAPACITY });
    const bytes = snapshot(engine);
    expect(() => restore('fast', bytes.slice(0, bytes.length - 8))).toThrow(/state ends/);
    const other = new Engine({ instruments: INSTRUMENTS.slice(0, 2), book: 'fast', capacity: CAPACITY });
    expect(() => {
      other.restoreSnapshot(new StateReader(bytes));
    }).toThrow(/books/);
  });
});
