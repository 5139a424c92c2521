// The session store's journal and the private-file writer, on a real disk: the journal stays
// bounded however many refreshes, survives a reopen with its generations, migrates a version 1
// sessions.json, and writePrivate fsyncs the directory after its rename. Keys and users from
// before actor ids get them at open.
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type PrivateFileSystem, writePrivate } from '../../src/security/files.js';
import { SessionStore } from '../../src/auth/sessions.js';
import { USER_ACTOR_BASE, UserStore } from '../../src/auth/users.js';
import { KeyStore } from '../../src/auth/auth.js';

const dirs: string[] = [];
const stores: SessionStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kapita-sessions-'));
  dirs.push(dir);
  return dir;
}

function open(dir: string, compactAt?: (n: number) => number): SessionStore {
  const store = SessionStore.open(dir, compactAt === undefined ? {} : { compactAtLines: compactAt });
  stores.push(store);
  return store;
}

const HOUR = 3_600_000;

describe('SessionStore journal', () => {
  it('stays within its bound after 3,000 refreshes, and a reopen keeps the generation and catches reuse', async () => {
    const dir = dataDir();
    const bound = (n: number): number => 100 + 4 * n;
    const store = open(dir, bound);
    const { session, refreshToken } = store.start('u1', 1, 0, 12 * HOUR, 10);
    let token = refreshToken;
    const spent: string[] = [];
    let largest = 0;
    for (let i = 1; i <= 3_000; i++) {
      const result = store.refresh(token, i);
      if (!result.ok) throw new Error(`refresh ${i}: ${result.reason}`);
      spent.push(token);
      token = result.refreshToken;
      if (i % 100 === 0) {
        await store.flushed();
        largest = Math.max(largest, readFileSync(join(dir, 'sessions.jsonl'), 'utf8').split('\n').length - 1);
      }
    }
    await store.flushed();
    // Never more lines than the bound plus one batch past it (a batch is written, then compacted next).
    expect(largest).toBeLessThanOrEqual(bound(1) + 100);
    expect(statSync(join(dir, 'sessions.jsonl')).size).toBeLessThan(20_000);
    await store.close();
    stores.splice(stores.indexOf(store), 1);

    const again = open(dir, bound);
    expect(again.get(session.id)?.generation).toBe(3_000);
    const next = again.refresh(token, 5_000);
    expect(next.ok).toBe(true);
    expect(again.refresh(spent[1_234] ?? '', 5_001)).toMatchObject({ ok: false, reason: 'reused' });
    expect(again.isLive(session.id, 5_002)).toBe(false);
  });

  it('drops a torn last line (a crash mid-append) and refuses damage before it', async () => {
    const dir = dataDir();
    const store = open(dir);
    const { session, refreshToken } = store.start('u1', 1, 0, HOUR, 10);
    const result = store.refresh(refreshToken, 1);
    await store.flushed();
    await store.close();
    stores.splice(0);
    const path = join(dir, 'sessions.jsonl');
    fs.appendFileSync(path, '{"t":"refresh","id":"');
    const reopened = open(dir);
    expect(reopened.get(session.id)?.generation).toBe(1);
    expect(result.ok && reopened.refresh(result.refreshToken, 2).ok).toBe(true);
    await reopened.close();
    stores.splice(0);
    const lines = readFileSync(path, 'utf8').split('\n');
    writeFileSync(path, [lines[0], 'not json', ...lines.slice(1)].join('\n'));
    expect(() => SessionStore.open(dir)).toThrow(/sessions\.jsonl:2: not a JSON line/);
  });

  it('migrates a version 1 sessions.json: the current opaque token is good once, then it is reuse', () => {
    const dir = dataDir();
    const id = `s${randomBytes(12).toString('base64url')}`;
    const current = `rt_${id}.${randomBytes(32).toString('base64url')}`;
    const hash = (t: string): string => createHash('sha256').update(t).digest('base64url');
    const v1 = { version: 1, sessions: [{ id, userId: 'u1', accountId: 1, createdAtMs: 0, expiresAtMs: HOUR, current: hash(current), spent: [hash('old one')], lastRefreshMs: 0 }] };
    writeFileSync(join(dir, 'sessions.json'), JSON.stringify(v1));
    const store = open(dir);
    expect(() => readFileSync(join(dir, 'sessions.json'))).toThrow();
    expect(store.holderOf(current)?.id).toBe(id);
    const first = store.refresh(current, 10);
    expect(first).toMatchObject({ ok: true });
    expect(first.ok ? first.refreshToken : '').toMatch(new RegExp(`^rt_${id}\\.1\\.`));
    expect(store.refresh(current, 11)).toMatchObject({ ok: false, reason: 'reused' });
  });

  it('ends the oldest live sessions past the cap and keeps no more ended ones than the cap', () => {
    const store = open(dataDir());
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(store.start('u1', 1, i, HOUR, 3).session.id);
    const live = store.list('u1').filter((s) => store.isLive(s.id, 10)).map((s) => s.id);
    expect(live.sort()).toEqual(ids.slice(4).sort());
    expect(store.list('u1').length).toBeLessThanOrEqual(6);
    expect(store.get(ids[3] ?? '')?.revokedReason).toBe('session limit: more than 3 live sessions, the oldest ended');
  });
});

