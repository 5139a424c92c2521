// The FIX order application in process, against a real engine standing in for the venue: places
// whose answer the test releases, so that what happens while a place is in flight can be seen
// (reports of other orders of the account, a disconnect with cancel-on-disconnect), and the
// bookkeeping that must stay bounded (held reports, remembered ClOrdIDs). The reports are a real
// OrderTracker's over the engine's events, built as the venue builds it (src/venue/venue.ts).
import { describe, expect, it } from 'vitest';
import type { Instrument } from '../../src/domain/instrument.js';
import { priceToTicks, quantityToLots } from '../../src/domain/units.js';
import { cancel, OrderType, place, SelfTradePrevention, Side, TimeInForce, type Command } from '../../src/engine/command.js';
import { Engine } from '../../src/core/engine.js';
import { parseMessage, type FixField, type FixMessage } from '../../src/fix/codec.js';
import type { FixSessionHandle } from '../../src/fix/session-types.js';
import { formatUtcTimestamp } from '../../src/fix/utc-time.js';
import { FixOrderApplication } from '../../src/gateway/fix/fix-order-application.js';
import type { FixVenuePort } from '../../src/gateway/fix/fix-venue-port.js';
import { ClOrdIdIndex } from '../../src/gateway/fix/fix-orders.js';
import { fillFee } from '../../src/venue/fees.js';
import { OrderTracker } from '../../src/venue/order-tracker.js';
import type { CommandOutcome } from '../../src/venue/venue.js';
import { FIFO, INSTRUMENTS } from '../engine/harness.js';
import { dictionary, encoder } from '../support/fix-venue.js';

const BTC = INSTRUMENTS.find((i) => i.id === FIFO) as Instrument;
const ACCOUNT = 7;

/** A logged-on session that records what it is asked to send. */
class RecordingSession implements FixSessionHandle {
  readonly key = 'FIXT.1.1:KAPITA:7:DESK';
  readonly account = String(ACCOUNT);
  readonly senderCompId = 'KAPITA';
  readonly targetCompId = 'DESK';
  readonly cancelOnDisconnect = true;
  readonly credential = 'key';
  readonly isLoggedOn = true;
  readonly sent: { msgType: string; fields: Map<number, string> }[] = [];

  send(msgType: string, body: readonly FixField[]): boolean {
    this.sent.push({ msgType, fields: new Map(body.map(([tag, value]) => [tag, String(value)])) });
    return true;
  }

  businessReject(): void {
    throw new Error('no business reject expected');
  }

  logout(): void {
    throw new Error('no logout expected');
  }
}

function request(msgType: string, body: FixField[]): FixMessage {
  const message = parseMessage(encoder.encode('FIXT.1.1', msgType, [[34, 1], [49, 'DESK'], [52, formatUtcTimestamp(0)], [56, 'KAPITA']], body), dictionary.codecTables);
  if (typeof message === 'number') throw new Error(`unreadable ${msgType}`);
  return message;
}

function priceTicksOf(price: string): number {
  const ticks = priceToTicks(BTC, price);
  if (!ticks.ok) throw new Error(`bad test price ${price}`);
  return ticks.value;
}

function nos(clOrdId: string, side: '1' | '2', quantity: string, price: string, tif = '1'): FixMessage {
  return request('D', [[11, clOrdId], [38, quantity], [40, '2'], [44, price], [54, side], [55, 'BTC-USD'], [59, tif], [60, formatUtcTimestamp(0)]]);
}

