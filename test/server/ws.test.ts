// The WebSocket API end to end over real sockets: protobuf binary and JSON text frames, authentication
// and its expiry, order entry with execution reports, L2 snapshot + updates whose seqs chain and
// rebuild the REST book, trades and L1, and bad frames answered without closing the connection.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { decodeEnvelope, type Envelope, type EnvelopeInput, encodeEnvelope, envelopeFromJson, envelopeToJson, pb } from '../../src/protocol/wire.js';
import { RestClient } from '../../src/auth/client.js';
import { type RunningServer, startServer } from '../../src/server/server.js';
import { DEFAULT_CONFIG, type VenueConfig } from '../../src/server/venue-config.js';
import { BAD_FRAMES_CLOSE, TOKEN_EXPIRED_CLOSE } from '../../src/gateway/ws/ws-gateway.js';

const CONFIG: VenueConfig = { ...DEFAULT_CONFIG, capacity: { maxOrders: 2000, maxLevels: 500 }, snapshotIntervalMs: 50, server: { ...DEFAULT_CONFIG.server, host: '127.0.0.1', port: 0, plaintext: true }, fix: null };
const dirs: string[] = [];
const servers: RunningServer[] = [];
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  for (const server of servers.splice(0)) await server.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

class Client {
  readonly received: Envelope[] = [];
  closed: { code: number; reason: string } | undefined;
  private waiters: (() => void)[] = [];
  private nextRequest = 1;

