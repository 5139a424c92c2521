// The venue's configuration: instruments, book capacity, the risk gate, durability and the listener.
// `kapita start` runs on the embedded default; `--config FILE` reads JSON of the same shape (see
// docs/server.md), validated field by field: a bad config is an error that names the field.
import { defineInstrument, InstrumentConfigError, type InstrumentSpec } from '../domain/instrument.js';
import type { BookCapacity } from '../engine/order-book.js';
import type { CoreConfig } from '../journal/store.js';
import { defineRiskTables, RiskConfigError, type RiskConfig } from '../risk/risk-config.js';
import { DEFAULT_EDGE, type EdgeLimits } from '../security/edge.js';

export interface ServerSettings {
  readonly host: string;
  /** 0 = any free port (tests). */
  readonly port: number;
  /**
   * TLS 1.3 on the listener. 'auto' (the default) makes a CA and a server certificate in DATA/tls on
   * first start; or the operator's PEM files.
   */
  readonly tls: 'auto' | { readonly certFile: string; readonly keyFile: string; readonly caFile?: string };
  /** Plaintext HTTP and WebSocket instead of TLS: only when asked for, and only on a loopback host. */
  readonly plaintext: boolean;
  /** Names and addresses the generated certificate covers besides localhost, 127.0.0.1 and ::1. */
  readonly hostnames: readonly string[];
  /**
   * Prometheus metrics. `null` (the default): only at GET /metrics on the listener, with a token of
   * a venue key or user holding `risk` or `admin`. A port: also served without a token, in plain
   * HTTP, on 127.0.0.1 at that port, for a scraper on the same host (a 60-second token does not suit
   * a scraper); nothing off the machine reaches it.
   */
  readonly metricsPort: number | null;
}

export interface SecuritySettings {
  /** The WebAuthn relying party: its id (a domain) and the origins a browser may sign in from. */
  readonly webauthn: { readonly rpId: string; readonly rpName: string; readonly origins: readonly string[] };
  /** A person signs in again (password and second factor) at least this often. */
  readonly sessionHours: number;
  /** The token signing key is replaced this often (0: only by the admin endpoint). */
  readonly signingKeyRotationHours: number;
  /**
   * Password hashes (scrypt, ~100 ms of one of libuv's 4 threads each) running at once, venue-wide
   * and per address group (security/address.ts); beyond them a sign-in is refused before hashing.
   */
  readonly passwordHashesInFlight: number;
  readonly passwordHashesInFlightPerAddress: number;
  /** Failed password sign-ins an address group may make: a bucket of this burst refilled at this rate, charged before the hash. */
  readonly passwordFailuresPerMinute: number;
  readonly passwordFailureBurst: number;
  /** Live sessions a person may hold; a sign-in beyond it ends the oldest. */
  readonly sessionsPerUser: number;
}

export interface VenueConfig {
  readonly instruments: readonly InstrumentSpec[];
  readonly capacity: BookCapacity;
  readonly risk: RiskConfig;
  /**
   * When an acknowledgement may leave: 'fsync' (the default) after fdatasync of the journal, the FIX
   * store and the FIX order log, so acknowledged orders survive a power loss of the node; 'write'
   * after write() only, which survives a crash of the process but not of the machine.
   */
  readonly durability: 'write' | 'fsync';
  /**
   * The core's clientOrderId and depositId tables (src/engine/client-ids.ts): closed orders' ids and
   * applied depositIds kept per account (each 10,000 when not given). They decide what the core
   * forgets, so they are part of the state the journal replays: like the instruments, they are bound
   * to the data directory once set.
   */
  readonly idempotency?: { readonly closedOrdersPerAccount?: number; readonly depositsPerAccount?: number };
  readonly snapshotIntervalMs: number;
  readonly server: ServerSettings;
  readonly edge: EdgeLimits;
  readonly security: SecuritySettings;
  /** The FIX gateway on its own port, with the listener's host and TLS; null for none. */
  readonly fix: FixSettings | null;
}

export interface FixSettings {
  /** 0 = any free port (tests). */
  readonly port: number;
  /** Our CompID: clients send it as TargetCompID (56). */
  readonly senderCompId: string;
  /**
   * Counterparties known in advance: their SenderCompID is reserved for one account, with
   * settings of its own. Any other SenderCompID may still log on for any account (dynamic).
   */
  readonly sessions: readonly FixCounterparty[];
}

