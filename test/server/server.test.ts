// The venue end to end over real sockets: a server in its own data directory (pipeline threads,
// journal, snapshots), clients that sign token requests with their API keys, orders that cross,
// balances, idempotent retries, refusals of other accounts and bad credentials, expiry, and a
// restart that keeps the state.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { signRequest } from '../../src/auth/auth.js';
import { RestClient } from '../../src/auth/client.js';
import { type RunningServer, startServer } from '../../src/server/server.js';
import { DEFAULT_CONFIG, parseVenueConfig, type VenueConfig, VenueConfigError } from '../../src/server/venue-config.js';

const CONFIG: VenueConfig = { ...DEFAULT_CONFIG, capacity: { maxOrders: 2000, maxLevels: 500 }, snapshotIntervalMs: 50, server: { ...DEFAULT_CONFIG.server, host: '127.0.0.1', port: 0, plaintext: true }, fix: null };

const dirs: string[] = [];
const servers: RunningServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(dataDir: string, now?: () => number): Promise<RunningServer> {
  const server = await startServer({ dataDir, config: CONFIG, say: () => undefined, ...(now === undefined ? {} : { now }) });
  servers.push(server);
  return server;
}

function tempData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kapita-server-'));
  dirs.push(dir);
  return dir;
}

function adminOf(server: RunningServer, dataDir: string): RestClient {
  return new RestClient(server.url, JSON.parse(readFileSync(join(dataDir, 'admin-key.json'), 'utf8')) as { keyId: string; secret: string });
}

async function account(admin: RestClient, name: string, deposits: Record<string, string>): Promise<{ client: RestClient; accountId: number; keyId: string; secret: string }> {
  const reply = await admin.call('POST', '/v1/admin/accounts', { name, deposits });
  expect(reply.status).toBe(201);
  const body = reply.body as { accountId: number; keyId: string; secret: string };
  return { client: new RestClient(admin.baseUrl, body), ...body };
}

interface Order {
  orderId: number;
  status: string;
  filledQuantity: string;
  fills: { price: string; quantity: string; liquidity: string; fee: string }[];
}

