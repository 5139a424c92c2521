import { describe, expect, it } from 'vitest';
import { runDemo } from '../../src/cli/demo.js';

describe('engine demo (npm start until the server exists)', () => {
  it('prints trades and books in decimals and refuses an off-tick price at the edge', () => {
    const lines: string[] = [];
    const engine = runDemo((line) => lines.push(line));
    const text = lines.join('\n');
    expect(text).toContain('refused at the edge: price "65000.505": PRICE_NOT_ON_TICK (1007)');
    expect(text).toContain('TRADE     0.2500 BTC @ 65005.50  maker #2 (acct 2)  taker #6 (acct 7)');
    // Pro-rata with a 1 ETH top-order cap: 1 + 0.444 (+1 lot left over), 2.666 (+1), 0.888.
    expect(text).toContain('TRADE     1.445 ETH @ 3200.05  maker #7 (acct 1)  taker #10 (acct 4)');
    expect(text).toContain('TRADE     2.667 ETH @ 3200.05  maker #8 (acct 2)  taker #10 (acct 4)');
    expect(text).toContain('TRADE     0.888 ETH @ 3200.05  maker #9 (acct 3)  taker #10 (acct 4)');
    expect(text).toMatch(/65005\.50\s+0\.0500\s+1 order\s+ask/);
    expect(engine.book(1).orderCount()).toBe(4);
    expect(text).toContain(`state hash ${engine.stateHash()}`);
  });
});
