// `kapita key create|list|rotate|revoke`: API key management on a running venue, as its operator.
// Every command signs in with the admin key the venue wrote to DATA/admin-key.json on first start
// (as `kapita account create` does) and calls the venue's key routes (GET/POST /v1/keys,
// POST /v1/keys/:id/rotate, DELETE /v1/keys/:id), which let an admin manage the keys of any account.
//
// Exit codes: 0 done; 1 the venue refused (its coded error on stderr) or could not be reached;
// 2 bad input, found before any request is sent. A secret is printed once, at create and rotate:
// the venue keeps it but never shows it again, and `list` never prints one.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Command, type CommanderError, Option } from 'commander';
import { allowListProblem, signRequest } from '../auth/auth.js';
import { type Credentials, type Reply, RestClient } from '../auth/client.js';
import { type Scope, SCOPES } from '../auth/users.js';
import { writePrivate } from '../security/files.js';
import { DEFAULT_CONFIG } from '../server/venue-config.js';
import type { Output } from './journal-commands.js';

/** The options every key command takes: where the venue is and how to reach it as its operator. */
export interface VenueOptions {
  readonly data: string;
  readonly url: string;
  readonly ca?: string;
  readonly json?: boolean;
}

interface CreateOptions extends VenueOptions {
  readonly account: string;
  readonly name: string;
  readonly scope?: string;
  readonly ip: string[];
}

/** What the venue answers for a key (keyView in identity-routes.ts); `secret` at create and rotate only. */
interface KeyView {
  readonly keyId: string;
  readonly accountId: number;
  readonly name: string;
  readonly scopes: readonly string[];
  readonly ipAllowList: readonly string[];
  readonly createdAt: string;
  readonly rotatedAt?: string;
  readonly revokedAt?: string;
  readonly secret?: string;
}

/** Bad command-line input: reported with exit code 2, before any request. */
class InputError extends Error {}

const SECRET_NOTE = 'the secret is shown this once and never again: store it now';

/** The operator's connection: the admin key, and the CA for https (the data directory's by default). */
interface Operator {
  readonly client: RestClient;
  readonly admin: Credentials;
  readonly adminPath: string;
}

