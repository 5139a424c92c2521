// A venue server with its FIX gateway, for tests over real sockets: two funded accounts with API
// keys, and FIX client sessions that log on with the signed Logon. Every message a session receives
// is checked against the dictionary (FIX 5.0 SP2 / FIXT.1.1) before the test sees it, so a test
// proves the venue's messages are dictionary-correct as well as what they say.
//
// Call closeFixVenues() after each test (afterEach): it closes the sessions and stops the servers.
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { FixEncoder, parseMessage, type FixField, type FixMessage } from '../../src/fix/codec.js';
import { defaultDictionaryPaths, loadFixDictionary } from '../../src/fix/dictionary.js';
import { LOGON_NONCE_TAG, newLogonNonce, signLogon } from '../../src/fix/logon-auth.js';
import { sessionRejectText } from '../../src/fix/reasons.js';
import { addKapitaLogonFields } from '../../src/fix/session.js';
import { formatUtcTimestamp } from '../../src/fix/utc-time.js';
import { validateMessage } from '../../src/fix/validator.js';
import { RestClient } from '../../src/auth/client.js';
import type { FixGateway } from '../../src/gateway/fix/fix-gateway.js';
import { type RunningServer, startServer } from '../../src/server/server.js';
import { DEFAULT_CONFIG, type VenueConfig } from '../../src/server/venue-config.js';
import { Client } from '../fix/script-runner.js';

export const dictionary = loadFixDictionary(defaultDictionaryPaths());
addKapitaLogonFields(dictionary);
export const encoder = new FixEncoder(65_536, dictionary.codecTables);
export const CONFIG: VenueConfig = {
  ...DEFAULT_CONFIG,
  capacity: { maxOrders: 2000, maxLevels: 500 },
  snapshotIntervalMs: 50,
  server: { ...DEFAULT_CONFIG.server, host: '127.0.0.1', port: 0, plaintext: true },
  fix: { port: 0, senderCompId: 'KAPITA', sessions: [] },
};

const cleanups: (() => Promise<void> | void)[] = [];

/** Runs `cleanup` with closeFixVenues (for servers a test starts itself, e.g. after a restart). */
export function onCleanup(cleanup: () => Promise<void> | void): void {
  cleanups.push(cleanup);
}

/** Closes every session and stops every server the helpers opened, newest first. */
export async function closeFixVenues(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

export interface Account {
  readonly accountId: number;
  readonly keyId: string;
  readonly secret: string;
  readonly rest: RestClient;
}

export interface FixVenue {
  readonly server: RunningServer;
  readonly gateway: FixGateway;
  /** Holds 3 BTC. */
  readonly seller: Account;
  /** Holds 500,000 USD. */
  readonly buyer: Account;
  /** The venue's data directory, to start it again. */
  readonly dataDir: string;
  /** The venue's admin key. */
  readonly admin: RestClient;
  /** The venue's CA (PEM) when it serves TLS. */
  readonly ca: string | undefined;
}

/** A server on free ports with its FIX gateway, and two funded accounts. */
export async function startFixVenue(config: VenueConfig = CONFIG): Promise<FixVenue> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kapita-fix-venue-'));
  cleanups.push(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });
  const server = await startServer({ dataDir, config, say: () => undefined });
  cleanups.push(() => server.stop());
  // Over TLS (server.plaintext false), clients trust the CA the venue made in its data directory.
  const ca = config.server.plaintext ? undefined : readFileSync(join(dataDir, 'tls', 'ca.pem'), 'utf8');
  const tls = ca === undefined ? {} : { ca };
  const admin = new RestClient(server.url, JSON.parse(readFileSync(join(dataDir, 'admin-key.json'), 'utf8')) as { keyId: string; secret: string }, tls);
  const open = async (name: string, deposits: Record<string, string>): Promise<Account> => {
    const reply = await admin.call('POST', '/v1/admin/accounts', { name, deposits });
    expect(reply.status).toBe(201);
    const body = reply.body as { accountId: number; keyId: string; secret: string };
    return { ...body, rest: new RestClient(server.url, body, tls) };
  };
  const seller = await open('seller', { BTC: '3' });
  const buyer = await open('buyer', { USD: '500000' });
  const gateway = server.fix;
  if (gateway === undefined) throw new Error('the server started no FIX gateway');
  return { server, gateway, seller, buyer, dataDir, admin, ca };
}

/** How a test's Logon is signed: by default now, with a fresh nonce, under the account's secret. */
export interface LogonSigning {
  /** SendingTime (52), ms since the epoch. */
  readonly sendingTimeMs?: number;
  /** LogonNonce (8014); null sends the old form, without a nonce (signed without one too). */
  readonly nonce?: string | null;
}

/** A FIX client session: its own outgoing sequence numbers; what it receives is validated. */
export class Session {
  /** The server's answer to the Logon. */
  logonReply: FixMessage | undefined;
  private constructor(
    readonly client: Client,
    readonly compId: string,
    private seq: number,
  ) {}

