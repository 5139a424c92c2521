// Instruments: what trades, in which integer units, under which matching policy.
// Prices are integer ticks and quantities integer lots; the decimal tick and lot sizes exist only to
// convert at the edge. Every product the engine forms is proven below 2^53 here, once, when the
// instrument is defined, so the hot path can use plain doubles as exact integers.
import { type DecimalUnit, parseUnit, decimalToUnits } from './decimal.js';
import { ResultCode } from './result-codes.js';

export interface FifoPolicy {
  readonly kind: 'fifo';
}

/**
 * Pro-rata allocation (docs/pro-rata.md). `topOrderCapLots` > 0 turns on top-order priority: the order
 * that set a new best price is filled first, up to that many lots. `minimumAllocationLots` > 1 zeroes
 * smaller pro-rata allocations, whose lots then go to the time-ordered remainder.
 */
export interface ProRataPolicy {
  readonly kind: 'pro-rata';
  readonly topOrderCapLots: number;
  readonly minimumAllocationLots: number;
}

export type MatchingPolicy = FifoPolicy | ProRataPolicy;

/** Instrument as an operator writes it: decimals as strings. */
export interface InstrumentSpec {
  readonly id: number;
  readonly symbol: string;
  readonly baseAsset: string;
  readonly quoteAsset: string;
  readonly tickSize: string;
  readonly lotSize: string;
  readonly minPrice: string;
  readonly maxPrice: string;
  readonly minQuantity: string;
  readonly maxQuantity: string;
  readonly matching: MatchingPolicy;
}

/** Instrument as the engine uses it: everything in ticks and lots. */
export interface Instrument {
  readonly id: number;
  readonly symbol: string;
  readonly baseAsset: string;
  readonly quoteAsset: string;
  readonly tick: DecimalUnit;
  readonly lot: DecimalUnit;
  readonly minPriceTicks: number;
  readonly maxPriceTicks: number;
  readonly minQuantityLots: number;
  readonly maxQuantityLots: number;
  readonly matching: MatchingPolicy;
  /** Decimal places of a notional (tick.scale + lot.scale); notionals are integers in that unit. */
  readonly notionalScale: number;
  /** notional = priceTicks × quantityLots × notionalMultiplier, in units of 10^-notionalScale. */
  readonly notionalMultiplier: number;
}

export const MAX_INSTRUMENT_ID = 65_535;
const SYMBOL_PATTERN = /^[A-Z0-9]{1,16}(-[A-Z0-9]{1,16}){0,3}$/;
const ASSET_PATTERN = /^[A-Z0-9]{1,16}$/;

export class InstrumentConfigError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`instrument ${field}: ${message}`);
    this.name = 'InstrumentConfigError';
  }
}

function fail(symbol: string, field: string, message: string): never {
  throw new InstrumentConfigError(`${symbol}.${field}`, message);
}

function unitField(spec: InstrumentSpec, field: 'tickSize' | 'lotSize'): DecimalUnit {
  try {
    return parseUnit(spec[field]);
  } catch (error) {
    return fail(spec.symbol, field, error instanceof Error ? error.message : String(error));
  }
}

function boundField(spec: InstrumentSpec, field: 'minPrice' | 'maxPrice' | 'minQuantity' | 'maxQuantity', unit: DecimalUnit): number {
  const isPrice = field === 'minPrice' || field === 'maxPrice';
  const converted = decimalToUnits(spec[field], unit, isPrice ? ResultCode.PRICE_NOT_ON_TICK : ResultCode.QUANTITY_NOT_ON_LOT);
  if (!converted.ok) fail(spec.symbol, field, `"${spec[field]}" is not a whole number of ${isPrice ? 'ticks' : 'lots'} (code ${converted.code})`);
  if (converted.value < 1) fail(spec.symbol, field, 'must be at least one unit');
  return converted.value;
}

function checkPolicy(spec: InstrumentSpec, maxQuantityLots: number): MatchingPolicy {
  const policy = spec.matching;
  if (policy.kind === 'fifo') return { kind: 'fifo' };
  if (!Number.isSafeInteger(policy.topOrderCapLots) || policy.topOrderCapLots < 0) {
    fail(spec.symbol, 'matching.topOrderCapLots', 'must be a non-negative integer (0 turns top-order priority off)');
  }
  const minimum = policy.minimumAllocationLots;
  if (!Number.isSafeInteger(minimum) || minimum < 0 || minimum > maxQuantityLots) {
    fail(spec.symbol, 'matching.minimumAllocationLots', 'must be an integer between 0 and maxQuantity in lots');
  }
  return { kind: 'pro-rata', topOrderCapLots: policy.topOrderCapLots, minimumAllocationLots: minimum };
}

export function defineInstrument(spec: InstrumentSpec): Instrument {
  const symbol = spec.symbol;
  if (!SYMBOL_PATTERN.test(symbol)) fail(symbol, 'symbol', 'must be upper-case letters/digits joined by "-", e.g. BTC-USD');
  if (!Number.isInteger(spec.id) || spec.id < 1 || spec.id > MAX_INSTRUMENT_ID) fail(symbol, 'id', `must be an integer in 1..${MAX_INSTRUMENT_ID}`);
  if (!ASSET_PATTERN.test(spec.baseAsset)) fail(symbol, 'baseAsset', 'must be upper-case letters/digits');
  if (!ASSET_PATTERN.test(spec.quoteAsset)) fail(symbol, 'quoteAsset', 'must be upper-case letters/digits');
  if (spec.baseAsset === spec.quoteAsset) fail(symbol, 'quoteAsset', 'must differ from baseAsset');
  const tick = unitField(spec, 'tickSize');
  const lot = unitField(spec, 'lotSize');
  const minPriceTicks = boundField(spec, 'minPrice', tick);
  const maxPriceTicks = boundField(spec, 'maxPrice', tick);
  const minQuantityLots = boundField(spec, 'minQuantity', lot);
  const maxQuantityLots = boundField(spec, 'maxQuantity', lot);
  if (minPriceTicks > maxPriceTicks) fail(symbol, 'minPrice', 'must not exceed maxPrice');
  if (minQuantityLots > maxQuantityLots) fail(symbol, 'minQuantity', 'must not exceed maxQuantity');
  const multiplier = tick.mantissa * lot.mantissa;
  // The largest notional one order can carry must be an exact double (STYLE.md §2).
  const maxNotional = BigInt(maxPriceTicks) * BigInt(maxQuantityLots) * multiplier;
  if (maxNotional > BigInt(Number.MAX_SAFE_INTEGER)) {
    fail(symbol, 'maxPrice', `maxPrice × maxQuantity is ${maxNotional} notional units, above 2^53; lower a bound or coarsen tick/lot size`);
  }
  return {
    id: spec.id,
    symbol,
    baseAsset: spec.baseAsset,
    quoteAsset: spec.quoteAsset,
    tick,
    lot,
    minPriceTicks,
    maxPriceTicks,
    minQuantityLots,
    maxQuantityLots,
    matching: checkPolicy(spec, maxQuantityLots),
    notionalScale: tick.scale + lot.scale,
    notionalMultiplier: Number(multiplier),
  };
}

/** Exact notional of a price and quantity that passed the instrument's bounds (see defineInstrument). */
export function notionalUnits(instrument: Instrument, priceTicks: number, quantityLots: number): number {
  return priceTicks * quantityLots * instrument.notionalMultiplier;
}
