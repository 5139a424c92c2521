// The edge guard on its own, with a hand-moved clock: buckets, caps, strikes and bans.
import { describe, expect, it } from 'vitest';
import { DEFAULT_EDGE, EdgeGuard, type EdgeLimit, EdgeRefusal, TokenBucket } from '../../src/security/edge.js';

function guard(overrides: Partial<typeof DEFAULT_EDGE>): { edge: EdgeGuard; clock: { ms: number }; refused: EdgeLimit[] } {
  const clock = { ms: 1_000_000 };
  const refused: EdgeLimit[] = [];
  const edge = new EdgeGuard({ ...DEFAULT_EDGE, ...overrides }, () => clock.ms, (limit) => refused.push(limit));
  return { edge, clock, refused };
}

function codeOf(act: () => void): number | undefined {
  try {
    act();
    return undefined;
  } catch (error) {
    if (error instanceof EdgeRefusal) return error.code;
    throw error;
  }
}

describe('TokenBucket', () => {
  it('allows the burst, then the rate, and refills to the burst only', () => {
    const bucket = new TokenBucket(10, 3, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.take(99)).toBe(false);
    expect(bucket.take(100)).toBe(true);
    expect(bucket.full(10_000)).toBe(true);
    expect([bucket.take(10_000), bucket.take(10_000), bucket.take(10_000), bucket.take(10_000)]).toEqual([true, true, true, false]);
  });
});

describe('EdgeGuard', () => {
  it('caps connections per address and in total, and counts each refusal', () => {
    const { edge, refused } = guard({ connectionsPerIp: 2, maxConnections: 3 });
    expect([edge.openConnection('a'), edge.openConnection('a'), edge.openConnection('a')]).toEqual([undefined, undefined, 'connections_per_ip']);
    expect([edge.openConnection('b'), edge.openConnection('c')]).toEqual([undefined, 'connections']);
    edge.closeConnection('a');
    expect(edge.openConnection('c')).toBeUndefined();
    expect(edge.openConnections).toBe(3);
    expect(refused).toEqual(['connections_per_ip', 'connections']);
    expect(() => {
      edge.closeConnection('never');
    }).toThrow(/never opened/);
  });

  it('bans an address after enough strikes within the window, until banMs has passed', () => {
    const { edge, clock } = guard({ authFailuresBeforeBan: 3, authFailureWindowMs: 10_000, banMs: 5_000 });
    expect([edge.strike('x'), edge.strike('x')]).toEqual([false, false]);
    clock.ms += 10_001; // the window passed: counting starts again
    expect([edge.strike('x'), edge.strike('x'), edge.strike('x')]).toEqual([false, false, true]);
    expect(edge.isBanned('x')).toBe(true);
    expect(codeOf(() => { edge.request('x'); })).toBe(4010);
    expect(edge.openConnection('x')).toBe('banned');
    expect(codeOf(() => { edge.request('y'); })).toBeUndefined();
    clock.ms += 5_000;
    expect(edge.isBanned('x')).toBe(false);
    expect(codeOf(() => { edge.request('x'); })).toBeUndefined();
  });

  it('answers RATE_LIMITED past the burst, and strikes an address for each burst of refusals it ignores', () => {
    const { edge } = guard({ requestsPerSecondPerIp: 1, requestBurstPerIp: 4, authFailuresBeforeBan: 2 });
    const codes = Array.from({ length: 4 + 4 * 2 }, () => codeOf(() => { edge.request('z'); }));
    expect(codes.slice(0, 4)).toEqual([undefined, undefined, undefined, undefined]);
    // Refusals 1–4 earn the first strike, 5–8 the second: banned from then on.
    expect(codes.slice(4, 11)).toEqual([4008, 4008, 4008, 4008, 4008, 4008, 4008]);
    expect(codes[11]).toBe(4008);
    expect(edge.isBanned('z')).toBe(true);
  });

  it('limits orders per account, and does not limit venue staff requests (account 0)', () => {
    const { edge } = guard({ ordersPerSecondPerAccount: 1, orderBurstPerAccount: 2, requestsPerSecondPerAccount: 1, requestBurstPerAccount: 1 });
    expect([codeOf(() => { edge.order(7); }), codeOf(() => { edge.order(7); }), codeOf(() => { edge.order(7); })]).toEqual([undefined, undefined, 4008]);
    expect(codeOf(() => { edge.order(8); })).toBeUndefined();
    expect([codeOf(() => { edge.accountRequest(7); }), codeOf(() => { edge.accountRequest(7); })]).toEqual([undefined, 4008]);
    for (let i = 0; i < 10; i++) expect(codeOf(() => { edge.accountRequest(0); })).toBeUndefined();
  });

  it('calls a message bucket calm only once it has refilled', () => {
    const { edge, clock } = guard({ messagesPerSecondPerConnection: 10, messageBurstPerConnection: 2 });
    const bucket = edge.messageBucket();
    expect([edge.message(bucket), edge.message(bucket), edge.message(bucket)]).toEqual([true, true, false]);
    expect(edge.calm(bucket)).toBe(false);
    clock.ms += 100;
    expect(edge.calm(bucket)).toBe(false);
    clock.ms += 100;
    expect(edge.calm(bucket)).toBe(true);
  });
});
