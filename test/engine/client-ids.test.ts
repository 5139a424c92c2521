// (account, clientOrderId) is a key of the engine's own state: a reused id of an open order is
// refused naming it, a reused id of a closed or rejected one is answered with its final state, and
// neither changes anything (Session.send checks the state hash of every single-reject command).
// The table is bounded per account, and open orders' ids are never evicted. Both books.
import { describe, expect, it } from 'vitest';
import { ClientOrderStatus } from '../../src/engine/client-ids.js';
import { cancel, type Command, deposit, endOfDay, massCancel, OrderType, place, type PlaceArgs, setKillSwitch, Side, TimeInForce } from '../../src/engine/command.js';
import { Field } from '../../src/engine/event.js';
import { COMMAND_RECORD_BYTES, decodeCommand, encodeCommand } from '../../src/protocol/command-record.js';
import { BOOK_KINDS, FIFO, INSTRUMENTS, marketHash, PRO_RATA, Session } from './harness.js';

const A = 1;
const B = 2;

function buy(accountId: number, clientOrderId: string, extra: Partial<PlaceArgs> = {}): Command {
  return place({ instrumentId: FIFO, accountId, side: Side.BUY, priceTicks: 100, quantityLots: 10, clientOrderId, ...extra });
}

function sell(accountId: number, quantityLots: number, extra: Partial<PlaceArgs> = {}): Command {
  return place({ instrumentId: FIFO, accountId, side: Side.SELL, priceTicks: 100, quantityLots, ...extra });
}

/** The command as it reaches the core: through a command record. */
function viaRecord(command: Command): Command {
  const view = new DataView(new ArrayBuffer(COMMAND_RECORD_BYTES));
  encodeCommand(view, 0, command);
  return decodeCommand(view, 0);
}

