// Idempotency through every gateway and across a restart (issue 13, findings 6 and 7). The
// (account, clientOrderId) and (account, depositId) keys live in the core's own state, so a retry is
// answered the same whether it comes over REST, WebSocket or FIX, before or after the venue
// restarts, and one account's traffic cannot push out another's ids.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dumpCommand } from '../../src/cli/journal-commands.js';
import { pb } from '../../src/protocol/wire.js';
import { type Credentials, type Reply, RestClient } from '../../src/auth/client.js';
import { type RunningServer, startServer } from '../../src/server/server.js';
import { DEFAULT_CONFIG, type VenueConfig } from '../../src/server/venue-config.js';
import { closeFixVenues, Session } from '../support/fix-venue.js';
import { closeWsClients, WsClient } from '../support/ws-client.js';

const CONFIG: VenueConfig = {
  ...DEFAULT_CONFIG,
  capacity: { maxOrders: 2000, maxLevels: 500 },
  snapshotIntervalMs: 50,
  server: { ...DEFAULT_CONFIG.server, host: '127.0.0.1', port: 0, tls: 'auto', plaintext: false },
  fix: { port: 0, senderCompId: 'KAPITA', sessions: [] },
};

const dirs: string[] = [];
const servers: RunningServer[] = [];
afterEach(async () => {
  closeWsClients();
  await closeFixVenues();
  for (const server of servers.splice(0)) await server.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Venue {
  readonly server: RunningServer;
  readonly dataDir: string;
  readonly admin: RestClient;
}

async function start(dataDir: string, config: VenueConfig = CONFIG): Promise<Venue> {
  const server = await startServer({ dataDir, config, say: () => undefined });
  servers.push(server);
  return { server, dataDir, admin: new RestClient(server.url, JSON.parse(readFileSync(join(dataDir, 'admin-key.json'), 'utf8')) as Credentials, { ca: server.ca }) };
}

async function restart(v: Venue): Promise<Venue> {
  await v.server.stop();
  servers.splice(servers.indexOf(v.server), 1);
  return start(v.dataDir);
}

async function startVenue(config: VenueConfig = CONFIG): Promise<Venue> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kapita-idempotency-'));
  dirs.push(dataDir);
  return start(dataDir, config);
}

interface Trader {
  readonly accountId: number;
  readonly key: Credentials;
  rest: RestClient;
}

async function trader(v: Venue, name: string, deposits: Record<string, string>): Promise<Trader> {
  const body = (await v.admin.call('POST', '/v1/admin/accounts', { name, deposits })).body as { accountId: number } & Credentials;
  const key = { keyId: body.keyId, secret: body.secret };
  return { accountId: body.accountId, key, rest: new RestClient(v.server.url, key, { ca: v.server.ca }) };
}

function answer(reply: Reply): { status: number; code?: number; body: Record<string, unknown> } {
  const body = reply.body as Record<string, unknown> & { error?: { code: number } };
  return body.error === undefined ? { status: reply.status, body } : { status: reply.status, code: body.error.code, body };
}

const BID = { symbol: 'BTC-USD', side: 'buy', price: '1000.00', quantity: '1' };

describe('a retried place', () => {
  it('is refused while the order is open, answered with its final state once closed, and with its first answer when rejected, across a restart', async () => {
    let v = await startVenue();
    const alice = await trader(v, 'alice', { USD: '5000' });
    const placed = answer(await alice.rest.call('POST', '/v1/orders', { ...BID, clientOrderId: 'bid-1' }));
    expect(placed).toMatchObject({ status: 201, body: { status: 'new', clientOrderId: 'bid-1' } });
    const orderId = placed.body['orderId'] as number;
    // Open: refused with its own code, naming the order; nothing else rests.
    expect(answer(await alice.rest.call('POST', '/v1/orders', { ...BID, clientOrderId: 'bid-1' }))).toMatchObject({ status: 409, code: 3010, body: { order: { orderId, status: 'new' } } });
    // Rejected first time (more than the balance): the retry is told the id was used and how it was
    // refused (3011 with the first refusal), even once the balance would cover it: nothing is placed.
    const big = { ...BID, price: '9000.00', clientOrderId: 'big-1' };
    const refusedFirst = answer(await alice.rest.call('POST', '/v1/orders', big));
    expect(refusedFirst).toMatchObject({ status: 422, code: 2001 });
    ok(await v.admin.call('POST', `/v1/admin/accounts/${alice.accountId}/deposits`, { USD: '10000' }));
    const usedUp = { status: 409, code: 3011, body: { original: { code: 2001, name: 'INSUFFICIENT_BALANCE' } } };
    expect(answer(await alice.rest.call('POST', '/v1/orders', big))).toMatchObject(usedUp);
    expect(((await alice.rest.call('GET', '/v1/orders')).body as unknown[]).length).toBe(1);

    v = await restart(v);
    alice.rest = new RestClient(v.server.url, alice.key, { ca: v.server.ca });
    // The core's table came back with the state: still open, still refused.
    expect(answer(await alice.rest.call('POST', '/v1/orders', { ...BID, clientOrderId: 'bid-1' }))).toMatchObject({ status: 409, code: 3010, body: { order: { orderId } } });
    ok(await alice.rest.call('DELETE', `/v1/orders/${orderId}`));
    // Closed: the order's final state, 200 (nothing was created), and still no second order.
    expect(answer(await alice.rest.call('POST', '/v1/orders', { ...BID, clientOrderId: 'bid-1' }))).toMatchObject({ status: 200, body: { orderId, clientOrderId: 'bid-1', status: 'cancelled', filledQuantity: '0.0000' } });
    expect((await alice.rest.call('GET', '/v1/orders')).body).toEqual([]);
    v = await restart(v);
    alice.rest = new RestClient(v.server.url, alice.key, { ca: v.server.ca });
    // After a restart the history of closed orders is gone (issue 16), the core's table is not.
    expect(answer(await alice.rest.call('POST', '/v1/orders', { ...BID, clientOrderId: 'bid-1' }))).toMatchObject({ status: 200, body: { orderId, status: 'cancelled' } });
    expect(answer(await alice.rest.call('POST', '/v1/orders', big))).toMatchObject(usedUp);
    // Over WebSocket the same answers: the final state as an OrderResponse, the first refusal as an Error.
    const ws = await WsClient.open(v.server.url, v.server.ca, 'json');
    await ws.request({ authRequest: { token: await alice.rest.authenticate() } });
    const closed = await ws.request({ placeOrder: { symbol: 'BTC-USD', side: pb.Side.SIDE_BUY, price: '1000.00', quantity: '1', clientOrderId: 'bid-1' } });
    expect({ ...closed.orderResponse, orderId: Number(closed.orderResponse?.orderId) }).toMatchObject({ orderId, clientOrderId: 'bid-1', symbol: 'BTC-USD', status: pb.OrderStatus.ORDER_STATUS_CANCELED });
    expect((await ws.request({ placeOrder: { symbol: 'BTC-USD', side: pb.Side.SIDE_BUY, price: '9000.00', quantity: '1', clientOrderId: 'big-1' } })).error).toMatchObject({ code: 3011 });
    expect((await alice.rest.call('GET', '/v1/orders')).body).toEqual([]);
  });

  it('is the same refusal through REST, WebSocket and FIX, and ids are per account', async () => {
    const v = await startVenue();
    const alice = await trader(v, 'alice', { USD: '5000' });
    const bob = await trader(v, 'bob', { USD: '5000' });
    const ws = await WsClient.open(v.server.url, v.server.ca, 'binary');
    expect((await ws.request({ authRequest: { token: await alice.rest.authenticate() } })).error ?? undefined).toBeUndefined();
    const viaWs = await ws.request({ placeOrder: { symbol: 'BTC-USD', side: pb.Side.SIDE_BUY, price: '1000.00', quantity: '1', clientOrderId: 'shared-1' } });
    const orderId = Number(viaWs.orderResponse?.orderId);
    expect(orderId).toBeGreaterThan(0);
    // The retry over WebSocket, then over REST: the same core refusal.
    expect((await ws.request({ placeOrder: { symbol: 'BTC-USD', side: pb.Side.SIDE_BUY, price: '1000.00', quantity: '1', clientOrderId: 'shared-1' } })).error).toMatchObject({ code: 3010 });
    expect(answer(await alice.rest.call('POST', '/v1/orders', { ...BID, clientOrderId: 'shared-1' }))).toMatchObject({ status: 409, code: 3010, body: { order: { orderId } } });
    // Over FIX, the same ClOrdID is a duplicate order (OrdRejReason 6) with the venue's code.
    const fixPort = v.server.fix?.port ?? 0;
    const session = await Session.logon(fixPort, 'IDEM', { accountId: alice.accountId, ...alice.key, rest: alice.rest }, [], 1, v.server.ca);
    session.order('shared-1', '1', '1', '1000.00');
    const refused = await session.report(11, 150, 103, 58);
    expect(refused).toMatchObject({ 11: 'shared-1', 150: '8', 103: '6' });
    expect(refused[58]).toMatch(/^3010 DUPLICATE_CLIENT_ORDER_ID/);
    // Another account's same id is its own.
    expect(answer(await bob.rest.call('POST', '/v1/orders', { ...BID, clientOrderId: 'shared-1' }))).toMatchObject({ status: 201 });
    expect(((await alice.rest.call('GET', '/v1/orders')).body as unknown[]).length).toBe(1);
  });

  it('forgets the oldest closed ids beyond the configured bound per account (idempotency.closedOrdersPerAccount), never another account\'s', async () => {
    const v = await startVenue({ ...CONFIG, idempotency: { closedOrdersPerAccount: 2 } });
    const alice = await trader(v, 'alice', { USD: '5000' });
    const bob = await trader(v, 'bob', { USD: '5000' });
    const placeAndCancel = async (who: Trader, clientOrderId: string): Promise<number> => {
      const orderId = answer(await who.rest.call('POST', '/v1/orders', { ...BID, clientOrderId })).body['orderId'] as number;
      ok(await who.rest.call('DELETE', `/v1/orders/${orderId}`));
      return orderId;
    };
    const bobs = await placeAndCancel(bob, 'a');
    for (const id of ['a', 'b', 'c']) await placeAndCancel(alice, id);
    // Alice's 'a' is the third-newest closed of hers: forgotten, so it places a new order; 'b' and 'c' are kept.
    expect(answer(await alice.rest.call('POST', '/v1/orders', { ...BID, clientOrderId: 'a' }))).toMatchObject({ status: 201, body: { status: 'new' } });
    expect(answer(await alice.rest.call('POST', '/v1/orders', { ...BID, clientOrderId: 'b' }))).toMatchObject({ status: 200, body: { status: 'cancelled' } });
    // Bob's own 'a' is untouched by Alice's traffic.
    expect(answer(await bob.rest.call('POST', '/v1/orders', { ...BID, clientOrderId: 'a' }))).toMatchObject({ status: 200, body: { orderId: bobs, status: 'cancelled' } });
  });

  it('refuses a clientOrderId that is not 1 to 64 printable ASCII characters before it reaches the core', async () => {
    const v = await startVenue();
    const alice = await trader(v, 'alice', { USD: '5000' });
    for (const clientOrderId of ['', 'x'.repeat(65), 'has space', 'caf\u00e9']) {
      expect(answer(await alice.rest.call('POST', '/v1/orders', { ...BID, clientOrderId }))).toMatchObject({ status: 400, code: 1026 });
    }
    expect(answer(await alice.rest.call('POST', '/v1/orders', { ...BID, clientOrderId: 'x'.repeat(64) }))).toMatchObject({ status: 201 });
  });
});

describe('a deposit', () => {
  it('credits all its assets or none, records the acting admin, and a retry by depositId credits once, across a restart', async () => {
    let v = await startVenue();
    const alice = await trader(v, 'alice', {});
    const path = `/v1/admin/accounts/${alice.accountId}/deposits`;
    const balances = async (): Promise<Record<string, string>> => {
      const view = (await alice.rest.call('GET', '/v1/account')).body as { balances: { asset: string; total: string }[] };
      return Object.fromEntries(view.balances.map((b) => [b.asset, b.total]));
    };
    // Another account holds 9·10^15 BTC units (4 decimals); a second asset that would take the venue's
    // BTC past 2^53 units refuses the whole deposit: nothing is credited, USD included.
    await trader(v, 'whale', { BTC: '900000000000' });
    const overflowing = answer(await v.admin.call('POST', path, { deposits: { USD: '100', BTC: '10000000000' }, depositId: 'd-1' }));
    expect(overflowing, JSON.stringify(overflowing)).toMatchObject({ status: 422, code: 2013 });
    expect(await balances()).toMatchObject({ USD: '0.000000', BTC: '0.0000' });
    // The refused deposit was not recorded: its corrected retry applies.
    const first = answer(await v.admin.call('POST', path, { deposits: { USD: '100', BTC: '1' }, depositId: 'd-1' }));
    expect(first).toMatchObject({ status: 200, body: { depositId: 'd-1', replayed: false } });
    const appliedAt = first.body['depositSeq'] as number;
    expect(await balances()).toMatchObject({ USD: '100.000000', BTC: '1.0000' });
    v = await restart(v);
    alice.rest = new RestClient(v.server.url, alice.key, { ca: v.server.ca });
    const retry = answer(await v.admin.call('POST', path, { deposits: { USD: '100', BTC: '1' }, depositId: 'd-1' }));
    expect(retry).toMatchObject({ status: 200, body: { depositId: 'd-1', depositSeq: appliedAt, replayed: true } });
    // An empty deposit is refused, not answered as nothing to do.
    expect(answer(await v.admin.call('POST', path, { deposits: {}, depositId: 'd-2' }))).toMatchObject({ status: 400, code: 1028 });
    // The same id with other amounts is not a retry: refused, naming the deposit that applied it.
    const reused = answer(await v.admin.call('POST', path, { deposits: { USD: '200', BTC: '1' }, depositId: 'd-1' }));
    expect(reused).toMatchObject({ status: 422, code: 2015 });
    expect(JSON.stringify(reused.body)).toContain(`applied at seq ${appliedAt}`);
    expect(await balances()).toMatchObject({ USD: '100.000000', BTC: '1.0000' });
    // The journal names the admin who made it (the first key: actor 1), every asset and the id.
    await v.server.stop();
    servers.splice(servers.indexOf(v.server), 1);
    const lines: string[] = [];
    dumpCommand(v.dataDir, 1, 1000, { out: (line) => lines.push(line), err: () => undefined });
    // The refused first attempt, the applied one and the retry are all sequenced; the applied one:
    const deposit = lines.find((line) => line.startsWith(`${appliedAt} `));
    expect(deposit, lines.join('\n')).toMatch(/DEPOSIT .*asset \d+ {2}amount 100000000 {2}asset \d+ {2}amount 10000 {2}deposit "d-1" {2}by 1 /);
  });
});

function ok(reply: Reply): unknown {
  expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(300);
  return reply.body;
}
