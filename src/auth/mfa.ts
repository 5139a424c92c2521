// Second factors for people: TOTP codes, one-time recovery codes and WebAuthn security keys. Pure
// functions with no HTTP and no storage: the caller keeps the secrets, hashes, challenges and
// credentials (security/users.ts) and passes the time in, so nothing here reads a clock.
//
// TOTP is RFC 6238 with the parameters every authenticator app understands (SHA-1, 6 digits, 30 s).
// A code is accepted one step either side of the current one, for clock drift and typing time, and
// only once: the caller stores the step of the last accepted code and any code at or before it is
// refused as a replay (RFC 6238 §5.2).
//
// Recovery codes are 12 random characters (60 bits) shown once and stored only as salted SHA-256
// hashes; each one is spent when used.
//
// Security keys go through @simplewebauthn/server, which does the cryptography (attestation
// formats, COSE keys, signatures). The checks that decide a refusal (ceremony type, challenge,
// origin, RP ID hash, user presence, signature counter) are also made here, before the library is
// called, so that each refusal has a stable reason and the policy does not change silently with a
// library upgrade. The library makes them again; it never accepts what is refused here.
//
// No `reflect-metadata` import is needed: the library imports it itself in the modules that use
// @peculiar/x509 (certificate path and revocation checks).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { decodeAttestationObject } from '@simplewebauthn/server/helpers';
import { HOTP, Secret, TOTP } from 'otpauth';

export type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';

/** Why a second factor, or the input to one, was refused. */
export type MfaErrorReason =
  | 'invalid-argument'
  | 'invalid-secret'
  | 'invalid-hash'
  | 'malformed-response'
  | 'wrong-type'
  | 'challenge-mismatch'
  | 'origin-mismatch'
  | 'rp-id-mismatch'
  | 'user-not-present'
  | 'unknown-credential'
  | 'counter-not-increased'
  | 'bad-signature'
  | 'rejected';

/** A refused second factor or a bad argument; `reason` is stable, `message` is for people and logs. */
export class MfaError extends Error {
  constructor(
    readonly reason: MfaErrorReason,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'MfaError';
  }
}

// ---------------------------------------------------------------------------------------------
// TOTP

const TOTP_ALGORITHM = 'SHA1';
const TOTP_DIGITS = 6;
const TOTP_PERIOD_SECONDS = 30;
/** Steps accepted either side of the current one (RFC 6238 §5.2 recommends at most one). */
const TOTP_WINDOW = 1;
/** RFC 4226 §4 requires at least 128 bits of secret and recommends 160; 160 is what apps expect. */
const TOTP_SECRET_BYTES = 20;
const TOTP_MIN_SECRET_BYTES = 16;

/** A new TOTP secret, to be confirmed with a code before it is used as a factor. */
export interface TotpSecret {
  /** RFC 4648 base32, no padding: what the user types if they cannot scan the QR code. */
  readonly secretBase32: string;
  /** The `otpauth://totp/...` URI for a QR code. */
  uri(label: string, issuer: string): string;
}

/** Makes a random 160-bit TOTP secret. */
export function newTotpSecret(): TotpSecret {
  const secret = new Secret({ size: TOTP_SECRET_BYTES });
  return {
    secretBase32: secret.base32,
    uri: (label, issuer) => new TOTP({ issuer, label, secret, algorithm: TOTP_ALGORITHM, digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS }).toString(),
  };
}

/** The outcome of a TOTP check; on success store `step` as the new `lastUsedStep`. */
export type TotpResult = { ok: true; step: number } | { ok: false; reason: 'malformed' | 'wrong' | 'replayed' };

/**
 * Checks a 6-digit TOTP code at `nowMs`, one step either side. `lastUsedStep` is the step of the
 * last code accepted for this secret (-1 if none); codes at or before it are refused as replays.
 */
