// Authorization as a table, through every gateway: REST, WebSocket (protobuf and JSON frames) and
// FIX, each operation, each kind of caller (issue 13: a read-only key could trade over WebSocket,
// because only REST's route helper checked scopes). The rule lives in one place
// (src/server/authorize.ts, called by the trading functions every gateway uses); this suite is what
// proves no gateway goes around it.
//
// Every refused operation aims at a real order of the account (the victim, placed by its trading
// key), and each row ends by checking that the account's open orders are exactly what they were:
// a refusal changes nothing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Envelope, type EnvelopeInput, pb } from '../../src/protocol/wire.js';
import { type Credentials, type Reply, RestClient } from '../../src/auth/client.js';
import { type RunningServer, startServer } from '../../src/server/server.js';
import { DEFAULT_CONFIG, type VenueConfig } from '../../src/server/venue-config.js';
import { closeFixVenues, Session } from '../support/fix-venue.js';
import { WsClient } from '../support/ws-client.js';

const PASSWORD = 'correct horse battery staple';
const FORBIDDEN = 4003;
const KEY_REVOKED = 4018;

/** An answer reduced to what the table compares: 'ok' or the venue's numbered code. */
type Outcome = 'ok' | number;

interface Caller {
  readonly name: string;
  /** A bearer token for REST and the WebSocket AuthRequest. */
  readonly token: string;
  /** The API key behind it, for FIX (people have none). */
  readonly key: Credentials | undefined;
}

interface Venue {
  readonly server: RunningServer;
  readonly dataDir: string;
  readonly ca: string;
  readonly admin: RestClient;
  readonly accountId: number;
  /** The account's trading key (read + trade). */
  readonly trader: RestClient;
  readonly traderKey: Credentials;
  /** The server clock runs with the wall clock plus this offset (ms): TOTP steps move it. */
  readonly clock: { offsetMs: number };
}

let venue: Venue;
let victimId = 0;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kapita-authz-'));
  // Starts 15 s behind the wall clock, so one 30-second TOTP step later it is 15 s ahead: signed
  // FIX Logons and token requests (stamped with the wall clock) stay inside their ±30 s window.
  const clock = { offsetMs: -15_000 };
  const config: VenueConfig = {
    ...DEFAULT_CONFIG,
    capacity: { maxOrders: 2000, maxLevels: 500 },
    snapshotIntervalMs: 50,
    server: { ...DEFAULT_CONFIG.server, host: '127.0.0.1', port: 0, tls: 'auto', plaintext: false },
    edge: { ...DEFAULT_CONFIG.edge, authFailuresBeforeBan: 1000 },
    fix: { port: 0, senderCompId: 'KAPITA', sessions: [] },
  };
  const server = await startServer({ dataDir, config, say: () => undefined, now: () => Date.now() + clock.offsetMs });
  const ca = server.ca ?? '';
  const admin = new RestClient(server.url, JSON.parse(readFileSync(join(dataDir, 'admin-key.json'), 'utf8')) as Credentials, { ca });
  const opened = ok(await admin.call('POST', '/v1/admin/accounts', { name: 'alice', deposits: { USD: '1000000', BTC: '10' } }), 201) as { accountId: number } & Credentials;
  const credentials = { keyId: opened.keyId, secret: opened.secret };
  const trader = new RestClient(server.url, credentials, { ca });
  venue = { server, dataDir, ca, admin, accountId: opened.accountId, trader, traderKey: credentials, clock };
});

/** The account's one open order: the target of every amend and cancel in the table. */
async function placeVictim(): Promise<void> {
  ok(await venue.trader.call('DELETE', '/v1/orders'));
  victimId = (ok(await venue.trader.call('POST', '/v1/orders', { symbol: 'BTC-USD', side: 'buy', price: '1000.00', quantity: '1' }), 201) as { orderId: number }).orderId;
}

beforeEach(placeVictim);

afterAll(async () => {
  await closeFixVenues();
  await venue.server.stop();
  rmSync(venue.dataDir, { recursive: true, force: true });
});

function ok(reply: Reply, status = 200): unknown {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  return reply.body;
}

function outcomeOf(reply: Reply): Outcome {
  if (reply.status < 300) return 'ok';
  return (reply.body as { error?: { code?: number } }).error?.code ?? -reply.status;
}

