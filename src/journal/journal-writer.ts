// Appends sequenced commands to the journal in blocks: records accumulate in one preallocated
// block buffer, and commit() seals the block with its CRC-64, writes it with one write(2), and
// under the `fsync` policy fdatasyncs before reporting the block's last seq durable. Whatever
// accumulated between two commits goes out together (group commit): the caller commits when its
// input runs dry or the block is full, so a burst costs one sync, not one per command.
//
// Durability policies (docs/design.md):
//   fsync  a response may leave once the block holding its command is fdatasync'd: survives a crash
//          of the machine (power loss included).
//   write  once the block is in the kernel (write returned): survives a crash of the process, not
//          of the machine.
import { closeSync, existsSync, fdatasyncSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { crc64Parts } from './crc64.js';
import { syncDirectory } from './sync-directory.js';
import {
  BLOCK_HEADER_BYTES,
  BLOCK_MAGIC,
  BLOCK_TRAILER_BYTES,
  blockBytes,
  FLAG_CLEAN_SHUTDOWN,
  FLAG_SEGMENT_END,
  MARKER_FLAGS,
  MAX_BLOCK_RECORDS,
  readBlockHeader,
  RECORD_BYTES,
  segmentName,
  writeBlockHeader,
} from './format.js';
import { COMMAND_RECORD_BYTES } from '../protocol/command-record.js';

export type DurabilityPolicy = 'fsync' | 'write';

export interface JournalWriterOptions {
  readonly policy: DurabilityPolicy;
  /** The seq of the next command; a new segment starts there. */
  readonly nextSeq: number;
  /** Rotate to a new segment once this many bytes are written (default 64 MiB). */
  readonly segmentBytes?: number;
  /** Most records in one block (default 4,096): bounds a commit's size and its latency. */
  readonly maxBlockRecords?: number;
}

export const DEFAULT_SEGMENT_BYTES = 64 * 1024 * 1024;
const DEFAULT_BLOCK_RECORDS = 4096;

/** Writes header and CRC-64 trailer around the records already at buffer[24…]. */
function sealBlock(buffer: Uint8Array, view: DataView, crc: Uint32Array, flags: number, firstSeq: number, records: number): void {
  writeBlockHeader(view, 0, flags, firstSeq, records);
  const end = blockBytes(records) - BLOCK_TRAILER_BYTES;
  crc64Parts(buffer, 0, end, crc);
  view.setUint32(end, crc[0] ?? 0, true);
  view.setUint32(end + 4, crc[1] ?? 0, true);
}

/**
 * Ends a segment that a crash left open (no end marker), so that once a newer segment exists this
 * one still proves it is complete. Recovery calls it after cutting any torn tail.
 */
export function appendSegmentEnd(path: string, nextSeq: number): void {
  const buffer = new Uint8Array(blockBytes(0));
  sealBlock(buffer, new DataView(buffer.buffer), new Uint32Array(2), FLAG_SEGMENT_END, nextSeq, 0);
  const fd = openSync(path, 'a');
  try {
    writeSync(fd, buffer);
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export class JournalWriter {
  private readonly buffer: Uint8Array;
  private readonly view: DataView;
  private readonly crc = new Uint32Array(2);
  private readonly markerBuffer = new Uint8Array(blockBytes(0));
  private readonly markerView = new DataView(this.markerBuffer.buffer);
  private readonly maxRecords: number;
  private readonly segmentBytes: number;
  private fd = -1;
  private segmentWritten = 0;
  private pending = 0;
  private blockFirstSeq: number;
  private nextSeq: number;
  private durable: number;
  private closed = false;

  private constructor(
    readonly dir: string,
    readonly policy: DurabilityPolicy,
    options: JournalWriterOptions,
  ) {
    this.maxRecords = options.maxBlockRecords ?? DEFAULT_BLOCK_RECORDS;
    if (!Number.isInteger(this.maxRecords) || this.maxRecords < 1 || this.maxRecords > MAX_BLOCK_RECORDS) {
      throw new RangeError(`maxBlockRecords must be 1..${MAX_BLOCK_RECORDS}`);
    }
    this.segmentBytes = options.segmentBytes ?? DEFAULT_SEGMENT_BYTES;
    this.buffer = new Uint8Array(blockBytes(this.maxRecords));
    this.view = new DataView(this.buffer.buffer);
    this.nextSeq = options.nextSeq;
    this.blockFirstSeq = options.nextSeq;
    this.durable = options.nextSeq - 1;
  }

  static open(dir: string, options: JournalWriterOptions): JournalWriter {
    if (!Number.isSafeInteger(options.nextSeq) || options.nextSeq < 1) throw new RangeError(`nextSeq ${options.nextSeq} must be a positive integer`);
    mkdirSync(dir, { recursive: true });
    const writer = new JournalWriter(dir, options.policy, options);
    writer.openSegment(options.nextSeq);
    return writer;
  }

  /** The highest seq that is durable under the policy. */
  get durableSeq(): number {
    return this.durable;
  }

  /** Seq of the last record appended (committed or not). */
  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  get pendingRecords(): number {
    return this.pending;
  }

  /** Copies one 128-byte command record. Commits first if the block is full. */
  append(seq: number, timestampNs: bigint, command: DataView, offset: number): void {
    if (this.closed) throw new Error('journal writer is closed');
    if (seq !== this.nextSeq) throw new Error(`journal append: seq ${seq} is not the next seq ${this.nextSeq}`);
    if (this.pending === this.maxRecords) this.commit();
    const at = BLOCK_HEADER_BYTES + this.pending * RECORD_BYTES;
    this.view.setBigUint64(at, timestampNs, true);
    this.buffer.set(new Uint8Array(command.buffer, command.byteOffset + offset, COMMAND_RECORD_BYTES), at + 8);
    this.pending++;
    this.nextSeq++;
  }

  /** Seals and writes the pending records as one block; returns the durable seq. */
  commit(): number {
    if (this.pending === 0) return this.durable;
    this.writeBlock(0, this.blockFirstSeq, this.pending);
    this.blockFirstSeq = this.nextSeq;
    this.pending = 0;
    this.durable = this.nextSeq - 1;
    return this.durable;
  }

  /** Commits, writes the clean-shutdown marker, syncs and closes. */
  close(): void {
    if (this.closed) return;
    this.commit();
    this.writeBlock(FLAG_CLEAN_SHUTDOWN, this.nextSeq, 0);
    if (this.policy === 'write') fdatasyncSync(this.fd);
    closeSync(this.fd);
    this.closed = true;
  }

  /** Closes without the marker, as a crash would leave it (for tests). */
  abandon(): void {
    if (this.closed) return;
    closeSync(this.fd);
    this.closed = true;
  }

  private writeBlock(flags: number, firstSeq: number, records: number): void {
    const length = blockBytes(records);
    if (flags === 0 && this.segmentWritten > 0 && this.segmentWritten + length > this.segmentBytes) this.rotate(firstSeq);
    // Markers are sealed in their own buffer: the block buffer may hold records waiting to go out
    // (a rotation happens between appending them and writing them).
    const buffer = records === 0 ? this.markerBuffer : this.buffer;
    const view = records === 0 ? this.markerView : this.view;
    sealBlock(buffer, view, this.crc, flags, firstSeq, records);
    let written = 0;
    while (written < length) written += writeSync(this.fd, buffer, written, length - written);
    if (this.policy === 'fsync') fdatasyncSync(this.fd);
    this.segmentWritten += length;
  }

  private rotate(firstSeq: number): void {
    this.writeBlock(FLAG_SEGMENT_END, firstSeq, 0);
    fdatasyncSync(this.fd);
    closeSync(this.fd);
    this.openSegment(firstSeq);
  }

  private openSegment(firstSeq: number): void {
    const path = join(this.dir, segmentName(firstSeq));
    // A segment left empty by a crash (or by truncating a torn first block), or holding only marker
    // blocks (a clean stop of a run that sequenced nothing), is reused; one with records in it means
    // the caller's nextSeq is wrong, and appending would fork the history.
    if (existsSync(path) && statSync(path).size > 0 && !onlyMarkers(path)) throw new Error(`journal segment ${path} already holds records; refusing to overwrite`);
    this.fd = openSync(path, 'w');
    this.segmentWritten = 0;
    syncDirectory(this.dir);
  }
}

/** True if every block of the segment is a record-less marker block (nothing in it can be lost). */
function onlyMarkers(path: string): boolean {
  const bytes = readFileSync(path);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at + BLOCK_HEADER_BYTES <= bytes.byteLength) {
    const header = readBlockHeader(view, at);
    if (header.magic !== BLOCK_MAGIC || header.recordCount !== 0 || (header.flags & MARKER_FLAGS) === 0) return false;
    at += blockBytes(0);
  }
  return at === bytes.byteLength;
}
