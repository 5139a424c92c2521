// Edge protection: what stops one client from taking the venue from the others before a request
// reaches the sequencer. Every limit is a number in the config (`edge`), every refusal is counted by
// limit in metrics (`kapita_edge_refused_total`) and answered with a coded error: 429 RATE_LIMITED,
// 403 BANNED, or a closed socket where no protocol is spoken yet (the per-address connection cap).
//
// - Connections: a cap per address and one for every listener together (HTTPS, WebSocket and FIX).
//   FIX's order entry keeps `fixReservedConnections` of the total that the public port cannot take,
//   so a flood of HTTPS or WebSocket connections cannot lock professional sessions out. A connection
//   counts as unauthenticated from accept until it shows a credential (an HTTPS request with a valid
//   token, a WebSocket AuthRequest, a FIX Logon); each listener's unauthenticated connections have a
//   smaller cap of their own, so strangers who never authenticate cannot hold every slot.
// - Addresses are counted by addressGroup (security/address.ts): an IPv6 client by its /64, which
//   is what a provider gives one customer. Every cap, bucket, strike and ban below keys on the group.
// - Token buckets (rate per second, burst): requests per address, requests per account, orders per
//   account, and WebSocket messages per connection. The risk gate's order-rate limit stays the last
//   line: it is sequenced and deterministic, these are not.
// - Bans: an address with `authFailuresBeforeBan` strikes within `authFailureWindowMs` is refused
//   everything for `banMs`. A strike is an authentication failure, a WebSocket cut off for abuse
//   (over its message rate for too long, or a run of frames that are not messages), or a burst's
//   worth of requests refused for the address's rate.
// Time comes from the `now` passed in, so tests can move it; this is edge code, outside the core's
// determinism.
import { ResultCode } from '../domain/result-codes.js';
import { addressGroup, addressNetwork } from './address.js';
import { VenueError } from '../domain/venue-error.js';

export interface EdgeLimits {
  /** Every listener's connections together (HTTPS, WebSocket and FIX). */
  readonly maxConnections: number;
  /** Of maxConnections, how many only FIX may use: the public port stops at maxConnections − this. */
  readonly fixReservedConnections: number;
  /** Connections of one listener that have not authenticated yet (counted per listener). */
  readonly maxUnauthenticatedConnections: number;
  /**
   * Unauthenticated connections of one network (an IPv6 /48, an IPv4 address; security/address.ts),
   * all listeners together: one site's many /64s cannot take the unauthenticated slots by themselves.
   */
  readonly unauthenticatedConnectionsPerNetwork: number;
  /** A WebSocket must complete an AuthRequest within this after it opens. */
  readonly authTimeoutMs: number;
  /** Per address group (an IPv4 address, an IPv6 /64). */
  readonly connectionsPerIp: number;
  readonly requestsPerSecondPerIp: number;
  readonly requestBurstPerIp: number;
  readonly requestsPerSecondPerAccount: number;
  readonly requestBurstPerAccount: number;
  readonly ordersPerSecondPerAccount: number;
  readonly orderBurstPerAccount: number;
  readonly messagesPerSecondPerConnection: number;
  readonly messageBurstPerConnection: number;
  readonly authFailuresBeforeBan: number;
  readonly authFailureWindowMs: number;
  readonly banMs: number;
  /** TLS handshake and HTTP request headers must arrive within this. */
  readonly handshakeTimeoutMs: number;
  /** A whole HTTP request (headers and body) must arrive within this. */
  readonly requestTimeoutMs: number;
  /** An idle keep-alive HTTP connection, or a WebSocket that stops answering pings, is closed after this. */
  readonly idleTimeoutMs: number;
}

export const DEFAULT_EDGE: EdgeLimits = {
  maxConnections: 10_000,
  fixReservedConnections: 500,
  maxUnauthenticatedConnections: 2_000,
  unauthenticatedConnectionsPerNetwork: 64,
  authTimeoutMs: 10_000,
  connectionsPerIp: 64,
  requestsPerSecondPerIp: 200,
  requestBurstPerIp: 400,
  requestsPerSecondPerAccount: 500,
  requestBurstPerAccount: 1_000,
  ordersPerSecondPerAccount: 2_000,
  orderBurstPerAccount: 4_000,
  messagesPerSecondPerConnection: 2_000,
  messageBurstPerConnection: 4_000,
  authFailuresBeforeBan: 10,
  authFailureWindowMs: 60_000,
  banMs: 300_000,
  handshakeTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  idleTimeoutMs: 60_000,
};

/** The limits a refusal is counted under. */
export type EdgeLimit = 'connections' | 'fix_reserved_connections' | 'unauthenticated_connections' | 'unauthenticated_connections_per_network' | 'connections_per_ip' | 'requests_per_ip' | 'requests_per_account' | 'orders_per_account' | 'messages_per_connection' | 'banned';

