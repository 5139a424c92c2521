// What a FIX session must remember across reconnects and restarts: the next sequence number in
// each direction, and the messages it sent (to answer a ResendRequest). Two implementations behind
// one interface: in memory (tests, sessions that reset at every logon) and on disk.
//
// On disk, per session, in the directory the embedding gives:
//   <key>.seqnums   "SSSSSSSSSS TTTTTTTTTT\n" — next sender and target seq, rewritten in place at
//                   offset 0 (22 bytes, one write; never torn on a real file system). The sender
//                   seq that follows a stored message is not rewritten: at open, the next sender
//                   seq is the larger of the record's and the last stored message's + 1.
//   <key>.messages  the sent messages, appended exactly as sent. Each is a FIX frame with its own
//                   BodyLength and CheckSum, so reading back needs no framing of our own, and a
//                   torn last append is recognised and cut off.
// fsync is optional (off: survives a process crash, not a power cut). On, each write is synced at
// once, or, given a FileSyncGroup, marked dirty and synced by the group before the connection sends
// anything (one fdatasync per file per turn); a new file or a rename also fsyncs the directory, so
// the file is found under its name after a power loss. Memory holds
// at most `maxMessages` of the newest messages; older ones are answered by a gap fill. The file is
// rewritten down to those when it holds four times as many.
import { closeSync, existsSync, fdatasyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseMessage } from './codec.js';
import { FixError, FixErrorCode } from './errors.js';
import type { FileSyncGroup } from './file-sync.js';
import { syncDirectory } from '../journal/sync-directory.js';

export interface FixSessionStore {
  readonly nextSenderSeq: number;
  readonly nextTargetSeq: number;
  setNextSenderSeq(seq: number): void;
  setNextTargetSeq(seq: number): void;
  /** Keeps a sent message (its MsgSeqNum is `seq`, increasing) for resending. */
  save(seq: number, message: Buffer): void;
  /** The kept messages with begin ≤ seq ≤ end, in ascending order. */
  range(begin: number, end: number): Buffer[];
  /** Both sequence numbers back to 1, no messages kept. */
  reset(): void;
  close(): void;
}

export type FixStoreFactory = (sessionKey: string) => FixSessionStore;

export const DEFAULT_MAX_STORED_MESSAGES = 100_000;

export class MemoryFixStore implements FixSessionStore {
  protected readonly messages = new Map<number, Buffer>();
  protected sender = 1;
  protected target = 1;

  constructor(readonly maxMessages = DEFAULT_MAX_STORED_MESSAGES) {}

  get nextSenderSeq(): number {
    return this.sender;
  }

  get nextTargetSeq(): number {
    return this.target;
  }

  setNextSenderSeq(seq: number): void {
    this.sender = seq;
  }

  setNextTargetSeq(seq: number): void {
    this.target = seq;
  }

  save(seq: number, message: Buffer): void {
    this.messages.set(seq, message);
    if (this.messages.size > this.maxMessages) {
      const oldest = this.messages.keys().next();
      if (oldest.done !== true) this.messages.delete(oldest.value);
    }
  }

  range(begin: number, end: number): Buffer[] {
    const out: Buffer[] = [];
    // Seqs are dense and increasing, so walk the smaller of the two: the requested range or the map.
    if (end - begin < this.messages.size) {
      for (let seq = begin; seq <= end; seq++) {
        const message = this.messages.get(seq);
        if (message !== undefined) out.push(message);
      }
    } else {
      for (const [seq, message] of this.messages) if (seq >= begin && seq <= end) out.push(message);
    }
    return out;
  }

  reset(): void {
    this.messages.clear();
    this.sender = 1;
    this.target = 1;
  }

  close(): void {
    this.messages.clear();
  }
}

export function memoryStoreFactory(maxMessages = DEFAULT_MAX_STORED_MESSAGES): FixStoreFactory {
  return () => new MemoryFixStore(maxMessages);
}

