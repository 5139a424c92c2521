// The risk gate's configuration and the integer units it keeps money in.
//
// Every asset has one integer unit, 10^-scale of the asset, shared by every instrument that trades
// it: a base asset needs the finest lot of its instruments, a quote asset the finest notional
// (tick × lot). Converting an instrument's lots and notionals into asset units multiplies by a power
// of ten; defineRiskTables proves, once, that every amount one order can hold stays below 2^53, so
// the gate's arithmetic on plain doubles is exact (STYLE.md §2).
import { type DecimalUnit, parseUnit } from '../domain/decimal.js';
import type { Instrument } from '../domain/instrument.js';
import { type LimitKind, limitKindByName, maxLimitValue, isInstrumentLimit, isBandLimit } from './limits.js';

export interface InstrumentFees {
  /** Basis points of notional charged to the resting side; negative is a rebate (at most the taker fee). */
  readonly makerBps: number;
  /** Basis points of notional charged to the incoming side, 0..1000. */
  readonly takerBps: number;
}

export interface InitialLimit {
  /** Omitted or 0: the venue-wide default. */
  readonly accountId?: number;
  /** Instrument symbol; omitted: every instrument (or an account-level limit). */
  readonly symbol?: string;
  /** A limit name from LIMIT_NAMES, e.g. "maxOpenOrders". */
  readonly limit: string;
  /** In the limit's integer unit (lots, quote asset units, orders, basis points). */
  readonly value: number;
}

export interface RiskConfig {
  /** Asset that equity (drawdown) is measured in; default: the quote asset of the lowest instrument id. */
  readonly valuationAsset?: string;
  /** Fees by instrument symbol; an instrument not named trades free. */
  readonly fees?: Readonly<Record<string, InstrumentFees>>;
  /** Limits in force at start, as SET_LIMIT would set them (later SET_LIMIT commands override). */
  readonly limits?: readonly InitialLimit[];
}

export class RiskConfigError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`risk ${field}: ${message}`);
    this.name = 'RiskConfigError';
  }
}

export interface AssetInfo {
  /** 1-based, in order of first appearance over instruments by id (base, then quote). */
  readonly id: number;
  readonly name: string;
  /** Balances are integers in units of 10^-scale of the asset. */
  readonly scale: number;
}

/** One instrument as the gate sees it; `index` is its dense position in instrument-id order. */
export interface RiskInstrument {
  readonly index: number;
  readonly instrument: Instrument;
  /** Asset ids - 1 (array positions). */
  readonly baseAsset: number;
  readonly quoteAsset: number;
  /** Quote asset units per tick·lot: notional = price × quantity × quotePerTickLot. */
  readonly quotePerTickLot: number;
  /** Base asset units per lot. */
  readonly basePerLot: number;
  readonly makerBps: number;
  readonly takerBps: number;
  /** max(makerBps, takerBps, 0): what a buy holds for fees. */
  readonly holdBps: number;
}

export interface RiskTables {
  readonly assets: readonly AssetInfo[];
  readonly instruments: readonly RiskInstrument[];
  /** Asset position (id - 1) of the valuation asset. */
  readonly valuationAsset: number;
  readonly initialLimits: readonly { accountId: number; instrumentId: number; kind: LimitKind; value: number }[];
}

const MAX_FEE_BPS = 1000;

function pow10(exponent: number): number {
  return 10 ** exponent;
}

/** Fee on a notional, exact: ceil(n × bps / 10^4) for a charge, floor for a rebate (the venue's favour, by under one unit). */
export function feeUnits(notional: number, bps: number): number {
  if (bps === 0) return 0;
  // n × bps may exceed 2^53; split n = q·10^4 + r so that every product stays exact.
  const q = Math.floor(notional / 10_000);
  const r = notional - q * 10_000;
  if (bps > 0) return q * bps + Math.ceil((r * bps) / 10_000);
  return -(q * -bps + Math.floor((r * -bps) / 10_000));
}

