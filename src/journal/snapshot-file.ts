// Snapshot files: the whole core state at one seq boundary, sealed with CRC-64 and written
// atomically (temporary file, fsync, rename, fsync of the directory), so a crash leaves either the
// old set of snapshots or the new one, never a half-written file under a snapshot's name.
//
//   offset  size  field
//        0     4  magic "KSN1"
//        4     2  format version (1)
//        6     2  zero
//        8     8  seq (u64)
//       16     4  config bytes C (UTF-8 JSON: instruments and capacity)
//       20     4  zero
//       24     8  state bytes S (u64; float64 words, Engine.writeSnapshot)
//       32     C  config, then zero padding to a multiple of 8
//        …     S  state
//        …     8  CRC-64/XZ of everything before it
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { crc64Parts } from './crc64.js';
import { syncDirectory } from './sync-directory.js';

export const SNAPSHOT_MAGIC = 0x314e_534b; // "KSN1" as a little-endian u32
const SNAPSHOT_VERSION = 1;
const HEADER_BYTES = 32;
const SUFFIX = '.snap';

export function snapshotName(seq: number): string {
  return `snapshot-${String(seq).padStart(20, '0')}${SUFFIX}`;
}

function snapshotSeqOf(name: string): number | undefined {
  const match = /^snapshot-(\d{20})\.snap$/.exec(name);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

export interface SnapshotContent {
  readonly seq: number;
  readonly config: string;
  readonly state: Uint8Array;
}

/**
 * A buffer a writer of many snapshots keeps between them. Without it every snapshot (ten a second,
 * megabytes each with a full book) allocated and dropped its own buffers, and the snapshotter's
 * memory grew far ahead of its garbage collector under load.
 */
export interface SnapshotScratch {
  bytes: Uint8Array;
}

export function encodeSnapshot(content: SnapshotContent, scratch?: SnapshotScratch): Uint8Array {
  const config = new TextEncoder().encode(content.config);
  const configPadded = Math.ceil(config.byteLength / 8) * 8;
  const total = HEADER_BYTES + configPadded + content.state.byteLength + 8;
  let bytes: Uint8Array;
  if (scratch === undefined) bytes = new Uint8Array(total);
  else {
    if (scratch.bytes.byteLength < total) scratch.bytes = new Uint8Array(Math.max(total, scratch.bytes.byteLength * 2));
    bytes = scratch.bytes.subarray(0, total);
    bytes.fill(0, 0, HEADER_BYTES + configPadded);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, total);
  view.setUint32(0, SNAPSHOT_MAGIC, true);
  view.setUint16(4, SNAPSHOT_VERSION, true);
  view.setBigUint64(8, BigInt(content.seq), true);
  view.setUint32(16, config.byteLength, true);
  view.setBigUint64(24, BigInt(content.state.byteLength), true);
  bytes.set(config, HEADER_BYTES);
  bytes.set(content.state, HEADER_BYTES + configPadded);
  const crc = new Uint32Array(2);
  crc64Parts(bytes, 0, total - 8, crc);
  view.setUint32(total - 8, crc[0] ?? 0, true);
  view.setUint32(total - 4, crc[1] ?? 0, true);
  return bytes;
}

/** Decodes and checks a snapshot; throws an Error saying what is wrong. */
export function decodeSnapshot(bytes: Uint8Array): SnapshotContent {
  if (bytes.byteLength < HEADER_BYTES + 8) throw new Error(`too short (${bytes.byteLength} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== SNAPSHOT_MAGIC) throw new Error('bad magic');
  if (view.getUint16(4, true) !== SNAPSHOT_VERSION) throw new Error(`unknown format version ${view.getUint16(4, true)}`);
  const configBytes = view.getUint32(16, true);
  const stateBytes = Number(view.getBigUint64(24, true));
  const configPadded = Math.ceil(configBytes / 8) * 8;
  if (HEADER_BYTES + configPadded + stateBytes + 8 !== bytes.byteLength) throw new Error('lengths do not match the file size');
  const crc = new Uint32Array(2);
  crc64Parts(bytes, 0, bytes.byteLength - 8, crc);
  if (view.getUint32(bytes.byteLength - 8, true) !== crc[0] || view.getUint32(bytes.byteLength - 4, true) !== crc[1]) throw new Error('CRC-64 mismatch');
  return {
    seq: Number(view.getBigUint64(8, true)),
    config: new TextDecoder().decode(bytes.subarray(HEADER_BYTES, HEADER_BYTES + configBytes)),
    state: bytes.subarray(HEADER_BYTES + configPadded, HEADER_BYTES + configPadded + stateBytes),
  };
}

/** Writes atomically, then keeps only the newest `keep` snapshots. Returns the file's path. */
export function writeSnapshotFile(dir: string, content: SnapshotContent, keep = 3, scratch?: SnapshotScratch): string {
  const bytes = encodeSnapshot(content, scratch);
  const path = join(dir, snapshotName(content.seq));
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    let written = 0;
    while (written < bytes.byteLength) written += writeSync(fd, bytes, written, bytes.byteLength - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  syncDirectory(dir);
  for (const old of listSnapshots(dir).slice(0, -keep)) unlinkSync(join(dir, old.name));
  return path;
}

/** Snapshot files, oldest first. */
export function listSnapshots(dir: string): { name: string; seq: number }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const found: { name: string; seq: number }[] = [];
  for (const name of names) {
    const seq = snapshotSeqOf(name);
    if (seq !== undefined) found.push({ name, seq });
  }
  return found.sort((a, b) => a.seq - b.seq);
}

/**
 * The newest snapshot that checks out. A damaged one is skipped with a warning naming it: an
 * older snapshot plus a longer replay of the journal gives the same state, since replay is
 * deterministic.
 */
export function loadNewestSnapshot(dir: string, warn: (message: string) => void): (SnapshotContent & { path: string }) | undefined {
  const snapshots = listSnapshots(dir);
  for (let i = snapshots.length - 1; i >= 0; i--) {
    const entry = snapshots[i];
    if (entry === undefined) continue;
    const path = join(dir, entry.name);
    try {
      const content = decodeSnapshot(new Uint8Array(readFileSync(path)));
      if (content.seq !== entry.seq) throw new Error(`holds seq ${content.seq}, its name says ${entry.seq}`);
      return { ...content, path };
    } catch (error) {
      warn(`snapshot ${path} (seq ${entry.seq}) is damaged: ${error instanceof Error ? error.message : String(error)}; trying an older one`);
    }
  }
  return undefined;
}
