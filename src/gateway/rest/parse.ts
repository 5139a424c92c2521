// REST request bodies into the venue service's typed requests: decimals to ticks, lots and asset
// units (src/domain/units.ts), enums by their REST spelling (../spellings.ts). A bad field is a
// VenueError naming the field and, for an enum, the values it takes.
import { decimalToUnits } from '../../domain/decimal.js';
import type { Instrument } from '../../domain/instrument.js';
import { ResultCode } from '../../domain/result-codes.js';
import { CLIENT_ID_MAX_BYTES, DEPOSIT_ID_MAX_BYTES, OrderType, TimeInForce, validTextId } from '../../engine/command.js';
import { type AssetInfo, assetUnit } from '../../risk/risk-config.js';
import { fail } from '../../venue/errors.js';
import { lotsOf, maxNotionalOf, ticksOf } from '../decimals.js';
import type { PlaceRequest } from '../../venue/service.js';
import { ORDER_TYPE, SELF_TRADE_PREVENTION, SIDE, type Spelling, TIME_IN_FORCE } from '../spellings.js';

/** A JSON request body: every field unknown until checked. */
export type Body = Record<string, unknown>;

export function text(body: Body, field: string, required: boolean): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return required ? fail(ResultCode.INVALID_REQUEST, `${field} is required`) : undefined;
  if (typeof value !== 'string') fail(ResultCode.INVALID_REQUEST, `${field} must be a string`);
  return value;
}

function spelled<V extends number>(body: Body, spelling: Spelling<V>, code: ResultCode, fallback: V | undefined): V {
  const value = text(body, spelling.name, fallback === undefined);
  if (value === undefined) return fallback as V;
  return spelling.fromRest(value) ?? fail(code, `${spelling.restChoices()}; got "${value}"`);
}

function decimal(instrument: Instrument, body: Body, field: string, kind: 'price' | 'quantity'): number {
  const value = text(body, field, false);
  return kind === 'price' ? ticksOf(instrument, field, value) : lotsOf(instrument, field, value);
}

const ORDER_FIELDS = new Set(['symbol', 'side', 'type', 'price', 'quantity', 'timeInForce', 'postOnly', 'clientOrderId', 'stopPrice', 'displayQuantity', 'selfTradePrevention', 'maxNotional']);

/** A place body: {symbol, side, quantity, type?, price?, timeInForce?, …} in decimals and REST spellings. */
export function placeRequest(body: Body, instrumentOf: (symbol: string) => Instrument, quoteAsset: (instrument: Instrument) => AssetInfo | undefined): PlaceRequest {
  for (const key of Object.keys(body)) if (!ORDER_FIELDS.has(key)) fail(ResultCode.INVALID_REQUEST, `unknown field ${key}`);
  const clientOrderId = text(body, 'clientOrderId', false);
  if (clientOrderId !== undefined && !validTextId(clientOrderId, CLIENT_ID_MAX_BYTES)) fail(ResultCode.INVALID_CLIENT_ORDER_ID, `clientOrderId must be 1 to ${CLIENT_ID_MAX_BYTES} printable ASCII characters without spaces`);
  const instrument = instrumentOf(text(body, 'symbol', true) ?? '');
  const side = spelled(body, SIDE, ResultCode.INVALID_SIDE, undefined);
  const orderType = spelled(body, ORDER_TYPE, ResultCode.INVALID_ORDER_TYPE, OrderType.LIMIT);
  const timeInForce = spelled(body, TIME_IN_FORCE, ResultCode.INVALID_TIME_IN_FORCE, orderType === OrderType.MARKET ? TimeInForce.IOC : TimeInForce.GTC);
  const quantityLots = decimal(instrument, body, 'quantity', 'quantity');
  if (quantityLots === 0) fail(ResultCode.QUANTITY_OUT_OF_BOUNDS, 'quantity is required');
  const postOnly = body['postOnly'];
  if (postOnly !== undefined && typeof postOnly !== 'boolean') fail(ResultCode.INVALID_REQUEST, 'postOnly must be true or false');
  return {
    instrumentId: instrument.id,
    side,
    orderType,
    timeInForce,
    priceTicks: decimal(instrument, body, 'price', 'price'),
    quantityLots,
    stopPriceTicks: decimal(instrument, body, 'stopPrice', 'price'),
    displayLots: decimal(instrument, body, 'displayQuantity', 'quantity'),
    postOnly: postOnly === true,
    selfTradePrevention: spelled(body, SELF_TRADE_PREVENTION, ResultCode.INVALID_SELF_TRADE_PREVENTION, SELF_TRADE_PREVENTION.rows[0]?.value ?? 0),
    maxNotional: maxNotional(body, instrument, quoteAsset(instrument)),
    ...(clientOrderId === undefined ? {} : { clientOrderId }),
  };
}

