// The append-only file under the session store: one JSON line per change, written off the main
// thread. `append` only queues the line (microseconds); a background loop writes each batch with one
// write and one fsync on libuv's pool, and `flushed()` resolves once everything appended before it is
// on disk, so an answer can wait for durability without the main thread waiting for the disk. When
// the file passes its bound, the loop rewrites it whole from the store's state (`snapshot()`, taken
// in memory at that moment, which already holds every queued change), through a temporary file, a
// rename and an fsync of the directory.
import { close, closeSync, fsync, open, openSync, write } from 'node:fs';
import { open as openHandle, rename, writeFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { writePrivate } from '../security/files.js';

const writeAsync = promisify(write);
const fsyncAsync = promisify(fsync);
const openAsync = promisify(open);
const closeAsync = promisify(close);

export class SessionJournal {
  private pending: string[] = [];
  private waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private loop: Promise<void> | undefined;
  private fd: number;
  /** Lines in the file now, what compaction is triggered by. */
  private lines: number;
  private failure: Error | undefined;
  private closed = false;

  /** Writes `snapshot` (whole lines) as the file, durably, then appends after it. */
  constructor(
    private readonly path: string,
    snapshot: string[],
    private readonly bound: (lines: number) => boolean,
    private readonly snapshotNow: () => string[],
  ) {
    writePrivate(path, snapshot.join(''));
    this.lines = snapshot.length;
    this.fd = openSync(path, 'a', 0o600);
  }

  /** Queues one line (it must end in a newline); the background loop writes it. */
  append(line: string): void {
    if (this.failure !== undefined) throw new Error(`session journal ${this.path} failed: ${this.failure.message}`);
    if (this.closed) throw new Error(`session journal ${this.path} is closed`);
    if (!line.endsWith('\n') || line.indexOf('\n') !== line.length - 1) throw new Error('a session journal line must be one line ending in a newline');
    this.pending.push(line);
    this.schedule();
  }

  /** Resolves once every line appended before this call is fsynced. */
  flushed(): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.loop === undefined && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.schedule();
    });
  }

  /** Writes what is queued and closes the file. */
  async close(): Promise<void> {
    await this.flushed().catch(() => undefined);
    this.closed = true;
    closeSync(this.fd);
  }

  private schedule(): void {
    this.loop ??= this.run().finally(() => {
      this.loop = undefined;
      if (this.pending.length > 0 || this.waiters.length > 0) this.schedule();
    });
  }

  private async run(): Promise<void> {
    while (this.pending.length > 0 || this.waiters.length > 0) {
      const batch = this.pending.splice(0);
      const waiters = this.waiters.splice(0);
      try {
        if (batch.length > 0) await this.write(batch);
        for (const w of waiters) w.resolve();
      } catch (error) {
        // The disk refused: nothing later may pretend to be durable. Every waiter hears it.
        this.failure = error instanceof Error ? error : new Error(String(error));
        for (const w of [...waiters, ...this.waiters.splice(0)]) w.reject(this.failure);
        this.pending = [];
        return;
      }
    }
  }

  private async write(batch: string[]): Promise<void> {
    if (this.bound(this.lines + batch.length)) {
      await this.compact();
      return;
    }
    const bytes = Buffer.from(batch.join(''), 'utf8');
    // An append-mode fd: each write lands at the end, whole or (at a crash) as a torn last line,
    // which the reader drops.
    let written = 0;
    while (written < bytes.length) written += (await writeAsync(this.fd, bytes, written, bytes.length - written)).bytesWritten;
    await fsyncAsync(this.fd);
    this.lines += batch.length;
  }

  /** Replaces the file with the state now (which includes every queued line). */
  private async compact(): Promise<void> {
    const snapshot = this.snapshotNow();
    const tmp = `${this.path}.tmp`;
    await writeFile(tmp, snapshot.join(''), { mode: 0o600, flush: true });
    await rename(tmp, this.path);
    let dir: FileHandle | undefined;
    try {
      dir = await openHandle(dirname(this.path), 'r');
      await dir.sync();
    } finally {
      await dir?.close();
    }
    const old = this.fd;
    this.fd = await openAsync(this.path, 'a', 0o600);
    await closeAsync(old);
    this.lines = snapshot.length;
  }
}
