// FIX market data and reference data: SecurityList over a real FIX session, snapshots and
// increments that rebuild the book GET /v1/book shows while orders go in over REST, and the
// refusals; then, in process against an engine, a random order flow replayed into subscribers at
// several depths, an increment split across messages, and what the shipped dictionary keeps out.
// Every message the venue sends is checked against the dictionary (test/support/fix-venue.ts, and
// validated() below for the in-process ones).
import { afterEach, describe, expect, it } from 'vitest';
import type { Instrument } from '../../src/domain/instrument.js';
import { lotsToQuantity, ticksToPrice } from '../../src/domain/units.js';
import { amend, cancel, massCancel, OrderType, place, Side, type Command } from '../../src/engine/command.js';
import { Engine } from '../../src/core/engine.js';
import { parseMessage, type FixField, type FixMessage } from '../../src/fix/codec.js';
import type { FixSessionHandle } from '../../src/fix/session-types.js';
import { formatUtcTimestamp } from '../../src/fix/utc-time.js';
import { validateMessage } from '../../src/fix/validator.js';
import { FixMarketData, MAX_MARKET_DEPTH, MAX_SUBSCRIPTIONS_PER_SESSION } from '../../src/gateway/fix/fix-market-data.js';
import type { TradeView } from '../../src/gateway/rest/views.js';
import { History } from '../../src/marketdata/history.js';
import { FIFO, INSTRUMENTS } from '../engine/harness.js';
import { type Account, closeFixVenues, dictionary, encoder, groupEntries, Session, startFixVenue } from '../support/fix-venue.js';

afterEach(closeFixVenues);

type Entry = Record<number, string>;
interface RestBook {
  seq: number;
  bids: [string, string][];
  asks: [string, string][];
}

/** A MarketDataRequest (V) body. */
function mdRequest(mdReqId: string, type: string, depth: number, types: readonly string[], symbols: readonly string[], extra: FixField[] = []): FixField[] {
  return [[262, mdReqId], [263, type], [264, depth], ...extra, [267, types.length], ...types.map((t): FixField => [269, t]), [146, symbols.length], ...symbols.map((s): FixField => [55, s])];
}

async function order(account: Account, side: 'buy' | 'sell', price: string, quantity: string): Promise<number> {
  const reply = await account.rest.call('POST', '/v1/orders', { symbol: 'BTC-USD', side, price, quantity });
  expect(reply.status).toBe(201);
  return (reply.body as { orderId: number }).orderId;
}

async function restBook(account: Account, symbol = 'BTC-USD'): Promise<RestBook> {
  const reply = await account.rest.call('GET', `/v1/book/${symbol}?depth=1000`);
  expect(reply.status).toBe(200);
  return reply.body as RestBook;
}

function fields(message: FixMessage, ...tags: number[]): Record<number, string | undefined> {
  return Object.fromEntries(tags.map((tag) => [tag, message.get(tag)]));
}

/**
 * A book rebuilt the way a client would: from a snapshot's level entries, then increments keyed by
 * side and price. An increment that adds a known level, or changes or deletes an unknown one, fails.
 */
class ClientBook {
  private readonly sides = new Map<string, Map<string, { size: string; orders: string }>>([
    ['0', new Map()],
    ['1', new Map()],
  ]);
  /** RptSeq (83) of the snapshot's book. */
  snapshotSeq = -1;

  snapshot(entries: readonly Entry[]): void {
    for (const side of this.sides.values()) side.clear();
    for (const e of entries) {
      if (e[269] === '2') continue;
      this.snapshotSeq = Number(e[83]);
      if (e[269] === 'J') continue;
      this.side(e).set(e[270] ?? '', { size: e[271] ?? '', orders: e[346] ?? '' });
    }
  }

  apply(entries: readonly Entry[]): void {
    for (const e of entries) {
      if (e[269] === '2') continue;
      expect(Number(e[83])).toBeGreaterThan(this.snapshotSeq);
      const side = this.side(e);
      const price = e[270] ?? '';
      if (e[279] === '0') expect(side.has(price), `new level ${price} is already there`).toBe(false);
      else expect(side.has(price), `level ${price} to ${e[279] === '1' ? 'change' : 'delete'} is not there`).toBe(true);
      if (e[279] === '2') {
        expect(e[271]).toBeUndefined();
        side.delete(price);
      } else {
        side.set(price, { size: e[271] ?? '', orders: e[346] ?? '' });
      }
    }
  }

