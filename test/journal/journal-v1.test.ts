// Data directories written before the 128-byte command record (journal block format version 1,
// 64-byte records) keep working: recovery, replay and the tail read them, and new version-2 blocks
// may follow them. The version-1 blocks here are written byte by byte in the old layout (from the
// current encoder's first 64 bytes), and one data directory in test/journal/data/v1-148957e was
// written by the code of commit 148957e itself, with the state hash its own engine reached: the
// proof that today's reader replays an old venue to the same state, not only to its own idea of it.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Command, deposit, place, Side } from '../../src/engine/command.js';
import { crc64Parts } from '../../src/journal/crc64.js';
import { JournalCorruption, segmentName } from '../../src/journal/format.js';
import { scanJournal } from '../../src/journal/journal-reader.js';
import { JournalTail } from '../../src/journal/journal-tail.js';
import { JournalWriter } from '../../src/journal/journal-writer.js';
import { type CoreConfig, engineFor, journalDir, openStore, recover } from '../../src/journal/store.js';
import { COMMAND_RECORD_BYTES, decodeCommand, encodeCommand } from '../../src/protocol/command-record.js';
import { Resolver, template } from '../property/command-stream.js';
import { CONFIG, tempDir } from './fixture.js';

const V1_RECORD = 8 + 64;
const RISK_CONFIG: CoreConfig = { ...CONFIG, risk: {} };

/** One version-1 block: header (version 1), timestamp + the first 64 bytes of each record, CRC-64. */
function v1Block(firstSeq: number, records: readonly { timestampNs: bigint; command: Command }[], flags = 0): Uint8Array {
  const bytes = new Uint8Array(24 + records.length * V1_RECORD + 8);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0x3142_4a4b, true);
  view.setUint16(4, 1, true);
  view.setUint16(6, flags, true);
  view.setBigUint64(8, BigInt(firstSeq), true);
  view.setUint32(16, records.length, true);
  view.setUint32(20, records.length * V1_RECORD, true);
  const full = new DataView(new ArrayBuffer(COMMAND_RECORD_BYTES));
  records.forEach((r, i) => {
    const at = 24 + i * V1_RECORD;
    view.setBigUint64(at, r.timestampNs, true);
    encodeCommand(full, 0, r.command);
    // The old record is the new one's first 64 bytes for every command an old journal can hold.
    bytes.set(new Uint8Array(full.buffer, 0, 64), at + 8);
  });
  const crc = new Uint32Array(2);
  const end = bytes.length - 8;
  crc64Parts(bytes, 0, end, crc);
  view.setUint32(end, crc[0] ?? 0, true);
  view.setUint32(end + 4, crc[1] ?? 0, true);
  return bytes;
}

/** Random commands of the kinds an old journal holds (no ids), plus deposits so the gate trades. */
function oldCommands(count: number, seed: number): { timestampNs: bigint; command: Command }[] {
  const engine = engineFor(RISK_CONFIG);
  const resolver = new Resolver();
  const out: { timestampNs: bigint; command: Command }[] = [];
  let timestampNs = 1_700_000_000_000_000_000n;
  const push = (command: Command): void => {
    timestampNs += 1000n;
    engine.apply(command, out.length + 1, timestampNs);
    resolver.record(engine);
    out.push({ timestampNs, command });
  };
  for (let account = 1; account <= 4; account++) for (let asset = 1; asset <= 4; asset++) push(deposit(account, asset, 1_000_000_000));
  // An old journal has no clientOrderIds (the shared template adds some).
  for (const t of fc.sample(template, { seed, numRuns: count })) push({ ...resolver.resolve(t), clientOrderId: '' });
  return out;
}

/** The state an engine reaches applying the commands directly (no journal in between). */
function directHash(commands: readonly { timestampNs: bigint; command: Command }[]): string {
  const engine = engineFor(RISK_CONFIG);
  commands.forEach((c, i) => engine.apply(c.command, i + 1, c.timestampNs));
  return engine.stateHash();
}

function writeV1Journal(dir: string, commands: readonly { timestampNs: bigint; command: Command }[], blockRecords: number): void {
  openStore(dir, RISK_CONFIG);
  const blocks: Uint8Array[] = [];
  for (let i = 0; i < commands.length; i += blockRecords) blocks.push(v1Block(i + 1, commands.slice(i, i + blockRecords)));
  blocks.push(v1Block(commands.length + 1, [], 1)); // the old clean-shutdown marker
  writeFileSync(join(journalDir(dir), segmentName(1)), Buffer.concat(blocks));
}

