import fc from 'fast-check';
import type { Type } from 'protobufjs/light.js';
import { describe, expect, it } from 'vitest';
import {
  decodeEnvelope,
  encodeEnvelope,
  type Envelope,
  type EnvelopeBody,
  type EnvelopeInput,
  envelopeFromJson,
  envelopeSchema,
  envelopeToJson,
  exactUint64,
  kapita,
  MAX_FRAME_BYTES,
  pb,
  WireError,
  type WireErrorReason,
} from '../../src/protocol/wire.js';

const TIME = 1_731_000_000_123;
/** Nanoseconds past 2^53: exact only as a uint64, never as a JS number. */
const TIME_NS = exactUint64(1_731_000_000_123_456_789n);

/** One envelope per message the oneof can carry, every field of every message set to a non-default value. */
const SAMPLES: { readonly [K in EnvelopeBody]: EnvelopeInput } = {
  placeOrder: {
    requestId: 1,
    placeOrder: {
      symbol: 'BTC-USD',
      side: pb.Side.SIDE_BUY,
      type: pb.OrderType.ORDER_TYPE_STOP_LIMIT,
      price: '65012.50',
      quantity: '0.2500',
      timeInForce: pb.TimeInForce.TIME_IN_FORCE_DAY,
      postOnly: true,
      clientOrderId: 'mm-7f3a2c-000123',
      stopPrice: '65000.00',
      displayQuantity: '0.0500',
      selfTradePrevention: pb.SelfTradePrevention.SELF_TRADE_PREVENTION_DECREMENT_AND_CANCEL,
      maxNotional: '20000.00',
    },
  },
  cancelOrder: { requestId: 2, cancelOrder: { orderId: 2 ** 53 - 1 } },
  amendOrder: { requestId: 3, amendOrder: { orderId: 77, price: '65010.00', quantity: '0.1000' } },
  massCancel: { requestId: 4, massCancel: { symbol: 'ETH-USD' } },
  orderResponse: {
    requestId: 5,
    orderResponse: {
      orderId: 1_234_567,
      clientOrderId: 'c-1',
      symbol: 'BTC-USD',
      side: pb.Side.SIDE_SELL,
      type: pb.OrderType.ORDER_TYPE_LIMIT,
      timeInForce: pb.TimeInForce.TIME_IN_FORCE_IOC,
      price: '65012.50',
      stopPrice: '64000.00',
      quantity: '0.2500',
      filledQuantity: '0.2000',
      status: pb.OrderStatus.ORDER_STATUS_PARTIALLY_FILLED,
      fills: [
        { tradeId: 41, price: '65012.50', quantity: '0.1500', liquidity: pb.Liquidity.LIQUIDITY_TAKER, fee: '4.88', feeAsset: 'USD' },
        { tradeId: 42, price: '65012.00', quantity: '0.0500', liquidity: pb.Liquidity.LIQUIDITY_MAKER, fee: '-0.33', feeAsset: 'USD' },
      ],
    },
  },
  executionReport: {
    executionReport: {
      seq: 88,
      orderId: 1_234_567,
      clientOrderId: 'c-1',
      symbol: 'BTC-USD',
      side: pb.Side.SIDE_BUY,
      execType: pb.ExecType.EXEC_TYPE_TRADE,
      orderStatus: pb.OrderStatus.ORDER_STATUS_PARTIALLY_FILLED,
      type: pb.OrderType.ORDER_TYPE_LIMIT,
      price: '65012.50',
      quantity: '0.2500',
      lastPrice: '65012.50',
      lastQuantity: '0.1000',
      tradeId: 998_877,
      liquidity: pb.Liquidity.LIQUIDITY_MAKER,
      fee: '0.65',
      feeAsset: 'USD',
      cumulativeQuantity: '0.1000',
      leavesQuantity: '0.1500',
      rejectCode: -1,
      timeMs: TIME,
      timeNs: TIME_NS,
    },
  },
  bookUpdate: {
    bookUpdate: {
      symbol: 'BTC-USD',
      seq: 1_000_001,
      prevSeq: 1_000_000,
      timeNs: TIME_NS,
      changes: [
        { side: pb.Side.SIDE_BUY, price: '65012.50', quantity: '1.2500' },
        { side: pb.Side.SIDE_SELL, price: '65013.00', quantity: '0' },
      ],
    },
  },
  topOfBook: { topOfBook: { symbol: 'BTC-USD', seq: 9, bidPrice: '65012.50', bidQuantity: '1.2', askPrice: '65013.00', askQuantity: '0.4', timeMs: TIME, timeNs: TIME_NS } },
  trade: { trade: { symbol: 'BTC-USD', tradeId: 42, price: '65012.50', quantity: '0.1', side: pb.Side.SIDE_SELL, seq: 10, timeMs: TIME, timeNs: TIME_NS } },
  bookSnapshot: {
    requestId: 6,
    bookSnapshot: {
      symbol: 'BTC-USD',
      seq: 11,
      bids: [{ price: '65012.50', quantity: '1.25', orderCount: 3 }],
      asks: [
        { price: '65013.00', quantity: '0.4', orderCount: 1 },
        { price: '65014.00', quantity: '2', orderCount: 7 },
      ],
      orders: [{ orderId: 5, side: pb.Side.SIDE_BUY, price: '65012.50', quantity: '0.25' }],
    },
  },
  l3Update: { l3Update: { symbol: 'SOL-USD', seq: 12, prevSeq: 11, changes: [{ orderId: 5, side: pb.Side.SIDE_SELL, price: '150.25', quantity: '0' }] } },
  candle: {
    candle: {
      symbol: 'BTC-USD',
      interval: pb.CandleInterval.CANDLE_INTERVAL_4H,
      startMs: TIME - 123,
      startNs: exactUint64(1_731_000_000_000_000_000n),
      open: '65000.00',
      high: '65100.00',
      low: '64900.00',
      close: '65012.50',
      volume: '12.3456',
      trades: 321,
      closed: true,
    },
  },
  heartbeat: { heartbeat: { timeMs: TIME } },
  error: { requestId: 7, error: { code: 2001, name: 'INSUFFICIENT_BALANCE', message: 'insufficient balance' } },
  authRequest: { requestId: 8, authRequest: { token: 'eyJhbGciOiJFZERTQSJ9.e30.c2ln' } },
  authResponse: { requestId: 8, authResponse: { accountId: 7, expiresAtMs: TIME + 60_000 } },
  subscribe: { requestId: 9, subscribe: { channel: pb.Channel.CHANNEL_CANDLES, symbol: 'BTC-USD', interval: pb.CandleInterval.CANDLE_INTERVAL_1M } },
  unsubscribe: { requestId: 10, unsubscribe: { channel: pb.Channel.CHANNEL_CANDLES, symbol: 'BTC-USD', interval: pb.CandleInterval.CANDLE_INTERVAL_1D } },
  subscribeResponse: { requestId: 9, subscribeResponse: { channel: pb.Channel.CHANNEL_L2, symbol: 'BTC-USD', interval: pb.CandleInterval.CANDLE_INTERVAL_5M, subscribed: true } },
  ping: { requestId: 11, ping: { timeMs: TIME } },
  pong: { requestId: 11, pong: { pingTimeMs: TIME, timeMs: TIME + 1 } },
  cancelResponse: { requestId: 2, cancelResponse: { orderId: 77, status: pb.OrderStatus.ORDER_STATUS_CANCELED } },
  massCancelResponse: { requestId: 4, massCancelResponse: { orderIds: [3, 2 ** 40, 5] } },
  balanceUpdate: {
    balanceUpdate: {
      seq: 13,
      balances: [
        { asset: 'USD', total: '100000.00', held: '16253.13', available: '83746.87' },
        { asset: 'BTC', total: '2.00000000', held: '0.5', available: '1.5' },
      ],
    },
  },
};

