// The signed FIX Logon's nonce, over real sockets against the venue's own gateway: a captured Logon
// sent again (same bytes, same nonce) is refused, even with ResetSeqNumFlag and after a restart; the
// old form without a nonce is refused with a text that says what is missing; and an unknown key
// and a wrong signature are answered alike, so the answer does not tell which keys exist.
import { afterEach, describe, expect, it } from 'vitest';
import { LOGON_REFUSAL, newLogonNonce } from '../../src/fix/logon-auth.js';
import { startServer } from '../../src/server/server.js';
import { closeFixVenues, CONFIG, onCleanup, Session, startFixVenue } from '../support/fix-venue.js';

afterEach(closeFixVenues);

/** ResetSeqNumFlag: a Logon that would be taken whatever the session's sequence numbers (the replay worth trying). */
const RESET: [number, string][] = [[141, 'Y']];

describe('the signed FIX Logon with a nonce', () => {
  it('refuses a replayed Logon (same nonce) after the first session has logged out', async () => {
    const { gateway, seller } = await startFixVenue();
    const captured = { sendingTimeMs: Date.now(), nonce: newLogonNonce() };
    const first = await Session.logon(gateway.port, 'REPLAYED', seller, RESET, 1, undefined, captured);
    first.send('5', []);
    expect((await first.expect('5')).msgType).toBe('5');

    const replay = await Session.attempt(gateway.port, 'REPLAYED', seller, RESET, 1, undefined, captured);
    expect([replay.logonReply?.msgType, replay.logonReply?.get(58)]).toEqual(['5', LOGON_REFUSAL.NONCE_REUSED]);
    // The key itself still works with a nonce of its own.
    const fresh = await Session.logon(gateway.port, 'REPLAYED', seller, RESET, 1);
    expect(fresh.logonReply?.get(34)).toBe('1');
  });

  it('refuses the old Logon form, without a nonce, with a Logout that names the field', async () => {
    const { gateway, seller } = await startFixVenue();
    const old = await Session.attempt(gateway.port, 'OLDCLIENT', seller, [], 1, undefined, { nonce: null });
    expect([old.logonReply?.msgType, old.logonReply?.get(58)]).toEqual(['5', LOGON_REFUSAL.MISSING_NONCE]);
    expect(old.logonReply?.get(58)).toContain('LogonNonce (8014) required');
    // A nonce shorter than 16 characters is the same refusal.
    const short = await Session.attempt(gateway.port, 'OLDCLIENT', seller, [], 1, undefined, { nonce: 'abc' });
    expect(short.logonReply?.get(58)).toBe(LOGON_REFUSAL.MISSING_NONCE);
  });

  it('answers an unknown API key and a wrong signature with the same Logout text', async () => {
    const { gateway, seller } = await startFixVenue();
    const unknown = await Session.attempt(gateway.port, 'PROBE1', { ...seller, keyId: 'no-such-key' });
    const forged = await Session.attempt(gateway.port, 'PROBE2', { ...seller, secret: 'not-the-secret' });
    expect([unknown.logonReply?.msgType, unknown.logonReply?.get(58)]).toEqual(['5', LOGON_REFUSAL.INVALID]);
    expect([forged.logonReply?.msgType, forged.logonReply?.get(58)]).toEqual(['5', LOGON_REFUSAL.INVALID]);
  });

  it('refuses after a restart a Logon signed before the gateway started, though within ±30 s', async () => {
    const { server, gateway, seller, dataDir } = await startFixVenue();
    const captured = { sendingTimeMs: Date.now(), nonce: newLogonNonce() };
    const first = await Session.logon(gateway.port, 'RESTARTED', seller, RESET, 1, undefined, captured);
    first.client.close();
    await server.stop();

    // The restarted venue's clock starts 1 ms after the captured SendingTime: well inside the 30 s
    // window, so only the start-time rule can refuse it (the nonces of before are forgotten).
    const startedAt = Date.now();
    const clock = (): number => captured.sendingTimeMs + 1 + (Date.now() - startedAt);
    const again = await startServer({ dataDir, config: CONFIG, say: () => undefined, now: clock });
    onCleanup(() => again.stop());
    const port = again.fix?.port ?? 0;
    const replay = await Session.attempt(port, 'RESTARTED', seller, RESET, 1, undefined, captured);
    expect([replay.logonReply?.msgType, replay.logonReply?.get(58)]).toEqual(['5', LOGON_REFUSAL.BEFORE_START]);
    const fresh = await Session.logon(port, 'RESTARTED', seller, RESET, 1, undefined, { sendingTimeMs: clock() });
    expect(fresh.logonReply?.get(34)).toBe('1');
  });
});
