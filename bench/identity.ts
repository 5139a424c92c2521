// `npm run bench -- identity [--json] [--quick]`: what sign-in work costs the thread that answers
// orders, the two figures docs/security.md quotes, each against the former design in the same run.
//
// 1. Token verification. TokenService.verify() (src/server/auth.ts), on a temp data dir opened as
//    startServer opens it, verifies real key tokens (a fresh one per sample, issued by token() for
//    an HMAC-signed request) synchronously with node:crypto's Ed25519. The peer is what it replaced:
//    jose's jwtVerify with the same options (issuer, audience, EdDSA only, ±5 s skew) and the same
//    public key as a WebCrypto key, on the same token; WebCrypto runs on libuv's thread pool. Both
//    are awaited, as the routes await them, and alternate which goes first. Timed idle and while two
//    scrypt password hashes run (hashPassword, N = 2^15, r = 8, p = 1: the hash gate lets 2 run
//    venue-wide), a sample counting only if it started while both were still running: every such
//    sample (`throughout`), and apart the first of each right after a pair of hashes starts
//    (`atStart`, which is what the earlier measurement quoted in docs/security.md sampled, and
//    where WebCrypto fares worst). Why: a token is checked on every request, and a check that waits
//    for CPU or pool threads behind password hashes stalls order entry for as long as they take.
// 2. Session writes. SessionStore.refresh() (src/security/sessions.ts) holding 1,000 sessions,
//    refreshed round-robin: the main thread's time of the call (it queues a journal line; the write
//    and fsync run on the pool) and, apart, the wait until flushed() resolves, which is what a route
//    waits before answering. The peer is the former design, written here: the whole session file
//    (1,000 records) stringified, written with flush: true to a temp file and renamed over the old
//    one on every change, all on the main thread, as writePrivate did then. It is a floor: the old
//    records also carried up to 2,000 spent-token hashes each, which are left out. The full run
//    passes the store's compaction bound (1,000 + 4 lines per session) once, so the flush wait's
//    max includes one rewrite of the journal. Why: a refresh that fsyncs on the main thread stalls
//    every order behind it for a disk flush.
//
// All times are µs, from hdr-histogram (3 significant digits); ratios are the peer's over ours.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Histogram } from 'hdr-histogram-js';
import { importJWK, type JWTHeaderParameters, jwtVerify } from 'jose';
import { SessionStore } from '../src/auth/sessions.js';
import { hashPassword, UserStore } from '../src/auth/users.js';
import { AUDIENCE, CLOCK_SKEW_SECONDS, ISSUER, KeyStore, signRequest, TokenService } from '../src/auth/auth.js';
import { type BenchOptions, nowNs, requireGc, round } from './report.js';
import { newHistogram, type Percentiles, percentilesUs } from './venue-process.js';

const SESSIONS = 1_000;
const SESSION_LIFETIME_MS = 12 * 3_600_000;
/** Any password: only the time of its hash matters. */
const PASSWORD = 'correct horse battery staple';

/** ns since `start`, into a histogram. */
function recordSince(histogram: Histogram, start: bigint): void {
  histogram.recordValue(Number(nowNs() - start));
}

function ratio(peer: Percentiles, ours: Percentiles): { p50: number; p99: number } {
  return { p50: round(peer.p50 / ours.p50, 1), p99: round(peer.p99 / ours.p99, 1) };
}

// ---- 1. token verification --------------------------------------------------------------------------

interface Verifiers {
  /** A fresh 60-second token for the bench's key, issued through a signed request. */
  issue(): Promise<string>;
  /** The venue's verification. */
  ours(token: string): Promise<void>;
  /** The former one: jose's jwtVerify on WebCrypto. */
  peer(token: string): Promise<void>;
}

