// Commands into the matching engine. One object shape for every kind, all fields numeric, so the
// engine's property loads stay monomorphic on the hot path; the factories below fill the unused
// fields with 0 and are the readable way to build commands.

export const CommandKind = {
  PLACE: 1,
  CANCEL: 2,
  AMEND: 3,
  MASS_CANCEL: 4,
  END_OF_DAY: 5,
  SET_ACCOUNT_STP: 6,
  // Admin commands of the risk gate (engines built without one reject them with INVALID_COMMAND).
  DEPOSIT: 7,
  WITHDRAW: 8,
  SET_LIMIT: 9,
  SET_KILL_SWITCH: 10,
  SET_HALT: 11,
  START_PERIOD: 12,
} as const;
// Time in force by order type: LIMIT any; MARKET IOC or FOK; STOP (market once triggered) GTC or DAY,
// the lifetime of the pending stop; STOP_LIMIT any, applying to the limit order once triggered
// (GTC and DAY also bound the pending stop's life).
export type CommandKind = (typeof CommandKind)[keyof typeof CommandKind];

export const Side = { BUY: 1, SELL: 2 } as const;
export type Side = (typeof Side)[keyof typeof Side];

export const OrderType = { LIMIT: 1, MARKET: 2, STOP: 3, STOP_LIMIT: 4 } as const;
export type OrderType = (typeof OrderType)[keyof typeof OrderType];

export const TimeInForce = { GTC: 1, IOC: 2, FOK: 3, DAY: 4 } as const;
export type TimeInForce = (typeof TimeInForce)[keyof typeof TimeInForce];

/**
 * Self-trade prevention, applied when an incoming order would trade with a resting order of the same
 * account. ACCOUNT_DEFAULT (0) on an order means "use the account's setting" (SET_ACCOUNT_STP).
 */
export const SelfTradePrevention = {
  ACCOUNT_DEFAULT: 0,
  NONE: 1,
  CANCEL_NEWEST: 2,
  CANCEL_OLDEST: 3,
  CANCEL_BOTH: 4,
  DECREMENT_AND_CANCEL: 5,
} as const;
export type SelfTradePrevention = (typeof SelfTradePrevention)[keyof typeof SelfTradePrevention];

export interface Command {
  kind: CommandKind;
  /** Instrument id; for MASS_CANCEL and END_OF_DAY 0 means every instrument. */
  instrumentId: number;
  /** Target of CANCEL and AMEND. A PLACE gets its order id from the engine: the command's seq. */
  orderId: number;
  accountId: number;
  /** Side; for MASS_CANCEL 0 means both sides. */
  side: number;
  orderType: number;
  timeInForce: number;
  /** Limit price (LIMIT, STOP_LIMIT) or the new price of an AMEND (0 = unchanged). */
  priceTicks: number;
  /** Order quantity, or the new total quantity of an AMEND (0 = unchanged). */
  quantityLots: number;
  /** Trigger price of STOP and STOP_LIMIT. */
  stopPriceTicks: number;
  /** Iceberg: the displayed tip size; 0 = the whole order is displayed. */
  displayLots: number;
  /** 1 = post-only. */
  postOnly: number;
  /** SelfTradePrevention for PLACE and SET_ACCOUNT_STP. */
  selfTradePrevention: number;
  /** PLACE, market buy in spot mode: the most quote (asset units) it may spend, fees included. */
  maxNotional: number;
  /**
   * PLACE: the client's own id for the order, unique per account (src/engine/client-ids.ts); '' =
   * none. 1..CLIENT_ID_MAX_BYTES printable ASCII; anything else is rejected INVALID_CLIENT_ORDER_ID
   * (a record decoder hands over a field it could not read as INVALID_TEXT_ID). A string, not a
   * number: a place without one carries '' (one interned constant) and costs one comparison.
   */
  clientOrderId: string;
  /**
   * The risk gate's admin commands carry their arguments here; order commands have undefined. One
   * field rather than five keeps order commands small: in the benchmarks, which hold millions of
   * commands in memory, five more numeric fields per command cost about 10% of engine throughput.
   */
  admin: AdminArgs | undefined;
}

