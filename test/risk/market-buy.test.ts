// Market buys by quantity in spot mode: without a maxNotional the gate holds what filling the
// quantity at the book could cost, fees included, and refuses only when the available balance is
// short of it (INSUFFICIENT_BALANCE). With a maxNotional the cap is checked as before (2012).
//
// The hold is taken and released inside one command, so it is observed at its boundary: a balance of
// exactly the walked cost is accepted, one unit less is refused (and Session.send checks that the
// refusal changed nothing). After the order, nothing is held and the total moved by exactly what the
// fills cost. Every case runs on both book implementations.
//
// Units (harness instruments: tick 0.01 USD, lot 0.001 of the base): one BTC unit is one lot, a
// notional in USD units is priceTicks × lots. With takerBps 10 a lot at 1,001 holds 1,001 + ceil(1.001)
// = 1,003, while the exact fee of 5 lots is ceil(5.005) = 6: the hold exceeds the spend by 4.
import { describe, expect, it } from 'vitest';
import { type Command, deposit, OrderType, place, SelfTradePrevention, Side, TimeInForce, withdraw } from '../../src/engine/command.js';
import type { RiskConfig } from '../../src/risk/risk-config.js';
import { FIFO, INSTRUMENTS, PRO_RATA, Session } from '../engine/harness.js';

const BTC = 1;
const USD = 2;
const ETH = 3;
const BUYER = 1;
const SELLER = 2;
const FEES: RiskConfig = { fees: { 'BTC-USD': { makerBps: 0, takerBps: 10 }, 'ETH-USD': { makerBps: 0, takerBps: 10 } } };
/** Hold per lot, fees included, at 1,001 and at 2,000 ticks with takerBps 10. */
const AT_1001 = 1001 + 2;
const AT_2000 = 2000 + 2;

function outcome(lines: readonly string[]): string {
  const first = lines[0] ?? '';
  const rejected = /^REJECTED .* (\w+)$/.exec(first);
  return rejected?.[1] ?? first.split(' ')[0] ?? '';
}

function usd(s: Session, accountId: number): { total: number; held: number } {
  const account = s.engine.risk?.accountState(accountId);
  if (account === undefined) throw new Error(`no account ${accountId}`);
  return { total: account.total[USD - 1] ?? Number.NaN, held: account.held[USD - 1] ?? Number.NaN };
}

function marketBuy(lots: number, extra: Partial<Parameters<typeof place>[0]> = {}): Command {
  return place({ instrumentId: FIFO, accountId: BUYER, side: Side.BUY, orderType: OrderType.MARKET, quantityLots: lots, ...extra });
}

function ask(priceTicks: number, lots: number, instrumentId = FIFO): Command {
  return place({ instrumentId, accountId: SELLER, side: Side.SELL, priceTicks, quantityLots: lots });
}

function trades(lines: readonly string[]): string[] {
  return lines.filter((l) => l.startsWith('TRADE')).map((l) => l.split(' ')[2] ?? '');
}