/** The token service as startServer opens it (keys, users, sessions, tokens), with one trading key. */
async function openVerifiers(dataDir: string): Promise<{ verifiers: Verifiers; sessions: SessionStore }> {
  const { store: keys } = KeyStore.open(dataDir);
  const users = UserStore.open(dataDir);
  const sessions = SessionStore.open(dataDir);
  const tokens = await TokenService.open(dataDir, keys, users, sessions);
  const key = keys.issue({ accountId: keys.allocateAccount(), scopes: ['read', 'trade'], name: 'bench', ipAllowList: [] }, new Date().toISOString());
  const [jwk] = tokens.jwks().keys;
  if (jwk === undefined) throw new Error('the token service publishes no key');
  const publicKey = await importJWK(jwk, 'EdDSA');
  const options = { issuer: ISSUER, audience: AUDIENCE, algorithms: ['EdDSA'], clockTolerance: CLOCK_SKEW_SECONDS };
  const keyFor = (header: JWTHeaderParameters): typeof publicKey => {
    if (header.kid !== jwk.kid) throw new Error(`no verification key ${String(header.kid)}`);
    return publicKey;
  };
  let nonce = 0;
  const verifiers: Verifiers = {
    issue: async () => {
      const timestamp = Date.now();
      const n = `bench-${++nonce}`;
      return (await tokens.token(key.keyId, timestamp, n, signRequest(key.secret, key.keyId, timestamp, n))).token;
    },
    ours: async (token) => {
      const principal = await tokens.verify(token);
      if (principal.subject !== key.keyId) throw new Error('TokenService verified the wrong key');
    },
    peer: async (token) => {
      const { payload } = await jwtVerify(token, keyFor, options);
      if (payload.sub !== key.keyId) throw new Error('jwtVerify verified the wrong key');
    },
  };
  return { verifiers, sessions };
}

/** One sample of each, in alternating order; a sample is kept if `counts()` held when it started. */
async function verifyPair(v: Verifiers, i: number, ours: Histogram, peer: Histogram, counts: () => boolean): Promise<void> {
  const token = await v.issue();
  const timeOurs = async (): Promise<void> => {
    const keep = counts();
    const start = nowNs();
    await v.ours(token);
    if (keep) recordSince(ours, start);
  };
  const timePeer = async (): Promise<void> => {
    const keep = counts();
    const start = nowNs();
    await v.peer(token);
    if (keep) recordSince(peer, start);
  };
  if (i % 2 === 0) {
    await timeOurs();
    await timePeer();
  } else {
    await timePeer();
    await timeOurs();
  }
}

async function verifyIdle(v: Verifiers, samples: number): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200; i++) await verifyPair(v, i, newHistogram(), newHistogram(), () => false);
  const ours = newHistogram();
  const peer = newHistogram();
  for (let i = 0; i < samples; i++) await verifyPair(v, i, ours, peer, () => true);
  const oursUs = percentilesUs(ours);
  const peerUs = percentilesUs(peer);
  return { tokenServiceUs: oursUs, joseJwtVerifyUs: peerUs, joseOverOurs: ratio(peerUs, oursUs) };
}

/**
 * Verifications while two scrypts run, for `pairs` pairs of hashes started together: every sample
 * that started while both ran (`throughout`), and apart the first of each kind after the pair
 * starts (`atStart`, what the earlier measurement in docs/security.md sampled).
 */
async function verifyUnderScrypts(v: Verifiers, pairs: number): Promise<Record<string, unknown>> {
  const throughout = { ours: newHistogram(), peer: newHistogram() };
  const atStart = { ours: newHistogram(), peer: newHistogram() };
  const hashes = newHistogram();
  let i = 0;
  for (let pair = 0; pair < pairs; pair++) {
    // An object, not a local: the hashes' callbacks change it while the loop awaits.
    const state = { running: 2 };
    const start = nowNs();
    const hashed = Promise.all(
      [0, 1].map(async () => {
        await hashPassword(PASSWORD);
        state.running--;
        recordSince(hashes, start);
      }),
    );
    const bothRun = (): boolean => state.running === 2;
    // The first samples after the start go to atStart, and are added to throughout at the end.
    await verifyPair(v, pair, atStart.ours, atStart.peer, bothRun);
    while (bothRun()) await verifyPair(v, i++, throughout.ours, throughout.peer, bothRun);
    await hashed;
  }
  throughout.ours.add(atStart.ours);
  throughout.peer.add(atStart.peer);
  const figures = (h: { ours: Histogram; peer: Histogram }): Record<string, unknown> => {
    const oursUs = percentilesUs(h.ours);
    const peerUs = percentilesUs(h.peer);
    return { tokenServiceUs: oursUs, joseJwtVerifyUs: peerUs, joseOverOurs: ratio(peerUs, oursUs) };
  };
  return { hashPairs: pairs, throughout: figures(throughout), atStart: figures(atStart), scryptUs: percentilesUs(hashes) };
}

// ---- 2. session writes ------------------------------------------------------------------------------

/** A session as the former sessions.json (version 1) held it, without its spent-token hashes. */
interface RewrittenSession {
  readonly id: string;
  readonly userId: string;
  readonly accountId: number;
  readonly createdAtMs: number;
  readonly expiresAtMs: number;
  current: string;
  readonly spent: string[];
  lastRefreshMs: number;
}