export function verifyTotp(secretBase32: string, code: string, nowMs: number, lastUsedStep: number): TotpResult {
  if (!Number.isFinite(nowMs) || nowMs < 0) throw new MfaError('invalid-argument', `nowMs must be a non-negative time, got ${nowMs}`);
  if (!Number.isSafeInteger(lastUsedStep) || lastUsedStep < -1) throw new MfaError('invalid-argument', `lastUsedStep must be an integer >= -1, got ${lastUsedStep}`);
  // ASCII digits only: `\d` without the u flag does not match other scripts' digits.
  if (!/^[0-9]{6}$/.test(code)) return { ok: false, reason: 'malformed' };
  const secret = totpSecret(secretBase32);
  const current = TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp: nowMs });
  const given = Buffer.from(code, 'ascii');
  // Every step in the window is computed and compared, matched or not, so the time taken does not
  // say which step (if any) matched. The latest fresh match wins: two steps sharing a code is a
  // one-in-a-million coincidence, and taking the later one can only move lastUsedStep forward.
  let matched = false;
  let fresh = -1;
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step++) {
    if (step < 0) continue;
    const expected = Buffer.from(HOTP.generate({ secret, algorithm: TOTP_ALGORITHM, digits: TOTP_DIGITS, counter: step }), 'ascii');
    const equal = timingSafeEqual(expected, given);
    matched ||= equal;
    if (equal && step > lastUsedStep) fresh = step;
  }
  if (fresh >= 0) return { ok: true, step: fresh };
  return { ok: false, reason: matched ? 'replayed' : 'wrong' };
}

function totpSecret(secretBase32: string): Secret {
  let secret: Secret;
  try {
    secret = Secret.fromBase32(secretBase32);
  } catch (error: unknown) {
    throw new MfaError('invalid-secret', 'TOTP secret is not base32', { cause: error });
  }
  // otpauth decodes '' (and a string of spaces) to an empty key, with which every HMAC is public.
  if (secret.bytes.length < TOTP_MIN_SECRET_BYTES) throw new MfaError('invalid-secret', `TOTP secret is ${secret.bytes.length} bytes, at least ${TOTP_MIN_SECRET_BYTES} required`);
  return secret;
}

// ---------------------------------------------------------------------------------------------
// Recovery codes

/**
 * Crockford's base32 alphabet: digits and lower-case letters without i, l, o and u, so that nothing
 * written down is ambiguous; on input i and l read as 1 and o as 0. 32 symbols, so a random byte
 * masked to 5 bits picks one with no bias.
 */
const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RECOVERY_GROUPS = 3;
const RECOVERY_GROUP_LENGTH = 4;
const RECOVERY_LENGTH = RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH;
const RECOVERY_SALT_BYTES = 16;
const RECOVERY_HASH_PREFIX = 'sha256';

/**
 * Makes `n` recovery codes (`xxxx-xxxx-xxxx`), to be shown once, and their hashes, to be stored.
 *
 * Each code is 60 uniformly random bits, not something a person chose, so there is no dictionary to
 * try and a slow KDF would add little: guessing one takes about 2^59 SHA-256 evaluations. The salt
 * (one per code) stops an attacker who has the stored hashes from testing each guess against every
 * user's codes at once, which is what would make 60 bits too few. A fast hash also keeps
 * `useRecoveryCode` synchronous and cheap for the event loop. Anyone who has stolen the stored
 * hashes also has the TOTP secrets, which must be stored in clear, so a slower hash here would not
 * protect the account further.
 */
export function newRecoveryCodes(n = 10): { codes: string[]; hashes: string[] } {
  if (!Number.isSafeInteger(n) || n < 1 || n > 100) throw new MfaError('invalid-argument', `recovery code count must be 1..100, got ${n}`);
  const codes = new Set<string>();
  // A repeat is a 2^-60 event; the loop makes the codes distinct by construction all the same.
  while (codes.size < n) codes.add(randomRecoveryCode());
  const list = [...codes];
  return { codes: list, hashes: list.map((code) => hashRecoveryCode(code.replaceAll('-', ''), randomBytes(RECOVERY_SALT_BYTES))) };
}

/**
 * The index in `hashes` of the hash `code` matches, or -1. The caller removes that hash so the code
 * cannot be used again. Case, dashes and white space are ignored, and i, l, o read as 1, 1, 0.
 */
