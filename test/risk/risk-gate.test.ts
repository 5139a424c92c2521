// The pre-trade risk gate, limit by limit: each is accepted exactly at its boundary and rejected one
// unit past it, with nothing changed by the reject (Session.send checks the state hash). Then holds
// (released on cancel, expiry, IOC remainder and book rejects), fills and fees to the unit, limits
// changed between two orders, kill switch, halt, drawdown, market buys, audit and snapshots.
//
// Units with the harness instruments (tick 0.01 USD, lot 0.001 of the base): assets BTC=1, USD=2,
// ETH=3, SOL=4; one BTC unit is one lot, and a notional in USD units is priceTicks × lots.
import { describe, expect, it } from 'vitest';
import { amend, cancel, type Command, deposit, endOfDay, massCancel, OrderType, place, SelfTradePrevention, setHalt, setKillSwitch, setLimit, Side, startPeriod, TimeInForce, withdraw } from '../../src/engine/command.js';
import { Engine } from '../../src/core/engine.js';
import { LimitKind } from '../../src/risk/limits.js';
import type { RiskConfig } from '../../src/risk/risk-config.js';
import { feeUnits } from '../../src/risk/risk-config.js';
import { FIFO, INSTRUMENTS, PRO_RATA, Session } from '../engine/harness.js';

const BTC = 1;
const USD = 2;
const ETH = 3;

function venue(config: RiskConfig = {}, kind: 'fast' | 'naive' = 'fast'): Session {
  return new Session(kind, { maxOrders: 1000, maxLevels: 100 }, INSTRUMENTS, config);
}

function buy(accountId: number, priceTicks: number, quantityLots: number, extra: Partial<Parameters<typeof place>[0]> = {}): Command {
  return place({ instrumentId: FIFO, accountId, side: Side.BUY, priceTicks, quantityLots, ...extra });
}

function sell(accountId: number, priceTicks: number, quantityLots: number, extra: Partial<Parameters<typeof place>[0]> = {}): Command {
  return place({ instrumentId: FIFO, accountId, side: Side.SELL, priceTicks, quantityLots, ...extra });
}

function outcome(lines: readonly string[]): string {
  const first = lines[0] ?? '';
  const rejected = /^REJECTED .* (\w+)$/.exec(first);
  return rejected?.[1] ?? first.split(' ')[0] ?? '';
}

function balances(s: Session, accountId: number): { total: number[]; held: number[] } {
  const account = s.engine.risk?.accountState(accountId);
  if (account === undefined) throw new Error(`no account ${accountId}`);
  return { total: [...account.total], held: [...account.held] };
}

/** A trade at `price` between two funded accounts, so the instrument has a last trade price. */
function printTrade(s: Session, price: number): void {
  s.send(deposit(90, BTC, 1));
  s.send(deposit(91, USD, price));
  s.send(sell(90, price, 1));
  expect(s.send(buy(91, price, 1)).some((l) => l.startsWith('TRADE'))).toBe(true);
}