/** The former design: the whole file rewritten, flushed and renamed on the main thread at every change. */
class RewriteSessionFile {
  private readonly sessions: RewrittenSession[] = [];

  constructor(private readonly path: string) {}

  start(userId: string, accountId: number, nowMs: number): void {
    this.sessions.push({ id: `s${randomBytes(12).toString('base64url')}`, userId, accountId, createdAtMs: nowMs, expiresAtMs: nowMs + SESSION_LIFETIME_MS, current: randomBytes(32).toString('base64url'), spent: [], lastRefreshMs: nowMs });
  }

  refresh(index: number, nowMs: number): void {
    const session = this.sessions[index];
    if (session === undefined) throw new Error(`no session ${index}`);
    session.current = randomBytes(32).toString('base64url');
    session.lastRefreshMs = nowMs;
    this.save();
  }

  private save(): void {
    writeFileSync(`${this.path}.tmp`, `${JSON.stringify({ version: 1, sessions: this.sessions })}\n`, { mode: 0o600, flush: true });
    renameSync(`${this.path}.tmp`, this.path);
  }
}

async function sessionWrites(dataDir: string, refreshes: number): Promise<Record<string, unknown>> {
  const store = SessionStore.open(dataDir);
  const peer = new RewriteSessionFile(join(dataDir, 'sessions.json'));
  const baseMs = Date.now();
  const tokens: string[] = [];
  for (let s = 0; s < SESSIONS; s++) {
    tokens.push(store.start(`u${s}`, s + 1, baseMs, SESSION_LIFETIME_MS, 10).refreshToken);
    peer.start(`u${s}`, s + 1, baseMs);
  }
  await store.flushed();
  const oursMain = newHistogram();
  const oursDurable = newHistogram();
  const peerMain = newHistogram();
  const refreshOurs = async (i: number, keep: boolean): Promise<void> => {
    const index = i % SESSIONS;
    let start = nowNs();
    const result = store.refresh(tokens[index] ?? '', baseMs + i);
    if (keep) recordSince(oursMain, start);
    if (!result.ok) throw new Error(`refresh ${i} refused: ${result.reason}`);
    tokens[index] = result.refreshToken;
    start = nowNs();
    await store.flushed();
    if (keep) recordSince(oursDurable, start);
  };
  const refreshPeer = (i: number, keep: boolean): void => {
    const start = nowNs();
    peer.refresh(i % SESSIONS, baseMs + i);
    if (keep) recordSince(peerMain, start);
  };
  const warmUp = 50;
  try {
    for (let i = 0; i < warmUp + refreshes; i++) {
      // Alternating order; the flush wait always follows its own refresh, so the peer's write never overlaps it.
      if (i % 2 === 0) {
        refreshPeer(i, i >= warmUp);
        await refreshOurs(i, i >= warmUp);
      } else {
        await refreshOurs(i, i >= warmUp);
        refreshPeer(i, i >= warmUp);
      }
    }
  } finally {
    await store.close();
  }
  const oursUs = percentilesUs(oursMain);
  const peerUs = percentilesUs(peerMain);
  return { sessions: SESSIONS, refreshes, sessionStoreMainThreadUs: oursUs, sessionStoreUntilFsyncUs: percentilesUs(oursDurable), rewriteFileMainThreadUs: peerUs, rewriteOverOurs: ratio(peerUs, oursUs) };
}

// ---- entry --------------------------------------------------------------------------------------------

export async function identityBenchmark(options: BenchOptions): Promise<Record<string, unknown>> {
  const gc = requireGc();
  const verifyDir = mkdtempSync(join(tmpdir(), 'kapita-bench-identity-'));
  const sessionDir = mkdtempSync(join(tmpdir(), 'kapita-bench-sessions-'));
  try {
    const { verifiers, sessions } = await openVerifiers(verifyDir);
    gc();
    const idle = await verifyIdle(verifiers, options.quick ? 300 : 3_000);
    gc();
    const underScrypts = await verifyUnderScrypts(verifiers, options.quick ? 10 : 150);
    await sessions.close();
    gc();
    const refresh = await sessionWrites(sessionDir, options.quick ? 500 : 5_000);
    return {
      benchmark: 'identity',
      node: process.version,
      cpus: cpus().length,
      threadPool: process.env['UV_THREADPOOL_SIZE'] ?? '4 (default)',
      quick: options.quick,
      verify: { idle, whileTwoScryptsRun: underScrypts },
      refresh,
    };
  } finally {
    rmSync(verifyDir, { recursive: true, force: true });
    rmSync(sessionDir, { recursive: true, force: true });
  }
}