/** The same message as a plain object with every field present, so that "" and 0 compare equal to an absent field. */
function normal(message: EnvelopeInput): Record<string, unknown> {
  const { Envelope } = kapita.v1;
  return Envelope.toObject(Envelope.fromObject(message), { defaults: true, arrays: true, longs: Number, enums: Number });
}

function refusal(run: () => unknown): WireError {
  try {
    run();
  } catch (error) {
    if (error instanceof WireError) return error;
    throw new Error(`threw something other than a WireError: ${String(error)}`, { cause: error });
  }
  throw new Error('did not throw');
}

function reasonOf(run: () => unknown): WireErrorReason {
  return refusal(run).reason;
}

/** Every field of a sample's messages, recursively, holds a non-default value somewhere. */
function unsetFields(type: Type, value: Record<string, unknown>, path: string): string[] {
  const missing: string[] = [];
  for (const field of type.fieldsArray) {
    if (field.partOf !== null) continue;
    const v = value[field.name];
    const name = `${path}.${field.name}`;
    if (v === undefined || v === null || v === '' || v === 0 || v === false || (Array.isArray(v) && v.length === 0)) missing.push(name);
    const nested = field.resolve().resolvedType;
    if (nested !== null && 'fieldsArray' in nested) {
      const items: unknown[] = Array.isArray(v) ? v : [v];
      for (const item of items) if (typeof item === 'object' && item !== null) missing.push(...unsetFields(nested, item as Record<string, unknown>, name));
    }
  }
  return missing;
}

