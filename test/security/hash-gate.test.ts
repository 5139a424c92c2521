// The password hash gate as a unit (the server-level tests are in identity-hardening.test.ts): the
// failure buckets of an address group (IPv6 /64) and of its network (IPv6 /48), charged before the
// hash and refunded after a right password. Time is a moved clock; the "hash" is a resolved promise.
import { describe, expect, it } from 'vitest';
import { HashGate, HashGateRefusal } from '../../src/auth/hash-gate.js';

function gate(): { gate: HashGate; clock: { ms: number } } {
  const clock = { ms: 0 };
  return { gate: new HashGate({ venueWide: 2, perAddress: 1, failuresPerMinute: 1, failureBurst: 1 }, () => clock.ms), clock };
}

async function attempt(g: HashGate, ip: string, right = false): Promise<'checked' | number> {
  try {
    await g.signIn(ip, () => Promise.resolve(right), (ok) => ok);
    return 'checked';
  } catch (error) {
    if (error instanceof HashGateRefusal) return error.status;
    throw error;
  }
}

describe('HashGate failure buckets', () => {
  it('lets one /48 fail 4 times a group-burst across its /64s, then refuses every /64 of it, and nobody else', async () => {
    const { gate: g } = gate();
    // Burst 1 per /64: each fresh /64 may fail once; the /48's bucket (4 times a group's) runs dry after 4.
    const results = [];
    for (let i = 1; i <= 6; i++) results.push(await attempt(g, `2001:db8:aa:${i.toString(16)}::1`));
    expect(results).toEqual(['checked', 'checked', 'checked', 'checked', 429, 429]);
    // The refusals ran no hash; another /48 and an IPv4 address are untouched.
    expect(g.admitted).toBe(4);
    expect(await attempt(g, '2001:db8:ab:1::1')).toBe('checked');
    expect(await attempt(g, '192.0.2.1')).toBe('checked');
  });

  it('refunds both buckets after a right password, and a refusal by the network keeps no charge on the group', async () => {
    const { gate: g, clock } = gate();
    // Right passwords never drain anything.
    for (let i = 0; i < 10; i++) expect(await attempt(g, '2001:db8:cc:1::1', true)).toBe('checked');
    for (let i = 2; i <= 5; i++) expect(await attempt(g, `2001:db8:cc:${i}::1`)).toBe('checked');
    expect(await attempt(g, '2001:db8:cc:6::1')).toBe(429);
    // 15 s later the /48 (4 a minute) has one token again, and /64 6 (refused by the network, so not charged) spends it.
    clock.ms += 15_000;
    expect(await attempt(g, '2001:db8:cc:6::1')).toBe('checked');
    expect(await attempt(g, '2001:db8:cc:7::1')).toBe(429);
  });
});
