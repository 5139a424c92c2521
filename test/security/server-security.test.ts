// The venue's security end to end, over real sockets with TLS on (the default: a generated CA, TLS
// 1.3 only): the listener and its headers, token verification against forged, expired and
// misaddressed JWTs, people signing in with a password and a second factor (TOTP, recovery codes and
// real WebAuthn ceremonies from a software authenticator), rotating refresh tokens and their reuse,
// API keys with scopes, allow-lists, rotation and revocation, the signing-key ring and its JWKS, and
// the edge limits (bans, request and message rates, connection caps) with their metrics.
//
// Time is the server's injected clock, moved by the tests: TOTP steps, token expiry, key retirement,
// bans and token-bucket refills happen when a test says so, never because the machine was slow.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tls from 'node:tls';
import { createLocalJWKSet, decodeProtectedHeader, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT } from 'jose';
import { Secret, TOTP } from 'otpauth';
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { DEFAULT_EDGE, type EdgeLimits } from '../../src/security/edge.js';
import { signRequest } from '../../src/auth/auth.js';
import { type Credentials, type Reply, requestJson, RestClient } from '../../src/auth/client.js';
import { type RunningServer, startServer } from '../../src/server/server.js';
import { DEFAULT_CONFIG, parseVenueConfig, type VenueConfig, VenueConfigError } from '../../src/server/venue-config.js';
import { RATE_LIMITED_CLOSE, REVOKED_CLOSE } from '../../src/gateway/ws/ws-gateway.js';
import { type AuthenticateOptions, SoftAuthenticator } from '../support/soft-authenticator.js';
import { waitFor } from '../support/wait.js';
import { closeWsClients, WsClient } from '../support/ws-client.js';
import { ok, refusal } from '../support/replies.js';

/** What the soft authenticator signs for: the relying party in the config must match. */
const ORIGIN = 'https://localhost:8443';
const WEBAUTHN = { rpId: 'localhost', rpName: 'Kapita', origins: [ORIGIN] };
const PASSWORD = 'correct horse battery staple';

const dirs: string[] = [];
const servers: RunningServer[] = [];
const sockets: WebSocket[] = [];
const tlsSockets: tls.TLSSocket[] = [];
const agents: Agent[] = [];
afterEach(async () => {
  closeWsClients();
  for (const socket of sockets.splice(0)) socket.terminate();
  for (const socket of tlsSockets.splice(0)) socket.destroy();
  for (const agent of agents.splice(0)) agent.destroy();
  for (const server of servers.splice(0)) await server.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// ---- a venue with a clock ------------------------------------------------------------------------

interface Venue {
  readonly server: RunningServer;
  readonly dataDir: string;
  /** The CA a client trusts: the server's generated one. */
  readonly ca: string;
  readonly admin: Credentials;
  /** The server's clock (ms); tests move it. */
  readonly clock: { ms: number };
  /** An unauthenticated client from 127.0.0.1. */
  readonly http: RestClient;
  adminToken: { token: string; expiresAt: number } | undefined;
}

function configWith(edge: Partial<EdgeLimits> = {}): VenueConfig {
  return {
    ...DEFAULT_CONFIG,
    capacity: { maxOrders: 2000, maxLevels: 500 },
    snapshotIntervalMs: 50,
    // TLS on, as by default: a generated CA and server certificate in DATA/tls.
    server: { ...DEFAULT_CONFIG.server, host: '127.0.0.1', port: 0, tls: 'auto', plaintext: false },
    // Bans are off unless a test asks (the clock stands still, so failures would pile up).
    edge: { ...DEFAULT_EDGE, authFailuresBeforeBan: 1000, ...edge },
    security: { ...DEFAULT_CONFIG.security, webauthn: WEBAUTHN },
    fix: null,
  };
}

async function startVenue(edge: Partial<EdgeLimits> = {}): Promise<Venue> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kapita-security-'));
  dirs.push(dataDir);
  // On a whole second, so that token times (whole seconds) fall at known offsets from it.
  const clock = { ms: Math.floor(Date.now() / 1000) * 1000 };
  const server = await startServer({ dataDir, config: configWith(edge), say: () => undefined, now: () => clock.ms });
  servers.push(server);
  const ca = server.ca;
  if (ca === undefined) throw new Error('the server is not on TLS');
  const admin = JSON.parse(readFileSync(join(dataDir, 'admin-key.json'), 'utf8')) as Credentials;
  return { server, dataDir, ca, admin, clock, http: new RestClient(server.url, undefined, { ca }), adminToken: undefined };
}

/** A client of the venue from another loopback address (127.0.0.x), looking like another machine. */
function from(v: Venue, localAddress: string): RestClient {
  return new RestClient(v.server.url, undefined, { ca: v.ca, localAddress });
}

/** POST /v1/auth/token signed with `key` at the server's clock. */
async function mint(v: Venue, key: Credentials, options: { timestamp?: number; nonce?: string; client?: RestClient } = {}): Promise<Reply> {
  const timestamp = options.timestamp ?? v.clock.ms;
  const nonce = options.nonce ?? randomBytes(12).toString('hex');
  return (options.client ?? v.http).call('POST', '/v1/auth/token', { keyId: key.keyId, timestamp, nonce, signature: signRequest(key.secret, key.keyId, timestamp, nonce) }, false);
}

async function tokenOf(v: Venue, key: Credentials): Promise<string> {
  return (ok(await mint(v, key)) as { token: string }).token;
}

async function asAdmin(v: Venue, method: string, path: string, body?: unknown): Promise<Reply> {
  if (v.adminToken === undefined || v.clock.ms >= v.adminToken.expiresAt - 10_000) v.adminToken = (ok(await mint(v, v.admin)) as { token: string; expiresAt: number });
  return v.http.call(method, path, body, v.adminToken.token);
}

async function newAccount(v: Venue, name: string): Promise<{ accountId: number; key: Credentials }> {
  const body = (ok(await asAdmin(v, 'POST', '/v1/admin/accounts', { name, deposits: { USD: '100000', BTC: '5' } }), 201) as { accountId: number; keyId: string; secret: string });
  return { accountId: body.accountId, key: { keyId: body.keyId, secret: body.secret } };
}

function totpAt(secret: string, ms: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: ms });
}

/** A code that is none of the three the server accepts at `ms`. */
function wrongTotp(secret: string, ms: number): string {
  const window = new Set([-30_000, 0, 30_000].map((d) => totpAt(secret, ms + d)));
  return ['000000', '123456', '999999', '424242'].find((c) => !window.has(c)) ?? '';
}

function payloadOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function metric(v: Venue, limit: string): Promise<number> {
  const text = (await asAdmin(v, 'GET', '/metrics')).body as string;
  const line = text.split('\n').find((l) => l.startsWith(`kapita_edge_refused_total{limit="${limit}"}`));
  return line === undefined ? 0 : Number(line.split(' ').at(-1));
}


// ---- people --------------------------------------------------------------------------------------

interface Person {
  readonly username: string;
  readonly accountId: number;
  readonly accountKey: Credentials;
  readonly totpSecret: string;
  readonly recoveryCodes: string[];
  readonly key: SoftAuthenticator;
}

