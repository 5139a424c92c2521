// Authentication: API keys for programs, sessions for people, and the short-lived tokens both trade
// for.
//
// An API key is an id and a secret. The secret never crosses the wire after it is issued: a client
// proves it holds it by signing `keyId \n timestamp \n nonce` with HMAC-SHA256 and trades the
// signature at POST /v1/auth/token for a JWT that expires in 60 seconds. A timestamp more than 30 s
// from the server's clock, or a nonce used before with the key, is refused. A key carries scopes
// (read, trade, risk, admin) and an optional IP allow-list, and can be rotated (new secret, same id)
// and revoked (its tokens stop verifying at once).
//
// People sign in with a password and a second factor (identity.ts) and get the same 60-second
// tokens, naming their session (`sid`), plus a one-time refresh token (security/sessions.ts).
//
// Tokens are EdDSA (Ed25519) JWTs with issuer, audience, key id (`kid`) and a ±5 s skew bound. The
// signing keys rotate: a new key signs from the moment it is made, and a retired one still verifies
// for the life of the tokens it signed, then is dropped. The public keys are published as a JWKS.
// Tokens are signed and verified with node:crypto's synchronous Ed25519 (~50 µs on the main thread),
// not jose's WebCrypto path: that runs on libuv's 4-thread pool, where password hashes (scrypt,
// ~100 ms each) would queue every token check behind them. The checks are jose's jwtVerify's, made
// here: compact form, alg EdDSA only, typ JWT, no crit, kid in the ring, the signature, then iss,
// aud, exp, nbf and iat with the skew.
//
// A token request is refused when its key is unknown or its signature wrong with one answer (same
// code, message and work: an unknown key's signature is checked against a dummy secret), so the
// answer does not tell which key ids exist. Nonces are remembered in memory only; a request signed
// before this TokenService started is refused, so a request captured before a restart cannot be
// replayed after it (persisting nonces would cost a disk write per token request, on the thread
// that answers orders, to protect what a start time protects for free: a request is signed when it
// is sent, so only those in flight across a restart, at most 30 s old, are refused).
//
// Every key and user has a numeric actor id (keys from 1, users from 2^32: security/users.ts),
// stable for life and carried by the Principal, which sequenced admin commands record.
//
// Keys live in DATA/keys.json and the signing keys in DATA/token-keys.json, both mode 0600 and
// written atomically. The first start creates an admin key and writes it to DATA/admin-key.json.
import { createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, type JsonWebKey, type KeyObject, randomBytes, sign as cryptoSign, timingSafeEqual, verify as cryptoVerify } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { BlockList, isIP } from 'node:net';
import { join } from 'node:path';
import { calculateJwkThumbprint, decodeJwt, decodeProtectedHeader, type JWK, type JWTPayload } from 'jose';
import { ResultCode } from '../domain/result-codes.js';
import { writePrivate } from '../security/files.js';
import type { SessionStore } from './sessions.js';
import { ROLE_SCOPES, type Scope, SCOPES, type User } from './users.js';
import { VenueError } from '../domain/venue-error.js';

export type { Scope } from './users.js';

export const TOKEN_TTL_SECONDS = 60;
export const SIGNATURE_WINDOW_MS = 30_000;
export const ISSUER = 'kapita';
export const AUDIENCE = 'kapita-api';
/** Tolerated difference between clocks when a token's times are checked. */
export const CLOCK_SKEW_SECONDS = 5;

export interface ApiKey {
  readonly keyId: string;
  /** Who this key is in sequenced commands: 1 and up, in the order keys were issued. */
  readonly actorId: number;
  secret: string;
  /** 0 for a venue key (admin or risk), not an account's. */
  readonly accountId: number;
  readonly scopes: Scope[];
  /** Addresses or CIDR blocks the key may be used from; empty for anywhere. */
  readonly ipAllowList: string[];
  readonly name: string;
  readonly createdAt: string;
  /** Bumped by each rotation; tokens carry it, so a rotation also ends the old secret's tokens. */
  secretVersion: number;
  rotatedAt?: string;
  revokedAt?: string;
}

