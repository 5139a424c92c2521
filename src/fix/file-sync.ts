// Group commit for the FIX gateway's files (session stores and the order log) under the fsync
// policy. A file written in a turn of the event loop is marked dirty; a connection flushes the
// group before it uncorks its socket (src/fix/acceptor.ts corks every write until the end of the
// turn), so nothing a client is sent leaves before the sequence numbers, messages and order records
// behind it are on disk. One fdatasync per dirty file per turn, however many messages the turn
// wrote: the reports of one command to many sessions cost one sync per session store, not one per
// message. A turn that sends nothing (a Heartbeat received) is flushed on setImmediate.
//
// A failed fdatasync throws out of flush() and is not retried: after a failed sync the kernel may
// have dropped the dirty pages, so a retry can report success for data that is gone (PostgreSQL's
// "fsyncgate"). The error reaches the event loop and the process stops, loudly.
import { fdatasyncSync } from 'node:fs';
import { syncDirectory } from '../journal/sync-directory.js';

/** Makes a file's data durable (fdatasync by default; tests pass a recording one). */
export type FileSync = (fd: number) => void;

export class FileSyncGroup {
  private readonly dirty = new Set<number>();
  private scheduled = false;
  private syncs = 0;

  constructor(private readonly syncFile: FileSync = fdatasyncSync) {}

  /** fdatasyncs (and directory fsyncs) done so far: what tests and metrics can see of the policy. */
  get syncCount(): number {
    return this.syncs;
  }

  /** Files written since the last flush. */
  get dirtyCount(): number {
    return this.dirty.size;
  }

  /** `fd` was written: it is synced at the next flush, at the latest once this turn's I/O is done. */
  mark(fd: number): void {
    this.dirty.add(fd);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  /** Syncs every dirty file. Called before anything leaves for a client. */
  flush(): void {
    for (const fd of this.dirty) {
      this.syncFile(fd);
      this.syncs++;
      // Deleted one by one: if a sync throws, the files not yet synced stay dirty.
      this.dirty.delete(fd);
    }
  }

  /** Syncs `fd` now (rare steps whose order matters, such as a store reset). */
  syncNow(fd: number): void {
    this.dirty.delete(fd);
    this.syncFile(fd);
    this.syncs++;
  }

  /** Before `fd` is closed: synced if dirty, then forgotten (its number may come back for another file). */
  release(fd: number): void {
    if (this.dirty.has(fd)) this.syncNow(fd);
  }

  /** `fd` is closed without a sync because its content was superseded by a file already synced. */
  forget(fd: number): void {
    this.dirty.delete(fd);
  }

  /** fsync of a directory: makes a file created or renamed in it durable under its name. */
  syncDirectory(path: string): void {
    syncDirectory(path);
    this.syncs++;
  }
}

