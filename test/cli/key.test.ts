// `kapita key create|list|rotate|revoke` as an operator runs it: the built CLI in its own process
// (dist/, as test/cli/start.test.ts runs it) against a real venue on TLS, sharing the venue's data
// directory so the CLI finds admin-key.json and tls/ca.pem there. What a key command did is checked
// by using the key: a created key gets a token and trades, a rotated key's old secret and tokens are
// refused, a revoked key is refused.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../src/auth/auth.js';
import { type Credentials, type Reply, RestClient } from '../../src/auth/client.js';
import { type RunningServer, startServer } from '../../src/server/server.js';
import { DEFAULT_CONFIG, type VenueConfig } from '../../src/server/venue-config.js';
import { ok, refusal } from '../support/replies.js';

const MAIN = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let server: RunningServer;
let dataDir: string;
let admin: RestClient;
let accountId: number;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kapita-key-'));
  const config: VenueConfig = {
    ...DEFAULT_CONFIG,
    server: { ...DEFAULT_CONFIG.server, host: '127.0.0.1', port: 0, tls: 'auto', plaintext: false },
    // Refused secrets are strikes against 127.0.0.1, which the CLI shares with the test.
    edge: { ...DEFAULT_CONFIG.edge, authFailuresBeforeBan: 1000 },
    fix: null,
  };
  server = await startServer({ dataDir, config, say: () => undefined });
  admin = new RestClient(server.url, JSON.parse(readFileSync(join(dataDir, 'admin-key.json'), 'utf8')) as Credentials, { ca: server.ca });
  accountId = (ok(await admin.call('POST', '/v1/admin/accounts', { name: 'alice', deposits: { USD: '1000000', BTC: '10' } }), 201) as { accountId: number }).accountId;
});

afterAll(async () => {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The CLI in its own process (async: the venue it talks to runs in this one), with the venue's data directory unless told. */
function kapita(...args: string[]): Promise<Run> {
  const venue = args.includes('--data') ? [] : ['--data', dataDir];
  const child = spawn(process.execPath, [MAIN, 'key', ...args, ...venue, '--url', server.url], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => {
      resolve({ status, stdout, stderr });
    });
  });
}