/** The engine as the venue: commands run in seq order, the tracker turns each one's events into reports, and every listener sees the outcome; places wait for land(). */
function inProcess(maxRememberedClOrdIds?: number) {
  const engine = new Engine({ instruments: INSTRUMENTS, book: 'fast', capacity: { maxOrders: 5000, maxLevels: 500 } });
  const tracker = new OrderTracker({
    openOrder: (instrumentId, orderId) => engine.book(instrumentId).order(orderId),
    clientOrderIdOf: (orderId) => engine.clientIds.ofOrder(orderId)?.clientOrderId,
    fee: (instrumentId, priceTicks, lots, maker) => fillFee(engine, instrumentId, priceTicks, lots, maker),
  });
  const listeners: ((outcome: CommandOutcome) => void)[] = [];
  let seq = 0;
  const run = (command: Command): number => {
    seq++;
    const timestampNs = 1_700_000_000_000_000_000n + BigInt(seq) * 1_000_000n;
    engine.apply(command, seq, timestampNs);
    const reports = tracker.observe(engine.events, command, seq, timestampNs);
    for (const listener of listeners) listener({ seq, timestampNs, engine, reports });
    return seq;
  };
  const waiting: { body: Record<string, unknown>; resolve: (answer: { status: number; body: unknown }) => void }[] = [];
  const calls: string[] = [];
  const toPlace = (body: Record<string, unknown>): Command => {
    const price = priceToTicks(BTC, String(body['price']));
    const quantity = quantityToLots(BTC, String(body['quantity']));
    if (!price.ok || !quantity.ok) throw new Error('bad test order');
    const tif = body['timeInForce'] === 'IOC' ? TimeInForce.IOC : TimeInForce.GTC;
    return place({ instrumentId: FIFO, accountId: ACCOUNT, side: body['side'] === 'buy' ? Side.BUY : Side.SELL, orderType: OrderType.LIMIT, timeInForce: tif, priceTicks: price.value, quantityLots: quantity.value });
  };
  const port: FixVenuePort = {
    placeOrder: (_session, body) => new Promise((resolve) => waiting.push({ body, resolve })),
    cancelOrder: (_session, orderId) => {
      calls.push(`cancel ${orderId}`);
      run(cancel(FIFO, ACCOUNT, orderId));
      return Promise.resolve({});
    },
    cancelOnDisconnect: (_session, orderId) => {
      calls.push(`cod ${orderId}`);
      run(cancel(FIFO, ACCOUNT, orderId));
      return Promise.resolve({});
    },
    amendOrder: () => Promise.reject(new Error('no amends here')),
    cancelAll: (_session, symbol, side) => {
      calls.push(`cancelAll ${symbol ?? '*'} ${side ?? '*'}`);
      return Promise.resolve({ cancelled: [] });
    },
    onDurable: (listener) => listeners.push(listener),
    openOrder: (instrument, orderId) => engine.book(instrument.id).order(orderId),
    fee: () => ({ units: 0, assetId: 0 }),
    asset: () => undefined,
    venueOrder: () => undefined,
  };
  const application = new FixOrderApplication({ port, instruments: INSTRUMENTS, now: () => 1_700_000_000_000, ...(maxRememberedClOrdIds === undefined ? {} : { maxRememberedClOrdIds }) });
  /** Makes the oldest waiting place durable and answers it. */
  const land = async (): Promise<number> => {
    const next = waiting.shift();
    if (next === undefined) throw new Error('no place waiting');
    const orderId = run(toPlace(next.body));
    next.resolve({ status: 201, body: { orderId } });
    await new Promise((resolve) => setImmediate(resolve));
    return orderId;
  };
  /** An order of the account placed elsewhere (REST): not this application's. */
  const elsewhere = (side: Side, priceTicks: number, lots: number, tif: TimeInForce = TimeInForce.GTC, selfTradePrevention?: SelfTradePrevention): number =>
    run(place({ instrumentId: FIFO, accountId: ACCOUNT, side, orderType: OrderType.LIMIT, timeInForce: tif, priceTicks, quantityLots: lots, ...(selfTradePrevention === undefined ? {} : { selfTradePrevention }) }));
  return { engine, application, run, land, elsewhere, calls };
}

