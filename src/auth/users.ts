// People: users who sign in with a password and a second factor, each belonging to one account with
// a role.
//
// Passwords are hashed with scrypt (RFC 7914), memory-hard so that a stolen users.json costs an
// attacker memory as well as time per guess: N = 2^15, r = 8, p = 1 takes 32 MiB and about 100 ms
// here, OWASP's minimum for scrypt. The parameters are stored with each hash so they can be raised
// later without invalidating old hashes. Passwords are never logged or stored in clear; a sign-in for
// an unknown user still runs one scrypt so the answer time does not tell which usernames exist.
//
// The file is DATA/users.json (0600), rewritten atomically on every change.
//
// Each user has a numeric actor id, stable for life, which sequenced admin commands record as who
// made them. User actor ids count up from USER_ACTOR_BASE and API keys' from 1 (server/auth.ts), so
// the two never meet and an actor id says which file names its holder.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredCredential } from './mfa.js';
import { writePrivate } from '../security/files.js';

export type Role = 'trader' | 'read-only' | 'risk-officer' | 'admin';
export const ROLES: readonly Role[] = ['trader', 'read-only', 'risk-officer', 'admin'];

/** What a token lets its holder do. */
export type Scope = 'read' | 'trade' | 'risk' | 'admin';
export const SCOPES: readonly Scope[] = ['read', 'trade', 'risk', 'admin'];

/** The scopes a person's session carries, by role. A risk officer sets limits, kill switches and halts; only an admin creates accounts, users and deposits. */
export const ROLE_SCOPES: Readonly<Record<Role, readonly Scope[]>> = {
  trader: ['read', 'trade'],
  'read-only': ['read'],
  'risk-officer': ['read', 'risk'],
  admin: ['read', 'risk', 'admin'],
};

const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 } as const;

interface PasswordHash {
  readonly salt: string;
  readonly hash: string;
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** The first user's actor id: 2^32, above any API key's. */
export const USER_ACTOR_BASE = 2 ** 32;

export interface User {
  readonly id: string;
  /** Who this user is in sequenced commands (deposits, limits): USER_ACTOR_BASE and up. */
  readonly actorId: number;
  readonly username: string;
  /** 0 for venue staff (risk officers and admins of the venue itself). */
  readonly accountId: number;
  readonly role: Role;
  password: PasswordHash;
  /** A confirmed TOTP secret (base32) and the last time step used, so a code is accepted once. */
  totp?: { secret: string; lastStep: number };
  /** A TOTP secret shown to the user but not yet confirmed with a code. */
  pendingTotp?: string;
  credentials: StoredCredential[];
  /** Hashes of the unused recovery codes. */
  recoveryHashes: string[];
  readonly createdAt: string;
  disabled?: boolean;
}

interface UserFile {
  readonly version: 1;
  /** The actor id the next user gets; absent in files from before actor ids (assigned at open). */
  nextActorId: number;
  users: User[];
}

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, SCRYPT.keyLength, { N: params.N, r: params.r, p: params.p, maxmem: 128 * params.N * params.r * 2 }, (error, key) => {
      if (error === null) resolve(key);
      else reject(error);
    });
  });
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, SCRYPT);
  return { salt: salt.toString('base64url'), hash: key.toString('base64url'), N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p };
}

export async function verifyPassword(stored: PasswordHash, password: string): Promise<boolean> {
  const key = await derive(password, Buffer.from(stored.salt, 'base64url'), stored);
  const expected = Buffer.from(stored.hash, 'base64url');
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A password policy a venue operator would expect: long enough, not trivially short of entropy. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 12) return 'must be at least 12 characters';
  if (password.length > 256) return 'must be at most 256 characters';
  if (new Set(password).size < 5) return 'must use at least 5 different characters';
  return undefined;
}

export class UserStore {
  private readonly byId = new Map<string, User>();
  private readonly byName = new Map<string, User>();
  /** Compared against for unknown usernames, so the answer takes as long as for a real one. */
  private dummy: PasswordHash | undefined;
  private nextActorId: number;
  /** Password hashes (scrypt) run since start: what the hash gate bounds, counted for tests and metrics. */
  passwordHashes = 0;

  private constructor(
    private readonly path: string,
    file: UserFile,
  ) {
    this.nextActorId = file.nextActorId;
    for (const u of file.users) this.index(u);
  }

  static open(dataDir: string): UserStore {
    const path = join(dataDir, 'users.json');
    if (!existsSync(path)) return new UserStore(path, { version: 1, nextActorId: USER_ACTOR_BASE, users: [] });
    const file = JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown; nextActorId?: unknown; users?: unknown };
    if (file.version !== 1 || !Array.isArray(file.users)) throw new Error(`${path}: not a version 1 user file`);
    // Users from before actor ids get them now, in the file's order, and the file is saved with them.
    const users = file.users as (Omit<User, 'actorId'> & { actorId?: number })[];
    let next = typeof file.nextActorId === 'number' ? file.nextActorId : USER_ACTOR_BASE;
    const migrated = users.some((u) => u.actorId === undefined) || typeof file.nextActorId !== 'number';
    const withIds = users.map((u): User => ({ ...u, actorId: u.actorId ?? next++ }));
    const store = new UserStore(path, { version: 1, nextActorId: next, users: withIds });
    if (migrated) store.save();
    return store;
  }

  get(id: string): User | undefined {
    return this.byId.get(id);
  }

  byUsername(username: string): User | undefined {
    return this.byName.get(username.toLowerCase());
  }

  list(): User[] {
    return [...this.byId.values()];
  }

  async create(username: string, password: string, accountId: number, role: Role, createdAt: string): Promise<User> {
    this.passwordHashes++;
    const hashed = await hashPassword(password);
    // Checked again after the await: two creations of one name may race.
    if (this.byUsername(username) !== undefined) throw new Error(`user ${username} exists`);
    const user: User = { id: `u${randomBytes(9).toString('base64url')}`, actorId: this.nextActorId++, username, accountId, role, password: hashed, credentials: [], recoveryHashes: [], createdAt };
    this.index(user);
    this.save();
    return user;
  }

  /** The user if the password matches; undefined otherwise, after the same work either way. */
  async authenticate(username: string, password: string): Promise<User | undefined> {
    const user = this.byUsername(username);
    this.passwordHashes++;
    if (user === undefined || user.disabled === true) {
      this.dummy ??= await hashPassword(randomBytes(16).toString('hex'));
      await verifyPassword(this.dummy, password);
      return undefined;
    }
    return (await verifyPassword(user.password, password)) ? user : undefined;
  }

  /** True once the user has a second factor: a security key or a confirmed TOTP. */
  hasMfa(user: User): boolean {
    return user.credentials.length > 0 || user.totp !== undefined;
  }

  /** Persists a change made to a user object (factors, counters, recovery codes). */
  update(user: User): void {
    if (this.byId.get(user.id) !== user) throw new Error(`unknown user ${user.id}`);
    this.save();
  }

  private index(user: User): void {
    this.byId.set(user.id, user);
    this.byName.set(user.username.toLowerCase(), user);
  }

  private save(): void {
    writePrivate(this.path, `${JSON.stringify({ version: 1, nextActorId: this.nextActorId, users: [...this.byId.values()] } satisfies UserFile, null, 1)}\n`);
  }
}