export function useRecoveryCode(hashes: readonly string[], code: string): number {
  const normal = normaliseRecoveryCode(code);
  if (normal === undefined) return -1;
  // Every hash is checked, so the time taken does not say which code matched.
  let found = -1;
  hashes.forEach((stored, index) => {
    const { salt, hash } = parseRecoveryHash(stored);
    if (timingSafeEqual(recoveryDigest(normal, salt), hash) && found < 0) found = index;
  });
  return found;
}

function randomRecoveryCode(): string {
  const bytes = randomBytes(RECOVERY_LENGTH);
  let code = '';
  for (let i = 0; i < RECOVERY_LENGTH; i++) {
    if (i > 0 && i % RECOVERY_GROUP_LENGTH === 0) code += '-';
    code += RECOVERY_ALPHABET.charAt((bytes[i] ?? 0) & 31);
  }
  return code;
}

/** The 12 alphabet characters of a code as typed, or undefined if it cannot be one. */
function normaliseRecoveryCode(code: string): string | undefined {
  if (code.length > 64) return undefined;
  const normal = code.toLowerCase().replace(/[\s-]/g, '').replace(/[il]/g, '1').replace(/o/g, '0');
  if (normal.length !== RECOVERY_LENGTH) return undefined;
  for (const c of normal) if (!RECOVERY_ALPHABET.includes(c)) return undefined;
  return normal;
}

function recoveryDigest(normal: string, salt: Buffer): Buffer {
  return createHash('sha256').update(salt).update(normal, 'ascii').digest();
}

function hashRecoveryCode(normal: string, salt: Buffer): string {
  return `${RECOVERY_HASH_PREFIX}$${salt.toString('base64url')}$${recoveryDigest(normal, salt).toString('base64url')}`;
}

function parseRecoveryHash(stored: string): { salt: Buffer; hash: Buffer } {
  const [prefix, salt, hash, ...rest] = stored.split('$');
  if (prefix !== RECOVERY_HASH_PREFIX || salt === undefined || hash === undefined || rest.length > 0) throw new MfaError('invalid-hash', 'stored recovery code hash is not sha256$salt$hash');
  const hashBytes = Buffer.from(hash, 'base64url');
  // A truncated hash would make timingSafeEqual throw on the length; refuse it with a clear reason.
  if (hashBytes.length !== 32) throw new MfaError('invalid-hash', 'stored recovery code hash is not 32 bytes');
  return { salt: Buffer.from(salt, 'base64url'), hash: hashBytes };
}

// ---------------------------------------------------------------------------------------------
// WebAuthn

/** A registered security key, as stored with its user. */
export interface StoredCredential {
  /** Credential ID, base64url. */
  id: string;
  /** The credential's COSE public key, base64url. */
  publicKey: string;
  /** The last signature counter seen; 0 for authenticators that do not count. */
  counter: number;
  transports?: string[];
  createdAt: string;
  /** A name the user gave the key. */
  name?: string;
}

/** The relying party: this venue as browsers and authenticators know it. */
export interface RelyingParty {
  /** The RP ID: the venue's registrable domain, e.g. `kapita.example`. */
  id: string;
  /** Shown to the user by the browser. */
  name: string;
  /** Every origin a ceremony may come from, e.g. `https://kapita.example`. */
  origins: string[];
}

/** Keys offered at registration and accepted by `verifyRegistration`: EdDSA, ES256, RS256. Pinned so that the set does not depend on the runtime (the library adds ML-DSA where Node supports it). */
const SUPPORTED_ALGORITHMS = [-8, -7, -257];
/** The WebAuthn user handle is at most 64 bytes (WebAuthn §5.4.3). */
const MAX_USER_HANDLE_BYTES = 64;
const FLAG_UP = 0x01;
const FLAG_AT = 0x40;

/**
 * Options for `navigator.credentials.create()`, for one more security key for `user`. Keys already
 * registered go in `excludeCredentials`, so an authenticator refuses to register itself twice. The
 * caller keeps `challenge` for `verifyRegistration` and uses it once.
 */