interface KeyFile {
  readonly version: 2;
  nextAccountId: number;
  /** Absent in files from before actor ids: assigned at open, in the file's order. */
  nextActorId: number;
  keys: ApiKey[];
}

/** keys.json as read: version 2 files from before actor ids lack them. */
interface KeyFileStored {
  readonly version: 2;
  readonly nextAccountId: number;
  readonly nextActorId?: number;
  readonly keys: (Omit<ApiKey, 'actorId'> & { actorId?: number })[];
}

/** Version 1 (issue 5) keys had an admin flag instead of scopes. */
interface KeyFileV1 {
  readonly version: 1;
  nextAccountId: number;
  keys: { keyId: string; secret: string; accountId: number; admin: boolean; name: string; createdAt: string }[];
}

/** What a verified token says about its holder. */
export interface Principal {
  /** `key` for a program's API key, `user` for a person's session. */
  readonly kind: 'key' | 'user';
  /** The key id or the user id. */
  readonly subject: string;
  /** The key's or user's actor id, for the commands it makes (deposits, limits). */
  readonly actorId: number;
  readonly accountId: number;
  readonly scopes: ReadonlySet<Scope>;
  /** Shorthand for scopes.has('admin'). */
  readonly admin: boolean;
  /** A person's session, which logout or refresh-token reuse revokes. */
  readonly sessionId: string | undefined;
  /** When the token expires (ms). */
  readonly expiresAtMs: number;
  /** For a key: the secret version the token was issued under. */
  readonly keyVersion: number | undefined;
}

/** A refused authentication: counts towards the address's ban when countsAsAuthFailure says so. */
export class AuthError extends VenueError {
  constructor(code: ResultCode, message: string) {
    super(code, message);
    this.name = 'AuthError';
  }
}

/**
 * Authentication failures that count towards a ban: wrong secrets, signatures, passwords and second
 * factors, forged tokens. An expired token or an ended session is what an honest client meets too.
 */
export function countsAsAuthFailure(code: ResultCode): boolean {
  // A request signed before a restart is what an honest client with a clock a little behind sends
  // right after one: refused (no replay across a restart), but not a strike towards a ban.
  return code !== ResultCode.TOKEN_EXPIRED && code !== ResultCode.SESSION_REVOKED && code !== ResultCode.KEY_REVOKED && code !== ResultCode.IP_NOT_ALLOWED && code !== ResultCode.SIGNED_BEFORE_START;
}

export function signRequest(secret: string, keyId: string, timestamp: number, nonce: string): string {
  return createHmac('sha256', secret).update(`${keyId}\n${timestamp}\n${nonce}`).digest('hex');
}

/** Checks an IP allow-list entry (an address or a CIDR block); returns a reason when it is not one. */
export function allowListProblem(entry: string): string | undefined {
  const [address, bits, extra] = entry.split('/');
  if (extra !== undefined || address === undefined) return `"${entry}" is not an address or CIDR block`;
  const family = isIP(address);
  if (family === 0) return `"${entry}" is not an IPv4 or IPv6 address`;
  if (bits === undefined) return undefined;
  const prefix = /^[0-9]{1,3}$/.test(bits) ? Number(bits) : -1;
  if (prefix < 0 || prefix > (family === 4 ? 32 : 128)) return `"${entry}" has a bad prefix length`;
  return undefined;
}

