// Connection hygiene at the edge, over real sockets against the real server (issue 13, findings 1,
// 2 and 8): the private WebSocket channels need the scope that fits them, a WebSocket that never
// authenticates is closed by its deadline, strangers' connections have a cap of their own that
// authenticated ones do not count against, FIX keeps a share of the connections the public port
// cannot take, and execution reports reach only the account's own connections.
//
// Time is the server's injected clock, moved by the tests; every wait is for an event, generous, and
// never an assertion on elapsed time.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type Envelope, pb } from '../../src/protocol/wire.js';
import { DEFAULT_EDGE, type EdgeLimits } from '../../src/security/edge.js';
import { signRequest } from '../../src/auth/auth.js';
import { type Credentials, type Reply, RestClient } from '../../src/auth/client.js';
import { type RunningServer, startServer } from '../../src/server/server.js';
import { DEFAULT_CONFIG, type VenueConfig } from '../../src/server/venue-config.js';
import { AUTH_TIMEOUT_CLOSE } from '../../src/gateway/ws/ws-gateway.js';
import { CONFIG as FIX_CONFIG, closeFixVenues, startFixVenue } from '../support/fix-venue.js';
import { waitFor } from '../support/wait.js';
import { closeWsClients, WsClient } from '../support/ws-client.js';


const dirs: string[] = [];
const servers: RunningServer[] = [];
const sockets: WebSocket[] = [];
const rawSockets: Socket[] = [];
afterEach(async () => {
  closeWsClients();
  for (const socket of sockets.splice(0)) socket.terminate();
  for (const socket of rawSockets.splice(0)) socket.destroy();
  for (const server of servers.splice(0)) await server.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  await closeFixVenues();
});


// ---- a venue with a clock ------------------------------------------------------------------------

interface Venue {
  readonly server: RunningServer;
  readonly ca: string;
  readonly admin: Credentials;
  readonly clock: { ms: number };
  readonly http: RestClient;
}

async function startVenue(edge: Partial<EdgeLimits> = {}): Promise<Venue> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kapita-hygiene-'));
  dirs.push(dataDir);
  const clock = { ms: Math.floor(Date.now() / 1000) * 1000 };
  const config: VenueConfig = {
    ...DEFAULT_CONFIG,
    capacity: { maxOrders: 2000, maxLevels: 500 },
    snapshotIntervalMs: 50,
    server: { ...DEFAULT_CONFIG.server, host: '127.0.0.1', port: 0, tls: 'auto', plaintext: false },
    edge: { ...DEFAULT_EDGE, authFailuresBeforeBan: 1000, ...edge },
    fix: null,
  };
  const server = await startServer({ dataDir, config, say: () => undefined, now: () => clock.ms });
  servers.push(server);
  const ca = server.ca;
  if (ca === undefined) throw new Error('the server is not on TLS');
  const admin = JSON.parse(readFileSync(join(dataDir, 'admin-key.json'), 'utf8')) as Credentials;
  return { server, ca, admin, clock, http: new RestClient(server.url, undefined, { ca }) };
}

function ok(reply: Reply, status = 200): unknown {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  return reply.body;
}

async function tokenOf(v: Venue, key: Credentials): Promise<string> {
  const timestamp = v.clock.ms;
  const nonce = randomBytes(12).toString('hex');
  return (ok(await v.http.call('POST', '/v1/auth/token', { keyId: key.keyId, timestamp, nonce, signature: signRequest(key.secret, key.keyId, timestamp, nonce) }, false)) as { token: string }).token;
}

async function asAdmin(v: Venue, method: string, path: string, body?: unknown): Promise<Reply> {
  return v.http.call(method, path, body, await tokenOf(v, v.admin));
}

async function newAccount(v: Venue, name: string): Promise<{ accountId: number; key: Credentials }> {
  const body = ok(await asAdmin(v, 'POST', '/v1/admin/accounts', { name, deposits: { USD: '100000', BTC: '5' } }), 201) as { accountId: number; keyId: string; secret: string };
  return { accountId: body.accountId, key: { keyId: body.keyId, secret: body.secret } };
}

/** A key for `accountId` with exactly `scopes`, made by the admin. */
async function keyWith(v: Venue, accountId: number, scopes: string[]): Promise<Credentials> {
  return ok(await asAdmin(v, 'POST', '/v1/keys', { name: scopes.join('+'), accountId, scopes }), 201) as Credentials;
}

