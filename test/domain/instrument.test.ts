// defineInstrument: an operator's decimal spec becomes ticks and lots, and every spec the engine
// could not handle exactly is refused at startup with an InstrumentConfigError naming the field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defineInstrument,
  InstrumentConfigError,
  type InstrumentSpec,
  MAX_INSTRUMENT_ID,
  notionalUnits,
} from '../../src/domain/instrument.js';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

const BTC_USD: InstrumentSpec = {
  id: 1,
  symbol: 'BTC-USD',
  baseAsset: 'BTC',
  quoteAsset: 'USD',
  tickSize: '0.01',
  lotSize: '0.0001',
  minPrice: '0.01',
  maxPrice: '100000',
  minQuantity: '0.0001',
  maxQuantity: '1000',
  matching: { kind: 'fifo' },
};

function spec(overrides: Partial<InstrumentSpec>): InstrumentSpec {
  return { ...BTC_USD, ...overrides };
}

/** The field an invalid spec is rejected on; fails the test if it is accepted or throws anything else. */
function rejectedField(candidate: InstrumentSpec): string {
  try {
    defineInstrument(candidate);
  } catch (error) {
    if (error instanceof InstrumentConfigError) return error.field;
    throw error;
  }
  throw new Error(`spec for ${candidate.symbol} was accepted`);
}

describe('defineInstrument with a valid spec', () => {
  it.each([
    {
      name: 'BTC-USD with a 0.01 tick and 0.0001 lot',
      input: BTC_USD,
      expected: {
        minPriceTicks: 1,
        maxPriceTicks: 10_000_000,
        minQuantityLots: 1,
        maxQuantityLots: 10_000_000,
        notionalScale: 6,
        notionalMultiplier: 1,
      },
    },
    {
      name: 'a 0.25 tick and a lot of 5 (steps that are not powers of ten)',
      input: spec({ symbol: 'ES-Z25', baseAsset: 'ES', tickSize: '0.25', lotSize: '5', minPrice: '0.25', maxPrice: '1000', minQuantity: '5', maxQuantity: '500' }),
      expected: {
        minPriceTicks: 1,
        maxPriceTicks: 4000,
        minQuantityLots: 1,
        maxQuantityLots: 100,
        notionalScale: 2,
        notionalMultiplier: 125,
      },
    },
    {
      name: 'a tick written "0.010", which keeps three decimal places',
      input: spec({ symbol: 'ETH-EUR', baseAsset: 'ETH', quoteAsset: 'EUR', tickSize: '0.010', lotSize: '1', minPrice: '0.5', maxPrice: '50', minQuantity: '2', maxQuantity: '1000' }),
      expected: {
        minPriceTicks: 50,
        maxPriceTicks: 5000,
        minQuantityLots: 2,
        maxQuantityLots: 1000,
        notionalScale: 3,
        notionalMultiplier: 10,
      },
    },
    {
      name: 'a notional bound of exactly 2^53 - 1',
      input: spec({ tickSize: '1', lotSize: '1', minPrice: '1', maxPrice: String(MAX_SAFE), minQuantity: '1', maxQuantity: '1' }),
      expected: {
        minPriceTicks: 1,
        maxPriceTicks: MAX_SAFE,
        minQuantityLots: 1,
        maxQuantityLots: 1,
        notionalScale: 0,
        notionalMultiplier: 1,
      },
    },
  ])('converts $name into ticks and lots', ({ input, expected }) => {
    const instrument = defineInstrument(input);
    expect(instrument).toMatchObject(expected);
    expect(instrument.notionalScale).toBe(instrument.tick.scale + instrument.lot.scale);
  });

  it('keeps the identity, assets and parsed units of the spec', () => {
    const instrument = defineInstrument(BTC_USD);
    expect(instrument).toMatchObject({ id: 1, symbol: 'BTC-USD', baseAsset: 'BTC', quoteAsset: 'USD', matching: { kind: 'fifo' } });
    expect(instrument.tick).toEqual({ text: '0.01', mantissa: 1n, scale: 2 });
    expect(instrument.lot).toEqual({ text: '0.0001', mantissa: 1n, scale: 4 });
  });

  it.each([1, MAX_INSTRUMENT_ID])('accepts instrument id %i', (id) => {
    expect(defineInstrument(spec({ id })).id).toBe(id);
  });

  it.each([
    { topOrderCapLots: 0, minimumAllocationLots: 0 },
    { topOrderCapLots: 5, minimumAllocationLots: 3 },
    { topOrderCapLots: 0, minimumAllocationLots: 10_000_000 },
  ])('accepts pro-rata with top-order cap $topOrderCapLots and minimum allocation $minimumAllocationLots lots', (policy) => {
    expect(defineInstrument(spec({ matching: { kind: 'pro-rata', ...policy } })).matching).toEqual({ kind: 'pro-rata', ...policy });
  });

  it('copies the matching policy rather than keeping the caller\'s object', () => {
    const matching = { kind: 'pro-rata' as const, topOrderCapLots: 2, minimumAllocationLots: 1, extra: 'ignored' };
    const instrument = defineInstrument(spec({ matching }));
    expect(instrument.matching).toEqual({ kind: 'pro-rata', topOrderCapLots: 2, minimumAllocationLots: 1 });
    expect(instrument.matching).not.toBe(matching);
  });
});

