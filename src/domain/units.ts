// The edge between decimal strings and the engine's integers, per instrument. Conversion is exact or
// refused with a numbered code (PRICE_NOT_ON_TICK, QUANTITY_NOT_ON_LOT, INVALID_DECIMAL,
// DECIMAL_OUT_OF_RANGE); nothing is ever rounded.
import { type Conversion, decimalToUnits, unitsToDecimal } from './decimal.js';
import type { Instrument } from './instrument.js';
import { ResultCode } from './result-codes.js';

export function priceToTicks(instrument: Instrument, price: string): Conversion {
  return decimalToUnits(price, instrument.tick, ResultCode.PRICE_NOT_ON_TICK);
}

export function quantityToLots(instrument: Instrument, quantity: string): Conversion {
  return decimalToUnits(quantity, instrument.lot, ResultCode.QUANTITY_NOT_ON_LOT);
}

export function ticksToPrice(instrument: Instrument, ticks: number): string {
  return unitsToDecimal(ticks, instrument.tick);
}

export function lotsToQuantity(instrument: Instrument, lots: number): string {
  return unitsToDecimal(lots, instrument.lot);
}
