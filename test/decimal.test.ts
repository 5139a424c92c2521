import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decimalToUnits,
  parseUnit,
  signedUnitsToDecimal,
  unitsToDecimal,
} from '../src/domain/decimal.js';
import { ResultCode } from '../src/domain/result-codes.js';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const TICK = ResultCode.PRICE_NOT_ON_TICK;
const LOT = ResultCode.QUANTITY_NOT_ON_LOT;

// Units chosen to cover a power-of-ten tick, a fine crypto lot, a whole-number step and a
// step that is not a power of ten (where "on the grid" is more than counting digits).
const UNIT_TEXTS = ['0.01', '0.0001', '5', '0.25', '0.00000001', '1', '10', '0.5'] as const;

describe('parseUnit', () => {
  it.each([
    ['0.01', 1n, 2],
    ['5', 5n, 0],
    ['0.25', 25n, 2],
    ['0.00000001', 1n, 8],
    ['10', 10n, 0],
    ['1.5', 15n, 1],
    ['0.010', 10n, 3],
  ])('reads "%s" as mantissa %s at scale %s', (text, mantissa, scale) => {
    expect(parseUnit(text)).toEqual({ text, mantissa, scale });
  });

  it.each(['0', '0.00', '-0.01', '+0.01', '1e-2', '.01', '1.', '', ' 0.01', '0.01 ', '01', 'abc', `0.${'0'.repeat(62)}1`])(
    'rejects %j with an error naming the bad text',
    (text) => {
      expect(() => parseUnit(text)).toThrow(`invalid decimal unit ${JSON.stringify(text)}`);
    },
  );

  it('explains what a valid unit looks like', () => {
    expect(() => parseUnit('0')).toThrow(/plain positive decimal/);
  });
});

describe('decimalToUnits', () => {
  it.each([
    ['65000.50', '0.01', 6500050],
    ['65000.5', '0.01', 6500050],
    ['65000.5000000', '0.01', 6500050],
    ['100', '0.01', 10000],
    ['0', '0.01', 0],
    ['0.00', '0.01', 0],
    ['0.0000', '5', 0],
    ['1.500', '0.5', 3],
    ['0.75', '0.25', 3],
    ['35', '5', 7],
    ['0.00000001', '0.00000001', 1],
    ['1.23', '0.010', 123],
    ['9007199254740991', '1', MAX_SAFE],
    ['90071992547409.91', '0.01', MAX_SAFE],
    ['45035996273704955', '5', MAX_SAFE],
    [`1.${'0'.repeat(62)}`, '1', 1],
  ])('converts "%s" on a %s unit to %i', (text, unitText, expected) => {
    expect(decimalToUnits(text, parseUnit(unitText), TICK)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['65000.505', '0.01', 'PRICE_NOT_ON_TICK'],
    ['0.001', '0.01', 'PRICE_NOT_ON_TICK'],
    ['35.5', '5', 'PRICE_NOT_ON_TICK'],
    ['1.2345', '0.010', 'PRICE_NOT_ON_TICK'],
    ['1.3', '0.25', 'QUANTITY_NOT_ON_LOT'],
    ['0.26', '0.25', 'QUANTITY_NOT_ON_LOT'],
    ['36', '5', 'QUANTITY_NOT_ON_LOT'],
    ['0.000000001', '0.00000001', 'QUANTITY_NOT_ON_LOT'],
  ] as const)('rejects "%s" on a %s unit as %s', (text, unitText, codeName) => {
    const code = ResultCode[codeName];
    expect(decimalToUnits(text, parseUnit(unitText), code)).toEqual({ ok: false, code });
  });

  it.each([
    ['', 'the empty string'],
    ['.5', 'a bare leading dot'],
    ['5.', 'a bare trailing dot'],
    ['.', 'a lone dot'],
    ['+1', 'a plus sign'],
    ['-1', 'a minus sign'],
    ['-0', 'negative zero'],
    ['1e5', 'an exponent'],
    ['1E-2', 'a negative exponent'],
    [' 1', 'leading whitespace'],
    ['1 ', 'trailing whitespace'],
    ['1\n', 'a trailing newline'],
    ['01', 'a leading zero'],
    ['00', 'a double zero'],
    ['00.5', 'a leading zero before the dot'],
    ['1.2.3', 'two dots'],
    ['1,5', 'a decimal comma'],
    ['1_000', 'a digit separator'],
    ['0x10', 'hexadecimal'],
    ['Infinity', 'Infinity'],
    ['NaN', 'NaN'],
    ['\u0661', 'a non-ASCII digit'],
    ['１', 'a full-width digit'],
    [`0.${'0'.repeat(63)}`, 'a 65-character zero'],
  ])('rejects %j (%s) as INVALID_DECIMAL', (text) => {
    expect(decimalToUnits(text, parseUnit('0.01'), TICK)).toEqual({ ok: false, code: ResultCode.INVALID_DECIMAL });
  });

  it('rejects a megabyte of digits as INVALID_DECIMAL without parsing it', () => {
    expect(decimalToUnits('1'.repeat(1_000_000), parseUnit('1'), LOT)).toEqual({
      ok: false,
      code: ResultCode.INVALID_DECIMAL,
    });
  });

  it('accepts a 64-character input, the longest allowed', () => {
    const text = `0.${'0'.repeat(62)}`;
    expect(text).toHaveLength(64);
    expect(decimalToUnits(text, parseUnit('0.01'), TICK)).toEqual({ ok: true, value: 0 });
  });

  it.each([
    ['9007199254740992', '1'],
    ['90071992547409.92', '0.01'],
    ['45035996273704960', '5'],
    ['1'.repeat(64), '1'],
  ])('rejects "%s" on a %s unit as DECIMAL_OUT_OF_RANGE', (text, unitText) => {
    expect(decimalToUnits(text, parseUnit(unitText), TICK)).toEqual({
      ok: false,
      code: ResultCode.DECIMAL_OUT_OF_RANGE,
    });
  });

  it('never throws and only ever answers ok, INVALID_DECIMAL, the not-multiple code or DECIMAL_OUT_OF_RANGE', () => {
    const allowed = new Set<number>([ResultCode.INVALID_DECIMAL, LOT, ResultCode.DECIMAL_OUT_OF_RANGE]);
    const text = fc.oneof(fc.string(), fc.stringMatching(/^[0-9.]{0,70}$/));
    fc.assert(
      fc.property(text, fc.constantFrom(...UNIT_TEXTS), (input, unitText) => {
        const result = decimalToUnits(input, parseUnit(unitText), LOT);
        return result.ok ? Number.isSafeInteger(result.value) && result.value >= 0 : allowed.has(result.code);
      }),
    );
  });
});

describe('unitsToDecimal', () => {
  it.each([
    [6500050, '0.01', '65000.50'],
    [3, '0.25', '0.75'],
    [4, '0.25', '1.00'],
    [7, '5', '35'],
    [0, '5', '0'],
    [0, '0.01', '0.00'],
    [1, '0.00000001', '0.00000001'],
    [123, '0.010', '1.230'],
    [MAX_SAFE, '0.01', '90071992547409.91'],
    [MAX_SAFE, '5', '45035996273704955'],
  ])('prints %i units of %s as "%s"', (units, unitText, expected) => {
    expect(unitsToDecimal(units, parseUnit(unitText))).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_SAFE + 1, -MAX_SAFE])(
    'throws for %s, which is not a non-negative safe integer',
    (units) => {
      expect(() => unitsToDecimal(units, parseUnit('0.01'))).toThrow(/non-negative safe integer/);
    },
  );
});

describe('signedUnitsToDecimal', () => {
  it.each([
    [-3, '0.25', '-0.75'],
    [-6500050, '0.01', '-65000.50'],
    [-1, '0.01', '-0.01'],
    [-7, '5', '-35'],
    [3, '0.25', '0.75'],
    [0, '0.01', '0.00'],
    [-0, '0.01', '0.00'],
    [-MAX_SAFE, '0.01', '-90071992547409.91'],
  ])('prints %i units of %s as "%s"', (units, unitText, expected) => {
    expect(signedUnitsToDecimal(units, parseUnit(unitText))).toBe(expected);
  });

  it.each([1.5, Number.NaN, Number.NEGATIVE_INFINITY, MAX_SAFE + 1, -MAX_SAFE - 1])(
    'throws for %s, which is not a safe integer',
    (units) => {
      expect(() => signedUnitsToDecimal(units, parseUnit('0.01'))).toThrow(/safe integer/);
    },
  );

  it('prints a negative count as a minus sign before the unsigned form', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_SAFE, max: MAX_SAFE }), fc.constantFrom(...UNIT_TEXTS), (units, unitText) => {
        const unit = parseUnit(unitText);
        const expected = units < 0 ? `-${unitsToDecimal(-units, unit)}` : unitsToDecimal(units, unit);
        return signedUnitsToDecimal(units, unit) === expected;
      }),
    );
  });
});

