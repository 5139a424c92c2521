// The durable store of one venue core, in a data directory:
//
//   DIR/config.json      instruments and capacity the journal was written under
//   DIR/journal/*.seg    the journal (format.ts)
//   DIR/snapshots/*.snap snapshots (snapshot-file.ts)
//
// Recovery = the newest valid snapshot, then the journal replayed from the seq after it. The same
// commands always give the same state, so the recovered state hash equals a replay from scratch.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineInstrument, type InstrumentSpec } from '../domain/instrument.js';
import { type BookKind, Engine } from '../core/engine.js';
import type { IdempotencyConfig } from '../engine/client-ids.js';
import type { BookCapacity } from '../engine/order-book.js';
import type { RiskConfig } from '../risk/risk-config.js';
import { StateReader, StateWriter } from '../engine/state-codec.js';
import { decodeCommand, emptyCommand } from '../protocol/command-record.js';
import { JournalCorruption } from './format.js';
import { scanJournal } from './journal-reader.js';
import { syncDirectory } from './sync-directory.js';
import { loadNewestSnapshot, type SnapshotScratch, writeSnapshotFile } from './snapshot-file.js';

export interface CoreConfig {
  readonly instruments: readonly InstrumentSpec[];
  readonly capacity: BookCapacity;
  /** The pre-trade risk gate (fees, valuation asset, initial limits); absent = no gate. */
  readonly risk?: RiskConfig;
  /**
   * Per-account bounds of the clientOrderId and depositId tables (absent = the defaults, 10,000
   * each). Part of the configuration a journal replays under: eviction depends on them.
   */
  readonly idempotency?: IdempotencyConfig;
}

export function journalDir(dir: string): string {
  return join(dir, 'journal');
}

export function snapshotDir(dir: string): string {
  return join(dir, 'snapshots');
}

/** Absent optional sections are left out, so a directory written before they existed still matches. */
function configText(config: CoreConfig): string {
  const fields: Record<string, unknown> = { instruments: config.instruments, capacity: config.capacity };
  if (config.risk !== undefined) fields['risk'] = config.risk;
  if (config.idempotency !== undefined) fields['idempotency'] = config.idempotency;
  return `${JSON.stringify(fields, null, 2)}\n`;
}

/** Creates the store, or checks that an existing one was written under the same configuration. */
export function openStore(dir: string, config: CoreConfig): void {
  mkdirSync(journalDir(dir), { recursive: true });
  mkdirSync(snapshotDir(dir), { recursive: true });
  const path = join(dir, 'config.json');
  const text = configText(config);
  if (existsSync(path)) {
    const existing = readFileSync(path, 'utf8');
    if (existing !== text) throw new Error(`${path} differs from the configuration given: a journal replays only under the configuration it was written with`);
    return;
  }
  writeFileSync(`${path}.tmp`, text, { mode: 0o644, flush: true });
  renameSync(`${path}.tmp`, path);
  syncDirectory(dir);
}

export function readStoreConfig(dir: string): CoreConfig {
  const path = join(dir, 'config.json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const config = parsed as Partial<CoreConfig>;
  if (!Array.isArray(config.instruments) || typeof config.capacity !== 'object') throw new Error(`${path} has no instruments and capacity`);
  return config as CoreConfig;
}

export function engineFor(config: CoreConfig, book: BookKind = 'fast'): Engine {
  const instruments = config.instruments.map(defineInstrument);
  return new Engine({
    instruments,
    book,
    capacity: config.capacity,
    ...(config.risk === undefined ? {} : { risk: config.risk }),
    ...(config.idempotency === undefined ? {} : { idempotency: config.idempotency }),
  });
}

/** Buffers reused from one snapshot to the next by a long-lived writer (the snapshotter thread). */
export interface SnapshotBuffers {
  readonly writer: StateWriter;
  readonly file: SnapshotScratch;
}

export function snapshotBuffers(): SnapshotBuffers {
  return { writer: new StateWriter(), file: { bytes: new Uint8Array(0) } };
}

export function takeSnapshot(dir: string, engine: Engine, config: CoreConfig, keep = 3, buffers?: SnapshotBuffers): string {
  const writer = buffers?.writer.reset() ?? new StateWriter();
  engine.writeSnapshot(writer);
  return writeSnapshotFile(snapshotDir(dir), { seq: engine.sequence, config: configText(config), state: writer.bytes() }, keep, buffers?.file);
}

export interface RecoverOptions {
  readonly book?: BookKind;
  /** Truncate a torn final block (start-up: yes; read-only tools: no). */
  readonly repair: boolean;
  /** The operator's explicit flag to recover up to the last valid block. */
  readonly toLastValid?: boolean;
  readonly warn?: (message: string) => void;
  readonly progress?: (seq: number) => void;
  /** Replay the whole journal from seq 1 (to check a snapshot-based recovery against it). */
  readonly ignoreSnapshots?: boolean;
}

export interface Recovered {
  readonly engine: Engine;
  readonly config: CoreConfig;
  readonly snapshotSeq: number;
  readonly replayed: number;
  readonly cleanShutdown: boolean;
  readonly warnings: readonly string[];
}

export function recover(dir: string, options: RecoverOptions): Recovered {
  const warnings: string[] = [];
  const warn = (message: string): void => {
    warnings.push(message);
    options.warn?.(message);
  };
  const config = readStoreConfig(dir);
  const engine = engineFor(config, options.book);
  const snapshot = options.ignoreSnapshots === true ? undefined : loadNewestSnapshot(snapshotDir(dir), warn);
  if (snapshot !== undefined) {
    if (snapshot.config !== configText(config)) throw new Error(`snapshot ${snapshot.path} was taken under another configuration than ${join(dir, 'config.json')}`);
    const reader = new StateReader(snapshot.state);
    engine.restoreSnapshot(reader);
    if (!reader.done || engine.sequence !== snapshot.seq) throw new Error(`snapshot ${snapshot.path} does not hold the state it claims (seq ${snapshot.seq})`);
  }
  const snapshotSeq = engine.sequence;
  const command = emptyCommand();
  let replayed = 0;
  const scan = scanJournal(
    journalDir(dir),
    (seq, timestampNs, view, offset) => {
      if (seq <= engine.sequence) return;
      if (seq !== engine.sequence + 1) throw new JournalCorruption(journalDir(dir), 0, seq, `journal resumes at seq ${seq} but the state is at seq ${engine.sequence}`);
      engine.apply(decodeCommand(view, offset, command), seq, timestampNs);
      replayed++;
      if (options.progress !== undefined && (replayed & 0xffff) === 0) options.progress(seq);
    },
    { fromSeq: snapshotSeq + 1, repair: options.repair, toLastValid: options.toLastValid === true, warn },
  );
  if (scan.lastSeq < snapshotSeq && scan.records > 0) {
    warn(`the journal ends at seq ${scan.lastSeq}, before the snapshot's seq ${snapshotSeq}: the snapshot holds commands the journal has lost`);
  }
  engine.validateInternalState();
  return { engine, config, snapshotSeq, replayed, cleanShutdown: scan.cleanShutdown, warnings };
}