function operator(options: VenueOptions): Operator {
  const adminPath = join(options.data, 'admin-key.json');
  let admin: Credentials;
  try {
    admin = JSON.parse(readFileSync(adminPath, 'utf8')) as Credentials;
  } catch (error) {
    throw new InputError(`cannot read the admin key ${adminPath} (is --data the venue's data directory?): ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof admin.keyId !== 'string' || typeof admin.secret !== 'string') throw new InputError(`${adminPath} holds no keyId and secret`);
  const caFile = options.ca ?? join(options.data, 'tls', 'ca.pem');
  if (options.ca !== undefined && !existsSync(caFile)) throw new InputError(`--ca ${caFile}: no such file`);
  const ca = options.url.startsWith('https:') && existsSync(caFile) ? readFileSync(caFile, 'utf8') : undefined;
  return { client: new RestClient(options.url, admin, { ca }), admin, adminPath };
}

/** A non-negative account id (0 is the venue itself: venue keys carry read, risk, admin). */
function accountId(text: string): number {
  const value = /^[0-9]{1,15}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value)) throw new InputError(`--account must be a non-negative integer, got "${text}"`);
  return value;
}

/** Key ids are `k` and base64url; anything else cannot name a key (and must not reach the URL path). */
function keyId(text: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(text)) throw new InputError(`KEY_ID must be a key id such as kAbC123…, got "${text}"`);
  return text;
}

/** `read,trade` into scopes the venue knows; which of them fit the account is the venue's rule. */
function scopes(text: string): Scope[] {
  const list = text.split(',').map((s) => s.trim());
  if (list.some((s) => s.length === 0)) throw new InputError(`--scope takes a comma-separated list such as read,trade, got "${text}"`);
  for (const scope of list) if (!SCOPES.includes(scope as Scope)) throw new InputError(`--scope: unknown scope "${scope}" (scopes: ${SCOPES.join(', ')})`);
  return [...new Set(list as Scope[])];
}

function allowList(entries: readonly string[]): string[] {
  const list = entries.flatMap((entry) => entry.split(',')).map((s) => s.trim());
  for (const entry of list) {
    const problem = allowListProblem(entry);
    if (problem !== undefined) throw new InputError(`--ip: ${problem}`);
  }
  if (list.length > 64) throw new InputError(`--ip: at most 64 entries, got ${list.length}`);
  return list;
}

function createBody(options: CreateOptions): Record<string, unknown> {
  if (options.name.length < 1 || options.name.length > 64) throw new InputError(`--name must be 1 to 64 characters, got ${options.name.length}`);
  return {
    accountId: accountId(options.account),
    name: options.name,
    ...(options.scope === undefined ? {} : { scopes: scopes(options.scope) }),
    ipAllowList: allowList(options.ip),
  };
}

// ---- output ----------------------------------------------------------------------------------------

function status(key: KeyView): string {
  if (key.revokedAt !== undefined) return `revoked ${key.revokedAt}`;
  return key.rotatedAt === undefined ? 'active' : `active (rotated ${key.rotatedAt})`;
}

function keyLines(key: KeyView): string[] {
  return [
    `key        ${key.keyId}`,
    `account    ${key.accountId === 0 ? '0 (venue)' : String(key.accountId)}`,
    `name       ${key.name}`,
    `scopes     ${key.scopes.join(',')}`,
    `ip         ${key.ipAllowList.length === 0 ? 'any' : key.ipAllowList.join(',')}`,
    `created    ${key.createdAt}`,
    `status     ${status(key)}`,
  ];
}

/** A key with its secret (create, rotate); in JSON the note goes to stderr so stdout stays one object. */
function printWithSecret(io: Output, key: KeyView, json: boolean): void {
  if (json) {
    io.out(JSON.stringify(key));
    io.err(SECRET_NOTE);
    return;
  }
  for (const line of keyLines(key)) io.out(line);
  io.out(`secret     ${key.secret ?? '(none returned)'}`);
  io.out(SECRET_NOTE);
}

/** The list as a table; the secret is not in the venue's listing, and is dropped here too should it ever be. */
function printList(io: Output, keys: readonly KeyView[], adminKeyId: string, json: boolean): void {
  const shown = keys.map((k): KeyView => ({ keyId: k.keyId, accountId: k.accountId, name: k.name, scopes: k.scopes, ipAllowList: k.ipAllowList, createdAt: k.createdAt, ...(k.rotatedAt === undefined ? {} : { rotatedAt: k.rotatedAt }), ...(k.revokedAt === undefined ? {} : { revokedAt: k.revokedAt }) }));
  if (json) {
    io.out(JSON.stringify({ keys: shown }));
    return;
  }
  if (shown.length === 0) {
    io.out('no keys');
    return;
  }
  const rows = shown.map((k) => [k.keyId, String(k.accountId), k.name, k.scopes.join(','), k.ipAllowList.length === 0 ? 'any' : k.ipAllowList.join(','), k.createdAt, status(k) + (k.keyId === adminKeyId ? ' (this CLI’s admin key)' : '')]);
  const table = [['KEY', 'ACCOUNT', 'NAME', 'SCOPES', 'IP', 'CREATED', 'STATUS'], ...rows];
  const widths = table[0]?.map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length))) ?? [];
  for (const row of table) io.out(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  '));
}

/** The venue's refusal on stderr: its coded error (code, name, message), or the HTTP status when it sent none. */
function printRefusal(io: Output, reply: Reply, json: boolean): void {
  const error = (reply.body as { error?: { code?: unknown; name?: unknown; message?: unknown } } | undefined)?.error;
  if (json) io.err(JSON.stringify(error === undefined ? { error: { status: reply.status, body: reply.body } } : { error }));
  else if (error === undefined) io.err(`the venue answered HTTP ${reply.status}: ${JSON.stringify(reply.body)}`);
  else io.err(`error ${String(error.code)} ${String(error.name)}: ${String(error.message)}`);
}

// ---- commands --------------------------------------------------------------------------------------

/**
 * A token for the admin key, or the venue's refusal of it (a rotated or revoked admin key is the
 * venue's coded error like any other, not RestClient's thrown text).
 */
async function adminToken(op: Operator): Promise<string | Reply> {
  const timestamp = Date.now();
  const nonce = randomBytes(12).toString('hex');
  const { keyId: id, secret } = op.admin;
  const reply = await op.client.call('POST', '/v1/auth/token', { keyId: id, timestamp, nonce, signature: signRequest(secret, id, timestamp, nonce) }, false);
  return reply.status === 200 ? (reply.body as { token: string }).token : reply;
}

/** One call to the venue; the refusal printed and undefined returned when it is not `expected`. */
async function call(io: Output, op: Operator, json: boolean, method: string, path: string, body: unknown, expected: number): Promise<unknown> {
  let reply: Reply;
  try {
    const token = await adminToken(op);
    reply = typeof token === 'string' ? await op.client.call(method, path, body, token) : token;
  } catch (error) {
    throw new Error(`cannot reach the venue at ${op.client.baseUrl}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (reply.status === expected) return reply.body;
  printRefusal(io, reply, json);
  return undefined;
}

export async function createKey(io: Output, options: CreateOptions): Promise<number> {
  const body = createBody(options);
  const op = operator(options);
  const key = (await call(io, op, options.json === true, 'POST', '/v1/keys', body, 201)) as KeyView | undefined;
  if (key === undefined) return 1;
  printWithSecret(io, key, options.json === true);
  return 0;
}

export async function listKeys(io: Output, options: VenueOptions & { account?: string }): Promise<number> {
  // The venue lists every key to an admin and has no account filter: the CLI filters.
  const only = options.account === undefined ? undefined : accountId(options.account);
  const op = operator(options);
  const keys = (await call(io, op, options.json === true, 'GET', '/v1/keys', undefined, 200)) as KeyView[] | undefined;
  if (keys === undefined) return 1;
  printList(io, keys.filter((k) => only === undefined || k.accountId === only), op.admin.keyId, options.json === true);
  return 0;
}

export async function rotateKey(io: Output, id: string, options: VenueOptions): Promise<number> {
  const op = operator(options);
  const key = (await call(io, op, options.json === true, 'POST', `/v1/keys/${keyId(id)}/rotate`, undefined, 200)) as KeyView | undefined;
  if (key === undefined) return 1;
  // Rotating the key this CLI signs with would lock the operator out: its file gets the new secret.
  if (key.keyId === op.admin.keyId && key.secret !== undefined) {
    writePrivate(op.adminPath, `${JSON.stringify({ keyId: key.keyId, secret: key.secret }, null, 2)}\n`);
    io.err(`this was the admin key: ${op.adminPath} now holds the new secret`);
  }
  printWithSecret(io, key, options.json === true);
  return 0;
}

export async function revokeKey(io: Output, id: string, options: VenueOptions & { force?: boolean }): Promise<number> {
  const op = operator(options);
  if (keyId(id) === op.admin.keyId && options.force !== true) {
    throw new InputError(`${id} is the admin key in ${op.adminPath}, which this CLI signs with: revoking it locks the operator out (make another admin key first; --force to revoke anyway)`);
  }
  const key = (await call(io, op, options.json === true, 'DELETE', `/v1/keys/${id}`, undefined, 200)) as KeyView | undefined;
  if (key === undefined) return 1;
  if (options.json === true) io.out(JSON.stringify(key));
  else for (const line of keyLines(key)) io.out(line);
  return 0;
}

// ---- wiring ----------------------------------------------------------------------------------------

/** Runs a command: its exit code, 2 for bad input, 1 when the venue cannot be reached. */
function run(io: Output, work: () => Promise<number>): Promise<void> {
  return work().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      io.err(error instanceof Error ? error.message : String(error));
      process.exitCode = error instanceof InputError ? 2 : 1;
    },
  );
}

