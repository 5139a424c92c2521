// Sessions of people: a sign-in (password + second factor) starts a session, and the session's
// refresh tokens form one family.
//
// A refresh token is opaque (`rt_<session id>.<32 random bytes>`), one-time and rotating: trading it
// at POST /v1/auth/refresh spends it and returns a new one. A spent token presented again means that
// two parties hold the family (a stolen token, or a client that lost a race), and the server cannot
// tell which is legitimate, so the whole session is revoked: every access token that names it (its
// `sid` claim) stops verifying at once and the WebSocket and FIX sessions built on it are closed
// (RFC 9700 §4.14.2, "refresh token rotation"). Logout revokes the same way.
//
// Only SHA-256 hashes of refresh tokens are stored: the tokens carry 256 random bits, so a fast hash
// is enough (a slow KDF protects low-entropy secrets such as passwords, which these are not).
// The file is DATA/sessions.json (0600), rewritten atomically on every change; sign-ins and refreshes
// are rare next to orders.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivate } from './files.js';

/** How many spent tokens a session remembers (enough for a day of 60-second refreshes). */
const SPENT_KEPT = 2_000;

export interface Session {
  readonly id: string;
  readonly userId: string;
  readonly accountId: number;
  readonly createdAtMs: number;
  /** The session ends here whatever the refreshes: a person signs in again at least this often. */
  readonly expiresAtMs: number;
  current: string;
  spent: string[];
  lastRefreshMs: number;
  revokedAtMs?: number;
  revokedReason?: string;
}

interface SessionFile {
  readonly version: 1;
  sessions: Session[];
}

export type RefreshResult =
  | { readonly ok: true; readonly session: Session; readonly refreshToken: string }
  | { readonly ok: false; readonly reason: 'unknown' | 'expired' | 'revoked' | 'reused'; readonly session?: Session };

function hash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class SessionStore {
  private readonly byId = new Map<string, Session>();
  private readonly revokedListeners: ((session: Session) => void)[] = [];

  private constructor(
    private readonly path: string,
    file: SessionFile,
  ) {
    for (const s of file.sessions) this.byId.set(s.id, s);
  }

  static open(dataDir: string): SessionStore {
    const path = join(dataDir, 'sessions.json');
    if (!existsSync(path)) return new SessionStore(path, { version: 1, sessions: [] });
    const file = JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown; sessions?: unknown };
    if (file.version !== 1 || !Array.isArray(file.sessions)) throw new Error(`${path}: not a version 1 session file`);
    return new SessionStore(path, file as SessionFile);
  }

  /** Called with every session that is revoked (logout, reuse, user disabled), to close what it carries. */
  onRevoked(listener: (session: Session) => void): void {
    this.revokedListeners.push(listener);
  }

  get(id: string): Session | undefined {
    return this.byId.get(id);
  }

  /** True while the session may be used: not revoked and not past its absolute end. */
  isLive(id: string, nowMs: number): boolean {
    const s = this.byId.get(id);
    return s !== undefined && s.revokedAtMs === undefined && nowMs < s.expiresAtMs;
  }

  /** Starts a session after a complete sign-in; returns it with its first refresh token. */
  start(userId: string, accountId: number, nowMs: number, lifetimeMs: number): { session: Session; refreshToken: string } {
    this.prune(nowMs);
    const id = `s${randomBytes(12).toString('base64url')}`;
    const refreshToken = `rt_${id}.${randomBytes(32).toString('base64url')}`;
    const session: Session = { id, userId, accountId, createdAtMs: nowMs, expiresAtMs: nowMs + lifetimeMs, current: hash(refreshToken), spent: [], lastRefreshMs: nowMs };
    this.byId.set(id, session);
    this.save();
    return { session, refreshToken };
  }

  /** Spends a refresh token: a new one if it is the session's current token; reuse of a spent one revokes the session. */
  refresh(token: string, nowMs: number): RefreshResult {
    const match = /^rt_(s[A-Za-z0-9_-]{16})\.[A-Za-z0-9_-]{43}$/.exec(token);
    const session = match?.[1] === undefined ? undefined : this.byId.get(match[1]);
    if (session === undefined) return { ok: false, reason: 'unknown' };
    const presented = hash(token);
    if (session.revokedAtMs !== undefined) return { ok: false, reason: 'revoked', session };
    if (!sameHash(presented, session.current)) {
      if (session.spent.some((h) => sameHash(h, presented))) {
        this.revoke(session.id, 'refresh token reused', nowMs);
        return { ok: false, reason: 'reused', session };
      }
      return { ok: false, reason: 'unknown' };
    }
    if (nowMs >= session.expiresAtMs) return { ok: false, reason: 'expired', session };
    const next = `rt_${session.id}.${randomBytes(32).toString('base64url')}`;
    session.spent.push(session.current);
    if (session.spent.length > SPENT_KEPT) session.spent.splice(0, session.spent.length - SPENT_KEPT);
    session.current = hash(next);
    session.lastRefreshMs = nowMs;
    this.save();
    return { ok: true, session, refreshToken: next };
  }

  /**
   * The session whose current or a spent refresh token `token` is, whatever its state; undefined for
   * anything else. Proof that the caller holds the family, for logout by refresh token. (Added: the
   * session id alone is no proof, since it travels in every access token's `sid` claim.)
   */
  holderOf(token: string): Session | undefined {
    const match = /^rt_(s[A-Za-z0-9_-]{16})\.[A-Za-z0-9_-]{43}$/.exec(token);
    const session = match?.[1] === undefined ? undefined : this.byId.get(match[1]);
    if (session === undefined) return undefined;
    const presented = hash(token);
    return sameHash(presented, session.current) || session.spent.some((h) => sameHash(h, presented)) ? session : undefined;
  }

  /** Ends a session; a no-op for one already revoked. */
  revoke(id: string, reason: string, nowMs: number): boolean {
    const session = this.byId.get(id);
    if (session === undefined || session.revokedAtMs !== undefined) return false;
    session.revokedAtMs = nowMs;
    session.revokedReason = reason;
    this.save();
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

  /** Forgets sessions that ended more than a day ago. */
  private prune(nowMs: number): void {
    for (const [id, s] of this.byId) if (Math.max(s.expiresAtMs, s.revokedAtMs ?? 0) + 86_400_000 < nowMs) this.byId.delete(id);
  }

  private save(): void {
    writePrivate(this.path, `${JSON.stringify({ version: 1, sessions: [...this.byId.values()] } satisfies SessionFile)}\n`);
  }
}
