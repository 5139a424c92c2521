// The session state machine driven directly, with a simulated clock and an in-memory transport:
// the timer rules, authentication, cancel-on-disconnect and resending across reconnects.
import { describe, expect, it } from 'vitest';
import { FixEncoder, parseMessage, type FixField, type FixMessage } from '../../src/fix/codec.js';
import { defaultDictionaryPaths, loadFixDictionary } from '../../src/fix/dictionary.js';
import { BusinessRejectReason } from '../../src/fix/reasons.js';
import { addKapitaLogonFields, FixSession } from '../../src/fix/session.js';
import { DEFAULT_SESSION_SETTINGS, type FixApplication, type FixAuthenticator, type FixDisconnectInfo, type FixSessionSettings, type FixTransport } from '../../src/fix/session-types.js';
import { MemoryFixStore } from '../../src/fix/store.js';
import { formatUtcTimestamp } from '../../src/fix/utc-time.js';

const dictionary = loadFixDictionary(defaultDictionaryPaths());
addKapitaLogonFields(dictionary);
const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);

class Wire implements FixTransport {
  readonly sent: FixMessage[] = [];
  closed = false;
  write(bytes: Buffer): void {
    const message = parseMessage(bytes, dictionary.codecTables);
    if (typeof message === 'number') throw new Error(`session wrote an unreadable frame (${message})`);
    this.sent.push(message);
  }
  close(): void {
    this.closed = true;
  }
  /** The messages sent since the last call, as "35=x|34=n|extra" summaries. */
  take(...tags: number[]): string[] {
    const out = this.sent.splice(0).map((m) => [`${m.msgType}/${m.msgSeqNum}`, ...tags.filter((t) => m.has(t)).map((t) => `${t}=${m.get(t) ?? ''}`)].join(' '));
    return out;
  }
}

interface Harness {
  session: FixSession;
  wire: Wire;
  clock: { now: number };
  disconnects: FixDisconnectInfo[];
  received: FixMessage[];
  store: MemoryFixStore;
  /** A message from the client, stamped with the clock. */
  client(msgType: string, seq: number, body?: FixField[], header?: FixField[]): FixMessage;
  connect(): Wire;
}

function harness(options: { settings?: Partial<FixSessionSettings>; authenticate?: FixAuthenticator; application?: Partial<FixApplication> } = {}): Harness {
  const clock = { now: T0 };
  const encoder = new FixEncoder(65_536, dictionary.codecTables);
  const disconnects: FixDisconnectInfo[] = [];
  const received: FixMessage[] = [];
  const store = new MemoryFixStore();
  const session = new FixSession({
    key: 'test',
    senderCompId: 'KAPITA',
    targetCompId: 'CLIENT',
    settings: { ...DEFAULT_SESSION_SETTINGS, ...options.settings },
    dictionary,
    store,
    application: {
      onMessage: (_s, message) => received.push(message),
      onDisconnect: (_s, info) => disconnects.push(info),
      ...options.application,
    },
    authenticate: options.authenticate ?? ((request) => ({ ok: true, account: `acct-${request.senderCompId}` })),
    now: () => clock.now,
  });
  const h: Harness = {
    session,
    wire: new Wire(),
    clock,
    disconnects,
    received,
    store,
    client(msgType, seq, body = [], header = []) {
      const bytes = encoder.encode(
        'FIXT.1.1',
        msgType,
        ([[34, seq], [49, 'CLIENT'], [52, formatUtcTimestamp(clock.now)], [56, 'KAPITA'], ...header] as FixField[]).sort((a, b) => a[0] - b[0]),
        body,
      );
      const message = parseMessage(bytes, dictionary.codecTables);
      if (typeof message === 'number') throw new Error('bad test message');
      return message;
    },
    connect() {
      h.wire = new Wire();
      session.attach(h.wire, 'test');
      return h.wire;
    },
  };
  return h;
}

function logon(h: Harness, seq = 1, heartBtInt = 30, extra: FixField[] = []): void {
  h.session.receive(
    h.client('A', seq, [
      [98, 0],
      [108, heartBtInt],
      ...extra,
      [1137, '9'],
    ]),
  );
}

function advance(h: Harness, ms: number): void {
  const end = h.clock.now + ms;
  while (h.clock.now < end) {
    h.clock.now = Math.min(end, h.clock.now + 100);
    h.session.tick();
  }
}

