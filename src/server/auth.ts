// Authentication for programs: API keys and short-lived tokens.
//
// An API key is an id and a secret. The secret never crosses the wire after it is issued: a client
// proves it holds it by signing `keyId \n timestamp \n nonce` with HMAC-SHA256 and trades the
// signature at POST /v1/auth/token for a JWT that expires in 60 seconds. A timestamp more than 30 s
// from the server's clock, or a nonce used before with the key, is refused.
//
// Keys live in DATA/keys.json and the token signing key (Ed25519) in DATA/token-key.json, both mode
// 0600 and written atomically. The first start creates an admin key and writes it to
// DATA/admin-key.json (0600) for the operator.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import { ResultCode } from '../domain/result-codes.js';

export const TOKEN_TTL_SECONDS = 60;
export const SIGNATURE_WINDOW_MS = 30_000;
export const ISSUER = 'kapita';
export const AUDIENCE = 'kapita-api';
/** Tolerated difference between clocks when a token's times are checked. */
const CLOCK_SKEW_SECONDS = 5;

export interface ApiKey {
  readonly keyId: string;
  readonly secret: string;
  /** 0 for an admin key (not an account's). */
  readonly accountId: number;
  readonly admin: boolean;
  readonly name: string;
  readonly createdAt: string;
}

interface KeyFile {
  readonly version: 1;
  nextAccountId: number;
  keys: ApiKey[];
}

/** What a verified token says about its holder. */
export interface Principal {
  readonly keyId: string;
  readonly accountId: number;
  readonly admin: boolean;
}

export class AuthError extends Error {
  constructor(
    readonly code: ResultCode,
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

function writePrivate(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text, { mode: 0o600, flush: true });
  renameSync(`${path}.tmp`, path);
}

export function signRequest(secret: string, keyId: string, timestamp: number, nonce: string): string {
  return createHmac('sha256', secret).update(`${keyId}\n${timestamp}\n${nonce}`).digest('hex');
}

export class KeyStore {
  private readonly byId = new Map<string, ApiKey>();

  private constructor(
    private readonly path: string,
    private readonly file: KeyFile,
  ) {
    for (const key of file.keys) this.byId.set(key.keyId, key);
  }

  /** Opens DATA/keys.json, creating it with an admin key (also written to DATA/admin-key.json) on first start. */
  static open(dataDir: string): { store: KeyStore; createdAdmin: string | undefined } {
    const path = join(dataDir, 'keys.json');
    if (existsSync(path)) return { store: new KeyStore(path, JSON.parse(readFileSync(path, 'utf8')) as KeyFile), createdAdmin: undefined };
    const store = new KeyStore(path, { version: 1, nextAccountId: 1, keys: [] });
    const admin = store.issue(0, true, 'admin');
    const adminPath = join(dataDir, 'admin-key.json');
    writePrivate(adminPath, `${JSON.stringify({ keyId: admin.keyId, secret: admin.secret }, null, 2)}\n`);
    return { store, createdAdmin: adminPath };
  }

  get(keyId: string): ApiKey | undefined {
    return this.byId.get(keyId);
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

  issue(accountId: number, admin: boolean, name: string): ApiKey {
    const key: ApiKey = { keyId: `k${randomBytes(9).toString('base64url')}`, secret: randomBytes(32).toString('base64url'), accountId, admin, name, createdAt: new Date().toISOString() };
    this.file.keys.push(key);
    this.byId.set(key.keyId, key);
    this.save();
    return key;
  }

  private save(): void {
    writePrivate(this.path, `${JSON.stringify(this.file, null, 2)}\n`);
  }
}

/** Issues and verifies tokens; remembers recent nonces per key to refuse a replayed signature. */
export class TokenService {
  /** keyId → nonce → ms until which it is remembered. */
  private readonly nonces = new Map<string, Map<string, number>>();

  private constructor(
    private readonly keys: KeyStore,
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
    private readonly kid: string,
    private readonly now: () => number,
  ) {}

  static async open(dataDir: string, keys: KeyStore, now: () => number = Date.now): Promise<TokenService> {
    const path = join(dataDir, 'token-key.json');
    let jwk: JWK;
    if (existsSync(path)) {
      jwk = JSON.parse(readFileSync(path, 'utf8')) as JWK;
    } else {
      const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
      jwk = await exportJWK(pair.privateKey);
      writePrivate(path, `${JSON.stringify(jwk)}\n`);
    }
    if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || jwk.x === undefined || jwk.d === undefined) throw new Error(`${path} is not an Ed25519 private key`);
    const publicJwk: JWK = { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
    const privateKey = (await importJWK(jwk, 'EdDSA')) as CryptoKey;
    const publicKey = (await importJWK(publicJwk, 'EdDSA')) as CryptoKey;
    return new TokenService(keys, privateKey, publicKey, await calculateJwkThumbprint(publicJwk), now);
  }

  /** Checks a key signature and returns a 60-second token. Throws AuthError with the reason. */
  async token(keyId: string, timestamp: number, nonce: string, signature: string): Promise<{ token: string; expiresAt: number; accountId: number }> {
    const key = this.keys.get(keyId);
    if (key === undefined) throw new AuthError(ResultCode.UNKNOWN_KEY, `no API key ${keyId}`);
    const now = this.now();
    if (!Number.isSafeInteger(timestamp) || Math.abs(now - timestamp) > SIGNATURE_WINDOW_MS) throw new AuthError(ResultCode.STALE_TIMESTAMP, `timestamp ${timestamp} is more than ${SIGNATURE_WINDOW_MS} ms from ${now}`);
    const expected = Buffer.from(signRequest(key.secret, keyId, timestamp, nonce), 'hex');
    const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new AuthError(ResultCode.BAD_SIGNATURE, 'signature does not match');
    const seen = this.nonces.get(keyId) ?? new Map<string, number>();
    for (const [n, until] of seen) if (until < now) seen.delete(n);
    if (seen.has(nonce)) throw new AuthError(ResultCode.NONCE_REUSED, 'nonce already used');
    // A nonce is remembered for as long as its timestamp could still be accepted.
    seen.set(nonce, timestamp + SIGNATURE_WINDOW_MS);
    this.nonces.set(keyId, seen);
    const issuedAt = Math.floor(now / 1000);
    const token = await new SignJWT({ acct: key.accountId, adm: key.admin })
      .setProtectedHeader({ alg: 'EdDSA', kid: this.kid })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(keyId)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(issuedAt + TOKEN_TTL_SECONDS)
      .sign(this.privateKey);
    return { token, expiresAt: (issuedAt + TOKEN_TTL_SECONDS) * 1000, accountId: key.accountId };
  }

  /** Verifies a bearer token: signature, algorithm, issuer, audience, times (±5 s skew), and that its key still exists. */
  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.publicKey, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['EdDSA'], clockTolerance: CLOCK_SKEW_SECONDS, currentDate: new Date(this.now()) });
      const keyId = payload.sub ?? '';
      const key = this.keys.get(keyId);
      if (key === undefined) throw new AuthError(ResultCode.UNAUTHENTICATED, 'the token names an unknown key');
      return { keyId, accountId: key.accountId, admin: key.admin };
    } catch (error) {
      if (error instanceof AuthError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new AuthError(ResultCode.TOKEN_EXPIRED, 'token expired');
      throw new AuthError(ResultCode.UNAUTHENTICATED, `invalid token: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
