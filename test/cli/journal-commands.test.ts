import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpCommand, type Output, replayCommand, verifyCommand } from '../../src/cli/journal-commands.js';
import { journalDir } from '../../src/journal/store.js';
import { run, tempDir } from '../journal/fixture.js';

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