export async function registrationOptions(rp: RelyingParty, user: { id: string; name: string }, existing: readonly StoredCredential[]): Promise<PublicKeyCredentialCreationOptionsJSON> {
  checkRelyingParty(rp);
  // The user handle is the internal id, never the name: authenticators may show or keep it.
  const userID = new Uint8Array(Buffer.from(user.id, 'utf8'));
  if (userID.length === 0 || userID.length > MAX_USER_HANDLE_BYTES) throw new MfaError('invalid-argument', `user id must be 1..${MAX_USER_HANDLE_BYTES} bytes of UTF-8`);
  return generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.name,
    userID,
    userDisplayName: user.name,
    // Attestation would identify the make of key; the venue has no policy on makes, so none is asked.
    attestationType: 'none',
    excludeCredentials: existing.map(descriptor),
    // A second factor after a password: no need to spend a resident-key slot on a security key.
    authenticatorSelection: { residentKey: 'discouraged', userVerification: 'preferred' },
    supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
  });
}

/**
 * Verifies the browser's registration response (`PublicKeyCredential.toJSON()`) against the
 * challenge from `registrationOptions` and returns the credential to store, created at `nowMs`.
 * The caller refuses a credential id the user (or anyone) already has. Throws `MfaError`.
 */
export async function verifyRegistration(rp: RelyingParty, expectedChallenge: string, response: unknown, nowMs: number, name?: string): Promise<StoredCredential> {
  checkRelyingParty(rp);
  checkChallenge(expectedChallenge);
  if (!Number.isFinite(nowMs)) throw new MfaError('invalid-argument', `nowMs must be a time, got ${nowMs}`);
  const parsed = registrationResponse(response);
  checkClientData(parsed.response.clientDataJSON, 'webauthn.create', expectedChallenge, rp);
  const authData = attestationAuthData(parsed.response.attestationObject);
  const { flags } = checkAuthData(authData, rp);
  if ((flags & FLAG_AT) === 0) throw new MfaError('malformed-response', 'registration response has no attested credential data');

  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verified = await verifyRegistrationResponse({
      response: parsed,
      expectedChallenge,
      expectedOrigin: rp.origins,
      // Without expectedRPID the library does not check the RP ID hash at all.
      expectedRPID: rp.id,
      // userVerification is 'preferred': a key without a PIN or biometric is still a second factor.
      requireUserVerification: false,
      supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
    });
  } catch (error: unknown) {
    throw new MfaError('rejected', `security key registration refused: ${messageOf(error)}`, { cause: error });
  }
  if (!verified.verified) throw new MfaError('bad-signature', 'security key registration refused: attestation signature does not verify');
  const { credential } = verified.registrationInfo;
  return {
    id: credential.id,
    publicKey: Buffer.from(credential.publicKey).toString('base64url'),
    counter: credential.counter,
    ...(parsed.response.transports === undefined ? {} : { transports: parsed.response.transports }),
    createdAt: new Date(nowMs).toISOString(),
    ...(name === undefined ? {} : { name }),
  };
}

/**
 * Options for `navigator.credentials.get()` allowing the user's registered keys. The caller keeps
 * `challenge` for `verifyAuthentication` and uses it once.
 */
export async function authenticationOptions(rp: RelyingParty, credentials: readonly StoredCredential[]): Promise<PublicKeyCredentialRequestOptionsJSON> {
  checkRelyingParty(rp);
  // An empty allow-list would ask for any discoverable credential: not a second factor for this user.
  if (credentials.length === 0) throw new MfaError('invalid-argument', 'the user has no security keys');
  return generateAuthenticationOptions({ rpID: rp.id, allowCredentials: credentials.map(descriptor), userVerification: 'preferred' });
}

/**
 * Verifies the browser's authentication response against the challenge from
 * `authenticationOptions`. `lookup` finds a credential by id among the keys of the user being
 * signed in, and only theirs: a key of another user must come back undefined. On success the
 * caller stores `newCounter` as the credential's counter. Throws `MfaError`.
 */
