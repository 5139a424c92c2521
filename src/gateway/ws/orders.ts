// The WebSocket API's order messages: protobuf requests into the venue service's typed requests, and
// the service's facts and the tracker's reports into protobuf answers. Enums through spellings.ts,
// decimals through decimals.ts: nothing is spelled as REST text on the way.
import type { Engine } from '../../core/engine.js';
import type { Instrument } from '../../domain/instrument.js';
import { ResultCode } from '../../domain/result-codes.js';
import { lotsToQuantity, ticksToPrice } from '../../domain/units.js';
import { OrderType, SelfTradePrevention, TimeInForce } from '../../engine/command.js';
import { type EnvelopeInput, exactUint64, type kapita, pb } from '../../protocol/wire.js';
import type { AssetInfo } from '../../risk/risk-config.js';
import { fail } from '../../venue/errors.js';
import { ExecType, type FillFacts, type OrderFacts, type OrderReport } from '../../venue/order-state.js';
import type { PlaceRequest } from '../../venue/service.js';
import { lotsOf, maxNotionalOf, ticksOf } from '../decimals.js';
import { feeText } from '../rest/views.js';
import { EXEC_TYPE, ORDER_STATUS, ORDER_TYPE, SELF_TRADE_PREVENTION, SIDE, type Spelling, TIME_IN_FORCE } from '../spellings.js';

type Ints<V extends number> = Spelling<V>;

/** An enum field: UNSPECIFIED (0) takes the fallback; a number outside the table is refused, naming the valid values. */
function fromPb<V extends number>(spelling: Ints<V>, value: number | null | undefined, code: ResultCode, fallback: V | undefined): V {
  if (value === undefined || value === null || value === 0) return fallback ?? fail(code, `${spelling.name} is required (${spelling.rows.map((r) => r.rest).join(', ')})`);
  return spelling.fromPb(value) ?? fail(code, `${spelling.name} ${value} is not one of ${spelling.rows.filter((r) => r.pb !== 0).map((r) => `${r.pb} (${r.rest})`).join(', ')}`);
}

export function placeRequest(o: kapita.v1.PlaceOrder.$Properties, instrument: Instrument, quote: AssetInfo | undefined): PlaceRequest {
  const orderType = fromPb(ORDER_TYPE, o.type, ResultCode.INVALID_ORDER_TYPE, OrderType.LIMIT);
  const quantityLots = lotsOf(instrument, 'quantity', o.quantity ?? undefined);
  if (quantityLots === 0) fail(ResultCode.QUANTITY_OUT_OF_BOUNDS, 'quantity is required');
  const clientOrderId = o.clientOrderId ?? '';
  return {
    instrumentId: instrument.id,
    side: fromPb(SIDE, o.side, ResultCode.INVALID_SIDE, undefined),
    orderType,
    timeInForce: fromPb(TIME_IN_FORCE, o.timeInForce, ResultCode.INVALID_TIME_IN_FORCE, orderType === OrderType.MARKET ? TimeInForce.IOC : TimeInForce.GTC),
    priceTicks: ticksOf(instrument, 'price', o.price ?? undefined),
    quantityLots,
    stopPriceTicks: ticksOf(instrument, 'stopPrice', o.stopPrice ?? undefined),
    displayLots: lotsOf(instrument, 'displayQuantity', o.displayQuantity ?? undefined),
    postOnly: o.postOnly === true,
    selfTradePrevention: fromPb(SELF_TRADE_PREVENTION, o.selfTradePrevention, ResultCode.INVALID_SELF_TRADE_PREVENTION, SelfTradePrevention.ACCOUNT_DEFAULT),
    maxNotional: maxNotionalOf(instrument, quote, 'maxNotional', o.maxNotional ?? undefined),
    ...(clientOrderId === '' ? {} : { clientOrderId }),
  };
}

function fillMessage(engine: Engine, instrument: Instrument, fill: FillFacts): kapita.v1.Fill.$Properties {
  const { fee, asset } = feeText(engine, fill.feeAssetId, fill.feeUnits);
  return { tradeId: fill.tradeId, price: ticksToPrice(instrument, fill.priceTicks), quantity: lotsToQuantity(instrument, fill.lots), liquidity: fill.maker ? pb.Liquidity.LIQUIDITY_MAKER : pb.Liquidity.LIQUIDITY_TAKER, fee, feeAsset: asset };
}

/** An order as the API answers it; a retried clientOrderId of an order closed before a restart has only what the core keeps. */
export function orderMessage(engine: Engine, instrument: Instrument, order: OrderFacts, reports: readonly OrderReport[] = []): NonNullable<EnvelopeInput['orderResponse']> {
  const known = (order.side as number) !== 0;
  return {
    orderId: order.orderId,
    clientOrderId: order.clientOrderId ?? '',
    symbol: instrument.symbol,
    side: SIDE.pb(order.side),
    type: known ? ORDER_TYPE.pb(order.orderType) : pb.OrderType.ORDER_TYPE_UNSPECIFIED,
    timeInForce: known ? TIME_IN_FORCE.pb(order.timeInForce) : pb.TimeInForce.TIME_IN_FORCE_UNSPECIFIED,
    price: order.priceTicks > 0 ? ticksToPrice(instrument, order.priceTicks) : '',
    stopPrice: order.stopPriceTicks > 0 ? ticksToPrice(instrument, order.stopPriceTicks) : '',
    quantity: known ? lotsToQuantity(instrument, order.quantityLots) : '',
    filledQuantity: lotsToQuantity(instrument, order.filledLots),
    status: ORDER_STATUS.pb(order.status),
    fills: reports.flatMap((r) => (r.execType === ExecType.TRADE && r.fill !== undefined ? [fillMessage(engine, instrument, r.fill)] : [])),
  };
}

/** One tracker report as an ExecutionReport (`seq` is the connection's own report counter). */
export function executionReport(engine: Engine, instrument: Instrument, report: OrderReport, seq: number): kapita.v1.ExecutionReport.$Properties {
  const { order, fill } = report;
  const message: kapita.v1.ExecutionReport.$Properties = {
    seq,
    orderId: order.orderId,
    clientOrderId: order.clientOrderId ?? '',
    symbol: instrument.symbol,
    side: SIDE.pb(order.side),
    execType: EXEC_TYPE.pb(report.execType),
    orderStatus: ORDER_STATUS.pb(order.status),
    type: ORDER_TYPE.pb(order.orderType),
    price: order.priceTicks > 0 ? ticksToPrice(instrument, order.priceTicks) : '',
    quantity: lotsToQuantity(instrument, order.quantityLots),
    cumulativeQuantity: lotsToQuantity(instrument, order.filledLots),
    leavesQuantity: lotsToQuantity(instrument, order.leavesLots),
    timeMs: Number(order.timestampNs / 1_000_000n),
    timeNs: exactUint64(order.timestampNs),
  };
  if (fill !== undefined) {
    const f = fillMessage(engine, instrument, fill);
    Object.assign(message, { lastPrice: f.price, lastQuantity: f.quantity, tradeId: f.tradeId, liquidity: f.liquidity, fee: f.fee, feeAsset: f.feeAsset });
  }
  if (report.code !== undefined) message.rejectCode = report.code;
  return message;
}