describe('writePrivate', () => {
  it('writes a 0600 temporary file with flush, renames it, then opens and fsyncs the directory', () => {
    const dir = dataDir();
    const calls: string[] = [];
    const recording: PrivateFileSystem = {
      writeFileSync: (...args: Parameters<typeof fs.writeFileSync>) => {
        calls.push(`write ${String(args[0])} ${JSON.stringify(args[2])}`);
        fs.writeFileSync(...args);
      },
      renameSync: (from, to) => {
        calls.push(`rename ${String(from)} ${String(to)}`);
        fs.renameSync(from, to);
      },
      openSync: (path, flags) => {
        const fd = fs.openSync(path, flags);
        calls.push(`open ${String(path)} ${String(flags)} fd`);
        recordingFds.add(fd);
        return fd;
      },
      fsyncSync: (fd) => {
        calls.push(`fsync ${recordingFds.has(fd) ? 'fd' : 'other'}`);
        fs.fsyncSync(fd);
      },
      closeSync: (fd) => {
        calls.push(`close ${recordingFds.has(fd) ? 'fd' : 'other'}`);
        fs.closeSync(fd);
      },
    };
    const recordingFds = new Set<number>();
    const path = join(dir, 'keys.json');
    writePrivate(path, 'secret\n', recording);
    expect(calls).toEqual([`write ${path}.tmp {"mode":384,"flush":true}`, `rename ${path}.tmp ${path}`, `open ${dir} r fd`, 'fsync fd', 'close fd']);
    expect(readFileSync(path, 'utf8')).toBe('secret\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});

describe('actor ids', () => {
  it('assigns ids to keys and users of files from before them, saves them, and keeps them on reopen', () => {
    const dir = dataDir();
    const key = (keyId: string): Record<string, unknown> => ({ keyId, secret: 's', accountId: 1, scopes: ['read'], ipAllowList: [], name: keyId, createdAt: '2025-01-01T00:00:00.000Z', secretVersion: 1 });
    writeFileSync(join(dir, 'keys.json'), JSON.stringify({ version: 2, nextAccountId: 2, keys: [key('ka'), key('kb')] }));
    const user = (id: string): Record<string, unknown> => ({ id, username: id, accountId: 1, role: 'trader', password: { salt: '', hash: '', N: 2, r: 1, p: 1 }, credentials: [], recoveryHashes: [], createdAt: '2025-01-01T00:00:00.000Z' });
    writeFileSync(join(dir, 'users.json'), JSON.stringify({ version: 1, users: [user('ua'), user('ub')] }));
    const keys = KeyStore.open(dir).store;
    expect([keys.get('ka')?.actorId, keys.get('kb')?.actorId]).toEqual([1, 2]);
    expect(keys.issue({ accountId: 1, scopes: ['read'], name: 'new', ipAllowList: [] }, '2025-01-02T00:00:00.000Z').actorId).toBe(3);
    const users = UserStore.open(dir);
    expect([users.get('ua')?.actorId, users.get('ub')?.actorId]).toEqual([USER_ACTOR_BASE, USER_ACTOR_BASE + 1]);
    expect((JSON.parse(readFileSync(join(dir, 'users.json'), 'utf8')) as { nextActorId: number }).nextActorId).toBe(USER_ACTOR_BASE + 2);
    const reopened = KeyStore.open(dir).store;
    expect(reopened.list(undefined).map((k) => k.actorId)).toEqual([1, 2, 3]);
    expect(UserStore.open(dir).get('ub')?.actorId).toBe(USER_ACTOR_BASE + 1);
  });
});
