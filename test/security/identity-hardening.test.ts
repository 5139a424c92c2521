// Issue 13, findings 3, 4 and 8 (identity), end to end over real sockets with TLS on: password
// hashes behind the hash gate (per address group and venue-wide, the failure bucket charged before
// the hash), the per-user session cap, refresh generations across a restart, a captured token
// request replayed after a restart, one answer for an unknown key and a bad signature, and actor ids.
//
// Timing-free: a sign-in is held inside the password check by wrapping the running server's own
// UserStore.authenticate with a promise the test resolves, so "while a hash is running" is a state
// the test makes, not a race it hopes to win. The server's clock is injected and moved by the tests.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_EDGE, type EdgeLimits } from '../../src/security/edge.js';
import type { SecuritySettings } from '../../src/server/venue-config.js';
import { signRequest } from '../../src/auth/auth.js';
import { type Credentials, type Reply, RestClient } from '../../src/auth/client.js';
import { type RunningServer, startServer } from '../../src/server/server.js';
import { DEFAULT_CONFIG, type VenueConfig } from '../../src/server/venue-config.js';
import { REVOKED_CLOSE } from '../../src/gateway/ws/ws-gateway.js';
import { WebSocket } from 'ws';
import { ok, refusal } from '../support/replies.js';

const PASSWORD = 'correct horse battery staple';
/** Generous: waiting for a state must not fail on a slow machine. */
const WAIT_MS = 20_000;

const dirs: string[] = [];
const servers: RunningServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Venue {
  readonly server: RunningServer;
  readonly dataDir: string;
  readonly ca: string;
  readonly admin: Credentials;
  readonly clock: { ms: number };
  readonly http: RestClient;
}

function configWith(security: Partial<SecuritySettings>, edge: Partial<EdgeLimits> = {}): VenueConfig {
  return {
    ...DEFAULT_CONFIG,
    capacity: { maxOrders: 2000, maxLevels: 500 },
    snapshotIntervalMs: 50,
    server: { ...DEFAULT_CONFIG.server, host: '127.0.0.1', port: 0, tls: 'auto', plaintext: false },
    // Bans off: the clock stands still, so failures would pile up.
    edge: { ...DEFAULT_EDGE, authFailuresBeforeBan: 1000, ...edge },
    security: { ...DEFAULT_CONFIG.security, ...security },
    fix: null,
  };
}

/** A venue on `dataDir` (a new one unless given: a restart) with its clock at `clock`. */
async function startVenue(security: Partial<SecuritySettings> = {}, reuse?: { dataDir: string; clock: { ms: number } }, edge: Partial<EdgeLimits> = {}): Promise<Venue> {
  const dataDir = reuse?.dataDir ?? mkdtempSync(join(tmpdir(), 'kapita-identity-'));
  if (reuse === undefined) dirs.push(dataDir);
  const clock = reuse?.clock ?? { ms: Math.floor(Date.now() / 1000) * 1000 };
  const server = await startServer({ dataDir, config: configWith(security, edge), say: () => undefined, now: () => clock.ms });
  servers.push(server);
  const ca = server.ca ?? '';
  const admin = JSON.parse(readFileSync(join(dataDir, 'admin-key.json'), 'utf8')) as Credentials;
  return { server, dataDir, ca, admin, clock, http: new RestClient(server.url, undefined, { ca }) };
}

async function restart(v: Venue, security: Partial<SecuritySettings> = {}): Promise<Venue> {
  await v.server.stop();
  servers.splice(servers.indexOf(v.server), 1);
  return startVenue(security, { dataDir: v.dataDir, clock: v.clock });
}

function from(v: Venue, localAddress: string): RestClient {
  return new RestClient(v.server.url, undefined, { ca: v.ca, localAddress });
}

function signed(v: Venue, key: Credentials, timestamp = v.clock.ms): Record<string, unknown> {
  const nonce = randomBytes(12).toString('hex');
  return { keyId: key.keyId, timestamp, nonce, signature: signRequest(key.secret, key.keyId, timestamp, nonce) };
}

async function asAdmin(v: Venue, method: string, path: string, body?: unknown): Promise<Reply> {
  const { token } = ok(await v.http.call('POST', '/v1/auth/token', signed(v, v.admin), false)) as { token: string };
  return v.http.call(method, path, body, token);
}