export interface FixCounterparty {
  /** The counterparty's SenderCompID (49). */
  readonly senderCompId: string;
  /** The account its API key must belong to. */
  readonly account: number;
  /** Both sequence numbers back to 1 at every Logon (no resend across connections). */
  readonly resetOnLogon: boolean;
  /** Cancel the session's open orders when it drops without a Logout, unless the Logon says (8013). */
  readonly cancelOnDisconnect: boolean;
  /** Largest HeartBtInt (108) it may ask for, in seconds. */
  readonly maxHeartBtIntSec: number;
}

export class VenueConfigError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`config ${field}: ${message}`);
    this.name = 'VenueConfigError';
  }
}

export const DEFAULT_CONFIG: VenueConfig = {
  instruments: [
    {
      id: 1,
      symbol: 'BTC-USD',
      baseAsset: 'BTC',
      quoteAsset: 'USD',
      tickSize: '0.01',
      lotSize: '0.0001',
      minPrice: '0.01',
      maxPrice: '1000000',
      minQuantity: '0.0001',
      maxQuantity: '1000',
      matching: { kind: 'fifo' },
    },
    {
      id: 2,
      symbol: 'ETH-USD',
      baseAsset: 'ETH',
      quoteAsset: 'USD',
      tickSize: '0.05',
      lotSize: '0.001',
      minPrice: '0.05',
      maxPrice: '100000',
      minQuantity: '0.001',
      maxQuantity: '10000',
      matching: { kind: 'pro-rata', topOrderCapLots: 1000, minimumAllocationLots: 0 },
    },
    {
      id: 3,
      symbol: 'SOL-USD',
      baseAsset: 'SOL',
      quoteAsset: 'USD',
      tickSize: '0.001',
      lotSize: '0.01',
      minPrice: '0.001',
      maxPrice: '100000',
      minQuantity: '0.01',
      maxQuantity: '10000',
      matching: { kind: 'fifo' },
    },
  ],
  capacity: { maxOrders: 100_000, maxLevels: 10_000 },
  risk: {
    valuationAsset: 'USD',
    fees: { 'BTC-USD': { makerBps: 1, takerBps: 5 }, 'ETH-USD': { makerBps: 0, takerBps: 4 }, 'SOL-USD': { makerBps: 2, takerBps: 6 } },
    limits: [
      { limit: 'maxOpenOrders', value: 1000 },
      { limit: 'orderRate', value: 1000 },
      { limit: 'orderBurst', value: 2000 },
      { limit: 'priceBandBps', value: 1000 },
    ],
  },
  // A single node with no replica elsewhere: only the disk can keep an acknowledged order.
  durability: 'fsync',
  snapshotIntervalMs: 100,
  server: { host: '127.0.0.1', port: 8443, tls: 'auto', plaintext: false, hostnames: [], metricsPort: null },
  edge: DEFAULT_EDGE,
  security: {
    webauthn: { rpId: 'localhost', rpName: 'Kapita', origins: ['https://localhost:8443'] },
    sessionHours: 12,
    signingKeyRotationHours: 24,
    passwordHashesInFlight: 2,
    passwordHashesInFlightPerAddress: 1,
    passwordFailuresPerMinute: 5,
    passwordFailureBurst: 5,
    sessionsPerUser: 10,
  },
  fix: { port: 9878, senderCompId: 'KAPITA', sessions: [] },
};

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** The part of the config the journal is bound to (store config.json). */
export function coreConfig(config: VenueConfig): CoreConfig {
  return { instruments: config.instruments, capacity: config.capacity, risk: config.risk, ...(config.idempotency === undefined ? {} : { idempotency: config.idempotency }) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function integer(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw new VenueConfigError(field, `must be an integer in ${min}..${max}`);
  return value;
}

/**
 * Validates a parsed JSON config. Missing sections take the default; instruments, when given,
 * replace the default list. Every instrument and the risk section are checked as the engine would.
 */
export function parseVenueConfig(input: unknown): VenueConfig {
  if (!isRecord(input)) throw new VenueConfigError('(root)', 'must be a JSON object');
  const known = ['instruments', 'capacity', 'risk', 'durability', 'idempotency', 'snapshotIntervalMs', 'server', 'edge', 'security', 'fix'];
  for (const key of Object.keys(input)) if (!known.includes(key)) throw new VenueConfigError(key, `unknown field (known: ${known.join(', ')})`);
  const raw = input as { readonly [K in keyof VenueConfig]?: unknown };
  const instruments = raw.instruments === undefined ? DEFAULT_CONFIG.instruments : raw.instruments;
  if (!Array.isArray(instruments) || instruments.length === 0) throw new VenueConfigError('instruments', 'must be a non-empty array');
  const specs = instruments as InstrumentSpec[];
  const defined = specs.map((spec, i) => {
    try {
      return defineInstrument(spec);
    } catch (error) {
      if (error instanceof InstrumentConfigError) throw new VenueConfigError(`instruments[${i}].${error.field}`, error.message);
      throw new VenueConfigError(`instruments[${i}]`, error instanceof Error ? error.message : String(error));
    }
  });
  const ids = new Set<number>();
  const symbols = new Set<string>();
  defined.forEach((instrument, i) => {
    if (ids.has(instrument.id)) throw new VenueConfigError(`instruments[${i}].id`, `${instrument.id} is used twice`);
    if (symbols.has(instrument.symbol)) throw new VenueConfigError(`instruments[${i}].symbol`, `${instrument.symbol} is used twice`);
    ids.add(instrument.id);
    symbols.add(instrument.symbol);
  });
  let capacity = DEFAULT_CONFIG.capacity;
  if (raw.capacity !== undefined) {
    if (!isRecord(raw.capacity)) throw new VenueConfigError('capacity', 'must be an object with maxOrders and maxLevels');
    const given = raw.capacity as { maxOrders?: unknown; maxLevels?: unknown };
    capacity = { maxOrders: integer(given.maxOrders, 'capacity.maxOrders', 1, 10_000_000), maxLevels: integer(given.maxLevels, 'capacity.maxLevels', 1, 1_000_000) };
  }
  const risk = (raw.risk ?? DEFAULT_CONFIG.risk) as RiskConfig;
  if (!isRecord(risk)) throw new VenueConfigError('risk', 'must be an object');
  try {
    defineRiskTables(defined, risk);
  } catch (error) {
    if (error instanceof RiskConfigError) throw new VenueConfigError(`risk.${error.field}`, error.message);
    throw error;
  }
  const durability = raw.durability ?? DEFAULT_CONFIG.durability;
  if (durability !== 'write' && durability !== 'fsync') throw new VenueConfigError('durability', 'must be "write" or "fsync"');
  const snapshotIntervalMs = raw.snapshotIntervalMs === undefined ? DEFAULT_CONFIG.snapshotIntervalMs : integer(raw.snapshotIntervalMs, 'snapshotIntervalMs', 0, 3_600_000);
  const idempotency = parseIdempotency(raw.idempotency);
  return { instruments: specs, capacity, risk, durability, ...(idempotency === undefined ? {} : { idempotency }), snapshotIntervalMs, server: parseServer(raw.server), edge: parseEdge(raw.edge), security: parseSecurity(raw.security), fix: parseFix(raw.fix) };
}

function parseIdempotency(input: unknown): VenueConfig['idempotency'] {
  if (input === undefined) return undefined;
  if (!isRecord(input)) throw new VenueConfigError('idempotency', 'must be an object with closedOrdersPerAccount and/or depositsPerAccount');
  known(input, 'idempotency', ['closedOrdersPerAccount', 'depositsPerAccount']);
  const field = (name: 'closedOrdersPerAccount' | 'depositsPerAccount'): { [K in typeof name]?: number } => (input[name] === undefined ? {} : { [name]: integer(input[name], `idempotency.${name}`, 1, 1_000_000) });
  return { ...field('closedOrdersPerAccount'), ...field('depositsPerAccount') };
}

function strings(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.length === 0)) throw new VenueConfigError(field, 'must be an array of non-empty strings');
  return value as string[];
}