describe('FIX session timers', () => {
  it('sends a Heartbeat after HeartBtInt of silence, a TestRequest after 1.5×, and disconnects after 2.4×', () => {
    const h = harness();
    h.connect();
    logon(h);
    expect(h.wire.take(108)).toEqual(['A/1 108=30']);
    advance(h, 29_900);
    expect(h.wire.take()).toEqual([]);
    advance(h, 200);
    expect(h.wire.take()).toEqual(['0/2']);
    advance(h, 15_000); // 45 s since the client last spoke
    expect(h.wire.take(112)).toEqual(['1/3 112=TEST']);
    advance(h, 26_700);
    expect(h.wire.closed).toBe(false);
    advance(h, 300); // 72 s = 2.4 × 30 s
    expect(h.wire.closed).toBe(true);
    expect(h.session.isLoggedOn).toBe(false);
  });

  it('counts any accepted message as proof of life', () => {
    const h = harness();
    h.connect();
    logon(h);
    h.wire.take();
    for (let seq = 2; seq < 10; seq++) {
      advance(h, 20_000);
      h.session.receive(h.client('0', seq));
    }
    const sent = h.wire.take();
    expect(sent.length).toBeGreaterThan(3);
    expect(sent.every((summary) => summary.startsWith('0/'))).toBe(true); // heartbeats only, never a TestRequest
    expect(h.wire.closed).toBe(false);
  });

  it('closes the connection when the Logout it sent is not answered', () => {
    const h = harness({ settings: { logoutTimeoutMs: 2_000 } });
    h.connect();
    logon(h);
    h.session.logout('maintenance');
    expect(h.wire.take(58)).toEqual(['A/1', '5/2 58=maintenance']);
    advance(h, 1_900);
    expect(h.wire.closed).toBe(false);
    advance(h, 200);
    expect(h.wire.closed).toBe(true);
  });
});

describe('FIX session logon', () => {
  it('refuses a Logon the authenticator refuses with a Logout carrying the reason, consuming no sequence number', () => {
    const h = harness({ authenticate: () => ({ ok: false, reason: 'Unknown API key' }) });
    h.connect();
    logon(h);
    expect(h.wire.take(58)).toEqual(['5/1 58=Unknown API key']);
    expect(h.wire.closed).toBe(true);
    expect(h.store.nextSenderSeq).toBe(1);
    expect(h.disconnects).toEqual([]);
  });

  it('holds messages behind an asynchronous authenticator and processes them in order afterwards', async () => {
    let release: (() => void) | undefined;
    const h = harness({
      authenticate: (request) =>
        new Promise((resolve) => {
          release = () => resolve({ ok: true, account: request.senderCompId });
        }),
    });
    h.connect();
    logon(h);
    h.session.receive(h.client('1', 2, [[112, 'early']]));
    expect(h.wire.take()).toEqual([]);
    release?.();
    await Promise.resolve();
    await Promise.resolve();
    expect(h.wire.take(112)).toEqual(['A/1', '0/2 112=early']);
    expect(h.session.account).toBe('CLIENT');
  });

  it('drops an authentication result that arrives after the connection ended', async () => {
    let release: (() => void) | undefined;
    const h = harness({ authenticate: () => new Promise((resolve) => (release = () => resolve({ ok: true, account: 'x' }))) });
    const first = h.connect();
    logon(h);
    h.session.disconnect();
    expect(first.closed).toBe(true);
    release?.();
    await Promise.resolve();
    await Promise.resolve();
    expect(first.take()).toEqual([]);
    expect(h.session.isLoggedOn).toBe(false);
  });

  it('refuses a HeartBtInt beyond the profile maximum', () => {
    const h = harness({ settings: { maxHeartBtIntSec: 60 } });
    h.connect();
    logon(h, 1, 61);
    expect(h.wire.take(58)).toEqual(['5/1 58=HeartBtInt out of range']);
    expect(h.wire.closed).toBe(true);
  });
});

describe('FIX session cancel-on-disconnect', () => {
  it('reports 8013=Y and a disconnect without Logout to the application', () => {
    const h = harness();
    h.connect();
    logon(h, 1, 30, [[8013, 'Y']]);
    expect(h.session.cancelOnDisconnect).toBe(true);
    h.session.transportClosed(h.wire);
    expect(h.disconnects).toEqual([{ cancelOnDisconnect: true, logoutReceived: false, logoutSent: false }]);
  });

  it('reports a Logout exchange, and takes the profile default when the Logon says nothing', () => {
    const h = harness({ settings: { cancelOnDisconnectDefault: true } });
    h.connect();
    logon(h);
    h.session.receive(h.client('5', 2));
    expect(h.wire.take()).toEqual(['A/1', '5/2']);
    expect(h.disconnects).toEqual([{ cancelOnDisconnect: true, logoutReceived: true, logoutSent: true }]);
  });

  it('lets 8013=N override the default', () => {
    const h = harness({ settings: { cancelOnDisconnectDefault: true } });
    h.connect();
    logon(h, 1, 30, [[8013, 'N']]);
    expect(h.session.cancelOnDisconnect).toBe(false);
  });
});

