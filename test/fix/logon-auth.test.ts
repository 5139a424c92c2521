// The signed Logon's authenticator on a simulated clock: the nonce's length bounds, memory bounded
// per key and by the window, and the start-time rule.
import { describe, expect, it } from 'vitest';
import { FixEncoder, parseMessage, type FixMessage } from '../../src/fix/codec.js';
import { defaultDictionaryPaths, loadFixDictionary } from '../../src/fix/dictionary.js';
import { LOGON_NONCE_TAG, LOGON_REFUSAL, LogonNonces, signedLogonAuthenticator, signLogon } from '../../src/fix/logon-auth.js';
import { addKapitaLogonFields } from '../../src/fix/session.js';
import type { FixAuthResult } from '../../src/fix/session-types.js';
import { formatUtcTimestamp } from '../../src/fix/utc-time.js';

const dictionary = loadFixDictionary(defaultDictionaryPaths());
addKapitaLogonFields(dictionary);
const encoder = new FixEncoder(65_536, dictionary.codecTables);
const T0 = Date.UTC(2030, 0, 1, 12, 0, 0);

function logon(nonce: string, sendingTimeMs: number, secret = 'secret-a'): FixMessage {
  const sendingTime = formatUtcTimestamp(sendingTimeMs);
  const rawData = signLogon(secret, { sendingTime, msgSeqNum: 1, senderCompId: 'DESK', targetCompId: 'KAPITA', nonce });
  const bytes = encoder.encode('FIXT.1.1', 'A', [[34, 1], [49, 'DESK'], [52, sendingTime], [56, 'KAPITA']], [[95, rawData.length], [96, rawData], [98, 0], [108, 30], [553, 'key-a'], [1137, '9'], [LOGON_NONCE_TAG, nonce]]);
  const message = parseMessage(bytes, dictionary.codecTables);
  if (typeof message === 'number') throw new Error(`unparsable Logon (${message})`);
  return message;
}

function authenticator(clock: { now: number }, maxNoncesPerKey = 1_000): (message: FixMessage) => FixAuthResult {
  const authenticate = signedLogonAuthenticator({ lookup: (key) => (key === 'key-a' ? { secret: 'secret-a', account: '7' } : undefined), now: () => clock.now, maxNoncesPerKey });
  return (message) => {
    const result = authenticate({ senderCompId: 'DESK', targetCompId: 'KAPITA', username: message.get(553), password: undefined, rawData: message.get(96), message, remoteAddress: '127.0.0.1' });
    if (result instanceof Promise) throw new Error('the lookup is synchronous');
    return result;
  };
}

const reasonOf = (result: FixAuthResult): string => (result.ok ? 'ok' : result.reason);

describe('the signed Logon authenticator', () => {
  it('takes nonces of 16 to 64 printable characters and nothing else', () => {
    const clock = { now: T0 };
    const authenticate = authenticator(clock);
    const cases: [string, string][] = [
      ['a'.repeat(15), LOGON_REFUSAL.MISSING_NONCE],
      ['a'.repeat(16), 'ok'],
      ['b'.repeat(64), 'ok'],
      ['c'.repeat(65), LOGON_REFUSAL.MISSING_NONCE],
      [`${'d'.repeat(15)} `, LOGON_REFUSAL.MISSING_NONCE],
    ];
    expect(cases.map(([nonce]) => reasonOf(authenticate(logon(nonce, T0))))).toEqual(cases.map(([, reason]) => reason));
  });

  it('refuses a reused nonce until its Logon has left the window, then only as stale', () => {
    const clock = { now: T0 };
    const authenticate = authenticator(clock);
    const nonce = 'n'.repeat(32);
    expect(reasonOf(authenticate(logon(nonce, T0)))).toBe('ok');
    clock.now = T0 + 30_000;
    expect(reasonOf(authenticate(logon(nonce, T0)))).toBe(LOGON_REFUSAL.NONCE_REUSED);
    clock.now = T0 + 30_001;
    expect(reasonOf(authenticate(logon(nonce, T0)))).toBe(LOGON_REFUSAL.STALE);
  });

  it('does not spend a nonce on a Logon whose signature is wrong', () => {
    const clock = { now: T0 };
    const authenticate = authenticator(clock);
    const nonce = 'm'.repeat(32);
    expect(reasonOf(authenticate(logon(nonce, T0, 'guessed')))).toBe(LOGON_REFUSAL.INVALID);
    expect(reasonOf(authenticate(logon(nonce, T0)))).toBe('ok');
  });

  it('holds at most maxNoncesPerKey per key, and frees them as the window passes', () => {
    const clock = { now: T0 };
    const authenticate = authenticator(clock, 2);
    expect(reasonOf(authenticate(logon('1'.repeat(16), T0)))).toBe('ok');
    expect(reasonOf(authenticate(logon('2'.repeat(16), T0)))).toBe('ok');
    expect(reasonOf(authenticate(logon('3'.repeat(16), T0)))).toBe(LOGON_REFUSAL.TOO_MANY);
    clock.now = T0 + 30_001;
    expect(reasonOf(authenticate(logon('3'.repeat(16), T0 + 30_001)))).toBe('ok');
  });

  it('forgets the nonces of keys that never log on again at the next sweep', () => {
    const nonces = new LogonNonces(30_000, 10);
    for (let key = 0; key < 100; key++) expect(nonces.use(`key-${key}`, 'x'.repeat(16), T0, T0)).toBeUndefined();
    expect(nonces.size).toBe(100);
    expect(nonces.use('another', 'y'.repeat(16), T0 + 30_001, T0 + 30_001)).toBeUndefined();
    expect(nonces.size).toBe(1);
  });

  it('refuses a Logon signed before it started, even within the window', () => {
    const clock = { now: T0 };
    const authenticate = authenticator(clock);
    expect(reasonOf(authenticate(logon('s'.repeat(16), T0 - 1)))).toBe(LOGON_REFUSAL.BEFORE_START);
    expect(reasonOf(authenticate(logon('s'.repeat(16), T0)))).toBe('ok');
  });
});