describe('notionalUnits', () => {
  it.each([
    // 65000.50 USD × 1.5 BTC = 97500.75 USD, in units of 10^-6.
    { name: '65000.50 × 1.5 on BTC-USD', input: BTC_USD, priceTicks: 6_500_050, quantityLots: 15_000, units: 97_500_750_000 },
    { name: 'the maximum order on BTC-USD', input: BTC_USD, priceTicks: 10_000_000, quantityLots: 10_000_000, units: 100_000_000_000_000 },
    // 1000 × 500 = 500000, in units of 10^-2 with a 0.25 × 5 multiplier of 125.
    {
      name: '1000 × 500 with a 0.25 tick and lot of 5',
      input: spec({ tickSize: '0.25', lotSize: '5', minPrice: '0.25', maxPrice: '1000', minQuantity: '5', maxQuantity: '500' }),
      priceTicks: 4000,
      quantityLots: 100,
      units: 50_000_000,
    },
    // 12.34 × 7 = 86.38, in units of 10^-3.
    {
      name: '12.34 × 7 with a "0.010" tick',
      input: spec({ tickSize: '0.010', lotSize: '1', minPrice: '0.01', maxPrice: '50', minQuantity: '1', maxQuantity: '1000' }),
      priceTicks: 1234,
      quantityLots: 7,
      units: 86_380,
    },
  ])('gives the exact notional of $name', ({ input, priceTicks, quantityLots, units }) => {
    expect(notionalUnits(defineInstrument(input), priceTicks, quantityLots)).toBe(units);
  });

  it('is exact for every price and quantity within the bounds of an instrument at the 2^53 limit', () => {
    // 0.0004 tick × 0.02 lot: multiplier 8, so the largest notional is 2^20 × (2^30 - 1) × 8 = 2^53 - 2^23.
    const instrument = defineInstrument(
      spec({ tickSize: '0.0004', lotSize: '0.02', minPrice: '0.0004', maxPrice: '419.4304', minQuantity: '0.02', maxQuantity: '21474836.46' }),
    );
    expect(instrument).toMatchObject({ maxPriceTicks: 2 ** 20, maxQuantityLots: 2 ** 30 - 1, notionalMultiplier: 8, notionalScale: 6 });
    fc.assert(
      fc.property(
        fc.integer({ min: instrument.minPriceTicks, max: instrument.maxPriceTicks }),
        fc.integer({ min: instrument.minQuantityLots, max: instrument.maxQuantityLots }),
        (priceTicks, quantityLots) => {
          const exact = BigInt(priceTicks) * BigInt(quantityLots) * BigInt(instrument.notionalMultiplier);
          expect(BigInt(notionalUnits(instrument, priceTicks, quantityLots))).toBe(exact);
        },
      ),
    );
  });
});

