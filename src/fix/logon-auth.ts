// Kapita's signed Logon: Username (553) is the API key, RawData (96, with RawDataLength 95) is the
// base64 HMAC-SHA256, under the key's secret, of SendingTime (52), MsgType (35), MsgSeqNum (34),
// SenderCompID (49) and TargetCompID (56), joined by SOH. Signing SendingTime binds the signature
// to a moment; the authenticator refuses a Logon outside ±maxSkewMs of its clock, so a captured
// Logon cannot be replayed later (TLS keeps it from being captured at all).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FixMessage } from './codec.js';
import type { FixAuthenticator, FixAuthResult } from './session-types.js';
import { parseUtcTimestamp } from './utc-time.js';

export const SIGNED_LOGON_TAGS = [52, 35, 34, 49, 56] as const;

export interface LogonSignatureFields {
  readonly sendingTime: string;
  readonly msgType?: string;
  readonly msgSeqNum: string | number;
  readonly senderCompId: string;
  readonly targetCompId: string;
}

/** What the signature covers, for a Logon about to be sent (clients, tests). */
export function logonSignaturePayload(fields: LogonSignatureFields): string {
  return [fields.sendingTime, fields.msgType ?? 'A', String(fields.msgSeqNum), fields.senderCompId, fields.targetCompId].join('\x01');
}

/** RawData (96) for a Logon: base64 HMAC-SHA256 of the payload. */
export function signLogon(secret: string | Buffer, fields: LogonSignatureFields): string {
  return createHmac('sha256', secret).update(logonSignaturePayload(fields), 'latin1').digest('base64');
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
  /** Finds the key named by Username (553); undefined when unknown or revoked. */
  readonly lookup: (apiKey: string) => ApiKeyRecord | undefined | Promise<ApiKeyRecord | undefined>;
  readonly now: () => number;
  /**
   * Largest distance between the signed SendingTime and our clock: 30 s by default, the same window
   * as a REST token signature (the session's own ±120 s latency check is separate and looser).
   */
  readonly maxSkewMs?: number;
}

function decide(record: ApiKeyRecord | undefined, logon: FixMessage): FixAuthResult {
  if (record === undefined) return { ok: false, reason: 'Unknown API key' };
  if (!verifyLogonSignature(record.secret, logon)) return { ok: false, reason: 'Invalid signature' };
  return record.cancelOnDisconnect === undefined ? { ok: true, account: record.account } : { ok: true, account: record.account, cancelOnDisconnect: record.cancelOnDisconnect };
}

/** The venue's authenticator. Refusal reasons are deliberately coarse: they go to the client. */
export function signedLogonAuthenticator(options: SignedLogonOptions): FixAuthenticator {
  const maxSkewMs = options.maxSkewMs ?? 30_000;
  return (request) => {
    const logon = request.message;
    if (request.username === undefined || request.rawData === undefined) return { ok: false, reason: 'Username (553) and RawData (96) required' };
    const sendingTime = parseUtcTimestamp(logon.get(52) ?? '');
    if (!(Math.abs(options.now() - sendingTime) <= maxSkewMs)) return { ok: false, reason: 'SendingTime accuracy problem' };
    const record = options.lookup(request.username);
    return record instanceof Promise ? record.then((found) => decide(found, logon)) : decide(record, logon);
  };
}
