// FIX order-entry requests read into the venue's REST-shaped bodies (decimals passed through as
// strings: the venue converts them exactly or refuses with its numbered code), and the refusals FIX
// itself makes before anything reaches the venue. The FIX characters are spellings.ts's.
// (A follow-up moves FIX order entry onto the typed venue service; until then the body is REST's.)
import { ResultCode, resultCodeText } from '../../domain/result-codes.js';
import type { FixMessage } from '../../fix/codec.js';
import { ORDER_TYPE, SIDE, TIME_IN_FORCE } from '../spellings.js';
import type { OrderState } from './fix-orders.js';

/** CxlRejResponseTo (434). */
export const CANCEL = '1';
export const REPLACE = '2';
/** CxlRejReason (102). */
export const CxlRejReason = { TOO_LATE: 0, UNKNOWN: 1, ALREADY_PENDING: 3, DUPLICATE_CLORDID: 6, OTHER: 99 } as const;

export type Refusal = { readonly ok: false; readonly code: number; readonly text: string | undefined };

/** A NewOrderSingle as the venue's place body, with the FIX characters the order starts with. */
export type NewOrder = { readonly ok: true; readonly body: Record<string, unknown>; readonly ordType: string; readonly timeInForce: string | undefined };

/** The venue's code and message from a thrown error or a REST error body. */
export function errorOf(error: unknown): { code: number; message: string | undefined } {
  if (typeof error === 'object' && error !== null) {
    const inner = (error as { error?: unknown }).error;
    const source = typeof inner === 'object' && inner !== null ? inner : error;
    const code = (source as { code?: unknown }).code;
    const message = (source as { message?: unknown }).message;
    if (typeof code === 'number') return { code, message: typeof message === 'string' ? message : undefined };
  }
  return { code: ResultCode.INTERNAL_ERROR, message: error instanceof Error ? error.message : undefined };
}

function refusal(code: number, text: string): Refusal {
  return { ok: false, code, text };
}

/** Side (54) as the REST text, or undefined when FIX sends one the venue does not trade. */
export function sideOf(tag: string): 'buy' | 'sell' | undefined {
  const side = SIDE.fromFix(tag);
  return side === undefined ? undefined : (SIDE.rest(side) as 'buy' | 'sell');
}

/** NewOrderSingle (D) → the place body, or why FIX refuses it before the venue sees it. */
export function parseNewOrder(message: FixMessage): NewOrder | Refusal {
  const sideTag = message.get(54) ?? '';
  const side = sideOf(sideTag);
  if (side === undefined) return refusal(ResultCode.INVALID_SIDE, `Side (54) ${sideTag} is not supported (1 buy, 2 sell)`);
  const ordType = message.get(40) ?? '2';
  const type = ORDER_TYPE.fromFix(ordType);
  if (type === undefined) return refusal(ResultCode.INVALID_ORDER_TYPE, `OrdType (40) ${ordType} is not supported`);
  const tifTag = message.get(59);
  const tif = tifTag === undefined ? undefined : TIME_IN_FORCE.fromFix(tifTag);
  if (tifTag !== undefined && tif === undefined) return refusal(ResultCode.INVALID_TIME_IN_FORCE, `TimeInForce (59) ${tifTag} is not supported`);
  if (message.get(38) === undefined) {
    // The venue sizes every order in lots; a market buy's CashOrderQty (152) caps what it may spend.
    return refusal(ResultCode.QUANTITY_OUT_OF_BOUNDS, `OrderQty (38) is required${message.get(152) === undefined ? '' : '; CashOrderQty (152) caps the notional of a market buy but does not size it'}`);
  }
  const body: Record<string, unknown> = { symbol: message.get(55) ?? '', side, type: ORDER_TYPE.rest(type), clientOrderId: message.get(11) ?? '' };
  for (const [tag, field] of [
    [38, 'quantity'],
    [44, 'price'],
    [99, 'stopPrice'],
    [1138, 'displayQuantity'],
    [152, 'maxNotional'],
  ] as const) {
    const value = message.get(tag);
    if (value !== undefined) body[field] = value;
  }
  if (tif !== undefined) body['timeInForce'] = TIME_IN_FORCE.rest(tif);
  if ((message.get(18) ?? '').split(' ').includes('6')) body['postOnly'] = true;
  return { ok: true, body, ordType, timeInForce: tifTag };
}

/**
 * OrderCancelReplaceRequest (G) → the venue's amend body ({price?, quantity?}: the new total
 * quantity), or why it cannot be: the amend changes the price and/or the total quantity and nothing
 * else. Side, symbol, OrdType and TimeInForce must be the order's; a stop price, display quantity
 * or ExecInst is refused rather than silently ignored.
 */
export function parseReplace(message: FixMessage, order: OrderState): { ok: true; body: Record<string, unknown> } | { ok: false; text: string } {
  for (const [tag, name, ours] of [
    [55, 'Symbol', order.instrument.symbol],
    [54, 'Side', order.side],
    [40, 'OrdType', order.ordType],
    [59, 'TimeInForce', order.timeInForce],
  ] as const) {
    const theirs = message.get(tag);
    if (theirs !== undefined && theirs !== ours) return { ok: false, text: resultCodeText(ResultCode.INVALID_REQUEST, `${name} (${tag}) cannot be changed: the order's is ${ours}`) };
  }
  for (const [tag, name] of [
    [99, 'StopPx'],
    [1138, 'DisplayQty'],
    [18, 'ExecInst'],
  ] as const) {
    if (message.get(tag) !== undefined) return { ok: false, text: resultCodeText(ResultCode.INVALID_REQUEST, `${name} (${tag}) cannot be changed by a replace; only Price (44) and OrderQty (38)`) };
  }
  const body: Record<string, unknown> = {};
  const price = message.get(44);
  const quantity = message.get(38);
  if (price !== undefined) body['price'] = price;
  if (quantity !== undefined) body['quantity'] = quantity;
  return { ok: true, body };
}