async function waitFor(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Holds every password check at its start until `release()`; counts the checks that began. */
function holdPasswordChecks(v: Venue): { entered: () => number; release: () => void } {
  const users = v.server.users;
  const original = users.authenticate.bind(users);
  let entered = 0;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  users.authenticate = async (username: string, password: string) => {
    entered++;
    await gate;
    return original(username, password);
  };
  return { entered: () => entered, release: () => { release(); } };
}

/** Collects the answer when it comes, without awaiting it here. */
function settle(reply: Promise<Reply>, into: Reply[]): void {
  void reply.then((r) => into.push(r));
}

interface Person {
  readonly username: string;
  readonly accountId: number;
  readonly totp: string;
}

function totpAt(secret: string, ms: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: ms });
}

/** A trader with an account and TOTP; the clock moves 30 s so that the next code is fresh. */
async function person(v: Venue, username: string): Promise<Person> {
  const { accountId } = ok(await asAdmin(v, 'POST', '/v1/admin/accounts', { name: `${username}'s account` }), 201) as { accountId: number };
  ok(await asAdmin(v, 'POST', '/v1/admin/users', { username, password: PASSWORD, role: 'trader', accountId }), 201);
  const { enrollToken } = ok(await v.http.call('POST', '/v1/auth/login', { username, password: PASSWORD }, false)) as { enrollToken: string };
  const { secret } = ok(await v.http.call('POST', '/v1/me/mfa/totp', { enrollToken }, false)) as { secret: string };
  ok(await v.http.call('POST', '/v1/me/mfa/totp/confirm', { enrollToken, code: totpAt(secret, v.clock.ms) }, false));
  v.clock.ms += 30_000;
  return { username, accountId, totp: secret };
}

interface SignedIn {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly sessionId: string;
}

/** Password and TOTP; moves the clock 30 s after, so each sign-in has a fresh code. */
async function signIn(v: Venue, p: Person): Promise<SignedIn> {
  const { mfaToken } = ok(await v.http.call('POST', '/v1/auth/login', { username: p.username, password: PASSWORD }, false)) as { mfaToken: string };
  const session = ok(await v.http.call('POST', '/v1/auth/mfa', { mfaToken, method: 'totp', code: totpAt(p.totp, v.clock.ms) }, false)) as SignedIn;
  v.clock.ms += 30_000;
  return session;
}

