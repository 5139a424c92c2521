// Commands as fixed-size binary records: what gateways publish into the input ring and what the
// journal stores. 128 bytes, little-endian. Order commands (kinds 1-6):
//
//   0  u8  kind            4  u8  postOnly          8 u32 instrumentId   16 f64 orderId (CANCEL, AMEND)
//   1  u8  side            5  u8  selfTradePrev.   12 u32 accountId         or maxNotional (PLACE)
//   2  u8  orderType       6  u16 (zero)                                 24 f64 priceTicks
//   3  u8  timeInForce                                                   32 f64 quantityLots
//  40 f64 stopPriceTicks  48 f64 displayLots
//  64..127 PLACE: clientOrderId, 1..64 bytes of printable ASCII (0x21..0x7E), zero-padded; all zero = none
//
// Admin commands of the risk gate (kinds 7-12): 2 u8 limitKind, 4 u8 flag, 6 u16 assetId,
// 8 u32 instrumentId, 12 u32 accountId, 24 f64 amount (or limit value), 32 f64 actorId. A DEPOSIT
// credits up to 6 assets at once (all or none): the first at 6/24, byte 1 the number of further
// pairs (0..5), their asset ids u16 at 96, 98, 100, 102, 104 and amounts f64 at 16, 40, 48, 112,
// 120 (the slots a deposit leaves free); 64..95 its depositId, 1..32 printable ASCII, zero-padded.
// Both: 56 u32 origin (gateway session), 60 u32 requestId (per origin). Each kind has its own
// layout (a PLACE never carries an order id, the engine assigns it), and no field is truncated:
//
// A value a field cannot hold is stored as that field's INVALID marker, never wrapped or truncated,
// so the engine rejects it with its own numbered code (bad input changes nothing; instrument 0
// would mean "every instrument" to a mass cancel, so an invalid instrument is 0xFFFFFFFF instead).
// A text id that is too long or not printable ASCII is stored as a 0xFF first byte (decoded as
// INVALID_TEXT_ID: INVALID_CLIENT_ORDER_ID, INVALID_DEPOSIT_ID); more deposit pairs than fit as a
// count of 0xFF (INVALID_DEPOSIT_ASSETS).
//
// Why 128 bytes: the 64-byte record had no room for a client's id, and ids of 64 bytes are what
// FIX ClOrdID and REST clients use in practice. Journal blocks of format version 1 hold the older
// 64-byte records; the readers widen them with a zero tail, which decodes as "no id" (format.ts).
import { type AdminArgs, type AssetAmount, blank, CLIENT_ID_MAX_BYTES, type Command, CommandKind, DEPOSIT_ID_MAX_BYTES, INVALID_TEXT_ID, MAX_DEPOSIT_ASSETS, validTextId } from '../engine/command.js';

export const COMMAND_RECORD_BYTES = 128;
/** The record of journal format version 1 (no text ids, one asset per deposit). */
export const COMMAND_RECORD_V1_BYTES = 64;
const INVALID_U8 = 0xff;
const INVALID_INSTRUMENT = 0xffff_ffff;
const INVALID_ASSET = 0xffff;
const FIRST_ADMIN_KIND = CommandKind.DEPOSIT;
/** An admin kind without arguments encodes as zeros (the engine then rejects its fields). */
const NO_ARGS: AdminArgs = { assetId: 0, amount: 0, limitKind: 0, flag: 0, actorId: 0, more: [], depositId: '' };
/** Account 0 is never valid, so it is the invalid marker. */
const INVALID_ACCOUNT = 0;
const TEXT_OFFSET = 64;
const EXTRA_COUNT_OFFSET = 1;
const EXTRA_ASSET_OFFSETS = [96, 98, 100, 102, 104] as const;
const EXTRA_AMOUNT_OFFSETS = [16, 40, 48, 112, 120] as const;
const MAX_EXTRA = MAX_DEPOSIT_ASSETS - 1;
/** Decoded when the record says "more pairs than fit": one past the maximum, so the engine rejects it. */
const TOO_MANY_PAIRS: readonly AssetAmount[] = Object.freeze(Array.from({ length: MAX_DEPOSIT_ASSETS }, () => ({ assetId: 0, amount: 0 })));

/** Routing for responses; not seen by the engine. */
export interface CommandOrigin {
  origin: number;
  requestId: number;
}

