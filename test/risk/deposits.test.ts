// A deposit is one command that credits all its assets or none, and an optional depositId makes
// its retry credit nothing and name the first deposit's seq. Session.send checks that every
// single-reject command left the state hash as it was. Both books (deposits touch no book, but
// the engine around them is the same one the scenarios run).
import { describe, expect, it } from 'vitest';
import { type Command, deposit, depositAll, place, Side, withdraw } from '../../src/engine/command.js';
import { Field } from '../../src/engine/event.js';
import { COMMAND_RECORD_BYTES, decodeCommand, encodeCommand } from '../../src/protocol/command-record.js';
import { BOOK_KINDS, FIFO, INSTRUMENTS, Session } from '../engine/harness.js';

// Harness assets: BTC=1, USD=2, ETH=3, SOL=4.
const BTC = 1;
const USD = 2;
const ETH = 3;
const SOL = 4;
const ADMIN = 42;

function viaRecord(command: Command): Command {
  const view = new DataView(new ArrayBuffer(COMMAND_RECORD_BYTES));
  encodeCommand(view, 0, command);
  return decodeCommand(view, 0);
}

function totals(s: Session, accountId: number): number[] {
  return [...(s.engine.risk?.accountState(accountId)?.total ?? [])];
}

describe.each(BOOK_KINDS)('multi-asset deposits, %s book', (kind) => {
  const venue = (idempotency?: { depositsPerAccount: number }): Session => new Session(kind, { maxOrders: 100, maxLevels: 10 }, INSTRUMENTS, {}, idempotency);

  it('credits every asset of one command, one BALANCE event each, naming the admin', () => {
    const s = venue();
    const command = depositAll({ accountId: 1, actorId: ADMIN, credits: [{ assetId: USD, amount: 500 }, { assetId: BTC, amount: 7 }, { assetId: SOL, amount: 3 }] });
    expect(s.send(viaRecord(command))).toEqual([
      'DEPOSIT a1 asset 2 500 total 500 held 0 by u42',
      'DEPOSIT a1 asset 1 7 total 7 held 0 by u42',
      'DEPOSIT a1 asset 4 3 total 3 held 0 by u42',
    ]);
    expect(totals(s, 1)).toEqual([7, 500, 0, 3]);
  });

  it('credits nothing when a later asset would take the venue total past 2^53', () => {
    const s = venue();
    s.send(deposit(9, BTC, Number.MAX_SAFE_INTEGER - 10));
    const command = depositAll({ accountId: 1, credits: [{ assetId: USD, amount: 1_000 }, { assetId: BTC, amount: 11 }] });
    expect(s.send(viaRecord(command))).toEqual(['REJECTED #0 a1 AMOUNT_TOO_LARGE']);
    expect(s.engine.risk?.accountState(1)).toBeUndefined();
    // The same deposit without the overflowing asset goes through.
    expect(s.send(depositAll({ accountId: 1, credits: [{ assetId: USD, amount: 1_000 }, { assetId: BTC, amount: 10 }] }))).toHaveLength(2);
  });

  it.each([
    ['an unknown second asset', [{ assetId: USD, amount: 5 }, { assetId: 99, amount: 5 }], 'UNKNOWN_ASSET'],
    ['a fractional third amount', [{ assetId: USD, amount: 5 }, { assetId: BTC, amount: 5 }, { assetId: ETH, amount: 0.5 }], 'INVALID_AMOUNT'],
    ['a zero second amount', [{ assetId: USD, amount: 5 }, { assetId: BTC, amount: 0 }], 'INVALID_AMOUNT'],
    ['an asset named twice', [{ assetId: USD, amount: 5 }, { assetId: BTC, amount: 5 }, { assetId: USD, amount: 1 }], 'INVALID_DEPOSIT_ASSETS'],
    ['seven assets (the record holds six)', Array.from({ length: 7 }, (_, i) => ({ assetId: (i % 4) + 1, amount: 1 })), 'INVALID_DEPOSIT_ASSETS'],
  ])('refuses a deposit with %s whole, crediting nothing', (_name, credits, code) => {
    const s = venue();
    s.send(deposit(1, USD, 10));
    expect(s.send(viaRecord(depositAll({ accountId: 1, credits })))).toEqual([`REJECTED #0 a1 ${code}`]);
    expect(totals(s, 1)).toEqual([0, 10, 0, 0]);
  });

  it('refuses several assets or a depositId on a withdrawal', () => {
    const s = venue();
    s.send(deposit(1, USD, 10));
    const twoAssets: Command = { ...withdraw(1, USD, 1), admin: { assetId: USD, amount: 1, limitKind: 0, flag: 0, actorId: 0, more: [{ assetId: BTC, amount: 1 }], depositId: '' } };
    expect(s.send(viaRecord(twoAssets))).toEqual(['REJECTED #0 a1 INVALID_DEPOSIT_ASSETS']);
  });
});