describe('defineInstrument with an invalid spec', () => {
  it.each([
    { why: 'a lower-case symbol', input: spec({ symbol: 'btc-usd' }), field: 'btc-usd.symbol' },
    { why: 'an empty symbol', input: spec({ symbol: '' }), field: '.symbol' },
    { why: 'a symbol joined by "_"', input: spec({ symbol: 'BTC_USD' }), field: 'BTC_USD.symbol' },
    { why: 'a symbol ending in "-"', input: spec({ symbol: 'BTC-' }), field: 'BTC-.symbol' },
    { why: 'instrument id 0', input: spec({ id: 0 }), field: 'BTC-USD.id' },
    { why: 'instrument id 65536', input: spec({ id: MAX_INSTRUMENT_ID + 1 }), field: 'BTC-USD.id' },
    { why: 'a negative instrument id', input: spec({ id: -1 }), field: 'BTC-USD.id' },
    { why: 'a fractional instrument id', input: spec({ id: 1.5 }), field: 'BTC-USD.id' },
    { why: 'a lower-case base asset', input: spec({ baseAsset: 'btc' }), field: 'BTC-USD.baseAsset' },
    { why: 'an empty quote asset', input: spec({ quoteAsset: '' }), field: 'BTC-USD.quoteAsset' },
    { why: 'the same base and quote asset', input: spec({ quoteAsset: 'BTC' }), field: 'BTC-USD.quoteAsset' },
    { why: 'tick size "0"', input: spec({ tickSize: '0' }), field: 'BTC-USD.tickSize' },
    { why: 'tick size "abc"', input: spec({ tickSize: 'abc' }), field: 'BTC-USD.tickSize' },
    { why: 'a negative tick size', input: spec({ tickSize: '-0.01' }), field: 'BTC-USD.tickSize' },
    { why: 'lot size "0.0000"', input: spec({ lotSize: '0.0000' }), field: 'BTC-USD.lotSize' },
    { why: 'a lot size in exponent notation', input: spec({ lotSize: '1e-4' }), field: 'BTC-USD.lotSize' },
    { why: 'a minimum price off the tick ("0.015" with tick 0.01)', input: spec({ minPrice: '0.015' }), field: 'BTC-USD.minPrice' },
    { why: 'a maximum price off the tick', input: spec({ maxPrice: '100000.001' }), field: 'BTC-USD.maxPrice' },
    { why: 'a minimum price of zero', input: spec({ minPrice: '0' }), field: 'BTC-USD.minPrice' },
    { why: 'a maximum price that is not a decimal', input: spec({ maxPrice: '1e5' }), field: 'BTC-USD.maxPrice' },
    { why: 'a minimum quantity off the lot', input: spec({ minQuantity: '0.00005' }), field: 'BTC-USD.minQuantity' },
    { why: 'a maximum quantity of zero', input: spec({ maxQuantity: '0' }), field: 'BTC-USD.maxQuantity' },
    { why: 'a minimum price above the maximum', input: spec({ minPrice: '200', maxPrice: '100' }), field: 'BTC-USD.minPrice' },
    { why: 'a minimum quantity above the maximum', input: spec({ minQuantity: '10', maxQuantity: '1' }), field: 'BTC-USD.minQuantity' },
    {
      why: 'a maxPrice × maxQuantity notional above 2^53',
      input: spec({ maxPrice: '1000000', maxQuantity: '1000000' }),
      field: 'BTC-USD.maxPrice',
    },
    {
      why: 'a notional bound of exactly 2^53',
      input: spec({ tickSize: '1', lotSize: '1', minPrice: '1', maxPrice: String(2 ** 52), minQuantity: '1', maxQuantity: '2' }),
      field: 'BTC-USD.maxPrice',
    },
    {
      why: 'a tick × lot multiplier that pushes the notional above 2^53',
      input: spec({ tickSize: '3', lotSize: '3', minPrice: '3', maxPrice: String(3 * 2 ** 25), minQuantity: '3', maxQuantity: String(3 * 2 ** 25) }),
      field: 'BTC-USD.maxPrice',
    },
    {
      why: 'a negative pro-rata top-order cap',
      input: spec({ matching: { kind: 'pro-rata', topOrderCapLots: -1, minimumAllocationLots: 0 } }),
      field: 'BTC-USD.matching.topOrderCapLots',
    },
    {
      why: 'a fractional pro-rata top-order cap',
      input: spec({ matching: { kind: 'pro-rata', topOrderCapLots: 1.5, minimumAllocationLots: 0 } }),
      field: 'BTC-USD.matching.topOrderCapLots',
    },
    {
      why: 'a pro-rata minimum allocation above maxQuantity in lots',
      input: spec({ matching: { kind: 'pro-rata', topOrderCapLots: 0, minimumAllocationLots: 10_000_001 } }),
      field: 'BTC-USD.matching.minimumAllocationLots',
    },
    {
      why: 'a negative pro-rata minimum allocation',
      input: spec({ matching: { kind: 'pro-rata', topOrderCapLots: 0, minimumAllocationLots: -1 } }),
      field: 'BTC-USD.matching.minimumAllocationLots',
    },
  ])('rejects $why, naming $field', ({ input, field }) => {
    expect(rejectedField(input)).toBe(field);
  });

  it('throws an InstrumentConfigError whose message starts with the field', () => {
    expect(() => defineInstrument(spec({ tickSize: 'abc' }))).toThrow(
      expect.objectContaining({ name: 'InstrumentConfigError', field: 'BTC-USD.tickSize', message: expect.stringMatching(/^instrument BTC-USD\.tickSize: invalid decimal unit "abc"/) as unknown }),
    );
  });

  it('says by how much the notional bound is exceeded and how to fix it', () => {
    expect(() => defineInstrument(spec({ maxPrice: '1000000', maxQuantity: '1000000' }))).toThrow(
      /maxPrice × maxQuantity is 1000000000000000000 notional units, above 2\^53; lower a bound or coarsen tick\/lot size/,
    );
  });

  it('quotes an off-grid bound and its result code', () => {
    expect(() => defineInstrument(spec({ minPrice: '0.015' }))).toThrow('"0.015" is not a whole number of ticks (code 1007)');
    expect(() => defineInstrument(spec({ minQuantity: '0.00005' }))).toThrow('"0.00005" is not a whole number of lots (code 1008)');
  });
});