function known(given: Record<string, unknown>, section: string, fields: readonly string[]): void {
  for (const key of Object.keys(given)) if (!fields.includes(key)) throw new VenueConfigError(`${section}.${key}`, `unknown field (known: ${fields.join(', ')})`);
}

function parseServer(input: unknown): ServerSettings {
  const base = DEFAULT_CONFIG.server;
  if (input === undefined) return base;
  if (!isRecord(input)) throw new VenueConfigError('server', 'must be an object with host and port');
  known(input, 'server', ['host', 'port', 'tls', 'plaintext', 'hostnames', 'metricsPort']);
  const host = input['host'] ?? base.host;
  if (typeof host !== 'string' || host.length === 0) throw new VenueConfigError('server.host', 'must be a host name or address');
  const port = input['port'] === undefined ? base.port : integer(input['port'], 'server.port', 0, 65_535);
  const plaintext = input['plaintext'] ?? false;
  if (typeof plaintext !== 'boolean') throw new VenueConfigError('server.plaintext', 'must be true or false');
  if (plaintext && !LOOPBACK.has(host)) throw new VenueConfigError('server.plaintext', `plaintext is allowed only on a loopback host (127.0.0.1, ::1, localhost), not ${host}`);
  let tls: ServerSettings['tls'] = base.tls;
  const rawTls = input['tls'];
  if (rawTls !== undefined && rawTls !== 'auto') {
    if (!isRecord(rawTls)) throw new VenueConfigError('server.tls', 'must be "auto" or an object with certFile, keyFile and optionally caFile');
    known(rawTls, 'server.tls', ['certFile', 'keyFile', 'caFile']);
    const file = (name: string, required: boolean): string | undefined => {
      const value = rawTls[name];
      if (value === undefined && !required) return undefined;
      if (typeof value !== 'string' || value.length === 0) throw new VenueConfigError(`server.tls.${name}`, 'must be a file path');
      return value;
    };
    const caFile = file('caFile', false);
    tls = { certFile: file('certFile', true) ?? '', keyFile: file('keyFile', true) ?? '', ...(caFile === undefined ? {} : { caFile }) };
  }
  const hostnames = input['hostnames'] === undefined ? base.hostnames : strings(input['hostnames'], 'server.hostnames');
  const metricsPort = input['metricsPort'] === undefined || input['metricsPort'] === null ? null : integer(input['metricsPort'], 'server.metricsPort', 0, 65_535);
  return { host, port, tls, plaintext, hostnames, metricsPort };
}