function u8(value: number): number {
  return Number.isInteger(value) && value >= 0 && value < INVALID_U8 ? value : INVALID_U8;
}

function u32(value: number, invalid: number): number {
  return Number.isInteger(value) && value >= 0 && value <= 0xffff_ffff && value !== invalid ? value : invalid;
}

function u16Asset(value: number): number {
  return Number.isInteger(value) && value >= 0 && value < INVALID_ASSET ? value : INVALID_ASSET;
}

/** Writes `text` as zero-padded ASCII in [at, at + bytes); '' as zeros; a value it cannot hold as the 0xFF marker. */
function writeTextId(view: DataView, at: number, bytes: number, text: string): void {
  for (let i = 0; i < bytes; i += 8) view.setFloat64(at + i, 0, true);
  if (text === '') return;
  if (!validTextId(text, bytes)) {
    view.setUint8(at, INVALID_U8);
    return;
  }
  for (let i = 0; i < text.length; i++) view.setUint8(at + i, text.charCodeAt(i));
}

/** Reads writeTextId()'s field: '' when it is all zero, INVALID_TEXT_ID when it is not clean ASCII then zeros. */
function readTextId(view: DataView, at: number, bytes: number): string {
  if (view.getUint8(at) === 0) return '';
  let text = '';
  let i = 0;
  for (; i < bytes; i++) {
    const c = view.getUint8(at + i);
    if (c === 0) break;
    if (c < 0x21 || c > 0x7e) return INVALID_TEXT_ID;
    text += String.fromCharCode(c);
  }
  for (; i < bytes; i++) if (view.getUint8(at + i) !== 0) return INVALID_TEXT_ID;
  return text;
}

export function encodeCommand(view: DataView, offset: number, command: Command, origin = 0, requestId = 0): void {
  view.setUint8(offset, u8(command.kind));
  view.setUint32(offset + 8, u32(command.instrumentId, INVALID_INSTRUMENT), true);
  view.setUint32(offset + 12, Number.isInteger(command.accountId) && command.accountId > 0 && command.accountId <= 0xffff_ffff ? command.accountId : INVALID_ACCOUNT, true);
  if (command.kind >= FIRST_ADMIN_KIND) encodeAdmin(view, offset, command.kind, command.admin ?? NO_ARGS);
  else encodeOrder(view, offset, command);
  view.setUint32(offset + 56, u32(origin, -1) >>> 0, true);
  view.setUint32(offset + 60, u32(requestId, -1) >>> 0, true);
}

function encodeOrder(view: DataView, offset: number, command: Command): void {
  view.setUint8(offset + 1, u8(command.side));
  view.setUint8(offset + 2, u8(command.orderType));
  view.setUint8(offset + 3, u8(command.timeInForce));
  view.setUint8(offset + 4, u8(command.postOnly));
  view.setUint8(offset + 5, u8(command.selfTradePrevention));
  view.setUint16(offset + 6, 0, true);
  const isPlace = command.kind === CommandKind.PLACE;
  view.setFloat64(offset + 16, isPlace ? command.maxNotional : command.orderId, true);
  view.setFloat64(offset + 24, command.priceTicks, true);
  view.setFloat64(offset + 32, command.quantityLots, true);
  view.setFloat64(offset + 40, command.stopPriceTicks, true);
  view.setFloat64(offset + 48, command.displayLots, true);
  writeTextId(view, offset + TEXT_OFFSET, CLIENT_ID_MAX_BYTES, isPlace ? command.clientOrderId : '');
}

