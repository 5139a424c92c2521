// `npm run bench -- replay|recovery|snapshot [--json] [--quick]`: journal replay speed, restart time
// from a snapshot plus journal, and what a snapshot costs. Each writes a scratch data directory
// under the system's temp directory and removes it afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { place, Side } from '../src/engine/command.js';
import type { Engine } from '../src/core/engine.js';
import { StateWriter } from '../src/engine/state-codec.js';
import { scanJournal } from '../src/journal/journal-reader.js';
import { JournalWriter } from '../src/journal/journal-writer.js';
import { type CoreConfig, engineFor, journalDir, openStore, recover, takeSnapshot } from '../src/journal/store.js';
import { COMMAND_RECORD_BYTES, encodeCommand } from '../src/protocol/command-record.js';
import { BENCH_INSTRUMENT_SPEC, exchangeCoreMix } from './engine-workloads.js';
import { type BenchOptions, median, nowNs, round } from './report.js';

const BTC = BENCH_INSTRUMENT_SPEC;

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'kapita-bench-'));
}

function seconds(start: bigint): number {
  return Number(nowNs() - start) / 1e9;
}

/** Journals the exchange-core mix (and applies it, as the core would) into a fresh store. */
function journalWorkload(dir: string, config: CoreConfig, commands: number): Engine {
  openStore(dir, config);
  const engine = engineFor(config);
  const workload = exchangeCoreMix(commands);
  const writer = JournalWriter.open(journalDir(dir), { policy: 'write', nextSeq: 1 });
  const record = new DataView(new ArrayBuffer(COMMAND_RECORD_BYTES));
  let seq = 0;
  for (const command of [...workload.prefill, ...workload.commands]) {
    seq++;
    encodeCommand(record, 0, command);
    writer.append(seq, BigInt(seq), record, 0);
    engine.apply(command, seq, BigInt(seq));
  }
  writer.close();
  return engine;
}