describe('password hashes are paid for up front (finding 3)', () => {
  it('answers the 2nd and 3rd of three parallel sign-ins from one address 429 at once, without hashing, and charges the failure bucket', async () => {
    const v = await startVenue({ passwordFailureBurst: 3, passwordFailuresPerMinute: 1 });
    await person(v, 'ann');
    const attacker = from(v, '127.0.0.3');
    const hold = holdPasswordChecks(v);
    const hashesBefore = v.server.users.passwordHashes;
    const answers: Reply[] = [];
    for (let i = 0; i < 3; i++) settle(attacker.call('POST', '/v1/auth/login', { username: 'ann', password: `wrong guess ${i}!` }, false), answers);
    // One check is running (held); the other two were answered while it runs: nothing waited for a hash.
    await waitFor(() => hold.entered() === 1 && answers.length === 2, 'one check held and two answers');
    for (const reply of answers) {
      expect(refusal(reply)).toEqual([429, 4008, 'RATE_LIMITED']);
      expect(reply.headers['retry-after']).toBe('1');
    }
    expect(hold.entered()).toBe(1);
    hold.release();
    await waitFor(() => answers.length === 3, 'the held check to answer');
    expect(refusal(answers[2] as Reply)).toEqual([401, 4011, 'BAD_CREDENTIALS']);
    // One scrypt for three attempts; the two refusals are counted like any failed sign-in.
    expect(v.server.users.passwordHashes - hashesBefore).toBe(1);
    const metrics = (await asAdmin(v, 'GET', '/metrics')).body as string;
    expect(metrics).toMatch(/^kapita_auth_attempts_total\{method="password",result="RATE_LIMITED"\} 2$/m);
    // All three were charged before any hash: the address's bucket (burst 3) is empty, even for the right password...
    const after = await attacker.call('POST', '/v1/auth/login', { username: 'ann', password: PASSWORD }, false);
    expect(refusal(after)).toEqual([429, 4008, 'RATE_LIMITED']);
    expect(Number(after.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(v.server.users.passwordHashes - hashesBefore).toBe(1);
    // ...while another address is served, and a right password does not drain its bucket.
    for (let i = 0; i < 4; i++) expect((ok(await v.http.call('POST', '/v1/auth/login', { username: 'ann', password: PASSWORD }, false)) as { next: string }).next).toBe('mfa');
    // A minute later the attacker has one guess again.
    v.clock.ms += 60_000;
    expect((ok(await attacker.call('POST', '/v1/auth/login', { username: 'ann', password: PASSWORD }, false)) as { next: string }).next).toBe('mfa');
  });

  it('answers 503 PASSWORD_CHECKS_BUSY past 2 hashes venue-wide, for sign-ins and for user creation, before hashing', async () => {
    const v = await startVenue();
    await person(v, 'bea');
    const { accountId } = ok(await asAdmin(v, 'POST', '/v1/admin/accounts', { name: 'spare' }), 201) as { accountId: number };
    const adminToken = (ok(await v.http.call('POST', '/v1/auth/token', signed(v, v.admin), false)) as { token: string }).token;
    const hold = holdPasswordChecks(v);
    const hashesBefore = v.server.users.passwordHashes;
    const held: Reply[] = [];
    settle(from(v, '127.0.0.3').call('POST', '/v1/auth/login', { username: 'bea', password: PASSWORD }, false), held);
    settle(from(v, '127.0.0.4').call('POST', '/v1/auth/login', { username: 'bea', password: PASSWORD }, false), held);
    await waitFor(() => hold.entered() === 2, 'two checks held');
    const third = await from(v, '127.0.0.5').call('POST', '/v1/auth/login', { username: 'bea', password: PASSWORD }, false);
    expect(refusal(third)).toEqual([503, 9003, 'PASSWORD_CHECKS_BUSY']);
    expect(third.headers['retry-after']).toBe('1');
    // An admin's user creation hashes the new password: the same gate refuses it, and no user is made.
    const created = await v.http.call('POST', '/v1/admin/users', { username: 'carl', password: PASSWORD, role: 'trader', accountId }, adminToken);
    expect(refusal(created)).toEqual([503, 9003, 'PASSWORD_CHECKS_BUSY']);
    expect(v.server.users.byUsername('carl')).toBeUndefined();
    expect(hold.entered()).toBe(2);
    hold.release();
    await waitFor(() => held.length === 2, 'the held checks to answer');
    for (const reply of held) expect((ok(reply) as { next: string }).next).toBe('mfa');
    expect(v.server.users.passwordHashes - hashesBefore).toBe(2);
    // With the checks done the third address and the admin are served.
    expect((ok(await from(v, '127.0.0.5').call('POST', '/v1/auth/login', { username: 'bea', password: PASSWORD }, false)) as { next: string }).next).toBe('mfa');
    ok(await v.http.call('POST', '/v1/admin/users', { username: 'carl', password: PASSWORD, role: 'trader', accountId }, adminToken), 201);
  });
});

describe('sessions (finding 4)', () => {
  it('a sign-in past the per-user cap ends the oldest session: its tokens stop verifying, its WebSocket is closed (4403) and the revocation listeners hear it', async () => {
    const v = await startVenue({ sessionsPerUser: 2 });
    const p = await person(v, 'dora');
    const first = await signIn(v, p);
    const second = await signIn(v, p);
    // Refreshed at the cap (each sign-in moves the clock 30 s): a fresh access token for the first session.
    const renewed = ok(await v.http.call('POST', '/v1/auth/refresh', { refreshToken: first.refreshToken }, false)) as SignedIn;
    expect((await v.http.call('GET', '/v1/account', undefined, renewed.accessToken)).status).toBe(200);
    // The listeners server.ts closes WebSocket and FIX sessions from (sessions.onRevoked) hear of the eviction.
    const heard: { id: string; reason: string | undefined }[] = [];
    v.server.sessions.onRevoked((s) => heard.push({ id: s.id, reason: s.revokedReason }));
    // A WebSocket signed in on the first session is closed by the eviction (4403), as by a logout.
    const socket = new WebSocket(`${v.server.url.replace(/^https/, 'wss')}/v1/ws`, { ca: v.ca });
    const closed = new Promise<number>((resolve) => socket.once('close', (code: number) => {
      resolve(code);
    }));
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => {
        resolve();
      });
      socket.once('error', reject);
    });
    const authAnswer = new Promise<string>((resolve) => socket.once('message', (data: Buffer) => {
      resolve(data.toString('utf8'));
    }));
    socket.send(JSON.stringify({ requestId: 1, authRequest: { token: renewed.accessToken } }));
    expect(JSON.parse(await authAnswer)).toMatchObject({ requestId: '1', authResponse: { accountId: String(p.accountId) } });
    const third = await signIn(v, p);
    expect(await closed).toBe(REVOKED_CLOSE);
    expect(refusal(await v.http.call('GET', '/v1/account', undefined, renewed.accessToken))).toEqual([401, 4016, 'SESSION_REVOKED']);
    expect(refusal(await v.http.call('POST', '/v1/auth/refresh', { refreshToken: renewed.refreshToken }, false))).toEqual([401, 4016, 'SESSION_REVOKED']);
    expect(heard).toEqual([{ id: first.sessionId, reason: 'session limit: more than 2 live sessions, the oldest ended' }]);
    for (const live of [second, third]) expect((await v.http.call('GET', '/v1/account', undefined, live.accessToken)).status).toBe(200);
    const me = ok(await v.http.call('GET', '/v1/me', undefined, third.accessToken)) as { sessions: { sessionId: string; revokedReason?: string }[] };
    expect(me.sessions.find((s) => s.sessionId === first.sessionId)?.revokedReason).toMatch(/^session limit/);
  });

  it('refresh tokens carry a generation: rotation and reuse revocation hold across a restart, and a forged token revokes nothing', async () => {
    let v = await startVenue();
    const p = await person(v, 'edna');
    const session = await signIn(v, p);
    const refresh = (venue: Venue, token: string): Promise<Reply> => venue.http.call('POST', '/v1/auth/refresh', { refreshToken: token }, false);
    const r1 = (ok(await refresh(v, session.refreshToken)) as SignedIn).refreshToken;
    const r2 = (ok(await refresh(v, r1)) as SignedIn).refreshToken;
    expect([session.refreshToken, r1, r2].map((t) => t.split('.')[1])).toEqual(['0', '1', '2']);
    for (const token of [session.refreshToken, r1, r2]) expect(token).toMatch(new RegExp(`^rt_${session.sessionId}\\.[0-9]+\\.[A-Za-z0-9_-]{43}$`));

    v = await restart(v);
    // A token with the session's id and a later generation but a made-up MAC is unknown, and the session lives on.
    const forged = `rt_${session.sessionId}.1.${randomBytes(32).toString('base64url')}`;
    expect(refusal(await refresh(v, forged))).toEqual([401, 4001, 'UNAUTHENTICATED']);
    expect(refusal(await v.http.call('POST', '/v1/auth/logout', { refreshToken: forged }, false))).toEqual([401, 4001, 'UNAUTHENTICATED']);
    const r3 = ok(await refresh(v, r2)) as SignedIn;
    expect(r3.refreshToken.split('.')[1]).toBe('3');
    expect((await v.http.call('GET', '/v1/account', undefined, r3.accessToken)).status).toBe(200);

    v = await restart(v);
    // Generation 1, spent before the first restart, presented after the second: reuse, the session ends.
    expect(refusal(await refresh(v, r1))).toEqual([401, 4015, 'REFRESH_TOKEN_REUSED']);
    expect(refusal(await refresh(v, r3.refreshToken))).toEqual([401, 4016, 'SESSION_REVOKED']);
    expect(refusal(await v.http.call('GET', '/v1/account', undefined, r3.accessToken))).toEqual([401, 4016, 'SESSION_REVOKED']);
    v = await restart(v);
    expect(refusal(await refresh(v, r3.refreshToken))).toEqual([401, 4016, 'SESSION_REVOKED']);
    // The journal replaced sessions.json; the MAC key is the venue's own, mode 0600.
    expect(() => readFileSync(join(v.dataDir, 'sessions.json'))).toThrow();
    expect(readFileSync(join(v.dataDir, 'sessions.jsonl'), 'utf8').split('\n')[0]).toBe('{"t":"header","version":2}');
  });
});

