// The FIX store under the fsync policy, over a real socket: a message's sequence number and bytes
// are on disk before the message can reach the client, the syncs of one turn are grouped (one per
// file, however many messages), and a reset makes its 1/1 record durable before it truncates the
// messages. The sync function is a recording seam around the real fdatasync.
import { fdatasyncSync, mkdtempSync, readFileSync, readlinkSync, readSync, rmSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FixAcceptor } from '../../src/fix/acceptor.js';
import { FixEncoder, parseMessage, type FixField, type FixMessage } from '../../src/fix/codec.js';
import { defaultDictionaryPaths, loadFixDictionary } from '../../src/fix/dictionary.js';
import { FileSyncGroup } from '../../src/fix/file-sync.js';
import { addKapitaLogonFields } from '../../src/fix/session.js';
import { acceptAnyLogon, type FixApplication } from '../../src/fix/session-types.js';
import { FileFixStore } from '../../src/fix/store.js';
import { formatUtcTimestamp } from '../../src/fix/utc-time.js';
import { FixOrderLog, type FixOrderRecord } from '../../src/gateway/fix/fix-order-log.js';
import { Client } from './script-runner.js';

const dictionary = loadFixDictionary(defaultDictionaryPaths());
addKapitaLogonFields(dictionary);
const encoder = new FixEncoder(65_536, dictionary.codecTables);

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kapita-fix-fsync-'));
  cleanups.push(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/**
 * True when bytes have already reached the client's kernel receive buffer. libuv's sockets are
 * non-blocking, so a read with nothing there fails with EAGAIN at once. (On loopback a send lands in
 * the peer's buffer within the sender's write call.)
 */
function clientHasBytes(socket: Socket): boolean {
  const fd = (socket as unknown as { _handle: { fd: number } })._handle.fd;
  try {
    return readSync(fd, Buffer.alloc(1), 0, 1, null) > 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EAGAIN') return false;
    throw error;
  }
}

interface SyncRecord {
  readonly file: string;
  /** The file's bytes when it was synced. */
  readonly content: Buffer;
  /** Whether the client had been sent anything yet. */
  readonly clientHadBytes: boolean;
}

/** A FileSyncGroup whose sync records which file it synced and what the client had by then, then fdatasyncs. */
function recordingGroup(client: () => Client | undefined): { group: FileSyncGroup; syncs: SyncRecord[] } {
  const syncs: SyncRecord[] = [];
  const group = new FileSyncGroup((fd) => {
    const path = readlinkSync(`/proc/self/fd/${fd}`);
    const socket = client()?.socket;
    syncs.push({ file: basename(path), content: readFileSync(path), clientHadBytes: socket === undefined ? false : clientHasBytes(socket) });
    fdatasyncSync(fd);
  });
  return { group, syncs };
}

function build(msgType: string, seq: number, body: FixField[]): Buffer {
  return encoder.encode(
    'FIXT.1.1',
    msgType,
    [
      [34, seq],
      [49, 'FIRM1'],
      [52, formatUtcTimestamp(Date.now())],
      [56, 'KAPITA'],
    ],
    body,
  );
}

async function receive(client: Client): Promise<{ text: string; message: FixMessage }> {
  const text = await client.read(10_000);
  const message = parseMessage(Buffer.from(text, 'latin1'), dictionary.codecTables);
  if (typeof message === 'number') throw new Error(`expected a message, got ${text}`);
  return { text, message };
}

async function startAcceptor(storeDir: string, group: FileSyncGroup, application: FixApplication = { onMessage: () => undefined }): Promise<FixAcceptor> {
  const acceptor = await FixAcceptor.start({
    dictionary,
    profiles: [{ kind: 'fixed', senderCompId: 'KAPITA', targetCompId: 'FIRM1' }],
    authenticate: acceptAnyLogon,
    application,
    storeDir,
    fsync: true,
    syncGroup: group,
  });
  cleanups.push(() => acceptor.close());
  return acceptor;
}

const STORE = 'FIXT.1.1_3aKAPITA_3aFIRM1';

describe('FIX store under fsync', () => {
  it('syncs the sequence numbers and the stored Logon reply before the reply reaches the client', async () => {
    const peer: { client?: Client } = {};
    const { group, syncs } = recordingGroup(() => peer.client);
    const acceptor = await startAcceptor(tempDir(), group);
    // The store's creation is synced before anyone connects (its empty record); start counting here.
    await new Promise((resolve) => setImmediate(resolve));
    syncs.splice(0);
    const client = await Client.open(acceptor.port);
    peer.client = client;
    cleanups.push(() => {
      client.close();
    });
    client.write(build('A', 1, [[98, 0], [108, 30], [1137, '9']]));
    const reply = await receive(client);
    expect([reply.message.msgType, reply.message.msgSeqNum]).toEqual(['A', 1]);
    const messages = syncs.filter((s) => s.file === `${STORE}.messages`);
    const seqnums = syncs.filter((s) => s.file === `${STORE}.seqnums`);
    // The reply's bytes were on disk, exactly as sent, before the client had received a byte.
    expect(messages.map((s) => [s.content.toString('latin1'), s.clientHadBytes])).toEqual([[reply.text, false]]);
    // The expected target seq (2, after the Logon) was synced before the reply too.
    expect(seqnums.at(-1)?.content.toString('latin1').slice(11, 21)).toBe('0000000002');
    expect(seqnums.every((s) => !s.clientHadBytes)).toBe(true);
  });

  it('groups a turn of messages into one sync per file', async () => {
    const peer: { client?: Client } = {};
    const { group, syncs } = recordingGroup(() => peer.client);
    // Five Emails out for each one in: one turn of the event loop.
    const fiveAnswers: FixApplication = {
      onMessage: (session) => {
        for (let i = 1; i <= 5; i++) session.send('C', [[164, `t${i}`], [94, '0'], [147, `answer ${i}`]]);
      },
    };
    const acceptor = await startAcceptor(tempDir(), group, fiveAnswers);
    const client = await Client.open(acceptor.port);
    peer.client = client;
    cleanups.push(() => {
      client.close();
    });
    client.write(build('A', 1, [[98, 0], [108, 30], [1137, '9']]));
    await receive(client);
    syncs.splice(0);
    client.write(build('C', 2, [[164, 'q'], [94, '0'], [147, 'question']]));
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await receive(client)).message);
    expect(answers.map((m) => [m.msgType, m.msgSeqNum])).toEqual([2, 3, 4, 5, 6].map((seq) => ['C', seq]));
    // One sync of the messages file holding all five answers, one of the record; none after the client had bytes.
    const messageSyncs = syncs.filter((s) => s.file === `${STORE}.messages`);
    expect(messageSyncs).toHaveLength(1);
    expect(messageSyncs[0]?.content.toString('latin1').split('\x0135=C\x01')).toHaveLength(6);
    expect(syncs.filter((s) => s.file === `${STORE}.seqnums`)).toHaveLength(1);
    expect(syncs.every((s) => !s.clientHadBytes)).toBe(true);
  });

  it('makes a reset record durable before the messages are truncated', () => {
    const dir = tempDir();
    // Each sync: the file, and how many bytes the messages file held at that moment.
    const syncs: [string, string, number][] = [];
    const group = new FileSyncGroup((fd) => {
      const path = readlinkSync(`/proc/self/fd/${fd}`);
      syncs.push([basename(path), readFileSync(path, 'latin1'), readFileSync(join(dir, 'S.messages')).length]);
      fdatasyncSync(fd);
    });
    const store = new FileFixStore(dir, 'S', { fsync: true, syncGroup: group });
    cleanups.push(() => {
      store.close();
    });
    const heartbeat = build('0', 1, []);
    store.save(1, heartbeat);
    store.setNextSenderSeq(2);
    group.flush();
    syncs.splice(0);
    store.reset();
    // The record 1/1 was synced while the messages file still held message 1; the truncation is marked.
    expect(syncs).toEqual([['S.seqnums', '0000000001 0000000001\n', heartbeat.length]]);
    group.flush();
    expect(syncs.map(([file, , bytes]) => [file, bytes])).toEqual([
      ['S.seqnums', heartbeat.length],
      ['S.messages', 0],
    ]);
  });
});

