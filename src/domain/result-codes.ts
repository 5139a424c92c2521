// Every reject and error the venue can return, in one place, banded by the stage that raises it
// (STYLE.md §7): validation 1xxx, risk 2xxx, matching 3xxx, session/auth 4xxx, internal 9xxx.
// Codes are stable: once published a number never changes meaning. Names are what APIs print.

export const ResultCode = {
  OK: 0,

  // 1xxx validation: the command is malformed or outside the instrument's static bounds.
  UNKNOWN_INSTRUMENT: 1001,
  INVALID_SIDE: 1002,
  INVALID_ORDER_TYPE: 1003,
  INVALID_TIME_IN_FORCE: 1004,
  PRICE_OUT_OF_BOUNDS: 1005,
  QUANTITY_OUT_OF_BOUNDS: 1006,
  PRICE_NOT_ON_TICK: 1007,
  QUANTITY_NOT_ON_LOT: 1008,
  INVALID_DECIMAL: 1009,
  DECIMAL_OUT_OF_RANGE: 1010,
  INVALID_DISPLAY_QUANTITY: 1011,
  INVALID_STOP_PRICE: 1012,
  POST_ONLY_NOT_ALLOWED: 1013,
  INVALID_SELF_TRADE_PREVENTION: 1014,
  NOTHING_TO_AMEND: 1015,
  INVALID_ACCOUNT: 1016,
  INVALID_COMMAND: 1017,
  PRICE_NOT_ALLOWED: 1018,
  INVALID_AMOUNT: 1019,
  UNKNOWN_ASSET: 1020,
  INVALID_LIMIT: 1021,
  INVALID_FLAG: 1022,
  INVALID_MAX_NOTIONAL: 1023,
  INVALID_REQUEST: 1024,
  REQUEST_TOO_LARGE: 1025,
  INVALID_CLIENT_ORDER_ID: 1026,
  INVALID_DEPOSIT_ID: 1027,
  INVALID_DEPOSIT_ASSETS: 1028,

  // 2xxx risk: the pre-trade gate refuses the order (or the admin command) for this account's state.
  INSUFFICIENT_BALANCE: 2001,
  MAX_ORDER_QUANTITY_EXCEEDED: 2002,
  MAX_ORDER_NOTIONAL_EXCEEDED: 2003,
  POSITION_LIMIT_EXCEEDED: 2004,
  PRICE_BAND_EXCEEDED: 2005,
  OPEN_ORDER_LIMIT_EXCEEDED: 2006,
  ORDER_RATE_EXCEEDED: 2007,
  DRAWDOWN_REDUCE_ONLY: 2008,
  ACCOUNT_KILL_SWITCH: 2009,
  INSTRUMENT_HALTED: 2010,
  MARKET_BUY_NEEDS_MAX_NOTIONAL: 2011,
  MARKET_BUY_EXCEEDS_MAX_NOTIONAL: 2012,
  AMOUNT_TOO_LARGE: 2013,
  DEPOSIT_ALREADY_APPLIED: 2014,
  DEPOSIT_ID_REUSED: 2015,

  // 3xxx matching: the command is well formed but the book's state refuses it.
  UNKNOWN_ORDER: 3001,
  POST_ONLY_WOULD_CROSS: 3002,
  FOK_CANNOT_FILL: 3003,
  BOOK_FULL: 3004,
  PRICE_LEVELS_FULL: 3005,
  STOP_WOULD_TRIGGER_IMMEDIATELY: 3006,
  AMEND_QUANTITY_NOT_ABOVE_FILLED: 3007,
  ORDER_NOT_AMENDABLE: 3008,
  NO_LIQUIDITY: 3009,
  DUPLICATE_CLIENT_ORDER_ID: 3010,
  CLIENT_ORDER_ID_DONE: 3011,

  // 4xxx session and authentication: who is asking, and may they.
  UNAUTHENTICATED: 4001,
  TOKEN_EXPIRED: 4002,
  FORBIDDEN: 4003,
  STALE_TIMESTAMP: 4004,
  NONCE_REUSED: 4005,
  BAD_SIGNATURE: 4006,
  UNKNOWN_KEY: 4007,
  RATE_LIMITED: 4008,
  TOO_MANY_CONNECTIONS: 4009,
  BANNED: 4010,
  BAD_CREDENTIALS: 4011,
  MFA_REQUIRED: 4012,
  BAD_MFA: 4013,
  MFA_REPLAYED: 4014,
  REFRESH_TOKEN_REUSED: 4015,
  SESSION_REVOKED: 4016,
  IP_NOT_ALLOWED: 4017,
  KEY_REVOKED: 4018,
  MFA_NOT_ENROLLED: 4019,
  SIGNED_BEFORE_START: 4020,
  // 41xx: the FIX gateway's own (src/fix/errors.ts names them without the prefix).
  FIX_GARBLED: 4101,
  FIX_HEADER_ORDER: 4102,
  FIX_BODY_LENGTH_MISMATCH: 4103,
  FIX_CHECKSUM_MISMATCH: 4104,
  FIX_MESSAGE_TOO_LARGE: 4105,
  FIX_VALUE_CONTAINS_SOH: 4106,
  FIX_DICTIONARY_INVALID: 4107,
  FIX_CONFIG_INVALID: 4108,
  FIX_STORE_CORRUPT: 4109,
  FIX_QUEUE_FULL: 4110,

  // 9xxx internal: the venue cannot answer now.
  INTERNAL_ERROR: 9001,
  UNAVAILABLE: 9002,
  PASSWORD_CHECKS_BUSY: 9003,
} as const;

