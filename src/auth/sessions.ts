// Sessions of people: a sign-in (password + second factor) starts a session, and the session's
// refresh tokens form one family.
//
// A refresh token is `rt_<session id>.<generation>.<mac>`, one-time and rotating: trading the
// session's current generation g at POST /v1/auth/refresh returns generation g+1. The MAC is
// HMAC-SHA256 over `<session id>.<generation>` under a secret of the venue's own (DATA/session-key,
// 0600), so only the venue can make a token, and the store keeps one number per session, the
// current generation, instead of a list of spent tokens. A token with a good MAC and an older
// generation is a spent one presented again: two parties hold the family (a stolen token, or a
// client that lost a race), the server cannot tell which is legitimate, so the whole session is
// revoked: every access token that names it (`sid`) stops verifying at once and the WebSocket and
// FIX sessions built on it are closed (RFC 9700 §4.14.2, "refresh token rotation"). A token with a
// bad MAC is unknown and changes nothing, so nobody can revoke a session by guessing at its id.
//
// A person holds at most `maxLive` live sessions: a sign-in past it ends the oldest (its reason
// says so, and the revocation listeners close what it carries).
//
// Changes go to an append-only journal, DATA/sessions.jsonl (0600; session-journal.ts), written and
// fsynced off the main thread; the routes wait for `flushed()` before answering, so an answered
// sign-in, refresh or logout is on disk. What a crash can lose is a change whose answer was never
// sent: the client still holds generation g and the store says g, which agree. If a disk did lose
// an answered refresh (the client holds g+1, the store says g), the client's g+1 has a good MAC
// and a generation above the store's: it is taken as current, so the honest client is not locked
// out, while any older generation is still reuse. The journal is rewritten whole at open and when
// it passes `compactAtLines(sessions)` lines. A version 1 DATA/sessions.json is read on first open
// and migrated: each session's then-current opaque token is accepted once (its SHA-256 kept), its
// older spent tokens are forgotten (presented again, they are unknown, not reuse).
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivate } from '../security/files.js';
import { syncDirectory } from '../journal/sync-directory.js';
import { SessionJournal } from './session-journal.js';

export interface Session {
  readonly id: string;
  readonly userId: string;
  readonly accountId: number;
  readonly createdAtMs: number;
  /** The session ends here whatever the refreshes: a person signs in again at least this often. */
  readonly expiresAtMs: number;
  /** The generation of the session's one live refresh token; older ones are spent. */
  generation: number;
  /** A session migrated from sessions.json v1: its then-current opaque token's SHA-256, good once. */
  legacy?: { readonly hash: string; spent: boolean };
  lastRefreshMs: number;
  revokedAtMs?: number;
  revokedReason?: string;
}

/** Version 1 (DATA/sessions.json): opaque tokens, their SHA-256 hashes and up to 2,000 spent ones. */
interface SessionV1 {
  readonly id: string;
  readonly userId: string;
  readonly accountId: number;
  readonly createdAtMs: number;
  readonly expiresAtMs: number;
  readonly current: string;
  readonly lastRefreshMs: number;
  readonly revokedAtMs?: number;
  readonly revokedReason?: string;
}

/** One journal line. */
type Entry = { readonly t: 'header'; readonly version: 2 } | { readonly t: 'session'; readonly s: Session } | { readonly t: 'refresh'; readonly id: string; readonly g: number; readonly atMs: number } | { readonly t: 'revoke'; readonly id: string; readonly atMs: number; readonly reason: string } | { readonly t: 'legacy-spent'; readonly id: string };

export type RefreshResult =
  | { readonly ok: true; readonly session: Session; readonly refreshToken: string }
  | { readonly ok: false; readonly reason: 'unknown' | 'expired' | 'revoked' | 'reused'; readonly session?: Session };

export interface SessionStoreOptions {
  /** When the journal is rewritten whole: by default past 1,000 lines plus 4 per session kept. */
  readonly compactAtLines?: (sessions: number) => number;
}

