// `kapita start` as an operator runs it: the real command in its own process (dist/, which
// `npm test` builds first). The durability flag is checked, named in the start-up line, and a
// SIGINT stops the venue cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kapita-start-'));
  dirs.push(dir);
  return dir;
}

describe('kapita start --durability', () => {
  it('refuses a policy it does not know, with exit code 2 and the flag named', () => {
    const run = spawnSync(process.execPath, [MAIN, 'start', '--durability', 'sometimes', '--data', dataDir(), '--port', '0', '--fix-port', 'off'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--durability must be fsync or write, got "sometimes"');
  });

  it('runs under write when asked, says what a power loss can cost in its start-up line, and stops cleanly on SIGINT', async () => {
    const child = spawn(process.execPath, [MAIN, 'start', '--durability', 'write', '--data', dataDir(), '--port', '0', '--fix-port', 'off'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const listening = new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const line = out.split('\n').find((l) => l.startsWith('kapita listening on '));
        if (line !== undefined) resolve(line);
      });
      child.once('exit', (code) => {
        reject(new Error(`kapita start exited (${String(code)}) before listening: ${out}`));
      });
    });
    const line = await listening;
    expect(line).toMatch(/durability write: acknowledged orders survive a process crash, but a power loss can lose them/);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).toContain('stopped cleanly');
  });
});