export interface AdminArgs {
  /** DEPOSIT, WITHDRAW: the asset (RiskGate asset id). */
  assetId: number;
  /** DEPOSIT, WITHDRAW: asset units; SET_LIMIT: the limit's value (0 = no limit, -1 = clear the override). */
  amount: number;
  /** SET_LIMIT: a LimitKind. */
  limitKind: number;
  /** SET_KILL_SWITCH, SET_HALT: 1 on, 0 off. */
  flag: number;
  /** Who gave the command (an operator's user id), kept in the audit events. */
  actorId: number;
  /**
   * DEPOSIT: further (asset, amount) pairs credited together with the first, all or none; at most
   * MAX_DEPOSIT_ASSETS - 1, each asset once. Empty for every other command.
   */
  more: readonly AssetAmount[];
  /**
   * DEPOSIT: the operator's id for this deposit, unique per account ('' = none): a deposit whose id
   * was already applied to the account credits nothing again. 1..DEPOSIT_ID_MAX_BYTES printable ASCII.
   */
  depositId: string;
}

export interface AssetAmount {
  readonly assetId: number;
  readonly amount: number;
}

/** Most assets one DEPOSIT credits (what the 128-byte command record holds; src/protocol/command-record.ts). */
export const MAX_DEPOSIT_ASSETS = 6;
/** Longest clientOrderId, in bytes of printable ASCII. */
export const CLIENT_ID_MAX_BYTES = 64;
/** Longest depositId. */
export const DEPOSIT_ID_MAX_BYTES = 32;
/**
 * What a record decoder puts in a text id field it could not read (the encoder's marker for a value
 * the field cannot hold: too long, not printable ASCII). Not printable, so validation rejects it.
 */
export const INVALID_TEXT_ID = '\u007f';