describe('the schema samples', () => {
  it('cover every message the envelope can carry, with every field set', () => {
    const bodies = envelopeSchema.oneofs['body']?.oneof ?? [];
    expect([...bodies].sort()).toEqual(Object.keys(SAMPLES).sort());
    for (const [body, sample] of Object.entries(SAMPLES)) {
      const field = envelopeSchema.fields[body];
      const nested = field?.resolve().resolvedType;
      if (nested === null || nested === undefined || !('fieldsArray' in nested)) throw new Error(`${body} is not a message field`);
      expect(unsetFields(nested, (sample as Record<string, Record<string, unknown>>)[body] ?? {}, body)).toEqual([]);
    }
  });
});

describe('binary frames', () => {
  it.each(Object.entries(SAMPLES))('round-trip %s', (body, sample) => {
    const decoded = decodeEnvelope(encodeEnvelope(sample));
    expect(decoded.body).toBe(body);
    expect(normal(decoded)).toEqual(normal(sample));
  });

  it('decode into the generated classes, narrowed by body', () => {
    const decoded = decodeEnvelope(encodeEnvelope(SAMPLES.placeOrder));
    expect(decoded).toBeInstanceOf(kapita.v1.Envelope);
    if (decoded.body !== 'placeOrder') throw new Error('wrong body');
    expect(decoded.placeOrder).toBeInstanceOf(kapita.v1.PlaceOrder);
    expect(decoded.placeOrder.symbol).toBe('BTC-USD');
    expect(decoded.requestId).toBe(1);
    expect(typeof decoded.requestId).toBe('number');
  });

  it('keep 64-bit fields as exact numbers up to 2^53 - 1', () => {
    const decoded = decodeEnvelope(encodeEnvelope({ requestId: 2 ** 53 - 1, cancelOrder: { orderId: 2 ** 53 - 1 } }));
    expect(decoded.requestId).toBe(2 ** 53 - 1);
    expect(decoded.cancelOrder?.orderId).toBe(2 ** 53 - 1);
    const time = decodeEnvelope(encodeEnvelope({ ping: { timeMs: -5 } }));
    expect(time.ping?.timeMs).toBe(-5);
  });

  it('accept fields a newer schema added (skipped, kept as unknowns)', () => {
    const bytes = encodeEnvelope(SAMPLES.cancelOrder);
    // Field 99, varint 5; then field 100, length-delimited "hi".
    const extended = new Uint8Array([...bytes, 0x98, 0x06, 0x05, 0xa2, 0x06, 0x02, 0x68, 0x69]);
    const decoded = decodeEnvelope(extended);
    expect(normal(decoded)).toEqual(normal(SAMPLES.cancelOrder));
  });

  it('refuse garbage, with a reason', () => {
    expect(reasonOf(() => decodeEnvelope(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])))).toBe('malformed');
    expect(reasonOf(() => decodeEnvelope(new Uint8Array([0x12, 0x7f, 0x01])))).toBe('malformed'); // length 127, 1 byte follows
    expect(reasonOf(() => decodeEnvelope(new Uint8Array([0x0f])))).toBe('malformed'); // wire type 7
    expect(reasonOf(() => decodeEnvelope(new TextEncoder().encode('{"placeOrder":{}}')))).toBe('malformed');
    const error = refusal(() => decodeEnvelope(new Uint8Array([0x12, 0x7f, 0x01])));
    expect(error.message).toMatch(/^not a protobuf Envelope: /);
    expect(error.name).toBe('WireError');
  });

  it('refuse every truncation of a message', () => {
    for (const sample of [SAMPLES.executionReport, SAMPLES.orderResponse, SAMPLES.bookSnapshot]) {
      const bytes = encodeEnvelope(sample);
      for (let cut = 0; cut < bytes.length; cut++) {
        expect(['malformed', 'no_body']).toContain(reasonOf(() => decodeEnvelope(bytes.subarray(0, cut))));
      }
    }
  });

  it('let nothing but WireError escape the encoders, even on ill-typed input (which they do not check)', () => {
    const illTyped = [{ placeOrder: 'BTC-USD' }, { cancelOrder: { orderId: {} } }, { placeOrder: { symbol: 5 } }, { placeOrder: { side: 'SIDE_BUY' } }, { bookUpdate: { changes: [null] } }];
    for (const message of illTyped as unknown as EnvelopeInput[]) {
      for (const encode of [encodeEnvelope, envelopeToJson]) {
        try {
          encode(message);
        } catch (error) {
          expect(error).toBeInstanceOf(WireError);
        }
      }
    }
  });

  it('refuse an envelope without a message', () => {
    expect(reasonOf(() => decodeEnvelope(new Uint8Array(0)))).toBe('no_body');
    expect(reasonOf(() => decodeEnvelope(encodeEnvelope({ requestId: 5 })))).toBe('no_body');
  });

  it('bound the frame size both ways', () => {
    expect(reasonOf(() => decodeEnvelope(new Uint8Array(MAX_FRAME_BYTES + 1)))).toBe('too_large');
    expect(reasonOf(() => encodeEnvelope({ authRequest: { token: 'x'.repeat(MAX_FRAME_BYTES) } }))).toBe('too_large');
    // 9 bytes of framing: body tag (2), its length (3), token tag (1), its length (3).
    const fits = encodeEnvelope({ authRequest: { token: 'x'.repeat(MAX_FRAME_BYTES - 9) } });
    expect(fits.length).toBe(MAX_FRAME_BYTES);
    expect(decodeEnvelope(fits).authRequest?.token).toHaveLength(MAX_FRAME_BYTES - 9);
  });

  it('never throw anything but WireError on arbitrary bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 256 }), (bytes) => {
        try {
          decodeEnvelope(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(WireError);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('never throw anything but WireError on mutated valid frames (property)', () => {
    const frames = Object.values(SAMPLES).map(encodeEnvelope);
    fc.assert(
      fc.property(fc.constantFrom(...frames), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), (frame, edits) => {
        const bytes = Uint8Array.from(frame);
        for (const [at, value] of edits) bytes[at % bytes.length] = value;
        try {
          decodeEnvelope(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(WireError);
        }
      }),
      { numRuns: 5000 },
    );
  });
});

describe('JSON frames', () => {
  it.each(Object.entries(SAMPLES))('round-trip %s', (body, sample) => {
    const decoded = envelopeFromJson(envelopeToJson(sample));
    expect(decoded.body).toBe(body);
    expect(decoded).toBeInstanceOf(kapita.v1.Envelope);
    expect(normal(decoded)).toEqual(normal(sample));
  });

  it('carry the same message as the binary frame', () => {
    for (const sample of Object.values(SAMPLES)) {
      expect(normal(envelopeFromJson(envelopeToJson(decodeEnvelope(encodeEnvelope(sample)))))).toEqual(normal(sample));
    }
  });

  it('use proto3 JSON: lowerCamelCase names, enum names, 64-bit integers as strings, defaults omitted', () => {
    expect(envelopeToJson({ requestId: 1042, placeOrder: { symbol: 'BTC-USD', side: pb.Side.SIDE_BUY, price: '65012.50', quantity: '0.2500', postOnly: false, clientOrderId: 'a-1' } })).toBe(
      '{"requestId":"1042","placeOrder":{"symbol":"BTC-USD","side":"SIDE_BUY","price":"65012.50","quantity":"0.2500","clientOrderId":"a-1"}}',
    );
    expect(envelopeToJson({ bookUpdate: { symbol: 'BTC-USD', seq: 2, prevSeq: 1, changes: [{ side: pb.Side.SIDE_SELL, price: '65013.00', quantity: '0' }] } })).toBe(
      '{"bookUpdate":{"symbol":"BTC-USD","seq":"2","prevSeq":"1","changes":[{"side":"SIDE_SELL","price":"65013.00","quantity":"0"}]}}',
    );
  });

  it('accept the proto field names, enum numbers and 64-bit integers as numbers', () => {
    const decoded = envelopeFromJson('{"request_id":7,"place_order":{"client_order_id":"x","side":2,"time_in_force":"TIME_IN_FORCE_FOK"}}');
    expect(decoded.requestId).toBe(7);
    expect(decoded.placeOrder?.clientOrderId).toBe('x');
    expect(decoded.placeOrder?.side).toBe(pb.Side.SIDE_SELL);
    expect(decoded.placeOrder?.timeInForce).toBe(pb.TimeInForce.TIME_IN_FORCE_FOK);
  });

  it.each([
    ['a number for a string', '{"placeOrder":{"symbol":5}}'],
    ['a string for a bool', '{"placeOrder":{"postOnly":"yes"}}'],
    ['an unknown enum name', '{"placeOrder":{"side":"SIDE_UP"}}'],
    ['a non-integer id', '{"cancelOrder":{"orderId":"abc"}}'],
    ['a fractional id', '{"cancelOrder":{"orderId":1.5}}'],
    ['a negative uint64', '{"cancelOrder":{"orderId":-1}}'],
    ['a uint64 past 2^64', '{"cancelOrder":{"orderId":"18446744073709551616"}}'],
    ['an int32 past 2^31', '{"error":{"code":2147483648}}'],
    ['an object for a list', '{"bookUpdate":{"changes":{}}}'],
    ['a string for a message', '{"placeOrder":"BTC-USD"}'],
    ['a null list element', '{"bookUpdate":{"changes":[null]}}'],
    ['two messages in one envelope', '{"placeOrder":{},"cancelOrder":{}}'],
    ['an array', '[]'],
    ['a string', '"placeOrder"'],
    ['null', 'null'],
    ['a number', '42'],
  ])('refuse %s as invalid', (_name, text) => {
    expect(reasonOf(() => envelopeFromJson(text))).toBe('invalid');
  });

  it.each([
    ['at the top', '{"placeOrder":{},"colour":"red"}'],
    ['inside a message', '{"placeOrder":{"symbol":"BTC-USD","colour":"red"}}'],
    ['inside a list element', '{"bookUpdate":{"changes":[{"price":"1","colour":"red"}]}}'],
  ])('refuse an unknown field %s', (_name, text) => {
    const error = refusal(() => envelopeFromJson(text));
    expect(error.reason).toBe('unknown_field');
    expect(error.message).toContain('unknown field');
  });

  it('refuse text that is not JSON, and an envelope without a message', () => {
    expect(reasonOf(() => envelopeFromJson('{"placeOrder":'))).toBe('not_json');
    expect(reasonOf(() => envelopeFromJson(''))).toBe('not_json');
    expect(reasonOf(() => envelopeFromJson('{}'))).toBe('no_body');
    expect(reasonOf(() => envelopeFromJson('{"requestId":"7"}'))).toBe('no_body');
    expect(reasonOf(() => envelopeFromJson('{"placeOrder":null}'))).toBe('no_body');
  });

  it('bound the frame size in UTF-8 bytes both ways', () => {
    expect(reasonOf(() => envelopeFromJson(' '.repeat(MAX_FRAME_BYTES + 1)))).toBe('too_large');
    // 40,000 two-byte characters: fewer UTF-16 units than the bound, more bytes.
    expect(reasonOf(() => envelopeFromJson(`{"authRequest":{"token":"${'é'.repeat(40_000)}"}}`))).toBe('too_large');
    expect(reasonOf(() => envelopeToJson({ authRequest: { token: 'é'.repeat(40_000) } }))).toBe('too_large');
    expect(envelopeFromJson(`{"authRequest":{"token":"${'é'.repeat(30_000)}"}}`).authRequest?.token).toHaveLength(30_000);
  });

  it('never throw anything but WireError on arbitrary JSON (property)', () => {
    const anyJson = fc.oneof(
      fc.json(),
      fc.record({ placeOrder: fc.jsonValue() }).map((v) => JSON.stringify(v)),
      fc.record({ bookUpdate: fc.record({ changes: fc.array(fc.jsonValue()) }) }).map((v) => JSON.stringify(v)),
      fc.string(),
    );
    fc.assert(
      fc.property(anyJson, (text) => {
        try {
          envelopeFromJson(text);
        } catch (error) {
          expect(error).toBeInstanceOf(WireError);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('random messages (property)', () => {
  const text = fc.string({ unit: 'binary', maxLength: 24 });
  const decimal = fc.oneof(fc.constant(''), fc.constant('0'), fc.stringMatching(/^-?\d{1,9}(\.\d{1,8})?$/));
  const id = fc.maxSafeNat();
  const time = fc.maxSafeInteger();
  const enumOf = (values: Readonly<Record<string, number | string>>): fc.Arbitrary<number> => fc.constantFrom(...Object.values(values).filter((v): v is number => typeof v === 'number'));

  const placeOrder = fc.record({
    symbol: text,
    side: enumOf(pb.Side),
    type: enumOf(pb.OrderType),
    price: decimal,
    quantity: decimal,
    timeInForce: enumOf(pb.TimeInForce),
    postOnly: fc.boolean(),
    clientOrderId: text,
    stopPrice: decimal,
    displayQuantity: decimal,
    selfTradePrevention: enumOf(pb.SelfTradePrevention),
    maxNotional: decimal,
  });
  const executionReport = fc.record({
    seq: id,
    orderId: id,
    clientOrderId: text,
    symbol: text,
    side: enumOf(pb.Side),
    execType: enumOf(pb.ExecType),
    orderStatus: enumOf(pb.OrderStatus),
    type: enumOf(pb.OrderType),
    price: decimal,
    quantity: decimal,
    lastPrice: decimal,
    lastQuantity: decimal,
    tradeId: id,
    liquidity: enumOf(pb.Liquidity),
    fee: decimal,
    feeAsset: text,
    cumulativeQuantity: decimal,
    leavesQuantity: decimal,
    rejectCode: fc.integer(),
    timeMs: time,
  });
  const bookUpdate = fc.record({
    symbol: text,
    seq: id,
    prevSeq: id,
    changes: fc.array(fc.record({ side: enumOf(pb.Side), price: decimal, quantity: decimal }), { maxLength: 20 }),
  });
  const envelope: fc.Arbitrary<EnvelopeInput> = fc.record({
    requestId: id,
    body: fc.oneof(
      placeOrder.map((m): EnvelopeInput => ({ placeOrder: m })),
      executionReport.map((m): EnvelopeInput => ({ executionReport: m })),
      bookUpdate.map((m): EnvelopeInput => ({ bookUpdate: m })),
    ),
  }).map(({ requestId, body }) => ({ requestId, ...body }));

  it('round-trip PlaceOrder, ExecutionReport and BookUpdate through binary and JSON', () => {
    fc.assert(
      fc.property(envelope, (message) => {
        const expected = normal(message);
        const viaBinary: Envelope = decodeEnvelope(encodeEnvelope(message));
        expect(normal(viaBinary)).toEqual(expected);
        const viaJson: Envelope = envelopeFromJson(envelopeToJson(message));
        expect(normal(viaJson)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('64-bit fields', () => {
  it('decode as numbers, also when absent (the default is 0, not a Long)', () => {
    const binary = decodeEnvelope(encodeEnvelope({ bookSnapshot: { symbol: 'X' } }));
    const text = envelopeFromJson('{"bookSnapshot":{"symbol":"X"}}');
    for (const envelope of [binary, text]) {
      expect(envelope.bookSnapshot?.seq).toBe(0);
      expect(envelope.requestId).toBe(0);
    }
    expect(decodeEnvelope(encodeEnvelope({ requestId: 2 ** 53 - 1, cancelOrder: { orderId: 77 } })).requestId).toBe(2 ** 53 - 1);
  });
});