describe('each limit: accepted at the boundary, rejected one unit past it', () => {
  interface Case {
    name: string;
    config?: RiskConfig;
    setup: (s: Session) => void;
    atBoundary: Command;
    pastBoundary: Command;
    code: string;
    /** Counted limits: the refused venue gets the boundary order first, then the one past it. */
    counted?: boolean;
  }
  const funded = (s: Session): void => {
    s.send(deposit(1, USD, 10_000_000));
    s.send(deposit(1, BTC, 1_000));
  };
  const cases: Case[] = [
    {
      name: 'credit (quote, buy at the limit price)',
      setup: (s) => s.send(deposit(1, USD, 10_000)),
      atBoundary: buy(1, 1000, 10),
      pastBoundary: buy(1, 1000, 10, { priceTicks: 1001 }),
      code: 'INSUFFICIENT_BALANCE',
    },
    {
      name: 'credit with the taker fee held (10 bps: 1,001 per lot at 1,000)',
      config: { fees: { 'BTC-USD': { makerBps: 0, takerBps: 10 } } },
      setup: (s) => s.send(deposit(1, USD, 10_010)),
      atBoundary: buy(1, 1000, 10),
      pastBoundary: buy(1, 1001, 10),
      code: 'INSUFFICIENT_BALANCE',
    },
    {
      name: 'credit (base, sell)',
      setup: (s) => s.send(deposit(1, BTC, 5)),
      atBoundary: sell(1, 1000, 5),
      pastBoundary: sell(1, 1000, 6),
      code: 'INSUFFICIENT_BALANCE',
    },
    {
      name: 'max order quantity',
      setup: (s) => {
        funded(s);
        s.send(setLimit({ accountId: 1, instrumentId: FIFO, kind: LimitKind.MAX_ORDER_QUANTITY, value: 10 }));
      },
      atBoundary: buy(1, 1000, 10),
      pastBoundary: buy(1, 1000, 11),
      code: 'MAX_ORDER_QUANTITY_EXCEEDED',
    },
    {
      name: 'max order notional',
      setup: (s) => {
        funded(s);
        s.send(setLimit({ accountId: 1, instrumentId: 0, kind: LimitKind.MAX_ORDER_NOTIONAL, value: 10_000 }));
      },
      atBoundary: buy(1, 1000, 10),
      pastBoundary: buy(1, 10_001, 1),
      code: 'MAX_ORDER_NOTIONAL_EXCEEDED',
    },
    {
      name: 'position limit (open orders on the side count as filled)',
      setup: (s) => {
        funded(s);
        s.send(setLimit({ accountId: 1, instrumentId: FIFO, kind: LimitKind.MAX_POSITION, value: 10 }));
        s.send(buy(1, 1000, 4));
      },
      atBoundary: buy(1, 1000, 6),
      pastBoundary: buy(1, 1000, 7),
      code: 'POSITION_LIMIT_EXCEEDED',
    },
    {
      name: 'position limit on the short side',
      setup: (s) => {
        funded(s);
        s.send(setLimit({ accountId: 1, instrumentId: FIFO, kind: LimitKind.MAX_POSITION, value: 10 }));
      },
      atBoundary: sell(1, 1000, 10),
      pastBoundary: sell(1, 1000, 11),
      code: 'POSITION_LIMIT_EXCEEDED',
    },
    {
      name: 'price band in basis points above the last trade',
      setup: (s) => {
        funded(s);
        s.send(setLimit({ accountId: 0, instrumentId: FIFO, kind: LimitKind.PRICE_BAND_BPS, value: 100 }));
        printTrade(s, 10_000);
      },
      atBoundary: buy(1, 10_100, 1),
      pastBoundary: buy(1, 10_101, 1),
      code: 'PRICE_BAND_EXCEEDED',
    },
    {
      name: 'price band in basis points below the last trade',
      setup: (s) => {
        funded(s);
        s.send(setLimit({ accountId: 0, instrumentId: FIFO, kind: LimitKind.PRICE_BAND_BPS, value: 100 }));
        printTrade(s, 10_000);
      },
      atBoundary: sell(1, 9_900, 1),
      pastBoundary: sell(1, 9_899, 1),
      code: 'PRICE_BAND_EXCEEDED',
    },
    {
      name: 'price band in ticks around the best opposite price when nothing has traded',
      setup: (s) => {
        funded(s);
        s.send(setLimit({ accountId: 0, instrumentId: 0, kind: LimitKind.PRICE_BAND_TICKS, value: 5 }));
        s.send(deposit(2, BTC, 10));
        s.send(sell(2, 1000, 1));
      },
      atBoundary: buy(1, 995, 1),
      pastBoundary: buy(1, 994, 1),
      code: 'PRICE_BAND_EXCEEDED',
    },
    {
      name: 'open order count',
      setup: (s) => {
        funded(s);
        s.send(setLimit({ accountId: 0, instrumentId: 0, kind: LimitKind.MAX_OPEN_ORDERS, value: 3 }));
        s.send(buy(1, 100, 1));
        s.send(buy(1, 101, 1));
      },
      atBoundary: buy(1, 102, 1),
      pastBoundary: buy(1, 103, 1),
      code: 'OPEN_ORDER_LIMIT_EXCEEDED',
      counted: true,
    },
    {
      name: 'order rate (2 per second, burst 3: the fourth order within the same instant)',
      setup: (s) => {
        funded(s);
        s.send(setLimit({ accountId: 1, instrumentId: 0, kind: LimitKind.ORDER_RATE, value: 2 }));
        s.send(setLimit({ accountId: 1, instrumentId: 0, kind: LimitKind.ORDER_BURST, value: 3 }));
        s.send(buy(1, 100, 1));
        s.send(buy(1, 100, 1));
      },
      atBoundary: buy(1, 100, 1),
      pastBoundary: buy(1, 100, 1),
      code: 'ORDER_RATE_EXCEEDED',
      counted: true,
    },
  ];

  it.each(cases)('$name', ({ config, setup, atBoundary, pastBoundary, code, counted }) => {
    // Two venues with the same history: one gets the boundary order, the other the one past it.
    const accepted = venue(config);
    setup(accepted);
    expect(outcome(accepted.send(atBoundary))).toBe('ACCEPTED');
    const refused = venue(config);
    setup(refused);
    if (counted === true) expect(outcome(refused.send(atBoundary))).toBe('ACCEPTED');
    expect(outcome(refused.send(pastBoundary))).toBe(code);
  });
});

