// The scenario suite, run against both books: each test is an order-book story written as a table of
// commands and the exact events they produce. Session.send() also checks every invariant after each
// command and that every reject leaves the state hash unchanged.
import { describe, expect, it } from 'vitest';
import { ResultCode } from '../../src/domain/result-codes.js';
import { decimalToUnits } from '../../src/domain/decimal.js';
import {
  amend,
  cancel,
  type Command,
  endOfDay,
  massCancel,
  OrderType,
  place,
  type PlaceArgs,
  SelfTradePrevention,
  setAccountSelfTradePrevention,
  Side,
  TimeInForce,
} from '../../src/engine/command.js';
import { BOOK_KINDS, FIFO, INSTRUMENTS, PRO_RATA, PRO_RATA_TOP, Session } from './harness.js';

type Extra = Omit<PlaceArgs, 'instrumentId' | 'accountId' | 'side' | 'quantityLots' | 'priceTicks'>;

function buy(instrumentId: number, accountId: number, priceTicks: number, quantityLots: number, extra: Extra = {}): Command {
  return place({ instrumentId, accountId, side: Side.BUY, priceTicks, quantityLots, ...extra });
}

function sell(instrumentId: number, accountId: number, priceTicks: number, quantityLots: number, extra: Extra = {}): Command {
  return place({ instrumentId, accountId, side: Side.SELL, priceTicks, quantityLots, ...extra });
}

function marketBuy(instrumentId: number, accountId: number, quantityLots: number, extra: Extra = {}): Command {
  return place({ instrumentId, accountId, side: Side.BUY, quantityLots, orderType: OrderType.MARKET, ...extra });
}

function marketSell(instrumentId: number, accountId: number, quantityLots: number, extra: Extra = {}): Command {
  return place({ instrumentId, accountId, side: Side.SELL, quantityLots, orderType: OrderType.MARKET, ...extra });
}