describe.each(BOOK_KINDS)('clientOrderId on the %s book', (kind) => {
  it('places an order with a fresh id exactly as without one, and records it open', () => {
    const withId = new Session(kind);
    const without = new Session(kind);
    expect(withId.send(viaRecord(buy(A, 'order-1')))).toEqual(without.send(buy(A, '')));
    expect(withId.engine.clientIds.lookup(A, 'order-1')).toMatchObject({ orderId: 1, instrumentId: FIFO, status: ClientOrderStatus.OPEN });
    expect(marketHash(withId.engine)).toBe(marketHash(without.engine));
    // The id is state: replicas that disagree about it have different hashes. An empty table adds
    // nothing, so a state reached without ids (an old journal's) hashes as before the table existed.
    expect(withId.engine.stateHash()).not.toBe(without.engine.stateHash());
    expect(without.engine.stateHash()).toBe(marketHash(without.engine));
  });

  it('refuses a reused id of a resting order, naming the order and its fills so far, and changes nothing', () => {
    const s = new Session(kind);
    s.send(buy(A, 'dup'));
    s.send(sell(B, 4));
    const book = s.book(FIFO);
    expect(s.send(buy(A, 'dup', { priceTicks: 120 }))).toEqual(['REJECTED #3 a1 (first #1 OPEN filled 4) DUPLICATE_CLIENT_ORDER_ID']);
    const events = s.engine.events;
    expect([events.field(0, Field.ORDER_ID), events.field(0, Field.ORIGINAL_ID), events.field(0, Field.ORIGINAL_STATUS), events.field(0, Field.ORIGINAL_FILLED)]).toEqual([3, 1, ClientOrderStatus.OPEN, 4]);
    expect(s.book(FIFO)).toEqual(book);
  });

  it('refuses a reused id of a pending stop order', () => {
    const s = new Session(kind);
    s.send(buy(A, 'stop', { orderType: OrderType.STOP, priceTicks: 0, stopPriceTicks: 150 }));
    expect(s.engine.book(FIFO).order(1)?.pendingStop).toBe(true);
    expect(s.send(buy(A, 'stop'))).toEqual(['REJECTED #2 a1 (first #1 OPEN filled 0) DUPLICATE_CLIENT_ORDER_ID']);
  });

  it.each([
    ['filled', (s: Session) => s.send(sell(B, 10)), '(first #1 FILLED filled 10)'],
    ['cancelled after a partial fill', (s: Session) => { s.send(sell(B, 3)); s.send(cancel(FIFO, A, 1)); }, '(first #1 CANCELLED filled 3)'],
    ['cancelled by a mass cancel', (s: Session) => s.send(massCancel(A)), '(first #1 CANCELLED filled 0)'],
    ['expired at the end of the day', (s: Session) => s.send(endOfDay()), '(first #1 EXPIRED filled 0)'],
  ])('answers a reused id of an order since %s with its final state, placing nothing', (_name, close, first) => {
    const s = new Session(kind);
    s.send(buy(A, 'done', { timeInForce: TimeInForce.DAY }));
    close(s);
    const seq = s.nextSeq;
    expect(s.send(buy(A, 'done'))).toEqual([`REJECTED #${seq} a1 ${first} CLIENT_ORDER_ID_DONE`]);
    expect(s.engine.book(FIFO).orderCount()).toBe(0);
  });

  it.each([
    ['a price out of bounds', buy(A, 'bad', { priceTicks: 2_000_000 }), 'PRICE_OUT_OF_BOUNDS'],
    ['an unknown instrument', buy(A, 'bad', { instrumentId: 99 }), 'UNKNOWN_INSTRUMENT'],
    ['a post-only order that would cross', buy(A, 'bad', { postOnly: true, priceTicks: 100 }), 'POST_ONLY_WOULD_CROSS'],
  ])('records a place rejected for %s, and answers its retry with the original code', (_name, command, code) => {
    const s = new Session(kind);
    s.send(sell(B, 5));
    expect(s.send(command)).toEqual([`REJECTED #2 a1 ${code}`]);
    expect(s.engine.clientIds.lookup(A, 'bad')).toMatchObject({ orderId: 2, status: ClientOrderStatus.REJECTED });
    // A corrected retry under the same id is still the same order: refused, naming the original reject.
    expect(s.send(buy(A, 'bad', { priceTicks: 90 }))).toEqual([`REJECTED #3 a1 (first #2 REJECTED ${code}) CLIENT_ORDER_ID_DONE`]);
    expect(s.engine.events.field(0, Field.ORIGINAL_CODE)).toBeGreaterThan(1000);
  });

  it('records an immediate-or-cancel order that fills in its own command as filled', () => {
    const s = new Session(kind);
    s.send(sell(B, 10));
    s.send(buy(A, 'ioc', { timeInForce: TimeInForce.IOC, quantityLots: 6 }));
    expect(s.engine.clientIds.lookup(A, 'ioc')).toMatchObject({ status: ClientOrderStatus.FILLED, filledLots: 6 });
    expect(s.engine.clientIds.openCount).toBe(0);
    // What an execution report for this command's DONE names the order by.
    expect(s.engine.clientIds.ofOrder(2)?.clientOrderId).toBe('ioc');
  });

  it('records the maker side closing in another account\'s command', () => {
    const s = new Session(kind);
    s.send(buy(A, 'maker'));
    s.send(place({ instrumentId: PRO_RATA, accountId: A, side: Side.BUY, priceTicks: 100, quantityLots: 2, clientOrderId: 'other-book' }));
    s.send(sell(B, 10));
    expect(s.engine.clientIds.lookup(A, 'maker')).toMatchObject({ status: ClientOrderStatus.FILLED, filledLots: 10 });
    expect(s.engine.clientIds.lookup(A, 'other-book')?.status).toBe(ClientOrderStatus.OPEN);
  });

  it('keeps ids per account: another account may use the same id', () => {
    const s = new Session(kind);
    s.send(buy(A, 'same'));
    expect(s.send(buy(B, 'same'))[0]).toMatch(/^ACCEPTED #2 a2/);
    expect(s.engine.clientIds.lookup(B, 'same')?.orderId).toBe(2);
  });

  it.each([
    ['a space', 'has space', false],
    ['65 characters', 'x'.repeat(65), false],
    ['a non-ASCII character', 'ordre-é', false],
    ['65 characters, through the record (stored as the marker)', 'x'.repeat(65), true],
    ['a non-ASCII character, through the record', 'ordre-é', true],
  ])('refuses an id with %s with its own code, recording nothing', (_name, clientOrderId, record) => {
    const s = new Session(kind);
    const command = buy(A, clientOrderId);
    expect(s.send(record ? viaRecord(command) : command)).toEqual(['REJECTED #1 a1 INVALID_CLIENT_ORDER_ID']);
    expect(s.engine.clientIds.size).toBe(0);
  });

  it('refuses an id on an invalid account as INVALID_ACCOUNT, recording nothing', () => {
    const s = new Session(kind);
    expect(s.send(buy(0, 'x'))).toEqual(['REJECTED #1 a0 INVALID_ACCOUNT']);
    expect(s.engine.clientIds.size).toBe(0);
  });
});

describe.each(BOOK_KINDS)('the clientOrderId table bound, %s book', (kind) => {
  it('evicts only the account\'s own oldest closed ids: never another account\'s, never an open order\'s', () => {
    const s = new Session(kind, { maxOrders: 1000, maxLevels: 100 }, INSTRUMENTS, undefined, { closedOrdersPerAccount: 3 });
    const placeAndCancel = (accountId: number, id: string): void => {
      const orderId = s.nextSeq;
      s.send(buy(accountId, id, { priceTicks: 50 }));
      s.send(cancel(FIFO, accountId, orderId));
    };
    placeAndCancel(B, 'b1');
    placeAndCancel(B, 'b2');
    s.send(buy(B, 'b-open', { priceTicks: 40 }));
    s.send(buy(A, 'a-open', { priceTicks: 40 }));
    for (let i = 1; i <= 6; i++) placeAndCancel(A, `a${i}`);
    const ids = s.engine.clientIds;
    expect(['a1', 'a2', 'a3'].map((id) => ids.lookup(A, id))).toEqual([undefined, undefined, undefined]);
    expect(ids.ofOrder(7)).toBeUndefined(); // a1's order, evicted with it
    expect(ids.ofOrder(13)?.clientOrderId).toBe('a4');
    expect(['a4', 'a5', 'a6'].map((id) => ids.lookup(A, id)?.status)).toEqual([ClientOrderStatus.CANCELLED, ClientOrderStatus.CANCELLED, ClientOrderStatus.CANCELLED]);
    expect(ids.lookup(A, 'a-open')?.status).toBe(ClientOrderStatus.OPEN);
    expect(['b1', 'b2', 'b-open'].map((id) => ids.lookup(B, id)?.status)).toEqual([ClientOrderStatus.CANCELLED, ClientOrderStatus.CANCELLED, ClientOrderStatus.OPEN]);
    // What was evicted is forgotten (the stated bound); what is kept still answers.
    expect(s.send(buy(A, 'a1'))[0]).toMatch(/^ACCEPTED/);
    expect(s.send(buy(A, 'a-open'))[0]).toMatch(/DUPLICATE_CLIENT_ORDER_ID$/);
    expect(s.send(buy(B, 'b1'))[0]).toMatch(/\(first #1 CANCELLED filled 0\) CLIENT_ORDER_ID_DONE$/);
  });

  it('keeps every open order\'s id however many the account has', () => {
    const s = new Session(kind, { maxOrders: 1000, maxLevels: 100 }, INSTRUMENTS, undefined, { closedOrdersPerAccount: 1 });
    for (let i = 0; i < 50; i++) s.send(buy(A, `open-${i}`, { priceTicks: 10 + i }));
    expect(s.engine.clientIds.openCount).toBe(50);
    for (let i = 0; i < 50; i++) expect(s.engine.clientIds.lookup(A, `open-${i}`)?.status).toBe(ClientOrderStatus.OPEN);
  });
});

describe.each(BOOK_KINDS)('clientOrderId with the risk gate, %s book', (kind) => {
  const BTC = 1;
  const USD = 2;

  it('answers the retry of an order refused for its balance with that refusal, after funds arrive', () => {
    const s = new Session(kind, { maxOrders: 1000, maxLevels: 100 }, INSTRUMENTS, {});
    expect(s.send(buy(A, 'funded?'))).toEqual(['REJECTED #1 a1 INSUFFICIENT_BALANCE']);
    s.send(deposit(A, USD, 1_000_000));
    expect(s.send(buy(A, 'funded?'))).toEqual(['REJECTED #3 a1 (first #1 REJECTED INSUFFICIENT_BALANCE) CLIENT_ORDER_ID_DONE']);
    expect(s.engine.risk?.accountState(A)?.held[USD - 1]).toBe(0);
    expect(s.send(buy(A, 'funded!'))[0]).toMatch(/^ACCEPTED/);
  });

  it('closes an account\'s open ids when its kill switch cancels its orders', () => {
    const s = new Session(kind, { maxOrders: 1000, maxLevels: 100 }, INSTRUMENTS, {});
    s.send(deposit(A, USD, 1_000_000));
    s.send(deposit(A, BTC, 100));
    s.send(buy(A, 'k1'));
    s.send(place({ instrumentId: FIFO, accountId: A, side: Side.SELL, priceTicks: 200, quantityLots: 5, clientOrderId: 'k2' }));
    s.send(setKillSwitch(A, true));
    expect(s.engine.clientIds.openCount).toBe(0);
    expect(s.engine.clientIds.lookup(A, 'k2')).toMatchObject({ status: ClientOrderStatus.CANCELLED, filledLots: 0 });
  });
});
