// Shared journal test fixtures: a configuration, temporary data directories, and a runner that
// drives random commands through an engine and the journal the way the core does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach } from 'vitest';
import type { Command } from '../../src/engine/command.js';
import type { Engine } from '../../src/core/engine.js';
import { JournalWriter } from '../../src/journal/journal-writer.js';
import { type CoreConfig, engineFor, journalDir, openStore, takeSnapshot } from '../../src/journal/store.js';
import { COMMAND_RECORD_BYTES, encodeCommand } from '../../src/protocol/command-record.js';
import { instrumentSpec } from '../engine/harness.js';
import { Resolver, template } from '../property/command-stream.js';

const SPEC = instrumentSpec;

export const CONFIG: CoreConfig = {
  instruments: [SPEC(1, 'BTC-USD', { kind: 'fifo' }), SPEC(2, 'ETH-USD', { kind: 'pro-rata', topOrderCapLots: 0, minimumAllocationLots: 0 }), SPEC(3, 'SOL-USD', { kind: 'pro-rata', topOrderCapLots: 5, minimumAllocationLots: 3 })],
  capacity: { maxOrders: 10_000, maxLevels: 1_000 },
};

const dirs: string[] = [];
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kapita-journal-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const record = new DataView(new ArrayBuffer(COMMAND_RECORD_BYTES));

/** Runs `count` random commands through an engine and the journal, like the core does. */
export function run(dir: string, count: number, seed: number, options: { snapshotAt?: number[]; segmentBytes?: number; maxBlockRecords?: number } = {}): { engine: Engine; commands: Command[]; writer: JournalWriter } {
  openStore(dir, CONFIG);
  const engine = engineFor(CONFIG);
  const writer = JournalWriter.open(journalDir(dir), { policy: 'write', nextSeq: 1, segmentBytes: options.segmentBytes ?? 1 << 20, maxBlockRecords: options.maxBlockRecords ?? 64 });
  const resolver = new Resolver();
  const commands: Command[] = [];
  let timestamp = 1_800_000_000_000_000_000n;
  for (const t of fc.sample(template, { seed, numRuns: count })) {
    const command = resolver.resolve(t);
    const seq = engine.sequence + 1;
    timestamp += 1000n;
    encodeCommand(record, 0, command);
    writer.append(seq, timestamp, record, 0);
    if (seq % 50 === 0) writer.commit();
    engine.apply(command, seq, timestamp);
    resolver.record(engine);
    commands.push(command);
    if (options.snapshotAt?.includes(seq) === true) {
      writer.commit(); // a snapshot covers only journaled commands
      takeSnapshot(dir, engine, CONFIG);
    }
  }
  return { engine, commands, writer };
}