/** Sessions ended (revoked or expired) are kept this long, for the owner's view and reuse answers. */
const ENDED_KEPT_MS = 86_400_000;
const TOKEN = /^rt_(s[A-Za-z0-9_-]{16})\.(0|[1-9][0-9]{0,14})\.([A-Za-z0-9_-]{43})$/;
const LEGACY_TOKEN = /^rt_(s[A-Za-z0-9_-]{16})\.[A-Za-z0-9_-]{43}$/;

function sha256(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function line(entry: Entry): string {
  return `${JSON.stringify(entry)}\n`;
}

/** The venue's MAC key for refresh tokens: made once, kept in DATA/session-key (0600). */
function sessionKey(dataDir: string): Buffer {
  const path = join(dataDir, 'session-key');
  if (!existsSync(path)) writePrivate(path, `${randomBytes(32).toString('base64url')}\n`);
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url');
  if (key.length !== 32) throw new Error(`${path}: not a 32-byte key`);
  return key;
}

export class SessionStore {
  private readonly byId = new Map<string, Session>();
  private readonly revokedListeners: ((session: Session) => void)[] = [];
  private readonly journal: SessionJournal;

  private constructor(
    path: string,
    private readonly key: Buffer,
    sessions: Iterable<Session>,
    compactAtLines: (sessions: number) => number,
  ) {
    for (const s of sessions) this.byId.set(s.id, s);
    this.journal = new SessionJournal(path, this.snapshot(), (lines) => lines > compactAtLines(this.byId.size), () => this.snapshot());
  }

  /** Opens DATA/sessions.jsonl (migrating DATA/sessions.json v1 on first open) and rewrites it compacted. */
  static open(dataDir: string, options: SessionStoreOptions = {}): SessionStore {
    const path = join(dataDir, 'sessions.jsonl');
    const legacyPath = join(dataDir, 'sessions.json');
    const compactAtLines = options.compactAtLines ?? ((n: number) => 1_000 + 4 * n);
    const key = sessionKey(dataDir);
    if (existsSync(path)) return new SessionStore(path, key, replay(path), compactAtLines);
    const store = new SessionStore(path, key, existsSync(legacyPath) ? migrate(legacyPath) : [], compactAtLines);
    if (existsSync(legacyPath)) {
      // The journal now holds everything (written and fsynced by the constructor): the old file goes.
      rmSync(legacyPath);
      syncDirectory(dataDir);
    }
    return store;
  }

  /** Called with every session that is revoked (logout, reuse, user disabled, over the cap), to close what it carries. */
  onRevoked(listener: (session: Session) => void): void {
    this.revokedListeners.push(listener);
  }

  /** Resolves once every change made so far is on disk (what an answer waits for). */
  flushed(): Promise<void> {
    return this.journal.flushed();
  }

  /** Writes what is queued and closes the journal. */
  close(): Promise<void> {
    return this.journal.close();
  }

  get(id: string): Session | undefined {
    return this.byId.get(id);
  }

  /** True while the session may be used: not revoked and not past its absolute end. */
  isLive(id: string, nowMs: number): boolean {
    const s = this.byId.get(id);
    return s !== undefined && s.revokedAtMs === undefined && nowMs < s.expiresAtMs;
  }

  /**
   * Starts a session after a complete sign-in; returns it with its first refresh token. The user's
   * oldest live sessions are ended first so that, with this one, at most `maxLive` are live.
   */
  start(userId: string, accountId: number, nowMs: number, lifetimeMs: number, maxLive: number): { session: Session; refreshToken: string } {
    if (!Number.isSafeInteger(maxLive) || maxLive < 1) throw new Error(`session cap ${maxLive} is not a positive integer`);
    this.prune(nowMs);
    const live = this.list(userId).filter((s) => this.isLive(s.id, nowMs));
    // list() is newest first: everything from index maxLive-1 on is over the cap once this one starts.
    for (const old of live.slice(maxLive - 1)) this.revoke(old.id, `session limit: more than ${maxLive} live sessions, the oldest ended`, nowMs);
    // Ended sessions are kept for a day, but no more of them than live ones: a person who signs in
    // all day long does not grow the store.
    const ended = this.list(userId).filter((s) => !this.isLive(s.id, nowMs));
    for (const old of ended.slice(maxLive)) this.byId.delete(old.id);
    const id = `s${randomBytes(12).toString('base64url')}`;
    const session: Session = { id, userId, accountId, createdAtMs: nowMs, expiresAtMs: nowMs + lifetimeMs, generation: 0, lastRefreshMs: nowMs };
    this.byId.set(id, session);
    this.journal.append(line({ t: 'session', s: session }));
    return { session, refreshToken: this.tokenFor(id, 0) };
  }

  /** Spends a refresh token: the next generation if it is the session's current one; reuse of a spent one revokes the session. */
  refresh(token: string, nowMs: number): RefreshResult {
    const found = this.identify(token);
    if (found === undefined) return { ok: false, reason: 'unknown' };
    const { session, generation } = found;
    if (session.revokedAtMs !== undefined) return { ok: false, reason: 'revoked', session };
    // `undefined`: the migrated session's old opaque token. Spent once it has been traded.
    const spent = generation === undefined ? session.legacy?.spent === true : generation < session.generation;
    if (spent) {
      this.revoke(session.id, 'refresh token reused', nowMs);
      return { ok: false, reason: 'reused', session };
    }
    if (nowMs >= session.expiresAtMs) return { ok: false, reason: 'expired', session };
    if (generation === undefined && session.legacy !== undefined) {
      session.legacy.spent = true;
      this.journal.append(line({ t: 'legacy-spent', id: session.id }));
    }
    // A generation above the store's is one whose record a disk lost (see the top): taken as current.
    session.generation = Math.max(session.generation, generation ?? 0) + 1;
    session.lastRefreshMs = nowMs;
    this.journal.append(line({ t: 'refresh', id: session.id, g: session.generation, atMs: nowMs }));
    return { ok: true, session, refreshToken: this.tokenFor(session.id, session.generation) };
  }

  /**
   * The session that issued `token` (current or spent), whatever its state; undefined for anything
   * else. Proof that the caller holds the family, for logout by refresh token: the session id alone
   * is no proof, since it travels in every access token's `sid` claim.
   */
  holderOf(token: string): Session | undefined {
    return this.identify(token)?.session;
  }

  /** Ends a session; a no-op for one already revoked. */
  revoke(id: string, reason: string, nowMs: number): boolean {
    const session = this.byId.get(id);
    if (session === undefined || session.revokedAtMs !== undefined) return false;
    session.revokedAtMs = nowMs;
    session.revokedReason = reason;
    this.journal.append(line({ t: 'revoke', id, atMs: nowMs, reason }));
    for (const listener of this.revokedListeners) listener(session);
    return true;
  }

  /** Ends every live session of a user (disabled, password changed). */
  revokeUser(userId: string, reason: string, nowMs: number): number {
    let n = 0;
    for (const s of this.byId.values()) if (s.userId === userId && this.revoke(s.id, reason, nowMs)) n++;
    return n;
  }

  /** Sessions of a user, newest first, for the user's own view. */
  list(userId: string): Session[] {
    return [...this.byId.values()].filter((s) => s.userId === userId).sort((a, b) => b.createdAtMs - a.createdAtMs);
  }

  /** Sessions kept (live and recently ended). */
  get size(): number {
    return this.byId.size;
  }

  /** The session and generation a token names, if its MAC (or, for a migrated session, its hash) is good. */
  private identify(token: string): { session: Session; generation: number | undefined } | undefined {
    const match = TOKEN.exec(token);
    if (match !== null) {
      const [, id = '', generation = '', mac = ''] = match;
      const session = this.byId.get(id);
      if (session === undefined || !same(mac, this.mac(id, Number(generation)))) return undefined;
      return { session, generation: Number(generation) };
    }
    const id = LEGACY_TOKEN.exec(token)?.[1];
    const session = id === undefined ? undefined : this.byId.get(id);
    if (session?.legacy === undefined || !same(sha256(token), session.legacy.hash)) return undefined;
    return { session, generation: undefined };
  }

  private tokenFor(id: string, generation: number): string {
    return `rt_${id}.${generation}.${this.mac(id, generation)}`;
  }

  private mac(id: string, generation: number): string {
    return createHmac('sha256', this.key).update(`${id}.${generation}`).digest('base64url');
  }

  /** Forgets sessions that ended more than a day ago. */
  private prune(nowMs: number): void {
    for (const [id, s] of this.byId) if (Math.max(s.expiresAtMs, s.revokedAtMs ?? 0) + ENDED_KEPT_MS < nowMs) this.byId.delete(id);
  }

  /** The whole state as journal lines: what a compacted journal holds. */
  private snapshot(): string[] {
    return [line({ t: 'header', version: 2 }), ...[...this.byId.values()].map((s) => line({ t: 'session', s }))];
  }
}

/** The sessions a journal describes. A torn last line (a crash mid-append, never answered) is dropped; damage anywhere else is refused. */
function replay(path: string): Session[] {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  // What follows the last newline: nothing for a whole file, else a line cut by a crash mid-append,
  // which was never answered (answers wait for the fsync), so it is dropped.
  lines.pop();
  const sessions = new Map<string, Session>();
  lines.forEach((raw, i) => {
    let entry: Entry;
    try {
      entry = JSON.parse(raw) as Entry;
    } catch {
      throw new Error(`${path}:${i + 1}: not a JSON line`);
    }
    applyEntry(sessions, entry, `${path}:${i + 1}`);
  });
  return [...sessions.values()];
}

function applyEntry(sessions: Map<string, Session>, entry: Entry, where: string): void {
  if (entry.t === 'header') {
    // Read from disk: the type says 2, the file may not.
    if ((entry.version as number) !== 2) throw new Error(`${where}: session journal version ${String(entry.version)} is not 2`);
    return;
  }
  if (entry.t === 'session') {
    sessions.set(entry.s.id, { ...entry.s, ...(entry.s.legacy === undefined ? {} : { legacy: { ...entry.s.legacy } }) });
    return;
  }
  const session = sessions.get(entry.id);
  // A change to a session the journal never started: the file is not one this store wrote.
  if (session === undefined) throw new Error(`${where}: a change to unknown session ${entry.id}`);
  if (entry.t === 'refresh') {
    session.generation = entry.g;
    session.lastRefreshMs = entry.atMs;
  } else if (entry.t === 'revoke') {
    session.revokedAtMs = entry.atMs;
    session.revokedReason = entry.reason;
  } else if ((entry.t as string) === 'legacy-spent') {
    if (session.legacy !== undefined) session.legacy.spent = true;
  } else {
    throw new Error(`${where}: unknown journal entry ${JSON.stringify(entry)}`);
  }
}

/** Sessions of a version 1 sessions.json, each keeping its current opaque token (good once). */
function migrate(path: string): Session[] {
  const file = JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown; sessions?: unknown };
  if (file.version !== 1 || !Array.isArray(file.sessions)) throw new Error(`${path}: not a version 1 session file`);
  return (file.sessions as SessionV1[]).map((s) => ({
    id: s.id,
    userId: s.userId,
    accountId: s.accountId,
    createdAtMs: s.createdAtMs,
    expiresAtMs: s.expiresAtMs,
    generation: 0,
    legacy: { hash: s.current, spent: false },
    lastRefreshMs: s.lastRefreshMs,
    ...(s.revokedAtMs === undefined ? {} : { revokedAtMs: s.revokedAtMs }),
    ...(s.revokedReason === undefined ? {} : { revokedReason: s.revokedReason }),
  }));
}