function maxNotional(body: Body, instrument: Instrument, quote: AssetInfo | undefined): number {
  return maxNotionalOf(instrument, quote, 'maxNotional', text(body, 'maxNotional', false));
}

/** An amend body: {price?, quantity?}. */
export function amendRequest(body: Body, instrument: Instrument): { priceTicks: number; quantityLots: number } {
  for (const key of Object.keys(body)) if (key !== 'price' && key !== 'quantity') fail(ResultCode.INVALID_REQUEST, `unknown field ${key} (an amend changes price and/or quantity)`);
  return { priceTicks: decimal(instrument, body, 'price', 'price'), quantityLots: decimal(instrument, body, 'quantity', 'quantity') };
}

export interface Credit {
  readonly assetId: number;
  readonly amount: number;
  readonly text: string;
}

/** Every deposit checked (asset, decimal) before any is sequenced: a bad one changes nothing. */
export function parseDeposits(deposits: unknown, assets: ReadonlyMap<string, AssetInfo>): Credit[] {
  if (typeof deposits !== 'object' || deposits === null || Array.isArray(deposits)) fail(ResultCode.INVALID_REQUEST, 'deposits must be an object of asset → decimal string');
  return Object.entries(deposits as Record<string, unknown>).map(([name, amount]) => {
    const asset = assets.get(name) ?? fail(ResultCode.UNKNOWN_ASSET, `no asset ${name}`);
    if (typeof amount !== 'string') fail(ResultCode.INVALID_REQUEST, `deposit of ${name} must be a decimal string`);
    const units = decimalToUnits(amount, assetUnit(asset), ResultCode.INVALID_AMOUNT);
    if (!units.ok) fail(units.code, `deposit of ${name} "${amount}"`);
    if (units.value <= 0) fail(ResultCode.INVALID_AMOUNT, `deposit of ${name} must be positive`);
    return { assetId: asset.id, amount: units.value, text: `${name} ${amount}` };
  });
}

/** A deposit body: {"deposits": {asset: amount}, "depositId"?} or, as before, the bare {asset: amount}. */
export function depositRequest(body: Body, assets: ReadonlyMap<string, AssetInfo>): { credits: Credit[]; depositId: string | undefined } {
  if (!Object.hasOwn(body, 'deposits')) return { credits: parseDeposits(body, assets), depositId: undefined };
  for (const key of Object.keys(body)) if (key !== 'deposits' && key !== 'depositId') fail(ResultCode.INVALID_REQUEST, `unknown field ${key}`);
  const depositId = text(body, 'depositId', false);
  if (depositId !== undefined && !validTextId(depositId, DEPOSIT_ID_MAX_BYTES)) fail(ResultCode.INVALID_DEPOSIT_ID, `depositId must be 1 to ${DEPOSIT_ID_MAX_BYTES} printable ASCII characters without spaces`);
  const credits = parseDeposits(body['deposits'], assets);
  if (credits.length === 0) fail(ResultCode.INVALID_DEPOSIT_ASSETS, 'deposits is empty: a deposit credits 1 to 6 assets');
  return { credits, depositId };
}