describe('round trip', () => {
  const units = fc.integer({ min: 0, max: MAX_SAFE });
  const unitText = fc.constantFrom(...UNIT_TEXTS);

  it('decimalToUnits(unitsToDecimal(n)) gives back n for every safe count and unit', () => {
    fc.assert(
      fc.property(units, unitText, (n, text) => {
        const unit = parseUnit(text);
        const printed = unitsToDecimal(n, unit);
        expect(decimalToUnits(printed, unit, TICK)).toEqual({ ok: true, value: n });
      }),
    );
  });

  it('prints exactly unit.scale fraction digits', () => {
    fc.assert(
      fc.property(units, unitText, (n, text) => {
        const unit = parseUnit(text);
        const fraction = unitsToDecimal(n, unit).split('.')[1] ?? '';
        return fraction.length === unit.scale;
      }),
    );
  });

  it('rejects a valid price with an extra non-zero digit beyond the unit precision as the not-multiple code', () => {
    fc.assert(
      fc.property(
        units,
        unitText,
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom(TICK, LOT),
        (n, text, zeros, digit, code) => {
          const unit = parseUnit(text);
          const printed = unitsToDecimal(n, unit);
          const extra = `${'0'.repeat(zeros)}${digit}`;
          const input = unit.scale === 0 ? `${printed}.${extra}` : `${printed}${extra}`;
          expect(decimalToUnits(input, unit, code)).toEqual({ ok: false, code });
        },
      ),
    );
  });

  it('rejects a value at the unit precision that falls between grid points as the not-multiple code', () => {
    // Only units with mantissa > 1 have such values: "0.26" on "0.25", "36" on "5".
    const coarseUnit = fc.constantFrom('0.25', '5', '10', '0.5');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.nat(), coarseUnit, (n, offsetSeed, text) => {
        const unit = parseUnit(text);
        const finest = parseUnit(unit.scale === 0 ? '1' : `0.${'0'.repeat(unit.scale - 1)}1`);
        // 1 .. mantissa-1 finest steps past a grid point: on the unit's precision but off its grid.
        const offset = 1n + (BigInt(offsetSeed) % (unit.mantissa - 1n));
        const input = unitsToDecimal(Number(BigInt(n) * unit.mantissa + offset), finest);
        expect(decimalToUnits(input, unit, LOT)).toEqual({ ok: false, code: LOT });
      }),
    );
  });
});
