// The one fsync of a directory: after a file is created in it or renamed into it, the entry itself
// is durable only once the directory is fsynced (POSIX: a rename changes the directory, not the
// file; ext4 and xfs may lose it at a power cut otherwise). The journal, snapshots, the FIX stores
// and the venue's key, user and session files all use this one.
import * as nodeFs from 'node:fs';

/** The calls it makes, injectable so a test can see that none is skipped. */
export type DirectorySyncFs = Pick<typeof nodeFs, 'openSync' | 'fsyncSync' | 'closeSync'>;

export function syncDirectory(directory: string, fs: DirectorySyncFs = nodeFs): void {
  const fd = fs.openSync(directory, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