describe('the order rate limit refills on sequenced time', () => {
  it('gives one token back every 1/rate seconds, up to the burst', () => {
    const s = venue();
    s.send(deposit(1, USD, 1_000_000));
    s.send(setLimit({ accountId: 1, instrumentId: 0, kind: LimitKind.ORDER_RATE, value: 2 }));
    expect(outcome(s.send(buy(1, 100, 1)))).toBe('ACCEPTED');
    expect(outcome(s.send(buy(1, 100, 1)))).toBe('ACCEPTED');
    expect(outcome(s.send(buy(1, 100, 1)))).toBe('ORDER_RATE_EXCEEDED');
    s.advance(497_000_000n); // with the 1 µs per command, 0.499996 s after the second order: not yet
    expect(outcome(s.send(buy(1, 100, 1)))).toBe('ORDER_RATE_EXCEEDED');
    s.advance(3_000_000n);
    expect(outcome(s.send(buy(1, 100, 1)))).toBe('ACCEPTED');
    expect(outcome(s.send(buy(1, 100, 1)))).toBe('ORDER_RATE_EXCEEDED');
    // Cancels are never rate limited.
    expect(outcome(s.send(cancel(FIFO, 1, 4)))).toBe('DONE');
    s.advance(60_000_000_000n);
    expect(outcome(s.send(buy(1, 100, 1)))).toBe('ACCEPTED');
    expect(outcome(s.send(buy(1, 100, 1)))).toBe('ACCEPTED');
    expect(outcome(s.send(buy(1, 100, 1)))).toBe('ORDER_RATE_EXCEEDED');
  });

  it('counts amends, and gives the token back when the book refuses the amend', () => {
    const s = venue();
    s.send(deposit(1, USD, 1_000_000));
    s.send(setLimit({ accountId: 1, instrumentId: 0, kind: LimitKind.ORDER_RATE, value: 2 }));
    s.send(buy(1, 100, 5)); // #3
    expect(outcome(s.send(amend(FIFO, 1, 3, { quantityLots: 5 })))).toBe('NOTHING_TO_AMEND');
    expect(outcome(s.send(amend(FIFO, 1, 3, { priceTicks: 101 })))).toBe('AMENDED');
    expect(outcome(s.send(amend(FIFO, 1, 3, { priceTicks: 102 })))).toBe('ORDER_RATE_EXCEEDED');
  });
});