function parseEdge(input: unknown): EdgeLimits {
  if (input === undefined) return DEFAULT_EDGE;
  if (!isRecord(input)) throw new VenueConfigError('edge', 'must be an object of limits');
  const fields = Object.keys(DEFAULT_EDGE);
  known(input, 'edge', fields);
  const limits: Record<string, number> = { ...DEFAULT_EDGE };
  // A FIX reserve of 0 is a choice (no FIX, or no guarantee for it); every other limit is at least 1.
  for (const [key, value] of Object.entries(input)) limits[key] = integer(value, `edge.${key}`, key === 'fixReservedConnections' ? 0 : 1, 1_000_000_000);
  const edge = limits as unknown as EdgeLimits;
  // Node's HTTP server refuses a headers timeout longer than the whole-request timeout.
  if (edge.handshakeTimeoutMs > edge.requestTimeoutMs) throw new VenueConfigError('edge.handshakeTimeoutMs', `must not exceed edge.requestTimeoutMs (${edge.requestTimeoutMs})`);
  // The public port must keep at least one connection; an unauthenticated cap above the total caps nothing.
  if (edge.fixReservedConnections >= edge.maxConnections) throw new VenueConfigError('edge.fixReservedConnections', `must be below edge.maxConnections (${edge.maxConnections})`);
  if (edge.maxUnauthenticatedConnections > edge.maxConnections) throw new VenueConfigError('edge.maxUnauthenticatedConnections', `must not exceed edge.maxConnections (${edge.maxConnections})`);
  return edge;
}

