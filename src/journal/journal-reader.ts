// Reads a journal directory block by block, checking everything: magic, version, lengths (never
// trusted before they are bounded), CRC-64 and sequence continuity within and across segments.
//
// Damage is classified:
// - a torn tail: the last segment ends inside its final block (or with zeros after the last good
//   block), as a crash mid-write leaves it. Under `repair` it is truncated with a warning naming the
//   file and offset; nothing acknowledged can be in it, since acknowledgement waits for the write.
// - anything else (bad CRC, bad magic, a sequence gap, damage before the end): JournalCorruption,
//   naming file, offset and seq. Only `toLastValid` (an operator's explicit choice) continues, by
//   cutting the journal back to the last valid block.
import { closeSync, ftruncateSync, openSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { crc64Parts } from './crc64.js';
import { appendSegmentEnd } from './journal-writer.js';
import {
  BLOCK_HEADER_BYTES,
  BLOCK_MAGIC,
  BLOCK_TRAILER_BYTES,
  blockBytes,
  FLAG_CLEAN_SHUTDOWN,
  JournalCorruption,
  MARKER_FLAGS,
  MAX_BLOCK_RECORDS,
  readBlockHeader,
  type RecordVisitor,
  RecordWidener,
  recordBytesOf,
  segmentFirstSeq,
} from './format.js';

/** Called for each record: its seq, timestamp, and the 128-byte command record at view[offset] (valid during the call). */
export type { RecordVisitor } from './format.js';

export interface ScanOptions {
  /** Visit records from this seq on (all are still checked). */
  readonly fromSeq?: number;
  /**
   * Start-up's repairs: truncate a torn tail, and end the newest segment with a segment-end marker
   * if a crash left it without one (verify, dump and replay do not touch files).
   */
  readonly repair?: boolean;
  /** The operator's flag: cut the journal back to its last valid block instead of failing. */
  readonly toLastValid?: boolean;
  readonly warn?: (message: string) => void;
}

export interface ScanResult {
  readonly segments: number;
  readonly blocks: number;
  readonly records: number;
  readonly firstSeq: number;
  /** Seq of the last valid record, or firstSeq − 1 when there is none. */
  readonly lastSeq: number;
  readonly cleanShutdown: boolean;
  readonly warnings: readonly string[];
}

export function listSegments(dir: string): { name: string; firstSeq: number }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const segments: { name: string; firstSeq: number }[] = [];
  for (const name of names) {
    const firstSeq = segmentFirstSeq(name);
    if (firstSeq !== undefined) segments.push({ name, firstSeq });
  }
  return segments.sort((a, b) => a.firstSeq - b.firstSeq);
}

interface Damage {
  readonly reason: string;
  /** The file simply ends inside a block (or in zeros): what a crash mid-write leaves. */
  readonly incomplete: boolean;
}

