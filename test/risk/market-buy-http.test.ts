// A market buy by base quantity over REST, as Binance- and Kraken-style clients send it (no
// maxNotional): a real server, a seller's ask, a buyer who can pay for it and one who cannot. The
// gate's boundaries are in market-buy.test.ts; this checks the path from the request to the hold.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RestClient } from '../../src/auth/client.js';
import { type RunningServer, startServer } from '../../src/server/server.js';
import { DEFAULT_CONFIG, type VenueConfig } from '../../src/server/venue-config.js';

const CONFIG: VenueConfig = { ...DEFAULT_CONFIG, capacity: { maxOrders: 2000, maxLevels: 500 }, server: { ...DEFAULT_CONFIG.server, host: '127.0.0.1', port: 0, plaintext: true }, fix: null };

const dirs: string[] = [];
const servers: RunningServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function account(admin: RestClient, name: string, deposits: Record<string, string>): Promise<RestClient> {
  const reply = await admin.call('POST', '/v1/admin/accounts', { name, deposits });
  expect(reply.status).toBe(201);
  return new RestClient(admin.baseUrl, reply.body as { keyId: string; secret: string });
}

async function usd(client: RestClient): Promise<{ total: string; held: string } | undefined> {
  const state = (await client.call('GET', '/v1/account')).body as { balances: { asset: string; total: string; held: string }[] };
  const b = state.balances.find((x) => x.asset === 'USD');
  return b === undefined ? undefined : { total: b.total, held: b.held };
}

describe('a market buy by quantity over REST', () => {
  it('fills against the book when the buyer can pay for it, and is refused 422 INSUFFICIENT_BALANCE when not', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kapita-market-buy-'));
    dirs.push(dataDir);
    const server = await startServer({ dataDir, config: CONFIG, say: () => undefined });
    servers.push(server);
    const admin = new RestClient(server.url, JSON.parse(readFileSync(join(dataDir, 'admin-key.json'), 'utf8')) as { keyId: string; secret: string });
    const seller = await account(admin, 'seller', { BTC: '1' });
    const buyer = await account(admin, 'buyer', { USD: '100000' });
    const poor = await account(admin, 'poor', { USD: '100' });
    expect((await seller.call('POST', '/v1/orders', { symbol: 'BTC-USD', side: 'sell', price: '65000', quantity: '0.5' })).status).toBe(201);

    const refused = await poor.call('POST', '/v1/orders', { symbol: 'BTC-USD', side: 'buy', type: 'market', quantity: '0.01' });
    expect([refused.status, (refused.body as { error: { name: string } }).error.name]).toEqual([422, 'INSUFFICIENT_BALANCE']);
    expect((await usd(poor))?.held).toBe('0.000000');

    const filled = await buyer.call('POST', '/v1/orders', { symbol: 'BTC-USD', side: 'buy', type: 'market', quantity: '0.4' });
    expect(filled.status).toBe(201);
    expect(filled.body).toMatchObject({ status: 'filled', filledQuantity: '0.4000', fills: [{ price: '65000.00', quantity: '0.4000', liquidity: 'taker' }] });
    // 0.4 × 65,000 = 26,000 plus the default 5 bps taker fee (13); the rest of the hold is back.
    expect(await usd(buyer)).toEqual({ total: '73987.000000', held: '0.000000' });
  });
});