describe('holds', () => {
  it('are taken on place and released on cancel, mass cancel and end of day', () => {
    const s = venue();
    s.send(deposit(1, USD, 100_000));
    s.send(deposit(1, BTC, 50));
    s.send(buy(1, 1000, 30)); // #3
    s.send(sell(1, 2000, 20, { timeInForce: TimeInForce.DAY })); // #4
    s.send(buy(1, 900, 10, { timeInForce: TimeInForce.DAY })); // #5
    expect(balances(s, 1).held).toEqual([20, 39_000, 0, 0]);
    s.send(cancel(FIFO, 1, 3));
    expect(balances(s, 1).held).toEqual([20, 9_000, 0, 0]);
    s.send(endOfDay());
    expect(balances(s, 1).held).toEqual([0, 0, 0, 0]);
    s.send(buy(1, 1000, 10));
    s.send(sell(1, 3000, 10));
    s.send(massCancel(1));
    expect(balances(s, 1)).toEqual({ total: [50, 100_000, 0, 0], held: [0, 0, 0, 0] });
  });

  it('are given back when the book refuses the order (post-only cross, FOK, no liquidity)', () => {
    const s = venue();
    s.send(deposit(1, USD, 100_000));
    s.send(deposit(2, BTC, 5));
    s.send(sell(2, 1000, 5));
    expect(outcome(s.send(buy(1, 1000, 1, { postOnly: true })))).toBe('POST_ONLY_WOULD_CROSS');
    expect(outcome(s.send(buy(1, 1000, 6, { timeInForce: TimeInForce.FOK })))).toBe('FOK_CANNOT_FILL');
    expect(outcome(s.send(place({ instrumentId: PRO_RATA, accountId: 1, side: Side.BUY, orderType: OrderType.MARKET, quantityLots: 1, maxNotional: 1000 })))).toBe('NO_LIQUIDITY');
    expect(balances(s, 1).held).toEqual([0, 0, 0, 0]);
  });

  it('release an IOC remainder and keep a resting remainder at the limit price', () => {
    const s = venue();
    s.send(deposit(1, USD, 100_000));
    s.send(deposit(2, BTC, 5));
    s.send(sell(2, 1000, 5));
    s.send(buy(1, 1200, 8, { timeInForce: TimeInForce.IOC }));
    // Paid 5 × 1,000; the remainder of 3 was cancelled and nothing stays held.
    expect(balances(s, 1)).toEqual({ total: [5, 95_000, 0, 0], held: [0, 0, 0, 0] });
    s.send(deposit(2, BTC, 5));
    s.send(sell(2, 1000, 2));
    s.send(buy(1, 1200, 8));
    expect(balances(s, 1)).toEqual({ total: [7, 93_000, 0, 0], held: [0, 6 * 1200, 0, 0] });
  });

  it('follow an amend: more quantity or a higher buy price needs the balance, less gives it back', () => {
    const s = venue();
    s.send(deposit(1, USD, 10_000));
    s.send(buy(1, 1000, 5)); // #2
    expect(outcome(s.send(amend(FIFO, 1, 2, { quantityLots: 11 })))).toBe('INSUFFICIENT_BALANCE');
    expect(outcome(s.send(amend(FIFO, 1, 2, { quantityLots: 10 })))).toBe('AMENDED');
    expect(balances(s, 1).held[USD - 1]).toBe(10_000);
    expect(outcome(s.send(amend(FIFO, 1, 2, { priceTicks: 1001 })))).toBe('INSUFFICIENT_BALANCE');
    expect(outcome(s.send(amend(FIFO, 1, 2, { priceTicks: 500 })))).toBe('AMENDED');
    expect(balances(s, 1).held[USD - 1]).toBe(5_000);
    expect(outcome(s.send(amend(FIFO, 1, 2, { quantityLots: 4 })))).toBe('AMENDED');
    expect(balances(s, 1).held[USD - 1]).toBe(2_000);
  });

  it('let a withdrawal take only what is not held', () => {
    const s = venue();
    s.send(deposit(1, USD, 10_000));
    s.send(buy(1, 1000, 6));
    expect(outcome(s.send(withdraw(1, USD, 4_001)))).toBe('INSUFFICIENT_BALANCE');
    expect(s.send(withdraw(1, USD, 4_000))).toEqual(['WITHDRAWAL a1 asset 2 4000 total 6000 held 6000 by u0']);
    expect(outcome(s.send(withdraw(2, USD, 1)))).toBe('INSUFFICIENT_BALANCE');
  });
});