describe('the FIX order application, in process', () => {
  it('drops the held reports of orders placed elsewhere once the place in flight lands, and never holds the reports of a closed order', async () => {
    const { application, land, elsewhere } = inProcess();
    const session = new RecordingSession();
    application.onMessage(session, nos('f1', '1', '1', '100.00'));
    application.onMessage(session, nos('f2', '1', '1', '100.00'));
    // While f1 and f2 are in flight, the account trades over REST: those reports are held (they could be f1's or f2's).
    for (let i = 0; i < 50; i++) elsewhere(Side.BUY, 5_000 + i, 1);
    expect(application.heldReports).toBeGreaterThanOrEqual(50);
    const f1 = await land();
    // f1 landed after them: every held report of an older order was someone else's, and is gone.
    expect(application.heldReports).toBe(0);
    expect(session.sent.map((m) => [m.msgType, m.fields.get(11), m.fields.get(150)])).toEqual([['8', 'f1', '0']]);
    // A sell over REST fills f1 completely: f1's report says filled; the DONE after it is not held for f2.
    elsewhere(Side.SELL, 10_000, 1_000, TimeInForce.IOC);
    expect(session.sent.at(-1)?.fields.get(39)).toBe('2');
    expect(session.sent.at(-1)?.fields.get(37)).toBe(String(f1));
    // Held while f2 is in flight: the sell's NEW and its side of the TRADE, both f2's as far as
    // the gateway knows. Neither order's DONE is a report: the fill that completes an order says FILLED.
    expect(application.heldReports).toBe(2);
    await land();
    expect(application.heldReports).toBe(0);
  });

  it('cancels a place that lands after its session dropped with cancel-on-disconnect', async () => {
    const { application, land, calls } = inProcess();
    const session = new RecordingSession();
    application.onLogon(session);
    application.onMessage(session, nos('c1', '1', '1', '90.00'));
    const open = await land();
    application.onMessage(session, nos('c2', '1', '1', '91.00'));
    application.onDisconnect(session, { cancelOnDisconnect: true, logoutReceived: false, logoutSent: false });
    expect(calls).toEqual([`cod ${open}`]);
    const late = await land();
    expect(calls).toEqual([`cod ${open}`, `cod ${late}`]);
    expect(session.sent.filter((m) => m.fields.get(150) === '4').map((m) => m.fields.get(37))).toEqual([String(open), String(late)]);
  });

  it('restates (150=D) an order that self-trade prevention decremented, with the quantity the tracker says is left', async () => {
    const { application, land, elsewhere } = inProcess();
    const session = new RecordingSession();
    application.onLogon(session);
    application.onMessage(session, nos('d1', '2', '0.005', '100.00'));
    const resting = await land();
    // The same account buys 2 lots over REST with decrement-and-cancel: the resting sell loses 2, the buy is cancelled.
    const seq = elsewhere(Side.BUY, priceTicksOf('100.00'), 2, TimeInForce.GTC, SelfTradePrevention.DECREMENT_AND_CANCEL);
    const restated = session.sent.at(-1)?.fields;
    expect([restated?.get(37), restated?.get(11), restated?.get(150), restated?.get(39), restated?.get(38), restated?.get(151), restated?.get(14), restated?.get(44)]).toEqual([String(resting), 'd1', 'D', '0', '0.003', '0.003', '0.000', '100.00']);
    // The execution id is the command's seq and the DECREMENTED event's index (after the buy's ACCEPTED).
    expect(restated?.get(17)).toBe(`${seq}-1`);
    expect(session.sent).toHaveLength(2);
  });

  it('keeps the ClOrdID of an open order however many others come and go', async () => {
    const { application, land, calls } = inProcess(3);
    const session = new RecordingSession();
    application.onMessage(session, nos('keep', '1', '1', '50.00'));
    const kept = await land();
    // Ten IOCs that find nothing and close at once: their ClOrdIDs pass through the bound of 3.
    for (let i = 0; i < 10; i++) {
      application.onMessage(session, nos(`ioc-${i}`, '1', '1', '40.00', '3'));
      await land();
    }
    application.onMessage(session, request('F', [[11, 'keep-cancel'], [41, 'keep'], [54, '1'], [55, 'BTC-USD'], [60, formatUtcTimestamp(0)]]));
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([`cancel ${kept}`]);
    expect(session.sent.at(-1)?.fields.get(11)).toBe('keep-cancel');
    expect(session.sent.at(-1)?.fields.get(150)).toBe('4');
    // The oldest closed ones are forgotten: a cancel naming one is answered as unknown, not too late.
    application.onMessage(session, request('F', [[11, 'late'], [41, 'ioc-0'], [54, '1'], [55, 'BTC-USD'], [60, formatUtcTimestamp(0)]]));
    expect(session.sent.at(-1)?.msgType).toBe('9');
    expect(session.sent.at(-1)?.fields.get(102)).toBe('1');
  });

  it('refuses a mass cancel it cannot scope exactly, and passes a side through', async () => {
    const { application, calls } = inProcess();
    const session = new RecordingSession();
    application.onMessage(session, request('q', [[11, 'm1'], [530, '1'], [60, formatUtcTimestamp(0)]]));
    application.onMessage(session, request('q', [[11, 'm2'], [530, '1'], [55, 'BTC-USD'], [54, '1'], [60, formatUtcTimestamp(0)]]));
    await new Promise((resolve) => setImmediate(resolve));
    const reports = session.sent.filter((m) => m.msgType === 'r');
    expect(reports.map((m) => [m.fields.get(11), m.fields.get(531)])).toEqual([
      ['m1', '0'],
      ['m2', '1'],
    ]);
    expect(reports[0]?.fields.get(58)).toMatch(/^1024 INVALID_REQUEST: MassCancelRequestType \(530\) 1 needs Symbol \(55\)/);
    expect(calls).toEqual(['cancelAll BTC-USD buy']);
  });
});

describe('ClOrdIdIndex', () => {
  it('bounds closed ClOrdIDs per account: one account\'s closes never push out another\'s, nor an open order\'s', () => {
    const index = new ClOrdIdIndex(2);
    index.set('7\x01open', 1);
    index.set('8\x01theirs', 2);
    index.close(['8\x01theirs'], 2);
    for (const [i, id] of ['a', 'b', 'c'].entries()) {
      index.set(`7\x01${id}`, 10 + i);
      index.close([`7\x01${id}`], 10 + i);
    }
    expect(['open', 'a', 'b', 'c'].map((id) => index.get(`7\x01${id}`))).toEqual([1, undefined, 11, 12]);
    expect(index.get('8\x01theirs')).toBe(2);
  });
});