  /** Logs on with MsgSeqNum `firstSeq` (1 for a new session, the next one when coming back). */
  static async logon(port: number, compId: string, account: Account, extra: FixField[] = [], firstSeq = 1, ca?: string, signing: LogonSigning = {}): Promise<Session> {
    const session = await Session.attempt(port, compId, account, extra, firstSeq, ca, signing);
    expect(session.logonReply?.msgType).toBe('A');
    return session;
  }

  /** Sends a signed Logon (HeartBtInt 30 unless `extra` has 108) and keeps the answer, whatever it is. */
  static async attempt(port: number, compId: string, account: Account, extra: FixField[] = [], firstSeq = 1, ca?: string, signing: LogonSigning = {}): Promise<Session> {
    const client = await (ca === undefined ? Client.open(port) : Client.openTls(port, ca));
    cleanups.push(() => {
      client.close();
    });
    const session = new Session(client, compId, firstSeq);
    const sendingTime = formatUtcTimestamp(signing.sendingTimeMs ?? Date.now());
    const nonce = signing.nonce === undefined ? newLogonNonce() : signing.nonce;
    // The old form signed the five header fields alone: what a client from before the nonce sends.
    const rawData =
      nonce === null
        ? createHmac('sha256', account.secret).update([sendingTime, 'A', firstSeq, compId, 'KAPITA'].join('\x01'), 'latin1').digest('base64')
        : signLogon(account.secret, { sendingTime, msgSeqNum: firstSeq, senderCompId: compId, targetCompId: 'KAPITA', nonce });
    session.client.write(
      encoder.encode(
        'FIXT.1.1',
        'A',
        [
          [34, session.seq++],
          [49, compId],
          [52, sendingTime],
          [56, 'KAPITA'],
        ],
        [
          [95, rawData.length],
          [96, rawData],
          [98, 0],
          ...(extra.some(([tag]) => tag === 108) ? [] : [[108, 30] as FixField]),
          [553, account.keyId],
          [1137, '9'],
          ...(nonce === null ? [] : [[LOGON_NONCE_TAG, nonce] as FixField]),
          ...extra,
        ],
      ),
    );
    session.logonReply = await session.receive();
    return session;
  }

  send(msgType: string, body: FixField[]): void {
    this.client.write(
      encoder.encode(
        'FIXT.1.1',
        msgType,
        [
          [34, this.seq++],
          [49, this.compId],
          [52, formatUtcTimestamp(Date.now())],
          [56, 'KAPITA'],
        ],
        body,
      ),
    );
  }

  /** A NewOrderSingle for BTC-USD: limit, GTC unless `extra` says otherwise. */
  order(clOrdId: string, side: '1' | '2', quantity: string, price: string, extra: FixField[] = []): void {
    this.send('D', [[11, clOrdId], [38, quantity], [40, '2'], [44, price], [54, side], [55, 'BTC-USD'], [59, '1'], [60, formatUtcTimestamp(Date.now())], ...extra]);
  }

  /** The next message, after checking it against the dictionary. */
  async receive(): Promise<FixMessage> {
    const text = await this.client.read(5_000);
    const message = parseMessage(Buffer.from(text, 'latin1'), dictionary.codecTables);
    if (typeof message === 'number') throw new Error(`expected a message, got ${text}`);
    const failure = validateMessage(message, dictionary);
    if (failure !== null) throw new Error(`the venue sent an invalid message (${sessionRejectText(failure.reason)}, tag ${failure.tag}): ${message.toString()}`);
    return message;
  }

  /** The next application message (heartbeats skipped). */
  async next(): Promise<FixMessage> {
    for (;;) {
      const message = await this.receive();
      if (message.msgType !== '0') return message;
    }
  }

  /** The next application message (heartbeats skipped), as tag → value for the tags asked. */
  async report(...tags: number[]): Promise<Record<number, string | undefined>> {
    const message = await this.next();
    const fields: Record<number, string | undefined> = { 35: message.msgType };
    for (const tag of tags) fields[tag] = message.get(tag);
    return fields;
  }

  /** The next application message, which must be of this type. */
  async expect(msgType: string): Promise<FixMessage> {
    const message = await this.next();
    if (message.msgType !== msgType) throw new Error(`expected 35=${msgType}, got ${message.toString()}`);
    return message;
  }
}

/**
 * The entries of a repeating group as tag → value records, in order: each entry starts at the
 * group's delimiter and the group runs to the end of the body. For groups that close a message
 * (NoMDEntries in W and X, NoRelatedSym in y) and have no nested groups.
 */
export function groupEntries(message: FixMessage, countTag: number, delimiter: number): Record<number, string>[] {
  const at = message.indexOf(countTag);
  if (at < 0) return [];
  const entries: Record<number, string>[] = [];
  for (let i = at + 1; i < message.fieldCount && message.tagAt(i) !== 10; i++) {
    const tag = message.tagAt(i);
    if (tag === delimiter) entries.push({});
    const current = entries.at(-1);
    if (current === undefined) throw new Error(`group ${countTag} does not start with ${delimiter}: ${message.toString()}`);
    current[tag] = message.valueAt(i);
  }
  expect(entries.length).toBe(message.intAt(at));
  return entries;
}