describe('fills and fees', () => {
  it('move held funds between buyer and seller and charge fees rounded up, rebates rounded down', () => {
    const s = venue({ fees: { 'BTC-USD': { makerBps: -3, takerBps: 7 } } });
    s.send(deposit(1, USD, 1_000_000));
    s.send(deposit(2, BTC, 100));
    s.send(sell(2, 1001, 33)); // maker
    s.send(buy(1, 1001, 33)); // taker
    const notional = 1001 * 33; // 33,033
    const takerFee = Math.ceil((notional * 7) / 10_000); // 23.12… → 24
    const makerRebate = Math.floor((notional * 3) / 10_000); // 9.9… → 9
    expect(feeUnits(notional, 7)).toBe(takerFee);
    expect(feeUnits(notional, -3)).toBe(-makerRebate);
    expect(balances(s, 1)).toEqual({ total: [33, 1_000_000 - notional - takerFee, 0, 0], held: [0, 0, 0, 0] });
    expect(balances(s, 2)).toEqual({ total: [67, notional + makerRebate, 0, 0], held: [0, 0, 0, 0] });
    expect(s.engine.risk?.feesCollectedUnits(USD)).toBe(takerFee - makerRebate);
  });

  it('keep positions with average entry and realized PnL, marked at the last trade', () => {
    const s = venue();
    s.send(deposit(1, USD, 1_000_000));
    s.send(deposit(2, BTC, 100));
    s.send(deposit(2, USD, 1_000_000));
    s.send(sell(2, 1000, 10));
    s.send(buy(1, 1000, 10));
    s.send(sell(2, 1200, 10));
    s.send(buy(1, 1200, 10)); // account 1: long 20 at an average 1,100
    s.send(buy(2, 1500, 5));
    s.send(sell(1, 1500, 5)); // account 1 sells 5 at 1,500: +400 × 5 realized
    const risk = s.engine.risk;
    const account = risk?.accountState(1);
    expect(account?.position[0]).toBe(15);
    expect(account?.openCost[0]).toBe(16_500);
    expect(account?.realizedPnl[0]).toBe(2_000);
    expect(account === undefined ? 0 : risk?.unrealizedPnl(account, FIFO)).toBe(15 * 1500 - 16_500);
  });
});

describe('limits change between two orders of one stream', () => {
  it('applies from the next command, audited with who changed it and when', () => {
    const s = venue();
    s.send(deposit(1, USD, 1_000_000));
    expect(outcome(s.send(buy(1, 100, 50)))).toBe('ACCEPTED');
    expect(s.send(setLimit({ accountId: 1, instrumentId: FIFO, kind: LimitKind.MAX_ORDER_QUANTITY, value: 20, actorId: 7 }))).toEqual(['LIMIT a1 i1 maxOrderQuantity 20 by u7']);
    expect(outcome(s.send(buy(1, 100, 50)))).toBe('MAX_ORDER_QUANTITY_EXCEEDED');
    expect(outcome(s.send(place({ instrumentId: PRO_RATA, accountId: 1, side: Side.BUY, priceTicks: 100, quantityLots: 50 })))).toBe('ACCEPTED');
    // A venue default applies where the account has no value of its own.
    s.send(setLimit({ accountId: 0, instrumentId: 0, kind: LimitKind.MAX_ORDER_QUANTITY, value: 30, actorId: 8 }));
    expect(outcome(s.send(place({ instrumentId: PRO_RATA, accountId: 1, side: Side.BUY, priceTicks: 100, quantityLots: 31 })))).toBe('MAX_ORDER_QUANTITY_EXCEEDED');
    expect(outcome(s.send(buy(1, 100, 21)))).toBe('MAX_ORDER_QUANTITY_EXCEEDED');
    expect(s.engine.risk?.limitOverrides()).toEqual([
      { accountId: 0, instrumentId: 0, kind: LimitKind.MAX_ORDER_QUANTITY, value: 30, actorId: 8, seq: 6 },
      { accountId: 1, instrumentId: FIFO, kind: LimitKind.MAX_ORDER_QUANTITY, value: 20, actorId: 7, seq: 3 },
    ]);
    // Clearing the account's own value falls back to the venue default.
    s.send(setLimit({ accountId: 1, instrumentId: FIFO, kind: LimitKind.MAX_ORDER_QUANTITY, value: -1, actorId: 7 }));
    expect(outcome(s.send(buy(1, 100, 30)))).toBe('ACCEPTED');
    expect(outcome(s.send(buy(1, 100, 31)))).toBe('MAX_ORDER_QUANTITY_EXCEEDED');
  });

  it.each([
    ['an unknown limit kind', setLimit({ accountId: 1, instrumentId: 0, kind: 99, value: 1 }), 'INVALID_LIMIT'],
    ['a negative value', setLimit({ accountId: 1, instrumentId: 0, kind: LimitKind.MAX_OPEN_ORDERS, value: -2 }), 'INVALID_LIMIT'],
    ['a fractional value', setLimit({ accountId: 1, instrumentId: 0, kind: LimitKind.MAX_OPEN_ORDERS, value: 1.5 }), 'INVALID_LIMIT'],
    ['an account-level limit for one instrument', setLimit({ accountId: 1, instrumentId: FIFO, kind: LimitKind.MAX_OPEN_ORDERS, value: 1 }), 'INVALID_LIMIT'],
    ['a price band for one account', setLimit({ accountId: 1, instrumentId: FIFO, kind: LimitKind.PRICE_BAND_BPS, value: 1 }), 'INVALID_LIMIT'],
    ['an unknown instrument', setLimit({ accountId: 1, instrumentId: 77, kind: LimitKind.MAX_POSITION, value: 1 }), 'UNKNOWN_INSTRUMENT'],
    ['drawdown above 100%', setLimit({ accountId: 1, instrumentId: 0, kind: LimitKind.DRAWDOWN_BPS, value: 10_001 }), 'INVALID_LIMIT'],
    ['a deposit of an unknown asset', deposit(1, 9, 10), 'UNKNOWN_ASSET'],
    ['a deposit of zero', deposit(1, USD, 0), 'INVALID_AMOUNT'],
    ['a fractional deposit', deposit(1, USD, 2.5), 'INVALID_AMOUNT'],
    ['a deposit to account 0', deposit(0, USD, 5), 'INVALID_ACCOUNT'],
    ['a kill switch of 2', { ...setKillSwitch(1, true), admin: { assetId: 0, amount: 0, limitKind: 0, flag: 2, actorId: 0, more: [], depositId: '' } }, 'INVALID_FLAG'],
    ['a halt of an unknown instrument', setHalt(77, true), 'UNKNOWN_INSTRUMENT'],
    ['a new period for an unknown account', startPeriod(55), 'INVALID_ACCOUNT'],
  ])('refuses %s with a numbered code, changing nothing', (_name, command, code) => {
    const s = venue();
    s.send(deposit(1, USD, 10));
    expect(outcome(s.send(command))).toBe(code);
  });

  it('refuses a deposit that would take the venue total of an asset past 2^53', () => {
    const s = venue();
    s.send(deposit(1, USD, Number.MAX_SAFE_INTEGER - 5));
    expect(outcome(s.send(deposit(2, USD, 6)))).toBe('AMOUNT_TOO_LARGE');
    expect(outcome(s.send(deposit(2, USD, 5)))).toBe('DEPOSIT');
  });
});

