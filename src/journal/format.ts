// The journal's on-disk format. A journal is a directory of segment files, each a run of blocks;
// a block is one group commit:
//
//   offset  size  field
//        0     4  magic "KJB1"
//        4     2  format version (2; version 1 blocks, with 64-byte command records, are still read)
//        6     2  flags: bit 0 = clean-shutdown marker, bit 1 = segment-end marker (both are
//                 blocks with no records; every segment but the newest ends with one, so a
//                 segment cut short at a block boundary is still detected)
//        8     8  first seq (u64)
//       16     4  record count
//       20     4  payload bytes (= record count × the version's record bytes)
//       24     …  records: timestamp ns (u64) + the command record (src/protocol): 128 bytes in
//                 version 2, 64 in version 1
//    24+p      8  CRC-64/XZ of bytes [0, 24+p)
//
// Version 2 (the 128-byte record, with clientOrderId, depositId and multi-asset deposits) is what
// the writer writes. A data directory written before it keeps working: readers take a version-1
// block's 64-byte records and hand them on widened to 128 bytes with a zero tail, which decodes
// as "no clientOrderId, no depositId, one asset", exactly what those commands were. So a replay
// of an old journal gives the same state hash as before, and new blocks may follow old ones in
// the same directory (or the same segment, after a crash's repair marker).
//
// Records carry no seq of their own: record i of a block has seq firstSeq + i, and a block must
// start where the one before it ended, so a lost or repeated block is a detectable sequence gap.
// Everything is little-endian.
import { COMMAND_RECORD_BYTES, COMMAND_RECORD_V1_BYTES } from '../protocol/command-record.js';

export const BLOCK_MAGIC = 0x3142_4a4b; // "KJB1" read as a little-endian u32
export const BLOCK_VERSION = 2;
/** The first format: 64-byte command records. Read, never written. */
export const BLOCK_VERSION_1 = 1;
export const BLOCK_HEADER_BYTES = 24;
export const BLOCK_TRAILER_BYTES = 8;
export const RECORD_BYTES = 8 + COMMAND_RECORD_BYTES;
const RECORD_V1_BYTES = 8 + COMMAND_RECORD_V1_BYTES;
export const FLAG_CLEAN_SHUTDOWN = 1;
export const FLAG_SEGMENT_END = 2;
export const MARKER_FLAGS = FLAG_CLEAN_SHUTDOWN | FLAG_SEGMENT_END;
/** A bound on one block, checked before trusting a length field read from disk. */
export const MAX_BLOCK_RECORDS = 1 << 20;

export const SEGMENT_SUFFIX = '.seg';

/** Segment files are named by the first seq they hold, zero-padded so names sort numerically. */
export function segmentName(firstSeq: number): string {
  return `${String(firstSeq).padStart(20, '0')}${SEGMENT_SUFFIX}`;
}

export function segmentFirstSeq(name: string): number | undefined {
  const match = /^(\d{20})\.seg$/.exec(name);
  if (match?.[1] === undefined) return undefined;
  const seq = Number(match[1]);
  return Number.isSafeInteger(seq) ? seq : undefined;
}

export interface BlockHeader {
  readonly magic: number;
  readonly version: number;
  readonly flags: number;
  readonly firstSeq: number;
  readonly recordCount: number;
  readonly payloadBytes: number;
}

export function readBlockHeader(view: DataView, offset: number): BlockHeader {
  return {
    magic: view.getUint32(offset, true),
    version: view.getUint16(offset + 4, true),
    flags: view.getUint16(offset + 6, true),
    firstSeq: Number(view.getBigUint64(offset + 8, true)),
    recordCount: view.getUint32(offset + 16, true),
    payloadBytes: view.getUint32(offset + 20, true),
  };
}

export function writeBlockHeader(view: DataView, offset: number, flags: number, firstSeq: number, recordCount: number): void {
  view.setUint32(offset, BLOCK_MAGIC, true);
  view.setUint16(offset + 4, BLOCK_VERSION, true);
  view.setUint16(offset + 6, flags, true);
  view.setBigUint64(offset + 8, BigInt(firstSeq), true);
  view.setUint32(offset + 16, recordCount, true);
  view.setUint32(offset + 20, recordCount * RECORD_BYTES, true);
}

/** Bytes of one record (timestamp + command) in a block of `version`; 0 for a version this code does not know. */
export function recordBytesOf(version: number): number {
  if (version === BLOCK_VERSION) return RECORD_BYTES;
  if (version === BLOCK_VERSION_1) return RECORD_V1_BYTES;
  return 0;
}

export function blockBytes(recordCount: number, recordBytes = RECORD_BYTES): number {
  return BLOCK_HEADER_BYTES + recordCount * recordBytes + BLOCK_TRAILER_BYTES;
}

/** A block's record as readers hand it on: seq, timestamp and the 128-byte command record at view[offset]. */
export type RecordVisitor = (seq: number, timestampNs: bigint, view: DataView, offset: number) => void;

/**
 * Hands records to a visitor as 128-byte command records. A version-2 record is passed in place; a
 * version-1 record is copied into a scratch record whose tail (bytes 64..127) stays zero.
 */
export class RecordWidener {
  private readonly scratch = new DataView(new ArrayBuffer(COMMAND_RECORD_BYTES));
  private readonly scratchBytes = new Uint8Array(this.scratch.buffer);

  /** The record whose timestamp is at view[at], in a block of `version` (checked by the caller). */
  visit(version: number, view: DataView, at: number, seq: number, visit: RecordVisitor): void {
    const timestampNs = view.getBigUint64(at, true);
    if (version === BLOCK_VERSION) {
      visit(seq, timestampNs, view, at + 8);
      return;
    }
    this.scratchBytes.set(new Uint8Array(view.buffer, view.byteOffset + at + 8, COMMAND_RECORD_V1_BYTES));
    visit(seq, timestampNs, this.scratch, 0);
  }
}

/** Journal errors name the file, the byte offset and the seq where the damage is. */
export class JournalCorruption extends Error {
  constructor(
    readonly file: string,
    readonly offset: number,
    readonly seq: number,
    readonly reason: string,
  ) {
    super(`journal damaged: ${reason} in ${file} at byte offset ${offset} (seq ${seq})`);
    this.name = 'JournalCorruption';
  }
}