function parseSecurity(input: unknown): SecuritySettings {
  const base = DEFAULT_CONFIG.security;
  if (input === undefined) return base;
  if (!isRecord(input)) throw new VenueConfigError('security', 'must be an object');
  known(input, 'security', ['webauthn', 'sessionHours', 'signingKeyRotationHours', ...SECURITY_COUNTS]);
  let webauthn = base.webauthn;
  const rawWebauthn = input['webauthn'];
  if (rawWebauthn !== undefined) {
    if (!isRecord(rawWebauthn)) throw new VenueConfigError('security.webauthn', 'must be an object with rpId, rpName and origins');
    known(rawWebauthn, 'security.webauthn', ['rpId', 'rpName', 'origins']);
    const rpId = rawWebauthn['rpId'] ?? webauthn.rpId;
    const rpName = rawWebauthn['rpName'] ?? webauthn.rpName;
    if (typeof rpId !== 'string' || rpId.length === 0) throw new VenueConfigError('security.webauthn.rpId', 'must be a domain');
    if (typeof rpName !== 'string' || rpName.length === 0) throw new VenueConfigError('security.webauthn.rpName', 'must be a name');
    const origins = rawWebauthn['origins'] === undefined ? webauthn.origins : strings(rawWebauthn['origins'], 'security.webauthn.origins');
    for (const origin of origins) if (!/^https?:\/\/[^/]+$/.test(origin)) throw new VenueConfigError('security.webauthn.origins', `"${origin}" is not an origin (scheme://host[:port])`);
    webauthn = { rpId, rpName, origins };
  }
  const sessionHours = input['sessionHours'] === undefined ? base.sessionHours : integer(input['sessionHours'], 'security.sessionHours', 1, 24 * 30);
  const signingKeyRotationHours = input['signingKeyRotationHours'] === undefined ? base.signingKeyRotationHours : integer(input['signingKeyRotationHours'], 'security.signingKeyRotationHours', 0, 24 * 365);
  const count = (field: (typeof SECURITY_COUNTS)[number]): number => (input[field] === undefined ? base[field] : integer(input[field], `security.${field}`, 1, 1_000_000));
  const counts = { passwordHashesInFlight: count('passwordHashesInFlight'), passwordHashesInFlightPerAddress: count('passwordHashesInFlightPerAddress'), passwordFailuresPerMinute: count('passwordFailuresPerMinute'), passwordFailureBurst: count('passwordFailureBurst'), sessionsPerUser: count('sessionsPerUser') };
  if (counts.passwordHashesInFlightPerAddress > counts.passwordHashesInFlight) throw new VenueConfigError('security.passwordHashesInFlightPerAddress', `must not exceed security.passwordHashesInFlight (${counts.passwordHashesInFlight})`);
  return { webauthn, sessionHours, signingKeyRotationHours, ...counts };
}

/** The security settings that are plain positive counts. */
const SECURITY_COUNTS = ['passwordHashesInFlight', 'passwordHashesInFlightPerAddress', 'passwordFailuresPerMinute', 'passwordFailureBurst', 'sessionsPerUser'] as const;

function parseFix(input: unknown): FixSettings | null {
  if (input === undefined) return DEFAULT_CONFIG.fix;
  if (input === null) return null;
  if (!isRecord(input)) throw new VenueConfigError('fix', 'must be null (no FIX gateway) or an object with port and senderCompId');
  known(input, 'fix', ['port', 'senderCompId', 'sessions']);
  const base = DEFAULT_CONFIG.fix ?? { port: 9878, senderCompId: 'KAPITA', sessions: [] };
  const port = input['port'] === undefined ? base.port : integer(input['port'], 'fix.port', 0, 65_535);
  const senderCompId = input['senderCompId'] ?? base.senderCompId;
  if (typeof senderCompId !== 'string' || !COMP_ID.test(senderCompId)) throw new VenueConfigError('fix.senderCompId', 'must be 1 to 32 letters, digits, dots, dashes or underscores');
  const rawSessions = input['sessions'] ?? [];
  if (!Array.isArray(rawSessions)) throw new VenueConfigError('fix.sessions', 'must be a list of {senderCompId, account, resetOnLogon?, cancelOnDisconnect?, maxHeartBtIntSec?}');
  const seen = new Set<string>();
  const sessions = rawSessions.map((raw: unknown, i): FixCounterparty => {
    const where = `fix.sessions[${i}]`;
    if (!isRecord(raw)) throw new VenueConfigError(where, 'must be an object with senderCompId and account');
    known(raw, where, ['senderCompId', 'account', 'resetOnLogon', 'cancelOnDisconnect', 'maxHeartBtIntSec']);
    const theirs = raw['senderCompId'];
    if (typeof theirs !== 'string' || !COMP_ID.test(theirs)) throw new VenueConfigError(`${where}.senderCompId`, 'must be 1 to 32 letters, digits, dots, dashes or underscores');
    if (seen.has(theirs)) throw new VenueConfigError(`${where}.senderCompId`, `${theirs} is configured twice`);
    seen.add(theirs);
    const flag = (name: string): boolean => {
      const value = raw[name] ?? false;
      if (typeof value !== 'boolean') throw new VenueConfigError(`${where}.${name}`, 'must be true or false');
      return value;
    };
    return {
      senderCompId: theirs,
      account: integer(raw['account'], `${where}.account`, 1, 4_294_967_295),
      resetOnLogon: flag('resetOnLogon'),
      cancelOnDisconnect: flag('cancelOnDisconnect'),
      maxHeartBtIntSec: raw['maxHeartBtIntSec'] === undefined ? 3_600 : integer(raw['maxHeartBtIntSec'], `${where}.maxHeartBtIntSec`, 1, 86_400),
    };
  });
  return { port, senderCompId, sessions };
}

const COMP_ID = /^[A-Za-z0-9._-]{1,32}$/;