/** A token bucket: `rate` tokens a second, at most `burst` saved up. */
export class TokenBucket {
  private tokens: number;
  private lastMs: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    nowMs: number,
  ) {
    this.tokens = burst;
    this.lastMs = nowMs;
  }

  /** Takes one token if there is one. */
  take(nowMs: number): boolean {
    this.refill(nowMs);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Gives one token back (a charge refunded: the password was right), up to the burst. */
  giveBack(nowMs: number): void {
    this.refill(nowMs);
    this.tokens = Math.min(this.burst, this.tokens + 1);
  }

  /** Ms until the next whole token (0 when one is there). */
  msUntilToken(nowMs: number): number {
    this.refill(nowMs);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) * 1000) / this.rate);
  }

  /** True when the bucket has refilled completely, so forgetting it changes nothing. */
  full(nowMs: number): boolean {
    return this.tokens + ((nowMs - this.lastMs) * this.rate) / 1000 >= this.burst;
  }

  private refill(nowMs: number): void {
    if (nowMs <= this.lastMs) return;
    this.tokens = Math.min(this.burst, this.tokens + ((nowMs - this.lastMs) * this.rate) / 1000);
    this.lastMs = nowMs;
  }
}

/** How many buckets or failure records a map may hold before full (forgettable) ones are swept. */
const SWEEP_AT = 10_000;

/** A connection, rate or ban limit of the edge: `limit` names which (for the metric). */
export class EdgeRefusal extends VenueError {
  constructor(
    code: ResultCode,
    readonly limit: EdgeLimit,
    message: string,
  ) {
    super(code, message);
    this.name = 'EdgeRefusal';
  }
}

/** Which listener a connection came in on: the public port (HTTPS and WebSocket) or FIX's. */
export type ConnectionPool = 'public' | 'fix';

/**
 * One connection the edge admitted: what openConnection returns and closeConnection takes back, so a
 * close releases exactly the address group and pool its open took.
 */
export interface EdgeConnection {
  /** The addressGroup the connection is counted under. */
  readonly group: string;
  readonly pool: ConnectionPool;
  /** True once it has shown a valid credential (EdgeGuard.authenticated). */
  readonly authenticated: boolean;
}

/** The guard's own record behind an EdgeConnection: only the guard changes it. */
class AdmittedConnection implements EdgeConnection {
  authenticated = false;
  closed = false;

  constructor(
    readonly group: string,
    readonly network: string,
    readonly pool: ConnectionPool,
  ) {}
}

function admitted(connection: EdgeConnection): AdmittedConnection {
  if (!(connection instanceof AdmittedConnection)) throw new Error('edge: a connection the guard did not open');
  return connection;
}

/** What identifies a live TCP connection to a listener, shared by a TLS socket and the TCP socket under it. */
export interface SocketAddressPair {
  readonly remoteAddress?: string | undefined;
  readonly remotePort?: number | undefined;
  readonly localAddress?: string | undefined;
  readonly localPort?: number | undefined;
}

/** A TCP socket as admitSocket needs it. */
export interface AdmittedSocket extends SocketAddressPair {
  once(event: 'close', listener: () => void): unknown;
}

function socketKey(socket: SocketAddressPair): string {
  return `${socket.remoteAddress ?? '?'}|${socket.remotePort ?? 0}|${socket.localAddress ?? '?'}|${socket.localPort ?? 0}`;
}

export class EdgeGuard {
  private readonly perGroupConnections = new Map<string, number>();
  private connections = 0;
  private readonly poolConnections: Record<ConnectionPool, number> = { public: 0, fix: 0 };
  private readonly unauthenticated: Record<ConnectionPool, number> = { public: 0, fix: 0 };
  /** Unauthenticated connections by network (addressNetwork), every listener's. */
  private readonly unauthenticatedByNetwork = new Map<string, number>();
  /** Live admitted sockets by their four-tuple, so an HTTPS request or a WebSocket can find its connection. */
  private readonly bySocket = new Map<string, EdgeConnection>();
  private readonly ipBuckets = new Map<string, TokenBucket>();
  private readonly accountBuckets = new Map<number, TokenBucket>();
  private readonly orderBuckets = new Map<number, TokenBucket>();
  private readonly failures = new Map<string, { count: number; sinceMs: number }>();
  private readonly bannedUntil = new Map<string, number>();
  /** Requests refused for the address's rate since its last strike for it. */
  private readonly rateRefusals = new Map<string, number>();

