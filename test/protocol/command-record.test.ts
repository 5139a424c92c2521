import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amend, blank, cancel, type Command, CommandKind, deposit, depositAll, endOfDay, INVALID_TEXT_ID, massCancel, OrderType, place, SelfTradePrevention, setHalt, setKillSwitch, setLimit, Side, startPeriod, TimeInForce, withdraw } from '../../src/engine/command.js';
import { Engine } from '../../src/core/engine.js';
import { formatEvents } from '../../src/core/event-format.js';
import { COMMAND_RECORD_BYTES, decodeCommand, decodeOrigin, encodeCommand } from '../../src/protocol/command-record.js';
import { INSTRUMENTS } from '../engine/harness.js';

/** '' or 1..maxBytes printable ASCII (what a text id field holds). */
function textId(maxBytes: number): fc.Arbitrary<string> {
  const printable = fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c));
  return fc.oneof(fc.constant(''), fc.array(printable, { minLength: 1, maxLength: maxBytes }).map((chars) => chars.join('')));
}

function roundTrip(command: Command, origin = 0, requestId = 0): { command: Command; origin: number; requestId: number } {
  const view = new DataView(new ArrayBuffer(COMMAND_RECORD_BYTES * 2));
  encodeCommand(view, COMMAND_RECORD_BYTES, command, origin, requestId);
  return { command: decodeCommand(view, COMMAND_RECORD_BYTES), ...decodeOrigin(view, COMMAND_RECORD_BYTES) };
}

