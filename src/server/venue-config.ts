// The venue's configuration: instruments, book capacity, the risk gate, durability and the listener.
// `kapita start` runs on the embedded default; `--config FILE` reads JSON of the same shape (see
// docs/server.md), validated field by field: a bad config is an error that names the field.
import { defineInstrument, InstrumentConfigError, type InstrumentSpec } from '../domain/instrument.js';
import type { BookCapacity } from '../engine/order-book.js';
import type { CoreConfig } from '../journal/store.js';
import { defineRiskTables, RiskConfigError, type RiskConfig } from '../risk/risk-config.js';

export interface ServerSettings {
  /** Loopback by default: the venue listens in plaintext until the security issue adds TLS. */
  readonly host: string;
  /** 0 = any free port (tests). */
  readonly port: number;
}

export interface VenueConfig {
  readonly instruments: readonly InstrumentSpec[];
  readonly capacity: BookCapacity;
  readonly risk: RiskConfig;
  readonly durability: 'write' | 'fsync';
  readonly snapshotIntervalMs: number;
  readonly server: ServerSettings;
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
  durability: 'write',
  snapshotIntervalMs: 100,
  server: { host: '127.0.0.1', port: 8080 },
};

/** The part of the config the journal is bound to (store config.json). */
export function coreConfig(config: VenueConfig): CoreConfig {
  return { instruments: config.instruments, capacity: config.capacity, risk: config.risk };
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
  const known = ['instruments', 'capacity', 'risk', 'durability', 'snapshotIntervalMs', 'server'];
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
  let server = DEFAULT_CONFIG.server;
  if (raw.server !== undefined) {
    if (!isRecord(raw.server)) throw new VenueConfigError('server', 'must be an object with host and port');
    const given = raw.server as { host?: unknown; port?: unknown };
    const host = given.host ?? server.host;
    if (typeof host !== 'string' || host.length === 0) throw new VenueConfigError('server.host', 'must be a host name or address');
    server = { host, port: given.port === undefined ? server.port : integer(given.port, 'server.port', 0, 65_535) };
  }
  return { instruments: specs, capacity, risk, durability, snapshotIntervalMs, server };
}
