// The FIX order-entry gateway over real sockets: a venue server, the FIX acceptor in front of it with
// the signed Logon against the server's API keys, and orders that cross between two FIX sessions.
// The gateway is the server's own (startServer's `fix` option): orders reach the same in-process
// trading functions as REST and WebSocket.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect as connectTls } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import type { FixField } from '../../src/fix/codec.js';
import { LOGON_REFUSAL } from '../../src/fix/logon-auth.js';
import { formatUtcTimestamp } from '../../src/fix/utc-time.js';
import { defineInstrument } from '../../src/domain/instrument.js';
import { RestClient } from '../../src/auth/client.js';
import { averagePrice } from '../../src/gateway/fix/fix-orders.js';
import { startServer } from '../../src/server/server.js';
import type { VenueConfig } from '../../src/server/venue-config.js';
import { type Account, closeFixVenues, CONFIG, onCleanup, Session, startFixVenue as setup } from '../support/fix-venue.js';

afterEach(closeFixVenues);

const ER_TAGS = [37, 11, 41, 17, 150, 39, 55, 54, 38, 44, 31, 32, 151, 14, 6, 60, 58, 103, 851, 12, 13, 479];

describe('the FIX order-entry gateway', () => {
  it('crosses a resting sell with a buy from another session and reports each side with its CumQty, LeavesQty and AvgPx', async () => {
    const { gateway, seller, buyer } = await setup();
    const sell = await Session.logon(gateway.port, 'SELLDESK', seller);
    const buy = await Session.logon(gateway.port, 'BUYDESK', buyer);

    sell.order('s1', '2', '1', '65000.00');
    const s1 = await sell.report(...ER_TAGS);
    expect(s1).toMatchObject({ 35: '8', 11: 's1', 150: '0', 39: '0', 55: 'BTC-USD', 54: '2', 38: '1.0000', 44: '65000.00', 151: '1.0000', 14: '0.0000', 6: '0' });
    sell.order('s2', '2', '0.5', '65001.00');
    expect(await sell.report(...ER_TAGS)).toMatchObject({ 11: 's2', 150: '0', 39: '0', 151: '0.5000' });

    buy.order('b1', '1', '2', '65100.00');
    const newBuy = await buy.report(...ER_TAGS);
    expect(newBuy).toMatchObject({ 35: '8', 11: 'b1', 150: '0', 39: '0', 54: '1', 38: '2.0000', 151: '2.0000', 14: '0.0000' });
    const fill1 = await buy.report(...ER_TAGS);
    expect(fill1).toMatchObject({ 11: 'b1', 150: 'F', 39: '1', 31: '65000.00', 32: '1.0000', 151: '1.0000', 14: '1.0000', 6: '65000.00' });
    const fill2 = await buy.report(...ER_TAGS);
    // (65,000 × 1 + 65,001 × 0.5) / 1.5 = 65,000.3333…: 8 digits beyond the tick's, rounded.
    expect(fill2).toMatchObject({ 11: 'b1', 150: 'F', 39: '1', 31: '65001.00', 32: '0.5000', 151: '0.5000', 14: '1.5000', 6: '65000.3333333333' });
    expect(new Set([newBuy[17], fill1[17], fill2[17]]).size).toBe(3);
    expect(newBuy[37]).toBe(fill1[37]);

    const makerFill1 = await sell.report(...ER_TAGS);
    expect(makerFill1).toMatchObject({ 11: 's1', 150: 'F', 39: '2', 31: '65000.00', 32: '1.0000', 151: '0.0000', 14: '1.0000', 6: '65000.00' });
    const makerFill2 = await sell.report(...ER_TAGS);
    expect(makerFill2).toMatchObject({ 11: 's2', 150: 'F', 39: '2', 31: '65001.00', 32: '0.5000', 151: '0.0000', 14: '0.5000', 6: '65001.00' });
    expect(makerFill1[17]).not.toBe(fill1[17]);
    // Liquidity and fees (BTC-USD: maker 1 bp, taker 5 bp): 65,000 × 1 → 6.5 and 32.5 USD.
    expect(fill1).toMatchObject({ 851: '2', 13: '3', 479: 'USD' });
    expect(Number(fill1[12])).toBe(32.5);
    expect(makerFill1).toMatchObject({ 851: '1', 13: '3', 479: 'USD' });
    expect(Number(makerFill1[12])).toBe(6.5);
    expect(newBuy[851]).toBeUndefined();

    // The rest of the buy (0.5) rests; cancel it by OrigClOrdID.
    buy.send('F', [[11, 'b1-cancel'], [41, 'b1'], [54, '1'], [55, 'BTC-USD'], [60, formatUtcTimestamp(Date.now())]]);
    expect(await buy.report(...ER_TAGS)).toMatchObject({ 35: '8', 37: newBuy[37], 11: 'b1-cancel', 41: 'b1', 150: '4', 39: '4', 151: '0.0000', 14: '1.5000', 6: '65000.3333333333' });

    // Too late: the order is closed now.
    buy.send('F', [[11, 'b1-cancel-2'], [41, 'b1'], [54, '1'], [55, 'BTC-USD'], [60, formatUtcTimestamp(Date.now())]]);
    expect(await buy.report(37, 11, 41, 39, 102, 434, 58)).toMatchObject({ 35: '9', 37: newBuy[37], 11: 'b1-cancel-2', 41: 'b1', 39: '4', 102: '0', 434: '1' });
  });

  it('refuses an unknown order with an OrderCancelReject and a bad price with a coded reject', async () => {
    const { gateway, seller } = await setup();
    const sell = await Session.logon(gateway.port, 'SELLDESK', seller);

    sell.send('F', [[11, 'c1'], [41, 'nope'], [54, '2'], [55, 'BTC-USD'], [60, formatUtcTimestamp(Date.now())]]);
    const unknown = await sell.report(37, 11, 41, 39, 102, 434, 58);
    expect(unknown).toMatchObject({ 35: '9', 37: 'NONE', 11: 'c1', 41: 'nope', 39: '8', 102: '1', 434: '1' });
    expect(unknown[58]).toMatch(/^3001 UNKNOWN_ORDER: /);

    sell.order('bad', '2', '1', '65000.001');
    const reject = await sell.report(...ER_TAGS);
    // OrdRejReason 18 (invalid price increment): PRICE_NOT_ON_TICK's row in code-answers.ts.
    expect(reject).toMatchObject({ 35: '8', 11: 'bad', 150: '8', 39: '8', 103: '18', 151: '0', 14: '0', 55: 'BTC-USD', 54: '2' });
    expect(reject[58]).toMatch(/^1007 PRICE_NOT_ON_TICK: /);

    // A market buy sized by CashOrderQty alone: the venue sizes orders in lots, so 38 is required.
    sell.send('D', [[11, 'cash'], [40, '1'], [54, '1'], [55, 'BTC-USD'], [152, '1000'], [60, formatUtcTimestamp(Date.now())]]);
    const cash = await sell.report(...ER_TAGS);
    expect(cash).toMatchObject({ 35: '8', 11: 'cash', 150: '8', 39: '8' });
    expect(cash[58]).toMatch(/^1006 QUANTITY_OUT_OF_BOUNDS: OrderQty \(38\) is required; CashOrderQty \(152\) caps/);

    // A ClOrdID may be reused after a reject (nothing was placed) but not after an accepted order.
    sell.order('bad', '2', '1', '65000.00');
    expect(await sell.report(11, 150, 39)).toMatchObject({ 11: 'bad', 150: '0', 39: '0' });
    sell.order('bad', '2', '1', '65000.00');
    const duplicate = await sell.report(11, 150, 58, 103);
    expect(duplicate).toMatchObject({ 11: 'bad', 150: '8', 103: '6' });
    expect(duplicate[58]).toMatch(/^3010 DUPLICATE_CLIENT_ORDER_ID: ClOrdID \(11\) bad was already used/);

    // Post-only (18 contains 6) that would cross is refused by the venue with its code.
    sell.order('po', '1', '1', '65000.00', [[18, '6']]);
    const postOnly = await sell.report(11, 150, 58);
    expect(postOnly).toMatchObject({ 11: 'po', 150: '8' });
    expect(postOnly[58]).toMatch(/^\d{4} [A-Z_]+: /);
  });

  it('mass-cancels, refuses a ClOrdID the account already used over REST, and cancels on disconnect', async () => {
    const { gateway, seller } = await setup();
    const sell = await Session.logon(gateway.port, 'SELLDESK', seller);
    sell.order('m1', '2', '1', '70000.00');
    expect(await sell.report(11, 150)).toMatchObject({ 11: 'm1', 150: '0' });
    sell.order('m2', '2', '1', '70001.00');
    expect(await sell.report(11, 150)).toMatchObject({ 11: 'm2', 150: '0' });
    sell.send('q', [[11, 'mass-1'], [530, '7'], [60, formatUtcTimestamp(Date.now())]]);
    const cancels = [await sell.report(11, 150, 39), await sell.report(11, 150, 39)];
    expect(cancels).toEqual([
      { 35: '8', 11: 'm1', 150: '4', 39: '4' },
      { 35: '8', 11: 'm2', 150: '4', 39: '4' },
    ]);
    expect(await sell.report(11, 530, 531, 533)).toMatchObject({ 35: 'r', 11: 'mass-1', 530: '7', 531: '7', 533: '2' });

    const viaRest = await seller.rest.call('POST', '/v1/orders', { symbol: 'BTC-USD', side: 'sell', price: '71000.00', quantity: '1', clientOrderId: 'shared' });
    expect(viaRest.status).toBe(201);
    sell.order('shared', '2', '1', '71000.00');
    // The same (account, clientOrderId) table as REST's, in the core: the REST order is open, so FIX's place is refused.
    const duplicate = await sell.report(11, 150, 58, 103);
    expect(duplicate).toMatchObject({ 11: 'shared', 150: '8', 103: '6' });
    expect(duplicate[58]).toMatch(/^3010 DUPLICATE_CLIENT_ORDER_ID: clientOrderId shared is open order \d+/);

    const careful = await Session.logon(gateway.port, 'CODDESK', seller, [[8013, 'Y']]);
    careful.order('cod-1', '2', '1', '72000.00');
    const placed = await careful.report(37, 150);
    expect(placed[150]).toBe('0');
    careful.client.close();
    const deadline = Date.now() + 5_000;
    let status = '';
    while (Date.now() < deadline) {
      const reply = await seller.rest.call('GET', `/v1/orders/${placed[37] ?? ''}`);
      status = (reply.body as { status?: string }).status ?? '';
      if (status === 'cancelled') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe('cancelled');
  });

  it('replaces price and quantity under a new ClOrdID, refuses what a replace cannot change, and answers status requests', async () => {
    const { gateway, seller, buyer } = await setup();
    const sell = await Session.logon(gateway.port, 'SELLDESK', seller);
    const replace = (clOrdId: string, orig: string, quantity: string, price: string, extra: FixField[] = []): void => {
      sell.send('G', [[11, clOrdId], [41, orig], [38, quantity], [40, '2'], [44, price], [54, '2'], [55, 'BTC-USD'], [60, formatUtcTimestamp(Date.now())], ...extra]);
    };
    const CXL_TAGS = [37, 11, 41, 39, 102, 434, 58];

    sell.order('r1', '2', '1', '66000.00');
    const placed = await sell.report(...ER_TAGS, 40, 59);
    expect(placed).toMatchObject({ 11: 'r1', 150: '0', 39: '0', 40: '2', 59: '1' });

    replace('r2', 'r1', '2', '66500.00');
    expect(await sell.report(...ER_TAGS)).toMatchObject({ 35: '8', 37: placed[37], 11: 'r2', 41: 'r1', 150: '5', 39: '0', 38: '2.0000', 44: '66500.00', 151: '2.0000', 14: '0.0000' });

    // A replace that changes nothing is refused with the venue's own code.
    replace('r3', 'r2', '2', '66500.00');
    const nothing = await sell.report(...CXL_TAGS);
    expect(nothing).toMatchObject({ 35: '9', 11: 'r3', 41: 'r2', 102: '99', 434: '2' });
    expect(nothing[58]).toMatch(/^1015 NOTHING_TO_AMEND: /);
    // What a replace cannot change: the side (and, likewise, symbol, OrdType, TimeInForce).
    sell.send('G', [[11, 'r3b'], [41, 'r2'], [38, '2'], [40, '2'], [44, '66400.00'], [54, '1'], [55, 'BTC-USD'], [60, formatUtcTimestamp(Date.now())]]);
    const side = await sell.report(...CXL_TAGS);
    expect(side).toMatchObject({ 35: '9', 37: placed[37], 11: 'r3b', 41: 'r2', 39: '0', 102: '99', 434: '2' });
    expect(side[58]).toMatch(/^1024 INVALID_REQUEST: Side \(54\) cannot be changed/);
    // A ClOrdID already used is refused as a duplicate (102=6); an unknown order as unknown (102=1).
    replace('r1', 'r2', '1', '66000.00');
    expect(await sell.report(...CXL_TAGS)).toMatchObject({ 35: '9', 11: 'r1', 102: '6', 434: '2' });
    replace('r9', 'nope', '1', '66000.00');
    expect(await sell.report(...CXL_TAGS)).toMatchObject({ 35: '9', 37: 'NONE', 11: 'r9', 102: '1', 434: '2', 39: '8' });

    // A buy over REST takes 0.5 of it: the fill report carries the replaced order's ClOrdID.
    expect((await buyer.rest.call('POST', '/v1/orders', { symbol: 'BTC-USD', side: 'buy', type: 'limit', price: '66500.00', quantity: '0.5', timeInForce: 'IOC' })).status).toBe(201);
    expect(await sell.report(...ER_TAGS)).toMatchObject({ 11: 'r2', 150: 'F', 39: '1', 32: '0.5000', 151: '1.5000', 14: '0.5000', 6: '66500.00' });

    // Quantity down to 1 (0.5 filled): LeavesQty 0.5, still partially filled.
    replace('r4', 'r2', '1', '66500.00');
    expect(await sell.report(...ER_TAGS)).toMatchObject({ 11: 'r4', 41: 'r2', 150: '5', 39: '1', 38: '1.0000', 151: '0.5000', 14: '0.5000' });
    // Below what is filled: the venue refuses with its code, and the order keeps r4.
    replace('r5', 'r4', '0.4', '66500.00');
    const belowFilled = await sell.report(...CXL_TAGS);
    expect(belowFilled).toMatchObject({ 35: '9', 11: 'r5', 41: 'r4', 39: '1', 102: '99', 434: '2' });
    expect(belowFilled[58]).toMatch(/^\d{4} AMEND_QUANTITY_NOT_ABOVE_FILLED: /);

    sell.send('H', [[11, 'r4'], [54, '2'], [55, 'BTC-USD'], [790, 'status-1']]);
    expect(await sell.report(...ER_TAGS, 790)).toMatchObject({ 35: '8', 37: placed[37], 11: 'r4', 150: 'I', 39: '1', 38: '1.0000', 44: '66500.00', 151: '0.5000', 14: '0.5000', 6: '66500.00', 790: 'status-1' });
    sell.send('H', [[37, placed[37] ?? ''], [11, 'unknown-clordid'], [54, '2'], [55, 'BTC-USD']]);
    expect(await sell.report(...ER_TAGS)).toMatchObject({ 35: '8', 37: placed[37], 11: 'r4', 150: 'I', 39: '1' });
    sell.send('H', [[11, 'never-sent'], [54, '2'], [55, 'BTC-USD']]);
    const unknown = await sell.report(...ER_TAGS);
    expect(unknown).toMatchObject({ 35: '8', 37: 'NONE', 11: 'never-sent', 150: 'I', 39: '8', 103: '5' });
    expect(unknown[58]).toMatch(/^3001 UNKNOWN_ORDER: /);

    // Cancel by the current ClOrdID; afterwards a replace is too late (102=0).
    sell.send('F', [[11, 'r4-cancel'], [41, 'r4'], [54, '2'], [55, 'BTC-USD'], [60, formatUtcTimestamp(Date.now())]]);
    expect(await sell.report(...ER_TAGS)).toMatchObject({ 11: 'r4-cancel', 41: 'r4', 150: '4', 39: '4', 151: '0.0000', 14: '0.5000' });
    replace('r6', 'r4-cancel', '1', '66000.00');
    expect(await sell.report(...CXL_TAGS)).toMatchObject({ 35: '9', 11: 'r6', 102: '0', 434: '2', 39: '4' });
  });

  it('answers a status request about an order placed over REST, open and then filled', async () => {
    const { gateway, seller, buyer } = await setup();
    const placed = await seller.rest.call('POST', '/v1/orders', { symbol: 'BTC-USD', side: 'sell', type: 'limit', price: '69000.00', quantity: '1', clientOrderId: 'rest-1' });
    expect(placed.status).toBe(201);
    const orderId = String((placed.body as { orderId: number }).orderId);
    const fix = await Session.logon(gateway.port, 'STATUS', seller);
    fix.send('H', [[37, orderId], [11, 'rest-1'], [54, '2'], [55, 'BTC-USD'], [790, 's1']]);
    expect(await fix.report(...ER_TAGS, 40, 59, 790)).toMatchObject({ 35: '8', 37: orderId, 11: 'rest-1', 150: 'I', 39: '0', 38: '1.0000', 44: '69000.00', 40: '2', 59: '1', 151: '1.0000', 14: '0.0000', 6: '0', 790: 's1' });
    const buy = async (quantity: string): Promise<void> => {
      expect((await buyer.rest.call('POST', '/v1/orders', { symbol: 'BTC-USD', side: 'buy', type: 'limit', price: '69000.00', quantity, timeInForce: 'IOC' })).status).toBe(201);
    };
    // Partly filled (the replica's view, AvgPx from the account's fills), then filled (the history's).
    await buy('0.25');
    fix.send('H', [[37, orderId], [54, '2'], [55, 'BTC-USD']]);
    expect(await fix.report(...ER_TAGS)).toMatchObject({ 37: orderId, 11: 'rest-1', 150: 'I', 39: '1', 151: '0.7500', 14: '0.2500', 6: '69000.00' });
    await buy('0.75');
    fix.send('H', [[37, orderId], [54, '2'], [55, 'BTC-USD']]);
    expect(await fix.report(...ER_TAGS)).toMatchObject({ 37: orderId, 11: 'rest-1', 150: 'I', 39: '2', 151: '0.0000', 14: '1.0000', 6: '69000.00' });
    // Another account's order is not revealed.
    const other = await Session.logon(gateway.port, 'NOSY', buyer);
    other.send('H', [[37, orderId], [11, 'x'], [54, '2'], [55, 'BTC-USD']]);
    expect(await other.report(...ER_TAGS)).toMatchObject({ 37: orderId, 150: 'I', 39: '8', 103: '5' });
  });

  it('reports a fill that happened while its session was away across a server restart, from the session store on ResendRequest', async () => {
    const { server, gateway, seller, buyer, dataDir } = await setup();
    const sell = await Session.logon(gateway.port, 'SELLDESK', seller);
    sell.order('k1', '2', '1', '67000.00');
    const placed = await sell.report(...ER_TAGS);
    expect(placed).toMatchObject({ 11: 'k1', 150: '0' });
    // Sequence numbers so far: ours 1 (Logon) and 2 (D); the server's 1 (Logon) and 2 (the report).
    sell.client.close();
    await server.stop();

    const again = await startServer({ dataDir, config: CONFIG, say: () => undefined });
    onCleanup(() => again.stop());
    const fix = again.fix;
    if (fix === undefined) throw new Error('no FIX gateway after the restart');
    expect(fix.application.trackedOrders).toBe(1);
    const rest = new RestClient(again.url, buyer);
    expect((await rest.call('POST', '/v1/orders', { symbol: 'BTC-USD', side: 'buy', type: 'limit', price: '67000.00', quantity: '0.4', timeInForce: 'IOC' })).status).toBe(201);

    const back = await Session.logon(fix.port, 'SELLDESK', seller, [], 3);
    // The fill report took the server's seq 3 while we were away, so its Logon is 4: a gap.
    expect(back.logonReply?.get(34)).toBe('4');
    back.send('2', [
      [7, 3],
      [16, 0],
    ]);
    const resent = await back.report(...ER_TAGS, 43);
    expect(resent).toMatchObject({ 35: '8', 43: 'Y', 37: placed[37], 11: 'k1', 150: 'F', 39: '1', 32: '0.4000', 151: '0.6000', 14: '0.4000', 6: '67000.00' });

    // The server's Logon (4) was an admin message: it is gap-filled, not resent.
    expect(await back.report(36, 123)).toMatchObject({ 35: '4', 36: '5', 123: 'Y' });
    // Tracking resumed: a cancel by the ClOrdID from before the restart.
    back.send('F', [[11, 'k1-cancel'], [41, 'k1'], [54, '2'], [55, 'BTC-USD'], [60, formatUtcTimestamp(Date.now())]]);
    expect(await back.report(...ER_TAGS)).toMatchObject({ 11: 'k1-cancel', 41: 'k1', 150: '4', 39: '4', 14: '0.4000', 6: '67000.00' });
  });

  it('reports at restart the fills a crash kept out of its order log, for the session to fetch on ResendRequest', async () => {
    const { server, gateway, seller, buyer, dataDir } = await setup();
    const sell = await Session.logon(gateway.port, 'SELLDESK', seller);
    sell.order('lost', '2', '1', '67500.00');
    const placed = await sell.report(...ER_TAGS);
    expect((await buyer.rest.call('POST', '/v1/orders', { symbol: 'BTC-USD', side: 'buy', type: 'limit', price: '67500.00', quantity: '0.3', timeInForce: 'IOC' })).status).toBe(201);
    expect(await sell.report(...ER_TAGS)).toMatchObject({ 150: 'F', 14: '0.3000' });
    sell.client.close();
    await server.stop();
    // A crash after the fill was durable and before its record was logged (and so before its report left).
    const logPath = join(dataDir, 'fix', 'orders.jsonl');
    const lines = readFileSync(logPath, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    writeFileSync(logPath, `${lines[0] ?? ''}\n`);

    const said: string[] = [];
    const again = await startServer({ dataDir, config: CONFIG, say: (line) => said.push(line) });
    onCleanup(() => again.stop());
    expect(said.some((line) => new RegExp(`^warning: FIX gateway: FIX order ${placed[37] ?? ''} \\(lost\\): the log says 0 of \\d+ lots filled`).test(line))).toBe(true);
    const fix = again.fix;
    if (fix === undefined) throw new Error('no FIX gateway after the restart');
    // Ours: Logon 1, D 2; theirs: Logon 1, New 2, Fill 3, the catch-up 4, so this Logon is 5.
    const back = await Session.logon(fix.port, 'SELLDESK', seller, [], 3);
    expect(back.logonReply?.get(34)).toBe('5');
    back.send('2', [
      [7, 4],
      [16, 0],
    ]);
    const caughtUp = await back.report(...ER_TAGS, 43);
    expect(caughtUp).toMatchObject({ 35: '8', 43: 'Y', 37: placed[37], 11: 'lost', 150: 'F', 39: '1', 31: '67500.00', 32: '0.3000', 14: '0.3000', 151: '0.7000', 6: '67500.00', 851: '1' });
    expect(caughtUp[17]).toMatch(/^restart-/);
  });

  it('reserves a configured counterparty CompID for its account, with its own reset and cancel-on-disconnect settings', async () => {
    const config: VenueConfig = {
      ...CONFIG,
      fix: {
        port: 0,
        senderCompId: 'KAPITA',
        sessions: [
          { senderCompId: 'SELLER-FIXED', account: 1, resetOnLogon: true, cancelOnDisconnect: true, maxHeartBtIntSec: 60 },
          { senderCompId: 'SELLER-KEEP', account: 1, resetOnLogon: false, cancelOnDisconnect: false, maxHeartBtIntSec: 60 },
        ],
      },
    };
    const { gateway, seller, buyer } = await setup(config);
    expect(seller.accountId).toBe(1);

    const intruder = await Session.attempt(gateway.port, 'SELLER-FIXED', buyer);
    expect(intruder.logonReply?.msgType).toBe('5');
    expect(intruder.logonReply?.get(58)).toBe('Account does not match the session');

    const first = await Session.logon(gateway.port, 'SELLER-FIXED', seller);
    first.order('f1', '2', '1', '68000.00');
    const placed = await first.report(37, 150);
    expect(placed[150]).toBe('0');
    // No 8013 on the Logon: the counterparty's configured cancel-on-disconnect applies.
    first.client.close();
    const deadline = Date.now() + 5_000;
    let status = '';
    while (Date.now() < deadline) {
      status = ((await seller.rest.call('GET', `/v1/orders/${placed[37] ?? ''}`)).body as { status?: string }).status ?? '';
      if (status === 'cancelled') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe('cancelled');

    // A HeartBtInt above the counterparty's maximum (60 s) is refused.
    const slow = await Session.attempt(gateway.port, 'SELLER-FIXED', seller, [[108, 120]]);
    expect(slow.logonReply?.msgType).toBe('5');
    expect(slow.logonReply?.get(58)).toBe('HeartBtInt out of range');
    // resetOnLogon: the next Logon starts again at 1 on both sides.
    const second = await Session.logon(gateway.port, 'SELLER-FIXED', seller);
    expect(second.logonReply?.get(34)).toBe('1');

    // Strangers asking for a reset (141=Y) are refused before it: the session keeps its numbers.
    const keep = await Session.logon(gateway.port, 'SELLER-KEEP', seller);
    keep.order('k-1', '2', '1', '68500.00');
    expect(await keep.report(150)).toMatchObject({ 35: '8', 150: '0' });
    keep.client.close();
    const wrongAccount = await Session.attempt(gateway.port, 'SELLER-KEEP', buyer, [[141, 'Y']]);
    expect(wrongAccount.logonReply?.get(58)).toBe('Account does not match the session');
    const forged = await Session.attempt(gateway.port, 'SELLER-KEEP', { ...seller, secret: 'forged' }, [[141, 'Y']]);
    expect(forged.logonReply?.get(58)).toBe(LOGON_REFUSAL.INVALID);
    // Ours: Logon 1, D 2; theirs: Logon 1, the report 2. The refusals took no sequence number.
    const back = await Session.logon(gateway.port, 'SELLER-KEEP', seller, [], 3);
    expect(back.logonReply?.get(34)).toBe('3');
  });

  it('counts failed Logons, bans an address after repeated ones, and paces a connection over its message rate', async () => {
    const config: VenueConfig = { ...CONFIG, edge: { ...CONFIG.edge, authFailuresBeforeBan: 3, messagesPerSecondPerConnection: 20, messageBurstPerConnection: 5 } };
    const { server, gateway, seller, admin } = await setup(config);
    // /metrics is for staff: read with the admin key.
    const metrics = async (): Promise<string> => (await admin.call('GET', '/metrics')).body as string;
    const count = (text: string, series: string): number => Number(text.split('\n').find((line) => line.startsWith(series))?.split(' ').at(-1) ?? '0');

    // Pacing: 25 TestRequests at once against 20 a second with a burst of 5 are all answered, the
    // last no sooner than a second later (the connection is not read meanwhile), and counted.
    const paced = await Session.logon(gateway.port, 'PACED', seller);
    const started = Date.now();
    for (let i = 0; i < 25; i++) paced.send('1', [[112, `t${i}`]]);
    const answered: string[] = [];
    while (answered.length < 25) {
      const heartbeat = await paced.receive();
      if (heartbeat.msgType === '0' && heartbeat.get(112) !== undefined) answered.push(heartbeat.get(112) ?? '');
    }
    expect(answered).toEqual(Array.from({ length: 25 }, (_, i) => `t${i}`));
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(count(await metrics(), 'kapita_edge_refused_total{limit="messages_per_connection"}')).toBeGreaterThan(0);

    // What a key may do, told only to whoever holds its secret, and no strikes for it.
    const key = async (body: Record<string, unknown>): Promise<Account> => {
      const reply = await admin.call('POST', '/v1/keys', { accountId: seller.accountId, ...body });
      expect(reply.status).toBe(201);
      return { ...(reply.body as { keyId: string; secret: string }), accountId: seller.accountId, rest: seller.rest };
    };
    const refusedWith = async (compId: string, account: Account, reason: string): Promise<void> => {
      const attempt = await Session.attempt(gateway.port, compId, account);
      expect(attempt.logonReply?.msgType).toBe('5');
      expect(attempt.logonReply?.get(58)).toBe(reason);
    };
    await refusedWith('FENCED', await key({ name: 'fenced', ipAllowList: ['10.1.2.3'] }), '4017 IP_NOT_ALLOWED: Address not allowed for this key');
    expect((await Session.logon(gateway.port, 'LOCAL', await key({ name: 'local', ipAllowList: ['127.0.0.0/8'] }))).logonReply?.msgType).toBe('A');
    await refusedWith('READER', await key({ name: 'reader', scopes: ['read'] }), '4003 FORBIDDEN: API key refused: order entry needs the trade scope');
    const gone = await key({ name: 'gone' });
    expect((await admin.call('DELETE', `/v1/keys/${gone.keyId}`)).status).toBe(200);
    await refusedWith('GONE', gone, '4018 KEY_REVOKED: API key revoked');
    expect(count(await metrics(), 'kapita_auth_attempts_total{method="fix",result="IP_NOT_ALLOWED"}')).toBe(1);
    // A session keeps the key it logged on with: a second Logon for it with another key is
    // dropped and changes nothing, so revoking the first key still ends the session.
    const first = await key({ name: 'first' });
    const live = await Session.logon(gateway.port, 'TWICE', first);
    await expect(Session.attempt(gateway.port, 'TWICE', await key({ name: 'second' }))).rejects.toThrow(/disconnected/);
    expect((await admin.call('DELETE', `/v1/keys/${first.keyId}`)).status).toBe(200);
    const logout = await live.next();
    expect([logout.msgType, logout.get(58)]).toEqual(['5', 'API key revoked']);
    expect(server.edge.isBanned('127.0.0.1')).toBe(false);

    // A wrong secret: refused with the reason and counted; the third strike bans the address.
    const forger = { ...seller, secret: 'not-the-secret' };
    const forge = async (compId: string): Promise<void> => {
      const refused = await Session.attempt(gateway.port, compId, forger);
      expect(refused.logonReply?.msgType).toBe('5');
      expect(refused.logonReply?.get(58)).toBe(LOGON_REFUSAL.INVALID);
    };
    await forge('FORGER1');
    await forge('FORGER2');
    const before = await metrics();
    expect(count(before, 'kapita_auth_attempts_total{method="fix",result="BAD_SIGNATURE"}')).toBe(2);
    expect(count(before, 'kapita_auth_attempts_total{method="fix",result="ok"}')).toBe(4);
    expect(server.edge.isBanned('127.0.0.1')).toBe(false);
    await forge('FORGER3');
    expect(server.edge.isBanned('127.0.0.1')).toBe(true);
    // Banned on every listener: a new FIX connection is closed before anything is read, even with
    // the right secret, and REST refuses the address.
    await expect(Session.attempt(gateway.port, 'HONEST', seller)).rejects.toThrow(/disconnected/);
    expect((await seller.rest.call('GET', '/metrics', undefined, false)).status).toBe(403);
  });

  it('serves FIX over TLS 1.3 with the CA the venue made, and refuses a banned address before the handshake', async () => {
    const config: VenueConfig = { ...CONFIG, server: { ...CONFIG.server, plaintext: false }, edge: { ...CONFIG.edge, authFailuresBeforeBan: 2 } };
    const { server, gateway, seller, ca } = await setup(config);
    if (ca === undefined) throw new Error('the venue made no CA');
    const secure = await Session.logon(gateway.port, 'TLSDESK', seller, [], 1, ca);
    secure.order('t1', '2', '1', '66000.00');
    expect(await secure.report(11, 150, 39)).toMatchObject({ 35: '8', 11: 't1', 150: '0', 39: '0' });
    // TLS 1.2 is refused.
    await expect(
      new Promise<void>((resolve, reject) => {
        const socket = connectTls({ host: '127.0.0.1', port: gateway.port, ca, servername: 'localhost', maxVersion: 'TLSv1.2' }, () => {
          socket.destroy();
          resolve();
        });
        socket.once('error', reject);
      }),
    ).rejects.toThrow();
    // Banned: the TCP connection is closed before any TLS.
    server.edge.strike('127.0.0.1');
    server.edge.strike('127.0.0.1');
    expect(server.edge.isBanned('127.0.0.1')).toBe(true);
    await expect(Session.attempt(gateway.port, 'TLSDESK2', seller, [], 1, ca)).rejects.toThrow();
  });

  it('computes AvgPx exactly when it terminates', () => {
    const [instrument] = CONFIG.instruments.map(defineInstrument);
    if (instrument === undefined) throw new Error('no instrument');
    expect(averagePrice(instrument, 6_500_000n * 3n + 6_500_100n, 4)).toBe('65000.25');
    expect(averagePrice(instrument, 0n, 0)).toBe('0');
  });
});