describe('command records', () => {
  it.each([
    ['a limit order', place({ instrumentId: 3, accountId: 4_000_000_000, side: Side.SELL, priceTicks: 6_500_050, quantityLots: 2 ** 52, displayLots: 7, postOnly: true, timeInForce: TimeInForce.DAY, selfTradePrevention: SelfTradePrevention.CANCEL_BOTH })],
    ['a stop-limit order', place({ instrumentId: 1, accountId: 1, side: Side.BUY, orderType: OrderType.STOP_LIMIT, priceTicks: 10, stopPriceTicks: 9, quantityLots: 1 })],
    ['a cancel', cancel(2, 9, 2 ** 53 - 1)],
    ['an amend', amend(1, 9, 77, { priceTicks: 5 })],
    ['a mass cancel of every instrument', massCancel(9)],
    ['an end of day', endOfDay()],
    ['a market buy with its maximum notional', place({ instrumentId: 1, accountId: 2, side: Side.BUY, orderType: OrderType.MARKET, quantityLots: 3, maxNotional: 2 ** 53 - 1 })],
    ['a deposit', deposit(7, 2, 2 ** 53 - 1, 4_000_000_000)],
    ['a limit order with a 64-byte clientOrderId', place({ instrumentId: 1, accountId: 3, side: Side.BUY, priceTicks: 5, quantityLots: 1, clientOrderId: '~'.repeat(63) + '!' })],
    ['a market order with a one-byte clientOrderId', place({ instrumentId: 1, accountId: 3, side: Side.SELL, orderType: OrderType.MARKET, quantityLots: 1, clientOrderId: 'a' })],
    ['a deposit of six assets with a 32-byte depositId', depositAll({ accountId: 7, actorId: 12, depositId: 'd'.repeat(31) + '~', credits: [1, 2, 3, 4, 5, 65_534].map((assetId) => ({ assetId, amount: 2 ** 53 - assetId })) })],
    ['a deposit of two assets without a depositId', depositAll({ accountId: 7, credits: [{ assetId: 2, amount: 1 }, { assetId: 1, amount: 0.5 }] })],
    ['a withdrawal', withdraw(7, 65_534, 1, 3)],
    ['a limit change', setLimit({ accountId: 0, instrumentId: 65_535, kind: 10, value: -1, actorId: 9 })],
    ['a kill switch', setKillSwitch(8, true, 1)],
    ['a halt', setHalt(3, false, 1)],
    ['a new drawdown period', startPeriod(0, 2)],
  ])('round-trips %s exactly, with its origin', (_name, command) => {
    expect(roundTrip(command, 17, 4_000_000_001)).toEqual({ command, origin: 17, requestId: 4_000_000_001 });
  });

  it('round-trips any in-range command (property)', () => {
    const small = fc.integer({ min: 0, max: 254 });
    const id = fc.integer({ min: 1, max: 0xffff_fffe });
    const real = fc.oneof(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.double());
    const orderCommand = fc
      .record({ kind: fc.integer({ min: 1, max: 6 }), side: small, orderType: small, timeInForce: small, postOnly: small, selfTradePrevention: small, instrumentId: id, accountId: id, slot: real, priceTicks: real, quantityLots: real, stopPriceTicks: real, displayLots: real })
      .chain((command) => textId(64).map((clientOrderId) => ({ ...command, clientOrderId })))
      .map(({ slot, kind, clientOrderId, ...fields }): Command => ({ ...blank(kind as CommandKind), ...fields, orderId: kind === CommandKind.PLACE ? 0 : slot, maxNotional: kind === CommandKind.PLACE ? slot : 0, clientOrderId: kind === CommandKind.PLACE ? clientOrderId : '' }));
    const adminCommand = fc
      .record({
        kind: fc.integer({ min: 7, max: 254 }),
        limitKind: small,
        flag: small,
        assetId: fc.integer({ min: 0, max: 0xfffe }),
        instrumentId: id,
        accountId: id,
        amount: real,
        actorId: real,
        more: fc.array(fc.record({ assetId: fc.integer({ min: 0, max: 0xfffe }), amount: real }), { maxLength: 5 }),
        depositId: textId(32),
      })
      .map(({ kind, instrumentId, accountId, depositId, ...admin }): Command => ({ ...blank(kind as CommandKind), instrumentId, accountId, admin: { ...admin, depositId: kind === CommandKind.DEPOSIT ? depositId : '' } }));
    fc.assert(
      fc.property(fc.oneof(orderCommand, adminCommand), (command) => {
        expect(roundTrip(command).command).toEqual(command);
      }),
    );
  });

  it.each([
    ['a side of 300', { side: 300 }, 'INVALID_SIDE'],
    ['a fractional side', { side: 1.5 }, 'INVALID_SIDE'],
    ['a negative account', { accountId: -1 }, 'INVALID_ACCOUNT'],
    ['an account above 2^32', { accountId: 2 ** 32 + 1 }, 'INVALID_ACCOUNT'],
    ['an instrument above 2^32', { instrumentId: 2 ** 32 + 1 }, 'UNKNOWN_INSTRUMENT'],
    ['a negative instrument', { instrumentId: -1 }, 'UNKNOWN_INSTRUMENT'],
    ['a kind of 1000', { kind: 1000 }, 'INVALID_COMMAND'],
    ['an undefined quantity', { quantityLots: undefined }, 'QUANTITY_OUT_OF_BOUNDS'],
  ])('keeps %s invalid, so the engine rejects it with its own code', (_name, change, code) => {
    const command = { ...place({ instrumentId: 1, accountId: 5, side: Side.BUY, priceTicks: 100, quantityLots: 1 }), ...change } as unknown as Command;
    const engine = new Engine({ instruments: INSTRUMENTS, book: 'fast', capacity: { maxOrders: 10, maxLevels: 10 } });
    const lines = formatEvents(engine.apply(roundTrip(command).command, 1, 1n));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^REJECTED .* ${code}$`));
  });

  it.each([
    ['65 bytes', 'x'.repeat(65)],
    ['a space', 'my order'],
    ['a non-ASCII character', 'ordre-é'],
    ['a control character', 'a\u0001'],
    ['the marker itself', INVALID_TEXT_ID],
  ])('stores a clientOrderId of %s as the invalid marker, never truncated', (_name, clientOrderId) => {
    const command = place({ instrumentId: 1, accountId: 3, side: Side.BUY, priceTicks: 5, quantityLots: 1, clientOrderId });
    expect(roundTrip(command).command.clientOrderId).toBe(INVALID_TEXT_ID);
  });

  it.each([
    ['33 bytes', 'x'.repeat(33)],
    ['a tab', 'dep\t1'],
  ])('stores a depositId of %s as the invalid marker', (_name, depositId) => {
    const command = depositAll({ accountId: 3, depositId, credits: [{ assetId: 1, amount: 1 }] });
    expect(roundTrip(command).command.admin?.depositId).toBe(INVALID_TEXT_ID);
  });

  it('stores more deposit pairs than the record holds as a count the engine rejects, not the first six', () => {
    const credits = Array.from({ length: 7 }, (_, i) => ({ assetId: i + 1, amount: 1 }));
    const decoded = roundTrip(depositAll({ accountId: 3, credits })).command.admin;
    expect(decoded?.assetId).toBe(1);
    expect(decoded?.more.length).toBe(6);
    expect(decoded?.more.every((pair) => pair.assetId === 0 && pair.amount === 0)).toBe(true);
  });

  it.each([
    ['bytes after the zero padding', (view: DataView) => { view.setUint8(64, 0x61); view.setUint8(100, 0x62); }],
    ['a byte above 0x7E', (view: DataView) => { view.setUint8(64, 0x61); view.setUint8(65, 0x80); }],
  ])('decodes a clientOrderId field with %s as the invalid marker', (_name, damage) => {
    const view = new DataView(new ArrayBuffer(COMMAND_RECORD_BYTES));
    encodeCommand(view, 0, place({ instrumentId: 1, accountId: 3, side: Side.BUY, priceTicks: 5, quantityLots: 1 }));
    damage(view);
    expect(decodeCommand(view, 0).clientOrderId).toBe(INVALID_TEXT_ID);
  });

  it('clears the tail of a reused slot: a place without an id after one with an id decodes with none', () => {
    const view = new DataView(new ArrayBuffer(COMMAND_RECORD_BYTES));
    encodeCommand(view, 0, place({ instrumentId: 1, accountId: 3, side: Side.BUY, priceTicks: 5, quantityLots: 1, clientOrderId: 'z'.repeat(64) }));
    encodeCommand(view, 0, place({ instrumentId: 1, accountId: 3, side: Side.BUY, priceTicks: 5, quantityLots: 1 }));
    expect(decodeCommand(view, 0).clientOrderId).toBe('');
    encodeCommand(view, 0, depositAll({ accountId: 3, depositId: 'y'.repeat(32), credits: [1, 2, 3, 4, 5, 6].map((assetId) => ({ assetId, amount: 9 })) }));
    encodeCommand(view, 0, deposit(3, 1, 9));
    expect(decodeCommand(view, 0).admin).toEqual(deposit(3, 1, 9).admin);
  });

  it('never turns an invalid instrument into "every instrument" for a mass cancel', () => {
    const command = { ...massCancel(5), instrumentId: -3 };
    expect(roundTrip(command).command.instrumentId).toBe(0xffff_ffff);
  });
});
