// The edge guard on its own, with a hand-moved clock: buckets, caps, strikes and bans.
import { describe, expect, it } from 'vitest';
import { type ConnectionPool, DEFAULT_EDGE, type EdgeConnection, EdgeGuard, type EdgeLimit, EdgeRefusal, TokenBucket } from '../../src/security/edge.js';

function guard(overrides: Partial<typeof DEFAULT_EDGE>): { edge: EdgeGuard; clock: { ms: number }; refused: EdgeLimit[] } {
  const clock = { ms: 1_000_000 };
  const refused: EdgeLimit[] = [];
  const edge = new EdgeGuard({ ...DEFAULT_EDGE, ...overrides }, () => clock.ms, (limit) => refused.push(limit));
  return { edge, clock, refused };
}

/** Opens a connection that the test expects admitted. */
function open(edge: EdgeGuard, ip: string, pool: ConnectionPool = 'public'): EdgeConnection {
  const connection = edge.openConnection(ip, pool);
  if (typeof connection === 'string') throw new Error(`${ip} refused: ${connection}`);
  return connection;
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

describe('TokenBucket refunds', () => {
  it('gives a token back up to the burst, and says how long until the next whole token', () => {
    const bucket = new TokenBucket(5 / 60, 2, 0); // 5 a minute, burst 2: the sign-in failure bucket
    expect([bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, false]);
    expect(bucket.msUntilToken(0)).toBe(12_000);
    expect(bucket.msUntilToken(6_000)).toBe(6_000);
    bucket.giveBack(6_000); // half a token refilled + one given back
    expect(bucket.msUntilToken(6_000)).toBe(0);
    expect([bucket.take(6_000), bucket.take(6_000)]).toEqual([true, false]);
    bucket.giveBack(60_000);
    bucket.giveBack(60_000);
    expect(bucket.full(60_000)).toBe(true);
    expect([bucket.take(60_000), bucket.take(60_000), bucket.take(60_000)]).toEqual([true, true, false]);
  });
});

describe('EdgeGuard', () => {
  it('caps connections per address and in total, and counts each refusal', () => {
    const { edge, refused } = guard({ connectionsPerIp: 2, maxConnections: 3, fixReservedConnections: 0 });
    const a1 = open(edge, 'a');
    open(edge, 'a');
    expect(edge.openConnection('a', 'public')).toBe('connections_per_ip');
    open(edge, 'b');
    expect(edge.openConnection('c', 'public')).toBe('connections');
    edge.closeConnection(a1);
    open(edge, 'c');
    expect(edge.openConnections).toBe(3);
    expect(refused).toEqual(['connections_per_ip', 'connections']);
    // A close gives back exactly what its open took, once.
    expect(() => {
      edge.closeConnection(a1);
    }).toThrow(/not open/);
  });

  it('keeps fixReservedConnections of the total for FIX: the public port stops short of it, FIX may use all', () => {
    const { edge, refused } = guard({ maxConnections: 4, fixReservedConnections: 2, connectionsPerIp: 100, maxUnauthenticatedConnections: 4 });
    open(edge, '10.0.0.1');
    const second = open(edge, '10.0.0.2');
    expect(edge.openConnection('10.0.0.3', 'public')).toBe('fix_reserved_connections');
    const fix = [open(edge, '10.0.0.4', 'fix'), open(edge, '10.0.0.5', 'fix')];
    expect(edge.openConnection('10.0.0.6', 'fix')).toBe('connections');
    // FIX may also take the public share once the public port frees it.
    edge.closeConnection(second);
    edge.closeConnection(fix[0] as EdgeConnection);
    open(edge, '10.0.0.7', 'fix');
    open(edge, '10.0.0.8', 'fix');
    expect(edge.openConnection('10.0.0.9', 'public')).toBe('connections');
    expect(refused).toEqual(['fix_reserved_connections', 'connections', 'connections']);
  });

  it('caps each listener\'s unauthenticated connections; an authenticated one leaves the count, and its close releases the right pool', () => {
    const { edge, refused } = guard({ maxUnauthenticatedConnections: 2, connectionsPerIp: 100 });
    const first = open(edge, '10.0.0.1');
    open(edge, '10.0.0.2');
    expect(edge.openConnection('10.0.0.3', 'public')).toBe('unauthenticated_connections');
    // FIX's strangers are counted apart: a flood on the public port does not lock FIX Logons out.
    open(edge, '10.0.0.4', 'fix');
    edge.authenticated(first);
    edge.authenticated(first); // idempotent
    expect(first.authenticated).toBe(true);
    expect(edge.unauthenticatedConnections('public')).toBe(1);
    const third = open(edge, '10.0.0.3');
    expect(edge.openConnection('10.0.0.5', 'public')).toBe('unauthenticated_connections');
    // Closing the authenticated one frees no unauthenticated slot; closing a stranger does.
    edge.closeConnection(first);
    expect(edge.openConnection('10.0.0.5', 'public')).toBe('unauthenticated_connections');
    edge.closeConnection(third);
    open(edge, '10.0.0.5');
    // A credential that arrives after the close changes nothing.
    edge.authenticated(third);
    expect(edge.unauthenticatedConnections('public')).toBe(2);
    expect(edge.openConnections).toBe(3);
    expect(refused).toEqual(['unauthenticated_connections', 'unauthenticated_connections', 'unauthenticated_connections']);
  });

  it('counts the addresses of one IPv6 /64 (and ::ffff:-mapped IPv4) as one client for caps, strikes and bans', () => {
    const { edge } = guard({ connectionsPerIp: 2, authFailuresBeforeBan: 2, requestsPerSecondPerIp: 1, requestBurstPerIp: 2 });
    open(edge, '2001:db8:1:2::1');
    open(edge, '2001:db8:1:2:ffff:ffff:ffff:ffff');
    expect(edge.openConnection('2001:db8:1:2:abcd::7', 'public')).toBe('connections_per_ip');
    // Another /64 of the same provider is another client.
    open(edge, '2001:db8:1:3::1');
    open(edge, '::ffff:192.0.2.1');
    open(edge, '192.0.2.1');
    expect(edge.openConnection('::ffff:192.0.2.1', 'public')).toBe('connections_per_ip');
    // The request bucket is shared by the /64.
    expect([codeOf(() => { edge.request('2001:db8:9:9::1'); }), codeOf(() => { edge.request('2001:db8:9:9::2'); }), codeOf(() => { edge.request('2001:db8:9:9::3'); })]).toEqual([undefined, undefined, 4008]);
    expect(codeOf(() => { edge.request('2001:db8:9:8::1'); })).toBeUndefined();
    // Strikes from two addresses of one /64 ban the whole /64, and only it.
    expect([edge.strike('2001:db8:5:5::1'), edge.strike('2001:db8:5:5::2')]).toEqual([false, true]);
    expect(edge.isBanned('2001:db8:5:5:1:2:3:4')).toBe(true);
    expect(edge.openConnection('2001:db8:5:5::99', 'fix')).toBe('banned');
    expect(codeOf(() => { edge.request('2001:db8:5:5::42'); })).toBe(4010);
    expect(edge.isBanned('2001:db8:5:6::1')).toBe(false);
  });

  it('caps the unauthenticated connections of one IPv6 /48, however many /64s it uses, and frees a slot on authentication', () => {
    const { edge, refused } = guard({ unauthenticatedConnectionsPerNetwork: 3 });
    const held = ['2001:db8:7:1::1', '2001:db8:7:2::1', '2001:db8:7:3::1'].map((ip) => open(edge, ip));
    expect(edge.openConnection('2001:db8:7:4::1', 'fix')).toBe('unauthenticated_connections_per_network');
    expect(refused).toContain('unauthenticated_connections_per_network');
    // Another /48 is another network; an IPv4 address is its own.
    open(edge, '2001:db8:8:1::1');
    open(edge, '192.0.2.9');
    const first = held[0];
    if (first === undefined) throw new Error('no connection');
    edge.authenticated(first);
    const late = open(edge, '2001:db8:7:4::1');
    expect(edge.openConnection('2001:db8:7:5::1', 'public')).toBe('unauthenticated_connections_per_network');
    // Closing an unauthenticated one frees its slot; closing the authenticated one frees none.
    edge.closeConnection(late);
    edge.closeConnection(first);
    open(edge, '2001:db8:7:6::1');
    expect(edge.openConnection('2001:db8:7:7::1', 'public')).toBe('unauthenticated_connections_per_network');
  });

  it('finds the connection of a socket by its four-tuple (a TLS socket shares it with the TCP socket), and releases it at close', () => {
    const { edge } = guard({ maxUnauthenticatedConnections: 1 });
    const listeners: (() => void)[] = [];
    const tcp = { remoteAddress: '10.1.1.1', remotePort: 5000, localAddress: '10.0.0.1', localPort: 8443, once: (_event: 'close', listener: () => void) => listeners.push(listener) };
    const connection = edge.admitSocket(tcp, 'public');
    expect(connection).toBeDefined();
    expect(edge.admitSocket({ ...tcp, remotePort: 5001 }, 'public')).toBeUndefined();
    const tlsOverIt = { remoteAddress: '10.1.1.1', remotePort: 5000, localAddress: '10.0.0.1', localPort: 8443 };
    expect(edge.connectionOf(tlsOverIt)).toBe(connection);
    expect(edge.connectionOf({ ...tlsOverIt, remotePort: 5002 })).toBeUndefined();
    edge.authenticatedSocket(tlsOverIt);
    expect(connection?.authenticated).toBe(true);
    expect(edge.admitSocket({ ...tcp, remotePort: 5003 }, 'public')).toBeDefined();
    for (const listener of listeners.splice(0, 1)) listener();
    expect(edge.connectionOf(tlsOverIt)).toBeUndefined();
    expect(edge.openConnections).toBe(1);
  });

  it('refuses a FIX reserve that leaves the public port nothing', () => {
    expect(() => guard({ maxConnections: 10, fixReservedConnections: 10 })).toThrow(/fixReservedConnections/);
  });

  it('bans an address after enough strikes within the window, until banMs has passed', () => {
    const { edge, clock } = guard({ authFailuresBeforeBan: 3, authFailureWindowMs: 10_000, banMs: 5_000 });
    expect([edge.strike('x'), edge.strike('x')]).toEqual([false, false]);
    clock.ms += 10_001; // the window passed: counting starts again
    expect([edge.strike('x'), edge.strike('x'), edge.strike('x')]).toEqual([false, false, true]);
    expect(edge.isBanned('x')).toBe(true);
    expect(codeOf(() => { edge.request('x'); })).toBe(4010);
    expect(edge.openConnection('x', 'public')).toBe('banned');
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
