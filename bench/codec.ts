// `npm run bench -- codec [--json] [--quick]`: the WebSocket API's two frame encodings
// (src/protocol/wire.ts) on three typical messages: a PlaceOrder request, an ExecutionReport of one
// fill and an L2 BookUpdate with 10 level changes, BTC-USD with realistic decimals.
//
// For each: bytes as protobuf and as proto3 JSON (UTF-8 bytes of the text frame), and ns per
// message to encode, to decode and both (encodeEnvelope + decodeEnvelope vs envelopeToJson +
// envelopeFromJson, the strict schema-checked JSON the server uses). plainJsonNs is JSON.stringify +
// JSON.parse of the same object with no schema, a floor that no checked JSON decoder beats.
// sizeReduction = 1 - pb/json bytes; speedup = json ns / pb ns (encode + decode). Each ns figure is
// the median of timed runs after an untimed warm-up that also sizes the runs.
// The target is sizeReduction >= 0.60 overall; the result says whether it is met and never fails on it.
import { decodeEnvelope, encodeEnvelope, type EnvelopeInput, envelopeFromJson, envelopeToJson, MAX_FRAME_BYTES, pb } from '../src/protocol/wire.js';
import { type BenchOptions, median, nowNs, requireGc, round } from './report.js';

const SIZE_REDUCTION_TARGET = 0.6;

const PLACE_ORDER: EnvelopeInput = {
  requestId: 1042,
  placeOrder: {
    symbol: 'BTC-USD',
    side: pb.Side.SIDE_BUY,
    type: pb.OrderType.ORDER_TYPE_LIMIT,
    price: '65012.50',
    quantity: '0.2500',
    timeInForce: pb.TimeInForce.TIME_IN_FORCE_GTC,
    postOnly: true,
    clientOrderId: 'mm-7f3a2c-000123',
    selfTradePrevention: pb.SelfTradePrevention.SELF_TRADE_PREVENTION_CANCEL_NEWEST,
  },
};

const EXECUTION_REPORT: EnvelopeInput = {
  executionReport: {
    seq: 88_412,
    orderId: 18_734_211,
    clientOrderId: 'mm-7f3a2c-000123',
    symbol: 'BTC-USD',
    side: pb.Side.SIDE_BUY,
    execType: pb.ExecType.EXEC_TYPE_TRADE,
    orderStatus: pb.OrderStatus.ORDER_STATUS_PARTIALLY_FILLED,
    type: pb.OrderType.ORDER_TYPE_LIMIT,
    price: '65012.50',
    quantity: '0.2500',
    lastPrice: '65012.50',
    lastQuantity: '0.1000',
    tradeId: 5_512_093,
    liquidity: pb.Liquidity.LIQUIDITY_MAKER,
    fee: '0.65',
    feeAsset: 'USD',
    cumulativeQuantity: '0.1000',
    leavesQuantity: '0.1500',
    timeMs: 1_731_000_000_123,
  },
};

const BOOK_UPDATE: EnvelopeInput = {
  bookUpdate: {
    symbol: 'BTC-USD',
    seq: 18_734_260,
    prevSeq: 18_734_259,
    changes: [
      { side: pb.Side.SIDE_BUY, price: '65012.50', quantity: '1.2500' },
      { side: pb.Side.SIDE_BUY, price: '65012.00', quantity: '0.8421' },
      { side: pb.Side.SIDE_BUY, price: '65011.50', quantity: '0' },
      { side: pb.Side.SIDE_BUY, price: '65010.00', quantity: '3.1000' },
      { side: pb.Side.SIDE_BUY, price: '65008.25', quantity: '0.0150' },
      { side: pb.Side.SIDE_SELL, price: '65013.00', quantity: '0.4000' },
      { side: pb.Side.SIDE_SELL, price: '65013.50', quantity: '0' },
      { side: pb.Side.SIDE_SELL, price: '65014.00', quantity: '2.0000' },
      { side: pb.Side.SIDE_SELL, price: '65015.75', quantity: '0.7312' },
      { side: pb.Side.SIDE_SELL, price: '65020.00', quantity: '5.5000' },
    ],
  },
};

const MESSAGES: Readonly<Record<string, EnvelopeInput>> = { placeOrder: PLACE_ORDER, executionReport1Fill: EXECUTION_REPORT, bookUpdateL2x10: BOOK_UPDATE };

/** Keeps every result live so that no codec call can be optimised away. */
let sink = 0;

