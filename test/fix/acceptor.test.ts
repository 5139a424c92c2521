// The acceptor over real sockets: hostile input, time-outs, dynamic sessions with the signed
// Logon, persistence across a restart, TLS, and cancel-on-disconnect reaching the application.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureTls, tlsServerOptions } from '../../src/security/tls.js';
import { FixAcceptor, type FixAcceptorOptions } from '../../src/fix/acceptor.js';
import { FixEncoder, parseMessage, type FixField, type FixMessage } from '../../src/fix/codec.js';
import { defaultDictionaryPaths, loadFixDictionary } from '../../src/fix/dictionary.js';
import { LOGON_NONCE_TAG, LOGON_REFUSAL, newLogonNonce, signedLogonAuthenticator, signLogon } from '../../src/fix/logon-auth.js';
import { addKapitaLogonFields } from '../../src/fix/session.js';
import { acceptAnyLogon, type FixDisconnectInfo } from '../../src/fix/session-types.js';
import { formatUtcTimestamp } from '../../src/fix/utc-time.js';
import { Client } from './script-runner.js';

const dictionary = loadFixDictionary(defaultDictionaryPaths());
addKapitaLogonFields(dictionary);
const encoder = new FixEncoder(65_536, dictionary.codecTables);

const running: FixAcceptor[] = [];
const clients: Client[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const acceptor of running.splice(0)) await acceptor.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kapita-fix-acceptor-'));
  dirs.push(dir);
  return dir;
}

async function start(options: Partial<FixAcceptorOptions> = {}): Promise<FixAcceptor> {
  const acceptor = await FixAcceptor.start({
    dictionary,
    profiles: [{ kind: 'fixed', senderCompId: 'KAPITA', targetCompId: 'FIRM1' }],
    authenticate: acceptAnyLogon,
    application: { onMessage: () => undefined },
    ...options,
  });
  running.push(acceptor);
  return acceptor;
}

async function open(acceptor: FixAcceptor): Promise<Client> {
  const client = await Client.open(acceptor.port);
  clients.push(client);
  return client;
}

function build(msgType: string, seq: number, sender: string, body: FixField[], target = 'KAPITA'): Buffer {
  return encoder.encode(
    'FIXT.1.1',
    msgType,
    [
      [34, seq],
      [49, sender],
      [52, formatUtcTimestamp(Date.now())],
      [56, target],
    ],
    body,
  );
}

function logonMessage(sender: string, seq = 1, extra: FixField[] = []): Buffer {
  return build('A', seq, sender, [[98, 0], [108, 30], ...extra, [1137, '9']]);
}

async function receive(client: Client): Promise<FixMessage> {
  const text = await client.read(5_000);
  const message = parseMessage(Buffer.from(text, 'latin1'), dictionary.codecTables);
  if (typeof message === 'number') throw new Error(`expected a message, got ${text}`);
  return message;
}

describe('FIX acceptor: hostile input', () => {
  it('skips garbage before a Logon and survives truncated and oversized frames on other connections', async () => {
    const acceptor = await start({ limits: { maxMessageBytes: 4_096 } });
    const truncated = await open(acceptor);
    truncated.write(logonMessage('FIRM1').subarray(0, 30));
    truncated.close();
    const oversized = await open(acceptor);
    oversized.write('8=FIXT.1.1\x019=99999\x0135=A\x01');
    expect(await oversized.waitDisconnect(5_000)).toBeNull();
    const noisy = await open(acceptor);
    noisy.write(Buffer.concat([randomBytes(2_000).map((b) => (b === 0x38 ? 0x39 : b)), logonMessage('FIRM1')]));
    const reply = await receive(noisy);
    expect([reply.msgType, reply.get(56)]).toEqual(['A', 'FIRM1']);
    noisy.write(Buffer.concat([randomBytes(3_000), build('1', 2, 'FIRM1', [[112, 'still here']])]));
    expect((await receive(noisy)).get(112)).toBe('still here');
  });

  it('closes a connection whose first frame is not a valid Logon, or that never logs on', async () => {
    const acceptor = await start({ limits: { logonTimeoutMs: 300, tickMs: 50 } });
    const heartbeatFirst = await open(acceptor);
    heartbeatFirst.write(build('0', 1, 'FIRM1', []));
    expect(await heartbeatFirst.waitDisconnect(5_000)).toBeNull();
    const badChecksum = await open(acceptor);
    badChecksum.write(Buffer.from(logonMessage('FIRM1').toString('latin1').replace(/10=\d{3}/, '10=999'), 'latin1'));
    expect(await badChecksum.waitDisconnect(5_000)).toBeNull();
    const silent = await open(acceptor);
    expect(await silent.waitDisconnect(5_000)).toBeNull();
    expect(acceptor.connectionCount).toBe(0);
  });
});

