// The units the edge counts a client by. An IPv4 address is one client. An IPv6 host has at least a
// whole /64 (SLAAC needs one) and can pick a fresh address for every connection: counting full IPv6
// addresses would give it 2^64 identities. Connection caps, rate limits, strikes and bans therefore
// count an IPv6 client by its /64 (addressGroup), and an IPv4-mapped IPv6 address (::ffff:a.b.c.d,
// what a dual-stack socket reports for IPv4) by its IPv4 address.
//
// A /64 is the least a site gets, not the most: providers give end sites a /56 or a /48 (RFC 6177),
// so one customer holds 256 to 65,536 groups. The scarcest things (unauthenticated connection slots,
// password checks) are therefore also capped per network (addressNetwork): the IPv6 /48, and for
// IPv4 the address itself (a /24 would also be one office's neighbours).
import { isIPv4, isIPv6, SocketAddress } from 'node:net';

/** The key an address is counted under: `a.b.c.d`, or the first four hextets of an IPv6 address and `::/64`. */
export function addressGroup(ip: string): string {
  return prefixKey(ip, 4);
}

/** The coarser unit for the scarcest limits: an IPv6 address's /48 (`a:b:c::/48`); IPv4 as addressGroup. */
export function addressNetwork(ip: string): string {
  return prefixKey(ip, 3);
}

/** IPv4 (or IPv4-mapped) as the address; IPv6 as its first `hextets` hextets and the prefix length. */
function prefixKey(ip: string, hextets: number): string {
  const mapped = /^::ffff:([0-9]{1,3}(?:\.[0-9]{1,3}){3})$/i.exec(ip)?.[1];
  if (mapped !== undefined && isIPv4(mapped)) return mapped;
  // A zone index (fe80::1%eth0) names the interface, not the host: the address is what counts.
  const bare = ip.split('%')[0] ?? ip;
  if (!isIPv6(bare)) return ip;
  return `${expandIPv6(bare).slice(0, hextets).join(':')}::/${hextets * 16}`;
}

/** The eight hextets of a valid IPv6 address, lower case without leading zeros. */
function expandIPv6(ip: string): string[] {
  // SocketAddress parses and normalizes (RFC 5952) without a hand-written parser; the canonical form
  // still compresses zeros, so the :: run is expanded here.
  const canonical = new SocketAddress({ address: ip, family: 'ipv6' }).address;
  const [head = '', tail] = canonical.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const last = right.at(-1) ?? left.at(-1) ?? '';
  // An embedded IPv4 tail (::1.2.3.4) takes two hextets.
  if (last.includes('.')) {
    const octets = last.split('.').map(Number);
    const pair = [((octets[0] ?? 0) << 8) | (octets[1] ?? 0), ((octets[2] ?? 0) << 8) | (octets[3] ?? 0)].map((n) => n.toString(16));
    if (right.length > 0) right.splice(-1, 1, ...pair);
    else left.splice(-1, 1, ...pair);
  }
  const zeros = tail === undefined ? [] : new Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((h) => Number.parseInt(h, 16).toString(16));
}