// ---- callers -------------------------------------------------------------------------------------

async function tokenFor(credentials: Credentials): Promise<string> {
  return new RestClient(venue.server.url, credentials, { ca: venue.ca }).authenticate();
}

async function accountKey(scopes: string[]): Promise<Credentials> {
  const body = ok(await venue.admin.call('POST', '/v1/keys', { name: scopes.join('+'), accountId: venue.accountId, scopes }), 201) as Credentials;
  return { keyId: body.keyId, secret: body.secret };
}

async function venueKey(scopes: string[]): Promise<Credentials> {
  const body = ok(await venue.admin.call('POST', '/v1/keys', { name: scopes.join('+'), accountId: 0, scopes }), 201) as Credentials;
  return { keyId: body.keyId, secret: body.secret };
}

async function keyCaller(name: string, key: Credentials): Promise<Caller> {
  return { name, token: await tokenFor(key), key };
}

/** A person of the account with `role`: created by the admin, TOTP enrolled, signed in (the clock moves one step). */
async function person(role: string, username: string): Promise<Caller> {
  const http = new RestClient(venue.server.url, undefined, { ca: venue.ca });
  ok(await venue.admin.call('POST', '/v1/admin/users', { username, password: PASSWORD, role, accountId: venue.accountId }), 201);
  const first = ok(await http.call('POST', '/v1/auth/login', { username, password: PASSWORD }, false)) as { enrollToken: string };
  const { secret } = ok(await http.call('POST', '/v1/me/mfa/totp', { enrollToken: first.enrollToken }, false)) as { secret: string };
  const totp = (): string => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: Date.now() + venue.clock.offsetMs });
  ok(await http.call('POST', '/v1/me/mfa/totp/confirm', { enrollToken: first.enrollToken, code: totp() }, false));
  // The confirming code's step is spent: the sign-in uses the next one.
  venue.clock.offsetMs += 30_000;
  const ticket = ok(await http.call('POST', '/v1/auth/login', { username, password: PASSWORD }, false)) as { mfaToken: string };
  const session = ok(await http.call('POST', '/v1/auth/mfa', { mfaToken: ticket.mfaToken, method: 'totp', code: totp() }, false)) as { accessToken: string };
  return { name: `${role} person`, token: session.accessToken, key: undefined };
}

// ---- the operations, per gateway -------------------------------------------------------------------

const REST_OPERATIONS: Readonly<Record<string, (token: string) => Promise<Reply>>> = {
  place: (token) => venue.trader.call('POST', '/v1/orders', { symbol: 'BTC-USD', side: 'buy', price: '1001.00', quantity: '1' }, token),
  amend: (token) => venue.trader.call('PATCH', `/v1/orders/${victimId}`, { price: '1002.00' }, token),
  cancel: (token) => venue.trader.call('DELETE', `/v1/orders/${victimId}`, undefined, token),
  'mass cancel': (token) => venue.trader.call('DELETE', '/v1/orders?symbol=BTC-USD', undefined, token),
  'read orders': (token) => venue.trader.call('GET', '/v1/orders', undefined, token),
  'read fills': (token) => venue.trader.call('GET', '/v1/fills', undefined, token),
  'read account': (token) => venue.trader.call('GET', '/v1/account', undefined, token),
};

const WS_OPERATIONS: Readonly<Record<string, () => Omit<EnvelopeInput, 'requestId'>>> = {
  place: () => ({ placeOrder: { symbol: 'BTC-USD', side: pb.Side.SIDE_BUY, price: '1001.00', quantity: '1' } }),
  amend: () => ({ amendOrder: { orderId: victimId, price: '1002.00' } }),
  cancel: () => ({ cancelOrder: { orderId: victimId } }),
  'mass cancel': () => ({ massCancel: { symbol: 'BTC-USD' } }),
  'subscribe orders': () => ({ subscribe: { channel: pb.Channel.CHANNEL_ORDERS } }),
  'subscribe fills': () => ({ subscribe: { channel: pb.Channel.CHANNEL_FILLS } }),
  'subscribe balances': () => ({ subscribe: { channel: pb.Channel.CHANNEL_BALANCES } }),
};

