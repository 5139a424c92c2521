// What the REST API returns, built from the replica's events and state: decimals as strings, in
// each instrument's and asset's own units. Pure functions of the engine's state and events.
import { unitsToDecimal } from '../../domain/decimal.js';
import type { Instrument } from '../../domain/instrument.js';
import { resultCodeMessage, resultCodeName, type ResultCode } from '../../domain/result-codes.js';
import { lotsToQuantity, ticksToPrice } from '../../domain/units.js';
import { OrderType, Side, TimeInForce } from '../../engine/command.js';
import type { Engine } from '../../core/engine.js';
import { DoneStatus, type EventBuffer, EventType, Field } from '../../engine/event.js';
import type { OrderView } from '../../engine/order-book.js';
import { assetUnit, feeUnits } from '../../risk/risk-config.js';

export const SIDE_NAMES: Readonly<Record<number, 'buy' | 'sell'>> = { [Side.BUY]: 'buy', [Side.SELL]: 'sell' };
export const TYPE_NAMES: Readonly<Record<number, string>> = { [OrderType.LIMIT]: 'limit', [OrderType.MARKET]: 'market', [OrderType.STOP]: 'stop', [OrderType.STOP_LIMIT]: 'stop_limit' };
export const TIF_NAMES: Readonly<Record<number, string>> = { [TimeInForce.GTC]: 'GTC', [TimeInForce.IOC]: 'IOC', [TimeInForce.FOK]: 'FOK', [TimeInForce.DAY]: 'DAY' };

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
}

export type OrderStatus = 'new' | 'partially_filled' | 'filled' | 'cancelled' | 'expired' | 'pending_trigger' | 'rejected';

export interface OrderResponse {
  orderId: number;
  clientOrderId: string | undefined;
  symbol: string;
  side: 'buy' | 'sell';
  type: string;
  timeInForce: string;
  price: string | undefined;
  stopPrice: string | undefined;
  quantity: string;
  filledQuantity: string;
  status: OrderStatus;
  fills: FillView[];
}

/** Fee of one side of a trade, in quote asset units (the gate's own rule); negative is a rebate. */
export function fillFee(engine: Engine, instrument: Instrument, priceTicks: number, lots: number, maker: boolean): { fee: string; asset: string } {
  const r = engine.risk?.tables.instruments.find((x) => x.instrument.id === instrument.id);
  const quote = engine.risk?.tables.assets.find((a) => a.name === instrument.quoteAsset);
  if (r === undefined || quote === undefined) return { fee: '0', asset: instrument.quoteAsset };
  const units = feeUnits(lots * priceTicks * r.quotePerTickLot, maker ? r.makerBps : r.takerBps);
  const text = unitsToDecimal(Math.abs(units), assetUnit(quote));
  return { fee: units < 0 ? `-${text}` : text, asset: quote.name };
}

export function fillView(engine: Engine, instrument: Instrument, events: EventBuffer, i: number, maker: boolean): FillView {
  const price = events.field(i, Field.TRADE_PRICE);
  const lots = events.field(i, Field.TRADE_QUANTITY);
  const { fee, asset } = fillFee(engine, instrument, price, lots, maker);
  return { tradeId: events.field(i, Field.TRADE_ID), price: ticksToPrice(instrument, price), quantity: lotsToQuantity(instrument, lots), liquidity: maker ? 'maker' : 'taker', fee, feeAsset: asset };
}

/**
 * The order a PLACE created, as its command's events left it: accepted (or rejected), the fills it
 * took as taker, and whether it rests, waits for its trigger or is done.
 */
export function placedOrder(engine: Engine, instrument: Instrument, orderId: number, clientOrderId: string | undefined): OrderResponse | { rejected: ResultCode } {
  const events = engine.events;
  let accepted = -1;
  let filled = 0;
  let done = -1;
  const fills: FillView[] = [];
  for (let i = 0; i < events.count; i++) {
    const type = events.type(i);
    if (type === EventType.REJECTED && events.field(i, Field.ORDER_ID) === orderId) return { rejected: events.field(i, Field.CODE) as ResultCode };
    if (type === EventType.ACCEPTED && events.field(i, Field.ORDER_ID) === orderId) accepted = i;
    if (type === EventType.TRADE) {
      const taker = events.field(i, Field.TAKER_ORDER_ID) === orderId;
      const maker = events.field(i, Field.MAKER_ORDER_ID) === orderId;
      if (taker || maker) {
        fills.push(fillView(engine, instrument, events, i, maker));
        filled += events.field(i, Field.TRADE_QUANTITY);
      }
    }
    if (type === EventType.DONE && events.field(i, Field.ORDER_ID) === orderId) done = i;
  }
  if (accepted < 0) throw new Error(`order ${orderId}: neither accepted nor rejected`);
  const f = (offset: number): number => events.field(accepted, offset);
  const quantity = f(Field.QUANTITY);
  const orderType = f(Field.ORDER_TYPE);
  let status: OrderStatus;
  if (done >= 0) {
    const s = events.field(done, Field.STATUS);
    status = s === DoneStatus.FILLED ? 'filled' : s === DoneStatus.EXPIRED ? 'expired' : 'cancelled';
  } else if ((orderType === OrderType.STOP || orderType === OrderType.STOP_LIMIT) && engine.book(instrument.id).order(orderId)?.pendingStop === true) {
    status = 'pending_trigger';
  } else {
    status = filled > 0 ? 'partially_filled' : 'new';
  }
  const price = f(Field.PRICE);
  const stop = f(Field.STOP_PRICE);
  return {
    orderId,
    clientOrderId,
    symbol: instrument.symbol,
    side: SIDE_NAMES[f(Field.SIDE)] ?? 'buy',
    type: TYPE_NAMES[orderType] ?? String(orderType),
    timeInForce: TIF_NAMES[f(Field.TIME_IN_FORCE)] ?? String(f(Field.TIME_IN_FORCE)),
    price: price > 0 ? ticksToPrice(instrument, price) : undefined,
    stopPrice: stop > 0 ? ticksToPrice(instrument, stop) : undefined,
    quantity: lotsToQuantity(instrument, quantity),
    filledQuantity: lotsToQuantity(instrument, filled),
    status,
    fills,
  };
}

/** An open order as the replica's book holds it. */
export function openOrder(instrument: Instrument, order: OrderView, clientOrderId: string | undefined): OrderResponse {
  return {
    orderId: order.orderId,
    clientOrderId,
    symbol: instrument.symbol,
    side: SIDE_NAMES[order.side] ?? 'buy',
    type: TYPE_NAMES[order.orderType] ?? String(order.orderType),
    timeInForce: TIF_NAMES[order.timeInForce] ?? String(order.timeInForce),
    price: order.priceTicks > 0 ? ticksToPrice(instrument, order.priceTicks) : undefined,
    stopPrice: order.stopPriceTicks > 0 ? ticksToPrice(instrument, order.stopPriceTicks) : undefined,
    quantity: lotsToQuantity(instrument, order.quantityLots),
    filledQuantity: lotsToQuantity(instrument, order.filledLots),
    status: order.pendingStop ? 'pending_trigger' : order.filledLots > 0 ? 'partially_filled' : 'new',
    fills: [],
  };
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