  constructor(
    readonly limits: EdgeLimits,
    private readonly now: () => number,
    private readonly refused: (limit: EdgeLimit) => void,
  ) {
    if (limits.fixReservedConnections >= limits.maxConnections) throw new Error(`edge: fixReservedConnections (${limits.fixReservedConnections}) must be below maxConnections (${limits.maxConnections})`);
  }

  /**
   * Admits a new, unauthenticated connection from `ip` on `pool`'s listener, or says which limit
   * refuses it (and counts the refusal). Pair the connection with closeConnection.
   */
  openConnection(ip: string, pool: ConnectionPool): EdgeConnection | EdgeLimit {
    const group = addressGroup(ip);
    const network = addressNetwork(ip);
    const refusal = this.connectionRefusal(group, network, pool);
    if (refusal !== undefined) {
      this.refused(refusal);
      return refusal;
    }
    this.connections++;
    this.poolConnections[pool]++;
    this.unauthenticated[pool]++;
    this.unauthenticatedByNetwork.set(network, (this.unauthenticatedByNetwork.get(network) ?? 0) + 1);
    this.perGroupConnections.set(group, (this.perGroupConnections.get(group) ?? 0) + 1);
    return new AdmittedConnection(group, network, pool);
  }

  private connectionRefusal(group: string, network: string, pool: ConnectionPool): EdgeLimit | undefined {
    const limits = this.limits;
    if (this.isBanned(group)) return 'banned';
    if (this.connections >= limits.maxConnections) return 'connections';
    if (pool === 'public' && this.poolConnections.public >= limits.maxConnections - limits.fixReservedConnections) return 'fix_reserved_connections';
    if ((this.perGroupConnections.get(group) ?? 0) >= limits.connectionsPerIp) return 'connections_per_ip';
    if (this.unauthenticated[pool] >= limits.maxUnauthenticatedConnections) return 'unauthenticated_connections';
    if ((this.unauthenticatedByNetwork.get(network) ?? 0) >= limits.unauthenticatedConnectionsPerNetwork) return 'unauthenticated_connections_per_network';
    return undefined;
  }

  /**
   * The connection has shown a valid credential: it leaves its listener's unauthenticated count.
   * Idempotent, and a no-op once it has closed (a credential checked while the peer went away).
   */
  authenticated(connection: EdgeConnection): void {
    const record = admitted(connection);
    if (record.authenticated || record.closed) return;
    record.authenticated = true;
    this.unauthenticated[record.pool]--;
    this.leaveNetwork(record.network);
  }

  private leaveNetwork(network: string): void {
    const n = this.unauthenticatedByNetwork.get(network) ?? 0;
    if (n <= 0) throw new Error(`edge: network ${network} has no unauthenticated connection to release`);
    if (n === 1) this.unauthenticatedByNetwork.delete(network);
    else this.unauthenticatedByNetwork.set(network, n - 1);
  }

  /** Releases what openConnection took. Closing a connection twice is a bug in the caller. */
  closeConnection(connection: EdgeConnection): void {
    const record = admitted(connection);
    const n = this.perGroupConnections.get(record.group) ?? 0;
    if (record.closed || n <= 0) throw new Error(`edge: closing a connection from ${record.group} that is not open`);
    record.closed = true;
    this.connections--;
    this.poolConnections[record.pool]--;
    if (!record.authenticated) {
      this.unauthenticated[record.pool]--;
      this.leaveNetwork(record.network);
    }
    if (n === 1) this.perGroupConnections.delete(record.group);
    else this.perGroupConnections.set(record.group, n - 1);
  }

  /**
   * openConnection for a TCP socket at accept, released when the socket closes. Returns undefined
   * when refused (the caller destroys the socket: there is no protocol yet to answer in).
   */
  admitSocket(socket: AdmittedSocket, pool: ConnectionPool): EdgeConnection | undefined {
    const connection = this.openConnection(socket.remoteAddress ?? 'unknown', pool);
    if (typeof connection === 'string') return undefined;
    const key = socketKey(socket);
    this.bySocket.set(key, connection);
    socket.once('close', () => {
      if (this.bySocket.get(key) === connection) this.bySocket.delete(key);
      this.closeConnection(connection);
    });
    return connection;
  }

  /** The connection admitSocket admitted for `socket`, or the TCP socket under a TLS socket. */
  connectionOf(socket: SocketAddressPair): EdgeConnection | undefined {
    return this.bySocket.get(socketKey(socket));
  }

  /** A request on `socket` carried a valid credential (an HTTPS bearer token): see authenticated. */
  authenticatedSocket(socket: SocketAddressPair): void {
    const connection = this.connectionOf(socket);
    if (connection !== undefined) this.authenticated(connection);
  }

  /** Live connections (for metrics). */
  get openConnections(): number {
    return this.connections;
  }

  /** Live connections of one listener that have not authenticated. */
  unauthenticatedConnections(pool: ConnectionPool): number {
    return this.unauthenticated[pool];
  }