function allZero(bytes: Uint8Array, from: number): boolean {
  for (let i = from; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}

/** Checks the block at `offset`; returns its length or the damage found. */
function checkBlock(bytes: Uint8Array, view: DataView, offset: number, expectedSeq: number, crc: Uint32Array): number | Damage {
  const left = bytes.length - offset;
  if (left < BLOCK_HEADER_BYTES) return { reason: `incomplete block header (${left} bytes)`, incomplete: true };
  const header = readBlockHeader(view, offset);
  if (header.magic !== BLOCK_MAGIC) return { reason: `bad block magic 0x${header.magic.toString(16)}`, incomplete: allZero(bytes, offset) };
  const recordBytes = recordBytesOf(header.version);
  if (recordBytes === 0) return { reason: `unknown block format version ${header.version} (this build reads versions 1 and 2)`, incomplete: false };
  if (header.recordCount > MAX_BLOCK_RECORDS || header.payloadBytes !== header.recordCount * recordBytes) {
    return { reason: `bad block length (${header.recordCount} records, ${header.payloadBytes} bytes)`, incomplete: false };
  }
  const length = blockBytes(header.recordCount, recordBytes);
  if (length > left) return { reason: `incomplete block (${left} of ${length} bytes)`, incomplete: true };
  const end = offset + length - BLOCK_TRAILER_BYTES;
  crc64Parts(bytes, offset, end, crc);
  if (view.getUint32(end, true) !== crc[0] || view.getUint32(end + 4, true) !== crc[1]) return { reason: 'CRC-64 mismatch', incomplete: false };
  if (header.firstSeq !== expectedSeq) return { reason: `sequence gap: block starts at seq ${header.firstSeq}, expected ${expectedSeq}`, incomplete: false };
  if ((header.flags & MARKER_FLAGS) !== 0 && header.recordCount !== 0) return { reason: 'end marker with records', incomplete: false };
  return length;
}

/** What one scan carries from block to block and from segment to segment. */
interface Scan {
  readonly dir: string;
  readonly segments: readonly { name: string; firstSeq: number }[];
  readonly visit: RecordVisitor | undefined;
  readonly options: ScanOptions;
  readonly warn: (message: string) => void;
  readonly crc: Uint32Array;
  readonly widener: RecordWidener;
  readonly fromSeq: number;
  expectedSeq: number;
  blocks: number;
  records: number;
  cleanShutdown: boolean;
}

export function scanJournal(dir: string, visit: RecordVisitor | undefined, options: ScanOptions = {}): ScanResult {
  const warnings: string[] = [];
  const warn = (message: string): void => {
    warnings.push(message);
    options.warn?.(message);
  };
  const segments = listSegments(dir);
  const firstSeq = segments[0]?.firstSeq ?? 1;
  const scan: Scan = {
    dir, segments, visit, options, warn,
    crc: new Uint32Array(2),
    widener: new RecordWidener(),
    fromSeq: options.fromSeq ?? 0,
    expectedSeq: firstSeq,
    blocks: 0,
    records: 0,
    cleanShutdown: false,
  };
  for (let s = 0; s < segments.length; s++) {
    if (!scanSegment(scan, s)) break;
  }
  const { blocks, records, cleanShutdown } = scan;
  return { segments: segments.length, blocks, records, firstSeq, lastSeq: scan.expectedSeq - 1, cleanShutdown, warnings };
}

/** Scans segment `s`; false when the scan must stop here (damage, or the journal cut back). */
function scanSegment(scan: Scan, s: number): boolean {
  const { segments, options } = scan;
  const segment = segments[s];
  if (segment === undefined) return false;
  const path = join(scan.dir, segment.name);
  const lastSegment = s === segments.length - 1;
  const bytes = new Uint8Array(readFileSync(path));
  if (segment.firstSeq !== scan.expectedSeq && bytes.length > 0) {
    const damage = `sequence gap: segment starts at seq ${segment.firstSeq}, expected ${scan.expectedSeq}`;
    if (!options.toLastValid) throw new JournalCorruption(path, 0, scan.expectedSeq, damage);
    cutBack(segments.slice(s), scan.dir, path, 0, damage, options, scan.warn);
    return false;
  }
  const endsWithMarker = scanBlocks(scan, s, path, bytes);
  if (endsWithMarker === undefined) {
    scan.cleanShutdown = false;
    if (options.repair && lastSegment && !options.toLastValid) appendSegmentEnd(path, scan.expectedSeq);
    return false;
  }
  if (!lastSegment && !endsWithMarker && bytes.length > 0) {
    const damage = 'segment ends without its end marker (cut short at a block boundary?)';
    if (!options.toLastValid) throw new JournalCorruption(path, bytes.length, scan.expectedSeq, damage);
    cutBack(segments.slice(s + 1), scan.dir, path, bytes.length, damage, options, scan.warn);
    return false;
  }
  if (lastSegment && !endsWithMarker) {
    scan.warn(`the journal ends at seq ${scan.expectedSeq - 1} in ${path} without a clean-shutdown marker: recovering from a crash`);
    if (options.repair && bytes.length > 0) appendSegmentEnd(path, scan.expectedSeq);
  }
  return true;
}

/**
 * Checks and visits every block of one segment. Returns whether its last block is an end marker,
 * or undefined when damage stopped the scan inside it (after a torn tail is handled or the
 * journal cut back; other damage throws).
 */
function scanBlocks(scan: Scan, s: number, path: string, bytes: Uint8Array): boolean | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  let endsWithMarker = false;
  while (offset < bytes.length) {
    const checked = checkBlock(bytes, view, offset, scan.expectedSeq, scan.crc);
    if (typeof checked !== 'number') {
      onDamage(scan, s, path, offset, checked);
      return undefined;
    }
    const header = readBlockHeader(view, offset);
    scan.cleanShutdown = (header.flags & FLAG_CLEAN_SHUTDOWN) !== 0;
    endsWithMarker = (header.flags & MARKER_FLAGS) !== 0;
    const visit = scan.visit;
    if (visit !== undefined) {
      const recordBytes = recordBytesOf(header.version);
      for (let i = 0; i < header.recordCount; i++) {
        const seq = header.firstSeq + i;
        if (seq < scan.fromSeq) continue;
        scan.widener.visit(header.version, view, offset + BLOCK_HEADER_BYTES + i * recordBytes, seq, visit);
      }
    }
    scan.blocks++;
    scan.records += header.recordCount;
    scan.expectedSeq += header.recordCount;
    offset += checked;
  }
  return endsWithMarker;
}

/** A torn tail is truncated (under repair) with a warning; other damage throws unless the operator asked toLastValid. */
function onDamage(scan: Scan, s: number, path: string, offset: number, damage: Damage): void {
  const { options } = scan;
  const lastSegment = s === scan.segments.length - 1;
  if (lastSegment && damage.incomplete) {
    scan.warn(`torn final block in ${path} at byte offset ${offset} (seq ${scan.expectedSeq}): ${damage.reason}; ${options.repair ? 'truncated' : 'ignored (start-up truncates it)'}`);
    if (options.repair) truncate(path, offset);
  } else if (options.toLastValid) {
    cutBack(scan.segments.slice(s + 1), scan.dir, path, offset, damage.reason, options, scan.warn);
  } else {
    throw new JournalCorruption(path, offset, scan.expectedSeq, damage.reason);
  }
}

function truncate(path: string, offset: number): void {
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, offset);
  } finally {
    closeSync(fd);
  }
}

/** The operator's explicit recovery: keep everything before the damage, drop everything after. */
function cutBack(later: readonly { name: string }[], dir: string, path: string, offset: number, reason: string, options: ScanOptions, warn: (m: string) => void): void {
  warn(`${reason} in ${path} at byte offset ${offset}: journal ${options.repair ? 'cut back' : 'read'} to the last valid block before it, as requested`);
  if (!options.repair) return;
  truncate(path, offset);
  for (const segment of later) {
    const other = join(dir, segment.name);
    if (other !== path) unlinkSync(other);
  }
}