describe('the venue over HTTP', () => {
  it('trades between two funded accounts, shows balances and the book, and answers a retried POST of a filled order with its final state', async () => {
    const dataDir = tempData();
    const server = await start(dataDir);
    expect(statSync(join(dataDir, 'admin-key.json')).mode & 0o777).toBe(0o600);
    const admin = adminOf(server, dataDir);
    const seller = await account(admin, 'seller', { BTC: '3' });
    const buyer = await account(admin, 'buyer', { USD: '500000' });

    const ask = await seller.client.call('POST', '/v1/orders', { symbol: 'BTC-USD', side: 'sell', price: '65000.00', quantity: '1.5', clientOrderId: 'ask-1' });
    expect(ask.status).toBe(201);
    expect(ask.body).toMatchObject({ status: 'new', price: '65000.00', quantity: '1.5000', clientOrderId: 'ask-1' });
    const bid = await buyer.client.call('POST', '/v1/orders', { symbol: 'BTC-USD', side: 'buy', price: '65100.00', quantity: '2' });
    const order = bid.body as Order;
    expect(order.status).toBe('partially_filled');
    expect(order.filledQuantity).toBe('1.5000');
    // 1.5 × 65,000 = 97,500 USD; taker fee 5 bp = 48.75 USD.
    expect(order.fills).toEqual([{ tradeId: 1, price: '65000.00', quantity: '1.5000', liquidity: 'taker', fee: '48.750000', feeAsset: 'USD' }]);

    const book = await buyer.client.call('GET', '/v1/book/BTC-USD?depth=5', undefined, false);
    expect(book.body).toMatchObject({ symbol: 'BTC-USD', bids: [['65100.00', '0.5000']], asks: [] });
    const balances = (await buyer.client.call('GET', '/v1/account')).body as { balances: { asset: string; total: string; held: string }[] };
    const usd = balances.balances.find((b) => b.asset === 'USD');
    // 500,000 − 97,500 − 48.75 = 402,451.25; the rest (0.5 at 65,100 + fee bound per lot) is held.
    expect(usd?.total).toBe('402451.250000');
    expect(usd?.held).toBe('32566.275000');

    // The retry of ask-1 (filled by now) places nothing: 200 with the order's final state, and no second order rests.
    const retry = await seller.client.call('POST', '/v1/orders', { symbol: 'BTC-USD', side: 'sell', price: '65000.00', quantity: '1.5', clientOrderId: 'ask-1' });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ orderId: (ask.body as Order).orderId, clientOrderId: 'ask-1', status: 'filled', filledQuantity: '1.5000' });
    expect((await seller.client.call('GET', '/v1/orders')).body).toEqual([]);
    expect((await buyer.client.call('GET', '/v1/trades/BTC-USD', undefined, false)).body).toMatchObject([{ tradeId: 1, price: '65000.00', quantity: '1.5000', side: 'buy' }]);
    // Each side sees its own fill: the seller was the maker (1 bp: 9.75 USD).
    expect((await seller.client.call('GET', '/v1/fills')).body).toMatchObject([{ tradeId: 1, side: 'sell', liquidity: 'maker', fee: '9.750000', symbol: 'BTC-USD' }]);
    expect((await buyer.client.call('GET', '/v1/fills?symbol=BTC-USD')).body).toMatchObject([{ tradeId: 1, side: 'buy', liquidity: 'taker', fee: '48.750000' }]);
    const candles = (await buyer.client.call('GET', '/v1/candles/BTC-USD?interval=1m', undefined, false)).body;
    expect(candles).toMatchObject([{ open: '65000.00', high: '65000.00', low: '65000.00', close: '65000.00', volume: '1.5000', trades: 1 }]);

    // Amend the resting remainder: a lower price keeps it resting; crossing a new ask fills it.
    const amended = await buyer.client.call('PATCH', `/v1/orders/${order.orderId}`, { price: '64900.00' });
    expect(amended.body).toMatchObject({ orderId: order.orderId, price: '64900.00', status: 'partially_filled', fills: [] });
    expect((await buyer.client.call('PATCH', `/v1/orders/${order.orderId}`, { price: '64900.001' })).status).toBe(400);
    await seller.client.call('POST', '/v1/orders', { symbol: 'BTC-USD', side: 'sell', price: '64950.00', quantity: '0.5' });
    const crossed = await buyer.client.call('PATCH', `/v1/orders/${order.orderId}`, { price: '64950.00' });
    expect(crossed.body).toMatchObject({ orderId: order.orderId, status: 'filled', fills: [{ price: '64950.00', quantity: '0.5000', liquidity: 'taker' }] });
    // Closed orders can be read back: the buyer's (filled by the amend) and the seller's first ask.
    expect((await buyer.client.call('GET', `/v1/orders/${order.orderId}`)).body).toMatchObject({ status: 'filled', price: '64950.00', quantity: '2.0000', filledQuantity: '2.0000' });
    expect((await seller.client.call('GET', '/v1/orders?status=closed')).body).toMatchObject([{ status: 'filled', quantity: '0.5000' }, { orderId: (ask.body as Order).orderId, clientOrderId: 'ask-1', status: 'filled', filledQuantity: '1.5000' }]);
    expect((await seller.client.call('GET', `/v1/orders/${order.orderId}`)).status).toBe(404);
  });

  it('refuses bad input with numbered errors and changes nothing', async () => {
    const dataDir = tempData();
    const server = await start(dataDir);
    const admin = adminOf(server, dataDir);
    const trader = await account(admin, 't', { USD: '1000' });
    const cases: [unknown, number, string][] = [
      [{ symbol: 'BTC-USD', side: 'buy', price: '65000.001', quantity: '1' }, 400, 'PRICE_NOT_ON_TICK'],
      [{ symbol: 'BTC-USD', side: 'buy', price: '65000', quantity: '0.00001' }, 400, 'QUANTITY_NOT_ON_LOT'],
      [{ symbol: 'NOPE-USD', side: 'buy', price: '1', quantity: '1' }, 404, 'UNKNOWN_INSTRUMENT'],
      [{ symbol: 'BTC-USD', side: 'up', price: '1', quantity: '1' }, 400, 'INVALID_SIDE'],
      [{ symbol: 'BTC-USD', side: 'buy', price: 1, quantity: '1' }, 400, 'INVALID_REQUEST'],
      [{ symbol: 'BTC-USD', side: 'buy', price: '1', quantity: '1', colour: 'red' }, 400, 'INVALID_REQUEST'],
      [{ symbol: 'BTC-USD', side: 'buy', price: '65000', quantity: '1' }, 422, 'INSUFFICIENT_BALANCE'],
      [{ symbol: 'BTC-USD', side: 'buy', type: 'market', quantity: '0.01' }, 422, 'NO_LIQUIDITY'],
    ];
    for (const [body, status, name] of cases) {
      const reply = await trader.client.call('POST', '/v1/orders', body);
      expect([reply.status, (reply.body as { error: { name: string } }).error.name]).toEqual([status, name]);
    }
    const state = (await trader.client.call('GET', '/v1/account')).body as { balances: { asset: string; held: string }[]; openOrders: number };
    expect(state.openOrders).toBe(0);
    expect(state.balances.find((b) => b.asset === 'USD')?.held).toBe('0.000000');
  });

  it("keeps accounts apart: another account's order is not found, admin endpoints need an admin key", async () => {
    const dataDir = tempData();
    const server = await start(dataDir);
    const admin = adminOf(server, dataDir);
    const alice = await account(admin, 'alice', { USD: '100000' });
    const mallory = await account(admin, 'mallory', { USD: '100000' });
    const placed = (await alice.client.call('POST', '/v1/orders', { symbol: 'BTC-USD', side: 'buy', price: '60000', quantity: '1' })).body as Order;
    expect((await mallory.client.call('GET', `/v1/orders/${placed.orderId}`)).status).toBe(404);
    expect((await mallory.client.call('DELETE', `/v1/orders/${placed.orderId}`)).status).toBe(404);
    expect((await alice.client.call('GET', `/v1/orders/${placed.orderId}`)).body).toMatchObject({ orderId: placed.orderId, status: 'new' });
    // Admin routes take only issued account ids: "abc" would otherwise reach the core as account 0, the venue default.
    for (const id of ['abc', '-1', '1.5', '4294967296', '999']) {
      const refused = await admin.call('PUT', `/v1/admin/accounts/${id}/limits`, { limit: 'maxOpenOrders', value: 1 });
      expect([refused.status, (refused.body as { error: { name: string } }).error.name]).toEqual([400, 'INVALID_ACCOUNT']);
    }
    // A bad deposit refuses the whole account creation: no account, no key.
    const badDeposit = await admin.call('POST', '/v1/admin/accounts', { name: 'x', deposits: { USD: '10', XYZ: '1' } });
    expect([badDeposit.status, (badDeposit.body as { error: { name: string } }).error.name]).toEqual([400, 'UNKNOWN_ASSET']);
    expect(server.keys.isIssued(3)).toBe(false);
    expect((await alice.client.call('POST', '/v1/orders', { symbol: 'BTC-USD', side: 'buy', price: '60001', quantity: '0.1' })).status).toBe(201);
    const forbidden = await mallory.client.call('POST', '/v1/admin/accounts', { name: 'x' });
    expect([forbidden.status, (forbidden.body as { error: { name: string } }).error.name]).toEqual([403, 'FORBIDDEN']);
    expect((await alice.client.call('DELETE', `/v1/orders/${placed.orderId}`)).body).toEqual({ orderId: placed.orderId, status: 'cancelled' });
    // Closed, it can still be read back by its owner only.
    expect((await alice.client.call('GET', `/v1/orders/${placed.orderId}`)).body).toMatchObject({ orderId: placed.orderId, status: 'cancelled' });
    expect((await mallory.client.call('GET', `/v1/orders/${placed.orderId}`)).status).toBe(404);
    // Mass cancel scoped to one side: the open buy at 60001 stays through a cancel of the sells.
    expect((await alice.client.call('DELETE', '/v1/orders?symbol=BTC-USD&side=up')).status).toBe(400);
    expect((await alice.client.call('DELETE', '/v1/orders?side=sell')).body).toEqual({ cancelled: [] });
    expect(((await alice.client.call('DELETE', '/v1/orders?symbol=BTC-USD&side=buy')).body as { cancelled: number[] }).cancelled).toHaveLength(1);
  });

  it('refuses a stale timestamp, a reused nonce, a bad signature, an unknown key (as a bad signature), no token and an expired token', async () => {
    const dataDir = tempData();
    let skewMs = 0;
    const server = await start(dataDir, () => Date.now() + skewMs);
    const admin = adminOf(server, dataDir);
    const trader = await account(admin, 't', {});
    const raw = new RestClient(server.url, undefined);
    const ask = async (keyId: string, secret: string, timestamp: number, nonce: string): Promise<[number, string]> => {
      const reply = await raw.call('POST', '/v1/auth/token', { keyId, timestamp, nonce, signature: signRequest(secret, keyId, timestamp, nonce) }, false);
      return [reply.status, reply.status === 200 ? 'OK' : (reply.body as { error: { name: string } }).error.name];
    };
    const nonce = randomBytes(8).toString('hex');
    expect(await ask(trader.keyId, trader.secret, Date.now() - 31_000, nonce)).toEqual([401, 'STALE_TIMESTAMP']);
    expect(await ask(trader.keyId, trader.secret, Date.now(), nonce)).toEqual([200, 'OK']);
    expect(await ask(trader.keyId, trader.secret, Date.now(), nonce)).toEqual([401, 'NONCE_REUSED']);
    expect(await ask(trader.keyId, 'not-the-secret', Date.now(), randomBytes(8).toString('hex'))).toEqual([401, 'BAD_SIGNATURE']);
    // An unknown key id is answered as a bad signature: the answer does not tell which key ids exist.
    expect(await ask('kunknown', trader.secret, Date.now(), randomBytes(8).toString('hex'))).toEqual([401, 'BAD_SIGNATURE']);
    const anonymous = await raw.call('GET', '/v1/account', undefined, false);
    expect([anonymous.status, (anonymous.body as { error: { name: string } }).error.name]).toEqual([401, 'UNAUTHENTICATED']);

    const token = await trader.client.authenticate();
    const withToken = async (): Promise<[number, string]> => {
      const response = await fetch(`${server.url}/v1/account`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await response.json()) as { error?: { name: string } };
      return [response.status, body.error?.name ?? 'OK'];
    };
    expect(await withToken()).toEqual([200, 'OK']);
    skewMs = 66_000; // past the 60 s lifetime and the 5 s skew allowance
    expect(await withToken()).toEqual([401, 'TOKEN_EXPIRED']);
    const tampered = `${token.slice(0, -4)}AAAA`;
    skewMs = 0;
    const response = await fetch(`${server.url}/v1/account`, { headers: { authorization: `Bearer ${tampered}` } });
    expect([response.status, ((await response.json()) as { error: { name: string } }).error.name]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('keeps balances, open orders and keys across a restart', async () => {
    const dataDir = tempData();
    const first = await start(dataDir);
    const admin = adminOf(first, dataDir);
    const trader = await account(admin, 't', { USD: '100000', BTC: '1' });
    const placed = (await trader.client.call('POST', '/v1/orders', { symbol: 'BTC-USD', side: 'sell', price: '70000', quantity: '0.25' })).body as Order;
    const before = (await trader.client.call('GET', '/v1/account')).body;
    await first.stop();
    servers.splice(servers.indexOf(first), 1);

    const second = await start(dataDir);
    const again = new RestClient(second.url, { keyId: trader.keyId, secret: trader.secret });
    expect((await again.call('GET', '/v1/account')).body).toEqual(before);
    expect((await again.call('GET', '/v1/orders')).body).toMatchObject([{ orderId: placed.orderId, price: '70000.00', quantity: '0.2500', status: 'new' }]);
    // The sequence continues where the journal ended.
    const next = (await again.call('POST', '/v1/orders', { symbol: 'BTC-USD', side: 'sell', price: '71000', quantity: '0.25' })).body as Order;
    expect(next.orderId).toBeGreaterThan(placed.orderId);
    // An order from before the restart, closed after it, keeps its side and price in its final
    // state: the tracker followed the recovered book's orders at start.
    expect((await again.call('DELETE', `/v1/orders/${placed.orderId}`)).status).toBe(200);
    expect((await again.call('GET', `/v1/orders/${placed.orderId}`)).body).toMatchObject({ orderId: placed.orderId, side: 'sell', type: 'limit', price: '70000.00', quantity: '0.2500', status: 'cancelled' });
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document generated from the route schemas, and a docs page', async () => {
    const server = await start(tempData());
    const doc = (await (await fetch(`${server.url}/v1/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, { security?: unknown; requestBody?: unknown; tags?: string[] }>> };
    expect(doc.openapi).toBe('3.1.0');
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    for (const route of ['GET /v1/book/{symbol}', 'POST /v1/auth/token', 'POST /v1/orders', 'PATCH /v1/orders/{id}', 'DELETE /v1/orders', 'GET /v1/account', 'PUT /v1/admin/accounts/{id}/limits']) expect(routes).toContain(route);
    expect(doc.paths['/v1/orders']?.['post']?.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/v1/orders']?.['post']?.requestBody).toBeDefined();
    expect(routes).not.toContain('GET /metrics');
    const page = await fetch(`${server.url}/docs/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/swagger/i);
  });
});

describe('metrics', () => {
  it('exposes commands by result, rejects by code, round trips, HTTP requests, ring depths and journal lag at /metrics', async () => {
    const dataDir = tempData();
    const server = await start(dataDir);
    const admin = adminOf(server, dataDir);
    const trader = await account(admin, 't', { USD: '1000' });
    await trader.client.call('POST', '/v1/orders', { symbol: 'BTC-USD', side: 'buy', price: '100.00', quantity: '1' });
    await trader.client.call('POST', '/v1/orders', { symbol: 'BTC-USD', side: 'buy', price: '65000.00', quantity: '1' });
    const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${await admin.authenticate()}` } });
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^kapita_commands_total\{kind="place",result="ok"\} 1$/m);
    expect(text).toMatch(/^kapita_commands_total\{kind="place",result="INSUFFICIENT_BALANCE"\} 1$/m);
    expect(text).toMatch(/^kapita_commands_total\{kind="deposit",result="ok"\} 1$/m);
    expect(text).toMatch(/^kapita_rejects_total\{code="2001 INSUFFICIENT_BALANCE"\} 1$/m);
    expect(text).toMatch(/^kapita_command_round_trip_seconds_count\{kind="place"\} 2$/m);
    expect(text).toMatch(/^kapita_http_request_seconds_count\{method="POST",route="\/v1\/orders",status="201"\} 1$/m);
    expect(text).toMatch(/^kapita_ring_pending\{ring="input"\} \d+$/m);
    expect(text).toMatch(/^kapita_journal_lag_commands \d+$/m);
    expect(text).toMatch(/^kapita_durable_seq 3$/m);
  });
});

describe('venue config', () => {
  it.each([
    [{ instruments: [] }, 'instruments'],
    [{ capacity: { maxOrders: 0, maxLevels: 10 } }, 'capacity.maxOrders'],
    [{ durability: 'sometimes' }, 'durability'],
    [{ server: { port: 70000 } }, 'server.port'],
    [{ colour: 'red' }, 'colour'],
    [{ risk: { fees: { 'BTC-USD': { makerBps: 0, takerBps: 5000 } } } }, 'risk.fees.BTC-USD.takerBps'],
    [{ instruments: [{ ...DEFAULT_CONFIG.instruments[0], tickSize: 'abc' }] }, 'instruments[0].BTC-USD.tickSize'],
    [{ server: { tls: { certFile: 'a.pem' } } }, 'server.tls.keyFile'],
    [{ server: { hostnames: ['ok', ''] } }, 'server.hostnames'],
    [{ server: { host: '0.0.0.0', plaintext: true } }, 'server.plaintext'],
    [{ edge: { connectionsPerIp: 0 } }, 'edge.connectionsPerIp'],
    [{ edge: { banHours: 1 } }, 'edge.banHours'],
    [{ edge: { handshakeTimeoutMs: 60_000, requestTimeoutMs: 30_000 } }, 'edge.handshakeTimeoutMs'],
    [{ security: { webauthn: { origins: ['localhost:8443'] } } }, 'security.webauthn.origins'],
    [{ security: { sessionHours: 0 } }, 'security.sessionHours'],
    [{ idempotency: { closedOrdersPerAccount: 0 } }, 'idempotency.closedOrdersPerAccount'],
    [{ idempotency: { keepForever: true } }, 'idempotency.keepForever'],
    [{ server: { metricsPort: 'yes' } }, 'server.metricsPort'],
    [{ fix: { port: -1 } }, 'fix.port'],
    [{ fix: { senderCompId: 'two words' } }, 'fix.senderCompId'],
    [{ fix: 'on' }, 'fix'],
    [{ fix: { sessions: {} } }, 'fix.sessions'],
    [{ fix: { sessions: [{ senderCompId: 'DESK', account: 0 }] } }, 'fix.sessions[0].account'],
    [{ fix: { sessions: [{ account: 3 }] } }, 'fix.sessions[0].senderCompId'],
    [{ fix: { sessions: [{ senderCompId: 'DESK', account: 3 }, { senderCompId: 'DESK', account: 4 }] } }, 'fix.sessions[1].senderCompId'],
    [{ fix: { sessions: [{ senderCompId: 'DESK', account: 3, resetOnLogon: 'yes' }] } }, 'fix.sessions[0].resetOnLogon'],
    [{ fix: { sessions: [{ senderCompId: 'DESK', account: 3, password: 'x' }] } }, 'fix.sessions[0].password'],
  ])('names the bad field: %j', (raw, field) => {
    expect(() => parseVenueConfig(raw)).toThrow(VenueConfigError);
    try {
      parseVenueConfig(raw);
    } catch (error) {
      expect((error as VenueConfigError).field).toBe(field);
    }
  });

  it('accepts the embedded default', () => {
    expect(parseVenueConfig(DEFAULT_CONFIG)).toEqual(DEFAULT_CONFIG);
  });

  it('fills in the unset settings of a FIX counterparty', () => {
    expect(parseVenueConfig({ fix: { sessions: [{ senderCompId: 'DESK', account: 3, cancelOnDisconnect: true }] } }).fix?.sessions).toEqual([
      { senderCompId: 'DESK', account: 3, resetOnLogon: false, cancelOnDisconnect: true, maxHeartBtIntSec: 3600 },
    ]);
  });
});