/** A session key as a file name: letters, digits, '.', '-' kept; anything else as _XX. */
export function storeFileName(sessionKey: string): string {
  return sessionKey.replace(/[^A-Za-z0-9.-]/g, (c) => `_${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

const SEQNUM_RECORD_BYTES = 22;

function seqnumRecord(sender: number, target: number): string {
  return `${String(sender).padStart(10, '0')} ${String(target).padStart(10, '0')}\n`;
}

/** The frames of a messages file and the byte length of its readable prefix. */
function readFrames(bytes: Buffer): { frames: [number, Buffer][]; goodBytes: number } {
  const frames: [number, Buffer][] = [];
  let at = 0;
  while (at < bytes.length) {
    const afterBegin = bytes.indexOf(1, at);
    if (afterBegin < 0 || bytes[afterBegin + 1] !== 57 || bytes[afterBegin + 2] !== 61) break;
    const afterLength = bytes.indexOf(1, afterBegin + 3);
    if (afterLength < 0) break;
    const length = Number(bytes.toString('latin1', afterBegin + 3, afterLength));
    const end = afterLength + 1 + length + 7; // "10=ddd<SOH>": the encoder always writes three digits
    if (!Number.isSafeInteger(length) || end > bytes.length) break;
    const frame = bytes.subarray(at, end);
    const message = parseMessage(frame);
    if (typeof message === 'number') break;
    frames.push([message.msgSeqNum, frame]);
    at = end;
  }
  return { frames, goodBytes: at };
}

export interface FileStoreOptions {
  /** Every write made durable before a message that depends on it is sent (default false). */
  readonly fsync?: boolean;
  readonly maxMessages?: number;
  /** With fsync: syncs grouped per turn, flushed by the connection before it sends; absent = each write synced at once. */
  readonly syncGroup?: FileSyncGroup;
}

export class FileFixStore extends MemoryFixStore {
  private readonly seqnumPath: string;
  private readonly messagesPath: string;
  private seqnumFd: number;
  private messagesFd: number;
  private messagesInFile = 0;
  /** The seq of the last message appended to the messages file (0: none). */
  private lastSavedSeq = 0;
  private readonly fsync: boolean;
  private readonly group: FileSyncGroup | undefined;

  constructor(
    private readonly dir: string,
    sessionKey: string,
    options: FileStoreOptions = {},
  ) {
    super(options.maxMessages ?? DEFAULT_MAX_STORED_MESSAGES);
    this.fsync = options.fsync ?? false;
    this.group = this.fsync ? options.syncGroup : undefined;
    mkdirSync(dir, { recursive: true });
    const base = join(dir, storeFileName(sessionKey));
    this.seqnumPath = `${base}.seqnums`;
    this.messagesPath = `${base}.messages`;
    const created = !existsSync(this.seqnumPath) || !existsSync(this.messagesPath);
    if (existsSync(this.seqnumPath)) {
      const text = readFileSync(this.seqnumPath, 'latin1');
      const match = /^(\d{10}) (\d{10})\n$/.exec(text);
      // A wrong expected target seq would make us accept a counterparty's old messages again (or
      // refuse all new ones): an operator decides, the store does not guess.
      if (match === null) throw new FixError(FixErrorCode.STORE_CORRUPT, `${this.seqnumPath} is not a sequence number record`);
      this.sender = Number(match[1]);
      this.target = Number(match[2]);
    }
    if (existsSync(this.messagesPath)) {
      const bytes = readFileSync(this.messagesPath);
      const { frames, goodBytes } = readFrames(bytes);
      for (const [seq, frame] of frames) super.save(seq, Buffer.from(frame));
      this.messagesInFile = frames.length;
      // The record is not rewritten after each save (see setNextSenderSeq): the last message stored
      // says how far the sender got.
      const last = frames.at(-1);
      if (last !== undefined) this.sender = Math.max(this.sender, last[0] + 1);
      this.lastSavedSeq = last?.[0] ?? 0;
      if (goodBytes < bytes.length) writeFileSync(this.messagesPath, bytes.subarray(0, goodBytes), { flush: this.fsync });
    }
    this.seqnumFd = openSync(this.seqnumPath, existsSync(this.seqnumPath) ? 'r+' : 'w+');
    this.messagesFd = openSync(this.messagesPath, 'a');
    if (this.fsync && created) this.syncDir();
    this.writeSeqnums();
  }

  /**
   * After a save of seq − 1 the messages file already records this (it is read back at open), so
   * the usual step costs one write per message sent instead of two. Any other change is written.
   */
  override setNextSenderSeq(seq: number): void {
    super.setNextSenderSeq(seq);
    if (seq !== this.lastSavedSeq + 1) this.writeSeqnums();
  }

  override setNextTargetSeq(seq: number): void {
    super.setNextTargetSeq(seq);
    this.writeSeqnums();
  }

  override save(seq: number, message: Buffer): void {
    super.save(seq, message);
    writeSync(this.messagesFd, message);
    this.lastSavedSeq = seq;
    this.written(this.messagesFd);
    this.messagesInFile++;
    if (this.messagesInFile > 4 * this.maxMessages) this.compact();
  }

  override reset(): void {
    super.reset();
    // The record first: a crash between the two leaves 1/1 beside the old messages, from which the
    // next open takes the higher sender seq (never one already used); the other order could leave
    // an old record beside an empty file and reuse sequence numbers.
    // Under fsync the record is synced before the truncation can reach the disk, for the same reason.
    this.lastSavedSeq = 0;
    this.writeSeqnums();
    if (this.fsync) this.syncNow(this.seqnumFd);
    ftruncateSync(this.messagesFd, 0);
    this.written(this.messagesFd);
    this.messagesInFile = 0;
  }

  override close(): void {
    super.close();
    this.group?.release(this.seqnumFd);
    this.group?.release(this.messagesFd);
    closeSync(this.seqnumFd);
    closeSync(this.messagesFd);
  }

  private writeSeqnums(): void {
    const record = seqnumRecord(this.sender, this.target);
    if (record.length !== SEQNUM_RECORD_BYTES) throw new FixError(FixErrorCode.STORE_CORRUPT, `sequence number beyond 10 digits`);
    writeSync(this.seqnumFd, record, 0, 'latin1');
    this.written(this.seqnumFd);
  }

  /** After a write to `fd`: under fsync, synced now or marked for the group's next flush. */
  private written(fd: number): void {
    if (!this.fsync) return;
    if (this.group === undefined) fdatasyncSync(fd);
    else this.group.mark(fd);
  }

  private syncNow(fd: number): void {
    if (this.group === undefined) fdatasyncSync(fd);
    else this.group.syncNow(fd);
  }

  private syncDir(): void {
    if (this.group === undefined) syncDirectory(this.dir);
    else this.group.syncDirectory(this.dir);
  }

  /** Rewrites the messages file with only the messages still kept in memory. */
  private compact(): void {
    const temporary = `${this.messagesPath}.tmp`;
    writeFileSync(temporary, Buffer.concat([...this.messages.values()]), { flush: this.fsync });
    // The new file holds every kept message, the one just saved too: the old one needs no sync.
    this.group?.forget(this.messagesFd);
    closeSync(this.messagesFd);
    renameSync(temporary, this.messagesPath);
    if (this.fsync) this.syncDir();
    this.messagesFd = openSync(this.messagesPath, 'a');
    this.messagesInFile = this.messages.size;
  }
}

export function fileStoreFactory(dir: string, options: FileStoreOptions = {}): FixStoreFactory {
  return (sessionKey) => new FileFixStore(dir, sessionKey, options);
}