describe('FIX acceptor: dynamic sessions with the signed Logon', () => {
  const keys = new Map([
    ['key-a', { secret: 'secret-a', account: '1001' }],
    ['key-b', { secret: 'secret-b', account: '1002', cancelOnDisconnect: true }],
  ]);

  function signedLogon(sender: string, apiKey: string, secret: string, offsetMs = 0): Buffer {
    const sendingTime = formatUtcTimestamp(Date.now() + offsetMs);
    const nonce = newLogonNonce();
    const rawData = signLogon(secret, { sendingTime, msgSeqNum: 1, senderCompId: sender, targetCompId: 'KAPITA', nonce });
    return encoder.encode(
      'FIXT.1.1',
      'A',
      [
        [34, 1],
        [49, sender],
        [52, sendingTime],
        [56, 'KAPITA'],
      ],
      [
        [95, rawData.length],
        [96, rawData],
        [98, 0],
        [108, 30],
        [553, apiKey],
        [1137, '9'],
        [LOGON_NONCE_TAG, nonce],
      ],
    );
  }

  /** `startedAgoMs`: when the authenticator counts itself started (Logons signed before then are refused). */
  async function startDynamic(disconnects: FixDisconnectInfo[] = [], startedAgoMs = 0): Promise<FixAcceptor> {
    return start({
      profiles: [{ kind: 'dynamic' }],
      authenticate: signedLogonAuthenticator({ lookup: (key) => keys.get(key), now: Date.now, startedAtMs: Date.now() - startedAgoMs }),
      application: { onMessage: () => undefined, onDisconnect: (_s, info) => disconnects.push(info) },
    });
  }

  it('keys sessions by account and SenderCompID', async () => {
    const acceptor = await startDynamic();
    const a = await open(acceptor);
    a.write(signedLogon('DESK', 'key-a', 'secret-a'));
    expect((await receive(a)).msgType).toBe('A');
    const b = await open(acceptor);
    b.write(signedLogon('DESK', 'key-b', 'secret-b'));
    expect((await receive(b)).msgType).toBe('A');
    expect(
      acceptor
        .sessions()
        .map((s) => `${s.key} ${String(s.account)} ${String(s.cancelOnDisconnect)}`)
        .sort(),
    ).toEqual(['FIXT.1.1:KAPITA:1001:DESK 1001 false', 'FIXT.1.1:KAPITA:1002:DESK 1002 true']);
  });

  it('answers a bad signature and an unknown key with the same Logout text', async () => {
    const acceptor = await startDynamic();
    const forged = await open(acceptor);
    forged.write(signedLogon('DESK', 'key-a', 'not-the-secret'));
    const logout = await receive(forged);
    expect([logout.msgType, logout.get(58), logout.msgSeqNum]).toEqual(['5', LOGON_REFUSAL.INVALID, 1]);
    expect(await forged.waitDisconnect(5_000)).toBeNull();
    const unknown = await open(acceptor);
    unknown.write(signedLogon('DESK', 'key-z', 'secret-a'));
    expect((await receive(unknown)).get(58)).toBe(LOGON_REFUSAL.INVALID);
    expect(acceptor.sessions()).toEqual([]);
  });

  it('accepts a signed Logon within ±30 s of its clock and refuses one outside', async () => {
    const acceptor = await startDynamic([], 60_000);
    const stale = await open(acceptor);
    stale.write(signedLogon('DESK', 'key-a', 'secret-a', -31_000));
    const logout = await receive(stale);
    expect([logout.msgType, logout.get(58)]).toEqual(['5', 'SendingTime accuracy problem']);
    const early = await open(acceptor);
    early.write(signedLogon('DESK2', 'key-a', 'secret-a', 31_000));
    expect((await receive(early)).get(58)).toBe('SendingTime accuracy problem');
    const fresh = await open(acceptor);
    fresh.write(signedLogon('DESK3', 'key-a', 'secret-a', -29_000));
    expect((await receive(fresh)).msgType).toBe('A');
  });

  it('refuses a Logon that would create a session beyond the limit', async () => {
    const acceptor = await start({
      profiles: [{ kind: 'dynamic' }],
      authenticate: signedLogonAuthenticator({ lookup: (key) => keys.get(key), now: Date.now }),
      limits: { maxSessions: 1 },
    });
    const a = await open(acceptor);
    a.write(signedLogon('DESK', 'key-a', 'secret-a'));
    expect((await receive(a)).msgType).toBe('A');
    const b = await open(acceptor);
    b.write(signedLogon('DESK', 'key-b', 'secret-b'));
    expect((await receive(b)).get(58)).toBe('Too many sessions');
  });

  it('drops a second connection for a session that has one', async () => {
    const acceptor = await startDynamic();
    const first = await open(acceptor);
    first.write(signedLogon('DESK', 'key-a', 'secret-a'));
    await receive(first);
    const second = await open(acceptor);
    second.write(signedLogon('DESK', 'key-a', 'secret-a'));
    expect(await second.waitDisconnect(5_000)).toBeNull();
    first.write(build('1', 2, 'DESK', [[112, 'first still on']]));
    expect((await receive(first)).get(112)).toBe('first still on');
  });

  it('tells the application to cancel when a cancel-on-disconnect session drops without Logout', async () => {
    const disconnects: FixDisconnectInfo[] = [];
    const acceptor = await startDynamic(disconnects);
    const client = await open(acceptor);
    client.write(signedLogon('DESK', 'key-b', 'secret-b'));
    await receive(client);
    client.close();
    for (let i = 0; i < 100 && disconnects.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(disconnects).toEqual([{ cancelOnDisconnect: true, logoutReceived: false, logoutSent: false }]);
  });
});

describe('FIX acceptor: persistence and TLS', () => {
  it('continues sequence numbers after a restart when the session does not reset', async () => {
    const storeDir = tempDir();
    const first = await start({ storeDir });
    const client = await open(first);
    client.write(logonMessage('FIRM1'));
    expect((await receive(client)).msgSeqNum).toBe(1);
    client.write(build('1', 2, 'FIRM1', [[112, 'x']]));
    expect((await receive(client)).msgSeqNum).toBe(2);
    client.close();
    await first.close();
    running.splice(running.indexOf(first), 1);
    const second = await start({ storeDir });
    const again = await open(second);
    again.write(logonMessage('FIRM1', 3));
    const reply = await receive(again);
    expect([reply.msgType, reply.msgSeqNum]).toEqual(['A', 3]);
    expect(second.session('FIXT.1.1:KAPITA:FIRM1')?.nextTargetSeq).toBe(4);
  });

  it('serves sessions over TLS', async () => {
    const material = await ensureTls(tempDir(), { hostnames: ['localhost'], now: new Date() });
    const acceptor = await start({ tls: tlsServerOptions(material) });
    const client = await Client.openTls(acceptor.port, material.ca);
    clients.push(client);
    client.write(logonMessage('FIRM1'));
    const reply = await receive(client);
    expect([reply.msgType, reply.get(49)]).toEqual(['A', 'KAPITA']);
  });
});
