// Exact conversion between API decimal strings ("65000.50") and the integer ticks and lots the
// engine works in. A price or quantity that does not land exactly on the grid is rejected with a
// code, never rounded: silently moving a client's price by a fraction of a tick is a bad fill.
// Not a hot path (API edge and config only), so bigint keeps every step exact and simple.

import { ResultCode } from './result-codes.js';

/** A positive decimal step such as a tick or lot size: value = mantissa × 10^-scale. */
export interface DecimalUnit {
  readonly text: string;
  readonly mantissa: bigint;
  readonly scale: number;
}

export type Conversion =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly code: ResultCode };

// Caps the work per input so no one can make us parse megabyte strings; 64 characters is far
// beyond any representable price or quantity (Number.MAX_SAFE_INTEGER has 16 digits).
const MAX_DECIMAL_LENGTH = 64;

// One canonical spelling per number (modulo trailing fraction zeros): no sign, exponent,
// whitespace, leading zeros or bare-dot forms, so there is nothing ambiguous to interpret.
const DECIMAL_PATTERN = /^(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

interface ScaledInteger {
  readonly mantissa: bigint;
  readonly scale: number;
}

/** Reads an accepted decimal literally ("1.500" -> 1500n, 3); undefined if the syntax is wrong. */
function parseScaled(text: string): ScaledInteger | undefined {
  if (text.length > MAX_DECIMAL_LENGTH) return undefined;
  const match = DECIMAL_PATTERN.exec(text);
  if (match === null) return undefined;
  const integerDigits = match[1] ?? '';
  const fractionDigits = match[2] ?? '';
  return { mantissa: BigInt(integerDigits + fractionDigits), scale: fractionDigits.length };
}

function pow10(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}

/**
 * Parses a tick or lot size from configuration. Throws, because a bad unit is a deployment error
 * that must stop startup rather than be reported per order. The literal digits are kept, so
 * "0.010" has scale 3 and prices print with three fraction digits.
 */
export function parseUnit(text: string): DecimalUnit {
  const scaled = parseScaled(text);
  if (scaled === undefined || scaled.mantissa === 0n) {
    throw new Error(
      `invalid decimal unit ${JSON.stringify(text)}: expected a plain positive decimal such as "0.01" or "5" ` +
        `(no sign, exponent, whitespace or leading zeros; at most ${MAX_DECIMAL_LENGTH} characters)`,
    );
  }
  return { text, mantissa: scaled.mantissa, scale: scaled.scale };
}

/**
 * Counts how many whole units `text` is. Syntax errors give INVALID_DECIMAL, a value off the
 * unit's grid gives `notMultipleCode` (the caller knows whether it is a tick or a lot), and a
 * count the engine's numbers cannot hold exactly gives DECIMAL_OUT_OF_RANGE.
 */
export function decimalToUnits(text: string, unit: DecimalUnit, notMultipleCode: ResultCode): Conversion {
  const scaled = parseScaled(text);
  if (scaled === undefined) return { ok: false, code: ResultCode.INVALID_DECIMAL };
  // Bring both to the finer of the two scales so the division is between plain integers.
  const scale = Math.max(scaled.scale, unit.scale);
  const numerator = scaled.mantissa * pow10(scale - scaled.scale);
  const denominator = unit.mantissa * pow10(scale - unit.scale);
  if (numerator % denominator !== 0n) return { ok: false, code: notMultipleCode };
  const count = numerator / denominator;
  if (count > MAX_SAFE) return { ok: false, code: ResultCode.DECIMAL_OUT_OF_RANGE };
  return { ok: true, value: Number(count) };
}

/** Prints a non-negative unit count with exactly `unit.scale` fraction digits: the inverse of decimalToUnits. */
export function unitsToDecimal(units: number, unit: DecimalUnit): string {
  if (!Number.isSafeInteger(units) || units < 0) {
    throw new Error(`unitsToDecimal needs a non-negative safe integer, got ${units}`);
  }
  return formatScaled(BigInt(units) * unit.mantissa, unit.scale);
}

/** Like unitsToDecimal but allows negative counts (PnL, position deltas): -3 × "0.25" -> "-0.75". */
export function signedUnitsToDecimal(units: number, unit: DecimalUnit): string {
  if (!Number.isSafeInteger(units)) {
    throw new Error(`signedUnitsToDecimal needs a safe integer, got ${units}`);
  }
  // BigInt(-0) is 0n, so negative zero prints as "0.00", never "-0.00".
  const value = BigInt(units) * unit.mantissa;
  return value < 0n ? `-${formatScaled(-value, unit.scale)}` : formatScaled(value, unit.scale);
}

/** Formats mantissa × 10^-scale for a non-negative mantissa, padding so there is always an integer digit. */
function formatScaled(mantissa: bigint, scale: number): string {
  const digits = mantissa.toString();
  if (scale === 0) return digits;
  const padded = digits.padStart(scale + 1, '0');
  const split = padded.length - scale;
  return `${padded.slice(0, split)}.${padded.slice(split)}`;
}