export type ResultCode = (typeof ResultCode)[keyof typeof ResultCode];

const MESSAGES: Readonly<Record<ResultCode, string>> = {
  [ResultCode.OK]: 'ok',
  [ResultCode.UNKNOWN_INSTRUMENT]: 'the instrument does not exist',
  [ResultCode.INVALID_SIDE]: 'side must be buy or sell',
  [ResultCode.INVALID_ORDER_TYPE]: 'order type must be limit, market, stop or stop-limit',
  [ResultCode.INVALID_TIME_IN_FORCE]: 'time in force is not valid for this order type',
  [ResultCode.PRICE_OUT_OF_BOUNDS]: "price is outside the instrument's minimum and maximum price",
  [ResultCode.QUANTITY_OUT_OF_BOUNDS]: "quantity is outside the instrument's minimum and maximum quantity",
  [ResultCode.PRICE_NOT_ON_TICK]: "price is not a multiple of the instrument's tick size",
  [ResultCode.QUANTITY_NOT_ON_LOT]: "quantity is not a multiple of the instrument's lot size",
  [ResultCode.INVALID_DECIMAL]: 'not a plain decimal number such as "65000.50"',
  [ResultCode.DECIMAL_OUT_OF_RANGE]: 'the decimal is too large to be represented exactly',
  [ResultCode.INVALID_DISPLAY_QUANTITY]: 'display quantity must be positive and below the order quantity',
  [ResultCode.INVALID_STOP_PRICE]: 'stop price is missing, present on a non-stop order, or out of bounds',
  [ResultCode.POST_ONLY_NOT_ALLOWED]: 'post-only needs a limit order resting as GTC or DAY',
  [ResultCode.INVALID_SELF_TRADE_PREVENTION]: 'unknown self-trade prevention mode',
  [ResultCode.NOTHING_TO_AMEND]: 'an amend must change the price or the quantity',
  [ResultCode.INVALID_ACCOUNT]: 'account id must be a positive integer',
  [ResultCode.INVALID_COMMAND]: 'unknown command',
  [ResultCode.PRICE_NOT_ALLOWED]: 'a market order carries no limit price',
  [ResultCode.INVALID_AMOUNT]: 'amount must be a positive whole number of the asset\'s units',
  [ResultCode.UNKNOWN_ASSET]: 'the asset does not exist',
  [ResultCode.INVALID_LIMIT]: 'unknown limit, a value that is not a non-negative integer (or -1 to clear), or a scope the limit does not have',
  [ResultCode.INVALID_FLAG]: 'a switch must be 0 (off) or 1 (on)',
  [ResultCode.INVALID_MAX_NOTIONAL]: 'maximum notional must be a positive whole number of quote units, and only on a market buy',
  [ResultCode.INSUFFICIENT_BALANCE]: 'available balance does not cover the order (or the withdrawal)',
  [ResultCode.MAX_ORDER_QUANTITY_EXCEEDED]: "order quantity is above the account's maximum order quantity",
  [ResultCode.MAX_ORDER_NOTIONAL_EXCEEDED]: "order notional is above the account's maximum order notional",
  [ResultCode.POSITION_LIMIT_EXCEEDED]: "the position, if this and the account's open orders on that side filled, would exceed the position limit",
  [ResultCode.PRICE_BAND_EXCEEDED]: "limit price is outside the instrument's price band around the reference price",
  [ResultCode.OPEN_ORDER_LIMIT_EXCEEDED]: "the account already has its maximum number of open orders",
  [ResultCode.ORDER_RATE_EXCEEDED]: "the account's order rate limit is reached; retry later",
  [ResultCode.DRAWDOWN_REDUCE_ONLY]: 'the drawdown limit has tripped: only orders that reduce the position are accepted until a new period',
  [ResultCode.ACCOUNT_KILL_SWITCH]: "the account's kill switch is on: no new orders or amends",
  [ResultCode.INSTRUMENT_HALTED]: 'the instrument is halted',
  [ResultCode.MARKET_BUY_NEEDS_MAX_NOTIONAL]: 'no longer returned (reserved): a market buy without a maximum notional holds the cost of its quantity at the book',
  [ResultCode.MARKET_BUY_EXCEEDS_MAX_NOTIONAL]: "filling this market buy at the book's prices, fees included, could cost more than its maximum notional",
  [ResultCode.AMOUNT_TOO_LARGE]: "the venue's total of this asset would exceed 2^53 units",
  [ResultCode.UNKNOWN_ORDER]: 'no open order with this id in this instrument',
  [ResultCode.POST_ONLY_WOULD_CROSS]: 'post-only order would trade on arrival',
  [ResultCode.FOK_CANNOT_FILL]: 'fill-or-kill order cannot be filled in full on arrival',
  [ResultCode.BOOK_FULL]: "the instrument's order capacity is reached",
  [ResultCode.PRICE_LEVELS_FULL]: "the instrument's price-level capacity is reached",
  [ResultCode.STOP_WOULD_TRIGGER_IMMEDIATELY]: 'stop price is already reached by the last trade price',
  [ResultCode.AMEND_QUANTITY_NOT_ABOVE_FILLED]: 'amended quantity must exceed the quantity already filled',
  [ResultCode.ORDER_NOT_AMENDABLE]: 'a pending stop order cannot be amended; cancel and place it again',
  [ResultCode.INVALID_REQUEST]: 'the request is malformed: a field is missing, unknown or of the wrong type',
  [ResultCode.REQUEST_TOO_LARGE]: 'the request body is larger than the 64 KiB the API accepts',
  [ResultCode.UNAUTHENTICATED]: 'a valid bearer token is required (POST /v1/auth/token)',
  [ResultCode.TOKEN_EXPIRED]: 'the token has expired; get a new one',
  [ResultCode.FORBIDDEN]: 'this key may not do that',
  [ResultCode.STALE_TIMESTAMP]: 'the signed timestamp is more than 30 seconds from the server clock',
  [ResultCode.NONCE_REUSED]: 'this nonce was already used with this key',
  [ResultCode.BAD_SIGNATURE]: 'the HMAC-SHA256 signature does not match',
  [ResultCode.UNKNOWN_KEY]: 'no such API key',
  [ResultCode.RATE_LIMITED]: 'too many requests; slow down and retry later',
  [ResultCode.TOO_MANY_CONNECTIONS]: 'too many connections from this address',
  [ResultCode.BANNED]: 'this address is banned for a while after repeated authentication failures',
  [ResultCode.BAD_CREDENTIALS]: 'unknown user or wrong password',
  [ResultCode.MFA_REQUIRED]: 'a second factor is required',
  [ResultCode.BAD_MFA]: 'the second factor did not verify',
  [ResultCode.MFA_REPLAYED]: 'that one-time code was already used',
  [ResultCode.REFRESH_TOKEN_REUSED]: 'a spent refresh token was presented; the session is revoked',
  [ResultCode.SESSION_REVOKED]: 'the session has ended (logout, revocation or refresh token reuse)',
  [ResultCode.IP_NOT_ALLOWED]: "this address is not on the key's allow-list",
  [ResultCode.KEY_REVOKED]: 'the API key has been revoked',
  [ResultCode.MFA_NOT_ENROLLED]: 'enrol a second factor (security key or TOTP) before signing in',
  [ResultCode.SIGNED_BEFORE_START]: 'signed before the venue (re)started: sign a fresh request (this is not counted as a failure)',
  [ResultCode.FIX_GARBLED]: 'a FIX frame whose fields cannot be split (no "=", a non-numeric tag, no SOH at the end)',
  [ResultCode.FIX_HEADER_ORDER]: 'BeginString, BodyLength and MsgType must be the first three fields of a FIX message',
  [ResultCode.FIX_BODY_LENGTH_MISMATCH]: 'BodyLength (9) differs from the number of bytes before CheckSum (10)',
  [ResultCode.FIX_CHECKSUM_MISMATCH]: 'CheckSum (10) is missing, malformed or wrong',
  [ResultCode.FIX_MESSAGE_TOO_LARGE]: 'the FIX message is longer than the gateway accepts',
  [ResultCode.FIX_VALUE_CONTAINS_SOH]: 'a FIX value contains SOH (0x01) and is not a length-prefixed data field',
  [ResultCode.FIX_DICTIONARY_INVALID]: 'a FIX data dictionary file is not in the QuickFIX XML format',
  [ResultCode.FIX_CONFIG_INVALID]: 'the FIX acceptor or a session profile is configured inconsistently',
  [ResultCode.FIX_STORE_CORRUPT]: 'a FIX session store on disk cannot be read back',
  [ResultCode.FIX_QUEUE_FULL]: 'a FIX session queued too many messages ahead of a gap',
  [ResultCode.INTERNAL_ERROR]: 'internal error',
  [ResultCode.UNAVAILABLE]: 'the venue is not accepting requests now',
  [ResultCode.PASSWORD_CHECKS_BUSY]: 'the venue is checking as many passwords as it runs at once; retry in a second (HTTP 503)',
  [ResultCode.NO_LIQUIDITY]: 'market order found no opposite liquidity',
  [ResultCode.INVALID_CLIENT_ORDER_ID]: 'clientOrderId must be 1 to 64 printable ASCII characters (no spaces)',
  [ResultCode.INVALID_DEPOSIT_ID]: 'depositId must be 1 to 32 printable ASCII characters (no spaces)',
  [ResultCode.INVALID_DEPOSIT_ASSETS]: 'a deposit credits 1 to 6 different assets; other admin commands carry one asset and no depositId',
  [ResultCode.DEPOSIT_ID_REUSED]: 'this depositId was already applied to this account with other assets or amounts (at the seq given); nothing was credited',
  [ResultCode.DEPOSIT_ALREADY_APPLIED]: 'a deposit with this depositId was already applied to this account (at the seq given); nothing was credited again',
  [ResultCode.DUPLICATE_CLIENT_ORDER_ID]: "the account has an open order with this clientOrderId (its order id is given); nothing was placed",
  [ResultCode.CLIENT_ORDER_ID_DONE]: 'an order with this clientOrderId was already placed and is closed or was rejected; its final state is given and nothing was placed',
};

const NAMES: ReadonlyMap<number, string> = new Map(
  Object.entries(ResultCode).map(([name, code]) => [code, name]),
);

export function resultCodeName(code: number): string {
  const name = NAMES.get(code);
  if (name === undefined) throw new Error(`unknown result code ${code}`);
  return name;
}

export function resultCodeMessage(code: ResultCode): string {
  return MESSAGES[code];
}

/** "<code> <NAME>: <message>", the code's own message when none is given: where a protocol has only a text field (FIX Text 58). */
export function resultCodeText(code: number, message?: string): string {
  const detail = message === undefined || message === '' ? resultCodeMessage(code as ResultCode) : message;
  return `${code} ${resultCodeName(code)}: ${detail}`;
}

export function isResultCode(code: number): code is ResultCode {
  return NAMES.has(code);
}
