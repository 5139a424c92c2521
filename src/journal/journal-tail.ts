// Follows a journal as it is written, like `tail -f`: each poll() reads what was appended since the
// last one and hands over the records of every complete, CRC-valid block. The snapshotter uses it
// to keep its replica engine current from the journal files themselves, so it sees only written
// commands and neither the core nor the journaler ever waits for a snapshot.
import { closeSync, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { crc64Parts } from './crc64.js';
import {
  BLOCK_HEADER_BYTES,
  BLOCK_MAGIC,
  BLOCK_TRAILER_BYTES,
  blockBytes,
  JournalCorruption,
  MARKER_FLAGS,
  MAX_BLOCK_RECORDS,
  readBlockHeader,
  type RecordVisitor,
  RecordWidener,
  recordBytesOf,
  segmentName,
} from './format.js';
import { listSegments } from './journal-reader.js';

export class JournalTail {
  private fd = -1;
  private path = '';
  private offset = 0;
  /** The segment last read to its closing marker, and its size then. */
  private finishedPath = '';
  private finishedSize = 0;
  private buffer = new Uint8Array(1 << 20);
  private readonly crc = new Uint32Array(2);
  private readonly widener = new RecordWidener();

  /** Follows from `nextSeq` on (records before it are skipped). */
  constructor(
    private readonly dir: string,
    private nextSeq: number,
  ) {}

  /** Visits every newly complete record; returns how many. Throws JournalCorruption on damage. */
  poll(visit: RecordVisitor): number {
    let visited = 0;
    for (;;) {
      if (this.fd < 0 && !this.openSegmentHolding(this.nextSeq)) return visited;
      const size = fstatSync(this.fd).size;
      if (size <= this.offset) return visited;
      const length = size - this.offset;
      if (this.buffer.length < length) this.buffer = new Uint8Array(Math.max(length, this.buffer.length * 2));
      const read = readSync(this.fd, this.buffer, 0, length, this.offset);
      const { consumed, records, ended } = this.parse(read, visit);
      this.offset += consumed;
      visited += records;
      if (!ended) return visited;
      this.finishedPath = this.path;
      this.finishedSize = this.offset;
      closeSync(this.fd);
      this.fd = -1;
    }
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  /** Opens the segment whose range holds `seq`: the newest one starting at or before it. */
  private openSegmentHolding(seq: number): boolean {
    const exact = join(this.dir, segmentName(seq));
    let path = existsSync(exact) ? exact : '';
    if (path === '') {
      const candidates = listSegments(this.dir).filter((s) => s.firstSeq <= seq);
      const newest = candidates.at(-1);
      if (newest === undefined) return false;
      path = join(this.dir, newest.name);
    }
    // Finished with it (it ended in a marker) and unchanged since: the next segment is not there yet.
    // A segment with no records at all has the name `seq` would start, so the exact name can be the
    // finished one too; a writer may reuse such a segment (truncate and write it anew), and then its
    // size differs from the finished one's.
    if (path === this.finishedPath && statSync(path).size === this.finishedSize) return false;
    this.fd = openSync(path, 'r');
    this.path = path;
    this.offset = 0;
    return true;
  }

  private parse(length: number, visit: RecordVisitor): { consumed: number; records: number; ended: boolean } {
    const bytes = this.buffer;
    const view = new DataView(bytes.buffer, 0, length);
    let at = 0;
    let records = 0;
    while (length - at >= BLOCK_HEADER_BYTES) {
      const header = readBlockHeader(view, at);
      const recordBytes = recordBytesOf(header.version);
      if (header.magic !== BLOCK_MAGIC || recordBytes === 0 || header.recordCount > MAX_BLOCK_RECORDS || header.payloadBytes !== header.recordCount * recordBytes) {
        throw new JournalCorruption(this.path, this.offset + at, header.firstSeq, 'bad block header while following the journal');
      }
      const size = blockBytes(header.recordCount, recordBytes);
      if (length - at < size) break; // still being written
      const end = at + size - BLOCK_TRAILER_BYTES;
      crc64Parts(bytes, at, end, this.crc);
      if (view.getUint32(end, true) !== this.crc[0] || view.getUint32(end + 4, true) !== this.crc[1]) {
        throw new JournalCorruption(this.path, this.offset + at, header.firstSeq, 'CRC-64 mismatch while following the journal');
      }
      for (let i = 0; i < header.recordCount; i++) {
        const seq = header.firstSeq + i;
        if (seq < this.nextSeq) continue;
        this.widener.visit(header.version, view, at + BLOCK_HEADER_BYTES + i * recordBytes, seq, visit);
        this.nextSeq = seq + 1;
        records++;
      }
      at += size;
      if ((header.flags & MARKER_FLAGS) !== 0) return { consumed: at, records, ended: true };
    }
    return { consumed: at, records, ended: false };
  }
}