  private constructor(
    readonly socket: WebSocket,
    readonly format: 'binary' | 'json',
  ) {
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      this.received.push(isBinary ? decodeEnvelope(data) : envelopeFromJson(data.toString('utf8')));
      for (const wake of this.waiters.splice(0)) wake();
    });
    socket.on('close', (code: number, reason: Buffer) => {
      this.closed = { code, reason: reason.toString() };
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async open(url: string, format: 'binary' | 'json'): Promise<Client> {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/v1/ws`);
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => {
        resolve();
      });
      socket.once('error', reject);
    });
    return new Client(socket, format);
  }

  send(message: Omit<EnvelopeInput, 'requestId'>): number {
    const requestId = this.nextRequest++;
    const envelope = { requestId, ...message };
    this.socket.send(this.format === 'binary' ? encodeEnvelope(envelope) : envelopeToJson(envelope), { binary: this.format === 'binary' });
    return requestId;
  }

  /** The first received message (from `from` on) that matches, waiting up to 5 s. */
  async next(match: (e: Envelope) => boolean, from = 0): Promise<Envelope> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = this.received.slice(from).find(match);
      if (found !== undefined) return found;
      if (this.closed !== undefined) throw new Error(`closed ${this.closed.code} ${this.closed.reason}`);
      if (Date.now() > deadline) throw new Error(`no matching message; got ${this.received.map((e) => e.body).join(', ')}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  async request(message: Omit<EnvelopeInput, 'requestId'>): Promise<Envelope> {
    const requestId = this.send(message);
    return this.next((e) => e.requestId === requestId);
  }
}

async function venue(now?: () => number): Promise<{ server: RunningServer; admin: RestClient }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kapita-ws-'));
  dirs.push(dataDir);
  const server = await startServer({ dataDir, config: CONFIG, say: () => undefined, ...(now === undefined ? {} : { now }) });
  servers.push(server);
  return { server, admin: new RestClient(server.url, JSON.parse(readFileSync(join(dataDir, 'admin-key.json'), 'utf8')) as { keyId: string; secret: string }) };
}

async function trader(admin: RestClient, deposits: Record<string, string>): Promise<RestClient> {
  const reply = await admin.call('POST', '/v1/admin/accounts', { name: 'trader', deposits });
  return new RestClient(admin.baseUrl, reply.body as { keyId: string; secret: string });
}

describe('WebSocket API', () => {
  it('authenticates, places orders with execution reports, and streams L2, trades and L1 in both frame formats', async () => {
    const { server, admin } = await venue();
    const sellerRest = await trader(admin, { BTC: '2' });
    const buyerRest = await trader(admin, { USD: '200000' });
    const seller = await Client.open(server.url, 'binary');
    const buyer = await Client.open(server.url, 'json');

    // Nothing before authentication; the connection stays usable.
    const early = await seller.request({ placeOrder: { symbol: 'BTC-USD', side: pb.Side.SIDE_SELL, price: '65000.00', quantity: '1' } });
    expect(early.error).toMatchObject({ code: 4001, name: 'UNAUTHENTICATED' });
    expect((await seller.request({ authRequest: { token: await sellerRest.authenticate() } })).authResponse?.accountId).toBe(1);
    expect((await buyer.request({ authRequest: { token: await buyerRest.authenticate() } })).authResponse?.accountId).toBe(2);

    expect((await seller.request({ subscribe: { channel: pb.Channel.CHANNEL_ORDERS } })).subscribeResponse?.subscribed).toBe(true);
    await seller.request({ subscribe: { channel: pb.Channel.CHANNEL_BALANCES } });
    const initial = await seller.next((e) => e.body === 'balanceUpdate');
    expect(initial.balanceUpdate?.balances?.find((b) => b.asset === 'BTC')).toMatchObject({ total: '2.0000', held: '0.0000', available: '2.0000' });
    expect((await buyer.request({ subscribe: { channel: pb.Channel.CHANNEL_ORDERS } })).subscribeResponse?.subscribed).toBe(true);
    await buyer.request({ subscribe: { channel: pb.Channel.CHANNEL_L2, symbol: 'BTC-USD' } });
    const snapshot = await buyer.next((e) => e.body === 'bookSnapshot');
    expect(snapshot.bookSnapshot).toMatchObject({ symbol: 'BTC-USD' });
    await buyer.request({ subscribe: { channel: pb.Channel.CHANNEL_TRADES, symbol: 'BTC-USD' } });
    await buyer.request({ subscribe: { channel: pb.Channel.CHANNEL_L1, symbol: 'BTC-USD' } });
    await buyer.request({ subscribe: { channel: pb.Channel.CHANNEL_L3, symbol: 'BTC-USD' } });
    const l3Snapshot = await buyer.next((e) => e.body === 'bookSnapshot' && e !== snapshot);
    expect(l3Snapshot.bookSnapshot?.orders).toEqual([]);
    await buyer.request({ subscribe: { channel: pb.Channel.CHANNEL_CANDLES, symbol: 'BTC-USD', interval: pb.CandleInterval.CANDLE_INTERVAL_1M } });

    const mark = buyer.received.length;
    const placed = await seller.request({ placeOrder: { symbol: 'BTC-USD', side: pb.Side.SIDE_SELL, price: '65000.00', quantity: '1.5', clientOrderId: 'ws-1' } });
    expect(placed.orderResponse).toMatchObject({ symbol: 'BTC-USD', price: '65000.00', quantity: '1.5000', clientOrderId: 'ws-1', status: pb.OrderStatus.ORDER_STATUS_NEW });
    const orderId = Number(placed.orderResponse?.orderId);
    const report = await seller.next((e) => e.body === 'executionReport');
    expect(report.executionReport).toMatchObject({ seq: 1, execType: pb.ExecType.EXEC_TYPE_NEW, clientOrderId: 'ws-1', quantity: '1.5000' });
    expect(Number(report.executionReport?.orderId)).toBe(orderId);

    const crossed = await buyer.request({ placeOrder: { symbol: 'BTC-USD', side: pb.Side.SIDE_BUY, price: '65000.00', quantity: '1' } });
    expect(crossed.orderResponse).toMatchObject({ status: pb.OrderStatus.ORDER_STATUS_FILLED, filledQuantity: '1.0000' });
    const fill = await seller.next((e) => e.executionReport?.execType === pb.ExecType.EXEC_TYPE_TRADE);
    expect(fill.executionReport).toMatchObject({ lastPrice: '65000.00', lastQuantity: '1.0000', liquidity: pb.Liquidity.LIQUIDITY_MAKER, leavesQuantity: '0.5000', orderStatus: pb.OrderStatus.ORDER_STATUS_PARTIALLY_FILLED });
    // The seller's balances after the fill: 1 BTC delivered, 0.5 still held for the rest of the ask;
    // 65,000 USD received less the 1 bp maker fee.
    const after = await seller.next((e) => e.balanceUpdate?.balances?.find((b) => b.asset === 'BTC')?.total === '1.0000');
    expect(after.balanceUpdate?.balances?.find((b) => b.asset === 'BTC')).toMatchObject({ held: '0.5000', available: '0.5000' });
    expect(after.balanceUpdate?.balances?.find((b) => b.asset === 'USD')?.total).toBe('64993.500000');
    expect((await buyer.next((e) => e.body === 'candle', mark)).candle).toMatchObject({ symbol: 'BTC-USD', interval: pb.CandleInterval.CANDLE_INTERVAL_1M, open: '65000.00', close: '65000.00', volume: '1.0000', trades: 1 });
    expect((await buyer.next((e) => e.body === 'trade', mark)).trade).toMatchObject({ price: '65000.00', quantity: '1.0000', side: pb.Side.SIDE_BUY });
    expect((await buyer.next((e) => e.topOfBook?.askQuantity === '0.5000', mark)).topOfBook).toMatchObject({ askPrice: '65000.00', bidPrice: '' });

    // The L2 updates chain from the snapshot's seq and rebuild the REST book.
    const updates = buyer.received.filter((e) => e.body === 'bookUpdate').map((e) => e.bookUpdate);
    expect(updates.length).toBeGreaterThanOrEqual(2);
    let last = Number(snapshot.bookSnapshot?.seq);
    const asks = new Map<string, string>();
    for (const update of updates) {
      expect(Number(update?.prevSeq)).toBe(last);
      last = Number(update?.seq);
      for (const change of update?.changes ?? []) {
        if (change.side !== pb.Side.SIDE_SELL) continue;
        if (change.quantity === '0.0000') asks.delete(change.price ?? '');
        else asks.set(change.price ?? '', change.quantity ?? '');
      }
    }
    const book = (await buyerRest.call('GET', '/v1/book/BTC-USD', undefined, false)).body as { asks: [string, string][] };
    expect([...asks.entries()]).toEqual(book.asks);

    // L3 followed the ask order by order: resting 1.5, then 0.5 after the fill, chained by seq.
    const l3 = buyer.received.filter((e) => e.body === 'l3Update').map((e) => e.l3Update);
    expect(l3.flatMap((u) => (u?.changes ?? []).filter((c) => c.orderId === orderId).map((c) => c.quantity))).toEqual(['1.5000', '0.5000']);
    expect(Number(l3[0]?.prevSeq)).toBe(Number(l3Snapshot.bookSnapshot?.seq));
    expect(Number(l3[1]?.prevSeq)).toBe(Number(l3[0]?.seq));

    // Cancel over the socket.
    expect((await seller.request({ cancelOrder: { orderId } })).cancelResponse).toMatchObject({ status: pb.OrderStatus.ORDER_STATUS_CANCELED });
    expect((await seller.next((e) => e.executionReport?.execType === pb.ExecType.EXEC_TYPE_CANCELED)).executionReport?.leavesQuantity).toBe('0.0000'); // in the instrument's own precision, as every other quantity
    const removed = await buyer.next((e) => (e.l3Update?.changes ?? []).some((c) => c.orderId === orderId && c.quantity === '0'));
    expect(removed.l3Update?.symbol).toBe('BTC-USD');
  });

  it('answers bad frames with a coded error and keeps the connection usable', async () => {
    const { server, admin } = await venue();
    const rest = await trader(admin, { USD: '1000' });
    const client = await Client.open(server.url, 'binary');
    client.socket.send(Buffer.from([0xff, 0xff, 0xff, 0x01]), { binary: true });
    expect((await client.next((e) => e.body === 'error')).error).toMatchObject({ code: 1024, name: 'INVALID_REQUEST' });
    client.socket.send('{"requestId": "7", "placeOrder": {"colour": "red"}}');
    expect((await client.next((e) => (e.error?.message ?? '').includes('unknown_field'))).error?.code).toBe(1024);
    client.socket.send('not json at all');
    expect((await client.next((e) => (e.error?.message ?? '').includes('not_json'))).error?.code).toBe(1024);
    await client.request({ authRequest: { token: await rest.authenticate() } });
    expect((await client.request({ orderResponse: { orderId: 1 } })).error).toMatchObject({ code: 1024 });
    expect((await client.request({ placeOrder: { symbol: 'BTC-USD', side: pb.Side.SIDE_BUY, price: '1.001', quantity: '1' } })).error).toMatchObject({ code: 1007, name: 'PRICE_NOT_ON_TICK' });
    expect((await client.request({ ping: { timeMs: 5 } })).pong?.pingTimeMs).toBe(5);
    expect(client.closed).toBeUndefined();
  });

  it('cuts off a connection after a run of over a hundred bad frames (4400), and counts it as a strike', async () => {
    const { server } = await venue();
    const client = await Client.open(server.url, 'binary');
    // 100 in a row are answered; a good frame in between starts the count again.
    for (let i = 0; i < 100; i++) client.socket.send(Buffer.from([0xff, 0xff, 0xff, i]), { binary: true });
    expect((await client.request({ ping: { timeMs: 1 } })).pong?.pingTimeMs).toBe(1);
    for (let i = 0; i < 101; i++) client.socket.send(Buffer.from([0xff, 0xff, 0xff, i]), { binary: true });
    const deadline = Date.now() + 5000;
    while (client.closed === undefined && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(client.closed).toEqual({ code: BAD_FRAMES_CLOSE, reason: 'more than 100 bad frames in a row' });
    expect(client.received.filter((e) => e.body === 'error')).toHaveLength(200);
    // The cut-off was one strike of the ten that ban: nine more ban the address.
    expect(server.edge.isBanned('127.0.0.1')).toBe(false);
    for (let i = 0; i < 8; i++) expect(server.edge.strike('127.0.0.1')).toBe(false);
    expect(server.edge.strike('127.0.0.1')).toBe(true);
  });

  it('closes a connection whose token expires without a fresh AuthRequest', async () => {
    let skew = 0;
    const { server, admin } = await venue(() => Date.now() + skew);
    const rest = await trader(admin, {});
    const token = await rest.authenticate();
    skew = 59_500; // the token has half a second left on the server's clock
    const client = await Client.open(server.url, 'binary');
    await client.request({ authRequest: { token } });
    const deadline = Date.now() + 5000;
    while (client.closed === undefined && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.closed?.code).toBe(TOKEN_EXPIRED_CLOSE);
  });
});