/** Median ns per call of `op` over `runs` timed runs, each sized by the warm-up to last about runMs. */
function nsPerCall(op: () => number, runs: number, runMs: number, gc: () => void): number {
  let calls = 64;
  for (;;) {
    const start = nowNs();
    for (let i = 0; i < calls; i++) sink = (sink + op()) | 0;
    const ms = Number(nowNs() - start) / 1e6;
    if (ms >= runMs / 4) {
      calls = Math.max(1, Math.round((calls * runMs) / ms));
      break;
    }
    calls *= 2;
  }
  gc();
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = nowNs();
    for (let i = 0; i < calls; i++) sink = (sink + op()) | 0;
    samples.push(Number(nowNs() - start) / calls);
  }
  return round(median(samples), 0);
}

interface MessageFigures {
  pbBytes: number;
  jsonBytes: number;
  sizeReduction: number;
  pbNs: number;
  jsonNs: number;
  speedup: number;
  pbEncodeNs: number;
  pbDecodeNs: number;
  jsonEncodeNs: number;
  jsonDecodeNs: number;
  plainJsonNs: number;
}

function measure(message: EnvelopeInput, runs: number, runMs: number, gc: () => void): MessageFigures {
  const bytes = encodeEnvelope(message);
  const text = envelopeToJson(message);
  // Both decoders must give back the message that was encoded, or the timings mean nothing.
  if (envelopeToJson(decodeEnvelope(bytes)) !== text || envelopeToJson(envelopeFromJson(text)) !== text) throw new Error('codec round trip changed the message');
  const jsonBytes = Buffer.byteLength(text, 'utf8');
  const plain = JSON.parse(text) as unknown;

  const pbEncodeNs = nsPerCall(() => encodeEnvelope(message).length, runs, runMs, gc);
  const pbDecodeNs = nsPerCall(() => (decodeEnvelope(bytes).requestId === 0 ? 1 : 2), runs, runMs, gc);
  const pbNs = nsPerCall(() => (decodeEnvelope(encodeEnvelope(message)).requestId === 0 ? 1 : 2), runs, runMs, gc);
  const jsonEncodeNs = nsPerCall(() => envelopeToJson(message).length, runs, runMs, gc);
  const jsonDecodeNs = nsPerCall(() => (envelopeFromJson(text).requestId === 0 ? 1 : 2), runs, runMs, gc);
  const jsonNs = nsPerCall(() => (envelopeFromJson(envelopeToJson(message)).requestId === 0 ? 1 : 2), runs, runMs, gc);
  const plainJsonNs = nsPerCall(() => (JSON.parse(JSON.stringify(plain)) === null ? 1 : 2), runs, runMs, gc);
  return {
    pbBytes: bytes.length,
    jsonBytes,
    sizeReduction: round(1 - bytes.length / jsonBytes, 3),
    pbNs,
    jsonNs,
    speedup: round(jsonNs / pbNs, 2),
    pbEncodeNs,
    pbDecodeNs,
    jsonEncodeNs,
    jsonDecodeNs,
    plainJsonNs,
  };
}

export function codecBenchmark(options: BenchOptions): Record<string, unknown> {
  const gc = requireGc();
  const runs = options.quick ? 5 : 9;
  const runMs = options.quick ? 20 : 100;
  const messages: Record<string, MessageFigures> = {};
  for (const [name, message] of Object.entries(MESSAGES)) messages[name] = measure(message, runs, runMs, gc);
  const all = Object.values(messages);
  const sum = (pick: (m: MessageFigures) => number): number => all.reduce((total, m) => total + pick(m), 0);
  const pbBytes = sum((m) => m.pbBytes);
  const jsonBytes = sum((m) => m.jsonBytes);
  const pbNs = sum((m) => m.pbNs);
  const jsonNs = sum((m) => m.jsonNs);
  const sizeReduction = round(1 - pbBytes / jsonBytes, 3);
  return {
    benchmark: 'codec',
    node: process.version,
    runs,
    runMs,
    maxFrameBytes: MAX_FRAME_BYTES,
    messages,
    overall: { pbBytes, jsonBytes, sizeReduction, pbNs, jsonNs, speedup: round(jsonNs / pbNs, 2) },
    target: { sizeReduction: SIZE_REDUCTION_TARGET, met: sizeReduction >= SIZE_REDUCTION_TARGET, everyMessageMet: all.every((m) => m.sizeReduction >= SIZE_REDUCTION_TARGET) },
    sink,
  };
}
