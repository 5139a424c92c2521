// The journal's on-disk format. A journal is a directory of segment files, each a run of blocks;
// a block is one group commit:
//
//   offset  size  field
//        0     4  magic "KJB1"
//        4     2  format version (1)
//        6     2  flags: bit 0 = clean-shutdown marker, bit 1 = segment-end marker (both are
//                 blocks with no records; every segment but the newest ends with one, so a
//                 segment cut short at a block boundary is still detected)
//        8     8  first seq (u64)
//       16     4  record count
//       20     4  payload bytes (= record count × RECORD_BYTES)
//       24     …  records: timestamp ns (u64) + the 64-byte command record (src/protocol)
//    24+p      8  CRC-64/XZ of bytes [0, 24+p)
//
// Records carry no seq of their own: record i of a block has seq firstSeq + i, and a block must
// start where the one before it ended, so a lost or repeated block is a detectable sequence gap.
// Everything is little-endian.
import { COMMAND_RECORD_BYTES } from '../protocol/command-record.js';

export const BLOCK_MAGIC = 0x3142_4a4b; // "KJB1" read as a little-endian u32
export const BLOCK_VERSION = 1;
export const BLOCK_HEADER_BYTES = 24;
export const BLOCK_TRAILER_BYTES = 8;
export const RECORD_BYTES = 8 + COMMAND_RECORD_BYTES;
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

export function blockBytes(recordCount: number): number {
  return BLOCK_HEADER_BYTES + recordCount * RECORD_BYTES + BLOCK_TRAILER_BYTES;
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