/** The venue options on one subcommand, and commander's own usage errors as exit 2 (not its 1). */
function venueCommand(command: Command): Command {
  return command
    .option('--data <dir>', 'data directory holding admin-key.json', './data')
    .option('--url <url>', 'the venue', `https://${DEFAULT_CONFIG.server.host}:${DEFAULT_CONFIG.server.port}`)
    .option('--ca <file>', "the CA to trust for https (default: the data directory's tls/ca.pem)")
    .option('--json', 'print one JSON object instead of text')
    .exitOverride(usageExit);
}

function usageExit(error: CommanderError): never {
  process.exit(error.exitCode === 0 ? 0 : 2);
}

export function registerKeyCommands(program: Command, io: Output): void {
  const key = program.command('key').description('manage API keys on a running venue (with the admin key)').exitOverride(usageExit);
  venueCommand(key.command('create').description('create an API key for an account; prints its secret once'))
    .requiredOption('--account <id>', 'the account (0: a venue key)')
    .option('--name <name>', 'a name for the key', 'cli')
    .addOption(new Option('--scope <list>', `comma-separated scopes (${SCOPES.join(', ')}); the venue's default: read,trade`))
    .option('--ip <cidr>', 'allow only this address or CIDR block, repeatable (default: any)', (value: string, all: string[]) => [...all, value], [])
    .action((options: CreateOptions) => run(io, () => createKey(io, options)));
  venueCommand(key.command('list').description('list API keys (never their secrets)'))
    .option('--account <id>', 'only this account\'s keys')
    .action((options: VenueOptions & { account?: string }) => run(io, () => listKeys(io, options)));
  venueCommand(key.command('rotate').argument('<KEY_ID>', 'the key').description('give a key a new secret (printed once); the old one stops working at once'))
    .action((id: string, options: VenueOptions) => run(io, () => rotateKey(io, id, options)));
  venueCommand(key.command('revoke').argument('<KEY_ID>', 'the key').description('revoke a key for good; its tokens and sessions stop at once'))
    .option('--force', 'revoke even the admin key this CLI signs with')
    .action((id: string, options: VenueOptions & { force?: boolean }) => run(io, () => revokeKey(io, id, options)));
}