export function defineRiskTables(instruments: readonly Instrument[], config: RiskConfig): RiskTables {
  const sorted = [...instruments].sort((a, b) => a.id - b.id);
  const names: string[] = [];
  const need = new Map<string, number>();
  const note = (asset: string, scale: number): void => {
    if (!need.has(asset)) names.push(asset);
    need.set(asset, Math.max(need.get(asset) ?? 0, scale));
  };
  for (const instrument of sorted) {
    note(instrument.baseAsset, instrument.lot.scale);
    note(instrument.quoteAsset, instrument.notionalScale);
  }
  const assets: AssetInfo[] = names.map((name, i) => ({ id: i + 1, name, scale: need.get(name) ?? 0 }));
  const position = new Map(assets.map((a) => [a.name, a.id - 1]));
  const at = (name: string): number => position.get(name) ?? -1;

  for (const symbol of Object.keys(config.fees ?? {})) {
    if (!sorted.some((i) => i.symbol === symbol)) throw new RiskConfigError(`fees.${symbol}`, 'no instrument has this symbol');
  }
  const risky = sorted.map((instrument, index): RiskInstrument => {
    const fees = config.fees?.[instrument.symbol] ?? { makerBps: 0, takerBps: 0 };
    const field = `fees.${instrument.symbol}`;
    if (!Number.isInteger(fees.takerBps) || fees.takerBps < 0 || fees.takerBps > MAX_FEE_BPS) throw new RiskConfigError(`${field}.takerBps`, `must be an integer in 0..${MAX_FEE_BPS}`);
    if (!Number.isInteger(fees.makerBps) || fees.makerBps < -fees.takerBps || fees.makerBps > MAX_FEE_BPS) {
      throw new RiskConfigError(`${field}.makerBps`, `must be an integer in -takerBps..${MAX_FEE_BPS} (a rebate never exceeds the taker fee, so the venue never pays out on a trade)`);
    }
    const base = at(instrument.baseAsset);
    const quote = at(instrument.quoteAsset);
    const baseScale = assets[base]?.scale ?? 0;
    const quoteScale = assets[quote]?.scale ?? 0;
    const quotePerTickLot = instrument.notionalMultiplier * pow10(quoteScale - instrument.notionalScale);
    const basePerLot = Number(instrument.lot.mantissa) * pow10(baseScale - instrument.lot.scale);
    const holdBps = Math.max(fees.makerBps, fees.takerBps, 0);
    // The most one order can hold: maxQuantity lots at maxPrice, plus the fee bound per lot.
    const perLot = instrument.maxPriceTicks * quotePerTickLot;
    const maxHold = instrument.maxQuantityLots * (perLot + feeUnits(perLot, holdBps));
    if (!Number.isSafeInteger(maxHold) || !Number.isSafeInteger(instrument.maxQuantityLots * basePerLot)) {
      throw new RiskConfigError(
        instrument.symbol,
        `maxPrice × maxQuantity with fees is ${maxHold} ${instrument.quoteAsset} units (scale ${quoteScale}), above 2^53; lower a bound or coarsen tick/lot size`,
      );
    }
    return { index, instrument, baseAsset: base, quoteAsset: quote, quotePerTickLot, basePerLot, makerBps: fees.makerBps, takerBps: fees.takerBps, holdBps };
  });

  const valuationName = config.valuationAsset ?? sorted[0]?.quoteAsset ?? '';
  const valuationAsset = at(valuationName);
  if (valuationAsset < 0 && sorted.length > 0) throw new RiskConfigError('valuationAsset', `"${valuationName}" is not an asset of any instrument`);

  const initialLimits = (config.limits ?? []).map((limit, i) => {
    const field = `limits[${i}]`;
    const kind = limitKindByName(limit.limit);
    if (kind === undefined) throw new RiskConfigError(`${field}.limit`, `unknown limit "${limit.limit}"`);
    const accountId = limit.accountId ?? 0;
    if (!Number.isSafeInteger(accountId) || accountId < 0 || accountId > 0xffff_ffff) throw new RiskConfigError(`${field}.accountId`, 'must be an account id (0 or omitted = venue default)');
    let instrumentId = 0;
    if (limit.symbol !== undefined) {
      const instrument = sorted.find((x) => x.symbol === limit.symbol);
      if (instrument === undefined) throw new RiskConfigError(`${field}.symbol`, `no instrument "${limit.symbol}"`);
      if (!isInstrumentLimit(kind) && !isBandLimit(kind)) throw new RiskConfigError(`${field}.symbol`, `${limit.limit} is an account-level limit and takes no symbol`);
      instrumentId = instrument.id;
    }
    if (isBandLimit(kind) && accountId !== 0) throw new RiskConfigError(`${field}.accountId`, `${limit.limit} belongs to the instrument, not to an account`);
    if (!Number.isSafeInteger(limit.value) || limit.value < 0 || limit.value > maxLimitValue(kind)) {
      throw new RiskConfigError(`${field}.value`, `must be an integer in 0..${maxLimitValue(kind)} (0 = no limit)`);
    }
    return { accountId, instrumentId, kind, value: limit.value };
  });
  return { assets, instruments: risky, valuationAsset, initialLimits };
}

/** The decimal unit of an asset's integer amounts (10^-scale), for conversion at the edge. */
export function assetUnit(asset: AssetInfo): DecimalUnit {
  return parseUnit(asset.scale === 0 ? '1' : `0.${'0'.repeat(asset.scale - 1)}1`);
}