describe.each(BOOK_KINDS)('depositId, %s book', (kind) => {
  const venue = (idempotency?: { depositsPerAccount: number }): Session => new Session(kind, { maxOrders: 100, maxLevels: 10 }, INSTRUMENTS, {}, idempotency);
  const wire = (accountId: number, depositId: string, amount = 100): Command => depositAll({ accountId, depositId, actorId: ADMIN, credits: [{ assetId: USD, amount }, { assetId: BTC, amount: 1 }] });

  it('credits a retried deposit once, answering the retry with the seq of the first', () => {
    const s = venue();
    expect(s.send(viaRecord(wire(1, 'wire-2026-001')))).toHaveLength(2);
    s.send(deposit(2, USD, 5));
    expect(s.send(viaRecord(wire(1, 'wire-2026-001')))).toEqual(['REJECTED #0 a1 (first seq 1) DEPOSIT_ALREADY_APPLIED']);
    expect(s.engine.events.field(0, Field.ORIGINAL_ID)).toBe(1);
    // With other amounts it is not a retry but a mistake: refused as such, naming the first, crediting nothing.
    expect(s.send(wire(1, 'wire-2026-001', 999))).toEqual(['REJECTED #0 a1 (first seq 1) DEPOSIT_ID_REUSED']);
    expect(totals(s, 1)).toEqual([1, 100, 0, 0]);
  });

  it('keeps depositIds per account', () => {
    const s = venue();
    s.send(wire(1, 'same'));
    expect(s.send(wire(2, 'same'))).toHaveLength(2);
    expect(totals(s, 2)).toEqual([1, 100, 0, 0]);
  });

  it('does not record a refused deposit: its corrected retry is applied', () => {
    const s = venue();
    const bad = depositAll({ accountId: 1, depositId: 'fix-me', credits: [{ assetId: USD, amount: 100 }, { assetId: 77, amount: 1 }] });
    expect(s.send(bad)).toEqual(['REJECTED #0 a1 UNKNOWN_ASSET']);
    expect(s.send(wire(1, 'fix-me'))).toHaveLength(2);
    expect(s.engine.clientIds.depositOf(1, 'fix-me')?.seq).toBe(2);
  });

  it.each([
    ['33 characters', 'd'.repeat(33)],
    ['a space', 'wire 1'],
  ])('refuses a depositId of %s with its own code (directly and through the record)', (_name, depositId) => {
    const s = venue();
    expect(s.send(wire(1, depositId))).toEqual(['REJECTED #0 a1 INVALID_DEPOSIT_ID']);
    expect(s.send(viaRecord(wire(1, depositId)))).toEqual(['REJECTED #0 a1 INVALID_DEPOSIT_ID']);
    expect(s.engine.risk?.accountState(1)).toBeUndefined();
  });

  it('bounds depositIds per account: the oldest of that account goes first, no other account\'s', () => {
    const s = venue({ depositsPerAccount: 2 });
    s.send(wire(2, 'b-1'));
    for (const id of ['a-1', 'a-2', 'a-3']) s.send(wire(1, id));
    const ids = s.engine.clientIds;
    expect(['a-1', 'a-2', 'a-3'].map((id) => ids.depositOf(1, id)?.seq ?? 0)).toEqual([0, 3, 4]);
    expect(ids.depositOf(2, 'b-1')?.seq).toBe(1);
    expect(s.send(wire(2, 'b-1'))).toEqual(['REJECTED #0 a2 (first seq 1) DEPOSIT_ALREADY_APPLIED']);
  });

  it('leaves orders alone: a deposit retry neither credits nor changes a hold', () => {
    const s = venue();
    s.send(wire(1, 'fund'));
    s.send(place({ instrumentId: FIFO, accountId: 1, side: Side.BUY, priceTicks: 10, quantityLots: 5 }));
    const held = [...(s.engine.risk?.accountState(1)?.held ?? [])];
    expect(s.send(wire(1, 'fund'))[0]).toMatch(/DEPOSIT_ALREADY_APPLIED$/);
    expect([...(s.engine.risk?.accountState(1)?.held ?? [])]).toEqual(held);
  });
});