describe('kill switch and halt', () => {
  it('a kill switch mid-stream cancels the account and refuses its orders until lifted', () => {
    const s = venue();
    s.send(deposit(1, USD, 1_000_000));
    s.send(deposit(1, BTC, 100));
    s.send(deposit(2, USD, 1_000_000));
    s.send(buy(1, 900, 5)); // #4
    s.send(sell(1, 1100, 5)); // #5
    s.send(place({ instrumentId: PRO_RATA, accountId: 1, side: Side.BUY, priceTicks: 50, quantityLots: 5 })); // #6
    s.send(buy(2, 901, 5)); // #7, another account
    const lines = s.send(setKillSwitch(1, true, 3));
    expect(lines[0]).toBe('KILL_SWITCH a1 ON by u3');
    expect(lines.filter((l) => l.includes('CANCELLED KILL_SWITCH')).map((l) => l.split(' ')[1])).toEqual(['#4', '#5', '#6']);
    expect(balances(s, 1).held).toEqual([0, 0, 0, 0]);
    expect(outcome(s.send(buy(1, 900, 1)))).toBe('ACCOUNT_KILL_SWITCH');
    expect(outcome(s.send(buy(2, 902, 1)))).toBe('ACCEPTED');
    expect(outcome(s.send(amend(FIFO, 2, 7, { priceTicks: 903 })))).toBe('AMENDED');
    s.send(setKillSwitch(1, false, 3));
    expect(outcome(s.send(buy(1, 900, 1)))).toBe('ACCEPTED');
  });

  it('a halt cancels every open order of the instrument and refuses new ones until lifted', () => {
    const s = venue();
    s.send(deposit(1, USD, 1_000_000));
    s.send(deposit(2, USD, 1_000_000));
    s.send(buy(1, 900, 5)); // #3
    s.send(buy(2, 901, 5)); // #4
    s.send(place({ instrumentId: PRO_RATA, accountId: 1, side: Side.BUY, priceTicks: 50, quantityLots: 5 })); // #5
    const lines = s.send(setHalt(FIFO, true, 4));
    expect(lines[0]).toBe('HALT i1 ON by u4');
    expect(lines.filter((l) => l.includes('CANCELLED INSTRUMENT_HALT')).map((l) => l.split(' ')[1])).toEqual(['#4', '#3']);
    expect(outcome(s.send(buy(1, 900, 1)))).toBe('INSTRUMENT_HALTED');
    expect(outcome(s.send(place({ instrumentId: PRO_RATA, accountId: 1, side: Side.BUY, priceTicks: 51, quantityLots: 5 })))).toBe('ACCEPTED');
    s.send(setHalt(FIFO, false, 4));
    expect(outcome(s.send(buy(1, 900, 1)))).toBe('ACCEPTED');
    expect(s.engine.risk?.isHalted(FIFO)).toBe(false);
  });
});