interface SignedIn {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly sessionId: string;
  readonly accountId: number;
}

interface MfaTicket {
  readonly next: 'mfa';
  readonly mfaToken: string;
  readonly methods: string[];
  readonly webauthn?: PublicKeyCredentialRequestOptionsJSON;
}

async function login(v: Venue, username: string, password = PASSWORD): Promise<MfaTicket> {
  const ticket = (ok(await v.http.call('POST', '/v1/auth/login', { username, password }, false)) as MfaTicket);
  expect(ticket.next).toBe('mfa');
  return ticket;
}

async function mfa(v: Venue, ticket: MfaTicket, factor: Record<string, unknown>): Promise<Reply> {
  return v.http.call('POST', '/v1/auth/mfa', { mfaToken: ticket.mfaToken, ...factor }, false);
}

/** The security key's answer to the ticket's challenge, as a browser would send it. */
function assertion(p: Person, ticket: MfaTicket, client: Partial<AuthenticateOptions> = {}): Record<string, unknown> {
  if (ticket.webauthn === undefined) throw new Error('the ticket has no security-key challenge');
  return { method: 'webauthn', response: p.key.authenticate(ticket.webauthn, { origin: ORIGIN, ...client }) };
}

async function signInWithKey(v: Venue, p: Person): Promise<SignedIn> {
  const ticket = await login(v, p.username);
  return (ok(await mfa(v, ticket, assertion(p, ticket))) as SignedIn);
}

/** Registers `key` through the WebAuthn options → create() → verify round trip, as `auth` (a session's token or an enrolment ticket). */
async function enrolKey(v: Venue, auth: { token: string } | { enrollToken: string }, key: SoftAuthenticator, name: string): Promise<Reply> {
  const body = 'enrollToken' in auth ? { enrollToken: auth.enrollToken } : {};
  const bearer = 'token' in auth ? auth.token : false;
  const options = (ok(await v.http.call('POST', '/v1/me/mfa/webauthn/options', body, bearer)) as PublicKeyCredentialCreationOptionsJSON);
  return v.http.call('POST', '/v1/me/mfa/webauthn', { ...body, name, response: key.register(options, { origin: ORIGIN }) }, bearer);
}

/**
 * A trader with an account: created by the admin, first factor TOTP (from the enrolment ticket,
 * giving the recovery codes), then signed in with TOTP to enrol a security key. The clock moves 30 s.
 */
async function person(v: Venue, username: string): Promise<Person> {
  const { accountId, key: accountKey } = await newAccount(v, `${username}'s account`);
  ok(await asAdmin(v, 'POST', '/v1/admin/users', { username, password: PASSWORD, role: 'trader', accountId }), 201);
  const first = (ok(await v.http.call('POST', '/v1/auth/login', { username, password: PASSWORD }, false)) as { next: string; enrollToken: string });
  expect(first.next).toBe('enroll');
  const { secret } = (ok(await v.http.call('POST', '/v1/me/mfa/totp', { enrollToken: first.enrollToken }, false)) as { secret: string });
  const { recoveryCodes } = (ok(await v.http.call('POST', '/v1/me/mfa/totp/confirm', { enrollToken: first.enrollToken, code: totpAt(secret, v.clock.ms) }, false)) as { recoveryCodes: string[] });
  // The confirming code's step is spent: sign in with the next one.
  v.clock.ms += 30_000;
  const session = (ok(await mfa(v, await login(v, username), { method: 'totp', code: totpAt(secret, v.clock.ms) })) as SignedIn);
  const key = new SoftAuthenticator();
  ok(await enrolKey(v, { token: session.accessToken }, key, 'key 1'));
  return { username, accountId, accountKey, totpSecret: secret, recoveryCodes, key };
}

// ---- WebSocket -----------------------------------------------------------------------------------


// ---- raw TLS -------------------------------------------------------------------------------------

interface Handshake {
  readonly secure: boolean;
  readonly authorized: boolean;
  readonly protocol: string | null;
  readonly error: (Error & { code?: string }) | undefined;
  readonly socket: tls.TLSSocket;
}

/** Connects (from `localAddress`, which tls.connect hands to the TCP connect) and records whether the TLS handshake completed and how; the socket stays open (closed in afterEach). */
function handshake(v: Venue, options: tls.ConnectionOptions & { localAddress?: string }): Promise<Handshake> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host: '127.0.0.1', port: v.server.port, ...options });
    tlsSockets.push(socket);
    socket.once('secureConnect', () => {
      resolve({ secure: true, authorized: socket.authorized, protocol: socket.getProtocol(), error: undefined, socket });
    });
    socket.once('error', (error: Error & { code?: string }) => {
      resolve({ secure: false, authorized: false, protocol: null, error, socket });
    });
    socket.once('close', () => {
      resolve({ secure: false, authorized: false, protocol: null, error: undefined, socket });
    });
  });
}

/** One HTTPS request through `agent` (a keep-alive agent keeps one connection across requests). */
function through(v: Venue, agent: Agent, method: string, path: string, body?: unknown): Promise<Reply> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpsRequest(`${v.server.url}${path}`, { method, agent, ca: v.ca, headers: text === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: raw.length === 0 ? undefined : (JSON.parse(raw) as unknown), headers: res.headers });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(text);
  });
}

// ---- the tests -----------------------------------------------------------------------------------

