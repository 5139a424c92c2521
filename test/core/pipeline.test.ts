// The threaded pipeline end to end: gateway → input ring → core → journal ∥ engine → output ring →
// responder, with responses released only once durable; then a clean stop, a restart that continues
// the sequence, and recovery from disk that matches an in-process engine fed the same commands.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cancel, type Command, place, Side, TimeInForce } from '../../src/engine/command.js';
import { Pipeline } from '../../src/core/pipeline.js';
import { engineFor, recover } from '../../src/journal/store.js';
import { COMMAND_END, outputRequestId, outputSeq, outputType } from '../../src/protocol/output-record.js';
import { CONFIG } from '../journal/fixture.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Deterministic traffic: places around 100 ticks, every fourth command cancels an earlier order. */
function commandsFrom(firstSeq: number, count: number): Command[] {
  const commands: Command[] = [];
  for (let i = 0; i < count; i++) {
    const seq = firstSeq + i;
    if (i % 4 === 3) commands.push(cancel(1, 1 + (seq % 7), seq - 2));
    else commands.push(place({ instrumentId: 1 + (i % 3), accountId: 1 + (seq % 7), side: i % 2 === 0 ? Side.BUY : Side.SELL, priceTicks: 95 + (seq % 11), quantityLots: 1 + (seq % 5), timeInForce: i % 9 === 0 ? TimeInForce.IOC : TimeInForce.GTC }));
  }
  return commands;
}

async function runBatch(pipeline: Pipeline, commands: Command[], firstRequest: number): Promise<{ ends: { requestId: number; seq: number }[]; maxSeqSeenBeforeDurable: number }> {
  const ends: { requestId: number; seq: number }[] = [];
  let violation = 0;
  const done = new Promise<void>((resolve) => {
    pipeline.respond((view, offset) => {
      const seq = outputSeq(view, offset);
      if (seq > pipeline.durableSeq) violation = Math.max(violation, seq);
      if (outputType(view, offset) === COMMAND_END) {
        ends.push({ requestId: outputRequestId(view, offset), seq });
        if (ends.length === commands.length) resolve();
      }
    });
  });
  for (let i = 0; i < commands.length; i++) await pipeline.submit(commands[i]!, firstRequest + i); // eslint-disable-line @typescript-eslint/no-non-null-assertion
  await done;
  return { ends, maxSeqSeenBeforeDurable: violation };
}

describe('pipeline', () => {
  it.each(['write', 'fsync'] as const)('journals, matches and releases durable responses in order (%s policy), then recovers', async (policy) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kapita-pipeline-'));
    dirs.push(dataDir);
    const warnings: string[] = [];
    const count = policy === 'fsync' ? 3000 : 20_000;
    const first = await Pipeline.start({ dataDir, config: CONFIG, policy, snapshotIntervalMs: 20, warn: (m) => warnings.push(m) });
    const commands = commandsFrom(1, count);
    const batch = await runBatch(first, commands, 1);
    await first.stop();
    expect(batch.maxSeqSeenBeforeDurable).toBe(0);
    expect(batch.ends).toEqual(commands.map((_, i) => ({ requestId: 1 + i, seq: 1 + i })));

    const reference = engineFor(CONFIG);
    commands.forEach((command, i) => reference.apply(command, i + 1, BigInt(i + 1)));
    const recovered = recover(dataDir, { repair: false });
    expect(recovered.cleanShutdown).toBe(true);
    // The snapshotter followed the journal to its end and wrote a last snapshot at the clean stop.
    expect(recovered.snapshotSeq).toBe(count);
    expect(recovered.engine.sequence).toBe(count);
    expect(recovered.engine.stateHash()).toBe(reference.stateHash());

    // A restart continues the sequence where the journal ended.
    const second = await Pipeline.start({ dataDir, config: CONFIG, policy, snapshotIntervalMs: 0 });
    const more = commandsFrom(count + 1, 500);
    const again = await runBatch(second, more, 100_000);
    await second.stop();
    expect(again.ends[0]).toEqual({ requestId: 100_000, seq: count + 1 });
    more.forEach((command, i) => reference.apply(command, count + 1 + i, BigInt(count + 1 + i)));
    expect(recover(dataDir, { repair: false }).engine.stateHash()).toBe(reference.stateHash());
    expect(warnings).toEqual([]);
  });
});

describe('pipeline start-up', () => {
  it('refuses to start on a journal damaged before its tail, naming the damage, ', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kapita-pipeline-'));
    dirs.push(dataDir);
    const first = await Pipeline.start({ dataDir, config: CONFIG, policy: 'write', snapshotIntervalMs: 0 });
    await runBatch(first, commandsFrom(1, 300), 1);
    await first.stop();
    const second = await Pipeline.start({ dataDir, config: CONFIG, policy: 'write', snapshotIntervalMs: 0 });
    await runBatch(second, commandsFrom(301, 300), 1000);
    await second.stop();
    // Damage the first segment (no longer the tail): start-up must stop with the file and offset.
    const segment = join(dataDir, 'journal', readdirSync(join(dataDir, 'journal')).sort()[0] ?? '');
    const bytes = readFileSync(segment);
    bytes[200] = (bytes[200] ?? 0) ^ 4;
    writeFileSync(segment, bytes);
    const named = new RegExp(`^journal damaged: CRC-64 mismatch in ${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} at byte offset \\d+ \\(seq \\d+\\)$`);
    await expect(Pipeline.start({ dataDir, config: CONFIG, policy: 'write' })).rejects.toThrow(named);
  });
});
