import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FixEncoder, parseMessage } from '../../src/fix/codec.js';
import { FixErrorCode } from '../../src/fix/errors.js';
import { FileFixStore, MemoryFixStore, storeFileName } from '../../src/fix/store.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kapita-fix-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const encoder = new FixEncoder();
function message(seq: number, text = 'x'): Buffer {
  return encoder.encode('FIXT.1.1', '8', [[34, seq], [49, 'KAPITA'], [52, '20260115-09:00:00.000'], [56, 'C']], [[58, text]]);
}
function seqsOf(buffers: Buffer[]): number[] {
  return buffers.map((raw) => {
    const parsed = parseMessage(raw);
    return typeof parsed === 'number' ? -1 : parsed.msgSeqNum;
  });
}

describe('FIX session stores', () => {
  it('keeps sequence numbers and sent messages across a reopen', () => {
    const dir = tempDir();
    const store = new FileFixStore(dir, 'FIXT.1.1:KAPITA:acct/1:C');
    for (let seq = 1; seq <= 5; seq++) store.save(seq, message(seq));
    store.setNextSenderSeq(6);
    store.setNextTargetSeq(42);
    store.close();
    const reopened = new FileFixStore(dir, 'FIXT.1.1:KAPITA:acct/1:C');
    expect([reopened.nextSenderSeq, reopened.nextTargetSeq]).toEqual([6, 42]);
    expect(seqsOf(reopened.range(2, 4))).toEqual([2, 3, 4]);
    expect(reopened.range(2, 4)[0]?.equals(message(2))).toBe(true);
    reopened.close();
    expect(existsSync(join(dir, `${storeFileName('FIXT.1.1:KAPITA:acct/1:C')}.seqnums`))).toBe(true);
    expect(storeFileName('a:b/c')).toBe('a_3ab_2fc');
  });

  it('recovers the next sender seq from the last stored message, and from the record after a jump', () => {
    const dir = tempDir();
    const key = 'FIXT.1.1:KAPITA:7:D';
    const store = new FileFixStore(dir, key);
    // The session's usual step: save seq n, then next sender seq n + 1 (the record is not rewritten).
    for (let seq = 1; seq <= 3; seq++) {
      store.save(seq, message(seq));
      store.setNextSenderSeq(seq + 1);
    }
    const record = readFileSync(join(dir, `${storeFileName(key)}.seqnums`), 'latin1');
    expect(record).toBe('0000000001 0000000001\n');
    store.close();
    const reopened = new FileFixStore(dir, key);
    expect(reopened.nextSenderSeq).toBe(4);
    // A jump that no stored message explains (a gap fill sent with its own seq) is written.
    reopened.setNextSenderSeq(10);
    reopened.close();
    const again = new FileFixStore(dir, key);
    expect(again.nextSenderSeq).toBe(10);
    again.close();
  });

  it('cuts off a torn last append', () => {
    const dir = tempDir();
    const store = new FileFixStore(dir, 's');
    store.save(1, message(1));
    store.save(2, message(2));
    store.close();
    const path = join(dir, 's.messages');
    const whole = statSync(path).size;
    appendFileSync(path, message(3).subarray(0, 20));
    const reopened = new FileFixStore(dir, 's');
    expect(seqsOf(reopened.range(1, 10))).toEqual([1, 2]);
    expect(statSync(path).size).toBe(whole);
    reopened.save(3, message(3));
    reopened.close();
    expect(seqsOf(new FileFixStore(dir, 's').range(1, 10))).toEqual([1, 2, 3]);
  });

  it('refuses a sequence number record it cannot read, rather than guess', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 's.seqnums'), 'garbage');
    expect(() => new FileFixStore(dir, 's')).toThrow(expect.objectContaining({ code: FixErrorCode.STORE_CORRUPT }));
  });

  it('resets to 1 and 1 with no messages, on disk too', () => {
    const dir = tempDir();
    const store = new FileFixStore(dir, 's', { fsync: true });
    store.save(1, message(1));
    store.setNextSenderSeq(2);
    store.reset();
    store.close();
    const reopened = new FileFixStore(dir, 's');
    expect([reopened.nextSenderSeq, reopened.nextTargetSeq, reopened.range(1, 100).length]).toEqual([1, 1, 0]);
    expect(readFileSync(join(dir, 's.messages')).length).toBe(0);
  });

  it('keeps only the newest messages in memory and compacts the file', () => {
    const dir = tempDir();
    const store = new FileFixStore(dir, 's', { maxMessages: 3 });
    for (let seq = 1; seq <= 13; seq++) store.save(seq, message(seq));
    expect(seqsOf(store.range(1, 100))).toEqual([11, 12, 13]);
    store.close();
    expect(seqsOf(new FileFixStore(dir, 's', { maxMessages: 3 }).range(1, 100))).toEqual([11, 12, 13]);
    expect(statSync(join(dir, 's.messages')).size).toBeLessThan(6 * message(1).length);
  });

  it('in memory: bounded, and a range walks whichever is smaller', () => {
    const store = new MemoryFixStore(100);
    for (let seq = 1; seq <= 150; seq++) store.save(seq, message(seq));
    expect(seqsOf(store.range(1, 55))).toEqual([51, 52, 53, 54, 55]);
    expect(seqsOf(store.range(148, 1_000_000_000))).toEqual([148, 149, 150]);
  });
});
