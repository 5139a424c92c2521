// Result codes are a published contract: unique numbers, banded by the stage that raises them
// (validation 1xxx, risk 2xxx, matching 3xxx), each with a name that round-trips and a message to print.
import { describe, expect, it } from 'vitest';
import { isResultCode, ResultCode, resultCodeMessage, resultCodeName } from '../../src/domain/result-codes.js';

type ResultCodeName = keyof typeof ResultCode;

// The stage of every name, as grouped in src/domain/result-codes.ts. A new code must be added to its
// stage here, which is what makes the band check below cover it.
const VALIDATION_NAMES = [
  'UNKNOWN_INSTRUMENT',
  'INVALID_SIDE',
  'INVALID_ORDER_TYPE',
  'INVALID_TIME_IN_FORCE',
  'PRICE_OUT_OF_BOUNDS',
  'QUANTITY_OUT_OF_BOUNDS',
  'PRICE_NOT_ON_TICK',
  'QUANTITY_NOT_ON_LOT',
  'INVALID_DECIMAL',
  'DECIMAL_OUT_OF_RANGE',
  'INVALID_DISPLAY_QUANTITY',
  'INVALID_STOP_PRICE',
  'POST_ONLY_NOT_ALLOWED',
  'INVALID_SELF_TRADE_PREVENTION',
  'NOTHING_TO_AMEND',
  'INVALID_ACCOUNT',
  'INVALID_COMMAND',
  'PRICE_NOT_ALLOWED',
  'INVALID_AMOUNT',
  'UNKNOWN_ASSET',
  'INVALID_LIMIT',
  'INVALID_FLAG',
  'INVALID_MAX_NOTIONAL',
  'INVALID_REQUEST',
  'REQUEST_TOO_LARGE',
  'INVALID_CLIENT_ORDER_ID',
  'INVALID_DEPOSIT_ID',
  'INVALID_DEPOSIT_ASSETS',
] as const satisfies readonly ResultCodeName[];

const RISK_NAMES = [
  'INSUFFICIENT_BALANCE',
  'MAX_ORDER_QUANTITY_EXCEEDED',
  'MAX_ORDER_NOTIONAL_EXCEEDED',
  'POSITION_LIMIT_EXCEEDED',
  'PRICE_BAND_EXCEEDED',
  'OPEN_ORDER_LIMIT_EXCEEDED',
  'ORDER_RATE_EXCEEDED',
  'DRAWDOWN_REDUCE_ONLY',
  'ACCOUNT_KILL_SWITCH',
  'INSTRUMENT_HALTED',
  'MARKET_BUY_NEEDS_MAX_NOTIONAL',
  'MARKET_BUY_EXCEEDS_MAX_NOTIONAL',
  'AMOUNT_TOO_LARGE',
  'DEPOSIT_ALREADY_APPLIED',
  'DEPOSIT_ID_REUSED',
] as const satisfies readonly ResultCodeName[];

const MATCHING_NAMES = [
  'UNKNOWN_ORDER',
  'POST_ONLY_WOULD_CROSS',
  'FOK_CANNOT_FILL',
  'BOOK_FULL',
  'PRICE_LEVELS_FULL',
  'STOP_WOULD_TRIGGER_IMMEDIATELY',
  'AMEND_QUANTITY_NOT_ABOVE_FILLED',
  'ORDER_NOT_AMENDABLE',
  'NO_LIQUIDITY',
  'DUPLICATE_CLIENT_ORDER_ID',
  'CLIENT_ORDER_ID_DONE',
] as const satisfies readonly ResultCodeName[];

const SESSION_NAMES = ['UNAUTHENTICATED', 'TOKEN_EXPIRED', 'FORBIDDEN', 'STALE_TIMESTAMP', 'NONCE_REUSED', 'BAD_SIGNATURE', 'UNKNOWN_KEY',
  'RATE_LIMITED', 'TOO_MANY_CONNECTIONS', 'BANNED', 'BAD_CREDENTIALS', 'MFA_REQUIRED', 'BAD_MFA', 'MFA_REPLAYED', 'REFRESH_TOKEN_REUSED', 'SESSION_REVOKED', 'IP_NOT_ALLOWED', 'KEY_REVOKED', 'MFA_NOT_ENROLLED', 'SIGNED_BEFORE_START',
  'FIX_GARBLED', 'FIX_HEADER_ORDER', 'FIX_BODY_LENGTH_MISMATCH', 'FIX_CHECKSUM_MISMATCH', 'FIX_MESSAGE_TOO_LARGE', 'FIX_VALUE_CONTAINS_SOH', 'FIX_DICTIONARY_INVALID', 'FIX_CONFIG_INVALID', 'FIX_STORE_CORRUPT', 'FIX_QUEUE_FULL'] as const satisfies readonly ResultCodeName[];

const INTERNAL_NAMES = ['INTERNAL_ERROR', 'UNAVAILABLE', 'PASSWORD_CHECKS_BUSY'] as const satisfies readonly ResultCodeName[];

const STAGES = [
  { stage: 'validation', names: VALIDATION_NAMES, min: 1001, max: 1999 },
  { stage: 'risk', names: RISK_NAMES, min: 2001, max: 2999 },
  { stage: 'matching', names: MATCHING_NAMES, min: 3001, max: 3999 },
  { stage: 'session', names: SESSION_NAMES, min: 4001, max: 4999 },
  { stage: 'internal', names: INTERNAL_NAMES, min: 9001, max: 9999 },
] as const;

const ALL_NAMES = Object.keys(ResultCode) as ResultCodeName[];
const ALL_CODES: readonly ResultCode[] = Object.values(ResultCode);

describe('ResultCode', () => {
  it('gives every name a different number', () => {
    expect(new Set(ALL_CODES).size).toBe(ALL_CODES.length);
  });

  it('uses 0 for OK and for nothing else', () => {
    expect(ResultCode.OK).toBe(0);
    expect(ALL_NAMES.filter((name) => ResultCode[name] === 0)).toEqual(['OK']);
  });

  it('assigns every name except OK to exactly one stage', () => {
    const staged: readonly string[] = [...VALIDATION_NAMES, ...RISK_NAMES, ...MATCHING_NAMES, ...SESSION_NAMES, ...INTERNAL_NAMES];
    expect(new Set(staged).size).toBe(staged.length);
    expect([...staged].sort()).toEqual(ALL_NAMES.filter((name) => name !== 'OK').sort());
  });

  it.each(STAGES)('keeps every $stage code within $min–$max', ({ names, min, max }) => {
    for (const name of names) {
      const code = ResultCode[name];
      expect(Number.isInteger(code), name).toBe(true);
      expect(code, name).toBeGreaterThanOrEqual(min);
      expect(code, name).toBeLessThanOrEqual(max);
    }
  });
});

describe('resultCodeName', () => {
  it.each(ALL_NAMES)('maps the number of %s back to its name', (name) => {
    expect(resultCodeName(ResultCode[name])).toBe(name);
  });

  it.each([-1, 1, 999, 1000, 2000, 3000, 9999, 10_000, 1001.5, Number.NaN])('throws on the unknown number %s', (code) => {
    expect(() => resultCodeName(code)).toThrow(`unknown result code ${code}`);
    expect(isResultCode(code)).toBe(false);
  });
});

describe('resultCodeMessage', () => {
  it.each(ALL_NAMES)('has a non-empty message for %s', (name) => {
    const code = ResultCode[name];
    expect(isResultCode(code)).toBe(true);
    expect(resultCodeMessage(code).trim()).not.toBe('');
  });
});
