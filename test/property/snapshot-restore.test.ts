// A snapshot taken at any point restores into either book with the same state hash, and the
// restored engine then behaves exactly like the original: same events for every later command.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Command, depositAll, place, Side } from '../../src/engine/command.js';
import { type BookKind, Engine } from '../../src/core/engine.js';
import { formatEvents } from '../../src/core/event-format.js';
import { StateReader, StateWriter } from '../../src/engine/state-codec.js';
import { INSTRUMENTS } from '../engine/harness.js';
import { Resolver, template } from './command-stream.js';

const CAPACITY = { maxOrders: 10_000, maxLevels: 1_000 };
// Small bounds, so the random streams (which reuse clientOrderIds) evict closed ids often.
const IDEMPOTENCY = { closedOrdersPerAccount: 4, depositsPerAccount: 2 };

function snapshot(engine: Engine): Uint8Array {
  const writer = new StateWriter();
  engine.writeSnapshot(writer);
  return writer.bytes().slice();
}

function restore(kind: BookKind, bytes: Uint8Array): Engine {
  const engine = new Engine({ instruments: INSTRUMENTS, book: kind, capacity: CAPACITY, idempotency: IDEMPOTENCY });
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
        const original = new Engine({ instruments: INSTRUMENTS, book: source, capacity: CAPACITY, idempotency: IDEMPOTENCY });
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

  it('keeps the clientOrderId and depositId tables: a retry after the restore gets the first answer', () => {
    const original = new Engine({ instruments: INSTRUMENTS, book: 'fast', capacity: CAPACITY, risk: {}, idempotency: IDEMPOTENCY });
    let seq = 0;
    const send = (engine: Engine, command: Command, at = ++seq): string[] => formatEvents(engine.apply(command, at, BigInt(at) * 1000n));
    send(original, depositAll({ accountId: 1, depositId: 'wire-1', credits: [{ assetId: 2, amount: 1_000_000 }, { assetId: 1, amount: 50 }] }));
    send(original, place({ instrumentId: 1, accountId: 1, side: Side.BUY, priceTicks: 100, quantityLots: 3, clientOrderId: 'open-one' }));
    send(original, place({ instrumentId: 1, accountId: 1, side: Side.SELL, priceTicks: 100, quantityLots: 3, clientOrderId: 'crossed' }));
    send(original, place({ instrumentId: 1, accountId: 1, side: Side.BUY, priceTicks: 100, quantityLots: 2, clientOrderId: 'resting' }));
    const bytes = snapshot(original);
    const restored = new Engine({ instruments: INSTRUMENTS, book: 'naive', capacity: CAPACITY, risk: {}, idempotency: IDEMPOTENCY });
    restored.restoreSnapshot(new StateReader(bytes));
    restored.validateInternalState();
    expect(restored.stateHash()).toBe(original.stateHash());
    const retries = [
      depositAll({ accountId: 1, depositId: 'wire-1', credits: [{ assetId: 2, amount: 1_000_000 }, { assetId: 1, amount: 50 }] }),
      depositAll({ accountId: 1, depositId: 'wire-1', credits: [{ assetId: 2, amount: 1_000_000 }] }),
      place({ instrumentId: 1, accountId: 1, side: Side.BUY, priceTicks: 100, quantityLots: 3, clientOrderId: 'open-one' }),
      place({ instrumentId: 1, accountId: 1, side: Side.BUY, priceTicks: 100, quantityLots: 2, clientOrderId: 'resting' }),
    ];
    const answers = retries.map((command) => {
      const at = ++seq;
      const expected = send(original, command, at);
      expect(send(restored, command, at)).toEqual(expected);
      return expected;
    });
    expect(answers).toEqual([
      ['REJECTED #0 a1 (first seq 1) DEPOSIT_ALREADY_APPLIED'],
      ['REJECTED #0 a1 (first seq 1) DEPOSIT_ID_REUSED'],
      ['REJECTED #7 a1 (first #2 FILLED filled 3) CLIENT_ORDER_ID_DONE'],
      ['REJECTED #8 a1 (first #4 OPEN filled 0) DUPLICATE_CLIENT_ORDER_ID'],
    ]);
  });

  it('restores a version-2 snapshot (before the id table) with an empty table and the same hash', () => {
    const original = new Engine({ instruments: INSTRUMENTS, book: 'fast', capacity: CAPACITY });
    original.apply(place({ instrumentId: 1, accountId: 1, side: Side.BUY, priceTicks: 100, quantityLots: 3 }), 1, 5n);
    // Version 2's layout: version, seq, timestamp (high, low words), then the market state.
    const v2 = new StateWriter();
    v2.add(2).add(1).add(0).add(5);
    original.exportMarketState(v2);
    const restored = restore('naive', v2.bytes().slice());
    expect(restored.clientIds.size).toBe(0);
    expect(restored.stateHash()).toBe(original.stateHash());
    expect(restored.sequence).toBe(1);
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
