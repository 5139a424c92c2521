// What the REST API returns: the venue service's facts (integers) as decimals in each instrument's
// and asset's own units, and enums in the API's spelling (spellings.ts). Balances and positions are
// read from the replica's risk state.
import { unitsToDecimal } from '../../domain/decimal.js';
import type { Instrument } from '../../domain/instrument.js';
import { resultCodeMessage, resultCodeName, type ResultCode } from '../../domain/result-codes.js';
import { lotsToQuantity, ticksToPrice } from '../../domain/units.js';
import type { Engine } from '../../core/engine.js';
import type { Candle } from '../../marketdata/candles.js';
import type { AccountFill, Trade } from '../../marketdata/history.js';
import { assetUnit } from '../../risk/risk-config.js';
import { ExecType, type FillFacts, type OrderFacts, type OrderReport } from '../../venue/order-state.js';
import { ORDER_STATUS, ORDER_TYPE, SIDE, TIME_IN_FORCE } from '../spellings.js';

export interface ApiError {
  readonly error: { readonly code: number; readonly name: string; readonly message: string };
}

export function apiError(code: ResultCode, message?: string): ApiError {
  return { error: { code, name: resultCodeName(code), message: message ?? resultCodeMessage(code) } };
}

export interface FillView {
  tradeId: number;
  price: string;
  quantity: string;
  liquidity: 'maker' | 'taker';
  fee: string;
  feeAsset: string;
  timestampNs?: string;
}

export type OrderStatusText = 'new' | 'partially_filled' | 'filled' | 'cancelled' | 'expired' | 'pending_trigger' | 'rejected';

export interface OrderResponse {
  orderId: number;
  clientOrderId: string | undefined;
  symbol: string;
  side: 'buy' | 'sell' | undefined;
  type: string | undefined;
  timeInForce: string | undefined;
  price: string | undefined;
  stopPrice: string | undefined;
  quantity: string | undefined;
  filledQuantity: string;
  status: OrderStatusText;
  fills: FillView[];
  /** When the order last changed: the sequencer's time, ns since the epoch, as a decimal string. */
  timestampNs: string | undefined;
}

/** A fee of `units` in the asset with this id (1-based), as a signed decimal and the asset's name. */
export function feeText(engine: Engine, assetId: number, units: number): { fee: string; asset: string } {
  const asset = engine.risk?.tables.assets[assetId - 1];
  if (asset === undefined) return { fee: '0', asset: '' };
  const text = unitsToDecimal(Math.abs(units), assetUnit(asset));
  return { fee: units < 0 ? `-${text}` : text, asset: asset.name };
}

export function fillView(engine: Engine, instrument: Instrument, fill: FillFacts, timestampNs?: bigint): FillView {
  const { fee, asset } = feeText(engine, fill.feeAssetId, fill.feeUnits);
  return { tradeId: fill.tradeId, price: ticksToPrice(instrument, fill.priceTicks), quantity: lotsToQuantity(instrument, fill.lots), liquidity: fill.maker ? 'maker' : 'taker', fee, feeAsset: asset === '' ? instrument.quoteAsset : asset, ...(timestampNs === undefined ? {} : { timestampNs: String(timestampNs) }) };
}

/** An order's facts as REST answers them; the fills given are the ones this answer reports. */
export function orderView(engine: Engine, instrument: Instrument, order: OrderFacts, reports: readonly OrderReport[] = []): OrderResponse {
  const known = (order.side as number) !== 0;
  return {
    orderId: order.orderId,
    clientOrderId: order.clientOrderId,
    symbol: instrument.symbol,
    side: known ? (SIDE.rest(order.side) as 'buy' | 'sell') : undefined,
    type: known ? ORDER_TYPE.rest(order.orderType) : undefined,
    timeInForce: known ? TIME_IN_FORCE.rest(order.timeInForce) : undefined,
    price: order.priceTicks > 0 ? ticksToPrice(instrument, order.priceTicks) : undefined,
    stopPrice: order.stopPriceTicks > 0 ? ticksToPrice(instrument, order.stopPriceTicks) : undefined,
    quantity: known ? lotsToQuantity(instrument, order.quantityLots) : undefined,
    filledQuantity: lotsToQuantity(instrument, order.filledLots),
    status: ORDER_STATUS.rest(order.status) as OrderStatusText,
    fills: reports.flatMap((r) => (r.execType === ExecType.TRADE && r.fill !== undefined ? [fillView(engine, instrument, r.fill)] : [])),
    timestampNs: order.seq === 0 ? undefined : String(order.timestampNs),
  };
}