/** The server's idle keep-alive connections from the setup's REST calls have closed (the client agent drops them after 5 s). */
async function quiet(v: Venue): Promise<void> {
  await waitFor(() => (v.server.edge.openConnections === 0 ? true : undefined), 'the setup connections to close');
}

async function metric(v: Venue, limit: string): Promise<number> {
  const text = (await asAdmin(v, 'GET', '/metrics')).body as string;
  const line = text.split('\n').find((l) => l.startsWith(`kapita_edge_refused_total{limit="${limit}"}`));
  return line === undefined ? 0 : Number(line.split(' ').at(-1));
}

// ---- WebSocket -----------------------------------------------------------------------------------


const reports = (c: WsClient): Envelope[] => c.received.filter((e) => e.body === 'executionReport');
const balanceUpdates = (c: WsClient): Envelope[] => c.received.filter((e) => e.body === 'balanceUpdate');

// ---- raw TCP -------------------------------------------------------------------------------------

/** A TCP connection to `port` that records whether the server closed it. */
function tcp(port: number): { socket: Socket; closed: () => boolean } {
  let closed = false;
  const socket = connect({ host: '127.0.0.1', port });
  rawSockets.push(socket);
  socket.on('error', () => undefined);
  socket.on('close', () => {
    closed = true;
  });
  return { socket, closed: () => closed };
}

// ---- the tests -----------------------------------------------------------------------------------

describe('private WebSocket channels', () => {
  it('ORDERS, FILLS and BALANCES need read (a trade-only key is refused), neither a venue key nor a stranger subscribes, and reports reach only the account', async () => {
    const v = await startVenue();
    const mine = await newAccount(v, 'mine');
    const other = await newAccount(v, 'other');
    const tradeOnly = await WsClient.open(v.server.url, v.ca);
    await tradeOnly.authenticate(await tokenOf(v, await keyWith(v, mine.accountId, ['trade'])));
    const readOnly = await WsClient.open(v.server.url, v.ca);
    await readOnly.authenticate(await tokenOf(v, await keyWith(v, mine.accountId, ['read'])));
    const venueKey = await WsClient.open(v.server.url, v.ca);
    await venueKey.authenticate(await tokenOf(v, v.admin));
    const stranger = await WsClient.open(v.server.url, v.ca);
    const otherAccount = await WsClient.open(v.server.url, v.ca);
    await otherAccount.authenticate(await tokenOf(v, other.key));

    // The private channels stream the whole account's orders, fills and balances: reading, not trading.
    for (const channel of [pb.Channel.CHANNEL_ORDERS, pb.Channel.CHANNEL_FILLS, pb.Channel.CHANNEL_BALANCES]) {
      expect(await tradeOnly.subscribe(channel)).toBe(4003);
      expect(await readOnly.subscribe(channel)).toBe(0);
      expect(await venueKey.subscribe(channel)).toBe(4003);
      expect(await stranger.subscribe(channel)).toBe(4001);
      expect(await otherAccount.subscribe(channel)).toBe(0);
    }
    // A read-only key cannot trade over WebSocket either (the trading functions say so).
    const refused = await readOnly.request({ placeOrder: { symbol: 'BTC-USD', side: pb.Side.SIDE_BUY, type: pb.OrderType.ORDER_TYPE_LIMIT, price: '50000', quantity: '0.1' } });
    expect(refused.error).toMatchObject({ code: 4003, name: 'FORBIDDEN' });

    const placed = await tradeOnly.request({ placeOrder: { symbol: 'BTC-USD', side: pb.Side.SIDE_BUY, type: pb.OrderType.ORDER_TYPE_LIMIT, price: '50000', quantity: '0.1', clientOrderId: 'hygiene-1' } });
    const orderId = Number(placed.orderResponse?.orderId);
    expect(orderId).toBeGreaterThan(0);
    const report = await readOnly.next((e) => e.body === 'executionReport', 'the NEW report');
    expect(report.executionReport).toMatchObject({ execType: pb.ExecType.EXEC_TYPE_NEW, clientOrderId: 'hygiene-1' });
    expect(Number(report.executionReport?.orderId)).toBe(orderId);
    await readOnly.next((e) => e.body === 'balanceUpdate' && balanceUpdates(readOnly).length === 2, 'the hold in a balance update');
    // Published in the same turn to every connection: after these round trips, nothing more is coming.
    for (const bystander of [otherAccount, stranger, venueKey, tradeOnly]) await bystander.settle();
    expect(reports(tradeOnly)).toEqual([]);
    expect(reports(otherAccount)).toEqual([]);
    expect(balanceUpdates(otherAccount)).toHaveLength(1); // its own snapshot at subscription
    expect([...reports(stranger), ...balanceUpdates(stranger), ...reports(venueKey), ...balanceUpdates(venueKey)]).toEqual([]);
  });
});

