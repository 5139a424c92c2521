// What the edge answers where it used to cut or crash (issue 13): an over-limit body gets 413 with
// the venue's code before the connection closes; /metrics is for staff (or a loopback port of its
// own); a replica that throws fails the venue (health "failed", 9002 answers) instead of killing
// the process with requests in flight. Over TLS, with the real server.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Credentials, type Reply, RestClient } from '../../src/auth/client.js';
import { type RunningServer, startServer } from '../../src/server/server.js';
import { DEFAULT_CONFIG, type VenueConfig } from '../../src/server/venue-config.js';

const dirs: string[] = [];
const servers: RunningServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Venue {
  readonly server: RunningServer;
  readonly ca: string;
  readonly admin: RestClient;
}

async function startVenue(server: Partial<VenueConfig['server']> = {}): Promise<Venue> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kapita-edge-answers-'));
  dirs.push(dataDir);
  const config: VenueConfig = { ...DEFAULT_CONFIG, capacity: { maxOrders: 2000, maxLevels: 500 }, snapshotIntervalMs: 50, server: { ...DEFAULT_CONFIG.server, port: 0, tls: 'auto', plaintext: false, ...server }, fix: null };
  const running = await startServer({ dataDir, config, say: () => undefined });
  servers.push(running);
  const ca = running.ca ?? '';
  return { server: running, ca, admin: new RestClient(running.url, JSON.parse(readFileSync(join(dataDir, 'admin-key.json'), 'utf8')) as Credentials, { ca }) };
}

function codeOf(reply: Reply): [number, number | undefined] {
  return [reply.status, (reply.body as { error?: { code?: number } } | undefined)?.error?.code];
}

/** POSTs `bytes` bytes of JSON-ish body over HTTPS and resolves with the answer, or rejects with the socket error. */
function postLarge(v: Venue, bytes: number): Promise<{ status: number; body: string; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const url = new URL('/v1/auth/token', v.server.url);
    const req = httpsRequest(url, { method: 'POST', ca: v.ca, headers: { 'content-type': 'application/json', 'content-length': String(bytes) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), connection: res.headers.connection });
      });
    });
    req.on('error', reject);
    // The whole body, as a client that does not wait for an early answer sends it.
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = (): void => {
      while (sent < bytes) {
        const n = Math.min(chunk.length, bytes - sent);
        sent += n;
        if (!req.write(chunk.subarray(0, n))) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

describe('the edge answers instead of cutting', () => {
  it('answers a 5 MB body with 413 REQUEST_TOO_LARGE naming the 64 KiB limit, and the server goes on serving', async () => {
    const v = await startVenue();
    const answer = await postLarge(v, 5 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 1025, name: 'REQUEST_TOO_LARGE' } });
    expect(answer.body).toMatch(/64 KiB/);
    // Just over the limit too, and an honest request still works afterwards.
    expect((await postLarge(v, 64 * 1024 + 1)).status).toBe(413);
    expect((await v.admin.call('GET', '/v1/account')).status).toBe(403);
  });
});

describe('metrics are for staff', () => {
  it('refuses /metrics without a token and to an account key, serves it to a risk or admin key', async () => {
    const v = await startVenue();
    const trader = (await v.admin.call('POST', '/v1/admin/accounts', { name: 't', deposits: {} })).body as Credentials;
    const anonymous = new RestClient(v.server.url, undefined, { ca: v.ca });
    expect(codeOf(await anonymous.call('GET', '/metrics', undefined, false))).toEqual([401, 4001]);
    expect(codeOf(await new RestClient(v.server.url, trader, { ca: v.ca }).call('GET', '/metrics'))).toEqual([403, 4003]);
    const risk = (await v.admin.call('POST', '/v1/keys', { name: 'ops', accountId: 0, scopes: ['read', 'risk'] })).body as Credentials;
    const reply = await new RestClient(v.server.url, risk, { ca: v.ca }).call('GET', '/metrics');
    expect(reply.status).toBe(200);
    expect(String(reply.body)).toMatch(/^# HELP kapita_commands_total /m);
    expect(v.server.metricsPort).toBeUndefined();
  });

  it('serves /metrics without a token on the loopback metrics port when configured, and nothing else there', async () => {
    const v = await startVenue({ metricsPort: 0 });
    const port = v.server.metricsPort ?? 0;
    expect(port).toBeGreaterThan(0);
    const get = (path: string): Promise<{ status: number; body: string }> =>
      new Promise((resolve, reject) => {
        httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
          });
        })
          .on('error', reject)
          .end();
      });
    const metrics = await get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toMatch(/^kapita_process_/m);
    expect((await get('/v1/account')).status).toBe(404);
    // The listener's own /metrics still wants a token.
    expect(codeOf(await new RestClient(v.server.url, undefined, { ca: v.ca }).call('GET', '/metrics', undefined, false))).toEqual([401, 4001]);
  });
});

describe('a replica that throws', () => {
  it('fails the venue (health failed, 9002 UNAVAILABLE) and keeps the process serving', async () => {
    const v = await startVenue();
    const trader = (await v.admin.call('POST', '/v1/admin/accounts', { name: 't', deposits: { USD: '1000' } })).body as Credentials;
    const client = new RestClient(v.server.url, trader, { ca: v.ca });
    // A bug in the replica, simulated: its next apply throws, after the core made the command durable.
    const replica = v.server.venue.replica;
    const apply = replica.apply.bind(replica);
    let thrown = 0;
    replica.apply = (...args: Parameters<typeof apply>) => {
      if (thrown++ === 0) throw new Error('replica bug');
      return apply(...args);
    };
    const first = await client.call('POST', '/v1/orders', { symbol: 'BTC-USD', side: 'buy', price: '100.00', quantity: '1' });
    expect(first.status).toBe(500);
    expect(thrown).toBe(1);
    expect(v.server.venue.error?.message).toMatch(/replica failed to apply seq \d+: replica bug/);
    expect((await client.call('GET', '/v1/health', undefined, false)).body).toMatchObject({ status: 'failed' });
    expect(codeOf(await client.call('POST', '/v1/orders', { symbol: 'BTC-USD', side: 'buy', price: '100.00', quantity: '1' }))).toEqual([503, 9002]);
  });
});

describe('lookups by client input', () => {
  it('refuses inherited names ("constructor", "__proto__", "toString") with the field\'s own code, not a 500', async () => {
    const v = await startVenue();
    const trader = new RestClient(v.server.url, (await v.admin.call('POST', '/v1/admin/accounts', { name: 't', deposits: { USD: '1000' } })).body as Credentials, { ca: v.ca });
    const order = { symbol: 'BTC-USD', side: 'buy', price: '100.00', quantity: '1' };
    expect(codeOf(await trader.call('POST', '/v1/orders', { ...order, type: 'constructor' }))).toEqual([400, 1003]);
    expect(codeOf(await trader.call('POST', '/v1/orders', { ...order, timeInForce: '__proto__' }))).toEqual([400, 1004]);
    expect(codeOf(await trader.call('POST', '/v1/orders', { ...order, selfTradePrevention: 'toString' }))).toEqual([400, 1014]);
    expect(codeOf(await trader.call('GET', '/v1/candles/BTC-USD?interval=constructor', undefined, false))).toEqual([400, 1024]);
    expect((await trader.call('GET', '/v1/orders')).body).toEqual([]);
  });
});
