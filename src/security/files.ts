// Secrets on disk: written whole to a temporary file with mode 0600, flushed, then renamed over the
// old one, so a crash leaves either the old file or the new one and never a file others can read.
import { renameSync, writeFileSync } from 'node:fs';

export function writePrivate(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text, { mode: 0o600, flush: true });
  renameSync(`${path}.tmp`, path);
}
