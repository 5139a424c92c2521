import { describe, expect, it } from 'vitest';
import { runDemo } from '../../src/cli/demo.js';

describe('engine demo (npm start until the server exists)', () => {
  it('prints trades and books in decimals and refuses an off-tick price at the edge', () => {
    const lines: string[] = [];
    const engine = runDemo((line) => lines.push(line));
    const text = lines.join('\n');
    expect(text).toContain('refused at the edge: price "65000.505": PRICE_NOT_ON_TICK (1007)');
    expect(text).toContain('TRADE     0.2500 BTC @ 65005.50  maker #15 (acct 2)  taker #19 (acct 7)');
    // Pro-rata with a 1 ETH top-order cap: 1 + 0.444 (+1 lot left over), 2.666 (+1), 0.888.
    expect(text).toContain('TRADE     1.445 ETH @ 3200.05  maker #20 (acct 1)  taker #23 (acct 4)');
    expect(text).toContain('TRADE     2.667 ETH @ 3200.05  maker #21 (acct 2)  taker #23 (acct 4)');
    expect(text).toContain('TRADE     0.888 ETH @ 3200.05  maker #22 (acct 3)  taker #23 (acct 4)');
    expect(text).toMatch(/65005\.50\s+0\.0500\s+1 order\s+ask/);
    expect(engine.book(1).orderCount()).toBe(4);
    // The risk gate: an unfunded account is refused; the market buy spent its notional plus the taker fee.
    expect(text).toContain('rejected  INSUFFICIENT_BALANCE (2001)');
    const risk = engine.risk;
    const usd = risk?.tables.assets.find((a) => a.name === 'USD')?.id ?? 0;
    const eth = risk?.tables.assets.find((a) => a.name === 'ETH')?.id ?? 0;
    const buyer = risk?.accountState(4);
    expect(buyer?.total[eth - 1]).toBe(5000);
    // 5 ETH at 3,200.05 is 16,000.25 USD (10^-6 units); taker fees of 4 bp on the three fills round up.
    const fees = [1445, 2667, 888].reduce((sum, lots) => sum + Math.ceil((lots * 320_005 * 10 * 4) / 10_000), 0);
    expect(buyer?.total[usd - 1]).toBe(200_000_000_000 - 16_000_250_000 - fees);
    expect(text).toMatch(/fees collected\s+0\.0000\s+\d+\.\d{6}\s+0\.000/);
    engine.validateInternalState();
    expect(text).toContain(`state hash ${engine.stateHash()}`);
  });
});
