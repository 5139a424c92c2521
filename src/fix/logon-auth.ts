// Kapita's signed Logon: Username (553) is the API key, LogonNonce (8014) a value the client never
// uses twice, and RawData (96, with RawDataLength 95) the base64 HMAC-SHA256, under the key's
// secret, of SendingTime (52), MsgType (35), MsgSeqNum (34), SenderCompID (49), TargetCompID (56)
// and LogonNonce (8014), joined by SOH.
//
// Why each part: signing SendingTime binds the signature to a moment, and a Logon outside ±maxSkewMs
// of our clock is refused. Within that window a captured Logon could be sent again while the real
// session is away; the nonce closes that: each key's nonces are remembered until their Logon's
// SendingTime has left the window (so memory is bounded by the window), and a reused one is refused.
// A restart forgets the nonces, so a Logon whose SendingTime is before the authenticator was made
// (the gateway started) is refused too: a restart does not reopen the window. An unknown key and a
// wrong signature get the same answer after the same work (an HMAC under a stand-in secret), so the
// answer does not tell which key ids exist. TLS keeps a Logon from being captured in the first place.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FixMessage } from './codec.js';
import type { FixAuthenticator, FixAuthResult } from './session-types.js';
import { parseUtcTimestamp } from './utc-time.js';

/** Kapita's Logon field for the nonce (user-defined range; added to the dictionary by addKapitaLogonFields). */
export const LOGON_NONCE_TAG = 8014;
export const SIGNED_LOGON_TAGS = [52, 35, 34, 49, 56, LOGON_NONCE_TAG] as const;
/** 16 to 64 printable ASCII characters (a hex or base64 encoding of 8 to 48 random bytes fits). */
export const LOGON_NONCE_PATTERN = /^[\x21-\x7e]{16,64}$/;

/** The refusal texts (the Logout's Text, 58), one place for the authenticator and the gateway's codes. */
export const LOGON_REFUSAL = {
  MISSING_CREDENTIALS: 'Username (553) and RawData (96) required',
  MISSING_NONCE: `LogonNonce (${LOGON_NONCE_TAG}) required: 16 to 64 printable characters, signed after TargetCompID (56)`,
  STALE: 'SendingTime accuracy problem',
  BEFORE_START: 'SendingTime before the gateway started',
  /** The same for an unknown key and a wrong signature. */
  INVALID: 'Invalid API key or signature',
  NONCE_REUSED: 'LogonNonce already used',
  TOO_MANY: 'Too many Logons with this key: try again later',
} as const;

export interface LogonSignatureFields {
  readonly sendingTime: string;
  readonly msgType?: string;
  readonly msgSeqNum: string | number;
  readonly senderCompId: string;
  readonly targetCompId: string;
  /** LogonNonce (8014): sent in the Logon and signed. */
  readonly nonce: string;
}

/** What the signature covers, for a Logon about to be sent (clients, tests). */
export function logonSignaturePayload(fields: LogonSignatureFields): string {
  return [fields.sendingTime, fields.msgType ?? 'A', String(fields.msgSeqNum), fields.senderCompId, fields.targetCompId, fields.nonce].join('\x01');
}

/** RawData (96) for a Logon: base64 HMAC-SHA256 of the payload. */
export function signLogon(secret: string | Buffer, fields: LogonSignatureFields): string {
  return createHmac('sha256', secret).update(logonSignaturePayload(fields), 'latin1').digest('base64');
}

/** A fresh LogonNonce: 32 hex characters of 16 random bytes. */
export function newLogonNonce(): string {
  return randomBytes(16).toString('hex');
}

