// Second factors: TOTP against the RFC 6238 test vectors and at the edges of its window, one-time
// use of TOTP codes and recovery codes, and WebAuthn ceremonies end to end. The security keys are
// software authenticators producing real CBOR, COSE keys and ECDSA signatures, verified by
// @simplewebauthn/server unmocked; each refusal is checked for its reason.
import { verifyAuthenticationResponse } from '@simplewebauthn/server';
import { HOTP, Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import {
  authenticationOptions,
  MfaError,
  type MfaErrorReason,
  newRecoveryCodes,
  newTotpSecret,
  registrationOptions,
  type RelyingParty,
  type StoredCredential,
  useRecoveryCode,
  verifyAuthentication,
  verifyRegistration,
  verifyTotp,
} from '../../src/auth/mfa.js';
import { SoftAuthenticator } from '../support/soft-authenticator.js';

/** RFC 6238 Appendix B: the SHA-1 seed is the ASCII string 12345678901234567890. */
const RFC_SECRET = Secret.fromLatin1('12345678901234567890').base32;
const NOW = Date.UTC(2026, 0, 15, 12, 0, 10);
const STEP = Math.floor(NOW / 30_000);

function codeAt(secretBase32: string, step: number): string {
  return HOTP.generate({ secret: Secret.fromBase32(secretBase32), algorithm: 'SHA1', digits: 6, counter: step });
}

describe('TOTP', () => {
  it('matches the RFC 6238 Appendix B SHA-1 vectors, truncated to 6 digits', () => {
    expect(RFC_SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    const vectors: [seconds: number, eightDigits: string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, eight] of vectors) {
      const six = eight.slice(2);
      // otpauth on its own, as an authenticator app would compute it...
      expect(TOTP.generate({ secret: Secret.fromBase32(RFC_SECRET), algorithm: 'SHA1', digits: 6, period: 30, timestamp: seconds * 1000 })).toBe(six);
      // ...and accepted by the check at that time, reporting the step.
      expect(verifyTotp(RFC_SECRET, six, seconds * 1000, -1)).toEqual({ ok: true, step: Math.floor(seconds / 30) });
    }
  });

  it('accepts the current step and one either side, not two', () => {
    const { secretBase32 } = newTotpSecret();
    for (const delta of [-1, 0, 1]) expect(verifyTotp(secretBase32, codeAt(secretBase32, STEP + delta), NOW, -1)).toEqual({ ok: true, step: STEP + delta });
    for (const delta of [-2, 2]) {
      const code = codeAt(secretBase32, STEP + delta);
      // A code of a step outside the window can coincide with one inside it (1 in 10^6 per step).
      if ([-1, 0, 1].some((d) => codeAt(secretBase32, STEP + d) === code)) continue;
      expect(verifyTotp(secretBase32, code, NOW, -1)).toEqual({ ok: false, reason: 'wrong' });
    }
  });

  it('refuses a wrong code', () => {
    const { secretBase32 } = newTotpSecret();
    const window = new Set([-1, 0, 1].map((d) => codeAt(secretBase32, STEP + d)));
    const wrong = ['000000', '123456', '999999'].find((c) => !window.has(c)) ?? '';
    expect(verifyTotp(secretBase32, wrong, NOW, -1)).toEqual({ ok: false, reason: 'wrong' });
  });

  it('accepts a code once: the same step again, or an earlier one, is a replay', () => {
    const { secretBase32 } = newTotpSecret();
    const code = codeAt(secretBase32, STEP);
    const first = verifyTotp(secretBase32, code, NOW, -1);
    expect(first).toEqual({ ok: true, step: STEP });
    expect(verifyTotp(secretBase32, code, NOW, STEP)).toEqual({ ok: false, reason: 'replayed' });
    expect(verifyTotp(secretBase32, code, NOW + 20_000, STEP)).toEqual({ ok: false, reason: 'replayed' });
    // The previous step's code is still inside the window, but older than the one used.
    expect(verifyTotp(secretBase32, codeAt(secretBase32, STEP - 1), NOW, STEP)).toEqual({ ok: false, reason: 'replayed' });
    // The next step's code is fresh.
    expect(verifyTotp(secretBase32, codeAt(secretBase32, STEP + 1), NOW, STEP)).toEqual({ ok: true, step: STEP + 1 });
  });

  it('refuses anything but exactly six ASCII digits as malformed', () => {
    const { secretBase32 } = newTotpSecret();
    const code = codeAt(secretBase32, STEP);
    for (const bad of ['', '12345', '1234567', '12345a', ` ${code}`, `${code} `, `${code.slice(0, 3)} ${code.slice(3)}`, '１２３４５６', '٣٣٣٣٣٣', '-12345', '1e5000']) {
      expect(verifyTotp(secretBase32, bad, NOW, -1)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('makes 160-bit secrets and an otpauth URI for them', () => {
    const secret = newTotpSecret();
    expect(secret.secretBase32).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret().secretBase32).not.toBe(secret.secretBase32);
    const uri = new URL(secret.uri('alice@kapita.example', 'Kapita'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Kapita:alice@kapita.example');
    expect(Object.fromEntries(uri.searchParams)).toEqual({ issuer: 'Kapita', secret: secret.secretBase32, algorithm: 'SHA1', digits: '6', period: '30' });
  });

  it('refuses a secret that is not base32 or too short, and a bad time', () => {
    expect(() => verifyTotp('not base32!', '123456', NOW, -1)).toThrow(expect.objectContaining({ reason: 'invalid-secret' }));
    expect(() => verifyTotp('', '123456', NOW, -1)).toThrow(expect.objectContaining({ reason: 'invalid-secret' }));
    expect(() => verifyTotp('GEZDGNBV', '123456', NOW, -1)).toThrow(expect.objectContaining({ reason: 'invalid-secret' }));
    expect(() => verifyTotp(RFC_SECRET, '123456', Number.NaN, -1)).toThrow(MfaError);
    expect(() => verifyTotp(RFC_SECRET, '123456', NOW, Number.NaN)).toThrow(MfaError);
  });
});

describe('recovery codes', () => {
  it('makes distinct xxxx-xxxx-xxxx codes stored only as salted hashes', () => {
    const { codes, hashes } = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(hashes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
    for (const hash of hashes) {
      expect(hash).toMatch(/^sha256\$[\w-]{22}\$[\w-]{43}$/);
      for (const code of codes) expect(hash).not.toContain(code.replaceAll('-', ''));
    }
    expect(newRecoveryCodes(3).codes).toHaveLength(3);
  });

  it('finds a code once the caller removes it, and never a wrong one', () => {
    const { codes, hashes } = newRecoveryCodes();
    const unused = [...hashes];
    const code = codes[4] ?? '';
    const index = useRecoveryCode(unused, code);
    expect(index).toBe(4);
    unused.splice(index, 1);
    expect(useRecoveryCode(unused, code)).toBe(-1);
    // The others still work, at their new places.
    expect(useRecoveryCode(unused, codes[9] ?? '')).toBe(8);
    expect(useRecoveryCode(unused, codes[0] ?? '')).toBe(0);
    for (const wrong of ['', '0000-0000-0000', 'zzzz-zzzz-zzzz', 'not a code', `${code}0`, code.slice(1), 'uuuu-uuuu-uuuu']) expect(useRecoveryCode(unused, wrong)).toBe(-1);
    expect(useRecoveryCode(newRecoveryCodes().hashes, code)).toBe(-1);
  });

  it('ignores case, dashes and spaces and reads i, l, o as 1, 1, 0', () => {
    const { codes, hashes } = newRecoveryCodes();
    const code = codes[2] ?? '';
    const bare = code.replaceAll('-', '');
    for (const typed of [code.toUpperCase(), bare, ` ${bare.slice(0, 6)} ${bare.slice(6)} `, `${bare.slice(0, 4)} - ${bare.slice(4, 8)}-\t${bare.slice(8)}`]) expect(useRecoveryCode(hashes, typed)).toBe(2);
    const withZero = codes.find((c) => c.includes('0'));
    if (withZero !== undefined) expect(useRecoveryCode(hashes, withZero.replaceAll('0', 'O'))).toBe(codes.indexOf(withZero));
    const withOne = codes.find((c) => c.includes('1'));
    if (withOne !== undefined) expect(useRecoveryCode(hashes, withOne.replaceAll('1', 'l'))).toBe(codes.indexOf(withOne));
  });

  it('refuses a corrupt stored hash rather than skipping it', () => {
    const { codes, hashes } = newRecoveryCodes(2);
    expect(() => useRecoveryCode([...hashes, 'plaintext'], codes[0] ?? '')).toThrow(expect.objectContaining({ reason: 'invalid-hash' }));
    expect(() => useRecoveryCode(['sha256$abc$abc'], codes[0] ?? '')).toThrow(expect.objectContaining({ reason: 'invalid-hash' }));
  });
});

describe('WebAuthn security keys', () => {
  const ORIGIN = 'https://kapita.example';
  const rp: RelyingParty = { id: 'kapita.example', name: 'Kapita', origins: [ORIGIN] };
  const user = { id: 'u1234567890', name: 'alice' };

  async function register(key: SoftAuthenticator, existing: StoredCredential[], fmt: 'none' | 'packed' = 'none'): Promise<StoredCredential> {
    const options = await registrationOptions(rp, user, existing);
    return verifyRegistration(rp, options.challenge, key.register(options, { origin: ORIGIN, fmt }), NOW, `key ${existing.length + 1}`);
  }

  /** A user with one registered key, ready to authenticate. */
  async function enrolled(): Promise<{ key: SoftAuthenticator; credentials: StoredCredential[]; lookup: (id: string) => StoredCredential | undefined }> {
    const key = new SoftAuthenticator();
    const credentials = [await register(key, [])];
    return { key, credentials, lookup: (id) => credentials.find((c) => c.id === id) };
  }

  async function refusal(promise: Promise<unknown>): Promise<{ reason: MfaErrorReason; message: string }> {
    try {
      await promise;
    } catch (error: unknown) {
      if (error instanceof MfaError) return { reason: error.reason, message: error.message };
      throw error;
    }
    throw new Error('expected a refusal');
  }

  it('registration options: this RP, the user handle, preferred UV, no attestation, ES256 offered', async () => {
    const options = await registrationOptions(rp, user, []);
    expect(options.rp).toEqual({ id: 'kapita.example', name: 'Kapita' });
    expect(Buffer.from(options.user.id, 'base64url').toString('utf8')).toBe(user.id);
    expect(options.user.name).toBe('alice');
    expect(options.attestation).toBe('none');
    expect(options.authenticatorSelection?.userVerification).toBe('preferred');
    expect(options.pubKeyCredParams.map((p) => p.alg)).toEqual([-8, -7, -257]);
    expect(options.excludeCredentials).toEqual([]);
    expect(Buffer.from(options.challenge, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect((await registrationOptions(rp, user, [])).challenge).not.toBe(options.challenge);
    await expect(registrationOptions(rp, { id: 'x'.repeat(65), name: 'alice' }, [])).rejects.toMatchObject({ reason: 'invalid-argument' });
  });

  it('registers two keys for one user (none and packed self attestation) and signs in with each; counters increase', async () => {
    const first = new SoftAuthenticator();
    const second = new SoftAuthenticator();
    const credentials: StoredCredential[] = [];

    const a = await register(first, credentials, 'none');
    expect(a).toEqual({ id: first.id, publicKey: expect.stringMatching(/^[\w-]+$/) as string, counter: 0, transports: ['usb'], createdAt: new Date(NOW).toISOString(), name: 'key 1' });
    credentials.push(a);

    // The second registration excludes the first key, which (as a real authenticator) refuses to register again.
    const options = await registrationOptions(rp, user, credentials);
    expect(options.excludeCredentials).toEqual([{ id: first.id, type: 'public-key', transports: ['usb'] }]);
    expect(() => first.register(options, { origin: ORIGIN })).toThrow(/InvalidStateError/);
    const b = await verifyRegistration(rp, options.challenge, second.register(options, { origin: ORIGIN, fmt: 'packed' }), NOW + 1000);
    expect(b.id).toBe(second.id);
    expect(b.name).toBeUndefined();
    credentials.push(b);

    const lookup = (id: string): StoredCredential | undefined => credentials.find((c) => c.id === id);
    for (const [key, expected] of [
      [first, 1],
      [second, 1],
      [first, 2],
      [first, 3],
      [second, 2],
    ] as const) {
      const auth = await authenticationOptions(rp, credentials);
      expect(auth.rpId).toBe(rp.id);
      expect(auth.userVerification).toBe('preferred');
      expect(auth.allowCredentials?.map((c) => c.id)).toEqual([first.id, second.id]);
      const result = await verifyAuthentication(rp, auth.challenge, key.authenticate(auth, { origin: ORIGIN }), lookup);
      expect(result).toEqual({ credentialId: key.id, newCounter: expected });
      const stored = lookup(result.credentialId);
      if (stored === undefined) throw new Error('lost the credential');
      stored.counter = result.newCounter;
    }
  });

  it('accepts a key without user verification (userVerification is preferred, not required)', async () => {
    const key = new SoftAuthenticator();
    const options = await registrationOptions(rp, user, []);
    const credential = await verifyRegistration(rp, options.challenge, key.register(options, { origin: ORIGIN, userVerified: false }), NOW);
    const auth = await authenticationOptions(rp, [credential]);
    expect(await verifyAuthentication(rp, auth.challenge, key.authenticate(auth, { origin: ORIGIN, userVerified: false }), () => credential)).toEqual({ credentialId: key.id, newCounter: 1 });
  });

  it('accepts an authenticator that never counts (counter 0 on both sides)', async () => {
    const { key, credentials, lookup } = await enrolled();
    for (let i = 0; i < 2; i++) {
      const auth = await authenticationOptions(rp, credentials);
      expect(await verifyAuthentication(rp, auth.challenge, key.authenticate(auth, { origin: ORIGIN, counter: 0 }), lookup)).toEqual({ credentialId: key.id, newCounter: 0 });
    }
  });

  describe('refusals', () => {
    it('a bad signature', async () => {
      const { key, credentials, lookup } = await enrolled();
      const auth = await authenticationOptions(rp, credentials);
      expect(await refusal(verifyAuthentication(rp, auth.challenge, key.authenticate(auth, { origin: ORIGIN, corruptSignature: true }), lookup))).toMatchObject({ reason: 'bad-signature' });
      // The same key signing properly with a fresh counter is fine.
      expect((await verifyAuthentication(rp, auth.challenge, key.authenticate(auth, { origin: ORIGIN }), lookup)).newCounter).toBe(2);
    });

    it('a packed self attestation that does not verify', async () => {
      const key = new SoftAuthenticator();
      const options = await registrationOptions(rp, user, []);
      expect(await refusal(verifyRegistration(rp, options.challenge, key.register(options, { origin: ORIGIN, fmt: 'packed', corruptSignature: true }), NOW))).toMatchObject({ reason: 'bad-signature' });
    });

    it("another key's signature over the right data", async () => {
      const { key, credentials, lookup } = await enrolled();
      const other = new SoftAuthenticator();
      const auth = await authenticationOptions(rp, credentials);
      const forged = other.authenticate(auth, { origin: ORIGIN, ignoreAllowCredentials: true });
      const genuine = key.authenticate(auth, { origin: ORIGIN });
      const spliced = { ...genuine, response: { ...genuine.response, signature: forged.response.signature } };
      expect(await refusal(verifyAuthentication(rp, auth.challenge, spliced, lookup))).toMatchObject({ reason: 'bad-signature' });
    });

    it('a wrong origin, at registration and at sign-in', async () => {
      const key = new SoftAuthenticator();
      const options = await registrationOptions(rp, user, []);
      expect(await refusal(verifyRegistration(rp, options.challenge, key.register(options, { origin: 'https://kapita.example.evil' }), NOW))).toMatchObject({ reason: 'origin-mismatch' });
      const credential = await verifyRegistration(rp, options.challenge, key.register(options, { origin: ORIGIN }), NOW);
      const auth = await authenticationOptions(rp, [credential]);
      for (const origin of ['https://kapita-example.evil', 'http://kapita.example', 'https://kapita.example:8443']) {
        expect(await refusal(verifyAuthentication(rp, auth.challenge, key.authenticate(auth, { origin }), () => credential))).toMatchObject({ reason: 'origin-mismatch' });
      }
    });

    it('a wrong RP ID, at registration and at sign-in', async () => {
      const key = new SoftAuthenticator();
      const options = await registrationOptions(rp, user, []);
      expect(await refusal(verifyRegistration(rp, options.challenge, key.register(options, { origin: ORIGIN, rpId: 'evil.example' }), NOW))).toMatchObject({ reason: 'rp-id-mismatch' });
      const credential = await verifyRegistration(rp, options.challenge, key.register(options, { origin: ORIGIN }), NOW);
      const auth = await authenticationOptions(rp, [credential]);
      expect(await refusal(verifyAuthentication(rp, auth.challenge, key.authenticate(auth, { origin: ORIGIN, rpId: 'evil.example' }), () => credential))).toMatchObject({ reason: 'rp-id-mismatch' });
    });

    it('a counter that went backwards or stayed the same', async () => {
      const { key, credentials, lookup } = await enrolled();
      const stored = credentials[0];
      if (stored === undefined) throw new Error('no credential');
      for (let i = 0; i < 3; i++) {
        const auth = await authenticationOptions(rp, credentials);
        stored.counter = (await verifyAuthentication(rp, auth.challenge, key.authenticate(auth, { origin: ORIGIN }), lookup)).newCounter;
      }
      expect(stored.counter).toBe(3);
      for (const counter of [2, 3, 0]) {
        const auth = await authenticationOptions(rp, credentials);
        const refused = await refusal(verifyAuthentication(rp, auth.challenge, key.authenticate(auth, { origin: ORIGIN, counter }), lookup));
        expect(refused).toMatchObject({ reason: 'counter-not-increased' });
        expect(refused.message).toContain(`counter ${counter} did not increase past 3`);
      }
      const auth = await authenticationOptions(rp, credentials);
      expect((await verifyAuthentication(rp, auth.challenge, key.authenticate(auth, { origin: ORIGIN }), lookup)).newCounter).toBe(4);
    });

    it('the library refuses a stale counter on its own too (our check is not the only one)', async () => {
      const { key, credentials } = await enrolled();
      const stored = credentials[0];
      if (stored === undefined) throw new Error('no credential');
      const auth = await authenticationOptions(rp, credentials);
      const response = key.authenticate(auth, { origin: ORIGIN, counter: 5 });
      const credential = { id: stored.id, publicKey: new Uint8Array(Buffer.from(stored.publicKey, 'base64url')), counter: 5 };
      const verify = (counter: number): ReturnType<typeof verifyAuthenticationResponse> =>
        verifyAuthenticationResponse({ response, expectedChallenge: auth.challenge, expectedOrigin: ORIGIN, expectedRPID: rp.id, credential: { ...credential, counter }, requireUserVerification: false });
      await expect(verify(5)).rejects.toThrow(/counter/);
      await expect(verify(6)).rejects.toThrow(/counter/);
      expect((await verify(4)).verified).toBe(true);
    });

    it('an unknown credential, or one lookup gives for another id', async () => {
      const { credentials, lookup } = await enrolled();
      const stranger = new SoftAuthenticator();
      const auth = await authenticationOptions(rp, credentials);
      expect(() => stranger.authenticate(auth, { origin: ORIGIN })).toThrow(/NotAllowedError/);
      const response = stranger.authenticate(auth, { origin: ORIGIN, ignoreAllowCredentials: true });
      expect(await refusal(verifyAuthentication(rp, auth.challenge, response, lookup))).toMatchObject({ reason: 'unknown-credential' });
      // A lookup that answers with the wrong record must not make the stranger's key count.
      expect(await refusal(verifyAuthentication(rp, auth.challenge, response, () => credentials[0]))).toMatchObject({ reason: 'unknown-credential' });
      expect(await refusal(verifyAuthentication(rp, auth.challenge, response, () => Promise.resolve(undefined)))).toMatchObject({ reason: 'unknown-credential' });
    });

    it('a response to another challenge, at registration and at sign-in', async () => {
      const key = new SoftAuthenticator();
      const options = await registrationOptions(rp, user, []);
      const other = await registrationOptions(rp, user, []);
      expect(await refusal(verifyRegistration(rp, other.challenge, key.register(options, { origin: ORIGIN }), NOW))).toMatchObject({ reason: 'challenge-mismatch' });
      const credential = await verifyRegistration(rp, options.challenge, key.register(options, { origin: ORIGIN }), NOW);
      const auth = await authenticationOptions(rp, [credential]);
      const older = await authenticationOptions(rp, [credential]);
      expect(await refusal(verifyAuthentication(rp, auth.challenge, key.authenticate(older, { origin: ORIGIN }), () => credential))).toMatchObject({ reason: 'challenge-mismatch' });
      expect(await refusal(verifyAuthentication(rp, auth.challenge, key.authenticate(auth, { origin: ORIGIN, challenge: options.challenge }), () => credential))).toMatchObject({ reason: 'challenge-mismatch' });
    });

    it('a ceremony of the other type, and responses that are not credentials', async () => {
      const { key, credentials, lookup } = await enrolled();
      const auth = await authenticationOptions(rp, credentials);
      expect(await refusal(verifyAuthentication(rp, auth.challenge, key.authenticate(auth, { origin: ORIGIN, type: 'webauthn.create' }), lookup))).toMatchObject({ reason: 'wrong-type' });
      const options = await registrationOptions(rp, user, []);
      const fresh = new SoftAuthenticator();
      expect(await refusal(verifyRegistration(rp, options.challenge, fresh.register(options, { origin: ORIGIN, type: 'webauthn.get' }), NOW))).toMatchObject({ reason: 'wrong-type' });
      const registration = fresh.register(options, { origin: ORIGIN });
      // A registration response offered as a sign-in has no signature.
      expect(await refusal(verifyAuthentication(rp, auth.challenge, registration, lookup))).toMatchObject({ reason: 'malformed-response' });
      for (const junk of [null, 'x', [], {}, { ...registration, rawId: 'AAAA' }, { ...registration, type: 'password' }, { ...registration, response: { ...registration.response, attestationObject: 'oA' } }]) {
        expect(await refusal(verifyRegistration(rp, options.challenge, junk, NOW))).toMatchObject({ reason: 'malformed-response' });
      }
    });

    it('no keys to sign in with', async () => {
      await expect(authenticationOptions(rp, [])).rejects.toMatchObject({ reason: 'invalid-argument' });
    });
  });
});
