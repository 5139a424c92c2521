// The gate in front of password hashing. A scrypt takes ~100 ms of one of libuv's 4 threads, the
// same threads that read files and resolve names for the whole process: unchecked, one address
// could queue dozens of sign-ins and starve everyone. So every hash of request input passes here
// first, and is refused at once, before any hashing, when
// - its address group (security/address.ts: IPv4 address, IPv6 /64) already has
//   `perAddress` hashes running: 429 RATE_LIMITED;
// - the venue already has `venueWide` hashes running: 503 PASSWORD_CHECKS_BUSY;
// - (sign-ins only) the failure bucket of its group or of its network (an IPv6 /48, which holds
//   65,536 groups: its bucket is NETWORK_FACTOR times a group's) is empty: 429 RATE_LIMITED.
// The failure bucket is charged before the hash (the attempt is paid for up front, so parallel
// guesses cannot outrun it) and refunded after a right password: honest sign-ins never drain it,
// only wrong guesses do. A refusal by the gate keeps its charge: hammering empties the bucket.
// Time comes from the `now` passed in (tests move it).
import { ResultCode } from '../domain/result-codes.js';
import { addressGroup, addressNetwork } from '../security/address.js';
import { TokenBucket } from '../security/edge.js';
import { VenueError } from '../domain/venue-error.js';

export interface HashGateLimits {
  readonly venueWide: number;
  readonly perAddress: number;
  readonly failuresPerMinute: number;
  readonly failureBurst: number;
}

/** A refusal before any hashing, with the HTTP status it is answered with. */
export class HashGateRefusal extends VenueError {
  constructor(
    code: ResultCode,
    readonly status: 429 | 503,
    message: string,
    /** Whole seconds after which a retry may succeed (Retry-After). */
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
    this.name = 'HashGateRefusal';
  }
}

/** A network's (IPv6 /48's) failure bucket holds this many times a group's (/64's). */
const NETWORK_FACTOR = 4;

/** How many idle buckets may be kept before full ones (which say nothing) are swept. */
const SWEEP_AT = 10_000;

export class HashGate {
  private running = 0;
  private readonly runningByGroup = new Map<string, number>();
  private readonly buckets = new Map<string, TokenBucket>();
  /** Hashes let through since start (metrics, and tests proving a refusal ran none). */
  admitted = 0;
  /** Refusals since start. */
  refused = 0;

  constructor(
    private readonly limits: HashGateLimits,
    private readonly now: () => number,
  ) {
    if (limits.perAddress < 1 || limits.venueWide < limits.perAddress) throw new Error(`hash gate: bad limits ${JSON.stringify(limits)}`);
  }

  /**
   * A password sign-in from `ip`: charges the failure buckets of its group and of its network (an
   * IPv6 /48 holds many /64 groups: its bucket is NETWORK_FACTOR times a group's), then runs `check`
   * (which hashes) under the in-flight limits; a true result (right password) refunds the charges.
   */
  async signIn<T>(ip: string, check: () => Promise<T>, succeeded: (result: T) => boolean): Promise<T> {
    const now = this.now();
    const units = [...new Set([addressGroup(ip), addressNetwork(ip)])];
    const buckets = units.map((unit, i) => this.bucketOf(unit, i === 0 ? 1 : NETWORK_FACTOR));
    const empty = buckets.findIndex((b) => !b.take(now));
    if (empty >= 0) {
      for (const b of buckets.slice(0, empty)) b.giveBack(now);
      this.refused++;
      const factor = empty === 0 ? 1 : NETWORK_FACTOR;
      throw new HashGateRefusal(ResultCode.RATE_LIMITED, 429, `too many failed sign-ins from ${units[empty] ?? ip}: at most ${this.limits.failureBurst * factor}, then ${this.limits.failuresPerMinute * factor} a minute`, Math.ceil((buckets[empty]?.msUntilToken(now) ?? 0) / 1000));
    }
    const result = await this.hash(ip, check);
    if (succeeded(result)) for (const b of buckets) b.giveBack(this.now());
    return result;
  }

  /** Runs `work` (a hash of request input from `ip`) under the in-flight limits, or refuses at once. */
  async hash<T>(ip: string, work: () => Promise<T>): Promise<T> {
    const group = addressGroup(ip);
    const mine = this.runningByGroup.get(group) ?? 0;
    if (mine >= this.limits.perAddress) {
      this.refused++;
      throw new HashGateRefusal(ResultCode.RATE_LIMITED, 429, `a password check from ${group} is already running: wait for its answer`, 1);
    }
    if (this.running >= this.limits.venueWide) {
      this.refused++;
      throw new HashGateRefusal(ResultCode.PASSWORD_CHECKS_BUSY, 503, `${this.running} password checks are running, the venue's most at once: retry in a second`, 1);
    }
    this.running++;
    this.runningByGroup.set(group, mine + 1);
    this.admitted++;
    try {
      return await work();
    } finally {
      this.release(group);
    }
  }

  private release(group: string): void {
    this.running--;
    const left = (this.runningByGroup.get(group) ?? 0) - 1;
    if (left < 0 || this.running < 0) throw new Error('hash gate: released a hash that never ran');
    if (left === 0) this.runningByGroup.delete(group);
    else this.runningByGroup.set(group, left);
  }

  /** Hashes running now. */
  get inFlight(): number {
    return this.running;
  }

  private bucketOf(unit: string, factor: number): TokenBucket {
    const now = this.now();
    let bucket = this.buckets.get(unit);
    if (bucket === undefined) {
      // Full buckets hold no information: sweeping them bounds memory under a flood of addresses.
      if (this.buckets.size >= SWEEP_AT) for (const [u, b] of this.buckets) if (b.full(now)) this.buckets.delete(u);
      bucket = new TokenBucket((this.limits.failuresPerMinute * factor) / 60, this.limits.failureBurst * factor, now);
      this.buckets.set(unit, bucket);
    }
    return bucket;
  }
}