/** An allow-list as a BlockList (node:net), which matches IPv4, IPv6 and IPv4-mapped IPv6 addresses. */
function allowListOf(entries: readonly string[]): BlockList | undefined {
  if (entries.length === 0) return undefined;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

/** True when `ip` (as the socket reports it) is on the list. */
function allowed(list: BlockList, ip: string): boolean {
  const mapped = /^::ffff:([0-9.]+)$/i.exec(ip)?.[1];
  if (mapped !== undefined) return list.check(mapped, 'ipv4') || list.check(ip, 'ipv6');
  return list.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4');
}

export class KeyStore {
  private readonly byId = new Map<string, ApiKey>();
  private readonly allowLists = new Map<string, BlockList>();
  private readonly revokedListeners: ((key: ApiKey) => void)[] = [];

  private constructor(
    private readonly path: string,
    private readonly file: KeyFile,
  ) {
    for (const key of file.keys) this.index(key);
  }

  /** Opens DATA/keys.json (upgrading a version 1 file), creating it with an admin key (also written to DATA/admin-key.json) on first start. */
  static open(dataDir: string): { store: KeyStore; createdAdmin: string | undefined } {
    const path = join(dataDir, 'keys.json');
    if (existsSync(path)) {
      const raw = JSON.parse(readFileSync(path, 'utf8')) as KeyFileStored | KeyFileV1;
      const stored: KeyFileStored =
        raw.version === 2
          ? raw
          : {
              version: 2,
              nextAccountId: raw.nextAccountId,
              keys: raw.keys.map((k) => ({ keyId: k.keyId, secret: k.secret, accountId: k.accountId, scopes: k.admin ? ['read', 'risk', 'admin'] : ['read', 'trade'], ipAllowList: [], name: k.name, createdAt: k.createdAt, secretVersion: 1 })),
            };
      // Keys from before actor ids get them now, in the file's (issue) order.
      let next = stored.nextActorId ?? 1;
      const keys = stored.keys.map((k): ApiKey => ({ ...k, actorId: k.actorId ?? next++ }));
      const store = new KeyStore(path, { version: 2, nextAccountId: stored.nextAccountId, nextActorId: next, keys });
      if (raw.version !== 2 || stored.nextActorId === undefined || stored.keys.some((k) => k.actorId === undefined)) store.save();
      return { store, createdAdmin: undefined };
    }
    const store = new KeyStore(path, { version: 2, nextAccountId: 1, nextActorId: 1, keys: [] });
    const admin = store.issue({ accountId: 0, scopes: ['read', 'risk', 'admin'], name: 'admin', ipAllowList: [] }, new Date().toISOString());
    const adminPath = join(dataDir, 'admin-key.json');
    writePrivate(adminPath, `${JSON.stringify({ keyId: admin.keyId, secret: admin.secret }, null, 2)}\n`);
    return { store, createdAdmin: adminPath };
  }

  /** Called with every key that is revoked, to close the sessions it carries. */
  onRevoked(listener: (key: ApiKey) => void): void {
    this.revokedListeners.push(listener);
  }

  get(keyId: string): ApiKey | undefined {
    return this.byId.get(keyId);
  }

  /** Keys of one account, or all keys for `undefined`, newest last. */
  list(accountId: number | undefined): ApiKey[] {
    return this.file.keys.filter((k) => accountId === undefined || k.accountId === accountId);
  }

  /** False when the key has an allow-list and `ip` is not on it. */
  allows(key: ApiKey, ip: string | undefined): boolean {
    const list = this.allowLists.get(key.keyId);
    return list === undefined || (ip !== undefined && allowed(list, ip));
  }

  /** A new account id (accounts exist in the core once funded or given limits). */
  allocateAccount(): number {
    const id = this.file.nextAccountId;
    this.file.nextAccountId++;
    this.save();
    return id;
  }

  /** True for an account id this store has allocated. */
  isIssued(accountId: number): boolean {
    return Number.isSafeInteger(accountId) && accountId >= 1 && accountId < this.file.nextAccountId;
  }

  issue(spec: { accountId: number; scopes: readonly Scope[]; name: string; ipAllowList: readonly string[] }, now: string): ApiKey {
    for (const scope of spec.scopes) if (!SCOPES.includes(scope)) throw new Error(`unknown scope ${scope}`);
    for (const entry of spec.ipAllowList) {
      const problem = allowListProblem(entry);
      if (problem !== undefined) throw new Error(problem);
    }
    const key: ApiKey = {
      keyId: `k${randomBytes(9).toString('base64url')}`,
      actorId: this.file.nextActorId++,
      secret: randomBytes(32).toString('base64url'),
      accountId: spec.accountId,
      scopes: [...new Set(spec.scopes)],
      ipAllowList: [...spec.ipAllowList],
      name: spec.name,
      createdAt: now,
      secretVersion: 1,
    };
    this.file.keys.push(key);
    this.index(key);
    this.save();
    return key;
  }

  /** A new secret for the key; the old secret and the tokens it signed for stop working at once. */
  rotate(keyId: string, now: string): ApiKey {
    const key = this.byId.get(keyId);
    if (key === undefined || key.revokedAt !== undefined) throw new AuthError(key === undefined ? ResultCode.UNKNOWN_KEY : ResultCode.KEY_REVOKED, `cannot rotate key ${keyId}`);
    key.secret = randomBytes(32).toString('base64url');
    key.secretVersion++;
    key.rotatedAt = now;
    this.save();
    for (const listener of this.revokedListeners) listener(key);
    return key;
  }

  /** Revokes the key for good: its tokens stop verifying and its live sessions are closed. */
  revoke(keyId: string, now: string): ApiKey {
    const key = this.byId.get(keyId);
    if (key === undefined) throw new AuthError(ResultCode.UNKNOWN_KEY, `no API key ${keyId}`);
    if (key.revokedAt !== undefined) return key;
    key.revokedAt = now;
    this.save();
    for (const listener of this.revokedListeners) listener(key);
    return key;
  }

  private index(key: ApiKey): void {
    this.byId.set(key.keyId, key);
    const list = allowListOf(key.ipAllowList);
    if (list !== undefined) this.allowLists.set(key.keyId, list);
  }

  private save(): void {
    writePrivate(this.path, `${JSON.stringify(this.file, null, 2)}\n`);
  }
}

/** A signing key as stored: the private JWK, when it was made, and when it stopped signing. */
interface SigningKeyRecord {
  readonly kid: string;
  readonly jwk: JWK;
  readonly createdAtMs: number;
  retiredAtMs?: number;
}

interface SigningKey {
  readonly record: SigningKeyRecord;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly publicJwk: JWK;
}

/** What the token service needs to know about people (identity.ts provides it). */
export interface UserDirectory {
  get(userId: string): User | undefined;
}

/** One answer for an unknown key and a wrong signature: nothing in it says which it was. */
const BAD_KEY_OR_SIGNATURE = 'unknown key or signature does not match';
/** A compact JWS: three base64url parts (the signature is never empty: alg none has none). */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** `run()`'s result as a promise, its throw as a rejection: synchronous work behind an async-shaped API. */
function promised<T>(run: () => T): Promise<T> {
  return new Promise((resolve) => {
    resolve(run());
  });
}

function invalid(reason: string): AuthError {
  return new AuthError(ResultCode.UNAUTHENTICATED, `invalid token: ${reason}`);
}

/** Issues and verifies tokens; remembers recent nonces per key to refuse a replayed signature. */
export class TokenService {
  /** keyId → nonce → ms until which it is remembered. */
  private readonly nonces = new Map<string, Map<string, number>>();
  /** Newest last; the newest signs. */
  private ring: SigningKey[];
  /** Token requests signed before this are refused (see the top of the file). */
  readonly startedAtMs: number;
  /** Checked against for an unknown key id, so that its answer costs what a real key's does. */
  private readonly dummySecret = randomBytes(32).toString('base64url');

  private constructor(
    private readonly path: string,
    private readonly keys: KeyStore,
    private readonly users: UserDirectory,
    private readonly sessions: SessionStore,
    ring: SigningKey[],
    private readonly now: () => number,
  ) {
    this.ring = ring;
    this.startedAtMs = now();
  }

  static async open(dataDir: string, keys: KeyStore, users: UserDirectory, sessions: SessionStore, now: () => number = Date.now): Promise<TokenService> {
    const path = join(dataDir, 'token-keys.json');
    const legacy = join(dataDir, 'token-key.json');
    let records: SigningKeyRecord[];
    if (existsSync(path)) {
      records = (JSON.parse(readFileSync(path, 'utf8')) as { keys: SigningKeyRecord[] }).keys;
    } else if (existsSync(legacy)) {
      // Issue 5 kept one key in token-key.json; it becomes the ring's first key.
      const jwk = JSON.parse(readFileSync(legacy, 'utf8')) as JWK;
      records = [{ kid: await calculateJwkThumbprint(publicPart(jwk, legacy)), jwk, createdAtMs: now() }];
    } else {
      records = [await newSigningKey(now())];
    }
    const ring = records.map((r) => loadSigningKey(r, path));
    const service = new TokenService(path, keys, users, sessions, ring, now);
    service.save();
    return service;
  }

  /** Starts signing with a new key; the old ones verify until their last tokens have expired. */
  async rotateSigningKey(): Promise<string> {
    const now = this.now();
    const fresh = loadSigningKey(await newSigningKey(now), this.path);
    for (const k of this.ring) k.record.retiredAtMs ??= now;
    this.ring = [...this.ring, fresh];
    this.prune(now);
    this.save();
    return fresh.record.kid;
  }

  /** The age in ms of the key that signs now. */
  signingKeyAgeMs(): number {
    return this.now() - this.current().record.createdAtMs;
  }

  /** The public keys that verify tokens now (RFC 7517 JWK Set), for GET /.well-known/jwks.json. */
  jwks(): { keys: JWK[] } {
    this.prune(this.now());
    return { keys: this.ring.map((k) => ({ ...k.publicJwk, kid: k.record.kid, alg: 'EdDSA', use: 'sig' })) };
  }

  /** Checks a key signature and returns a 60-second token. Throws AuthError with the reason. */
  token(keyId: string, timestamp: number, nonce: string, signature: string, ip?: string): Promise<{ token: string; expiresAt: number; accountId: number }> {
    return promised(() => this.tokenNow(keyId, timestamp, nonce, signature, ip));
  }

  private tokenNow(keyId: string, timestamp: number, nonce: string, signature: string, ip: string | undefined): { token: string; expiresAt: number; accountId: number } {
    const now = this.now();
    if (!Number.isSafeInteger(timestamp) || Math.abs(now - timestamp) > SIGNATURE_WINDOW_MS) throw new AuthError(ResultCode.STALE_TIMESTAMP, `timestamp ${timestamp} is more than ${SIGNATURE_WINDOW_MS} ms from ${now}`);
    if (timestamp < this.startedAtMs) throw new AuthError(ResultCode.SIGNED_BEFORE_START, `timestamp ${timestamp} is before the venue started (${this.startedAtMs}): sign a fresh request`);
    const key = this.keys.get(keyId);
    // An unknown key is checked against a dummy secret: the same work and the same answer as a wrong signature.
    const expected = Buffer.from(signRequest(key?.secret ?? this.dummySecret, keyId, timestamp, nonce), 'hex');
    const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(expected.length);
    const matches = timingSafeEqual(given, expected) && given.length === expected.length && /^[0-9a-f]{64}$/.test(signature);
    if (key === undefined || !matches) throw new AuthError(ResultCode.BAD_SIGNATURE, BAD_KEY_OR_SIGNATURE);
    // Checked after the signature, so the answers do not tell a stranger which keys exist or are revoked.
    if (key.revokedAt !== undefined) throw new AuthError(ResultCode.KEY_REVOKED, `key ${keyId} was revoked at ${key.revokedAt}`);
    if (!this.keys.allows(key, ip)) throw new AuthError(ResultCode.IP_NOT_ALLOWED, `${ip ?? 'this address'} is not on the allow-list of key ${keyId}`);
    const seen = this.nonces.get(keyId) ?? new Map<string, number>();
    for (const [n, until] of seen) if (until < now) seen.delete(n);
    if (seen.has(nonce)) throw new AuthError(ResultCode.NONCE_REUSED, 'nonce already used');
    // A nonce is remembered for as long as its timestamp could still be accepted.
    seen.set(nonce, timestamp + SIGNATURE_WINDOW_MS);
    this.nonces.set(keyId, seen);
    const { token, expiresAt } = this.sign({ sub: keyId, knd: 'key', kv: key.secretVersion }, now);
    return { token, expiresAt, accountId: key.accountId };
  }

  /** A 60-second token for a person's live session. */
  userToken(user: User, sessionId: string): Promise<{ token: string; expiresAt: number }> {
    return Promise.resolve(this.sign({ sub: user.id, knd: 'user', sid: sessionId }, this.now()));
  }

  /**
   * Verifies a bearer token: signature (by `kid`, EdDSA only), issuer, audience, times (±5 s skew),
   * and that what it names is still live: the key not revoked or rotated, the session not revoked,
   * and the caller's address on the key's allow-list. Runs synchronously (verifyNow); the promise
   * keeps the callers' shape.
   */
  verify(token: string, ip?: string): Promise<Principal> {
    return promised(() => this.verifyNow(token, ip));
  }

  /** verify() on the calling thread, without a promise. */
  verifyNow(token: string, ip?: string): Principal {
    const payload = this.verifiedClaims(token);
    const subject = payload.sub ?? '';
    const expiresAtMs = (payload.exp ?? 0) * 1000;
    if (payload['knd'] === 'key') {
      const key = this.keys.get(subject);
      if (key === undefined) throw new AuthError(ResultCode.UNAUTHENTICATED, 'the token names an unknown key');
      if (key.revokedAt !== undefined) throw new AuthError(ResultCode.KEY_REVOKED, `key ${subject} was revoked`);
      if (payload['kv'] !== key.secretVersion) throw new AuthError(ResultCode.KEY_REVOKED, `key ${subject} was rotated after this token was issued`);
      if (!this.keys.allows(key, ip)) throw new AuthError(ResultCode.IP_NOT_ALLOWED, `${ip ?? 'this address'} is not on the allow-list of key ${subject}`);
      const scopes = new Set(key.scopes);
      return { kind: 'key', subject, actorId: key.actorId, accountId: key.accountId, scopes, admin: scopes.has('admin'), sessionId: undefined, expiresAtMs, keyVersion: key.secretVersion };
    }
    if (payload['knd'] === 'user') {
      const user = this.users.get(subject);
      const sid = typeof payload['sid'] === 'string' ? payload['sid'] : '';
      if (user === undefined || user.disabled === true) throw new AuthError(ResultCode.UNAUTHENTICATED, 'the token names an unknown or disabled user');
      if (!this.sessions.isLive(sid, this.now())) throw new AuthError(ResultCode.SESSION_REVOKED, `session ${sid} has ended`);
      const scopes = new Set(ROLE_SCOPES[user.role]);
      return { kind: 'user', subject, actorId: user.actorId, accountId: user.accountId, scopes, admin: scopes.has('admin'), sessionId: sid, expiresAtMs, keyVersion: undefined };
    }
    throw new AuthError(ResultCode.UNAUTHENTICATED, 'the token is of no known type');
  }

  /**
   * Whether what a verified principal names is still live now: the session not revoked, the key
   * neither revoked nor rotated since. For a verification that awaited while a revocation ran.
   */
  stillLive(principal: Principal): boolean {
    if (principal.kind === 'user') return principal.sessionId !== undefined && this.sessions.isLive(principal.sessionId, this.now());
    const key = this.keys.get(principal.subject);
    return key !== undefined && key.revokedAt === undefined && key.secretVersion === principal.keyVersion;
  }

  /** The payload of a token whose header, signature and times check out (jose's jwtVerify checks, on this thread). */
  private verifiedClaims(token: string): JWTPayload {
    if (!COMPACT_JWS.test(token)) throw invalid('not a signed compact JWT');
    const [head = '', body = '', signature = ''] = token.split('.');
    let header;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      throw invalid('the header is not JSON');
    }
    if (header.alg !== 'EdDSA') throw invalid(`algorithm ${String(header.alg)} is not accepted`);
    if (header.typ !== 'JWT') throw invalid(`type ${String(header.typ)} is not JWT`);
    if (header.crit !== undefined || header.b64 !== undefined) throw invalid('critical header parameters are not accepted');
    this.prune(this.now());
    const key = this.ring.find((k) => k.record.kid === header.kid);
    if (key === undefined) throw invalid(`no verification key ${String(header.kid)}`);
    const sig = Buffer.from(signature, 'base64url');
    if (sig.length !== 64 || !cryptoVerify(null, Buffer.from(`${head}.${body}`), key.publicKey, sig)) throw invalid('signature verification failed');
    let payload: JWTPayload;
    try {
      payload = decodeJwt(token);
    } catch {
      throw invalid('the payload is not a JSON object');
    }
    this.checkClaims(payload);
    return payload;
  }

  /** iss, aud, and exp / nbf / iat (all required) against the clock with the skew allowance. */
  private checkClaims(payload: JWTPayload): void {
    if (payload.iss !== ISSUER) throw invalid('unexpected "iss" claim value');
    const audience = payload.aud;
    if (audience !== AUDIENCE && !(Array.isArray(audience) && audience.includes(AUDIENCE))) throw invalid('unexpected "aud" claim value');
    const { exp, nbf, iat } = payload;
    if (typeof exp !== 'number' || typeof nbf !== 'number' || typeof iat !== 'number') throw invalid('"exp", "nbf" and "iat" must be numbers');
    const nowSeconds = Math.floor(this.now() / 1000);
    if (exp <= nowSeconds - CLOCK_SKEW_SECONDS) throw new AuthError(ResultCode.TOKEN_EXPIRED, 'token expired');
    if (nbf > nowSeconds + CLOCK_SKEW_SECONDS) throw invalid('"nbf" claim timestamp check failed');
    if (iat > nowSeconds + CLOCK_SKEW_SECONDS) throw invalid('"iat" claim is in the future');
  }

  private sign(claims: Record<string, unknown>, now: number): { token: string; expiresAt: number } {
    const issuedAt = Math.floor(now / 1000);
    const signer = this.current();
    const header = { alg: 'EdDSA', kid: signer.record.kid, typ: 'JWT' };
    const payload = { ...claims, iss: ISSUER, aud: AUDIENCE, iat: issuedAt, nbf: issuedAt, exp: issuedAt + TOKEN_TTL_SECONDS, jti: randomBytes(12).toString('base64url') };
    const signingInput = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    const signature = cryptoSign(null, Buffer.from(signingInput), signer.privateKey).toString('base64url');
    return { token: `${signingInput}.${signature}`, expiresAt: (issuedAt + TOKEN_TTL_SECONDS) * 1000 };
  }

  private current(): SigningKey {
    const key = this.ring.at(-1);
    if (key === undefined) throw new Error('the signing key ring is empty');
    return key;
  }

  /** Drops retired keys once every token they signed has expired (life plus skew). */
  private prune(now: number): void {
    // Called on every verification: nothing to do, and nothing allocated, while no key is retired.
    if (!this.ring.some((k) => k.record.retiredAtMs !== undefined)) return;
    const keep = this.ring.filter((k) => k.record.retiredAtMs === undefined || now < k.record.retiredAtMs + (TOKEN_TTL_SECONDS + CLOCK_SKEW_SECONDS) * 1000);
    if (keep.length !== this.ring.length) {
      this.ring = keep;
      this.save();
    }
  }

  private save(): void {
    writePrivate(this.path, `${JSON.stringify({ keys: this.ring.map((k) => k.record) })}\n`);
  }
}

function publicPart(jwk: JWK, path: string): JWK {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || jwk.x === undefined || jwk.d === undefined) throw new Error(`${path} holds a key that is not an Ed25519 private key`);
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
}

async function newSigningKey(nowMs: number): Promise<SigningKeyRecord> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' }) as JWK;
  return { kid: await calculateJwkThumbprint(publicPart(jwk, 'a new key')), jwk, createdAtMs: nowMs };
}

function loadSigningKey(record: SigningKeyRecord, path: string): SigningKey {
  const publicJwk = publicPart(record.jwk, path);
  return { record, privateKey: createPrivateKey({ key: record.jwk as JsonWebKey, format: 'jwk' }), publicKey: createPublicKey({ key: publicJwk as JsonWebKey, format: 'jwk' }), publicJwk };
}
