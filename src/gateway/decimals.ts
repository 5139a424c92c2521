// Decimal strings at a gateway's edge into the venue's integers, for every gateway alike: a price
// into ticks, a quantity into lots (src/domain/units.ts), an amount into asset units. A bad value is
// a VenueError naming the field.
import { decimalToUnits } from '../domain/decimal.js';
import type { Instrument } from '../domain/instrument.js';
import { ResultCode } from '../domain/result-codes.js';
import { priceToTicks, quantityToLots } from '../domain/units.js';
import { type AssetInfo, assetUnit } from '../risk/risk-config.js';
import { fail } from '../venue/errors.js';

/** 0 when absent (the venue's "none"). */
export function ticksOf(instrument: Instrument, field: string, value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  const result = priceToTicks(instrument, value);
  return result.ok ? result.value : fail(result.code, `${field} "${value}"`);
}

/** 0 when absent. */
export function lotsOf(instrument: Instrument, field: string, value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  const result = quantityToLots(instrument, value);
  return result.ok ? result.value : fail(result.code, `${field} "${value}"`);
}

/** A market buy's most quote to spend, in the quote asset's units; 0 when absent. */
export function maxNotionalOf(instrument: Instrument, quote: AssetInfo | undefined, field: string, value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  const converted = quote === undefined ? undefined : decimalToUnits(value, assetUnit(quote), ResultCode.INVALID_MAX_NOTIONAL);
  if (converted?.ok !== true) fail(ResultCode.INVALID_MAX_NOTIONAL, `${field} "${value}" is not a whole number of ${instrument.quoteAsset} units`);
  return converted.value;
}