describe('FIX session sequence numbers across connections', () => {
  it('keeps application messages sent while disconnected and resends them with PossDupFlag and OrigSendingTime', () => {
    const h = harness();
    h.connect();
    logon(h);
    h.session.receive(h.client('D', 2, [[11, 'A1'], [40, '1'], [54, '1'], [55, 'BTC-USD'], [60, formatUtcTimestamp(h.clock.now)]]));
    expect(h.received.map((m) => m.get(11))).toEqual(['A1']);
    h.session.transportClosed(h.wire);
    const sentAt = formatUtcTimestamp(h.clock.now);
    expect(h.session.send('8', [[11, 'A1'], [17, 'E1'], [37, 'O1'], [39, '2'], [54, '1'], [150, 'F'], [151, 0], [14, 1]])).toBe(true);
    advance(h, 5_000);
    const wire = h.connect();
    logon(h, 3);
    expect(wire.take()).toEqual(['A/3']);
    h.session.receive(h.client('2', 4, [[7, 1], [16, 0]]));
    const resent = wire.sent.find((m) => m.msgType === '8');
    expect(wire.take(36, 43)).toEqual(['4/1 36=2 43=Y', '8/2 43=Y', '4/3 36=4 43=Y']);
    expect(resent?.get(122)).toBe(sentAt);
    expect(resent?.get(52)).not.toBe(sentAt);
  });

  it('resends only application messages, gap-filling session messages', () => {
    const h = harness();
    h.connect();
    logon(h);
    h.session.send('8', [[11, 'A1'], [17, 'E1'], [37, 'O1'], [39, '0'], [54, '1'], [150, '0'], [151, 1], [14, 0]]);
    advance(h, 30_000); // our heartbeat 3
    h.session.receive(h.client('0', 2));
    h.wire.take();
    h.session.receive(h.client('2', 3, [[7, 1], [16, 0]]));
    const answer = h.wire.sent.splice(0);
    expect(answer.map((m) => `${m.msgType}/${m.msgSeqNum}/${m.get(36) ?? ''}/${m.get(43) ?? ''}`)).toEqual(['4/1/2/Y', '8/2//Y', '4/3/4/Y']);
    expect(answer[1]?.get(122)).toMatch(/^\d{8}-\d{2}:\d{2}:\d{2}\.\d{3}$/);
    expect(answer[1]?.get(11)).toBe('A1');
  });

  it('closes the session when too many messages wait behind a gap', () => {
    const h = harness({ settings: { maxQueuedMessages: 2 } });
    h.connect();
    logon(h);
    h.session.receive(h.client('0', 5));
    h.session.receive(h.client('0', 6));
    expect(h.wire.closed).toBe(false);
    h.session.receive(h.client('0', 7));
    expect(h.wire.take(58)).toEqual(['A/1', '2/2', '5/3 58=Too many messages ahead of a gap']);
    expect(h.wire.closed).toBe(true);
  });
});

describe('FIX session application boundary', () => {
  it('answers a message the application throws on with BusinessMessageReject "Application Not Available"', () => {
    const h = harness({
      application: {
        onMessage: () => {
          throw new Error('boom');
        },
      },
    });
    h.connect();
    logon(h);
    h.session.receive(h.client('D', 2, [[11, 'A1'], [40, '1'], [54, '1'], [55, 'X'], [60, formatUtcTimestamp(h.clock.now)]]));
    expect(h.wire.take(380, 58)).toEqual(['A/1', `j/2 380=${BusinessRejectReason.APPLICATION_NOT_AVAILABLE} 58=Application Not Available`]);
    h.session.receive(h.client('1', 3, [[112, 'x']]));
    expect(h.wire.take(112)).toEqual(['0/3 112=x']);
  });

  it('keeps the session header fields for itself', () => {
    const h = harness();
    h.connect();
    logon(h);
    h.wire.take();
    h.session.send('8', [[11, 'A1']], { header: [[49, 'EVIL'], [34, 999], [115, 'DESK']] });
    const [sent] = h.wire.sent;
    expect([sent?.get(49), sent?.msgSeqNum, sent?.get(115)]).toEqual(['KAPITA', 2, 'DESK']);
  });

  it('drops application messages while logged off when the session resets at Logon', () => {
    const h = harness({ settings: { resetOnLogon: true } });
    expect(h.session.send('8', [[11, 'A1']])).toBe(false);
    expect(h.store.nextSenderSeq).toBe(1);
  });
});