describe('token requests (finding 8)', () => {
  it('refuses a captured token request replayed after a restart: it was signed before the venue started', async () => {
    let v = await startVenue();
    const { keyId, secret } = ok(await asAdmin(v, 'POST', '/v1/admin/accounts', { name: 'fay' }), 201) as Credentials;
    const captured = signed(v, { keyId, secret });
    ok(await v.http.call('POST', '/v1/auth/token', captured, false));
    expect(refusal(await v.http.call('POST', '/v1/auth/token', captured, false))).toEqual([401, 4005, 'NONCE_REUSED']);
    // Restarted 10 s later: the capture is still inside its ±30 s window, and the nonces are gone with the process.
    v.clock.ms += 10_000;
    await v.server.stop();
    servers.splice(servers.indexOf(v.server), 1);
    // Bans on (3 strikes): a request signed before the start is what an honest client a little
    // behind sends right after a restart, so it is refused with its own code and is not a strike.
    v = await startVenue({}, { dataDir: v.dataDir, clock: v.clock }, { authFailuresBeforeBan: 3 });
    const replay = await v.http.call('POST', '/v1/auth/token', captured, false);
    expect(refusal(replay)).toEqual([401, 4020, 'SIGNED_BEFORE_START']);
    expect((replay.body as { error: { message: string } }).error.message).toMatch(/before the venue started/);
    for (let i = 0; i < 5; i++) expect(refusal(await v.http.call('POST', '/v1/auth/token', captured, false))[1]).toBe(4020);
    expect(v.server.edge.isBanned('127.0.0.1')).toBe(false);
    // A request signed now is served.
    ok(await v.http.call('POST', '/v1/auth/token', signed(v, { keyId, secret }), false));
  });

  it('answers an unknown key and a wrong signature with byte-identical bodies, and strikes both', async () => {
    // Two strikes ban: one of each kind from 127.0.0.6 must ban it.
    const v = await startVenue({}, undefined, { authFailuresBeforeBan: 2 });
    const { keyId } = ok(await asAdmin(v, 'POST', '/v1/admin/accounts', { name: 'gus' }), 201) as Credentials;
    const unknown = await fetchText(v, signed(v, { keyId: 'kNoSuchKeyAtAll0', secret: 'whatever' }), '127.0.0.6');
    const wrong = await fetchText(v, signed(v, { keyId, secret: 'not-the-secret' }), '127.0.0.6');
    expect(unknown.status).toBe(401);
    expect(wrong).toEqual(unknown);
    expect(JSON.parse(unknown.text)).toEqual({ error: { code: 4006, name: 'BAD_SIGNATURE', message: 'unknown key or signature does not match' } });
    // Banned: the edge says so, and a new connection from the address is closed at accept.
    expect(v.server.edge.isBanned('127.0.0.6')).toBe(true);
    expect(v.server.edge.isBanned('127.0.0.7')).toBe(false);
    const next = await from(v, '127.0.0.6').call('GET', '/v1/health', undefined, false).then(
      (reply) => `answered ${reply.status}`,
      (error: unknown) => (error as { code?: string }).code ?? String(error),
    );
    expect(next).toMatch(/^(ECONNRESET|EPIPE|answered 403)$/);
  });
});