export interface TradeView {
  tradeId: number;
  price: string;
  quantity: string;
  /** The aggressor's side. */
  side: 'buy' | 'sell';
  time: string;
  timestampNs: string;
  seq: number;
}

export function tradeView(instrument: Instrument, trade: Trade): TradeView {
  return { tradeId: trade.tradeId, price: ticksToPrice(instrument, trade.priceTicks), quantity: lotsToQuantity(instrument, trade.lots), side: SIDE.rest(trade.side) as 'buy' | 'sell', time: isoTime(trade.timestampNs), timestampNs: String(trade.timestampNs), seq: trade.seq };
}

export interface AccountFillView extends FillView {
  orderId: number;
  symbol: string;
  side: 'buy' | 'sell';
  time: string;
  seq: number;
}

export function accountFillView(engine: Engine, instrument: Instrument, { fill, order }: AccountFill): AccountFillView {
  return { ...fillView(engine, instrument, fill, order.timestampNs), orderId: order.orderId, symbol: instrument.symbol, side: SIDE.rest(order.side) as 'buy' | 'sell', time: isoTime(order.timestampNs), seq: order.seq };
}

export interface CandleView {
  start: string;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
  trades: number;
}

export function candleView(instrument: Instrument, c: Candle): CandleView {
  return { start: new Date(c.start).toISOString(), open: ticksToPrice(instrument, c.open), high: ticksToPrice(instrument, c.high), low: ticksToPrice(instrument, c.low), close: ticksToPrice(instrument, c.close), volume: lotsToQuantity(instrument, c.volume), trades: c.trades };
}

function isoTime(timestampNs: bigint): string {
  return new Date(Number(timestampNs / 1_000_000n)).toISOString();
}

export interface BalanceView {
  asset: string;
  total: string;
  held: string;
  available: string;
}

/** Every asset's balance of an account (zero for assets it never had), in decimals. */
export function balancesView(engine: Engine, accountId: number): BalanceView[] {
  const risk = engine.risk;
  if (risk === undefined) return [];
  const account = risk.accountState(accountId);
  return risk.tables.assets.map((asset) => {
    const unit = assetUnit(asset);
    const total = account?.total[asset.id - 1] ?? 0;
    const held = account?.held[asset.id - 1] ?? 0;
    return { asset: asset.name, total: unitsToDecimal(total, unit), held: unitsToDecimal(held, unit), available: unitsToDecimal(total - held, unit) };
  });
}

/** Balances, holds and positions of an account, in decimals. */
export function accountView(engine: Engine, accountId: number): unknown {
  const risk = engine.risk;
  const account = risk?.accountState(accountId);
  if (risk === undefined) return { accountId, balances: [], positions: [] };
  const balances = balancesView(engine, accountId);
  const positions = risk.tables.instruments
    .map((r) => {
      const position = account?.position[r.index] ?? 0;
      const quote = risk.tables.assets[r.quoteAsset];
      if (quote === undefined || account === undefined) return undefined;
      const unit = assetUnit(quote);
      const signed = (units: number): string => (units < 0 ? `-${unitsToDecimal(-units, unit)}` : unitsToDecimal(units, unit));
      const realized = account.realizedPnl[r.index] ?? 0;
      if (position === 0 && realized === 0) return undefined;
      const size = Math.abs(position);
      return {
        symbol: r.instrument.symbol,
        quantity: position < 0 ? `-${lotsToQuantity(r.instrument, size)}` : lotsToQuantity(r.instrument, size),
        // Average entry in quote units per lot, shown per whole base unit at the instrument's price precision.
        averageEntryPrice: size === 0 ? undefined : ticksToPrice(r.instrument, Math.round((account.openCost[r.index] ?? 0) / size / r.quotePerTickLot)),
        realizedPnl: signed(realized),
        unrealizedPnl: signed(Math.round(risk.unrealizedPnl(account, r.instrument.id))),
        feesPaid: signed(account.feesPaid[r.index] ?? 0),
      };
    })
    .filter((p) => p !== undefined);
  return { accountId, balances, positions, killSwitch: account?.killed ?? false, drawdownTripped: account?.tripped ?? false, openOrders: account?.openOrders ?? 0 };
}