/** Checks RawData of a received Logon against the secret, in constant time. */
export function verifyLogonSignature(secret: string | Buffer, logon: FixMessage): boolean {
  const values = SIGNED_LOGON_TAGS.map((tag) => logon.get(tag));
  const rawData = logon.get(96);
  if (rawData === undefined || values.some((value) => value === undefined)) return false;
  const expected = createHmac('sha256', secret).update(values.join('\x01'), 'latin1').digest();
  const given = Buffer.from(rawData, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface ApiKeyRecord {
  readonly secret: string | Buffer;
  readonly account: string;
  readonly cancelOnDisconnect?: boolean;
}

export interface SignedLogonOptions {
  /** Finds the key named by Username (553); undefined when unknown. */
  readonly lookup: (apiKey: string) => ApiKeyRecord | undefined | Promise<ApiKeyRecord | undefined>;
  readonly now: () => number;
  /**
   * Largest distance between the signed SendingTime and our clock: 30 s by default, the same window
   * as a REST token signature (the session's own ±120 s latency check is separate and looser).
   */
  readonly maxSkewMs?: number;
  /** Nonces remembered per key within the window; a Logon beyond it is refused until some expire (default 1,000). */
  readonly maxNoncesPerKey?: number;
  /** Logons signed before this are refused (the nonces of before are forgotten); default: now() when made. */
  readonly startedAtMs?: number;
}

/**
 * The nonces each key has used, each until its Logon's SendingTime + the skew window has passed (a
 * Logon with it is refused as stale after that). At most `maxPerKey` per key; all keys are swept
 * once per window, so a key that never logs on again does not keep its entries.
 */
export class LogonNonces {
  private readonly byKey = new Map<string, Map<string, number>>();
  private nextSweepMs = 0;

  constructor(
    private readonly windowMs: number,
    private readonly maxPerKey: number,
  ) {}

  /** Remembers `nonce` for `key` unless it is in use; the refusal text otherwise. */
  use(key: string, nonce: string, sendingTimeMs: number, nowMs: number): string | undefined {
    if (nowMs >= this.nextSweepMs) this.sweep(nowMs);
    let nonces = this.byKey.get(key);
    if (nonces === undefined) {
      nonces = new Map();
      this.byKey.set(key, nonces);
    }
    expire(nonces, nowMs);
    if (nonces.has(nonce)) return LOGON_REFUSAL.NONCE_REUSED;
    if (nonces.size >= this.maxPerKey) return LOGON_REFUSAL.TOO_MANY;
    nonces.set(nonce, sendingTimeMs + this.windowMs);
    return undefined;
  }

  /** Nonces held, all keys (for tests of the bound). */
  get size(): number {
    let total = 0;
    for (const nonces of this.byKey.values()) total += nonces.size;
    return total;
  }

  private sweep(nowMs: number): void {
    for (const [key, nonces] of this.byKey) {
      expire(nonces, nowMs);
      if (nonces.size === 0) this.byKey.delete(key);
    }
    this.nextSweepMs = nowMs + this.windowMs;
  }
}

function expire(nonces: Map<string, number>, nowMs: number): void {
  for (const [nonce, expiresAtMs] of nonces) if (expiresAtMs < nowMs) nonces.delete(nonce);
}

/** Signs nothing anyone holds: an unknown key's Logon is checked against it, so it costs what a known one does. */
const STAND_IN_SECRET = randomBytes(32);

/** The venue's authenticator. Refusal reasons are deliberately coarse: they go to the client. */
export function signedLogonAuthenticator(options: SignedLogonOptions): FixAuthenticator {
  const maxSkewMs = options.maxSkewMs ?? 30_000;
  const startedAtMs = options.startedAtMs ?? options.now();
  const nonces = new LogonNonces(maxSkewMs, options.maxNoncesPerKey ?? 1_000);
  const decide = (apiKey: string, record: ApiKeyRecord | undefined, logon: FixMessage, nonce: string, sendingTimeMs: number): FixAuthResult => {
    const signed = verifyLogonSignature(record?.secret ?? STAND_IN_SECRET, logon);
    if (record === undefined || !signed) return { ok: false, reason: LOGON_REFUSAL.INVALID };
    // Only a signed Logon spends a nonce: nobody without the secret can fill a key's memory.
    const reused = nonces.use(apiKey, nonce, sendingTimeMs, options.now());
    if (reused !== undefined) return { ok: false, reason: reused };
    return record.cancelOnDisconnect === undefined ? { ok: true, account: record.account } : { ok: true, account: record.account, cancelOnDisconnect: record.cancelOnDisconnect };
  };
  return (request) => {
    const logon = request.message;
    const apiKey = request.username;
    if (apiKey === undefined || request.rawData === undefined) return { ok: false, reason: LOGON_REFUSAL.MISSING_CREDENTIALS };
    const nonce = logon.get(LOGON_NONCE_TAG);
    if (nonce === undefined || !LOGON_NONCE_PATTERN.test(nonce)) return { ok: false, reason: LOGON_REFUSAL.MISSING_NONCE };
    const sendingTimeMs = parseUtcTimestamp(logon.get(52) ?? '');
    if (!(Math.abs(options.now() - sendingTimeMs) <= maxSkewMs)) return { ok: false, reason: LOGON_REFUSAL.STALE };
    if (sendingTimeMs < startedAtMs) return { ok: false, reason: LOGON_REFUSAL.BEFORE_START };
    const record = options.lookup(apiKey);
    return record instanceof Promise ? record.then((found) => decide(apiKey, found, logon, nonce, sendingTimeMs)) : decide(apiKey, record, logon, nonce, sendingTimeMs);
  };
}