describe('the WebSocket AuthRequest deadline', () => {
  it('closes a socket that has not authenticated within edge.authTimeoutMs with an UNAUTHENTICATED error and 4408, and leaves an authenticated one open', async () => {
    const v = await startVenue({ authTimeoutMs: 10_000 });
    const account = await newAccount(v, 'patient');
    const token = await tokenOf(v, account.key);
    const silent = await WsClient.open(v.server.url, v.ca);
    const signedIn = await WsClient.open(v.server.url, v.ca);
    await signedIn.authenticate(token);
    // Not yet: the server's clock has not reached the deadline.
    v.clock.ms += 9_000;
    await silent.settle();
    expect(silent.closed).toBeUndefined();
    v.clock.ms += 1_001;
    expect(await silent.closedWith()).toEqual({ code: AUTH_TIMEOUT_CLOSE, reason: 'no AuthRequest within 10 s' });
    expect(silent.received.find((e) => e.body === 'error')?.error).toMatchObject({ code: 4001, name: 'UNAUTHENTICATED', message: 'no AuthRequest within 10 s' });
    // The sweep that closed it has run: the authenticated socket still answers.
    await signedIn.settle();
    expect(signedIn.closed).toBeUndefined();
  });
});

describe('connection caps', () => {
  it('refuses unauthenticated connections beyond their cap at accept; one that authenticates frees its slot and keeps working', async () => {
    const v = await startVenue({ maxUnauthenticatedConnections: 2 });
    const account = await newAccount(v, 'capped');
    const token = await tokenOf(v, account.key);
    await quiet(v);
    const first = await WsClient.open(v.server.url, v.ca);
    const second = await WsClient.open(v.server.url, v.ca);
    expect(v.server.edge.unauthenticatedConnections('public')).toBe(2);
    expect(await WsClient.attempt(v.server.url, v.ca)).toBe('refused');
    await first.authenticate(token);
    expect(v.server.edge.unauthenticatedConnections('public')).toBe(1);
    const third = await WsClient.open(v.server.url, v.ca);
    expect(await WsClient.attempt(v.server.url, v.ca)).toBe('refused');
    await first.settle();
    expect(first.closed).toBeUndefined();
    // The refusals are counted under their own limit (read once the strangers have gone).
    second.socket.terminate();
    third.socket.terminate();
    await waitFor(() => (v.server.edge.unauthenticatedConnections('public') === 0 ? true : undefined), 'the strangers to close');
    expect(await metric(v, 'unauthenticated_connections')).toBe(2);
  });

  it('keeps fixReservedConnections for FIX: the public port is refused at its share, FIX connects on the reserve', async () => {
    const config: VenueConfig = { ...FIX_CONFIG, edge: { ...DEFAULT_EDGE, maxConnections: 4, fixReservedConnections: 2, maxUnauthenticatedConnections: 4, connectionsPerIp: 100, handshakeTimeoutMs: 120_000, requestTimeoutMs: 120_000 } };
    const venue = await startFixVenue(config);
    const edge = venue.server.edge;
    await waitFor(() => (edge.openConnections === 0 ? true : undefined), 'the setup connections to close');
    const publicPort = venue.server.port;
    const publicShare = [tcp(publicPort), tcp(publicPort)];
    await waitFor(() => (edge.openConnections === 2 ? true : undefined), 'two public connections admitted');
    const overShare = tcp(publicPort);
    await waitFor(() => (overShare.closed() ? true : undefined), 'the third public connection to be closed');
    const fix = [tcp(venue.gateway.port), tcp(venue.gateway.port)];
    await waitFor(() => (edge.openConnections === 4 ? true : undefined), 'two FIX connections admitted on the reserve');
    expect([...publicShare, ...fix].map((c) => c.closed())).toEqual([false, false, false, false]);
    expect(edge.unauthenticatedConnections('fix')).toBe(2);
    // The total is the total: a fifth connection is refused on either port.
    const overTotal = tcp(venue.gateway.port);
    await waitFor(() => (overTotal.closed() ? true : undefined), 'a FIX connection over the total to be closed');
  });
});