describe('FIX order log under fsync', () => {
  const record: FixOrderRecord = {
    orderId: 7,
    sessionKey: 'K',
    account: '1',
    targetCompId: 'FIRM1',
    clOrdId: 'c-7',
    symbol: 'BTC-USD',
    side: '1',
    ordType: '2',
    timeInForce: '1',
    quantityLots: 10,
    priceTicks: 100,
    cumLots: 0,
    notional: '0',
    leavesLots: 10,
    status: '0',
    closed: false,
  };

  it('marks each append for the next flush, which syncs it once, and syncs it at close', () => {
    const dir = tempDir();
    const { group, syncs } = recordingGroup(() => undefined);
    const { log } = FixOrderLog.open(join(dir, 'orders.jsonl'), { fsync: true, syncGroup: group });
    syncs.splice(0);
    log.append(record, () => [record], 1);
    log.append({ ...record, cumLots: 4, leavesLots: 6, status: '1' }, () => [record], 1);
    expect(group.dirtyCount).toBe(1);
    group.flush();
    expect(syncs.map((s) => [s.file, s.content.toString('utf8').split('\n').length - 1])).toEqual([['orders.jsonl', 2]]);
    log.append({ ...record, closed: true, status: '4' }, () => [record], 1);
    log.close();
    expect(syncs.map((s) => s.file)).toEqual(['orders.jsonl', 'orders.jsonl']);
    expect(group.dirtyCount).toBe(0);
  });

  it('syncs nothing under the write policy', () => {
    const dir = tempDir();
    const { group, syncs } = recordingGroup(() => undefined);
    const { log } = FixOrderLog.open(join(dir, 'orders.jsonl'), { fsync: false, syncGroup: group });
    log.append(record, () => [record], 1);
    log.close();
    group.flush();
    expect(syncs).toEqual([]);
  });
});