export function replayBenchmark(options: BenchOptions): Record<string, unknown> {
  const commands = options.quick ? 500_000 : 5_000_000;
  const dir = scratch();
  try {
    const config: CoreConfig = { instruments: [BTC], capacity: { maxOrders: 4096, maxLevels: 4096 } };
    const original = journalWorkload(dir, config, commands);
    // Floor, same run: reading and checking the journal (CRC-64, sequence) without applying it.
    const scans: number[] = [];
    const replays: number[] = [];
    let events = 0;
    for (let run = 0; run < 3; run++) {
      const scanStart = nowNs();
      const scan = scanJournal(journalDir(dir), () => undefined);
      scans.push(scan.records / seconds(scanStart));
      const start = nowNs();
      const recovered = recover(dir, { repair: false, ignoreSnapshots: true });
      replays.push(recovered.replayed / seconds(start));
      if (recovered.engine.stateHash() !== original.stateHash()) throw new Error('replay did not reproduce the state');
      events = recovered.replayed;
    }
    return {
      benchmark: 'replay',
      commands: events,
      eventsPerSec: round(median(replays), 0),
      eventsPerSecRuns: replays.map((v) => round(v, 0)),
      scanOnlyRecordsPerSec: round(median(scans), 0),
      note: 'eventsPerSec counts journaled commands re-applied per second (CRC check + decode + engine)',
      target: 3_000_000,
      specification: 500_000,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A book with `resting` orders that never cross: bids below 4,000,000 ticks, asks above 6,000,000. */
function fillBook(engine: Engine, resting: number, startSeq: number): number {
  const command = place({ instrumentId: 1, accountId: 1, side: Side.BUY, priceTicks: 1, quantityLots: 1 });
  let seq = startSeq;
  for (let i = 0; i < resting; i++) {
    const buy = i % 2 === 0;
    command.side = buy ? Side.BUY : Side.SELL;
    command.priceTicks = buy ? 4_000_000 - (i % 30_000) : 6_000_000 + (i % 30_000);
    command.accountId = 1 + (i % 1000);
    engine.apply(command, ++seq, BigInt(seq));
  }
  return seq;
}

export function recoveryBenchmark(options: BenchOptions): Record<string, unknown> {
  const resting = options.quick ? 100_000 : 1_000_000;
  const after = options.quick ? 100_000 : 1_000_000;
  const dir = scratch();
  try {
    const config: CoreConfig = { instruments: [BTC], capacity: { maxOrders: resting + 8192, maxLevels: 65_536 } };
    openStore(dir, config);
    // The resting orders go through the journal too (a snapshot only covers journaled commands).
    const engine = engineFor(config);
    const writer = JournalWriter.open(journalDir(dir), { policy: 'write', nextSeq: 1 });
    const record = new DataView(new ArrayBuffer(COMMAND_RECORD_BYTES));
    const journal = (command: Parameters<typeof encodeCommand>[2]): void => {
      const seq = engine.sequence + 1;
      encodeCommand(record, 0, command);
      writer.append(seq, BigInt(seq), record, 0);
      engine.apply(command, seq, BigInt(seq));
    };
    const filler = place({ instrumentId: 1, accountId: 1, side: Side.BUY, priceTicks: 1, quantityLots: 1 });
    for (let i = 0; i < resting; i++) {
      const buy = i % 2 === 0;
      filler.side = buy ? Side.BUY : Side.SELL;
      filler.priceTicks = buy ? 4_000_000 - (i % 30_000) : 6_000_000 + (i % 30_000);
      filler.accountId = 1 + (i % 1000);
      journal(filler);
    }
    writer.commit();
    takeSnapshot(dir, engine, config);
    for (const command of exchangeCoreMix(after).commands) journal(command);
    writer.close();
    const runs: number[] = [];
    for (let run = 0; run < 3; run++) {
      const start = nowNs();
      const recovered = recover(dir, { repair: false });
      runs.push(seconds(start));
      if (recovered.engine.stateHash() !== engine.stateHash() || recovered.replayed !== after) throw new Error('recovery did not reproduce the state');
    }
    return {
      benchmark: 'recovery',
      restingOrdersInSnapshot: resting,
      journaledCommandsAfterSnapshot: after,
      seconds: round(median(runs), 3),
      secondsRuns: runs.map((v) => round(v, 3)),
      target: 1,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function snapshotBenchmark(options: BenchOptions): Record<string, unknown> {
  const result: Record<string, unknown> = {
    benchmark: 'snapshot',
    engineStallMs: 0,
    note: 'snapshots are taken by the snapshotter thread from its own replica engine, so neither the core nor the journaler ever pauses for one (engineStallMs is 0 by construction); the figures below are the snapshotter\'s own time per snapshot',
  };
  for (const resting of options.quick ? [100_000] : [100_000, 1_000_000]) {
    const dir = scratch();
    try {
      const config: CoreConfig = { instruments: [BTC], capacity: { maxOrders: resting, maxLevels: 65_536 } };
      openStore(dir, config);
      const engine = engineFor(config);
      fillBook(engine, resting, 0);
      const exportMs: number[] = [];
      const totalMs: number[] = [];
      for (let i = 0; i < 9; i++) {
        const start = nowNs();
        const writer = new StateWriter();
        engine.writeSnapshot(writer);
        exportMs.push(seconds(start) * 1000);
        const whole = nowNs();
        takeSnapshot(dir, engine, config);
        totalMs.push(seconds(whole) * 1000);
      }
      const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b);
      result[`at${resting / 1000}k`] = {
        exportMsP50: round(median(exportMs), 2),
        exportMsMax: round(sorted(exportMs).at(-1) ?? 0, 2),
        exportAndWriteMsP50: round(median(totalMs), 2),
        exportAndWriteMsMax: round(sorted(totalMs).at(-1) ?? 0, 2),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return result;
}
