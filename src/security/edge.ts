// Edge protection: what stops one client from taking the venue from the others before a request
// reaches the sequencer. Every limit is a number in the config (`edge`), every refusal is counted by
// limit in metrics (`kapita_edge_refused_total`) and answered with a coded error: 429 RATE_LIMITED,
// 403 BANNED, or a closed socket where no protocol is spoken yet (the per-address connection cap).
//
// - Connections: a cap per address and one for the whole listener.
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

export interface EdgeLimits {
  readonly maxConnections: number;
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
export type EdgeLimit = 'connections' | 'connections_per_ip' | 'requests_per_ip' | 'requests_per_account' | 'orders_per_account' | 'messages_per_connection' | 'banned';

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
    if (nowMs > this.lastMs) {
      this.tokens = Math.min(this.burst, this.tokens + ((nowMs - this.lastMs) * this.rate) / 1000);
      this.lastMs = nowMs;
    }
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** True when the bucket has refilled completely, so forgetting it changes nothing. */
  full(nowMs: number): boolean {
    return this.tokens + ((nowMs - this.lastMs) * this.rate) / 1000 >= this.burst;
  }
}

/** How many buckets or failure records a map may hold before full (forgettable) ones are swept. */
const SWEEP_AT = 10_000;

export class EdgeRefusal extends Error {
  constructor(
    readonly code: ResultCode,
    readonly limit: EdgeLimit,
    message: string,
  ) {
    super(message);
    this.name = 'EdgeRefusal';
  }
}

export class EdgeGuard {
  private readonly perIpConnections = new Map<string, number>();
  private connections = 0;
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
  ) {}

  /** Admits a new connection from `ip`, or says which limit refuses it. Pair with closeConnection. */
  openConnection(ip: string): EdgeLimit | undefined {
    const refusal = this.isBanned(ip) ? 'banned' : this.connections >= this.limits.maxConnections ? 'connections' : (this.perIpConnections.get(ip) ?? 0) >= this.limits.connectionsPerIp ? 'connections_per_ip' : undefined;
    if (refusal !== undefined) {
      this.refused(refusal);
      return refusal;
    }
    this.connections++;
    this.perIpConnections.set(ip, (this.perIpConnections.get(ip) ?? 0) + 1);
    return undefined;
  }

  closeConnection(ip: string): void {
    const n = this.perIpConnections.get(ip) ?? 0;
    if (n <= 0) throw new Error(`edge: closing a connection from ${ip} that was never opened`);
    this.connections--;
    if (n === 1) this.perIpConnections.delete(ip);
    else this.perIpConnections.set(ip, n - 1);
  }

  /** Live connections (for metrics). */
  get openConnections(): number {
    return this.connections;
  }

  /** A request or WebSocket upgrade from `ip`: throws EdgeRefusal when banned or over the address's rate. */
  request(ip: string): void {
    if (this.isBanned(ip)) throw this.refusal(ResultCode.BANNED, 'banned', `${ip} is banned after repeated authentication failures`);
    if (!this.bucket(this.ipBuckets, ip, this.limits.requestsPerSecondPerIp, this.limits.requestBurstPerIp)) {
      // An address that keeps going after a burst's worth of 429s gets a strike for each such burst:
      // a ban then refuses it at the TCP accept, far cheaper than answering every request.
      const refused = (this.rateRefusals.get(ip) ?? 0) + 1;
      if (refused >= this.limits.requestBurstPerIp) {
        this.rateRefusals.delete(ip);
        this.strike(ip);
      } else {
        if (refused === 1 && this.rateRefusals.size >= SWEEP_AT) this.rateRefusals.clear();
        this.rateRefusals.set(ip, refused);
      }
      throw this.refusal(ResultCode.RATE_LIMITED, 'requests_per_ip', `more than ${this.limits.requestsPerSecondPerIp} requests a second from ${ip}`);
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
    const now = this.now();
    const record = this.failures.get(ip);
    const current = record === undefined || now - record.sinceMs > this.limits.authFailureWindowMs ? { count: 0, sinceMs: now } : record;
    current.count++;
    if (this.failures.size >= SWEEP_AT) for (const [key, r] of this.failures) if (now - r.sinceMs > this.limits.authFailureWindowMs) this.failures.delete(key);
    this.failures.set(ip, current);
    if (current.count < this.limits.authFailuresBeforeBan) return false;
    this.failures.delete(ip);
    this.bannedUntil.set(ip, now + this.limits.banMs);
    return true;
  }

  isBanned(ip: string): boolean {
    const until = this.bannedUntil.get(ip);
    if (until === undefined) return false;
    if (this.now() < until) return true;
    this.bannedUntil.delete(ip);
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
