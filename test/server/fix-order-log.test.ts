// The FIX gateway's order log: the last record per order survives, a torn last line is dropped,
// the file is compacted at open, and a damaged line in the middle stops the start with its place.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FixOrderLog, type FixOrderRecord } from '../../src/gateway/fix/fix-order-log.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kapita-fix-orders-'));
  dirs.push(dir);
  return join(dir, 'fix', 'orders.jsonl');
}

function record(orderId: number, cumLots: number, closed = false): FixOrderRecord {
  return { orderId, sessionKey: 'FIXT.1.1:KAPITA:7:DESK', account: '7', targetCompId: 'DESK', clOrdId: `c${orderId}`, symbol: 'BTC-USD', side: '2', ordType: '2', timeInForce: '1', quantityLots: 10, priceTicks: 6_500_000, cumLots, notional: String(BigInt(cumLots) * 6_500_000n), leavesLots: 10 - cumLots, status: cumLots === 0 ? '0' : '1', closed };
}

describe('FixOrderLog', () => {
  it('keeps the last record of each order, drops a torn last line and compacts the file at open', () => {
    const path = tempPath();
    const first = FixOrderLog.open(path, { fsync: false });
    expect(first.records).toEqual([]);
    const live = [record(1, 0), record(2, 0)];
    first.log.append(record(1, 0), () => live, 2);
    first.log.append(record(2, 0), () => live, 2);
    first.log.append(record(1, 3), () => live, 2);
    first.log.close();
    appendFileSync(path, JSON.stringify(record(2, 9)).slice(0, 40)); // a crash mid-write

    const second = FixOrderLog.open(path, { fsync: false });
    second.log.close();
    expect(second.records.sort((a, b) => a.orderId - b.orderId)).toEqual([record(1, 3), record(2, 0)]);
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('rewrites the file down to the live records once it holds four times as many lines', () => {
    const path = tempPath();
    const { log } = FixOrderLog.open(path, { fsync: false });
    const live = [record(5, 1)];
    for (let i = 0; i < 10_001; i++) log.append(record(5, 1), () => live, 1);
    log.close();
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('refuses a damaged line that is not the last, naming the file and line', () => {
    const path = tempPath();
    FixOrderLog.open(path, { fsync: false }).log.close();
    writeFileSync(path, `${JSON.stringify(record(1, 0))}\n{"orderId":"x"}\n${JSON.stringify(record(1, 2))}\n`);
    expect(() => FixOrderLog.open(path, { fsync: false })).toThrow(/orders\.jsonl:2: not a FIX order record/);
  });
});