function wsOutcome(answer: Envelope): Outcome {
  return answer.error === undefined || answer.error === null ? 'ok' : Number(answer.error.code);
}

/** What each operation gives the caller, through one gateway. */
type Expected = Readonly<Record<string, Outcome>>;

const ALL_REST = Object.keys(REST_OPERATIONS);
const ALL_WS = Object.keys(WS_OPERATIONS);
const ORDER_ENTRY = ['place', 'amend', 'cancel', 'mass cancel'];

function expecting(operations: readonly string[], answer: (operation: string) => Outcome): Expected {
  return Object.fromEntries(operations.map((o) => [o, answer(o)]));
}

/** Open orders of the account, as its trading key sees them: [orderId, price, quantity]. */
async function openOrders(): Promise<[number, string, string][]> {
  const orders = ok(await venue.trader.call('GET', '/v1/orders')) as { orderId: number; price: string; quantity: string }[];
  return orders.map((o) => [o.orderId, o.price, o.quantity]);
}

async function restRow(caller: Caller): Promise<Expected> {
  const got: Record<string, Outcome> = {};
  for (const [operation, run] of Object.entries(REST_OPERATIONS)) got[operation] = outcomeOf(await run(caller.token));
  return got;
}

async function wsRow(caller: Caller, format: 'binary' | 'json'): Promise<Expected> {
  const client = await WsClient.open(venue.server.url, venue.ca, format);
  try {
    const auth = await client.request({ authRequest: { token: caller.token } });
    if (wsOutcome(auth) !== 'ok') return expecting(ALL_WS, () => wsOutcome(auth));
    const got: Record<string, Outcome> = {};
    for (const [operation, message] of Object.entries(WS_OPERATIONS)) got[operation] = wsOutcome(await client.request(message()));
    return got;
  } finally {
    client.close();
  }
}

/** A signed FIX Logon with the caller's key; 'ok' when the venue answers with a Logon, else the Logout's text. */
async function fixLogon(caller: Caller, compId: string): Promise<string> {
  if (caller.key === undefined) throw new Error(`${caller.name} has no API key for FIX`);
  const session = await Session.attempt(venue.server.fix?.port ?? 0, compId, { accountId: venue.accountId, ...caller.key, rest: venue.trader }, [], 1, venue.ca);
  const reply = session.logonReply;
  if (reply?.msgType === 'A') {
    session.send('5', []);
    return 'ok';
  }
  return reply?.get(58) ?? `no Logout text in ${reply?.toString() ?? 'no answer'}`;
}

/** A FIX OrderStatusRequest for an order placed over REST: [OrdStatus (39), Text (58)] of the answer. */
async function fixStatus(caller: Caller, compId: string, orderId: number): Promise<[string | undefined, string | undefined]> {
  if (caller.key === undefined) throw new Error(`${caller.name} has no API key for FIX`);
  const session = await Session.logon(venue.server.fix?.port ?? 0, compId, { accountId: venue.accountId, ...caller.key, rest: venue.trader }, [], 1, venue.ca);
  session.send('H', [[37, String(orderId)], [11, 'status'], [54, '1'], [55, 'BTC-USD']]);
  const report = await session.report(39, 58);
  session.send('5', []);
  return [report[39], report[58]];
}

// ---- the table -----------------------------------------------------------------------------------