/** 1..maxBytes characters, each printable ASCII other than space (0x21..0x7E). */
export function validTextId(text: string, maxBytes: number): boolean {
  const length = text.length;
  if (length === 0 || length > maxBytes) return false;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

/** A command of `kind` with every other field 0 (decoders fill one in place). */
export function blank(kind: CommandKind): Command {
  return {
    kind,
    instrumentId: 0,
    orderId: 0,
    accountId: 0,
    side: 0,
    orderType: 0,
    timeInForce: 0,
    priceTicks: 0,
    quantityLots: 0,
    stopPriceTicks: 0,
    displayLots: 0,
    postOnly: 0,
    selfTradePrevention: 0,
    maxNotional: 0,
    clientOrderId: '',
    admin: undefined,
  };
}

export interface PlaceArgs {
  instrumentId: number;
  accountId: number;
  side: Side;
  quantityLots: number;
  orderType?: OrderType;
  timeInForce?: TimeInForce;
  priceTicks?: number;
  stopPriceTicks?: number;
  displayLots?: number;
  postOnly?: boolean;
  selfTradePrevention?: SelfTradePrevention;
  /** Market buys in spot mode: the most quote it may spend, in quote asset units. */
  maxNotional?: number;
  /** The client's id for the order, unique per account (1..64 printable ASCII). */
  clientOrderId?: string;
}

export function place(args: PlaceArgs): Command {
  const command = blank(CommandKind.PLACE);
  const orderType = args.orderType ?? OrderType.LIMIT;
  command.instrumentId = args.instrumentId;
  command.accountId = args.accountId;
  command.side = args.side;
  command.orderType = orderType;
  command.timeInForce = args.timeInForce ?? (orderType === OrderType.MARKET ? TimeInForce.IOC : TimeInForce.GTC);
  command.priceTicks = args.priceTicks ?? 0;
  command.quantityLots = args.quantityLots;
  command.stopPriceTicks = args.stopPriceTicks ?? 0;
  command.displayLots = args.displayLots ?? 0;
  command.postOnly = args.postOnly === true ? 1 : 0;
  command.selfTradePrevention = args.selfTradePrevention ?? SelfTradePrevention.ACCOUNT_DEFAULT;
  command.maxNotional = args.maxNotional ?? 0;
  command.clientOrderId = args.clientOrderId ?? '';
  return command;
}

export function cancel(instrumentId: number, accountId: number, orderId: number): Command {
  const command = blank(CommandKind.CANCEL);
  command.instrumentId = instrumentId;
  command.accountId = accountId;
  command.orderId = orderId;
  return command;
}

/** Amend price and/or total quantity (FIX semantics: the new order quantity including fills). */
export function amend(instrumentId: number, accountId: number, orderId: number, change: { priceTicks?: number; quantityLots?: number }): Command {
  const command = blank(CommandKind.AMEND);
  command.instrumentId = instrumentId;
  command.accountId = accountId;
  command.orderId = orderId;
  command.priceTicks = change.priceTicks ?? 0;
  command.quantityLots = change.quantityLots ?? 0;
  return command;
}

/** Cancel an account's open orders: every instrument (instrumentId 0) or one, both sides (0) or one. */
export function massCancel(accountId: number, instrumentId = 0, side: 0 | Side = 0): Command {
  const command = blank(CommandKind.MASS_CANCEL);
  command.accountId = accountId;
  command.instrumentId = instrumentId;
  command.side = side;
  return command;
}

/** Expire every DAY order (resting or pending stop) of one instrument, or of all (0). */
export function endOfDay(instrumentId = 0): Command {
  const command = blank(CommandKind.END_OF_DAY);
  command.instrumentId = instrumentId;
  return command;
}

export function setAccountSelfTradePrevention(accountId: number, mode: SelfTradePrevention): Command {
  const command = blank(CommandKind.SET_ACCOUNT_STP);
  command.accountId = accountId;
  command.selfTradePrevention = mode;
  return command;
}

const NO_MORE: readonly AssetAmount[] = Object.freeze([]);

function admin(kind: CommandKind, accountId: number, actorId: number): Command & { admin: AdminArgs } {
  const command = blank(kind);
  command.accountId = accountId;
  const args: AdminArgs = { assetId: 0, amount: 0, limitKind: 0, flag: 0, actorId, more: NO_MORE, depositId: '' };
  command.admin = args;
  return command as Command & { admin: AdminArgs };
}

/** Credit an account with `amount` units of an asset (an operator confirmed the funds arrived). */
export function deposit(accountId: number, assetId: number, amount: number, actorId = 0): Command {
  const command = admin(CommandKind.DEPOSIT, accountId, actorId);
  command.admin.assetId = assetId;
  command.admin.amount = amount;
  return command;
}

/**
 * One deposit of several assets (1..MAX_DEPOSIT_ASSETS, each once), credited all or none. With a
 * depositId, a retry of an applied deposit credits nothing and is answered DEPOSIT_ALREADY_APPLIED
 * naming the seq of the first. An empty `credits` encodes as asset 0 (rejected UNKNOWN_ASSET).
 */
export function depositAll(args: { accountId: number; credits: readonly AssetAmount[]; depositId?: string; actorId?: number }): Command {
  const command = admin(CommandKind.DEPOSIT, args.accountId, args.actorId ?? 0);
  const [first, ...more] = args.credits;
  command.admin.assetId = first?.assetId ?? 0;
  command.admin.amount = first?.amount ?? 0;
  command.admin.more = more.map((c) => ({ assetId: c.assetId, amount: c.amount }));
  command.admin.depositId = args.depositId ?? '';
  return command;
}

/** Debit an account's available (unheld) balance. */
export function withdraw(accountId: number, assetId: number, amount: number, actorId = 0): Command {
  const command = admin(CommandKind.WITHDRAW, accountId, actorId);
  command.admin.assetId = assetId;
  command.admin.amount = amount;
  return command;
}

/**
 * Set one risk limit. accountId 0 sets the venue-wide default; instrumentId 0 the value for every
 * instrument (instrument-scoped limits) or the account-level value. value 0 = no limit; -1 clears
 * the override so the next wider scope applies again. See src/risk/limits.ts.
 */
export function setLimit(args: { accountId: number; instrumentId: number; kind: number; value: number; actorId?: number }): Command {
  const command = admin(CommandKind.SET_LIMIT, args.accountId, args.actorId ?? 0);
  command.instrumentId = args.instrumentId;
  command.admin.limitKind = args.kind;
  command.admin.amount = args.value;
  return command;
}

/** Kill switch of one account: on cancels every open order and refuses new orders until off. */
export function setKillSwitch(accountId: number, on: boolean, actorId = 0): Command {
  const command = admin(CommandKind.SET_KILL_SWITCH, accountId, actorId);
  command.admin.flag = on ? 1 : 0;
  return command;
}

/** Venue-wide halt of one instrument: on cancels every open order in it and refuses new ones. */
export function setHalt(instrumentId: number, on: boolean, actorId = 0): Command {
  const command = admin(CommandKind.SET_HALT, 0, actorId);
  command.instrumentId = instrumentId;
  command.admin.flag = on ? 1 : 0;
  return command;
}

/** Start a new drawdown period for one account (0 = every account): equity now is the new start. */
export function startPeriod(accountId: number, actorId = 0): Command {
  return admin(CommandKind.START_PERIOD, accountId, actorId);
}