export async function verifyAuthentication(
  rp: RelyingParty,
  expectedChallenge: string,
  response: unknown,
  lookup: (credentialId: string) => StoredCredential | undefined | Promise<StoredCredential | undefined>,
): Promise<{ credentialId: string; newCounter: number }> {
  checkRelyingParty(rp);
  checkChallenge(expectedChallenge);
  const parsed = authenticationResponse(response);
  const stored = await lookup(parsed.id);
  if (stored?.id !== parsed.id) throw new MfaError('unknown-credential', 'security key is not registered for this user');
  checkClientData(parsed.response.clientDataJSON, 'webauthn.get', expectedChallenge, rp);
  const { counter } = checkAuthData(Buffer.from(parsed.response.authenticatorData, 'base64url'), rp);
  // WebAuthn §7.2 step 21: a counter that did not move forward means a cloned key or a replayed
  // response. Authenticators that do not count send 0 every time, which is allowed while the stored
  // value is 0 too. The library refuses the same; the check is here so the policy is ours.
  if ((counter > 0 || stored.counter > 0) && counter <= stored.counter) {
    throw new MfaError('counter-not-increased', `security key signature counter ${counter} did not increase past ${stored.counter}: possibly a cloned key`);
  }

  let verified: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verified = await verifyAuthenticationResponse({
      response: parsed,
      expectedChallenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.id,
      credential: {
        id: stored.id,
        publicKey: new Uint8Array(Buffer.from(stored.publicKey, 'base64url')),
        counter: stored.counter,
        ...(stored.transports === undefined ? {} : { transports: stored.transports }),
      },
      requireUserVerification: false,
    });
  } catch (error: unknown) {
    throw new MfaError('rejected', `security key refused: ${messageOf(error)}`, { cause: error });
  }
  // The library reports a signature that does not verify as `verified: false`, not as an error.
  if (!verified.verified) throw new MfaError('bad-signature', 'security key signature does not verify');
  return { credentialId: stored.id, newCounter: verified.authenticationInfo.newCounter };
}

function descriptor(credential: StoredCredential): { id: string; transports?: string[] } {
  return credential.transports === undefined ? { id: credential.id } : { id: credential.id, transports: credential.transports };
}

function checkRelyingParty(rp: RelyingParty): void {
  if (rp.id === '' || rp.origins.length === 0) throw new MfaError('invalid-argument', 'relying party needs an id and at least one origin');
}

function checkChallenge(challenge: string): void {
  if (!isBase64Url(challenge) || challenge.length < 16) throw new MfaError('invalid-argument', 'expected challenge must be the base64url challenge from the options');
}

/** The fields of clientDataJSON that decide a ceremony (WebAuthn §7.1 steps 7-9, §7.2 steps 11-13). */
function checkClientData(clientDataJSON: string, type: 'webauthn.create' | 'webauthn.get', expectedChallenge: string, rp: RelyingParty): void {
  let clientData: unknown;
  try {
    clientData = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8'));
  } catch (error: unknown) {
    throw new MfaError('malformed-response', 'clientDataJSON is not JSON', { cause: error });
  }
  if (!isRecord(clientData)) throw new MfaError('malformed-response', 'clientDataJSON is not an object');
  const { type: actualType, challenge, origin } = clientData;
  if (actualType !== type) throw new MfaError('wrong-type', `expected a ${type} response, got ${String(actualType)}`);
  if (challenge !== expectedChallenge) throw new MfaError('challenge-mismatch', 'response is for another challenge');
  if (typeof origin !== 'string' || !rp.origins.includes(origin)) throw new MfaError('origin-mismatch', `response comes from origin ${String(origin)}, not one of ${rp.origins.join(', ')}`);
}

/** RP ID hash and user presence from authenticator data (WebAuthn §6.1), and the counter. */
function checkAuthData(authData: Buffer, rp: RelyingParty): { flags: number; counter: number } {
  if (authData.length < 37) throw new MfaError('malformed-response', `authenticator data is ${authData.length} bytes, at least 37 expected`);
  const rpIdHash = createHash('sha256').update(rp.id, 'utf8').digest();
  if (!authData.subarray(0, 32).equals(rpIdHash)) throw new MfaError('rp-id-mismatch', `authenticator signed for another RP ID than ${rp.id}`);
  const flags = authData.readUInt8(32);
  if ((flags & FLAG_UP) === 0) throw new MfaError('user-not-present', 'authenticator did not test user presence');
  return { flags, counter: authData.readUInt32BE(33) };
}