  /** [price, size] best first, as GET /v1/book shows a side. */
  levels(side: '0' | '1'): [string, string][] {
    return this.withOrders(side).map(([price, size]) => [price, size]);
  }

  /** [price, size, orders] best first. */
  withOrders(side: '0' | '1'): [string, string, string][] {
    const sign = side === '0' ? -1 : 1;
    return [...(this.sides.get(side) ?? [])].sort(([a], [b]) => sign * (Number(a) - Number(b))).map(([price, level]) => [price, level.size, level.orders]);
  }

  private side(e: Entry): Map<string, { size: string; orders: string }> {
    const side = this.sides.get(e[269] ?? '');
    if (side === undefined) throw new Error(`not a book entry: 269=${e[269] ?? ''}`);
    return side;
  }
}

describe('FIX reference data: SecurityListRequest', () => {
  it('lists every instrument with its trading rules, one by symbol, none for an unknown symbol, and refuses other request types', async () => {
    const { gateway, buyer } = await startFixVenue();
    const fix = await Session.logon(gateway.port, 'MDDESK', buyer);

    fix.send('x', [
      [320, 'all'],
      [559, 4],
    ]);
    const all = await fix.expect('y');
    expect(fields(all, 320, 560, 393, 893, 1607)).toEqual({ 320: 'all', 560: '0', 393: '3', 893: 'Y', 1607: undefined });
    const instruments = (await buyer.rest.call('GET', '/v1/instruments')).body as { symbol: string; tickSize: string; lotSize: string; minPrice: string; maxPrice: string; minQuantity: string; maxQuantity: string }[];
    const expected = instruments.map((i) => ({
      55: i.symbol,
      969: i.tickSize,
      107: i.symbol.replace('-', '/'),
      1306: '0',
      1148: i.minPrice,
      1149: i.maxPrice,
      562: i.minQuantity,
      1140: i.maxQuantity,
      561: i.lotSize,
      15: 'USD',
    }));
    expect(groupEntries(all, 146, 55)).toEqual(expected);
    expect(expected[0]).toMatchObject({ 55: 'BTC-USD', 969: '0.01', 1149: '1000000.00', 562: '0.0001', 1140: '1000.0000', 561: '0.0001' });

    fix.send('x', [
      [320, 'eth'],
      [559, 0],
      [55, 'ETH-USD'],
    ]);
    const eth = await fix.expect('y');
    expect(fields(eth, 320, 560, 393, 893)).toEqual({ 320: 'eth', 560: '0', 393: '1', 893: 'Y' });
    expect(groupEntries(eth, 146, 55)).toEqual([expected[1]]);
    expect(eth.get(322)).not.toBe(all.get(322));

    fix.send('x', [
      [320, 'doge'],
      [559, 0],
      [55, 'DOGE-USD'],
    ]);
    const unknown = await fix.expect('y');
    expect(fields(unknown, 320, 560, 146, 1607)).toEqual({ 320: 'doge', 560: '2', 146: undefined, 1607: undefined });

    // 559=1 (by SecurityType) is not supported; 559=0 without a Symbol names no instrument.
    fix.send('x', [
      [320, 'by-type'],
      [559, 1],
      [167, 'FXSPOT'],
    ]);
    expect(fields(await fix.expect('y'), 320, 560, 1607, 146)).toEqual({ 320: 'by-type', 560: '1', 1607: '3', 146: undefined });
    fix.send('x', [
      [320, 'no-symbol'],
      [559, 0],
    ]);
    expect(fields(await fix.expect('y'), 320, 560, 1607)).toEqual({ 320: 'no-symbol', 560: '1', 1607: '1' });
  });
});