function encodeAdmin(view: DataView, offset: number, kind: number, args: AdminArgs): void {
  const extra = args.more.length;
  view.setUint8(offset + EXTRA_COUNT_OFFSET, extra <= MAX_EXTRA ? extra : INVALID_U8);
  view.setUint8(offset + 2, u8(args.limitKind));
  view.setUint8(offset + 3, 0);
  view.setUint8(offset + 4, u8(args.flag));
  view.setUint8(offset + 5, 0);
  view.setUint16(offset + 6, u16Asset(args.assetId), true);
  view.setFloat64(offset + 24, args.amount, true);
  view.setFloat64(offset + 32, args.actorId, true);
  // Every byte of the tail is written: ring slots and journal buffers are reused.
  writeTextId(view, offset + TEXT_OFFSET, DEPOSIT_ID_MAX_BYTES, kind === CommandKind.DEPOSIT ? args.depositId : '');
  for (let i = 96; i < COMMAND_RECORD_BYTES; i += 8) view.setFloat64(offset + i, 0, true);
  for (let i = 0; i < MAX_EXTRA; i++) {
    const pair = extra <= MAX_EXTRA ? args.more[i] : undefined;
    view.setUint16(offset + (EXTRA_ASSET_OFFSETS[i] ?? 0), pair === undefined ? 0 : u16Asset(pair.assetId), true);
    view.setFloat64(offset + (EXTRA_AMOUNT_OFFSETS[i] ?? 0), pair === undefined ? 0 : pair.amount, true);
  }
}

/**
 * Decodes into `into` (reused: the engine keeps nothing of a command) and returns it. An admin
 * command gets a fresh `admin` object (they are rare); an order command's `admin` is undefined.
 */
export function decodeCommand(view: DataView, offset: number, into: Command = emptyCommand()): Command {
  const kind = view.getUint8(offset) as CommandKind;
  into.kind = kind;
  into.instrumentId = view.getUint32(offset + 8, true);
  into.accountId = view.getUint32(offset + 12, true);
  if (kind >= FIRST_ADMIN_KIND) {
    into.side = 0;
    into.orderType = 0;
    into.timeInForce = 0;
    into.postOnly = 0;
    into.selfTradePrevention = 0;
    into.orderId = 0;
    into.priceTicks = 0;
    into.quantityLots = 0;
    into.stopPriceTicks = 0;
    into.displayLots = 0;
    into.maxNotional = 0;
    into.clientOrderId = '';
    into.admin = decodeAdmin(view, offset, kind);
    return into;
  }
  into.side = view.getUint8(offset + 1);
  into.orderType = view.getUint8(offset + 2);
  into.timeInForce = view.getUint8(offset + 3);
  into.postOnly = view.getUint8(offset + 4);
  into.selfTradePrevention = view.getUint8(offset + 5);
  const slot = view.getFloat64(offset + 16, true);
  const isPlace = kind === CommandKind.PLACE;
  into.orderId = isPlace ? 0 : slot;
  into.maxNotional = isPlace ? slot : 0;
  into.priceTicks = view.getFloat64(offset + 24, true);
  into.quantityLots = view.getFloat64(offset + 32, true);
  into.stopPriceTicks = view.getFloat64(offset + 40, true);
  into.displayLots = view.getFloat64(offset + 48, true);
  into.clientOrderId = isPlace ? readTextId(view, offset + TEXT_OFFSET, CLIENT_ID_MAX_BYTES) : '';
  into.admin = undefined;
  return into;
}

function decodeAdmin(view: DataView, offset: number, kind: number): AdminArgs {
  const extra = view.getUint8(offset + EXTRA_COUNT_OFFSET);
  let more: readonly AssetAmount[] = [];
  if (extra > MAX_EXTRA) more = TOO_MANY_PAIRS;
  else if (extra > 0) {
    const pairs: AssetAmount[] = [];
    for (let i = 0; i < extra; i++) {
      pairs.push({ assetId: view.getUint16(offset + (EXTRA_ASSET_OFFSETS[i] ?? 0), true), amount: view.getFloat64(offset + (EXTRA_AMOUNT_OFFSETS[i] ?? 0), true) });
    }
    more = pairs;
  }
  return {
    assetId: view.getUint16(offset + 6, true),
    amount: view.getFloat64(offset + 24, true),
    limitKind: view.getUint8(offset + 2),
    flag: view.getUint8(offset + 4),
    actorId: view.getFloat64(offset + 32, true),
    more,
    depositId: kind === CommandKind.DEPOSIT ? readTextId(view, offset + TEXT_OFFSET, DEPOSIT_ID_MAX_BYTES) : '',
  };
}

export function decodeOrigin(view: DataView, offset: number, into: CommandOrigin = { origin: 0, requestId: 0 }): CommandOrigin {
  into.origin = view.getUint32(offset + 56, true);
  into.requestId = view.getUint32(offset + 60, true);
  return into;
}

export function emptyCommand(): Command {
  return blank(CommandKind.PLACE);
}