/** The JSON object a --json run printed on stdout, the run shown when it failed. */
function json(run: Run): Record<string, unknown> {
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

/** A token request signed with these credentials, answered or refused (not thrown). */
function tokenRequest(credentials: Credentials): Promise<Reply> {
  const timestamp = Date.now();
  const nonce = randomBytes(12).toString('hex');
  const body = { keyId: credentials.keyId, timestamp, nonce, signature: signRequest(credentials.secret, credentials.keyId, timestamp, nonce) };
  return new RestClient(server.url, undefined, { ca: server.ca }).call('POST', '/v1/auth/token', body, false);
}

function buy(client: RestClient): Promise<Reply> {
  return client.call('POST', '/v1/orders', { symbol: 'BTC-USD', side: 'buy', price: '1000.00', quantity: '1' });
}

describe('kapita key', () => {
  it('creates a key that trades, lists it without its secret, rotates it (old secret refused) and revokes it', async () => {
    const created = await kapita('create', '--account', String(accountId), '--name', 'bot-1', '--scope', 'read,trade');
    expect(created.status, created.stderr).toBe(0);
    const keyId = /^key +(\S+)$/m.exec(created.stdout)?.[1] ?? '';
    const secret = /^secret +(\S+)$/m.exec(created.stdout)?.[1] ?? '';
    expect(keyId).toMatch(/^k[A-Za-z0-9_-]+$/);
    expect(created.stdout).toContain('the secret is shown this once and never again');
    expect(created.stdout).toMatch(/^scopes +read,trade$/m);
    const first: Credentials = { keyId, secret };
    const trader = new RestClient(server.url, first, { ca: server.ca });
    expect((ok(await buy(trader), 201) as { status: string }).status).toBe('new');

    const listed = await kapita('list', '--account', String(accountId));
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^${keyId} +${accountId} +bot-1 +read,trade +any .* active$`, 'm'));
    expect(listed.stdout).not.toContain(secret);
    const listedJson = json(await kapita('list', '--json'));
    const keys = listedJson['keys'] as { keyId: string; accountId: number; secret?: string }[];
    expect(keys.map((k) => k.keyId)).toContain(keyId);
    expect(keys.some((k) => k.accountId === 0)).toBe(true);
    expect(keys.every((k) => k.secret === undefined)).toBe(true);

    const rotated = json(await kapita('rotate', keyId, '--json'));
    expect(rotated['keyId']).toBe(keyId);
    expect(typeof rotated['secret']).toBe('string');
    expect(rotated['secret']).not.toBe(secret);
    expect(refusal(await tokenRequest(first))).toEqual([401, 4006, 'BAD_SIGNATURE']);
    // The token the old secret signed for stops too.
    expect(refusal(await buy(trader))).toEqual([401, 4018, 'KEY_REVOKED']);
    const second: Credentials = { keyId, secret: rotated['secret'] as string };
    const renewed = new RestClient(server.url, second, { ca: server.ca });
    ok(await buy(renewed), 201);

    const revoked = await kapita('revoke', keyId);
    expect(revoked.status, revoked.stderr).toBe(0);
    expect(revoked.stdout).toMatch(/^status +revoked /m);
    expect(refusal(await tokenRequest(second))).toEqual([401, 4018, 'KEY_REVOKED']);
    expect(refusal(await buy(renewed))).toEqual([401, 4018, 'KEY_REVOKED']);
    expect((await kapita('list', '--account', String(accountId))).stdout).toMatch(new RegExp(`^${keyId} .* revoked \\S+$`, 'm'));
  });

  it('gives a key its IP allow-list: a token request from elsewhere is refused', async () => {
    const created = json(await kapita('create', '--account', String(accountId), '--ip', '10.0.0.0/8', '--ip', '192.168.1.1', '--json'));
    expect(created['ipAllowList']).toEqual(['10.0.0.0/8', '192.168.1.1']);
    expect(created['scopes']).toEqual(['read', 'trade']);
    expect(refusal(await tokenRequest({ keyId: created['keyId'] as string, secret: created['secret'] as string }))).toEqual([403, 4017, 'IP_NOT_ALLOWED']);
  });

  it('refuses bad input with exit 2 before any request: no key is made', async () => {
    const before = server.keys.list(undefined).length;
    const badScope = await kapita('create', '--account', String(accountId), '--scope', 'read,withdraw');
    expect(badScope.status).toBe(2);
    expect(badScope.stderr).toContain('--scope: unknown scope "withdraw"');
    const badIp = await kapita('create', '--account', String(accountId), '--ip', '10.0.0.0/40');
    expect(badIp.status).toBe(2);
    expect(badIp.stderr).toContain('bad prefix length');
    const noAccount = await kapita('create', '--name', 'x');
    expect(noAccount.status).toBe(2);
    expect(noAccount.stderr).toContain("required option '--account <id>' not specified");
    expect((await kapita('revoke', 'k/../../v1/admin')).status).toBe(2);
    expect(server.keys.list(undefined).length).toBe(before);
  });

  it('prints the venue\'s coded error on stderr with exit 1 for an unknown key, as text and as JSON', async () => {
    const text = await kapita('rotate', 'kAAAAAAAAAAAA');
    expect(text.status).toBe(1);
    expect(text.stdout).toBe('');
    expect(text.stderr).toContain('error 4007 UNKNOWN_KEY: no API key kAAAAAAAAAAAA');
    const asJson = await kapita('revoke', 'kAAAAAAAAAAAA', '--json');
    expect(asJson.status).toBe(1);
    expect(JSON.parse(asJson.stderr)).toEqual({ error: { code: 4007, name: 'UNKNOWN_KEY', message: 'no API key kAAAAAAAAAAAA' } });
    // A scope the venue knows but an account key may not carry: the venue's rule, the venue's error.
    const venueRule = await kapita('create', '--account', String(accountId), '--scope', 'admin');
    expect(venueRule.status).toBe(1);
    expect(venueRule.stderr).toMatch(/^error 1024 INVALID_REQUEST: .*not admin/m);
  });

  it('will not revoke the admin key it signs with unless forced', async () => {
    const adminKeyId = (JSON.parse(readFileSync(join(dataDir, 'admin-key.json'), 'utf8')) as Credentials).keyId;
    const refused = await kapita('revoke', adminKeyId);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('locks the operator out');
    expect(server.keys.get(adminKeyId)?.revokedAt).toBeUndefined();
  });

  it('rotating the admin key it signs with writes the new secret to admin-key.json, so the operator keeps access', async () => {
    const path = join(dataDir, 'admin-key.json');
    const before = JSON.parse(readFileSync(path, 'utf8')) as Credentials;
    const rotated = await kapita('rotate', before.keyId);
    expect(rotated.status, rotated.stderr).toBe(0);
    expect(rotated.stderr).toContain('now holds the new secret');
    const after = JSON.parse(readFileSync(path, 'utf8')) as Credentials;
    expect(after.keyId).toBe(before.keyId);
    expect(after.secret).not.toBe(before.secret);
    expect(rotated.stdout).toContain(after.secret);
    expect(refusal(await tokenRequest(before))).toEqual([401, 4006, 'BAD_SIGNATURE']);
    expect((await kapita('list')).status).toBe(0);
    // A copy of the file from before the rotation: the venue's refusal of the admin key, coded, exit 1.
    const stale = mkdtempSync(join(tmpdir(), 'kapita-key-stale-'));
    try {
      writeFileSync(join(stale, 'admin-key.json'), JSON.stringify(before));
      const refused = await kapita('list', '--data', stale, '--ca', join(dataDir, 'tls', 'ca.pem'));
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('error 4006 BAD_SIGNATURE');
    } finally {
      rmSync(stale, { recursive: true, force: true });
    }
  });
});