describe.each(BOOK_KINDS)('%s book', (kind) => {
  describe('limit orders and FIFO priority', () => {
    it('rests non-crossing orders and reports each level change', () => {
      const s = new Session(kind);
      expect(s.send(sell(FIFO, 1, 101, 5))).toEqual(['ACCEPTED #1 a1 SELL LIMIT GTC 101x5', 'LEVEL SELL 101 shows 5 in 1']);
      expect(s.send(sell(FIFO, 2, 101, 3))).toEqual(['ACCEPTED #2 a2 SELL LIMIT GTC 101x3', 'LEVEL SELL 101 shows 8 in 2']);
      expect(s.send(sell(FIFO, 1, 102, 4))).toEqual(['ACCEPTED #3 a1 SELL LIMIT GTC 102x4', 'LEVEL SELL 102 shows 4 in 1']);
      expect(s.send(buy(FIFO, 3, 99, 2))).toEqual(['ACCEPTED #4 a3 BUY LIMIT GTC 99x2', 'LEVEL BUY 99 shows 2 in 1']);
      expect(s.book(FIFO)).toEqual({ bids: [[99, 2, 1]], asks: [[101, 8, 2], [102, 4, 1]] });
    });

    it('fills a crossing buy in price then time order, at the makers\' prices', () => {
      const s = new Session(kind);
      s.send(sell(FIFO, 1, 101, 5));
      s.send(sell(FIFO, 2, 101, 3));
      s.send(sell(FIFO, 1, 102, 4));
      expect(s.send(buy(FIFO, 3, 102, 10))).toEqual([
        'ACCEPTED #4 a3 BUY LIMIT GTC 102x10',
        'TRADE t1 101x5 maker #1 a1 left 0 taker #4 a3 left 5 BUY',
        'DONE #1 a1 FILLED FILLED left 0 filled 5',
        'TRADE t2 101x3 maker #2 a2 left 0 taker #4 a3 left 2 BUY',
        'DONE #2 a2 FILLED FILLED left 0 filled 3',
        'LEVEL SELL 101 shows 0 in 0',
        'TRADE t3 102x2 maker #3 a1 left 2 taker #4 a3 left 0 BUY',
        'LEVEL SELL 102 shows 2 in 1',
        'DONE #4 a3 FILLED FILLED left 0 filled 10',
      ]);
      expect(s.book(FIFO)).toEqual({ bids: [], asks: [[102, 2, 1]] });
      expect(s.engine.book(FIFO).lastTradePriceTicks()).toBe(102);
    });

    it('rests the remainder of a crossing limit order at its limit price', () => {
      const s = new Session(kind);
      s.send(buy(FIFO, 1, 100, 4));
      expect(s.send(sell(FIFO, 2, 99, 10))).toEqual([
        'ACCEPTED #2 a2 SELL LIMIT GTC 99x10',
        'TRADE t1 100x4 maker #1 a1 left 0 taker #2 a2 left 6 SELL',
        'DONE #1 a1 FILLED FILLED left 0 filled 4',
        'LEVEL BUY 100 shows 0 in 0',
        'LEVEL SELL 99 shows 6 in 1',
      ]);
      expect(s.engine.book(FIFO).order(2)).toMatchObject({ remainingLots: 6, filledLots: 4, quantityLots: 10 });
    });
  });

  describe('time in force', () => {
    it('cancels what an IOC order could not fill', () => {
      const s = new Session(kind);
      s.send(sell(FIFO, 1, 101, 3));
      expect(s.send(buy(FIFO, 2, 101, 5, { timeInForce: TimeInForce.IOC }))).toEqual([
        'ACCEPTED #2 a2 BUY LIMIT IOC 101x5',
        'TRADE t1 101x3 maker #1 a1 left 0 taker #2 a2 left 2 BUY',
        'DONE #1 a1 FILLED FILLED left 0 filled 3',
        'LEVEL SELL 101 shows 0 in 0',
        'DONE #2 a2 CANCELLED UNFILLED_REMAINDER left 2 filled 3',
      ]);
      expect(s.book(FIFO)).toEqual({ bids: [], asks: [] });
    });

    it('rejects a FOK order that cannot fill in full, and fills one that can', () => {
      const s = new Session(kind);
      s.send(sell(FIFO, 1, 101, 3));
      s.send(sell(FIFO, 1, 103, 3));
      expect(s.send(buy(FIFO, 2, 102, 4, { timeInForce: TimeInForce.FOK }))).toEqual(['REJECTED #3 a2 FOK_CANNOT_FILL']);
      expect(s.send(buy(FIFO, 2, 103, 4, { timeInForce: TimeInForce.FOK }))).toEqual([
        'ACCEPTED #4 a2 BUY LIMIT FOK 103x4',
        'TRADE t1 101x3 maker #1 a1 left 0 taker #4 a2 left 1 BUY',
        'DONE #1 a1 FILLED FILLED left 0 filled 3',
        'LEVEL SELL 101 shows 0 in 0',
        'TRADE t2 103x1 maker #2 a1 left 2 taker #4 a2 left 0 BUY',
        'LEVEL SELL 103 shows 2 in 1',
        'DONE #4 a2 FILLED FILLED left 0 filled 4',
      ]);
    });

    it('counts hidden iceberg quantity when checking a FOK order', () => {
      const s = new Session(kind);
      s.send(sell(FIFO, 1, 101, 10, { displayLots: 2 }));
      const events = s.send(buy(FIFO, 2, 101, 10, { timeInForce: TimeInForce.FOK }));
      expect(events.at(-1)).toBe('DONE #2 a2 FILLED FILLED left 0 filled 10');
    });

    it('expires DAY orders at the end-of-day command and keeps GTC orders', () => {
      const s = new Session(kind);
      s.send(buy(FIFO, 1, 100, 2, { timeInForce: TimeInForce.DAY }));
      s.send(buy(FIFO, 1, 100, 3));
      s.send(sell(FIFO, 2, 105, 1, { timeInForce: TimeInForce.DAY }));
      s.send(place({ instrumentId: FIFO, accountId: 3, side: Side.BUY, quantityLots: 1, orderType: OrderType.STOP, stopPriceTicks: 110, timeInForce: TimeInForce.DAY }));
      s.send(buy(PRO_RATA, 1, 100, 2, { timeInForce: TimeInForce.DAY }));
      expect(s.send(endOfDay(FIFO))).toEqual([
        'DONE #1 a1 EXPIRED END_OF_DAY left 2 filled 0',
        'LEVEL BUY 100 shows 3 in 1',
        'DONE #3 a2 EXPIRED END_OF_DAY left 1 filled 0',
        'LEVEL SELL 105 shows 0 in 0',
        'DONE #4 a3 EXPIRED END_OF_DAY left 1 filled 0',
      ]);
      expect(s.book(FIFO)).toEqual({ bids: [[100, 3, 1]], asks: [] });
      expect(s.send(endOfDay())).toEqual(['DONE #5 a1 EXPIRED END_OF_DAY left 2 filled 0', 'LEVEL BUY 100 shows 0 in 0']);
    });
  });

  describe('market orders', () => {
    it('sweeps levels until filled', () => {
      const s = new Session(kind);
      s.send(sell(FIFO, 1, 101, 2));
      s.send(sell(FIFO, 1, 105, 2));
      expect(s.send(marketBuy(FIFO, 2, 3))).toEqual([
        'ACCEPTED #3 a2 BUY MARKET IOC 0x3',
        'TRADE t1 101x2 maker #1 a1 left 0 taker #3 a2 left 1 BUY',
        'DONE #1 a1 FILLED FILLED left 0 filled 2',
        'LEVEL SELL 101 shows 0 in 0',
        'TRADE t2 105x1 maker #2 a1 left 1 taker #3 a2 left 0 BUY',
        'LEVEL SELL 105 shows 1 in 1',
        'DONE #3 a2 FILLED FILLED left 0 filled 3',
      ]);
    });

    it('cancels the part of a market order the book cannot fill', () => {
      const s = new Session(kind);
      s.send(buy(FIFO, 1, 100, 2));
      expect(s.send(marketSell(FIFO, 2, 5))).toEqual([
        'ACCEPTED #2 a2 SELL MARKET IOC 0x5',
        'TRADE t1 100x2 maker #1 a1 left 0 taker #2 a2 left 3 SELL',
        'DONE #1 a1 FILLED FILLED left 0 filled 2',
        'LEVEL BUY 100 shows 0 in 0',
        'DONE #2 a2 CANCELLED UNFILLED_REMAINDER left 3 filled 2',
      ]);
    });

    it('rejects a market order into an empty side, and a market FOK that cannot fill', () => {
      const s = new Session(kind);
      expect(s.send(marketBuy(FIFO, 1, 1))).toEqual(['REJECTED #1 a1 NO_LIQUIDITY']);
      s.send(sell(FIFO, 2, 101, 1));
      expect(s.send(marketBuy(FIFO, 1, 2, { timeInForce: TimeInForce.FOK }))).toEqual(['REJECTED #3 a1 FOK_CANNOT_FILL']);
    });
  });

  describe('post-only', () => {
    it('rejects a post-only order that would cross and rests one that would not', () => {
      const s = new Session(kind);
      s.send(sell(FIFO, 1, 101, 5));
      expect(s.send(buy(FIFO, 2, 101, 1, { postOnly: true }))).toEqual(['REJECTED #2 a2 POST_ONLY_WOULD_CROSS']);
      expect(s.send(buy(FIFO, 2, 100, 1, { postOnly: true }))).toEqual(['ACCEPTED #3 a2 BUY LIMIT GTC 100x1', 'LEVEL BUY 100 shows 1 in 1']);
    });

    it('rejects an amend that would make a post-only order cross, leaving it as it was', () => {
      const s = new Session(kind);
      s.send(sell(FIFO, 1, 101, 5));
      s.send(buy(FIFO, 2, 100, 1, { postOnly: true }));
      expect(s.send(amend(FIFO, 2, 2, { priceTicks: 101 }))).toEqual(['REJECTED #2 a2 POST_ONLY_WOULD_CROSS']);
      expect(s.book(FIFO).bids).toEqual([[100, 1, 1]]);
    });
  });

  describe('iceberg orders', () => {
    it('shows only the tip and refreshes it at the back of the queue', () => {
      const s = new Session(kind);
      expect(s.send(sell(FIFO, 1, 101, 6, { displayLots: 2 }))).toEqual(['ACCEPTED #1 a1 SELL LIMIT GTC 101x6 show 2', 'LEVEL SELL 101 shows 2 in 1']);
      s.send(sell(FIFO, 2, 101, 3));
      expect(s.book(FIFO).asks).toEqual([[101, 5, 2]]);
      // Takes the tip of #1 (2), which refreshes behind #2; then 1 more from #2.
      expect(s.send(buy(FIFO, 3, 101, 3))).toEqual([
        'ACCEPTED #3 a3 BUY LIMIT GTC 101x3',
        'TRADE t1 101x2 maker #1 a1 left 4 taker #3 a3 left 1 BUY',
        'TRADE t2 101x1 maker #2 a2 left 2 taker #3 a3 left 0 BUY',
        'LEVEL SELL 101 shows 4 in 2',
        'DONE #3 a3 FILLED FILLED left 0 filled 3',
      ]);
      // Queue is now #2 (2 left) then #1 (tip 2 of 4).
      expect(s.send(buy(FIFO, 3, 101, 7))).toEqual([
        'ACCEPTED #4 a3 BUY LIMIT GTC 101x7',
        'TRADE t3 101x2 maker #2 a2 left 0 taker #4 a3 left 5 BUY',
        'DONE #2 a2 FILLED FILLED left 0 filled 3',
        'TRADE t4 101x2 maker #1 a1 left 2 taker #4 a3 left 3 BUY',
        'TRADE t5 101x2 maker #1 a1 left 0 taker #4 a3 left 1 BUY',
        'DONE #1 a1 FILLED FILLED left 0 filled 6',
        'LEVEL SELL 101 shows 0 in 0',
        'LEVEL BUY 101 shows 1 in 1',
      ]);
    });

    it('rejects a display quantity that is not below the order quantity, or on an IOC', () => {
      const s = new Session(kind);
      expect(s.send(sell(FIFO, 1, 101, 5, { displayLots: 5 }))).toEqual(['REJECTED #1 a1 INVALID_DISPLAY_QUANTITY']);
      expect(s.send(sell(FIFO, 1, 101, 5, { displayLots: 2, timeInForce: TimeInForce.IOC }))).toEqual(['REJECTED #2 a1 INVALID_DISPLAY_QUANTITY']);
    });
  });

  describe('stop and stop-limit orders', () => {
    it('holds a stop until the last trade price reaches it, then trades it as a market order', () => {
      const s = new Session(kind);
      s.send(sell(FIFO, 1, 105, 10));
      expect(s.send(place({ instrumentId: FIFO, accountId: 2, side: Side.BUY, quantityLots: 2, orderType: OrderType.STOP, stopPriceTicks: 105 }))).toEqual([
        'ACCEPTED #2 a2 BUY STOP GTC 0x2 stop 105',
      ]);
      expect(s.book(FIFO).bids).toEqual([]);
      expect(s.send(buy(FIFO, 3, 105, 1))).toEqual([
        'ACCEPTED #3 a3 BUY LIMIT GTC 105x1',
        'TRADE t1 105x1 maker #1 a1 left 9 taker #3 a3 left 0 BUY',
        'LEVEL SELL 105 shows 9 in 1',
        'DONE #3 a3 FILLED FILLED left 0 filled 1',
        'TRIGGERED #2 a2 stop 105 last 105',
        'TRADE t2 105x2 maker #1 a1 left 7 taker #2 a2 left 0 BUY',
        'LEVEL SELL 105 shows 7 in 1',
        'DONE #2 a2 FILLED FILLED left 0 filled 2',
      ]);
    });

    it('triggers several stops in trigger order and rests a stop-limit that cannot fill', () => {
      const s = new Session(kind);
      s.send(buy(FIFO, 1, 100, 1));
      s.send(sell(FIFO, 1, 100, 1)); // last trade 100
      s.send(buy(FIFO, 1, 95, 5));
      s.send(place({ instrumentId: FIFO, accountId: 2, side: Side.SELL, quantityLots: 1, orderType: OrderType.STOP_LIMIT, priceTicks: 90, stopPriceTicks: 97 }));
      s.send(place({ instrumentId: FIFO, accountId: 3, side: Side.SELL, quantityLots: 1, orderType: OrderType.STOP_LIMIT, priceTicks: 99, stopPriceTicks: 99 }));
      // Sells at 95 move the last price to 95: the 99 stop triggers before the 97 stop.
      expect(s.send(sell(FIFO, 4, 95, 3))).toEqual([
        'ACCEPTED #6 a4 SELL LIMIT GTC 95x3',
        'TRADE t2 95x3 maker #3 a1 left 2 taker #6 a4 left 0 SELL',
        'LEVEL BUY 95 shows 2 in 1',
        'DONE #6 a4 FILLED FILLED left 0 filled 3',
        'TRIGGERED #5 a3 stop 99 last 95',
        'LEVEL SELL 99 shows 1 in 1',
        'TRIGGERED #4 a2 stop 97 last 95',
        'TRADE t3 95x1 maker #3 a1 left 1 taker #4 a2 left 0 SELL',
        'LEVEL BUY 95 shows 1 in 1',
        'DONE #4 a2 FILLED FILLED left 0 filled 1',
      ]);
      expect(s.engine.book(FIFO).order(5)).toMatchObject({ pendingStop: false, orderType: OrderType.STOP_LIMIT, priceTicks: 99 });
    });

    it('rejects a stop whose price the last trade has already reached', () => {
      const s = new Session(kind);
      s.send(buy(FIFO, 1, 100, 1));
      s.send(sell(FIFO, 2, 100, 1));
      const stop = { instrumentId: FIFO, accountId: 3, quantityLots: 1, orderType: OrderType.STOP } as const;
      expect(s.send(place({ ...stop, side: Side.BUY, stopPriceTicks: 100 }))).toEqual(['REJECTED #3 a3 STOP_WOULD_TRIGGER_IMMEDIATELY']);
      expect(s.send(place({ ...stop, side: Side.SELL, stopPriceTicks: 101 }))).toEqual(['REJECTED #4 a3 STOP_WOULD_TRIGGER_IMMEDIATELY']);
      expect(s.send(place({ ...stop, side: Side.BUY, stopPriceTicks: 101 }))).toEqual(['ACCEPTED #5 a3 BUY STOP GTC 0x1 stop 101']);
    });

    it('cancels a pending stop and refuses to amend one', () => {
      const s = new Session(kind);
      s.send(place({ instrumentId: FIFO, accountId: 1, side: Side.BUY, quantityLots: 1, orderType: OrderType.STOP_LIMIT, priceTicks: 110, stopPriceTicks: 105 }));
      expect(s.send(amend(FIFO, 1, 1, { priceTicks: 111 }))).toEqual(['REJECTED #1 a1 ORDER_NOT_AMENDABLE']);
      expect(s.send(cancel(FIFO, 1, 1))).toEqual(['DONE #1 a1 CANCELLED USER_CANCEL left 1 filled 0']);
      expect(s.engine.book(FIFO).orderCount()).toBe(0);
    });

    it('cancels a triggered stop market order that finds no liquidity', () => {
      const s = new Session(kind);
      s.send(sell(FIFO, 1, 100, 1));
      s.send(place({ instrumentId: FIFO, accountId: 2, side: Side.BUY, quantityLots: 3, orderType: OrderType.STOP, stopPriceTicks: 100 }));
      expect(s.send(buy(FIFO, 3, 100, 1))).toEqual([
        'ACCEPTED #3 a3 BUY LIMIT GTC 100x1',
        'TRADE t1 100x1 maker #1 a1 left 0 taker #3 a3 left 0 BUY',
        'DONE #1 a1 FILLED FILLED left 0 filled 1',
        'LEVEL SELL 100 shows 0 in 0',
        'DONE #3 a3 FILLED FILLED left 0 filled 1',
        'TRIGGERED #2 a2 stop 100 last 100',
        'DONE #2 a2 CANCELLED UNFILLED_REMAINDER left 3 filled 0',
      ]);
    });
  });

  describe('amend', () => {
    it('keeps priority when only the quantity goes down', () => {
      const s = new Session(kind);
      s.send(sell(FIFO, 1, 101, 5));
      s.send(sell(FIFO, 2, 101, 5));
      expect(s.send(amend(FIFO, 1, 1, { quantityLots: 3 }))).toEqual(['AMENDED #1 a1 101x3 left 3 keeps priority', 'LEVEL SELL 101 shows 8 in 2']);
      const fills = s.send(buy(FIFO, 3, 101, 1));
      expect(fills[1]).toBe('TRADE t1 101x1 maker #1 a1 left 2 taker #4 a3 left 0 BUY');
    });

    it('loses priority when the quantity goes up', () => {
      const s = new Session(kind);
      s.send(sell(FIFO, 1, 101, 5));
      s.send(sell(FIFO, 2, 101, 5));
      expect(s.send(amend(FIFO, 1, 1, { quantityLots: 6 }))).toEqual([
        'AMENDED #1 a1 101x6 left 6 loses priority',
        'LEVEL SELL 101 shows 5 in 1',
        'LEVEL SELL 101 shows 11 in 2',
      ]);
      expect(s.send(buy(FIFO, 3, 101, 1))[1]).toBe('TRADE t1 101x1 maker #2 a2 left 4 taker #4 a3 left 0 BUY');
    });

    it('loses priority on a price change and trades when the new price crosses', () => {
      const s = new Session(kind);
      s.send(sell(FIFO, 1, 103, 5));
      s.send(buy(FIFO, 2, 100, 4));
      expect(s.send(amend(FIFO, 2, 2, { priceTicks: 101 }))).toEqual(['AMENDED #2 a2 101x4 left 4 loses priority', 'LEVEL BUY 100 shows 0 in 0', 'LEVEL BUY 101 shows 4 in 1']);
      expect(s.send(amend(FIFO, 1, 1, { priceTicks: 101 }))).toEqual([
        'AMENDED #1 a1 101x5 left 5 loses priority',
        'LEVEL SELL 103 shows 0 in 0',
        'TRADE t1 101x4 maker #2 a2 left 0 taker #1 a1 left 1 SELL',
        'DONE #2 a2 FILLED FILLED left 0 filled 4',
        'LEVEL BUY 101 shows 0 in 0',
        'LEVEL SELL 101 shows 1 in 1',
      ]);
    });

    it('treats the amended quantity as the new total, including fills', () => {
      const s = new Session(kind);
      s.send(sell(FIFO, 1, 101, 10));
      s.send(buy(FIFO, 2, 101, 4));
      expect(s.send(amend(FIFO, 1, 1, { quantityLots: 4 }))).toEqual(['REJECTED #1 a1 AMEND_QUANTITY_NOT_ABOVE_FILLED']);
      expect(s.send(amend(FIFO, 1, 1, { quantityLots: 5 }))).toEqual(['AMENDED #1 a1 101x5 left 1 keeps priority', 'LEVEL SELL 101 shows 1 in 1']);
    });

    it.each([
      ['an unknown order', amend(FIFO, 1, 99, { priceTicks: 100 }), 'REJECTED #99 a1 UNKNOWN_ORDER'],
      ["another account's order", amend(FIFO, 2, 1, { priceTicks: 100 }), 'REJECTED #1 a2 UNKNOWN_ORDER'],
      ['no change at all', amend(FIFO, 1, 1, { priceTicks: 101, quantityLots: 5 }), 'REJECTED #1 a1 NOTHING_TO_AMEND'],
      ['neither field', amend(FIFO, 1, 1, {}), 'REJECTED #1 a1 NOTHING_TO_AMEND'],
      ['a price out of bounds', amend(FIFO, 1, 1, { priceTicks: 1_000_001 }), 'REJECTED #1 a1 PRICE_OUT_OF_BOUNDS'],
      ['a quantity out of bounds', amend(FIFO, 1, 1, { quantityLots: 1_000_001 }), 'REJECTED #1 a1 QUANTITY_OUT_OF_BOUNDS'],
      ['the wrong instrument', amend(PRO_RATA, 1, 1, { priceTicks: 100 }), 'REJECTED #1 a1 UNKNOWN_ORDER'],
    ])('rejects an amend of %s and changes nothing', (_name, command, expected) => {
      const s = new Session(kind);
      s.send(sell(FIFO, 1, 101, 5));
      expect(s.send(command)).toEqual([expected]);
    });
  });

  describe('cancel and mass cancel', () => {
    it('cancels an own order and refuses unknown or foreign ones', () => {
      const s = new Session(kind);
      s.send(sell(FIFO, 1, 101, 5));
      expect(s.send(cancel(FIFO, 2, 1))).toEqual(['REJECTED #1 a2 UNKNOWN_ORDER']);
      expect(s.send(cancel(FIFO, 1, 7))).toEqual(['REJECTED #7 a1 UNKNOWN_ORDER']);
      expect(s.send(cancel(FIFO, 1, 1))).toEqual(['DONE #1 a1 CANCELLED USER_CANCEL left 5 filled 0', 'LEVEL SELL 101 shows 0 in 0']);
      expect(s.send(cancel(FIFO, 1, 1))).toEqual(['REJECTED #1 a1 UNKNOWN_ORDER']);
    });

    it('mass cancels one account, optionally one instrument and side', () => {
      const s = new Session(kind);
      s.send(buy(FIFO, 1, 99, 1));
      s.send(buy(FIFO, 2, 99, 1));
      s.send(sell(FIFO, 1, 101, 1));
      s.send(buy(PRO_RATA, 1, 50, 1));
      expect(s.send(massCancel(1, FIFO, Side.SELL))).toEqual(['DONE #3 a1 CANCELLED MASS_CANCEL left 1 filled 0', 'LEVEL SELL 101 shows 0 in 0']);
      expect(s.send(massCancel(1))).toEqual([
        'DONE #1 a1 CANCELLED MASS_CANCEL left 1 filled 0',
        'LEVEL BUY 99 shows 1 in 1',
        'DONE #4 a1 CANCELLED MASS_CANCEL left 1 filled 0',
        'LEVEL BUY 50 shows 0 in 0',
      ]);
      expect(s.book(FIFO)).toEqual({ bids: [[99, 1, 1]], asks: [] });
    });
  });

  describe('self-trade prevention', () => {
    const setup = (s: Session): void => {
      s.send(sell(FIFO, 1, 101, 2)); // #1 own
      s.send(sell(FIFO, 2, 101, 2)); // #2 other
    };

    it('trades with itself when prevention is off', () => {
      const s = new Session(kind);
      setup(s);
      expect(s.send(buy(FIFO, 1, 101, 1))[1]).toBe('TRADE t1 101x1 maker #1 a1 left 1 taker #3 a1 left 0 BUY');
    });

    it('cancel-newest cancels the incoming order', () => {
      const s = new Session(kind);
      setup(s);
      expect(s.send(buy(FIFO, 1, 101, 3, { selfTradePrevention: SelfTradePrevention.CANCEL_NEWEST }))).toEqual([
        'ACCEPTED #3 a1 BUY LIMIT GTC 101x3',
        'DONE #3 a1 CANCELLED SELF_TRADE_PREVENTION left 3 filled 0',
      ]);
    });

    it('cancel-oldest cancels the resting order and goes on matching', () => {
      const s = new Session(kind);
      setup(s);
      expect(s.send(buy(FIFO, 1, 101, 3, { selfTradePrevention: SelfTradePrevention.CANCEL_OLDEST }))).toEqual([
        'ACCEPTED #3 a1 BUY LIMIT GTC 101x3',
        'DONE #1 a1 CANCELLED SELF_TRADE_PREVENTION left 2 filled 0',
        'TRADE t1 101x2 maker #2 a2 left 0 taker #3 a1 left 1 BUY',
        'DONE #2 a2 FILLED FILLED left 0 filled 2',
        'LEVEL SELL 101 shows 0 in 0',
        'LEVEL BUY 101 shows 1 in 1',
      ]);
    });

    it('cancel-both cancels both orders', () => {
      const s = new Session(kind);
      setup(s);
      expect(s.send(buy(FIFO, 1, 101, 3, { selfTradePrevention: SelfTradePrevention.CANCEL_BOTH }))).toEqual([
        'ACCEPTED #3 a1 BUY LIMIT GTC 101x3',
        'DONE #1 a1 CANCELLED SELF_TRADE_PREVENTION left 2 filled 0',
        'DONE #3 a1 CANCELLED SELF_TRADE_PREVENTION left 3 filled 0',
        'LEVEL SELL 101 shows 2 in 1',
      ]);
    });

    it('decrement-and-cancel reduces both by the smaller and cancels the smaller', () => {
      const s = new Session(kind);
      setup(s);
      expect(s.send(buy(FIFO, 1, 101, 3, { selfTradePrevention: SelfTradePrevention.DECREMENT_AND_CANCEL }))).toEqual([
        'ACCEPTED #3 a1 BUY LIMIT GTC 101x3',
        'DONE #1 a1 CANCELLED SELF_TRADE_PREVENTION left 2 filled 0',
        'DECREMENTED #3 a1 by 2 left 1',
        'TRADE t1 101x1 maker #2 a2 left 1 taker #3 a1 left 0 BUY',
        'LEVEL SELL 101 shows 1 in 1',
        'DONE #3 a1 FILLED FILLED left 0 filled 1',
      ]);
      expect(s.send(sell(FIFO, 3, 101, 1))).toEqual(['ACCEPTED #4 a3 SELL LIMIT GTC 101x1', 'LEVEL SELL 101 shows 2 in 2']);
      // Account 2's own #2 (1 left) is at the head: equal sizes, so both are cancelled.
      expect(s.send(buy(FIFO, 2, 101, 1, { selfTradePrevention: SelfTradePrevention.DECREMENT_AND_CANCEL }))).toEqual([
        'ACCEPTED #5 a2 BUY LIMIT GTC 101x1',
        'DONE #2 a2 CANCELLED SELF_TRADE_PREVENTION left 1 filled 1',
        'DONE #5 a2 CANCELLED SELF_TRADE_PREVENTION left 1 filled 0',
        'LEVEL SELL 101 shows 1 in 1',
      ]);
    });

    it('decrement-and-cancel keeps the larger resting order, smaller', () => {
      const s = new Session(kind);
      s.send(sell(FIFO, 1, 101, 5));
      expect(s.send(buy(FIFO, 1, 101, 2, { selfTradePrevention: SelfTradePrevention.DECREMENT_AND_CANCEL }))).toEqual([
        'ACCEPTED #2 a1 BUY LIMIT GTC 101x2',
        'DECREMENTED #1 a1 by 2 left 3',
        'DONE #2 a1 CANCELLED SELF_TRADE_PREVENTION left 2 filled 0',
        'LEVEL SELL 101 shows 3 in 1',
      ]);
      expect(s.engine.book(FIFO).order(1)).toMatchObject({ quantityLots: 3, remainingLots: 3 });
    });

    it('uses the account default when the order names none', () => {
      const s = new Session(kind);
      setup(s);
      expect(s.send(setAccountSelfTradePrevention(1, SelfTradePrevention.CANCEL_NEWEST))).toEqual(['ACCOUNT_STP a1 CANCEL_NEWEST']);
      expect(s.send(buy(FIFO, 1, 101, 1)).at(-1)).toBe('DONE #4 a1 CANCELLED SELF_TRADE_PREVENTION left 1 filled 0');
      expect(s.send(buy(FIFO, 1, 101, 1, { selfTradePrevention: SelfTradePrevention.NONE }))[1]).toBe('TRADE t1 101x1 maker #1 a1 left 1 taker #5 a1 left 0 BUY');
    });

    it('kills a FOK order whose fill would reach its own resting order', () => {
      const s = new Session(kind);
      setup(s);
      expect(s.send(buy(FIFO, 1, 101, 1, { timeInForce: TimeInForce.FOK, selfTradePrevention: SelfTradePrevention.CANCEL_NEWEST }))).toEqual([
        'REJECTED #3 a1 FOK_CANNOT_FILL',
      ]);
      // Under cancel-oldest the own order is cancelled and other liquidity counts.
      expect(s.send(buy(FIFO, 1, 101, 2, { timeInForce: TimeInForce.FOK, selfTradePrevention: SelfTradePrevention.CANCEL_OLDEST })).at(-1)).toBe(
        'DONE #4 a1 FILLED FILLED left 0 filled 2',
      );
    });
  });

  describe('pro-rata allocation', () => {
    it('allocates floor(Q·r/R) and hands left-over lots out in time order (docs/pro-rata.md, table 1)', () => {
      const s = new Session(kind);
      s.send(sell(PRO_RATA, 1, 100, 10));
      s.send(sell(PRO_RATA, 2, 100, 20));
      s.send(sell(PRO_RATA, 3, 100, 30));
      // 25 over 10/20/30: 4.17 → 4, 8.33 → 8, 12.5 → 12; one lot left goes to the earliest order.
      expect(s.send(buy(PRO_RATA, 4, 100, 25))).toEqual([
        'ACCEPTED #4 a4 BUY LIMIT GTC 100x25',
        'TRADE t1 100x5 maker #1 a1 left 5 taker #4 a4 left 20 BUY',
        'TRADE t2 100x8 maker #2 a2 left 12 taker #4 a4 left 12 BUY',
        'TRADE t3 100x12 maker #3 a3 left 18 taker #4 a4 left 0 BUY',
        'LEVEL SELL 100 shows 35 in 3',
        'DONE #4 a4 FILLED FILLED left 0 filled 25',
      ]);
    });

    it('fills every order at a level the incoming quantity covers, then moves on', () => {
      const s = new Session(kind);
      s.send(sell(PRO_RATA, 1, 100, 1));
      s.send(sell(PRO_RATA, 2, 100, 2));
      s.send(sell(PRO_RATA, 3, 101, 4));
      expect(s.send(buy(PRO_RATA, 4, 101, 5))).toEqual([
        'ACCEPTED #4 a4 BUY LIMIT GTC 101x5',
        'TRADE t1 100x1 maker #1 a1 left 0 taker #4 a4 left 4 BUY',
        'DONE #1 a1 FILLED FILLED left 0 filled 1',
        'TRADE t2 100x2 maker #2 a2 left 0 taker #4 a4 left 2 BUY',
        'DONE #2 a2 FILLED FILLED left 0 filled 2',
        'LEVEL SELL 100 shows 0 in 0',
        'TRADE t3 101x2 maker #3 a3 left 2 taker #4 a4 left 0 BUY',
        'LEVEL SELL 101 shows 2 in 1',
        'DONE #4 a4 FILLED FILLED left 0 filled 5',
      ]);
    });

    it('fills the top order first up to its cap, and zeroes allocations below the minimum (table 2)', () => {
      const s = new Session(kind);
      s.send(sell(PRO_RATA_TOP, 1, 100, 8)); // sets a new best: top order, cap 5
      s.send(sell(PRO_RATA_TOP, 2, 100, 40));
      s.send(sell(PRO_RATA_TOP, 3, 100, 4));
      // Q = 12: top gets 5; 7 left over rooms 3/40/4 (R 47): 0.45 → 0, 5.96 → 5, 0.60 → 0;
      // minimum 3 zeroes nothing more; 2 left over go one lot at a time: #1, #2.
      expect(s.send(buy(PRO_RATA_TOP, 4, 100, 12))).toEqual([
        'ACCEPTED #4 a4 BUY LIMIT GTC 100x12',
        'TRADE t1 100x6 maker #1 a1 left 2 taker #4 a4 left 6 BUY',
        'TRADE t2 100x6 maker #2 a2 left 34 taker #4 a4 left 0 BUY',
        'LEVEL SELL 100 shows 40 in 3',
        'DONE #4 a4 FILLED FILLED left 0 filled 12',
      ]);
    });

    it('gives top-order status only to an order that improves the best price', () => {
      const s = new Session(kind);
      s.send(sell(PRO_RATA_TOP, 1, 101, 10)); // top of 101
      s.send(sell(PRO_RATA_TOP, 2, 102, 10)); // behind the best: no top status
      s.send(sell(PRO_RATA_TOP, 3, 102, 10));
      s.send(buy(PRO_RATA_TOP, 4, 101, 10)); // clears 101
      // At 102 nobody has top status: 6 over 10/10 → 3 and 3.
      const events = s.send(buy(PRO_RATA_TOP, 5, 102, 6));
      expect(events.slice(1, 3)).toEqual([
        'TRADE t2 102x3 maker #2 a2 left 7 taker #5 a5 left 3 BUY',
        'TRADE t3 102x3 maker #3 a3 left 7 taker #5 a5 left 0 BUY',
      ]);
    });

    it('takes top-order status away when another order sets a better price', () => {
      const s = new Session(kind);
      s.send(sell(PRO_RATA_TOP, 1, 101, 10)); // top of 101
      s.send(sell(PRO_RATA_TOP, 2, 100, 1)); // better price: top of 100, and 101 loses its top order
      s.send(buy(PRO_RATA_TOP, 3, 100, 1)); // clears 100
      s.send(sell(PRO_RATA_TOP, 4, 101, 10));
      // Back at 101 nobody has top status: 6 over 10/10 → 3 and 3 (not 5 first to #1).
      expect(s.send(buy(PRO_RATA_TOP, 5, 101, 6)).slice(1, 3)).toEqual([
        'TRADE t2 101x3 maker #1 a1 left 7 taker #5 a5 left 3 BUY',
        'TRADE t3 101x3 maker #4 a4 left 7 taker #5 a5 left 0 BUY',
      ]);
    });

    it('allocates over displayed iceberg tips and refreshes them at the back', () => {
      const s = new Session(kind);
      s.send(sell(PRO_RATA, 1, 100, 10, { displayLots: 2 }));
      s.send(sell(PRO_RATA, 2, 100, 2));
      expect(s.send(buy(PRO_RATA, 3, 100, 5))).toEqual([
        'ACCEPTED #3 a3 BUY LIMIT GTC 100x5',
        'TRADE t1 100x2 maker #1 a1 left 8 taker #3 a3 left 3 BUY',
        'TRADE t2 100x2 maker #2 a2 left 0 taker #3 a3 left 1 BUY',
        'DONE #2 a2 FILLED FILLED left 0 filled 2',
        'TRADE t3 100x1 maker #1 a1 left 7 taker #3 a3 left 0 BUY',
        'LEVEL SELL 100 shows 1 in 1',
        'DONE #3 a3 FILLED FILLED left 0 filled 5',
      ]);
    });

    it('applies self-trade prevention to own orders at a level before allocating', () => {
      const s = new Session(kind);
      s.send(sell(PRO_RATA, 1, 100, 10));
      s.send(sell(PRO_RATA, 2, 100, 10));
      expect(s.send(buy(PRO_RATA, 1, 100, 4, { selfTradePrevention: SelfTradePrevention.CANCEL_OLDEST }))).toEqual([
        'ACCEPTED #3 a1 BUY LIMIT GTC 100x4',
        'DONE #1 a1 CANCELLED SELF_TRADE_PREVENTION left 10 filled 0',
        'TRADE t1 100x4 maker #2 a2 left 6 taker #3 a1 left 0 BUY',
        'LEVEL SELL 100 shows 6 in 1',
        'DONE #3 a1 FILLED FILLED left 0 filled 4',
      ]);
    });
  });

  describe('validation rejects leave the state unchanged', () => {
    const tick = INSTRUMENTS[0]?.tick;
    const lot = INSTRUMENTS[0]?.lot;
    it.each([
      ['a bad tick at the edge', () => (tick ? decimalToUnits('65000.005', tick, ResultCode.PRICE_NOT_ON_TICK) : undefined), ResultCode.PRICE_NOT_ON_TICK],
      ['a bad lot at the edge', () => (lot ? decimalToUnits('1.0005', lot, ResultCode.QUANTITY_NOT_ON_LOT) : undefined), ResultCode.QUANTITY_NOT_ON_LOT],
    ])('rejects %s before it reaches the engine', (_name, convert, code) => {
      expect(convert()).toEqual({ ok: false, code });
    });

    it.each([
      ['a price above the maximum', buy(FIFO, 1, 1_000_001, 1), 'PRICE_OUT_OF_BOUNDS'],
      ['a price of zero', buy(FIFO, 1, 0, 1), 'PRICE_OUT_OF_BOUNDS'],
      ['a fractional price', buy(FIFO, 1, 100.5, 1), 'PRICE_OUT_OF_BOUNDS'],
      ['a quantity above the maximum', buy(FIFO, 1, 100, 1_000_001), 'QUANTITY_OUT_OF_BOUNDS'],
      ['a quantity of zero', buy(FIFO, 1, 100, 0), 'QUANTITY_OUT_OF_BOUNDS'],
      ['NaN quantity', buy(FIFO, 1, 100, Number.NaN), 'QUANTITY_OUT_OF_BOUNDS'],
      ['an unknown instrument', buy(9, 1, 100, 1), 'UNKNOWN_INSTRUMENT'],
      ['account zero', buy(FIFO, 0, 100, 1), 'INVALID_ACCOUNT'],
      ['a bad side', place({ instrumentId: FIFO, accountId: 1, side: 3 as Side, priceTicks: 100, quantityLots: 1 }), 'INVALID_SIDE'],
      ['a bad order type', buy(FIFO, 1, 100, 1, { orderType: 9 as OrderType }), 'INVALID_ORDER_TYPE'],
      ['a GTC market order', marketBuy(FIFO, 1, 1, { timeInForce: TimeInForce.GTC }), 'INVALID_TIME_IN_FORCE'],
      ['a market order with a price', buy(FIFO, 1, 100, 1, { orderType: OrderType.MARKET, timeInForce: TimeInForce.IOC }), 'PRICE_NOT_ALLOWED'],
      ['a stop without a stop price', marketBuy(FIFO, 1, 1, { orderType: OrderType.STOP, timeInForce: TimeInForce.GTC }), 'INVALID_STOP_PRICE'],
      ['a limit order with a stop price', buy(FIFO, 1, 100, 1, { stopPriceTicks: 100 }), 'INVALID_STOP_PRICE'],
      ['a post-only IOC', buy(FIFO, 1, 100, 1, { postOnly: true, timeInForce: TimeInForce.IOC }), 'POST_ONLY_NOT_ALLOWED'],
      ['an unknown STP mode', buy(FIFO, 1, 100, 1, { selfTradePrevention: 9 as SelfTradePrevention }), 'INVALID_SELF_TRADE_PREVENTION'],
    ])('rejects %s', (_name, command, code) => {
      const s = new Session(kind);
      s.send(sell(FIFO, 2, 101, 5));
      s.send(buy(FIFO, 3, 99, 5));
      expect(s.send(command)).toEqual([`REJECTED #3 a${command.accountId} ${code}`]);
    });

    it('rejects an unknown command kind, and a mass cancel for an unknown instrument', () => {
      const s = new Session(kind);
      const bogus = { ...cancel(FIFO, 1, 1), kind: 42 } as unknown as Command;
      expect(s.send(bogus)).toEqual(['REJECTED #0 a1 INVALID_COMMAND']);
      expect(s.send(massCancel(1, 77))).toEqual(['REJECTED #0 a1 UNKNOWN_INSTRUMENT']);
    });
  });

  describe('capacity', () => {
    it('rejects an order when the book is full and cancels a remainder that needs a level it cannot have', () => {
      const s = new Session(kind, { maxOrders: 3, maxLevels: 2 });
      s.send(buy(FIFO, 1, 98, 1));
      s.send(buy(FIFO, 1, 99, 1));
      expect(s.send(buy(FIFO, 1, 97, 1))).toEqual(['ACCEPTED #3 a1 BUY LIMIT GTC 97x1', 'DONE #3 a1 CANCELLED PRICE_LEVELS_FULL left 1 filled 0']);
      s.send(buy(FIFO, 1, 99, 1));
      expect(s.send(buy(FIFO, 1, 99, 1))).toEqual(['REJECTED #5 a1 BOOK_FULL']);
    });
  });

  describe('engine contract', () => {
    it('refuses a seq that does not increase: the sequencer is broken', () => {
      const s = new Session(kind);
      s.engine.apply(buy(FIFO, 1, 100, 1), 5, 10n);
      expect(() => s.engine.apply(buy(FIFO, 1, 100, 1), 5, 10n)).toThrow(/seq 5 follows 5/);
      expect(() => s.engine.apply(buy(FIFO, 1, 100, 1), 6, 9n)).toThrow(/timestamp/);
    });
  });
});