  /** A request or WebSocket upgrade from `ip` (counted by its group): throws EdgeRefusal when banned or over the address's rate. */
  request(ip: string): void {
    const group = addressGroup(ip);
    if (this.isBanned(group)) throw this.refusal(ResultCode.BANNED, 'banned', `${group} is banned after repeated authentication failures`);
    if (!this.bucket(this.ipBuckets, group, this.limits.requestsPerSecondPerIp, this.limits.requestBurstPerIp)) {
      // An address that keeps going after a burst's worth of 429s gets a strike for each such burst:
      // a ban then refuses it at the TCP accept, far cheaper than answering every request.
      const refused = (this.rateRefusals.get(group) ?? 0) + 1;
      if (refused >= this.limits.requestBurstPerIp) {
        this.rateRefusals.delete(group);
        this.strike(group);
      } else {
        if (refused === 1 && this.rateRefusals.size >= SWEEP_AT) this.rateRefusals.clear();
        this.rateRefusals.set(group, refused);
      }
      throw this.refusal(ResultCode.RATE_LIMITED, 'requests_per_ip', `more than ${this.limits.requestsPerSecondPerIp} requests a second from ${group}`);
    }
  }

  /** An authenticated request for `accountId` (0, the venue's own staff and keys, is not limited). */
  accountRequest(accountId: number): void {
    if (accountId === 0) return;
    if (!this.bucket(this.accountBuckets, accountId, this.limits.requestsPerSecondPerAccount, this.limits.requestBurstPerAccount)) throw this.refusal(ResultCode.RATE_LIMITED, 'requests_per_account', `more than ${this.limits.requestsPerSecondPerAccount} requests a second for account ${accountId}`);
  }

  /** An order entry (place or amend) for `accountId`, over REST or WebSocket. */
  order(accountId: number): void {
    if (!this.bucket(this.orderBuckets, accountId, this.limits.ordersPerSecondPerAccount, this.limits.orderBurstPerAccount)) throw this.refusal(ResultCode.RATE_LIMITED, 'orders_per_account', `more than ${this.limits.ordersPerSecondPerAccount} orders a second for account ${accountId}`);
  }

  /** A bucket for one WebSocket connection's incoming messages. */
  messageBucket(): TokenBucket {
    return new TokenBucket(this.limits.messagesPerSecondPerConnection, this.limits.messageBurstPerConnection, this.now());
  }

  /** Takes a message from a connection's bucket; false (and counted) when it is empty. */
  message(bucket: TokenBucket): boolean {
    if (bucket.take(this.now())) return true;
    this.refused('messages_per_connection');
    return false;
  }

  /** True when a connection's message bucket has refilled completely: the sender has kept to its rate. */
  calm(bucket: TokenBucket): boolean {
    return bucket.full(this.now());
  }

  /**
   * Records a strike against `ip`: an authentication failure, or a connection cut off for abuse
   * (over its message rate for too long, a run of bad frames). True when it has just been banned.
   */
  strike(ip: string): boolean {
    const group = addressGroup(ip);
    const now = this.now();
    const record = this.failures.get(group);
    const current = record === undefined || now - record.sinceMs > this.limits.authFailureWindowMs ? { count: 0, sinceMs: now } : record;
    current.count++;
    if (this.failures.size >= SWEEP_AT) for (const [key, r] of this.failures) if (now - r.sinceMs > this.limits.authFailureWindowMs) this.failures.delete(key);
    this.failures.set(group, current);
    if (current.count < this.limits.authFailuresBeforeBan) return false;
    this.failures.delete(group);
    this.bannedUntil.set(group, now + this.limits.banMs);
    return true;
  }

  /** Whether `ip`'s group is banned (addressGroup of a group is the group itself). */
  isBanned(ip: string): boolean {
    const group = addressGroup(ip);
    const until = this.bannedUntil.get(group);
    if (until === undefined) return false;
    if (this.now() < until) return true;
    this.bannedUntil.delete(group);
    return false;
  }

  private bucket<K>(map: Map<K, TokenBucket>, key: K, rate: number, burst: number): boolean {
    const now = this.now();
    let bucket = map.get(key);
    if (bucket === undefined) {
      // Full buckets hold no information: sweeping them bounds memory under a flood of new addresses.
      if (map.size >= SWEEP_AT) for (const [k, b] of map) if (b.full(now)) map.delete(k);
      bucket = new TokenBucket(rate, burst, now);
      map.set(key, bucket);
    }
    return bucket.take(now);
  }

  private refusal(code: ResultCode, limit: EdgeLimit, message: string): EdgeRefusal {
    this.refused(limit);
    return new EdgeRefusal(code, limit, message);
  }
}