describe('journal format version 1', () => {
  it('recovers an old journal to the same state hash as applying its commands', () => {
    const dir = tempDir();
    const commands = oldCommands(1500, 11);
    writeV1Journal(dir, commands, 50);
    const recovered = recover(dir, { repair: false });
    expect(recovered.engine.sequence).toBe(commands.length);
    expect(recovered.cleanShutdown).toBe(true);
    expect(recovered.engine.stateHash()).toBe(directHash(commands));
    expect(recovered.engine.clientIds.size).toBe(0);
  });

  it('hands out version-1 records widened to 128 bytes that decode to the commands written', () => {
    const dir = tempDir();
    const commands = oldCommands(300, 12);
    writeV1Journal(dir, commands, 7);
    const decoded: string[] = [];
    scanJournal(journalDir(dir), (_seq, _ts, view, offset) => decoded.push(JSON.stringify(decodeCommand(view, offset))));
    expect(decoded).toEqual(commands.map((c) => JSON.stringify(c.command)));
  });

  it('lets new version-2 blocks, with clientOrderIds, follow the old ones; recovery and the tail read both', () => {
    const dir = tempDir();
    const old = oldCommands(400, 13);
    writeV1Journal(dir, old, 16);
    const writer = JournalWriter.open(journalDir(dir), { policy: 'write', nextSeq: old.length + 1 });
    const record = new DataView(new ArrayBuffer(COMMAND_RECORD_BYTES));
    const later = [1, 2, 3].map((i) => ({
      timestampNs: (old.at(-1)?.timestampNs ?? 0n) + BigInt(i) * 1000n,
      command: place({ instrumentId: 1, accountId: 1, side: Side.BUY, priceTicks: 90, quantityLots: 1, clientOrderId: `new-${i}` }),
    }));
    later.forEach((c, i) => {
      encodeCommand(record, 0, c.command);
      writer.append(old.length + 1 + i, c.timestampNs, record, 0);
    });
    writer.close();
    expect(readdirSync(journalDir(dir))).toHaveLength(2);
    const all = [...old, ...later];
    const recovered = recover(dir, { repair: false, book: 'naive' });
    expect(recovered.engine.sequence).toBe(all.length);
    expect(recovered.engine.stateHash()).toBe(directHash(all));
    expect(recovered.engine.clientIds.lookup(1, 'new-2')?.orderId).toBe(old.length + 2);

    const tail = new JournalTail(journalDir(dir), 1);
    const seen: string[] = [];
    tail.poll((_seq, _ts, view, offset) => seen.push(JSON.stringify(decodeCommand(view, offset))));
    tail.close();
    expect(seen).toEqual(all.map((c) => JSON.stringify(c.command)));
  });

  it('refuses a block of a version it does not know, naming the version', () => {
    const dir = tempDir();
    const commands = oldCommands(10, 14);
    writeV1Journal(dir, commands, 4);
    const path = join(journalDir(dir), segmentName(1));
    const bytes = v1Block(1, commands.slice(0, 4));
    new DataView(bytes.buffer).setUint16(4, 3, true);
    writeFileSync(path, bytes);
    expect(() => scanJournal(journalDir(dir), undefined)).toThrow(JournalCorruption);
    expect(() => scanJournal(journalDir(dir), undefined)).toThrow(/unknown block format version 3 \(this build reads versions 1 and 2\)/);
  });
});

describe('a data directory written by commit 148957e (journal format 1, 64-byte records)', () => {
  it('recovers to the state hash the old engine reached, with the embedded default config (risk gate, deposits, limits, kill switches)', () => {
    const fixture = join(dirname(fileURLToPath(import.meta.url)), 'data', 'v1-148957e');
    const expected = JSON.parse(readFileSync(join(fixture, 'expected.json'), 'utf8')) as { seq: number; stateHash: string };
    const dir = tempDir();
    cpSync(fixture, dir, { recursive: true });
    const { engine } = recover(dir, { repair: false });
    expect(engine.sequence).toBe(expected.seq);
    expect(engine.stateHash()).toBe(expected.stateHash);
    engine.validateInternalState();
  });
});