describe('actor ids (finding 7, server side)', () => {
  it('gives every key and user a stable actor id, carried by the principal, kept across a restart', async () => {
    let v = await startVenue();
    const account = ok(await asAdmin(v, 'POST', '/v1/admin/accounts', { name: 'hal' }), 201) as Credentials & { accountId: number };
    const adminKey = v.server.keys.get(v.admin.keyId);
    const accountKey = v.server.keys.get(account.keyId);
    expect([adminKey?.actorId, accountKey?.actorId]).toEqual([1, 2]);
    const p = await person(v, 'hal');
    const user = v.server.users.byUsername(p.username);
    expect(user?.actorId).toBe(2 ** 32);
    const session = await signIn(v, p);
    expect((await v.server.tokens.verify(session.accessToken, '127.0.0.1')).actorId).toBe(2 ** 32);
    const keyToken = (ok(await v.http.call('POST', '/v1/auth/token', signed(v, account), false)) as { token: string }).token;
    expect((await v.server.tokens.verify(keyToken, '127.0.0.1')).actorId).toBe(2);
    v = await restart(v);
    expect(v.server.keys.get(account.keyId)?.actorId).toBe(2);
    expect(v.server.users.byUsername(p.username)?.actorId).toBe(2 ** 32);
  });
});

/** POST /v1/auth/token with the raw answer text, to compare bodies byte for byte. */
function fetchText(v: Venue, body: Record<string, unknown>, localAddress: string): Promise<{ status: number; text: string }> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpsRequest(`${v.server.url}/v1/auth/token`, { method: 'POST', ca: v.ca, localAddress, agent: false, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }); });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(text);
  });
}