describe('every gateway asks the same authorization for every operation', () => {
  /** Each caller's row, checked through REST, both WebSocket formats and FIX, then the book left as it was. */
  const check = async (caller: Caller, rest: Expected, ws: Expected, fix: RegExp | 'ok' | undefined): Promise<void> => {
    const before = await openOrders();
    expect({ caller: caller.name, gateway: 'REST', answers: await restRow(caller) }).toEqual({ caller: caller.name, gateway: 'REST', answers: rest });
    for (const format of ['binary', 'json'] as const) {
      expect({ caller: caller.name, gateway: `WebSocket ${format}`, answers: await wsRow(caller, format) }).toEqual({ caller: caller.name, gateway: `WebSocket ${format}`, answers: ws });
    }
    if (fix !== undefined) {
      const answer = await fixLogon(caller, `AUTHZ${caller.name.replace(/[^A-Za-z]/g, '').toUpperCase()}`);
      if (fix === 'ok') expect(answer).toBe('ok');
      else expect(answer).toMatch(fix);
    }
    expect(await openOrders()).toEqual(before);
  };

  it('a read-only key reads the account over REST and WebSocket, and cannot enter, amend or cancel an order anywhere', async () => {
    const caller = await keyCaller('read key', await accountKey(['read']));
    await check(caller, expecting(ALL_REST, (o) => (ORDER_ENTRY.includes(o) ? FORBIDDEN : 'ok')), expecting(ALL_WS, (o) => (ORDER_ENTRY.includes(o) ? FORBIDDEN : 'ok')), /trade scope/);
  });

  it('a read-only person reads the account and cannot trade', async () => {
    const caller = await person('read-only', 'reader');
    await check(caller, expecting(ALL_REST, (o) => (ORDER_ENTRY.includes(o) ? FORBIDDEN : 'ok')), expecting(ALL_WS, (o) => (ORDER_ENTRY.includes(o) ? FORBIDDEN : 'ok')), undefined);
  });

  it('a trade-only key enters orders but reads nothing of the account, and its private channels are refused', async () => {
    const key = await accountKey(['trade']);
    const caller = await keyCaller('trade key', key);
    const rest = await restRow(caller);
    // Its place, amend, cancel and mass cancel act: the victim is gone and is placed again below.
    expect(rest).toEqual(expecting(ALL_REST, (o) => (ORDER_ENTRY.includes(o) ? 'ok' : FORBIDDEN)));
    for (const format of ['binary', 'json'] as const) {
      await placeVictim();
      expect(await wsRow(caller, format)).toEqual(expecting(ALL_WS, (o) => (ORDER_ENTRY.includes(o) ? 'ok' : FORBIDDEN)));
      expect(await openOrders()).toEqual([]);
    }
    expect(await fixLogon(caller, 'AUTHZTRADEONLY')).toBe('ok');
    // Over FIX too, the account's orders placed elsewhere are read's: a status request is refused.
    await placeVictim();
    expect(await fixStatus(caller, 'AUTHZTRADESTATUS', victimId)).toEqual(['8', expect.stringMatching(/^4003 FORBIDDEN: .*read scope/) as unknown as string]);
    expect(await fixStatus(await keyCaller('trading key', venue.traderKey), 'AUTHZREADSTATUS', victimId)).toEqual(['0', undefined]);
  });

  it('venue keys (risk, admin) have no account: no order entry and no account data through any gateway', async () => {
    for (const scopes of [['read', 'risk'], ['read', 'risk', 'admin']]) {
      const caller = await keyCaller(`venue key ${scopes.join('+')}`, await venueKey(scopes));
      await check(caller, expecting(ALL_REST, () => FORBIDDEN), expecting(ALL_WS, () => FORBIDDEN), /trade scope|account/i);
    }
  });

  it('a revoked key and a rotated key are refused everywhere, with the tokens and signatures they had before', async () => {
    const revokedKey = await accountKey(['read', 'trade']);
    const revoked = await keyCaller('revoked key', revokedKey);
    ok(await venue.admin.call('DELETE', `/v1/keys/${revokedKey.keyId}`));
    await check(revoked, expecting(ALL_REST, () => KEY_REVOKED), expecting(ALL_WS, () => KEY_REVOKED), /revoked|unknown|invalid/i);
    const rotatedKey = await accountKey(['read', 'trade']);
    const rotated = await keyCaller('rotated key', rotatedKey);
    ok(await venue.admin.call('POST', `/v1/keys/${rotatedKey.keyId}/rotate`));
    await check(rotated, expecting(ALL_REST, () => KEY_REVOKED), expecting(ALL_WS, () => KEY_REVOKED), /signature|invalid/i);
  });

  it('the trading key itself does everything through every gateway (the table is not refusing everyone)', async () => {
    const caller = await keyCaller('trading key', venue.traderKey);
    const rest = await restRow(caller);
    expect(rest).toEqual(expecting(ALL_REST, () => 'ok'));
    await placeVictim();
    expect(await wsRow(caller, 'binary')).toEqual(expecting(ALL_WS, () => 'ok'));
    expect(await fixLogon(caller, 'AUTHZTRADER')).toBe('ok');
  });
});