describe('drawdown', () => {
  // Account 1 buys 10 BTC lots at 1,000 with 20,000 USD: equity 20,000 (10 × 1,000 + 10,000 cash).
  function longAccount(cancelOnTrip: boolean): Session {
    const s = venue();
    s.send(deposit(2, BTC, 1_000));
    s.send(deposit(3, USD, 10_000_000));
    s.send(deposit(1, USD, 20_000));
    s.send(setLimit({ accountId: 1, instrumentId: 0, kind: LimitKind.DRAWDOWN_BPS, value: 1_000 }));
    if (cancelOnTrip) s.send(setLimit({ accountId: 1, instrumentId: 0, kind: LimitKind.DRAWDOWN_CANCEL, value: 1 }));
    s.send(sell(2, 1000, 10));
    s.send(buy(1, 1000, 10));
    s.send(startPeriod(1, 5));
    return s;
  }

  it('trips when equity falls below start × (1 − threshold), then only reduces, until a new period', () => {
    const s = longAccount(false);
    expect(s.engine.risk?.accountState(1)?.startEquity).toBe(20_000);
    // 10% of 20,000 is 2,000: the mark must fall by more than 200 per lot to trip.
    s.send(sell(2, 800, 1));
    s.send(buy(3, 800, 1)); // mark 800: equity 18,000, exactly at the threshold
    const resting = s.send(buy(1, 700, 1));
    expect(outcome(resting)).toBe('ACCEPTED');
    s.send(sell(2, 799, 1));
    s.send(buy(3, 799, 1)); // mark 799: equity 17,990 (holds do not change equity)
    const lines = s.send(buy(1, 700, 1));
    expect(lines[0]).toBe('DRAWDOWN a1 TRIPPED equity 17990 start 20000 by u0');
    expect(lines.at(-1)).toMatch(/DRAWDOWN_REDUCE_ONLY$/);
    expect(outcome(s.send(sell(1, 5000, 10)))).toBe('ACCEPTED'); // reduces the long position to zero
    expect(outcome(s.send(sell(1, 5000, 1)))).toBe('DRAWDOWN_REDUCE_ONLY'); // would flip it short
    expect(s.send(startPeriod(1, 6))).toEqual(['DRAWDOWN a1 NEW_PERIOD equity 17990 start 17990 by u6']);
    expect(outcome(s.send(buy(1, 700, 1)))).toBe('ACCEPTED');
  });

  it('optionally cancels every open order of the account when it trips on a fill', () => {
    const s = longAccount(true);
    s.send(buy(1, 500, 2)); // #9: resting, holds 1,000
    s.send(sell(2, 750, 1));
    const lines = s.send(buy(1, 750, 1)); // account 1's own fill marks 750: equity 17,500
    expect(lines).toContain('DRAWDOWN a1 TRIPPED equity 17500 start 20000 by u0');
    expect(lines.some((l) => /^DONE #9 a1 CANCELLED DRAWDOWN/.test(l))).toBe(true);
    expect(balances(s, 1).held).toEqual([0, 0, 0, 0]);
  });
});

describe('market buys in spot mode', () => {
  function withAsks(): Session {
    const s = venue({ fees: { 'BTC-USD': { makerBps: 0, takerBps: 10 } } });
    s.send(deposit(2, BTC, 100));
    s.send(deposit(1, USD, 1_000_000));
    s.send(sell(2, 1000, 5));
    s.send(sell(2, 2000, 5));
    return s;
  }
  const marketBuy = (lots: number, maxNotional: number): Command => buy(1, 0, lots, { orderType: OrderType.MARKET, maxNotional });

  it('may name a maximum notional, and only on a market buy (without one it buys by quantity: test/risk/market-buy.test.ts)', () => {
    const s = withAsks();
    expect(s.send(marketBuy(1, 0)).filter((l) => l.startsWith('TRADE'))).toHaveLength(1);
    expect(outcome(s.send(buy(1, 1000, 1, { maxNotional: 5 })))).toBe('INVALID_MAX_NOTIONAL');
  });

  it('is refused when filling it at the book, fees included, could cost more than that; else holds the cost and settles', () => {
    const cost = 5 * 1001 + 2 * 2002; // per lot: price + 10 bps rounded up
    expect(outcome(withAsks().send(marketBuy(7, cost - 1)))).toBe('MARKET_BUY_EXCEEDS_MAX_NOTIONAL');
    const s = withAsks();
    const lines = s.send(marketBuy(7, cost));
    expect(lines.filter((l) => l.startsWith('TRADE'))).toHaveLength(2);
    const fee = feeUnits(5000, 10) + feeUnits(4000, 10);
    expect(balances(s, 1)).toEqual({ total: [7, 1_000_000 - 9_000 - fee, 0, 0], held: [0, 0, 0, 0] });
  });

  it('counts its own resting asks, which self-trade prevention may skip, at the far end of the walk', () => {
    const s = withAsks();
    s.send(deposit(1, BTC, 5));
    s.send(sell(1, 999, 2)); // own ask in front
    // Walk skips 2 own lots: 7 lots are priced from 1,000 ×5 and 2,000 ×2 onwards.
    const cost = 5 * 1001 + 2 * 2002;
    const lines = s.send(marketBuy(7, cost)); // STP off (NONE): it fills its own ask first
    expect(lines.filter((l) => l.startsWith('TRADE')).map((l) => l.split(' ')[2])).toEqual(['999x2', '1000x5']);
    const s2 = withAsks();
    s2.send(deposit(1, BTC, 5));
    s2.send(sell(1, 999, 2));
    const cancelled = s2.send(buy(1, 0, 7, { orderType: OrderType.MARKET, maxNotional: cost, selfTradePrevention: SelfTradePrevention.CANCEL_OLDEST }));
    expect(cancelled.some((l) => l.includes('SELF_TRADE_PREVENTION'))).toBe(true);
    expect(balances(s2, 1).held).toEqual([0, 0, 0, 0]);
  });
});

describe('state', () => {
  it('survives a snapshot: the restored engine has the same hash and answers the same', () => {
    const s = venue({ fees: { 'BTC-USD': { makerBps: -1, takerBps: 5 } }, limits: [{ limit: 'maxOpenOrders', value: 50 }] });
    s.send(deposit(1, USD, 1_000_000));
    s.send(deposit(2, BTC, 100));
    s.send(setLimit({ accountId: 1, instrumentId: 0, kind: LimitKind.ORDER_RATE, value: 100, actorId: 2 }));
    s.send(sell(2, 1000, 10));
    s.send(buy(1, 1001, 4));
    s.send(buy(1, 990, 4));
    s.send(setKillSwitch(2, true, 1));
    const values: number[] = [];
    s.engine.writeSnapshot({ add: (v: number) => values.push(v) });
    const restored = new Engine({ instruments: INSTRUMENTS, book: 'naive', capacity: { maxOrders: 1000, maxLevels: 100 }, risk: { fees: { 'BTC-USD': { makerBps: -1, takerBps: 5 } }, limits: [{ limit: 'maxOpenOrders', value: 50 }] } });
    let i = 0;
    restored.restoreSnapshot({ next: () => values[i++] ?? Number.NaN });
    expect(i).toBe(values.length);
    expect(restored.stateHash()).toBe(s.engine.stateHash());
    const next = buy(1, 995, 2);
    const seq = s.engine.sequence + 1;
    expect(restored.apply(next, seq, s.engine.timestampNs + 1000n).bytes()).toEqual(s.engine.apply(next, seq, s.engine.timestampNs + 1000n).bytes());
  });

  it('refuses admin commands in an engine without a risk gate', () => {
    const s = new Session('fast');
    expect(outcome(s.send(deposit(1, USD, 5)))).toBe('INVALID_COMMAND');
  });

  it('refuses orders of an account that has never been funded', () => {
    const s = venue();
    expect(outcome(s.send(buy(1, 100, 1)))).toBe('INSUFFICIENT_BALANCE');
    expect(outcome(s.send(place({ instrumentId: ETH - 1, accountId: 1, side: Side.SELL, priceTicks: 100, quantityLots: 1 })))).toBe('INSUFFICIENT_BALANCE');
  });
});
