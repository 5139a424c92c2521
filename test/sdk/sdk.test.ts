// The SDK (sdk/) against a real venue (startServer on port 0, temp data dir), in both frame formats:
// order entry with execution reports and coded errors, the L2 book rebuilt from snapshot + updates
// and compared with REST's GET /v1/book, gap detection and recovery (a dropped frame and an injected
// update), token refresh that keeps a connection open past its first token's expiry (with a control
// connection, without refresh, that the venue closes), request timeouts and close.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ConnectOptions, type ExecutionReport, KapitaClient, KapitaConnectionError, KapitaError, KapitaTimeoutError, type Level, type LocalOrderBook, type TopOfBook, type Trade } from '../../sdk/index.js';
import type { Envelope } from '../../src/protocol/wire.js';
import { RestClient } from '../../src/auth/client.js';
import { type RunningServer, startServer } from '../../src/server/server.js';
import { DEFAULT_CONFIG, type VenueConfig } from '../../src/server/venue-config.js';

const CONFIG: VenueConfig = { ...DEFAULT_CONFIG, capacity: { maxOrders: 2000, maxLevels: 500 }, snapshotIntervalMs: 50, server: { ...DEFAULT_CONFIG.server, host: '127.0.0.1', port: 0, plaintext: true }, fix: null };
const SYMBOL = 'BTC-USD';
const dirs: string[] = [];
const servers: RunningServer[] = [];
const clients: KapitaClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
  for (const server of servers.splice(0)) await server.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Credentials {
  readonly keyId: string;
  readonly secret: string;
}

async function venue(now?: () => number): Promise<{ server: RunningServer; admin: RestClient }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kapita-sdk-'));
  dirs.push(dataDir);
  const server = await startServer({ dataDir, config: CONFIG, say: () => undefined, ...(now === undefined ? {} : { now }) });
  servers.push(server);
  return { server, admin: new RestClient(server.url, JSON.parse(readFileSync(join(dataDir, 'admin-key.json'), 'utf8')) as Credentials) };
}

async function account(admin: RestClient, deposits: Record<string, string>): Promise<Credentials> {
  const reply = await admin.call('POST', '/v1/admin/accounts', { name: 'trader', deposits });
  expect(reply.status).toBe(201);
  return reply.body as Credentials;
}

async function connect(server: RunningServer, credentials: Credentials, format: 'binary' | 'json', extra: Partial<ConnectOptions> = {}): Promise<KapitaClient> {
  const client = await KapitaClient.connect({ url: server.url, keyId: credentials.keyId, secret: credentials.secret, format, ...extra });
  clients.push(client);
  return client;
}

async function restBook(server: RunningServer): Promise<{ bids: Level[]; asks: Level[] }> {
  const response = await fetch(`${server.url}/v1/book/${SYMBOL}?depth=1000`);
  expect(response.status).toBe(200);
  return (await response.json()) as { bids: Level[]; asks: Level[] };
}