describe.each(['fast', 'naive'] as const)('market buy by quantity (%s book)', (kind) => {
  /** Asks 5 @ 1,001 and 5 @ 2,000; the buyer holds `usdUnits` USD. */
  function venue(usdUnits: number, config: RiskConfig = FEES): Session {
    const s = new Session(kind, { maxOrders: 1000, maxLevels: 100 }, INSTRUMENTS, config);
    s.send(deposit(SELLER, BTC, 100));
    s.send(deposit(BUYER, USD, usdUnits));
    s.send(ask(1001, 5));
    s.send(ask(2000, 5));
    return s;
  }

  it('holds the walked cost, fees included, and releases what the fills did not spend', () => {
    const cost = 5 * AT_1001 + 2 * AT_2000;
    const s = venue(cost);
    const lines = s.send(marketBuy(7));
    expect(trades(lines)).toEqual(['1001x5', '2000x2']);
    expect(lines.at(-1)).toMatch(/^DONE #\d+ a1 FILLED/);
    // Spent: 5,005 + 6 fee, then 4,000 + 4 fee; the 4 units of per-lot rounding come back.
    expect(usd(s, BUYER)).toEqual({ total: cost - (5005 + 6) - (4000 + 4), held: 0 });
    expect(s.engine.risk?.accountState(BUYER)?.total[BTC - 1]).toBe(7);
  });

  it('is refused with INSUFFICIENT_BALANCE one unit below the walked cost, and holds nothing', () => {
    const cost = 5 * AT_1001 + 2 * AT_2000;
    const s = venue(cost - 1);
    expect(outcome(s.send(marketBuy(7)))).toBe('INSUFFICIENT_BALANCE');
    expect(usd(s, BUYER)).toEqual({ total: cost - 1, held: 0 });
    expect(s.book(FIFO).asks).toEqual([
      [1001, 5, 1],
      [2000, 5, 1],
    ]);
  });

  it('counts only the available balance: what other orders hold is not spendable', () => {
    const cost = 5 * AT_1001;
    const s = venue(cost + 1000);
    // A resting bid at 999 holds 999 + ceil(0.999) = 1,000: exactly the surplus.
    expect(outcome(s.send(place({ instrumentId: FIFO, accountId: BUYER, side: Side.BUY, priceTicks: 999, quantityLots: 1 })))).toBe('ACCEPTED');
    expect(outcome(s.send(marketBuy(5)))).toBe('ACCEPTED');
    const t = new Session(kind, { maxOrders: 1000, maxLevels: 100 }, INSTRUMENTS, FEES);
    t.send(deposit(SELLER, BTC, 100));
    t.send(deposit(BUYER, USD, cost + 999));
    t.send(ask(1001, 5));
    t.send(place({ instrumentId: FIFO, accountId: BUYER, side: Side.BUY, priceTicks: 999, quantityLots: 1 }));
    expect(outcome(t.send(marketBuy(5)))).toBe('INSUFFICIENT_BALANCE');
  });

  it('with fees off holds the bare notional', () => {
    const notional = 5 * 1001;
    expect(outcome(venue(notional, {}).send(marketBuy(5)))).toBe('ACCEPTED');
    expect(outcome(venue(notional - 1, {}).send(marketBuy(5)))).toBe('INSUFFICIENT_BALANCE');
    // The same balance is short once the taker fee is held.
    expect(outcome(venue(notional).send(marketBuy(5)))).toBe('INSUFFICIENT_BALANCE');
  });

  it('with less depth than the quantity holds the cost of what the book has; IOC cancels the rest', () => {
    const depth = 5 * AT_1001 + 5 * AT_2000;
    expect(outcome(venue(depth - 1).send(marketBuy(15)))).toBe('INSUFFICIENT_BALANCE');
    const s = venue(depth);
    const lines = s.send(marketBuy(15));
    expect(trades(lines)).toEqual(['1001x5', '2000x5']);
    expect(lines.at(-1)).toMatch(/^DONE #\d+ a1 CANCELLED UNFILLED_REMAINDER left 5 filled 10$/);
    expect(usd(s, BUYER)).toEqual({ total: depth - (5005 + 6) - (10_000 + 10), held: 0 });
    expect(s.book(FIFO).asks).toEqual([]);
  });

  it('as FOK beyond the depth is refused by the book and its hold given back', () => {
    const s = venue(1_000_000);
    const lines = s.send(marketBuy(11, { timeInForce: TimeInForce.FOK }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^REJECTED #\d+ a1 FOK_CANNOT_FILL$/);
    expect(usd(s, BUYER)).toEqual({ total: 1_000_000, held: 0 });
  });

  it('on an empty book is refused by the book (NO_LIQUIDITY), not by the gate, even with nothing available', () => {
    const s = new Session(kind, { maxOrders: 1000, maxLevels: 100 }, INSTRUMENTS, FEES);
    s.send(deposit(BUYER, USD, 10));
    s.send(withdraw(BUYER, USD, 10));
    const lines = s.send(place({ instrumentId: PRO_RATA, accountId: BUYER, side: Side.BUY, orderType: OrderType.MARKET, quantityLots: 3 }));
    expect(lines).toEqual([expect.stringMatching(/^REJECTED #\d+ a1 NO_LIQUIDITY$/)]);
    expect(usd(s, BUYER)).toEqual({ total: 0, held: 0 });
  });

  it('walks a pro-rata book the same way', () => {
    const s = new Session(kind, { maxOrders: 1000, maxLevels: 100 }, INSTRUMENTS, FEES);
    s.send(deposit(SELLER, ETH, 100));
    s.send(deposit(3, ETH, 100));
    s.send(ask(1001, 3, PRO_RATA));
    s.send(place({ instrumentId: PRO_RATA, accountId: 3, side: Side.SELL, priceTicks: 1001, quantityLots: 3 }));
    s.send(ask(2000, 4, PRO_RATA));
    const cost = 6 * AT_1001 + 1 * AT_2000;
    s.send(deposit(BUYER, USD, cost - 1));
    const buy7 = place({ instrumentId: PRO_RATA, accountId: BUYER, side: Side.BUY, orderType: OrderType.MARKET, quantityLots: 7 });
    expect(outcome(s.send(buy7))).toBe('INSUFFICIENT_BALANCE');
    s.send(deposit(BUYER, USD, 1));
    const lines = s.send(buy7);
    expect(trades(lines).reduce((n, t) => n + Number(t.split('x')[1]), 0)).toBe(7);
    // Two trades of 3 @ 1,001 (3,003 + ceil(3.003) = 4 fee each), one of 1 @ 2,000 (+ 2 fee).
    expect(usd(s, BUYER)).toEqual({ total: cost - 2 * (3003 + 4) - (2000 + 2), held: 0 });
    expect(s.engine.risk?.accountState(BUYER)?.total[ETH - 1]).toBe(7);
  });

  it('prices its own resting asks, which self-trade prevention may cancel instead, at the far end of the walk', () => {
    const s = venue(1);
    s.send(deposit(BUYER, BTC, 2));
    s.send(place({ instrumentId: FIFO, accountId: BUYER, side: Side.SELL, priceTicks: 999, quantityLots: 2 }));
    // Of the first 7 + 2 own lots (999 ×2, 1,001 ×5, 2,000 ×2) the last 7 are priced.
    const cost = 5 * AT_1001 + 2 * AT_2000;
    s.send(deposit(BUYER, USD, cost - 2));
    expect(outcome(s.send(marketBuy(7)))).toBe('INSUFFICIENT_BALANCE');
    s.send(deposit(BUYER, USD, 1));
    // STP off: it fills its own ask first, and pays less than it held.
    const lines = s.send(marketBuy(7, { selfTradePrevention: SelfTradePrevention.NONE }));
    expect(trades(lines)).toEqual(['999x2', '1001x5']);
    // Its own 2 lots cost it only the taker fee, ceil(1.998) = 2.
    expect(usd(s, BUYER)).toEqual({ total: cost - (5005 + 6) - 2, held: 0 });
  });

  describe('with a maxNotional, as before', () => {
    const cost = 5 * AT_1001 + 2 * AT_2000;

    it('is refused when the walked cost could exceed it, accepted at it', () => {
      expect(outcome(venue(1_000_000).send(marketBuy(7, { maxNotional: cost - 1 })))).toBe('MARKET_BUY_EXCEEDS_MAX_NOTIONAL');
      const s = venue(1_000_000);
      expect(trades(s.send(marketBuy(7, { maxNotional: cost })))).toEqual(['1001x5', '2000x2']);
      expect(usd(s, BUYER)).toEqual({ total: 1_000_000 - 9011 - 4, held: 0 });
    });

    it('checks the cap before the balance, and the balance still', () => {
      expect(outcome(venue(cost - 2).send(marketBuy(7, { maxNotional: cost - 1 })))).toBe('MARKET_BUY_EXCEEDS_MAX_NOTIONAL');
      expect(outcome(venue(cost - 1).send(marketBuy(7, { maxNotional: cost })))).toBe('INSUFFICIENT_BALANCE');
    });

    it('is refused as bad input anywhere but on a market buy, or when not a whole non-negative number', () => {
      const s = venue(1_000_000);
      s.send(deposit(BUYER, BTC, 10));
      expect(outcome(s.send(place({ instrumentId: FIFO, accountId: BUYER, side: Side.BUY, priceTicks: 1000, quantityLots: 1, maxNotional: 5 })))).toBe('INVALID_MAX_NOTIONAL');
      expect(outcome(s.send(place({ instrumentId: FIFO, accountId: BUYER, side: Side.SELL, orderType: OrderType.MARKET, quantityLots: 1, maxNotional: 5 })))).toBe('INVALID_MAX_NOTIONAL');
      expect(outcome(s.send(marketBuy(1, { maxNotional: -1 })))).toBe('INVALID_MAX_NOTIONAL');
      expect(outcome(s.send(marketBuy(1, { maxNotional: 1.5 })))).toBe('INVALID_MAX_NOTIONAL');
    });
  });
});
