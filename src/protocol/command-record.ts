// Commands as fixed-size binary records: what gateways publish into the input ring and what the
// journal stores. 64 bytes, little-endian. Order commands (kinds 1-6):
//
//   0  u8  kind            4  u8  postOnly          8 u32 instrumentId   16 f64 orderId (CANCEL, AMEND)
//   1  u8  side            5  u8  selfTradePrev.   12 u32 accountId         or maxNotional (PLACE)
//   2  u8  orderType       6  u16 (zero)                                 24 f64 priceTicks
//   3  u8  timeInForce                                                   32 f64 quantityLots
//  40 f64 stopPriceTicks  48 f64 displayLots
//
// Admin commands of the risk gate (kinds 7-12): 2 u8 limitKind, 4 u8 flag, 6 u16 assetId,
// 8 u32 instrumentId, 12 u32 accountId, 24 f64 amount (or limit value), 32 f64 actorId.
// Both: 56 u32 origin (gateway session), 60 u32 requestId (per origin). Each kind has its own
// layout (a PLACE never carries an order id, the engine assigns it), and no field is truncated:
//
// A value a field cannot hold is stored as that field's INVALID marker, never wrapped or truncated,
// so the engine rejects it with its own numbered code (bad input changes nothing; instrument 0
// would mean "every instrument" to a mass cancel, so an invalid instrument is 0xFFFFFFFF instead).
import { type AdminArgs, blank, type Command, CommandKind } from '../engine/command.js';

export const COMMAND_RECORD_BYTES = 64;
const INVALID_U8 = 0xff;
const INVALID_INSTRUMENT = 0xffff_ffff;
const INVALID_ASSET = 0xffff;
const FIRST_ADMIN_KIND = CommandKind.DEPOSIT;
/** An admin kind without arguments encodes as zeros (the engine then rejects its fields). */
const NO_ARGS: AdminArgs = { assetId: 0, amount: 0, limitKind: 0, flag: 0, actorId: 0 };
/** Account 0 is never valid, so it is the invalid marker. */
const INVALID_ACCOUNT = 0;

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

export function encodeCommand(view: DataView, offset: number, command: Command, origin = 0, requestId = 0): void {
  const args = command.kind >= FIRST_ADMIN_KIND ? (command.admin ?? NO_ARGS) : undefined;
  view.setUint8(offset, u8(command.kind));
  view.setUint32(offset + 8, u32(command.instrumentId, INVALID_INSTRUMENT), true);
  view.setUint32(offset + 12, Number.isInteger(command.accountId) && command.accountId > 0 && command.accountId <= 0xffff_ffff ? command.accountId : INVALID_ACCOUNT, true);
  if (args !== undefined) {
    view.setUint8(offset + 1, 0);
    view.setUint8(offset + 2, u8(args.limitKind));
    view.setUint8(offset + 3, 0);
    view.setUint8(offset + 4, u8(args.flag));
    view.setUint8(offset + 5, 0);
    view.setUint16(offset + 6, Number.isInteger(args.assetId) && args.assetId >= 0 && args.assetId < INVALID_ASSET ? args.assetId : INVALID_ASSET, true);
    view.setFloat64(offset + 16, 0, true);
    view.setFloat64(offset + 24, args.amount, true);
    view.setFloat64(offset + 32, args.actorId, true);
    view.setFloat64(offset + 40, 0, true);
    view.setFloat64(offset + 48, 0, true);
  } else {
    view.setUint8(offset + 1, u8(command.side));
    view.setUint8(offset + 2, u8(command.orderType));
    view.setUint8(offset + 3, u8(command.timeInForce));
    view.setUint8(offset + 4, u8(command.postOnly));
    view.setUint8(offset + 5, u8(command.selfTradePrevention));
    view.setUint16(offset + 6, 0, true);
    view.setFloat64(offset + 16, command.kind === CommandKind.PLACE ? command.maxNotional : command.orderId, true);
    view.setFloat64(offset + 24, command.priceTicks, true);
    view.setFloat64(offset + 32, command.quantityLots, true);
    view.setFloat64(offset + 40, command.stopPriceTicks, true);
    view.setFloat64(offset + 48, command.displayLots, true);
  }
  view.setUint32(offset + 56, u32(origin, -1) >>> 0, true);
  view.setUint32(offset + 60, u32(requestId, -1) >>> 0, true);
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
    into.admin = {
      assetId: view.getUint16(offset + 6, true),
      amount: view.getFloat64(offset + 24, true),
      limitKind: view.getUint8(offset + 2),
      flag: view.getUint8(offset + 4),
      actorId: view.getFloat64(offset + 32, true),
    };
    return into;
  }
  into.side = view.getUint8(offset + 1);
  into.orderType = view.getUint8(offset + 2);
  into.timeInForce = view.getUint8(offset + 3);
  into.postOnly = view.getUint8(offset + 4);
  into.selfTradePrevention = view.getUint8(offset + 5);
  const slot = view.getFloat64(offset + 16, true);
  into.orderId = kind === CommandKind.PLACE ? 0 : slot;
  into.maxNotional = kind === CommandKind.PLACE ? slot : 0;
  into.priceTicks = view.getFloat64(offset + 24, true);
  into.quantityLots = view.getFloat64(offset + 32, true);
  into.stopPriceTicks = view.getFloat64(offset + 40, true);
  into.displayLots = view.getFloat64(offset + 48, true);
  into.admin = undefined;
  return into;
}

export function decodeOrigin(view: DataView, offset: number, into: CommandOrigin = { origin: 0, requestId: 0 }): CommandOrigin {
  into.origin = view.getUint32(offset + 56, true);
  into.requestId = view.getUint32(offset + 60, true);
  return into;
}

export function emptyCommand(): Command {
  return blank(CommandKind.PLACE);
}
