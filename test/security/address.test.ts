// addressGroup: the key the edge counts a client by. An IPv6 client is counted by its /64 (what one
// customer is given), an IPv4-mapped IPv6 address as the IPv4 address it carries.
import { describe, expect, it } from 'vitest';
import { addressGroup, addressNetwork } from '../../src/security/address.js';

describe('addressNetwork', () => {
  it.each([
    ['192.0.2.7', '192.0.2.7'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['2001:db8:1:2::1', '2001:db8:1::/48'],
    ['2001:db8:1:ffff::1', '2001:db8:1::/48'],
    ['2001:0DB8:0001:0002:0:0:0:9', '2001:db8:1::/48'],
    ['2001:db8::1', '2001:db8:0::/48'],
    ['fe80::1%eth0', 'fe80:0:0::/48'],
    ['unknown', 'unknown'],
  ])('%s is in network %s', (ip, network) => {
    expect(addressNetwork(ip)).toBe(network);
  });

  it('holds the 65,536 /64 groups of one /48, and no neighbouring /48', () => {
    const groups = ['2001:db8:aa:0::1', '2001:db8:aa:1::1', '2001:db8:aa:ffff::1'];
    expect(new Set(groups.map(addressGroup)).size).toBe(3);
    expect([...new Set(groups.map(addressNetwork))]).toEqual(['2001:db8:aa::/48']);
    expect(addressNetwork('2001:db8:ab:0::1')).not.toBe(addressNetwork('2001:db8:aa:0::1'));
  });
});

describe('addressGroup', () => {
  it.each([
    ['192.0.2.7', '192.0.2.7'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['::FFFF:192.0.2.7', '192.0.2.7'],
    ['::1', '0:0:0:0::/64'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['2001:0DB8:0001:0002:0:0:0:9', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::192.0.2.7', '0:0:0:0::/64'],
    ['2001:db8:1:2:3:4:192.0.2.7', '2001:db8:1:2::/64'],
    ['unknown', 'unknown'],
  ])('%s is counted as %s', (ip, group) => {
    expect(addressGroup(ip)).toBe(group);
  });

  it('puts every address of one /64 in one group and a neighbouring /64 in another', () => {
    const group = new Set(['2001:db8:aa:bb::1', '2001:db8:aa:bb:1::', '2001:db8:aa:bb:dead:beef:0:1'].map(addressGroup));
    expect([...group]).toEqual(['2001:db8:aa:bb::/64']);
    expect(addressGroup('2001:db8:aa:bc::1')).not.toBe(addressGroup('2001:db8:aa:bb::1'));
  });

  it('is its own fixed point, so the edge may pass a group where it takes an address', () => {
    for (const ip of ['192.0.2.7', '::ffff:192.0.2.7', '2001:db8:1:2::1', '::1']) expect(addressGroup(addressGroup(ip))).toBe(addressGroup(ip));
  });
});