describe('FIX market data over a real session', () => {
  it('snapshots the book GET /v1/book shows, with order counts, level numbers and the seq of its last change; an empty book; recent trades', async () => {
    const { gateway, seller, buyer } = await startFixVenue();
    const fix = await Session.logon(gateway.port, 'MDDESK', buyer);
    await order(seller, 'sell', '65010.00', '0.5');
    await order(seller, 'sell', '65020.00', '0.25');
    await order(seller, 'sell', '65010.00', '0.1');
    await order(buyer, 'buy', '64990.00', '0.2');
    await order(buyer, 'buy', '64980.00', '0.3');
    await order(buyer, 'buy', '64990.00', '0.4');
    const rest = await restBook(buyer);

    fix.send('V', mdRequest('full', '0', 0, ['0', '1'], ['BTC-USD']));
    const w = await fix.expect('W');
    expect(fields(w, 262, 55)).toEqual({ 262: 'full', 55: 'BTC-USD' });
    const entries = groupEntries(w, 268, 269);
    const book = new ClientBook();
    book.snapshot(entries);
    expect(book.levels('0')).toEqual(rest.bids);
    expect(book.levels('1')).toEqual(rest.asks);
    expect(book.withOrders('0')).toEqual([
      ['64990.00', '0.6000', '2'],
      ['64980.00', '0.3000', '1'],
    ]);
    expect(book.withOrders('1')).toEqual([
      ['65010.00', '0.6000', '2'],
      ['65020.00', '0.2500', '1'],
    ]);
    expect(entries.map((e) => [e[269], e[1023]])).toEqual([
      ['0', '1'],
      ['0', '2'],
      ['1', '1'],
      ['1', '2'],
    ]);
    // The last command changed this book: the snapshot is as of its seq.
    expect(new Set(entries.map((e) => e[83]))).toEqual(new Set([String(rest.seq)]));

    fix.send('V', mdRequest('top-offer', '0', 1, ['1'], ['BTC-USD']));
    const top = groupEntries(await fix.expect('W'), 268, 269);
    expect(top.map((e) => [e[269], e[270], e[271], e[346], e[1023]])).toEqual([['1', '65010.00', '0.6000', '2', '1']]);

    // No command has changed the ETH-USD book since the venue started, from an empty journal.
    fix.send('V', mdRequest('eth', '0', 0, ['0', '1'], ['ETH-USD']));
    expect(groupEntries(await fix.expect('W'), 268, 269)).toEqual([{ 269: 'J', 83: '0' }]);

    // A buy through both offer levels: two trades; the snapshot lists them oldest first, as GET /v1/trades does newest first.
    await order(buyer, 'buy', '65020.00', '0.7');
    const restTrades = (await buyer.rest.call('GET', '/v1/trades/BTC-USD')).body as TradeView[];
    expect(restTrades).toHaveLength(3);
    fix.send('V', mdRequest('trades', '0', 0, ['2'], ['BTC-USD']));
    const trades = groupEntries(await fix.expect('W'), 268, 269);
    expect(trades).toEqual(
      [...restTrades].reverse().map((t) => {
        const stamp = formatUtcTimestamp(Date.parse(t.time));
        return { 269: '2', 270: t.price, 271: t.quantity, 272: stamp.slice(0, 8), 273: stamp.slice(9), 1003: String(t.tradeId), 83: String(t.seq), 2446: t.side === 'buy' ? '1' : '2' };
      }),
    );
    expect(trades.map((e) => [e[270], e[271]])).toEqual([
      ['65010.00', '0.5000'],
      ['65010.00', '0.1000'],
      ['65020.00', '0.1000'],
    ]);
  });

  it('keeps a full-book subscriber equal to GET /v1/book through places, an amend, a cancel and crosses, with each trade', async () => {
    const { gateway, seller, buyer } = await startFixVenue();
    const fix = await Session.logon(gateway.port, 'MDDESK', buyer);
    await order(seller, 'sell', '65030.00', '0.1');

    fix.send('V', mdRequest('book', '1', 0, ['0', '1', '2'], ['BTC-USD'], [[265, 1]]));
    const book = new ClientBook();
    book.snapshot(groupEntries(await fix.expect('W'), 268, 269));
    expect(book.levels('1')).toEqual((await restBook(buyer)).asks);

    /** After each step: exactly one X, whose entries carry the step's seq and leave the book as REST shows it. */
    const step = async (action: () => Promise<unknown>, expected: (string | undefined)[][]): Promise<Entry[]> => {
      await action();
      const x = await fix.expect('X');
      expect(x.get(262)).toBe('book');
      const entries = groupEntries(x, 268, 279);
      book.apply(entries);
      const rest = await restBook(buyer);
      expect(book.levels('0')).toEqual(rest.bids);
      expect(book.levels('1')).toEqual(rest.asks);
      expect(new Set(entries.map((e) => e[83]))).toEqual(new Set([String(rest.seq)]));
      expect(entries.map((e) => [e[279], e[269], e[270], e[271], e[346]])).toEqual(expected);
      return entries;
    };

    await step(() => order(seller, 'sell', '65010.00', '0.5'), [['0', '1', '65010.00', '0.5000', '1']]);
    await step(() => order(seller, 'sell', '65020.00', '0.25'), [['0', '1', '65020.00', '0.2500', '1']]);
    await step(() => order(seller, 'sell', '65010.00', '0.1'), [['1', '1', '65010.00', '0.6000', '2']]);
    let bid = 0;
    await step(
      async () => {
        bid = await order(buyer, 'buy', '64990.00', '1');
      },
      [['0', '0', '64990.00', '1.0000', '1']],
    );
    const low = await order(buyer, 'buy', '64980.00', '0.2');
    book.apply(groupEntries(await fix.expect('X'), 268, 279));
    await step(
      async () => expect((await buyer.rest.call('PATCH', `/v1/orders/${bid}`, { price: '64995.00' })).status).toBe(200),
      [
        ['2', '0', '64990.00', undefined, undefined],
        ['0', '0', '64995.00', '1.0000', '1'],
      ],
    );
    await step(async () => expect((await buyer.rest.call('DELETE', `/v1/orders/${low}`)).status).toBe(200), [['2', '0', '64980.00', undefined, undefined]]);

    // A buy through 65010 into 65020: two trades first, then the book as it was left.
    const cross = await step(
      () => order(buyer, 'buy', '65020.00', '0.7'),
      [
        ['0', '2', '65010.00', '0.5000', undefined],
        ['0', '2', '65010.00', '0.1000', undefined],
        ['0', '2', '65020.00', '0.1000', undefined],
        ['2', '1', '65010.00', undefined, undefined],
        ['1', '1', '65020.00', '0.1500', '1'],
      ],
    );
    const restTrades = ((await buyer.rest.call('GET', '/v1/trades/BTC-USD')).body as TradeView[]).reverse();
    expect(cross.filter((e) => e[269] === '2').map((e) => [e[1003], e[270], e[271], e[2446], e[55]])).toEqual(restTrades.map((t) => [String(t.tradeId), t.price, t.quantity, '1', 'BTC-USD']));

    // A sell into the bid: the aggressor is the seller.
    const hit = await step(
      () => order(seller, 'sell', '64995.00', '0.4'),
      [
        ['0', '2', '64995.00', '0.4000', undefined],
        ['1', '0', '64995.00', '0.6000', '1'],
      ],
    );
    expect(hit[0]?.[2446]).toBe('2');
  });

  it('sends a depth-1 subscriber only the changes at the best level, as deletes and news when the best price moves', async () => {
    const { gateway, seller, buyer } = await startFixVenue();
    const fix = await Session.logon(gateway.port, 'MDDESK', buyer);
    await order(buyer, 'buy', '64990.00', '0.1');
    await order(buyer, 'buy', '64980.00', '0.1');

    fix.send('V', mdRequest('top', '1', 1, ['0'], ['BTC-USD']));
    const book = new ClientBook();
    const snapshot = groupEntries(await fix.expect('W'), 268, 269);
    expect(snapshot.map((e) => [e[269], e[270], e[271], e[1023]])).toEqual([['0', '64990.00', '0.1000', '1']]);
    book.snapshot(snapshot);

    const next = async (): Promise<(string | undefined)[][]> => {
      const entries = groupEntries(await fix.expect('X'), 268, 279);
      book.apply(entries);
      expect(book.levels('0')).toEqual((await restBook(buyer)).bids.slice(0, 1));
      return entries.map((e) => [e[279], e[269], e[270], e[271], e[346]]);
    };
    // Neither a worse bid nor an offer changes this subscriber's book: the next X is the better bid's.
    await order(buyer, 'buy', '64970.00', '0.1');
    await order(seller, 'sell', '65010.00', '0.1');
    const better = await order(buyer, 'buy', '64995.00', '0.1');
    expect(await next()).toEqual([
      ['2', '0', '64990.00', undefined, undefined],
      ['0', '0', '64995.00', '0.1000', '1'],
    ]);
    const second = await order(buyer, 'buy', '64995.00', '0.2');
    expect(await next()).toEqual([['1', '0', '64995.00', '0.3000', '2']]);
    await buyer.rest.call('DELETE', `/v1/orders/${better}`);
    expect(await next()).toEqual([['1', '0', '64995.00', '0.2000', '1']]);
    await buyer.rest.call('DELETE', `/v1/orders/${second}`);
    expect(await next()).toEqual([
      ['2', '0', '64995.00', undefined, undefined],
      ['0', '0', '64990.00', '0.1000', '1'],
    ]);
  });

  it('ends a subscription on 263=2 and with the connection, and refuses to end one that is not live', async () => {
    const { gateway, seller, buyer } = await startFixVenue();
    const fix = await Session.logon(gateway.port, 'MDDESK', buyer);
    fix.send('V', mdRequest('u1', '1', 0, ['0', '1', '2'], ['BTC-USD']));
    await fix.expect('W');
    expect(gateway.marketData.liveSubscriptions).toBe(1);

    // Ending a subscription has no answer: a snapshot asked for after it shows it was handled.
    fix.send('V', mdRequest('u1', '2', 0, ['0'], ['BTC-USD']));
    fix.send('V', mdRequest('sync', '0', 1, ['0'], ['BTC-USD']));
    expect(fields(await fix.expect('W'), 262)).toEqual({ 262: 'sync' });
    expect(gateway.marketData.liveSubscriptions).toBe(0);
    // The order changes the book, and the next message is the snapshot asked for after it: no X.
    await order(seller, 'sell', '65010.00', '0.1');
    fix.send('V', mdRequest('after', '0', 0, ['1'], ['BTC-USD']));
    expect(fields(await fix.expect('W'), 262)).toEqual({ 262: 'after' });

    fix.send('V', mdRequest('u1', '2', 0, ['0'], ['BTC-USD']));
    const refused = await fix.expect('Y');
    expect(fields(refused, 262, 281)).toEqual({ 262: 'u1', 281: undefined });
    expect(refused.get(58)).toMatch(/^1024 INVALID_REQUEST: no subscription with MDReqID \(262\) u1 is live/);

    // An ended MDReqID may be used again.
    fix.send('V', mdRequest('u1', '1', 0, ['0'], ['BTC-USD']));
    expect(fields(await fix.expect('W'), 262)).toEqual({ 262: 'u1' });
    expect(gateway.marketData.liveSubscriptions).toBe(1);
    fix.client.close();
    const deadline = Date.now() + 5_000;
    while (gateway.marketData.liveSubscriptions > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(gateway.marketData.liveSubscriptions).toBe(0);
  });

  it('refuses what it does not support with a MarketDataRequestReject naming the reason', async () => {
    const { gateway, buyer } = await startFixVenue();
    const fix = await Session.logon(gateway.port, 'MDDESK', buyer);
    const refused = async (body: FixField[]): Promise<Record<number, string | undefined>> => {
      fix.send('V', body);
      return fields(await fix.expect('Y'), 262, 281, 58);
    };

    expect(await refused(mdRequest('r1', '0', 0, ['0'], ['BTC-USD', 'DOGE-USD']))).toEqual({ 262: 'r1', 281: '0', 58: '1001 UNKNOWN_INSTRUMENT: Symbol (55) DOGE-USD is not traded here' });
    expect(await refused(mdRequest('r2', '1', 0, ['0', '4'], ['BTC-USD']))).toMatchObject({ 262: 'r2', 281: '8', 58: '1024 INVALID_REQUEST: MDEntryType (269) 4 is not supported (0 bid, 1 offer, 2 trade)' });
    expect(await refused(mdRequest('r3', '1', 0, ['0'], ['BTC-USD'], [[265, 0]]))).toMatchObject({ 262: 'r3', 281: '6' });
    expect(await refused(mdRequest('r4', '1', MAX_MARKET_DEPTH + 1, ['0'], ['BTC-USD']))).toMatchObject({ 262: 'r4', 281: '5' });
    expect(await refused(mdRequest('r5', '0', -1, ['0'], ['BTC-USD']))).toMatchObject({ 262: 'r5', 281: '5' });
    expect(await refused(mdRequest('r6', '1', 0, ['0'], ['BTC-USD'], [[266, 'N']]))).toMatchObject({ 262: 'r6', 281: '7' });
    expect(gateway.marketData.liveSubscriptions).toBe(0);

    fix.send('V', mdRequest('dup', '1', 0, ['0'], ['BTC-USD']));
    await fix.expect('W');
    expect(await refused(mdRequest('dup', '1', 5, ['1'], ['ETH-USD']))).toEqual({ 262: 'dup', 281: '1', 58: '1024 INVALID_REQUEST: MDReqID (262) dup is already used by a live subscription of this session' });
    expect(await refused(mdRequest('dup', '0', 0, ['1'], ['ETH-USD']))).toMatchObject({ 262: 'dup', 281: '1' });

    for (let k = 1; k < MAX_SUBSCRIPTIONS_PER_SESSION; k++) {
      fix.send('V', mdRequest(`s${k}`, '1', 1, ['0'], ['SOL-USD']));
      await fix.expect('W');
    }
    expect(gateway.marketData.liveSubscriptions).toBe(MAX_SUBSCRIPTIONS_PER_SESSION);
    expect(await refused(mdRequest('one-more', '1', 1, ['0'], ['SOL-USD']))).toMatchObject({ 262: 'one-more', 281: '2' });
    // A snapshot is not a subscription: it is still answered.
    fix.send('V', mdRequest('snapshot', '0', 1, ['0'], ['SOL-USD']));
    await fix.expect('W');

    // The dictionary allows 263 = 0, 1, 2 only: the session refuses any other before the application sees it.
    fix.send('V', mdRequest('r7', '5', 0, ['0'], ['BTC-USD']));
    expect(fields(await fix.expect('3'), 371, 372, 373)).toEqual({ 371: '263', 372: 'V', 373: '5' });
  });
});

// ---- in process, against an engine ----------------------------------------------------------

const BTC = INSTRUMENTS.find((i) => i.id === FIFO) as Instrument;

/** A logged-on session that records what it is asked to send. */
class RecordingSession implements FixSessionHandle {
  readonly key = 'CLIENT';
  readonly account = '1';
  readonly senderCompId = 'KAPITA';
  readonly targetCompId = 'CLIENT';
  readonly cancelOnDisconnect = false;
  readonly credential = undefined;
  isLoggedOn = true;
  readonly sent: FixMessage[] = [];
  private seq = 1;

  /** `maxBytes`: the acceptor's limit, which every message must keep to. */
  constructor(private readonly maxBytes = 65_536) {}

  send(msgType: string, body: readonly FixField[]): boolean {
    this.sent.push(validated(msgType, body, this.seq++, this.maxBytes));
    return true;
  }

  businessReject(): void {
    throw new Error('no business reject expected');
  }

  logout(): void {
    throw new Error('no logout expected');
  }

  /** What was sent since the last call. */
  take(): FixMessage[] {
    return this.sent.splice(0);
  }
}

/** The message as the session would encode it, checked against the dictionary. */
function validated(msgType: string, body: readonly FixField[], seq: number, maxBytes: number): FixMessage {
  const bytes = encoder.encode(
    'FIXT.1.1',
    msgType,
    [
      [34, seq],
      [49, 'KAPITA'],
      [52, formatUtcTimestamp(0)],
      [56, 'CLIENT'],
    ],
    body,
  );
  expect(bytes.length).toBeLessThanOrEqual(maxBytes);
  const message = parseMessage(bytes, dictionary.codecTables);
  if (typeof message === 'number') throw new Error(`unreadable ${msgType}`);
  const failure = validateMessage(message, dictionary);
  expect(failure, message.toString()).toBeNull();
  return message;
}

/** A parsed request, as the session hands it to the application. */
function request(msgType: string, body: FixField[]): FixMessage {
  const message = parseMessage(encoder.encode('FIXT.1.1', msgType, [[34, 1], [49, 'CLIENT'], [52, formatUtcTimestamp(0)], [56, 'KAPITA']], body), dictionary.codecTables);
  if (typeof message === 'number') throw new Error(`unreadable ${msgType}`);
  return message;
}

/** An engine, its history and market data fed as the venue feeds them: every command, in seq order. */
function inProcess(maxMessageBytes?: number): { marketData: FixMarketData; engine: Engine; run: (command: Command) => number } {
  const engine = new Engine({ instruments: INSTRUMENTS, book: 'fast', capacity: { maxOrders: 2000, maxLevels: 500 } });
  const history = new History();
  const marketData = new FixMarketData({ venue: { replica: engine }, instruments: INSTRUMENTS, history, now: () => 1_700_000_000_000, ...(maxMessageBytes === undefined ? {} : { maxMessageBytes }) });
  let seq = 0;
  return {
    marketData,
    engine,
    run: (command) => {
      seq++;
      const timestampNs = 1_700_000_000_000_000_000n + BigInt(seq) * 1_000_000n;
      engine.apply(command, seq, timestampNs);
      // Market data reads no order reports; the history's trades come from the events.
      const outcome = { seq, timestampNs, engine, reports: [] };
      history.observe(outcome);
      marketData.observe(outcome);
      return seq;
    },
  };
}

/** [price, size, orders] best first, the book as the engine holds it. */
function engineLevels(engine: Engine, side: Side, depth: number): [string, string, string][] {
  return engine
    .book(FIFO)
    .levels(side, depth === 0 ? 1000 : depth)
    .map((l) => [ticksToPrice(BTC, l.priceTicks), lotsToQuantity(BTC, l.displayedLots), String(l.orderCount)]);
}

/** A small deterministic generator (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('FIX market data in process', () => {
  it('keeps subscribers at depths 0, 1 and 3 equal to the engine through a random order flow', () => {
    const { marketData, engine, run } = inProcess();
    const session = new RecordingSession();
    const next = random(7);
    const pick = (n: number): number => Math.floor(next() * n);
    /** Orders placed (open or not), with their account. */
    const placed: { orderId: number; accountId: number }[] = [];
    let seq = 0;
    const flow = (): void => {
      const roll = next();
      const target = placed[pick(placed.length)];
      if (roll < 0.55 || target === undefined) {
        const accountId = 1 + pick(3);
        const side = next() < 0.5 ? Side.BUY : Side.SELL;
        // Resting around 100.00, the two sides overlapping so that some cross; now and then an iceberg.
        const priceTicks = side === Side.BUY ? 9_990 + pick(12) : 9_999 + pick(12);
        seq = run(place({ instrumentId: FIFO, accountId, side, priceTicks, quantityLots: 1 + pick(9), ...(next() < 0.1 ? { displayLots: 1 } : {}) }));
        placed.push({ orderId: seq, accountId });
      } else if (roll < 0.8) {
        seq = run(cancel(FIFO, target.accountId, target.orderId));
      } else if (roll < 0.95) {
        seq = run(amend(FIFO, target.accountId, target.orderId, next() < 0.5 ? { priceTicks: 9_990 + pick(20) } : { quantityLots: 1 + pick(12) }));
      } else {
        seq = run(place({ instrumentId: FIFO, accountId: 4, side: next() < 0.5 ? Side.BUY : Side.SELL, orderType: OrderType.MARKET, quantityLots: 1 + pick(15) }));
      }
    };
    for (let k = 0; k < 60; k++) flow();

    const depths = { full: 0, top: 1, three: 3 } as const;
    const books = new Map<string, ClientBook>();
    for (const [id, depth] of Object.entries(depths)) {
      marketData.onMessage(session, request('V', mdRequest(id, '1', depth, id === 'three' ? ['1'] : ['0', '1', '2'], ['BTC-USD'])));
      const [w] = session.take();
      if (w === undefined) throw new Error(`no snapshot for ${id}`);
      expect(w.msgType).toBe('W');
      const book = new ClientBook();
      book.snapshot(groupEntries(w, 268, 269));
      books.set(id, book);
    }
    let trades = 0;
    for (let k = 0; k < 400; k++) {
      flow();
      for (const x of session.take()) {
        expect(x.msgType).toBe('X');
        const entries = groupEntries(x, 268, 279);
        books.get(x.get(262) ?? '')?.apply(entries);
        if (x.get(262) === 'full') trades += entries.filter((e) => e[269] === '2').length;
      }
      for (const [id, depth] of Object.entries(depths)) {
        const book = books.get(id) as ClientBook;
        if (id !== 'three') expect(book.withOrders('0'), `${id} bids after command ${seq}`).toEqual(engineLevels(engine, Side.BUY, depth));
        expect(book.withOrders('1'), `${id} offers after command ${seq}`).toEqual(engineLevels(engine, Side.SELL, depth));
      }
    }
    expect(trades).toBeGreaterThan(20);
    expect(marketData.liveSubscriptions).toBe(3);

    // A session found logged off loses its subscriptions at the next command, without being sent anything.
    session.isLoggedOn = false;
    run(place({ instrumentId: FIFO, accountId: 1, side: Side.BUY, priceTicks: 9_000, quantityLots: 1 }));
    expect(session.take()).toEqual([]);
    expect(marketData.liveSubscriptions).toBe(0);
  });

  it('refuses a snapshot too large for one message, and splits an increment that is into several, each within the limit', () => {
    const maxBytes = 1_024;
    const session = new RecordingSession(maxBytes);
    const deep = inProcess(maxBytes);
    for (let k = 0; k < 60; k++) deep.run(place({ instrumentId: FIFO, accountId: 1, side: Side.SELL, priceTicks: 10_000 + k, quantityLots: 1 }));
    deep.marketData.onMessage(session, request('V', mdRequest('all', '1', 0, ['1'], ['BTC-USD'])));
    const [refused] = session.take();
    expect(fields(refused as FixMessage, 35, 262, 281)).toEqual({ 35: 'Y', 262: 'all', 281: '5' });
    expect(refused?.get(58)).toBe(`1024 INVALID_REQUEST: the book of BTC-USD at MarketDepth (264) 0 does not fit in one message; ask for 1..${MAX_MARKET_DEPTH} levels`);
    expect(deep.marketData.liveSubscriptions).toBe(0);

    // Subscribed while the book is empty, the full book grows level by level, then loses all 60 levels in one command.
    const { marketData, engine, run } = inProcess(maxBytes);
    marketData.onMessage(session, request('V', mdRequest('all', '1', 0, ['1'], ['BTC-USD'])));
    const book = new ClientBook();
    book.snapshot(groupEntries(session.take()[0] as FixMessage, 268, 269));
    for (let k = 0; k < 60; k++) run(place({ instrumentId: FIFO, accountId: 1, side: Side.SELL, priceTicks: 10_000 + k, quantityLots: 1 }));
    for (const x of session.take()) book.apply(groupEntries(x, 268, 279));
    expect(book.withOrders('1')).toEqual(engineLevels(engine, Side.SELL, 0));
    run(massCancel(1, FIFO));
    const parts = session.take();
    expect(parts.length).toBeGreaterThan(1);
    const deletes = parts.flatMap((x) => {
      expect(fields(x, 35, 262)).toEqual({ 35: 'X', 262: 'all' });
      return groupEntries(x, 268, 279);
    });
    expect(deletes.map((e) => e[279])).toEqual(Array<string>(60).fill('2'));
    book.apply(deletes);
    expect(book.withOrders('1')).toEqual([]);
  });

  it('fragments a SecurityList too long for one message (893=N … 893=Y), every fragment of one response alike', () => {
    const maxBytes = 420;
    const { marketData } = inProcess(maxBytes);
    const session = new RecordingSession(maxBytes);
    marketData.onMessage(session, request('x', [[320, 'all'], [559, 4]]));
    const fragments = session.take();
    expect(fragments.length).toBeGreaterThan(1);
    expect(fragments.map((y) => fields(y, 35, 320, 560, 393, 893))).toEqual(fragments.map((_, k) => ({ 35: 'y', 320: 'all', 560: '0', 393: '3', 893: k === fragments.length - 1 ? 'Y' : 'N' })));
    expect(new Set(fragments.map((y) => y.get(322))).size).toBe(1);
    expect(fragments.flatMap((y) => groupEntries(y, 146, 55).map((e) => e[55]))).toEqual(INSTRUMENTS.map((i) => i.symbol));
  });

  it('refuses a SubscriptionRequestType beyond 0, 1 and 2, should a dictionary let one through', () => {
    const { marketData } = inProcess();
    const session = new RecordingSession();
    marketData.onMessage(session, request('V', mdRequest('odd', '3', 0, ['0'], ['BTC-USD'])));
    const [reject] = session.take();
    expect(reject?.msgType).toBe('Y');
    expect(fields(reject as FixMessage, 262, 281, 58)).toEqual({ 262: 'odd', 281: '4', 58: '1024 INVALID_REQUEST: SubscriptionRequestType (263) 3 is not supported (0 snapshot, 1 snapshot and updates, 2 end a subscription)' });
  });
});
