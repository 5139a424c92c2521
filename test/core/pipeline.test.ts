// The threaded pipeline end to end: gateway → input ring → core → journal ∥ engine → output ring →
// responder, with responses released only once durable; then a clean stop, a restart that continues
// the sequence, and recovery from disk that matches an in-process engine fed the same commands.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cancel, type Command, deposit, place, setKillSwitch, setLimit, Side, TimeInForce, withdraw } from '../../src/engine/command.js';
import { EventType, Field } from '../../src/engine/event.js';
import type { CoreConfig } from '../../src/journal/store.js';
import { LimitKind } from '../../src/risk/limits.js';
import { Pipeline } from '../../src/pipeline/pipeline.js';
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

describe('pipeline runs that sequence nothing', () => {
  it('stop promptly, and a restart reuses the segment that holds only their shutdown marker', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kapita-pipeline-'));
    dirs.push(dataDir);
    // Twice empty: the snapshotter's journal tail must not re-read a records-less segment for ever,
    // and the journaler must not refuse a segment that holds nothing but a clean-shutdown marker.
    for (let run = 0; run < 2; run++) {
      const empty = await Pipeline.start({ dataDir, config: CONFIG, policy: 'write', snapshotIntervalMs: 5 });
      await new Promise((resolve) => setTimeout(resolve, 30));
      await empty.stop();
    }
    const busy = await Pipeline.start({ dataDir, config: CONFIG, policy: 'write', snapshotIntervalMs: 5 });
    const commands = commandsFrom(1, 50);
    const batch = await runBatch(busy, commands, 1);
    await busy.stop();
    expect(batch.ends.map((e) => e.seq)).toEqual(commands.map((_, i) => i + 1));
    const recovered = recover(dataDir, { repair: false });
    expect(recovered.cleanShutdown).toBe(true);
    // The snapshotter followed the reused segment: its last snapshot is at the last seq.
    expect(recovered.snapshotSeq).toBe(50);
  });
});

describe('pipeline with the risk gate', () => {
  it('journals deposits, limit changes and kill switches with the orders, and recovers the same balances', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kapita-pipeline-'));
    dirs.push(dataDir);
    const config: CoreConfig = { ...CONFIG, risk: { fees: { 'BTC-USD': { makerBps: -1, takerBps: 4 } }, limits: [{ limit: 'maxOpenOrders', value: 300 }] } };
    const funding: Command[] = [];
    for (let account = 1; account <= 7; account++) for (const asset of [1, 2, 3, 4]) funding.push(deposit(account, asset, 5_000_000, 9));
    const traffic = commandsFrom(funding.length + 1, 3000);
    // Limits change and a kill switch engages mid-stream; some withdrawals are too large.
    traffic.splice(700, 0, setLimit({ accountId: 3, instrumentId: 1, kind: LimitKind.MAX_ORDER_QUANTITY, value: 2, actorId: 9 }));
    traffic.splice(1500, 0, setKillSwitch(5, true, 9), withdraw(2, 2, 4_000_000, 9), withdraw(4, 2, 9_000_000, 9));
    traffic.splice(2500, 0, setKillSwitch(5, false, 9));
    const commands = [...funding, ...traffic];
    const pipeline = await Pipeline.start({ dataDir, config, policy: 'write', snapshotIntervalMs: 10 });
    const batch = await runBatch(pipeline, commands, 1);
    await pipeline.stop();
    expect(batch.ends).toHaveLength(commands.length);

    // No order-rate limit is set, so the gate's state does not depend on the sequenced clock.
    const reference = engineFor(config);
    let riskRejects = 0;
    commands.forEach((command, i) => {
      const events = reference.apply(command, i + 1, BigInt(i + 1));
      const code = events.type(0) === EventType.REJECTED ? events.field(0, Field.CODE) : 0;
      if (code >= 2000 && code < 3000) riskRejects++;
    });
    reference.validateInternalState();
    // The gate really refused some (kill switch, quantity limit, withdrawals), not most.
    expect(riskRejects).toBeGreaterThan(20);
    expect(riskRejects).toBeLessThan(commands.length / 4);
    const recovered = recover(dataDir, { repair: false });
    expect(recovered.engine.stateHash()).toBe(reference.stateHash());
    recovered.engine.validateInternalState();
    expect(recovered.engine.risk?.accountState(2)?.total[1]).toBe(reference.risk?.accountState(2)?.total[1]);
    expect(recovered.engine.risk?.limitOverrides()).toEqual(reference.risk?.limitOverrides());
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