/** authData out of the CBOR attestation object (the library decodes it; the checks are ours). */
function attestationAuthData(attestationObject: string): Buffer {
  let authData: unknown;
  try {
    authData = decodeAttestationObject(new Uint8Array(Buffer.from(attestationObject, 'base64url'))).get('authData');
  } catch (error: unknown) {
    throw new MfaError('malformed-response', 'attestation object is not CBOR', { cause: error });
  }
  // Typed as bytes, but whatever the CBOR held: a crafted object may carry anything under the key.
  if (!(authData instanceof Uint8Array)) throw new MfaError('malformed-response', 'attestation object has no authData byte string');
  return Buffer.from(authData.buffer, authData.byteOffset, authData.byteLength);
}

function registrationResponse(value: unknown): RegistrationResponseJSON {
  const { id, rawId, response, clientExtensionResults, authenticatorAttachment } = credentialFields(value);
  const attestationObject = base64UrlField(response, 'attestationObject');
  const { transports } = response;
  if (transports !== undefined && !(Array.isArray(transports) && transports.every((t) => typeof t === 'string'))) throw new MfaError('malformed-response', 'transports is not a list of strings');
  return {
    id,
    rawId,
    type: 'public-key',
    clientExtensionResults,
    ...(authenticatorAttachment === undefined ? {} : { authenticatorAttachment }),
    response: { clientDataJSON: base64UrlField(response, 'clientDataJSON'), attestationObject, ...(transports === undefined ? {} : { transports }) },
  };
}

function authenticationResponse(value: unknown): AuthenticationResponseJSON {
  const { id, rawId, response, clientExtensionResults, authenticatorAttachment } = credentialFields(value);
  const { userHandle } = response;
  if (userHandle !== undefined && userHandle !== null && !(typeof userHandle === 'string' && isBase64Url(userHandle))) throw new MfaError('malformed-response', 'userHandle is not base64url');
  return {
    id,
    rawId,
    type: 'public-key',
    clientExtensionResults,
    ...(authenticatorAttachment === undefined ? {} : { authenticatorAttachment }),
    response: {
      clientDataJSON: base64UrlField(response, 'clientDataJSON'),
      authenticatorData: base64UrlField(response, 'authenticatorData'),
      signature: base64UrlField(response, 'signature'),
      ...(typeof userHandle === 'string' && userHandle !== '' ? { userHandle } : {}),
    },
  };
}

/** The fields common to both ceremonies' `PublicKeyCredential.toJSON()`. */
function credentialFields(value: unknown): {
  id: string;
  rawId: string;
  response: Record<string, unknown>;
  clientExtensionResults: RegistrationResponseJSON['clientExtensionResults'];
  authenticatorAttachment: 'platform' | 'cross-platform' | undefined;
} {
  if (!isRecord(value)) throw new MfaError('malformed-response', 'response is not an object');
  const id = base64UrlField(value, 'id');
  const rawId = base64UrlField(value, 'rawId');
  if (id !== rawId) throw new MfaError('malformed-response', 'id and rawId differ');
  if (value['type'] !== 'public-key') throw new MfaError('malformed-response', 'type is not public-key');
  const response = value['response'];
  if (!isRecord(response)) throw new MfaError('malformed-response', 'response.response is not an object');
  const extensions = value['clientExtensionResults'] ?? {};
  if (!isRecord(extensions)) throw new MfaError('malformed-response', 'clientExtensionResults is not an object');
  const attachment = value['authenticatorAttachment'];
  if (attachment !== undefined && attachment !== null && attachment !== 'platform' && attachment !== 'cross-platform') throw new MfaError('malformed-response', 'authenticatorAttachment is not platform or cross-platform');
  return { id, rawId, response, clientExtensionResults: extensions, authenticatorAttachment: attachment ?? undefined };
}

function base64UrlField(record: Record<string, unknown>, key: string): string {
  const value = record[key];
  if (typeof value !== 'string' || value === '' || !isBase64Url(value)) throw new MfaError('malformed-response', `${key} is not a base64url string`);
  return value;
}

function isBase64Url(value: string): boolean {
  return /^[A-Za-z0-9_-]*$/.test(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
