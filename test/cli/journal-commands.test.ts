import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpCommand, type Output, replayCommand, verifyCommand } from '../../src/cli/journal-commands.js';
import { deposit, place, setKillSwitch, setLimit, Side } from '../../src/engine/command.js';
import { JournalWriter } from '../../src/journal/journal-writer.js';
import { type CoreConfig, engineFor, journalDir, openStore, takeSnapshot } from '../../src/journal/store.js';
import { COMMAND_RECORD_BYTES, encodeCommand } from '../../src/protocol/command-record.js';
import { LimitKind } from '../../src/risk/limits.js';
import { CONFIG, run, tempDir } from '../journal/fixture.js';

function capture(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

describe('kapita journal verify / dump and kapita replay', () => {
  it('verifies a sound journal, dumps commands from a seq, and replays to the running state hash', () => {
    const dir = tempDir();
    const { engine, writer } = run(dir, 800, 21, { snapshotAt: [300] });
    writer.close();
    const verify = capture();
    expect(verifyCommand(dir, verify)).toBe(0);
    expect(verify.lines).toEqual([expect.stringMatching(/^journal: 1 segments, \d+ blocks, 800 commands, seq 1\.\.800, clean shutdown$/), 'snapshots: 1 (1 valid), newest at seq 300', 'result: ok']);
    const dump = capture();
    expect(dumpCommand(dir, 795, 3, dump)).toBe(0);
    expect(dump.lines).toHaveLength(3);
    expect(dump.lines[0]).toMatch(/^795 {2}\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z {2}[A-Z_]+ {2}instrument \d+ {2}account \d+/);
    const replay = capture();
    expect(replayCommand(dir, replay)).toBe(0);
    expect(replay.lines).toContain(`state hash ${engine.stateHash()}`);
    expect(replay.lines).toContain('seq 800');
  });

  it('dumps admin commands with their actor and replays a venue with a risk gate, checking conservation', () => {
    const dir = tempDir();
    const config: CoreConfig = { ...CONFIG, risk: { fees: { 'BTC-USD': { makerBps: 1, takerBps: 3 } } } };
    openStore(dir, config);
    const engine = engineFor(config);
    const writer = JournalWriter.open(journalDir(dir), { policy: 'write', nextSeq: 1, segmentBytes: 1 << 20, maxBlockRecords: 64 });
    const commands = [
      deposit(1, 2, 1_000_000, 42),
      deposit(2, 1, 500, 42),
      setLimit({ accountId: 1, instrumentId: 1, kind: LimitKind.MAX_ORDER_QUANTITY, value: 50, actorId: 43 }),
      place({ instrumentId: 1, accountId: 2, side: Side.SELL, priceTicks: 1000, quantityLots: 30 }),
      place({ instrumentId: 1, accountId: 1, side: Side.BUY, priceTicks: 1000, quantityLots: 20 }),
      setKillSwitch(2, true, 44),
    ];
    const record = new DataView(new ArrayBuffer(COMMAND_RECORD_BYTES));
    commands.forEach((command, i) => {
      encodeCommand(record, 0, command);
      writer.append(i + 1, 1_800_000_000_000_000_000n + BigInt(i), record, 0);
      engine.apply(command, i + 1, 1_800_000_000_000_000_000n + BigInt(i));
      if (i === 3) {
        writer.commit();
        takeSnapshot(dir, engine, config);
      }
    });
    writer.close();
    const dump = capture();
    expect(dumpCommand(dir, 1, 10, dump)).toBe(0);
    expect(dump.lines[0]).toMatch(/ {2}DEPOSIT {2}instrument 0 {2}account 1 {2}asset 2 {2}amount 1000000 {2}by 42 {2}origin 0\/0$/);
    expect(dump.lines[2]).toMatch(/ {2}SET_LIMIT {2}instrument 1 {2}account 1 {2}maxOrderQuantity {2}50 {2}by 43 {2}/);
    expect(dump.lines[5]).toMatch(/ {2}SET_KILL_SWITCH {2}instrument 0 {2}account 2 {2}ON {2}by 44 {2}/);
    const replay = capture();
    expect(replayCommand(dir, replay)).toBe(0);
    expect(replay.lines).toContain('invariants hold (books; for each of 4 assets, balances + fees = deposits - withdrawals)');
    expect(replay.lines).toContain(`state hash ${engine.stateHash()}`);
    expect(replay.lines[0]).toBe('replayed 2 commands after snapshot seq 4 in ' + (replay.lines[0]?.split(' in ')[1] ?? ''));
  });

  it('exits non-zero and names the damage when a block is corrupt', () => {
    const dir = tempDir();
    const { writer } = run(dir, 300, 22);
    writer.close();
    const segment = join(journalDir(dir), readdirSync(journalDir(dir))[0] ?? '');
    const bytes = readFileSync(segment);
    bytes[40] = (bytes[40] ?? 0) ^ 1;
    writeFileSync(segment, bytes);
    const verify = capture();
    expect(verifyCommand(dir, verify)).toBe(1);
    expect(verify.errors[0]).toBe(`DAMAGED journal damaged: CRC-64 mismatch in ${segment} at byte offset 0 (seq 1)`);
    expect(verify.lines.at(-1)).toBe('result: DAMAGED');
    expect(replayCommand(dir, capture())).toBe(1);
  });
});