/** Polls `probe` every 10 ms until it returns something other than undefined or false; fails after timeoutMs. */
async function until<T>(probe: () => T | undefined | false, what: string, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits until the SDK's book shows what REST shows now, then asserts it (so a failure prints the difference). */
async function convergesToRest(server: RunningServer, book: LocalOrderBook): Promise<{ bids: Level[]; asks: Level[] }> {
  const rest = await restBook(server);
  await until(() => !book.stale && JSON.stringify([book.bids(), book.asks()]) === JSON.stringify([rest.bids, rest.asks]), 'the SDK book to equal GET /v1/book', 3_000).catch(() => undefined);
  expect(book.stale).toBe(false);
  expect({ bids: book.bids(), asks: book.asks() }).toEqual({ bids: rest.bids, asks: rest.asks });
  return rest;
}

/** A fetch that reports the first token it gets (its expiresAt) before handing it back. */
function fetchReportingFirstToken(onFirstToken: (expiresAt: number) => void): typeof fetch {
  let first = true;
  return async (input, init) => {
    const response = await fetch(input, init);
    if (first && typeof input === 'string' && input.endsWith('/v1/auth/token') && response.ok) {
      first = false;
      onFirstToken(((await response.clone().json()) as { expiresAt: number }).expiresAt);
    }
    return response;
  };
}

describe.each(['binary', 'json'] as const)('SDK over %s frames', (format) => {
  it('places, amends and cancels orders with execution reports, trades and L1; refusals carry the venue code', async () => {
    const { server, admin } = await venue();
    const seller = await connect(server, await account(admin, { BTC: '5' }), format);
    const buyer = await connect(server, await account(admin, { USD: '500000' }), format);
    expect(seller.accountId).toBe(1);
    expect(buyer.accountId).toBe(2);
    const sellerReports: ExecutionReport[] = [];
    const buyerReports: ExecutionReport[] = [];
    const trades: Trade[] = [];
    const tops: TopOfBook[] = [];
    await seller.onExecutionReport((r) => sellerReports.push(r));
    await buyer.onExecutionReport((r) => buyerReports.push(r));
    await buyer.subscribeTrades(SYMBOL, (t) => trades.push(t));
    await buyer.subscribeTopOfBook(SYMBOL, (t) => tops.push(t));

    const placed = await seller.placeOrder({ symbol: SYMBOL, side: 'sell', price: '65000.00', quantity: '1.5', clientOrderId: 'sdk-1' });
    expect(typeof placed.orderId).toBe('number');
    expect(placed).toEqual({ orderId: placed.orderId, clientOrderId: 'sdk-1', symbol: SYMBOL, side: 'sell', type: 'limit', timeInForce: 'GTC', price: '65000.00', stopPrice: undefined, quantity: '1.5000', filledQuantity: '0.0000', status: 'new', fills: [] });
    const accepted = await until(() => sellerReports.find((r) => r.execType === 'new'), 'the NEW report');
    expect(accepted).toMatchObject({ seq: 1, orderId: placed.orderId, clientOrderId: 'sdk-1', symbol: SYMBOL, side: 'sell', orderStatus: 'new', price: '65000.00', quantity: '1.5000' });
    await until(() => tops.find((t) => t.ask?.[0] === '65000.00'), 'L1 with the ask');

    const amended = await seller.amendOrder(placed.orderId, { price: '65100.00', quantity: '2' });
    expect(amended).toMatchObject({ orderId: placed.orderId, price: '65100.00', quantity: '2.0000', filledQuantity: '0.0000', status: 'new', fills: [] });
    const amendReport = await until(() => sellerReports.find((r) => r.execType === 'amended'), 'the AMENDED report');
    expect(amendReport).toMatchObject({ seq: 2, orderId: placed.orderId, price: '65100.00', quantity: '2.0000', leavesQuantity: '2.0000' });

    const bought = await buyer.placeOrder({ symbol: SYMBOL, side: 'buy', price: '65100.00', quantity: '0.5', timeInForce: 'IOC' });
    expect(bought).toMatchObject({ side: 'buy', timeInForce: 'IOC', status: 'filled', filledQuantity: '0.5000' });
    expect(bought.fills).toHaveLength(1);
    expect(bought.fills[0]).toMatchObject({ price: '65100.00', quantity: '0.5000', liquidity: 'taker', feeAsset: 'USD' });
    const tradeId = bought.fills[0]?.tradeId;
    const makerFill = await until(() => sellerReports.find((r) => r.execType === 'trade'), 'the maker TRADE report');
    expect(makerFill).toMatchObject({ seq: 3, orderId: placed.orderId, side: 'sell', lastPrice: '65100.00', lastQuantity: '0.5000', liquidity: 'maker', leavesQuantity: '1.5000', orderStatus: 'partially_filled', tradeId });
    const takerFill = await until(() => buyerReports.find((r) => r.execType === 'trade'), 'the taker TRADE report');
    expect(takerFill).toMatchObject({ orderId: bought.orderId, side: 'buy', lastQuantity: '0.5000', liquidity: 'taker', leavesQuantity: '0.0000', orderStatus: 'filled', tradeId });
    expect(await until(() => trades[0], 'the trade')).toMatchObject({ symbol: SYMBOL, tradeId, price: '65100.00', quantity: '0.5000', side: 'buy' });
    await until(() => tops.find((t) => t.ask?.[1] === '1.5000'), 'L1 after the trade');
    expect(tops.at(-1)).toMatchObject({ symbol: SYMBOL, bid: undefined, ask: ['65100.00', '1.5000'] });

    expect(await seller.cancelOrder(placed.orderId)).toEqual({ orderId: placed.orderId, status: 'cancelled' });
    const cancelled = await until(() => sellerReports.find((r) => r.execType === 'cancelled'), 'the CANCELED report');
    expect(cancelled).toMatchObject({ seq: 4, orderId: placed.orderId, orderStatus: 'cancelled', cumulativeQuantity: '0.5000', leavesQuantity: '0.0000' });
    await until(() => tops.find((t) => t.ask === undefined && t.seq > placed.orderId), 'L1 with an empty book');

    // Refusals: the venue's code, name and message, as a KapitaError.
    const unknown = await seller.cancelOrder(placed.orderId).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(KapitaError);
    expect(unknown).toMatchObject({ code: 3001, name: 'UNKNOWN_ORDER' });
    await expect(seller.placeOrder({ symbol: SYMBOL, side: 'sell', price: '65000.001', quantity: '1' })).rejects.toMatchObject({ code: 1007, name: 'PRICE_NOT_ON_TICK' });
    await expect(seller.subscribeTrades('NOPE-USD', () => undefined)).rejects.toMatchObject({ code: 1001, name: 'UNKNOWN_INSTRUMENT' });

    // Mass cancel answers the ids and reports each cancel.
    const a = await seller.placeOrder({ symbol: SYMBOL, side: 'sell', price: '66000.00', quantity: '0.1' });
    const b = await seller.placeOrder({ symbol: SYMBOL, side: 'sell', price: '66100.00', quantity: '0.2' });
    expect((await seller.massCancel(SYMBOL)).sort((x, y) => x - y)).toEqual([a.orderId, b.orderId]);
    await until(() => sellerReports.filter((r) => r.execType === 'cancelled').length === 3, 'two more CANCELED reports');
    expect(sellerReports.map((r) => r.seq)).toEqual(sellerReports.map((_, i) => i + 1));
    expect(await seller.massCancel()).toEqual([]);
  });

  it('rebuilds the L2 book from snapshot + updates, equal to GET /v1/book while levels are created, changed and removed on both sides', async () => {
    const { server, admin } = await venue();
    const maker = await connect(server, await account(admin, { USD: '1000000', BTC: '10' }), format);
    const taker = await connect(server, await account(admin, { USD: '1000000', BTC: '10' }), format);
    let changes = 0;
    const book = await maker.subscribeBook(SYMBOL, () => changes++);
    expect(book.stale).toBe(false);
    expect(book.seq).toBe(0);
    expect([book.bids(), book.asks()]).toEqual([[], []]);

    const bid1 = await maker.placeOrder({ symbol: SYMBOL, side: 'buy', price: '64000.00', quantity: '1' });
    const bid2 = await maker.placeOrder({ symbol: SYMBOL, side: 'buy', price: '64000.00', quantity: '0.5' });
    const bid3 = await maker.placeOrder({ symbol: SYMBOL, side: 'buy', price: '63900.00', quantity: '2' });
    await maker.placeOrder({ symbol: SYMBOL, side: 'sell', price: '65000.00', quantity: '1' });
    const ask2 = await maker.placeOrder({ symbol: SYMBOL, side: 'sell', price: '65100.00', quantity: '0.3' });
    const ask3 = await maker.placeOrder({ symbol: SYMBOL, side: 'sell', price: '65000.00', quantity: '0.7' });
    await until(() => book.seq === ask3.orderId, 'the sixth update');
    expect((await convergesToRest(server, book)).bids).toEqual([
      ['64000.00', '1.5000'],
      ['63900.00', '2.0000'],
    ]);
    expect(book.asks()).toEqual([
      ['65000.00', '1.7000'],
      ['65100.00', '0.3000'],
    ]);

    await maker.amendOrder(bid3.orderId, { price: '63950.00' }); // moves a level
    await maker.cancelOrder(ask2.orderId); // removes a level
    expect(await taker.placeOrder({ symbol: SYMBOL, side: 'buy', price: '65000.00', quantity: '1.7' })).toMatchObject({ status: 'filled' }); // takes a whole level
    expect(await taker.placeOrder({ symbol: SYMBOL, side: 'sell', price: '64000.00', quantity: '1' })).toMatchObject({ status: 'filled' }); // part of a level
    await maker.placeOrder({ symbol: SYMBOL, side: 'sell', price: '66500.00', quantity: '1', displayQuantity: '0.1' }); // an iceberg shows 0.1
    await taker.placeOrder({ symbol: SYMBOL, side: 'buy', price: '63000.00', quantity: '0.2' });
    const shrunk = await maker.amendOrder(bid2.orderId, { quantity: '0.25' });
    expect(shrunk).toMatchObject({ quantity: '0.2500', status: 'new' });
    const rest = await convergesToRest(server, book);
    expect(rest).toMatchObject({
      bids: [
        ['64000.00', '0.2500'],
        ['63950.00', '2.0000'],
        ['63000.00', '0.2000'],
      ],
      asks: [['66500.00', '0.1000']],
    });

    const cancelled = await maker.massCancel(SYMBOL);
    expect(cancelled).toHaveLength(3);
    expect(cancelled).not.toContain(bid1.orderId); // filled by the taker
    expect(await convergesToRest(server, book)).toMatchObject({ bids: [['63000.00', '0.2000']], asks: [] });
    expect(book.gapsDetected).toBe(0);
    expect(book.gapsRecovered).toBe(0);
    expect(changes).toBeGreaterThanOrEqual(14); // the snapshot and at least one update per book-changing command
  });

  it('detects a gap (a dropped update, an injected one), resubscribes and converges to GET /v1/book again', async () => {
    const { server, admin } = await venue();
    let dropNextUpdate = false;
    let dropped = 0;
    let snapshots = 0;
    const dropInbound = (message: Envelope): boolean => {
      if (message.body === 'bookSnapshot') snapshots++;
      if (dropNextUpdate && message.body === 'bookUpdate') {
        dropNextUpdate = false;
        dropped++;
        return true;
      }
      return false;
    };
    const client = await connect(server, await account(admin, { USD: '1000000', BTC: '10' }), format, { dropInbound });
    const book = await client.subscribeBook(SYMBOL);
    expect(snapshots).toBe(1);
    await client.placeOrder({ symbol: SYMBOL, side: 'buy', price: '64000.00', quantity: '1' });
    const ask = await client.placeOrder({ symbol: SYMBOL, side: 'sell', price: '65000.00', quantity: '1' });
    await until(() => book.seq === ask.orderId, 'two updates');
    await convergesToRest(server, book);

    // 1. A frame is lost: the book does not know it yet (nothing chains until the next update).
    dropNextUpdate = true;
    const missed = await client.placeOrder({ symbol: SYMBOL, side: 'buy', price: '64100.00', quantity: '0.5' });
    await until(() => dropped === 1, 'the dropped update');
    expect(book.seq).toBe(ask.orderId);
    expect(book.bids()).toEqual([['64000.00', '1.0000']]);
    expect((await restBook(server)).bids).toEqual([
      ['64100.00', '0.5000'],
      ['64000.00', '1.0000'],
    ]);
    // The next update's prevSeq is the missed one's seq: a gap; the book resubscribes and takes the new snapshot.
    const next = await client.placeOrder({ symbol: SYMBOL, side: 'sell', price: '65200.00', quantity: '0.4' });
    expect(missed.orderId).toBeLessThan(next.orderId);
    await until(() => book.gapsRecovered === 1 && !book.stale, 'recovery from the dropped update');
    expect(book.gapsDetected).toBe(1);
    expect(snapshots).toBe(2);
    expect(book.seq).toBe(next.orderId);
    expect(await convergesToRest(server, book)).toMatchObject({
      bids: [
        ['64100.00', '0.5000'],
        ['64000.00', '1.0000'],
      ],
      asks: [
        ['65000.00', '1.0000'],
        ['65200.00', '0.4000'],
      ],
    });

    // 2. An update that does not chain, injected into the apply path: not applied, and recovered.
    const seqBefore = book.seq;
    expect(book.applyUpdate({ seq: seqBefore + 10, prevSeq: seqBefore + 9, changes: [{ side: 'buy', price: '1.00', quantity: '9.0000' }] })).toBe('gap');
    expect(book.stale).toBe(true);
    await until(() => book.gapsRecovered === 2 && !book.stale, 'recovery from the injected update');
    expect(book.gapsDetected).toBe(2);
    expect(snapshots).toBe(3);
    expect(book.seq).toBe(seqBefore);
    expect(book.bids().map(([price]) => price)).toEqual(['64100.00', '64000.00']);

    // Updates chain again after the recovery.
    const after = await client.placeOrder({ symbol: SYMBOL, side: 'buy', price: '63500.00', quantity: '0.3' });
    await until(() => book.seq === after.orderId, 'the update after recovery');
    expect((await convergesToRest(server, book)).bids).toEqual([
      ['64100.00', '0.5000'],
      ['64000.00', '1.0000'],
      ['63500.00', '0.3000'],
    ]);
    expect(book.gapsDetected).toBe(2);
  });

  it('refreshes the token before expiry and stays open past the first token\'s expiry, where a connection without refresh is closed (4401)', async () => {
    // The venue's clock jumps 55 s right after each client gets its first token, so that token has
    // 5 s left on the venue's clock when the client sends it.
    let skew = 0;
    const { server, admin } = await venue(() => Date.now() + skew);
    const controlCredentials = await account(admin, { USD: '100000' });
    const credentials = await account(admin, { USD: '100000' });

    const control = await connect(server, controlCredentials, format, {
      autoRefresh: false,
      fetch: fetchReportingFirstToken(() => {
        skew += 55_000;
      }),
    });
    const controlClose = new Promise<{ code: number; reason: string }>((resolve) => {
      control.onClose((code, reason) => {
        resolve({ code, reason });
      });
    });

    let firstExpiry = 0;
    const client = await connect(server, credentials, format, {
      fetch: fetchReportingFirstToken((expiresAt) => {
        firstExpiry = expiresAt;
        skew += 55_000;
      }),
    });
    expect(client.serverClockOffsetMs).toBeGreaterThan(109_000);
    expect(client.serverClockOffsetMs).toBeLessThan(111_000);
    // 5 s left, under the 10 s margin: the client refreshes at once, on the venue's clock.
    await until(() => client.authentications >= 2, 'the refresh');
    expect(client.tokenExpiresAtMs - firstExpiry).toBeGreaterThanOrEqual(55_000);
    expect(client.tokenExpiresAtMs - firstExpiry).toBeLessThanOrEqual(56_000);

    // The control connection, which does not refresh, is closed when its token expires.
    const closed = await Promise.race([
      controlClose,
      new Promise<undefined>((resolve) => {
        setTimeout(() => {
          resolve(undefined);
        }, 10_000);
      }),
    ]);
    expect(closed).toEqual({ code: 4401, reason: 'token expired: authenticate again before expiry' });
    expect(control.isOpen).toBe(false);
    const late = await control.ping().catch((e: unknown) => e);
    expect(late).toBeInstanceOf(KapitaConnectionError);
    expect(late).toMatchObject({ closeCode: 4401 });

    // Past the first token's expiry on the venue's clock, the refreshed connection still works.
    await until(() => Date.now() + skew > firstExpiry + 1_000, "the venue's clock to pass the first token's expiry", 10_000);
    expect(client.isOpen).toBe(true);
    expect((await client.ping()).serverTimeMs).toBeGreaterThan(firstExpiry);
    expect(await client.placeOrder({ symbol: SYMBOL, side: 'buy', price: '1000.00', quantity: '0.1' })).toMatchObject({ status: 'new', quantity: '0.1000' });
    expect(client.authentications).toBe(2);
  });

  it('times out a request without an answer, refuses a bad key, and rejects pending requests on close', async () => {
    const { server, admin } = await venue();
    const credentials = await account(admin, {});
    const refused = await KapitaClient.connect({ url: server.url, keyId: credentials.keyId, secret: 'not-the-secret', format }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(KapitaError);
    expect(refused).toMatchObject({ code: 4006, name: 'BAD_SIGNATURE' });

    let dropPongs = false;
    const client = await connect(server, credentials, format, { requestTimeoutMs: 300, dropInbound: (m) => dropPongs && m.body === 'pong' });
    dropPongs = true;
    const started = Date.now();
    const timedOut = await client.ping().catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(KapitaTimeoutError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    dropPongs = false;
    expect((await client.ping()).roundTripMs).toBeLessThan(300);

    dropPongs = true;
    const pending = client.ping().catch((e: unknown) => e);
    await client.close();
    expect(await pending).toBeInstanceOf(KapitaConnectionError);
    expect(client.isOpen).toBe(false);
    await expect(client.massCancel()).rejects.toBeInstanceOf(KapitaConnectionError);
  });
});
