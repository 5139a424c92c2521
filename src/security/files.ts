// Secrets on disk: written whole to a temporary file with mode 0600, flushed, then renamed over the
// old one, so a crash leaves either the old file or the new one and never a file others can read.
// The rename is only durable once the directory itself is fsynced (POSIX: a rename changes the
// directory, not the file; ext4 and xfs may lose it at a power cut otherwise), so every rename is
// followed by an fsync of its directory before the write counts as done.
import * as nodeFs from 'node:fs';
import { dirname } from 'node:path';
import { syncDirectory } from '../journal/sync-directory.js';

/** The calls writePrivate makes, injectable so a test can see that none is skipped. */
export type PrivateFileSystem = Pick<typeof nodeFs, 'writeFileSync' | 'renameSync' | 'openSync' | 'fsyncSync' | 'closeSync'>;

export function writePrivate(path: string, text: string, fs: PrivateFileSystem = nodeFs): void {
  fs.writeFileSync(`${path}.tmp`, text, { mode: 0o600, flush: true });
  fs.renameSync(`${path}.tmp`, path);
  syncDirectory(dirname(path), fs);
}


