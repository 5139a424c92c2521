import { describe, expect, it } from 'vitest';
import { JournalTail } from '../../src/journal/journal-tail.js';
import { JournalWriter } from '../../src/journal/journal-writer.js';
import { COMMAND_RECORD_BYTES } from '../../src/protocol/command-record.js';
import { tempDir } from './fixture.js';

describe('JournalTail', () => {
  it('follows a journal as it is written, across segment rotations, seeing only complete blocks', () => {
    const dir = tempDir();
    const writer = JournalWriter.open(dir, { policy: 'write', nextSeq: 1, segmentBytes: 8 * 1024, maxBlockRecords: 16 });
    const tail = new JournalTail(dir, 1);
    const record = new DataView(new ArrayBuffer(COMMAND_RECORD_BYTES));
    const seen: number[] = [];
    const stamps: bigint[] = [];
    const visit = (seq: number, ts: bigint, view: DataView, offset: number): void => {
      seen.push(seq);
      stamps.push(ts);
      expect(view.getFloat64(offset + 16, true)).toBe(seq * 10);
    };
    for (let seq = 1; seq <= 2000; seq++) {
      record.setFloat64(16, seq * 10, true);
      writer.append(seq, BigInt(seq) * 7n, record, 0);
      if (seq % 37 === 0) {
        writer.commit();
        tail.poll(visit);
        expect(seen.length).toBe(seq); // everything committed is visible, nothing uncommitted
      }
    }
    tail.poll(visit);
    expect(seen.length).toBe(1998); // 2000 − the 2 appended after the last commit
    writer.close();
    tail.poll(visit);
    tail.close();
    expect(seen).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
    expect(stamps.at(-1)).toBe(14_000n);
  });

  it('starts in the middle of the journal at the seq it is given', () => {
    const dir = tempDir();
    const writer = JournalWriter.open(dir, { policy: 'write', nextSeq: 1, segmentBytes: 4 * 1024, maxBlockRecords: 8 });
    const record = new DataView(new ArrayBuffer(COMMAND_RECORD_BYTES));
    for (let seq = 1; seq <= 500; seq++) writer.append(seq, 1n, record, 0);
    writer.close();
    const seen: number[] = [];
    const tail = new JournalTail(dir, 321);
    tail.poll((seq) => seen.push(seq));
    tail.close();
    expect(seen).toEqual(Array.from({ length: 180 }, (_, i) => i + 321));
  });
});