describe('the listener: TLS 1.3 only, verified against the generated CA, with security headers', () => {
  it('speaks TLS 1.3 to a client that trusts the CA, refuses TLS 1.2 and an untrusting client; plaintext only on loopback', async () => {
    const v = await startVenue();
    expect(v.server.url).toBe(`https://127.0.0.1:${v.server.port}`);
    const good = await handshake(v, { ca: v.ca });
    expect(good).toMatchObject({ secure: true, authorized: true, protocol: 'TLSv1.3' });
    expect((ok(await v.http.call('GET', '/v1/health', undefined, false)) as { status: string }).status).toBe('ok');

    const old = await handshake(v, { ca: v.ca, maxVersion: 'TLSv1.2' });
    expect(old.secure).toBe(false);
    expect(old.error?.message).toMatch(/protocol version|alert/i);

    const untrusting = await handshake(v, {});
    expect(untrusting.secure).toBe(false);
    expect(untrusting.error?.code).toBe('SELF_SIGNED_CERT_IN_CHAIN');
    // ...and the same for an HTTPS request without the CA, and for plaintext HTTP to the TLS port.
    await expect(requestJson(`${v.server.url}/v1/health`, 'GET', {}, undefined)).rejects.toMatchObject({ code: 'SELF_SIGNED_CERT_IN_CHAIN' });
    await expect(requestJson(`http://127.0.0.1:${v.server.port}/v1/health`, 'GET', {}, undefined)).rejects.toThrow();

    // Plaintext is a loopback-only choice: on a public interface the config is refused, naming the field.
    const exposed = { server: { host: '0.0.0.0', port: 8443, plaintext: true } };
    expect(() => parseVenueConfig(exposed)).toThrow(VenueConfigError);
    expect(() => parseVenueConfig(exposed)).toThrow(/^config server\.plaintext: /);
    try {
      parseVenueConfig(exposed);
    } catch (error) {
      expect((error as VenueConfigError).field).toBe('server.plaintext');
    }
    expect(parseVenueConfig({ server: { host: '127.0.0.1', port: 8443, plaintext: true } }).server.plaintext).toBe(true);
  });

  it('sends HSTS, nosniff, CSP and no-store on answers and errors, and no CORS grant whatever the Origin', async () => {
    const v = await startVenue();
    const origin = { origin: 'https://evil.example' };
    const health = await requestJson(`${v.server.url}/v1/health`, 'GET', origin, undefined, { ca: v.ca });
    const unauthorised = await requestJson(`${v.server.url}/v1/account`, 'GET', { ...origin, authorization: 'Bearer nope' }, undefined, { ca: v.ca });
    expect(refusal(unauthorised)).toEqual([401, 4001, 'UNAUTHENTICATED']);
    const preflight = await requestJson(`${v.server.url}/v1/orders`, 'OPTIONS', { ...origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' }, undefined, { ca: v.ca });
    expect(health.status).toBe(200);
    for (const reply of [health, unauthorised, preflight]) {
      expect(reply.headers['strict-transport-security']).toBe('max-age=31536000');
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['x-frame-options']).toBe('DENY');
      expect(reply.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(reply.headers['cache-control']).toBe('no-store');
      expect(reply.headers['access-control-allow-origin']).toBeUndefined();
      expect(reply.headers['access-control-allow-credentials']).toBeUndefined();
      expect(reply.headers['access-control-allow-methods']).toBeUndefined();
    }
    // No route answers OPTIONS: a preflight gets the not-found error, and no grant.
    expect(refusal(preflight)).toEqual([404, 1024, 'INVALID_REQUEST']);
  });
});

describe('bearer tokens: only the venue’s own, unexpired, for this audience, untouched', () => {
  /** A token like the venue's (the same claims), signed with `key` under `kid`, with changes. */
  async function forge(signingKey: Parameters<SignJWT['sign']>[0], kid: string, claims: { sub: string; kv: number }, nowMs: number, change: { audience?: string; issuer?: string } = {}): Promise<string> {
    const iat = Math.floor(nowMs / 1000);
    return new SignJWT({ knd: 'key', ...claims })
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'JWT' })
      .setIssuer(change.issuer ?? 'kapita')
      .setAudience(change.audience ?? 'kapita-api')
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(iat + 60)
      .setJti(randomBytes(12).toString('base64url'))
      .sign(signingKey);
  }

  it('refuses expired, not-yet-valid, wrong-audience, wrong-issuer, foreign-key, tampered, unsigned and HS256 tokens on GET /v1/account', async () => {
    const v = await startVenue();
    const alice = await newAccount(v, 'alice');
    const bob = await newAccount(v, 'bob');
    const t0 = v.clock.ms;
    const account = (token: string): Promise<Reply> => v.http.call('GET', '/v1/account', undefined, token);

    const token = await tokenOf(v, alice.key);
    expect((ok(await account(token)) as { accountId: number }).accountId).toBe(alice.accountId);
    // Expiry: 60 s of life and 5 s of skew allowance, in whole seconds.
    v.clock.ms = t0 + 64_000;
    expect((await account(token)).status).toBe(200);
    v.clock.ms = t0 + 65_000;
    expect(refusal(await account(token))).toEqual([401, 4002, 'TOKEN_EXPIRED']);
    v.clock.ms = t0 + 66_000;
    expect(refusal(await account(token))).toEqual([401, 4002, 'TOKEN_EXPIRED']);

    // Not yet valid: minted with the clock ten minutes ahead, presented now.
    v.clock.ms = t0 + 600_000;
    const early = await tokenOf(v, alice.key);
    v.clock.ms = t0;
    expect(refusal(await account(early))).toEqual([401, 4001, 'UNAUTHENTICATED']);

    // Forged with the venue's real private key (DATA/token-keys.json): right only with the right claims.
    const ring = (JSON.parse(readFileSync(join(v.dataDir, 'token-keys.json'), 'utf8')) as { keys: { kid: string; jwk: JWK }[] }).keys;
    const real = ring.at(-1);
    if (real === undefined) throw new Error('no signing key');
    expect(decodeProtectedHeader(token).kid).toBe(real.kid);
    const realKey = await importJWK(real.jwk, 'EdDSA');
    const claims = { sub: alice.key.keyId, kv: 1 };
    expect((await account(await forge(realKey, real.kid, claims, t0))).status).toBe(200);
    expect(refusal(await account(await forge(realKey, real.kid, claims, t0, { audience: 'another-api' })))).toEqual([401, 4001, 'UNAUTHENTICATED']);
    expect(refusal(await account(await forge(realKey, real.kid, claims, t0, { issuer: 'someone-else' })))).toEqual([401, 4001, 'UNAUTHENTICATED']);

    // Signed by a key that is not the venue's, under the venue's kid and under one of its own.
    const foreign = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    expect(refusal(await account(await forge(foreign.privateKey, real.kid, claims, t0)))).toEqual([401, 4001, 'UNAUTHENTICATED']);
    expect(refusal(await account(await forge(foreign.privateKey, 'attacker-kid', claims, t0)))).toEqual([401, 4001, 'UNAUTHENTICATED']);

    // Tampered: alice's token with bob's key id in it, alice's signature kept.
    const [, payload, signature] = token.split('.');
    v.clock.ms = t0 + 1000;
    const fresh = await tokenOf(v, alice.key);
    const [freshHeader, freshPayload, freshSignature] = fresh.split('.');
    const swapped = Buffer.from(JSON.stringify({ ...payloadOf(fresh), sub: bob.key.keyId })).toString('base64url');
    expect(refusal(await account(`${freshHeader ?? ''}.${swapped}.${freshSignature ?? ''}`))).toEqual([401, 4001, 'UNAUTHENTICATED']);
    // ...and a signature moved from one genuine token onto another's header and payload.
    expect(refusal(await account(`${freshHeader ?? ''}.${freshPayload ?? ''}.${signature ?? ''}`))).toEqual([401, 4001, 'UNAUTHENTICATED']);
    expect((await account(fresh)).status).toBe(200);

    // alg "none" (unsigned), and HS256 keyed with the public key (algorithm confusion).
    const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const live = { ...payloadOf(fresh) };
    expect(refusal(await account(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(live)}.`))).toEqual([401, 4001, 'UNAUTHENTICATED']);
    expect(refusal(await account(`${b64({ alg: 'none', kid: real.kid, typ: 'JWT' })}.${payload ?? ''}.`))).toEqual([401, 4001, 'UNAUTHENTICATED']);
    const hmacKey = new Uint8Array(Buffer.from(real.jwk.x ?? '', 'base64url'));
    const confused = await new SignJWT(live).setProtectedHeader({ alg: 'HS256', kid: real.kid, typ: 'JWT' }).sign(hmacKey);
    expect(refusal(await account(confused))).toEqual([401, 4001, 'UNAUTHENTICATED']);
    // A token in the wrong place or shape.
    expect(refusal(await account('not.a.jwt'))).toEqual([401, 4001, 'UNAUTHENTICATED']);
    expect(refusal(await v.http.call('GET', '/v1/account', undefined, false))).toEqual([401, 4001, 'UNAUTHENTICATED']);
  });

  it('refuses a replayed nonce and a timestamp outside ±30 s at POST /v1/auth/token', async () => {
    const v = await startVenue();
    const { key } = await newAccount(v, 'alice');
    const nonce = randomBytes(12).toString('hex');
    // 30 s after the start: a timestamp 30 s old is then not before the venue started (refused, see identity-hardening.test.ts).
    v.clock.ms += 30_000;
    expect(refusal(await mint(v, key, { timestamp: v.clock.ms - 30_001, nonce }))).toEqual([401, 4004, 'STALE_TIMESTAMP']);
    expect(refusal(await mint(v, key, { timestamp: v.clock.ms + 30_001, nonce }))).toEqual([401, 4004, 'STALE_TIMESTAMP']);
    expect((await mint(v, key, { timestamp: v.clock.ms - 30_000, nonce })).status).toBe(200);
    expect(refusal(await mint(v, key, { nonce }))).toEqual([401, 4005, 'NONCE_REUSED']);
    expect(refusal(await mint(v, { keyId: key.keyId, secret: 'not-the-secret' }))).toEqual([401, 4006, 'BAD_SIGNATURE']);
  });
});

describe('people: password and a second factor', () => {
  it('an admin creates a trader, who enrols TOTP (recovery codes) and two security keys, then signs in with a key', async () => {
    const v = await startVenue();
    const { accountId } = await newAccount(v, 'carol’s account');
    const user = { username: 'carol', password: PASSWORD, role: 'trader', accountId };
    for (const weak of ['short', 'aaaaaaaaaaaaaaaa', 'abababababab']) {
      expect(refusal(await asAdmin(v, 'POST', '/v1/admin/users', { ...user, password: weak }))).toEqual([400, 1024, 'INVALID_REQUEST']);
    }
    expect(refusal(await asAdmin(v, 'POST', '/v1/admin/users', { ...user, accountId: 99 }))).toEqual([400, 1016, 'INVALID_ACCOUNT']);
    const created = (ok(await asAdmin(v, 'POST', '/v1/admin/users', user), 201) as { userId: string; role: string; scopes: string[]; totp: boolean });
    expect(created).toMatchObject({ username: 'carol', accountId, role: 'trader', scopes: ['read', 'trade'], totp: false, securityKeys: [] });
    expect(JSON.stringify(created)).not.toContain(PASSWORD);
    expect(refusal(await asAdmin(v, 'POST', '/v1/admin/users', user))).toEqual([400, 1024, 'INVALID_REQUEST']);
    expect(refusal(await v.http.call('POST', '/v1/auth/login', { username: 'carol', password: 'wrong password here' }, false))).toEqual([401, 4011, 'BAD_CREDENTIALS']);
    expect(refusal(await v.http.call('POST', '/v1/auth/login', { username: 'nobody', password: PASSWORD }, false))).toEqual([401, 4011, 'BAD_CREDENTIALS']);

    // No second factor yet: the password gets an enrolment ticket, good for nothing else.
    const first = (ok(await v.http.call('POST', '/v1/auth/login', { username: 'carol', password: PASSWORD }, false)) as { next: string; enrollToken: string });
    expect(first.next).toBe('enroll');
    expect(refusal(await v.http.call('GET', '/v1/account', undefined, first.enrollToken))).toEqual([401, 4001, 'UNAUTHENTICATED']);
    expect(refusal(await v.http.call('POST', '/v1/auth/mfa', { mfaToken: first.enrollToken, method: 'totp', code: '000000' }, false))).toEqual([401, 4001, 'UNAUTHENTICATED']);
    const enrollToken = (await v.http.call('POST', '/v1/auth/login', { username: 'carol', password: PASSWORD }, false)).body as { enrollToken: string };
    const { secret, uri } = (ok(await v.http.call('POST', '/v1/me/mfa/totp', enrollToken, false)) as { secret: string; uri: string });
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(refusal(await v.http.call('POST', '/v1/me/mfa/totp/confirm', { ...enrollToken, code: wrongTotp(secret, v.clock.ms) }, false))).toEqual([401, 4013, 'BAD_MFA']);
    const confirmed = (ok(await v.http.call('POST', '/v1/me/mfa/totp/confirm', { ...enrollToken, code: totpAt(secret, v.clock.ms) }, false)) as { totp: boolean; recoveryCodes: string[] });
    expect(confirmed.totp).toBe(true);
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.recoveryCodes).size).toBe(10);
    // The ticket was for the first factor: it cannot add a security key now that TOTP is on.
    const key1 = new SoftAuthenticator();
    expect(refusal(await v.http.call('POST', '/v1/me/mfa/webauthn/options', enrollToken, false))).toEqual([401, 4012, 'MFA_REQUIRED']);

    // Sign in with TOTP (the next step's code: the confirming one is spent), then enrol two keys.
    const totpLogin = await login(v, 'carol');
    expect(totpLogin.methods).toEqual(['totp', 'recovery']);
    expect(totpLogin.webauthn).toBeUndefined();
    v.clock.ms += 30_000;
    const session = (ok(await mfa(v, totpLogin, { method: 'totp', code: totpAt(secret, v.clock.ms) })) as SignedIn);
    const first1 = (ok(await enrolKey(v, { token: session.accessToken }, key1, 'blue key')) as { credentialId: string; recoveryCodes?: string[] });
    expect(first1.credentialId).toBe(key1.id);
    // Later factors keep the codes the user has.
    expect(first1.recoveryCodes).toBeUndefined();
    const key2 = new SoftAuthenticator();
    expect((ok(await enrolKey(v, { token: session.accessToken }, key2, 'red key')) as { credentialId: string }).credentialId).toBe(key2.id);
    // A key registers once: the authenticator refuses itself (excludeCredentials) and the server a repeat.
    const again = (ok(await v.http.call('POST', '/v1/me/mfa/webauthn/options', {}, session.accessToken)) as PublicKeyCredentialCreationOptionsJSON);
    expect(again.excludeCredentials?.map((c) => c.id).sort()).toEqual([key1.id, key2.id].sort());
    const me = (ok(await v.http.call('GET', '/v1/me', undefined, session.accessToken)) as { kind: string; totp: boolean; securityKeys: { id: string; name: string }[]; recoveryCodesLeft: number });
    expect(me).toMatchObject({ kind: 'user', totp: true, recoveryCodesLeft: 10 });
    expect(me.securityKeys.map((k) => k.name)).toEqual(['blue key', 'red key']);

    // Now the password leads to a security-key challenge for both keys; the second key signs in.
    const ticket = await login(v, 'carol');
    expect(ticket.methods).toEqual(['webauthn', 'totp', 'recovery']);
    expect(ticket.webauthn?.rpId).toBe('localhost');
    expect(ticket.webauthn?.allowCredentials?.map((c) => c.id).sort()).toEqual([key1.id, key2.id].sort());
    if (ticket.webauthn === undefined) throw new Error('no challenge');
    const signedIn = (ok(await mfa(v, ticket, { method: 'webauthn', response: key2.authenticate(ticket.webauthn, { origin: ORIGIN }) })) as SignedIn & { role: string; scopes: string[] });
    expect(signedIn).toMatchObject({ accountId, role: 'trader', scopes: ['read', 'trade'] });
    expect(signedIn.refreshToken).toMatch(/^rt_s/);
    expect(payloadOf(signedIn.accessToken)).toMatchObject({ knd: 'user', sid: signedIn.sessionId, aud: 'kapita-api', iss: 'kapita' });
    // The ticket is spent by its success.
    expect(refusal(await mfa(v, ticket, { method: 'totp', code: totpAt(secret, v.clock.ms) }))).toEqual([401, 4001, 'UNAUTHENTICATED']);

    // The session trades for its account and reaches no admin endpoint.
    const token = signedIn.accessToken;
    expect((ok(await v.http.call('GET', '/v1/account', undefined, token)) as { accountId: number }).accountId).toBe(accountId);
    expect((ok(await v.http.call('POST', '/v1/orders', { symbol: 'BTC-USD', side: 'buy', price: '50000', quantity: '0.1' }, token), 201) as { status: string }).status).toBe('new');
    for (const [method, path, body] of [
      ['POST', '/v1/admin/accounts', { name: 'mine' }],
      ['GET', '/v1/admin/users', undefined],
      ['POST', '/v1/admin/users', { ...user, username: 'dave' }],
      ['POST', `/v1/admin/accounts/${accountId}/deposits`, { USD: '1000000' }],
      ['POST', '/v1/admin/token-keys/rotate', {}],
      ['PUT', `/v1/admin/accounts/${accountId}/limits`, { limit: 'maxOpenOrders', value: -1 }],
    ] as const) {
      expect(refusal(await v.http.call(method, path, body, token))).toEqual([403, 4003, 'FORBIDDEN']);
    }
  });
});

describe('second-factor refusals', () => {
  it('refuses a wrong and a replayed TOTP code, bad security-key assertions, a spent recovery code, and a sixth attempt on a ticket', async () => {
    const v = await startVenue();
    const p = await person(v, 'erin');

    // TOTP: a wrong code, then the right one on the same ticket; the same step again is a replay.
    v.clock.ms += 30_000;
    const code = totpAt(p.totpSecret, v.clock.ms);
    const ticket = await login(v, p.username);
    expect(refusal(await mfa(v, ticket, { method: 'totp', code: wrongTotp(p.totpSecret, v.clock.ms) }))).toEqual([401, 4013, 'BAD_MFA']);
    expect(refusal(await mfa(v, ticket, { method: 'totp', code: 'abc' }))).toEqual([401, 4013, 'BAD_MFA']);
    ok(await mfa(v, ticket, { method: 'totp', code }));
    expect(refusal(await mfa(v, await login(v, p.username), { method: 'totp', code }))).toEqual([401, 4014, 'MFA_REPLAYED']);
    // The previous step's code is in the window but older than the one used: a replay too.
    expect(refusal(await mfa(v, await login(v, p.username), { method: 'totp', code: totpAt(p.totpSecret, v.clock.ms - 30_000) }))).toEqual([401, 4014, 'MFA_REPLAYED']);

    // WebAuthn: a good assertion moves the stored counter to the key's.
    await signInWithKey(v, p);
    const stored = p.key.counter;
    expect(stored).toBe(1);
    // A signature that does not verify; a challenge is good for one answer, right or wrong.
    const badSignature = await login(v, p.username);
    expect(refusal(await mfa(v, badSignature, assertion(p, badSignature, { corruptSignature: true })))).toEqual([401, 4013, 'BAD_MFA']);
    expect(refusal(await mfa(v, badSignature, assertion(p, badSignature)))).toEqual([401, 4013, 'BAD_MFA']);
    // Signed for a phishing origin, and for another relying party.
    const phished = await login(v, p.username);
    expect(refusal(await mfa(v, phished, assertion(p, phished, { origin: 'https://localhost.evil.example' })))).toEqual([401, 4013, 'BAD_MFA']);
    const otherRp = await login(v, p.username);
    expect(refusal(await mfa(v, otherRp, assertion(p, otherRp, { rpId: 'evil.example' })))).toEqual([401, 4013, 'BAD_MFA']);
    // Another authenticator (not registered for this user) answering the challenge.
    const stranger = await login(v, p.username);
    if (stranger.webauthn === undefined) throw new Error('no challenge');
    const response = new SoftAuthenticator().authenticate(stranger.webauthn, { origin: ORIGIN, ignoreAllowCredentials: true });
    expect(refusal(await mfa(v, stranger, { method: 'webauthn', response }))).toEqual([401, 4013, 'BAD_MFA']);
    // A counter that went backwards (a cloned key): first move the stored counter on, then go back.
    await signInWithKey(v, p);
    expect(p.key.counter).toBeGreaterThan(stored + 1);
    const cloned = await login(v, p.username);
    expect(refusal(await mfa(v, cloned, assertion(p, cloned, { counter: stored })))).toEqual([401, 4013, 'BAD_MFA']);
    const sameCounter = await login(v, p.username);
    expect(refusal(await mfa(v, sameCounter, assertion(p, sameCounter, { counter: p.key.counter })))).toEqual([401, 4013, 'BAD_MFA']);
    // The genuine key, counting on, still signs in.
    await signInWithKey(v, p);

    // Recovery codes: once each.
    const [recovery, spare] = p.recoveryCodes;
    if (recovery === undefined || spare === undefined) throw new Error('no recovery codes');
    ok(await mfa(v, await login(v, p.username), { method: 'recovery', code: recovery }));
    expect(refusal(await mfa(v, await login(v, p.username), { method: 'recovery', code: recovery }))).toEqual([401, 4013, 'BAD_MFA']);

    // A ticket allows five attempts: the sixth is refused even with a good factor, which stays unspent.
    const limited = await login(v, p.username);
    for (let i = 0; i < 5; i++) expect(refusal(await mfa(v, limited, { method: 'totp', code: wrongTotp(p.totpSecret, v.clock.ms) }))).toEqual([401, 4013, 'BAD_MFA']);
    expect(refusal(await mfa(v, limited, { method: 'recovery', code: spare }))).toEqual([401, 4001, 'UNAUTHENTICATED']);
    ok(await mfa(v, await login(v, p.username), { method: 'recovery', code: spare }));
    const me = (ok(await v.http.call('GET', '/v1/me', undefined, (await signInWithKey(v, p)).accessToken)) as { recoveryCodesLeft: number });
    expect(me.recoveryCodesLeft).toBe(8);
    // A ticket also expires: five minutes.
    const late = await login(v, p.username);
    v.clock.ms += 5 * 60_000;
    expect(refusal(await mfa(v, late, assertion(p, late)))).toEqual([401, 4001, 'UNAUTHENTICATED']);
  });
});

describe('sessions: rotating refresh tokens', () => {
  it('rotates refresh tokens; reuse of a spent one revokes the session, its access tokens and its WebSocket', async () => {
    const v = await startVenue();
    const p = await person(v, 'frank');
    const session = await signInWithKey(v, p);
    const ws = await WsClient.open(v.server.url, v.ca);
    expect(await ws.authenticate(session.accessToken)).toBe(p.accountId);

    const refresh = (token: string): Promise<Reply> => v.http.call('POST', '/v1/auth/refresh', { refreshToken: token }, false);
    const first = (ok(await refresh(session.refreshToken)) as SignedIn);
    expect(first.refreshToken).not.toBe(session.refreshToken);
    expect(first.accessToken).not.toBe(session.accessToken);
    expect(first.sessionId).toBe(session.sessionId);
    const second = (ok(await refresh(first.refreshToken)) as SignedIn);
    expect(new Set([session.refreshToken, first.refreshToken, second.refreshToken]).size).toBe(3);
    expect((await v.http.call('GET', '/v1/account', undefined, second.accessToken)).status).toBe(200);
    expect((await v.http.call('GET', '/v1/account', undefined, session.accessToken)).status).toBe(200);
    expect(ws.closed).toBeUndefined();
    // A refresh token that was never issued is just unknown.
    expect(refusal(await refresh(`rt_${session.sessionId}.${randomBytes(32).toString('base64url')}`))).toEqual([401, 4001, 'UNAUTHENTICATED']);

    // The spent first token presented again: two parties hold the family, so the session ends.
    expect(refusal(await refresh(first.refreshToken))).toEqual([401, 4015, 'REFRESH_TOKEN_REUSED']);
    for (const token of [session.accessToken, first.accessToken, second.accessToken]) {
      expect(refusal(await v.http.call('GET', '/v1/account', undefined, token))).toEqual([401, 4016, 'SESSION_REVOKED']);
    }
    expect(refusal(await refresh(second.refreshToken))).toEqual([401, 4016, 'SESSION_REVOKED']);
    expect(await ws.closedWith()).toEqual({ code: REVOKED_CLOSE, reason: 'session ended: refresh token reused' });
    // A new WebSocket cannot authenticate with the session's token either.
    const late = await WsClient.open(v.server.url, v.ca);
    expect((await late.request({ authRequest: { token: second.accessToken } })).error).toMatchObject({ code: 4016, name: 'SESSION_REVOKED' });
    // Other sessions of the same person are untouched.
    const other = await signInWithKey(v, p);
    expect((await v.http.call('GET', '/v1/account', undefined, other.accessToken)).status).toBe(200);
  });

  it('logout ends the session: its access and refresh tokens and its WebSocket; by refresh token only with a real one', async () => {
    const v = await startVenue();
    const p = await person(v, 'grace');
    const session = await signInWithKey(v, p);
    const ws = await WsClient.open(v.server.url, v.ca);
    await ws.authenticate(session.accessToken);
    expect((ok(await v.http.call('POST', '/v1/auth/logout', {}, session.accessToken)) as { sessionId: string; revoked: boolean })).toEqual({ sessionId: session.sessionId, revoked: true });
    expect(refusal(await v.http.call('GET', '/v1/account', undefined, session.accessToken))).toEqual([401, 4016, 'SESSION_REVOKED']);
    expect(refusal(await v.http.call('POST', '/v1/auth/refresh', { refreshToken: session.refreshToken }, false))).toEqual([401, 4016, 'SESSION_REVOKED']);
    expect(await ws.closedWith()).toEqual({ code: REVOKED_CLOSE, reason: 'session ended: logout' });

    // Logout by refresh token needs the token itself: the session id (in every access token's sid) is not enough.
    const next = await signInWithKey(v, p);
    const guessed = `rt_${String(payloadOf(next.accessToken)['sid'])}.${randomBytes(32).toString('base64url')}`;
    expect(refusal(await v.http.call('POST', '/v1/auth/logout', { refreshToken: guessed }, false))).toEqual([401, 4001, 'UNAUTHENTICATED']);
    expect((await v.http.call('GET', '/v1/account', undefined, next.accessToken)).status).toBe(200);
    expect((ok(await v.http.call('POST', '/v1/auth/logout', { refreshToken: next.refreshToken }, false)) as { revoked: boolean }).revoked).toBe(true);
    expect(refusal(await v.http.call('GET', '/v1/account', undefined, next.accessToken))).toEqual([401, 4016, 'SESSION_REVOKED']);
    // An API key has no session to end.
    expect(refusal(await v.http.call('POST', '/v1/auth/logout', {}, await tokenOf(v, p.accountKey)))).toEqual([400, 1024, 'INVALID_REQUEST']);
  });
});

describe('API keys managed by traders', () => {
  it('scopes, IP allow-lists, rotation, revocation (with WebSocket closes), and keys that cannot make keys', async () => {
    const v = await startVenue();
    const p = await person(v, 'heidi');
    const other = await newAccount(v, 'someone else');
    const user = (await signInWithKey(v, p)).accessToken;
    const create = async (body: Record<string, unknown>): Promise<Credentials & { scopes: string[]; accountId: number }> => ok(await v.http.call('POST', '/v1/keys', body, user), 201) as Credentials & { scopes: string[]; accountId: number };
    const order = { symbol: 'BTC-USD', side: 'buy', price: '50000', quantity: '0.1' };

    // Read-only: reads the account, cannot trade.
    const reader = await create({ name: 'dashboard', scopes: ['read'] });
    expect(reader).toMatchObject({ accountId: p.accountId, scopes: ['read'] });
    const readToken = await tokenOf(v, reader);
    expect((ok(await v.http.call('GET', '/v1/account', undefined, readToken)) as { accountId: number }).accountId).toBe(p.accountId);
    expect(refusal(await v.http.call('POST', '/v1/orders', order, readToken))).toEqual([403, 4003, 'FORBIDDEN']);
    // A trader's keys carry read and trade only, and only for the own account.
    expect(refusal(await v.http.call('POST', '/v1/keys', { name: 'x', scopes: ['admin'] }, user))).toEqual([400, 1024, 'INVALID_REQUEST']);
    expect(refusal(await v.http.call('POST', '/v1/keys', { name: 'x', accountId: other.accountId }, user))).toEqual([403, 4003, 'FORBIDDEN']);

    // Allow-listed to 10.0.0.0/8: refused from 127.0.0.1 at the token request.
    const office = await create({ name: 'office', ipAllowList: ['10.0.0.0/8'] });
    expect(refusal(await mint(v, office))).toEqual([403, 4017, 'IP_NOT_ALLOWED']);
    const local = await create({ name: 'local', ipAllowList: ['127.0.0.1/32'] });
    expect((await mint(v, local)).status).toBe(200);
    expect(refusal(await mint(v, local, { client: from(v, '127.0.0.5') }))).toEqual([403, 4017, 'IP_NOT_ALLOWED']);

    // Rotation: the old secret stops signing, the tokens it got stop verifying, its WebSocket closes.
    const bot = await create({ name: 'bot' });
    const before = await tokenOf(v, bot);
    expect(ok(await v.http.call('POST', '/v1/orders', order, before), 201)).toMatchObject({ status: 'new' });
    const botWs = await WsClient.open(v.server.url, v.ca);
    expect(await botWs.authenticate(before)).toBe(p.accountId);
    const rotated = (ok(await v.http.call('POST', `/v1/keys/${bot.keyId}/rotate`, {}, user)) as Credentials & { rotatedAt: string });
    expect(rotated.keyId).toBe(bot.keyId);
    expect(rotated.secret).not.toBe(bot.secret);
    expect(refusal(await mint(v, bot))).toEqual([401, 4006, 'BAD_SIGNATURE']);
    expect(refusal(await v.http.call('GET', '/v1/account', undefined, before))).toEqual([401, 4018, 'KEY_REVOKED']);
    expect(await botWs.closedWith()).toEqual({ code: REVOKED_CLOSE, reason: 'API key rotated' });
    const after = await tokenOf(v, rotated);
    expect((await v.http.call('GET', '/v1/account', undefined, after)).status).toBe(200);

    // Revocation: tokens and the key are refused, its WebSocket closes.
    const botWs2 = await WsClient.open(v.server.url, v.ca);
    await botWs2.authenticate(after);
    expect((ok(await v.http.call('DELETE', `/v1/keys/${bot.keyId}`, undefined, user)) as { revokedAt?: string }).revokedAt).toBe(new Date(v.clock.ms).toISOString());
    expect(refusal(await v.http.call('GET', '/v1/account', undefined, after))).toEqual([401, 4018, 'KEY_REVOKED']);
    expect(refusal(await mint(v, rotated))).toEqual([401, 4018, 'KEY_REVOKED']);
    expect(await botWs2.closedWith()).toEqual({ code: REVOKED_CLOSE, reason: 'API key revoked' });
    expect(refusal(await v.http.call('POST', `/v1/keys/${bot.keyId}/rotate`, {}, user))).toEqual([401, 4018, 'KEY_REVOKED']);

    // An API key cannot make, rotate, revoke or list keys, whatever its scopes; nor can a trader touch another account's key.
    const trading = await tokenOf(v, p.accountKey);
    expect(refusal(await v.http.call('POST', '/v1/keys', { name: 'mint' }, trading))).toEqual([403, 4003, 'FORBIDDEN']);
    expect(refusal(await v.http.call('POST', '/v1/keys', { name: 'mint' }, readToken))).toEqual([403, 4003, 'FORBIDDEN']);
    expect(refusal(await v.http.call('POST', `/v1/keys/${reader.keyId}/rotate`, {}, trading))).toEqual([403, 4003, 'FORBIDDEN']);
    expect(refusal(await v.http.call('DELETE', `/v1/keys/${reader.keyId}`, undefined, trading))).toEqual([403, 4003, 'FORBIDDEN']);
    expect(refusal(await v.http.call('GET', '/v1/keys', undefined, trading))).toEqual([403, 4003, 'FORBIDDEN']);
    expect(refusal(await v.http.call('DELETE', `/v1/keys/${other.key.keyId}`, undefined, user))).toEqual([401, 4007, 'UNKNOWN_KEY']);
    expect((await v.http.call('GET', '/v1/account', undefined, await tokenOf(v, other.key))).status).toBe(200);

    // The list: the account's keys only, never a secret.
    const listReply = await v.http.call('GET', '/v1/keys', undefined, user);
    const list = (ok(listReply) as { keyId: string; accountId: number; revokedAt?: string }[]);
    expect(list.map((k) => k.keyId).sort()).toEqual([p.accountKey.keyId, reader.keyId, office.keyId, local.keyId, bot.keyId].sort());
    expect(list.every((k) => k.accountId === p.accountId && !('secret' in k))).toBe(true);
    expect(list.find((k) => k.keyId === bot.keyId)?.revokedAt).toBeDefined();
    const raw = JSON.stringify(listReply.body);
    for (const secret of [p.accountKey.secret, reader.secret, office.secret, local.secret, bot.secret, rotated.secret]) expect(raw).not.toContain(secret);
    const all = JSON.stringify((await asAdmin(v, 'GET', '/v1/keys')).body);
    expect(all).toContain(other.key.keyId);
    for (const secret of [v.admin.secret, other.key.secret, reader.secret]) expect(all).not.toContain(secret);
  });
});

describe('signing keys: JWKS and rotation', () => {
  it('publishes the verifying keys; a rotation keeps old tokens valid for their life, then drops the old key', async () => {
    const v = await startVenue();
    const alice = await newAccount(v, 'alice');
    const jwks = async (): Promise<{ keys: (JWK & { kid: string })[] }> => ok(await v.http.call('GET', '/.well-known/jwks.json', undefined, false)) as { keys: (JWK & { kid: string })[] };
    const initial = await jwks();
    expect(initial.keys).toHaveLength(1);
    const [first] = initial.keys;
    expect(first).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(first).not.toHaveProperty('d');
    const before = await tokenOf(v, alice.key);
    expect(decodeProtectedHeader(before)).toMatchObject({ alg: 'EdDSA', kid: first?.kid });
    // Anyone can check a token with the published set.
    const checked = await jwtVerify(before, createLocalJWKSet(initial), { issuer: 'kapita', audience: 'kapita-api', currentDate: new Date(v.clock.ms) });
    expect(checked.payload.sub).toBe(alice.key.keyId);

    expect(refusal(await v.http.call('POST', '/v1/admin/token-keys/rotate', {}, before))).toEqual([403, 4003, 'FORBIDDEN']);
    const { kid } = (ok(await asAdmin(v, 'POST', '/v1/admin/token-keys/rotate', {})) as { kid: string });
    expect(kid).not.toBe(first?.kid);
    // The old token still verifies; both keys are published; new tokens carry the new kid.
    expect((await v.http.call('GET', '/v1/account', undefined, before)).status).toBe(200);
    expect((await jwks()).keys.map((k) => k.kid)).toEqual([first?.kid, kid]);
    v.clock.ms += 30_000;
    const after = await tokenOf(v, alice.key);
    expect(decodeProtectedHeader(after).kid).toBe(kid);
    expect((await v.http.call('GET', '/v1/account', undefined, after)).status).toBe(200);
    expect((await v.http.call('GET', '/v1/account', undefined, before)).status).toBe(200);

    // 65 s after the rotation (a token's life and the skew) the old key is gone.
    v.clock.ms += 35_001;
    const later = await jwks();
    expect(later.keys.map((k) => k.kid)).toEqual([kid]);
    expect(later.keys.every((k) => !('d' in k))).toBe(true);
    expect(refusal(await v.http.call('GET', '/v1/account', undefined, before))).toEqual([401, 4001, 'UNAUTHENTICATED']);
    expect((await v.http.call('GET', '/v1/account', undefined, after)).status).toBe(200);
    const fresh = await tokenOf(v, alice.key);
    expect(decodeProtectedHeader(fresh).kid).toBe(kid);
    const ring = JSON.parse(readFileSync(join(v.dataDir, 'token-keys.json'), 'utf8')) as { keys: { kid: string }[] };
    expect(ring.keys.map((k) => k.kid)).toEqual([kid]);
  });
});

describe('the edge', () => {
  it('bans an address after repeated failed logins, even for the right password, until banMs has passed', async () => {
    const v = await startVenue({ authFailuresBeforeBan: 3, authFailureWindowMs: 60_000, banMs: 120_000 });
    const { accountId } = await newAccount(v, 'ivan’s account');
    ok(await asAdmin(v, 'POST', '/v1/admin/users', { username: 'ivan', password: PASSWORD, role: 'trader', accountId }), 201);
    // The attacker: one kept-alive connection from 127.0.0.4.
    const agent = new Agent({ keepAlive: true, maxSockets: 1, ca: v.ca, localAddress: '127.0.0.4' });
    agents.push(agent);
    const attempt = (password: string): Promise<Reply> => through(v, agent, 'POST', '/v1/auth/login', { username: 'ivan', password });
    for (let i = 0; i < 3; i++) expect(refusal(await attempt(`guess number ${i}!`))).toEqual([401, 4011, 'BAD_CREDENTIALS']);
    const banned = await attempt(PASSWORD);
    expect(refusal(banned)).toEqual([403, 4010, 'BANNED']);
    // The ban also ends the kept-alive connection, and the agent's next connection is refused.
    expect(banned.headers['connection']).toBe('close');
    await expect(through(v, agent, 'GET', '/v1/health')).rejects.toThrow();
    // A new connection from the banned address is closed before any TLS.
    const fresh = await handshake(v, { ca: v.ca, localAddress: '127.0.0.4' });
    expect(fresh.secure).toBe(false);
    // Everyone else is served.
    expect((ok(await v.http.call('POST', '/v1/auth/login', { username: 'ivan', password: PASSWORD }, false)) as { next: string }).next).toBe('enroll');
    expect(await metric(v, 'banned')).toBe(3);

    v.clock.ms += 119_999;
    expect((await handshake(v, { ca: v.ca, localAddress: '127.0.0.4' })).secure).toBe(false);
    v.clock.ms += 1;
    expect((ok(await attempt(PASSWORD)) as { next: string }).next).toBe('enroll');
    expect((await handshake(v, { ca: v.ca, localAddress: '127.0.0.4' })).secure).toBe(true);
    // Failures are counted afresh after a ban.
    expect(refusal(await attempt('one more guess'))).toEqual([401, 4011, 'BAD_CREDENTIALS']);
    expect((ok(await attempt(PASSWORD)) as { next: string }).next).toBe('enroll');
  });

  it('answers a flood of requests from one address 429 RATE_LIMITED, and other addresses are served', async () => {
    const v = await startVenue({ requestsPerSecondPerIp: 2, requestBurstPerIp: 5 });
    const flooder = from(v, '127.0.0.2');
    const health = (client: RestClient): Promise<Reply> => client.call('GET', '/v1/health', undefined, false);
    for (let i = 0; i < 5; i++) expect((await health(flooder)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect(refusal(await health(flooder))).toEqual([429, 4008, 'RATE_LIMITED']);
    // The WebSocket upgrade counts as a request too: refused with the coded error before the handshake.
    const upgrade = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const socket = new WebSocket(`${v.server.url.replace(/^https/, 'wss')}/v1/ws`, { ca: v.ca, localAddress: '127.0.0.2' });
      sockets.push(socket);
      socket.on('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, body });
        });
      });
      socket.on('open', () => {
        reject(new Error('the upgrade was accepted'));
      });
      socket.on('error', () => undefined);
    });
    expect(upgrade.status).toBe(429);
    expect(JSON.parse(upgrade.body)).toMatchObject({ error: { code: 4008, name: 'RATE_LIMITED' } });
    // 127.0.0.1 has its own bucket.
    expect((await health(v.http)).status).toBe(200);
    // A second later, two more tokens.
    v.clock.ms += 1000;
    expect((await health(flooder)).status).toBe(200);
    expect((await health(flooder)).status).toBe(200);
    expect(refusal(await health(flooder))).toEqual([429, 4008, 'RATE_LIMITED']);
    expect(await metric(v, 'requests_per_ip')).toBe(5);
  });

  it('closes the third connection from one address before TLS with connectionsPerIp 2', async () => {
    const v = await startVenue({ connectionsPerIp: 2 });
    const one = await handshake(v, { ca: v.ca, localAddress: '127.0.0.3' });
    const two = await handshake(v, { ca: v.ca, localAddress: '127.0.0.3' });
    expect([one.secure, two.secure]).toEqual([true, true]);
    const three = await handshake(v, { ca: v.ca, localAddress: '127.0.0.3' });
    expect(three.secure).toBe(false);
    expect(three.protocol).toBeNull();
    // Another address is not affected.
    expect((await v.http.call('GET', '/v1/health', undefined, false)).status).toBe(200);
    expect(await metric(v, 'connections_per_ip')).toBe(1);
    // When one closes, the address may connect again.
    const open = v.server.edge.openConnections;
    one.socket.destroy();
    await waitFor(() => (v.server.edge.openConnections < open ? true : undefined), 'the server to see the connection close');
    expect((await handshake(v, { ca: v.ca, localAddress: '127.0.0.3' })).secure).toBe(true);
  });

  it('answers a WebSocket flood with one RATE_LIMITED error, then closes it 4429', async () => {
    const v = await startVenue({ messagesPerSecondPerConnection: 1, messageBurstPerConnection: 5 });
    const ws = await WsClient.open(v.server.url, v.ca);
    for (let i = 0; i < 5; i++) expect((await ws.request({ ping: { timeMs: i } })).pong).toBeDefined();
    // The bucket is empty and the clock stands still: the first refusal of the run is answered, the
    // next four only counted (answering each would let a flood make the server work per frame), and
    // the sixth in a row closes.
    for (let i = 0; i < 6; i++) ws.send({ ping: { timeMs: 100 + i } });
    expect(await ws.closedWith()).toEqual({ code: RATE_LIMITED_CLOSE, reason: 'message rate limit exceeded for too long' });
    const errors = ws.received.filter((e) => e.body === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.error).toMatchObject({ code: 4008, name: 'RATE_LIMITED' });
    expect(ws.received.filter((e) => e.body === 'pong')).toHaveLength(5);
    expect(await metric(v, 'messages_per_connection')).toBe(6);

    // A connection that slows down to the rate is served again.
    const polite = await WsClient.open(v.server.url, v.ca);
    for (let i = 0; i < 5; i++) await polite.request({ ping: { timeMs: i } });
    // A refusal is answered at once, with request id 0 (the frame is not decoded).
    polite.send({ ping: { timeMs: 5 } });
    expect((await polite.next((e) => e.body === 'error', 'the refusal')).error).toMatchObject({ code: 4008, name: 'RATE_LIMITED' });
    v.clock.ms += 1000;
    expect((await polite.request({ ping: { timeMs: 6 } })).pong).toBeDefined();
    expect(polite.closed).toBeUndefined();
  });
});
