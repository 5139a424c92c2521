// The README's "Client SDK" example, run as a new user runs it: the ```ts block under "## Client SDK"
// is taken from README.md as written, its placeholders (venue URL, CA path, key id, secret) are
// replaced by plain string replacement with those of a real venue started here (TLS, port 0), and it
// is written as an .mjs file inside the repository (under dist/, so `@kapita/sdk` resolves through
// node_modules to the built workspace package) and run with `node`. It fails if the README's example
// stops running as shown: a wrong import, code that is not JavaScript, an SDK call that changed.
// Needs the build (`npm run build`, which builds sdk/dist too), as `npm test` does first.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { RestClient } from '../../src/auth/client.js';
import { type RunningServer, startServer } from '../../src/server/server.js';
import { DEFAULT_CONFIG, type VenueConfig } from '../../src/server/venue-config.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG: VenueConfig = { ...DEFAULT_CONFIG, capacity: { maxOrders: 2000, maxLevels: 500 }, server: { ...DEFAULT_CONFIG.server, host: '127.0.0.1', port: 0, plaintext: false }, fix: null };
/** A guard against a hung example, not a timing assertion: the run is killed and the test fails with its output. */
const RUN_LIMIT_MS = 120_000;

const dirs: string[] = [];
const servers: RunningServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The first ```ts block of the README's "## Client SDK" section. */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = /^## Client SDK\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1];
  expect(section, 'README.md has a "## Client SDK" section').toBeDefined();
  const code = /^```ts\n([\s\S]*?)^```/m.exec(section ?? '')?.[1];
  expect(code, 'the "## Client SDK" section has a ```ts block').toBeDefined();
  return code ?? '';
}

/** Plain string replacement of each placeholder, which must be in the code (else the README changed and this test must follow). */
function substitute(code: string, replacements: ReadonlyArray<readonly [string, string]>): string {
  let out = code;
  for (const [placeholder, value] of replacements) {
    expect(out, `the example contains ${placeholder}`).toContain(placeholder);
    out = out.split(placeholder).join(value);
  }
  return out;
}

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runNode(file: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const guard = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

async function venueWithTrader(): Promise<{ server: RunningServer; caFile: string; keyId: string; secret: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kapita-readme-'));
  dirs.push(dataDir);
  const server = await startServer({ dataDir, config: CONFIG, say: () => undefined });
  servers.push(server);
  expect(server.url.startsWith('https://')).toBe(true);
  const ca = server.ca ?? '';
  const caFile = join(dataDir, 'client-ca.pem');
  writeFileSync(caFile, ca);
  const adminKey = JSON.parse(readFileSync(join(dataDir, 'admin-key.json'), 'utf8')) as { keyId: string; secret: string };
  const admin = new RestClient(server.url, adminKey, { ca });
  const reply = await admin.call('POST', '/v1/admin/accounts', { name: 'alice', deposits: { USD: '100000' } });
  expect(reply.status).toBe(201);
  const { keyId, secret } = reply.body as { keyId: string; secret: string };
  return { server, caFile, keyId, secret };
}

it("runs the README's Client SDK example as written (imports @kapita/sdk) against a real venue", async () => {
  const { server, caFile, keyId, secret } = await venueWithTrader();
  const code = substitute(readmeExample(), [
    ['https://127.0.0.1:8443', server.url],
    ['data/tls/ca.pem', caFile],
    ['KEY_ID', keyId],
    ['SECRET', secret],
  ]);
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'dist', 'readme-example-'));
  dirs.push(dir);
  const file = join(dir, 'example.mjs');
  writeFileSync(file, code);

  const run = await runNode(file);
  const output = `exit ${String(run.code)} ${String(run.signal)}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`;
  expect(run.code, output).toBe(0);
  const lines = run.stdout.trimEnd().split('\n');
  // Reports of the place and the amend are queued to the connection before the cancel's answer, so
  // they are printed before the example ends; the cancel's own report may come after it closes.
  const accepted = lines.find((line) => /^new \d+ new /.test(line));
  expect(accepted, output).toBeDefined();
  const orderId = (accepted ?? '').split(' ')[1] ?? '';
  expect(lines.some((line) => line.startsWith(`amended ${orderId} `)), output).toBe(true);
  // Last: book.bids(5), book.asks(5), book.gapsRecovered (console.log of two arrays and a number).
  expect(lines.at(-1), output).toMatch(/^\[.*\] \[.*\] \d+$/);
});
