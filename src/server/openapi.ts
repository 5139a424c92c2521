// The REST API's route schemas, from which @fastify/swagger generates the OpenAPI 3.1 document
// (GET /v1/openapi.json, and the docs page at /docs). Request schemas check shapes and types only;
// values (sides, decimals, enums) are checked by the handlers, so that each refusal carries the
// venue's own numbered code. Response schemas list the documented fields and allow more
// (additionalProperties), so the serializer never drops a field the handler returns.
import type { FastifySchema } from 'fastify';

type Schema = Record<string, unknown>;

const str = (description?: string): Schema => (description === undefined ? { type: 'string' } : { type: 'string', description });
const int = (description?: string): Schema => (description === undefined ? { type: 'integer' } : { type: 'integer', description });
const bool: Schema = { type: 'boolean' };
const decimal = (what: string): Schema => ({ type: 'string', description: `${what}, a decimal string in the instrument's or asset's units, e.g. "65012.50"`, examples: ['65012.50'] });
const object = (properties: Record<string, Schema>, required: string[] = [], closed = false): Schema => ({ type: 'object', properties, required, additionalProperties: !closed });
const array = (items: Schema): Schema => ({ type: 'array', items });

const error: Schema = object({ error: object({ code: int('numbered result code (src/domain/result-codes.ts)'), name: str(), message: str() }, ['code', 'name', 'message']) }, ['error']);
const fill: Schema = object({ tradeId: int(), price: decimal('price'), quantity: decimal('quantity'), liquidity: { type: 'string', enum: ['maker', 'taker'] }, fee: decimal('fee (negative: a rebate)'), feeAsset: str() });
const order: Schema = object({
  orderId: int('the seq of the command that placed it'),
  clientOrderId: str(),
  symbol: str(),
  side: { type: 'string', enum: ['buy', 'sell'] },
  type: { type: 'string', enum: ['limit', 'market', 'stop', 'stop_limit'] },
  timeInForce: { type: 'string', enum: ['GTC', 'IOC', 'FOK', 'DAY'] },
  price: decimal('limit price'),
  stopPrice: decimal('trigger price'),
  quantity: decimal('quantity'),
  filledQuantity: decimal('filled quantity'),
  status: { type: 'string', enum: ['new', 'partially_filled', 'filled', 'cancelled', 'expired', 'pending_trigger'] },
  fills: array(fill),
});
const symbolParam: Schema = object({ symbol: str('instrument symbol, e.g. BTC-USD') }, ['symbol']);
const idParam: Schema = object({ id: str('order or account id') }, ['id']);
const responses = (ok: Schema, status = 200): Record<string, Schema> => ({ [status]: ok, '4xx': error, '5xx': error });

const PUBLIC = ['public'];
const TRADING = ['trading'];
const ADMIN = ['admin'];
const bearer = [{ bearer: [] }];

export const ROUTE_SCHEMAS: Readonly<Record<string, FastifySchema & Record<string, unknown>>> = {
  'GET /v1/health': { tags: PUBLIC, summary: 'Liveness, the replica seq and the durable seq', response: responses(object({ status: str(), seq: int(), durableSeq: int() })) },
  'GET /v1/instruments': { tags: PUBLIC, summary: 'Instruments: tick, lot, bounds, matching policy, fees, halt', response: responses(array(object({ symbol: str(), baseAsset: str(), quoteAsset: str(), tickSize: str(), lotSize: str(), makerFeeBps: int(), takerFeeBps: int(), halted: bool }))) },
  'GET /v1/book/:symbol': {
    tags: PUBLIC,
    summary: 'L2 book: displayed quantity per price level, best first',
    params: symbolParam,
    querystring: object({ depth: str('levels per side, 1..1000 (default 20)') }),
    response: responses(object({ symbol: str(), seq: int(), bids: array(array(str())), asks: array(array(str())) })),
  },
  'GET /v1/trades/:symbol': { tags: PUBLIC, summary: 'Recent trades, newest first', params: symbolParam, querystring: object({ limit: str('1..1000') }), response: responses(array(object({ tradeId: int(), price: decimal('price'), quantity: decimal('quantity'), side: str('aggressor side'), time: str(), seq: int() }))) },
  'GET /v1/candles/:symbol': {
    tags: PUBLIC,
    summary: 'OHLCV candles from the trades since start, oldest first',
    params: symbolParam,
    querystring: object({ interval: str('1m, 5m, 15m, 1h, 4h or 1d'), limit: str() }),
    response: responses(array(object({ start: str(), open: str(), high: str(), low: str(), close: str(), volume: str(), trades: int() }))),
  },
  'POST /v1/auth/token': {
    tags: PUBLIC,
    summary: 'Trade an API-key signature for a 60-second token',
    description: 'signature = hex(HMAC-SHA256(secret, keyId + "\\n" + timestamp + "\\n" + nonce)); timestamp within 30 s of the server clock; a nonce is used once.',
    body: object({ keyId: str(), timestamp: { type: 'number', description: 'ms since the epoch' }, nonce: str('8 to 64 characters, never reused'), signature: str('64 hex digits') }, ['keyId', 'timestamp', 'nonce', 'signature']),
    response: responses(object({ token: str('EdDSA JWT'), expiresAt: int('ms since the epoch'), accountId: int() })),
  },
  'POST /v1/orders': {
    tags: TRADING,
    security: bearer,
    summary: 'Place an order; answered once it is durable, with its fills',
    body: object(
      {
        symbol: str(),
        side: str('buy or sell'),
        type: str('limit (default), market, stop or stop_limit'),
        price: decimal('limit price'),
        quantity: decimal('quantity'),
        timeInForce: str('GTC (default for limit), IOC (default for market), FOK or DAY'),
        postOnly: bool,
        clientOrderId: str('1..64 characters; a retry with the same id gets the first answer'),
        stopPrice: decimal('trigger price of stop and stop_limit'),
        displayQuantity: decimal('iceberg: the quantity shown'),
        selfTradePrevention: str('account_default, none, cancel_newest, cancel_oldest, cancel_both, decrement_and_cancel'),
        maxNotional: decimal('market buys, optional: the most quote asset to spend, fees included; without it the gate holds what the resting asks would cost at their prices'),
      },
      ['symbol', 'side'],
    ),
    response: responses(order, 201),
  },
  'GET /v1/orders': { tags: TRADING, security: bearer, summary: "The account's open orders", querystring: object({ symbol: str() }), response: responses(array(order)) },
  'GET /v1/orders/:id': { tags: TRADING, security: bearer, summary: 'One open order of the account', params: idParam, response: responses(order) },
  'PATCH /v1/orders/:id': { tags: TRADING, security: bearer, summary: 'Amend price and/or total quantity', params: idParam, body: object({ price: decimal('new price'), quantity: decimal('new total quantity') }), response: responses(order) },
  'DELETE /v1/orders/:id': { tags: TRADING, security: bearer, summary: 'Cancel an order', params: idParam, response: responses(object({ orderId: int(), status: str() })) },
  'DELETE /v1/orders': { tags: TRADING, security: bearer, summary: "Cancel the account's open orders (one symbol or all)", querystring: object({ symbol: str() }), response: responses(object({ cancelled: array(int()) })) },
  'GET /v1/fills': { tags: TRADING, security: bearer, summary: "The account's fills, newest first", querystring: object({ symbol: str(), limit: str() }), response: responses(array(object({ tradeId: int(), orderId: int(), symbol: str(), side: str(), price: str(), quantity: str(), liquidity: str(), fee: str(), feeAsset: str(), time: str() }))) },
  'GET /v1/account': {
    tags: TRADING,
    security: bearer,
    summary: 'Balances, holds, positions and risk state of the account',
    response: responses(object({ accountId: int(), balances: array(object({ asset: str(), total: str(), held: str(), available: str() })), positions: array(object({ symbol: str(), quantity: str(), averageEntryPrice: str(), realizedPnl: str(), unrealizedPnl: str(), feesPaid: str() })), killSwitch: bool, drawdownTripped: bool, openOrders: int() })),
  },
  'POST /v1/admin/accounts': {
    tags: ADMIN,
    security: bearer,
    summary: 'Create an account with deposits; returns its API key and secret (shown once)',
    body: object({ name: str(), deposits: { type: 'object', additionalProperties: { type: 'string' }, description: 'asset → decimal amount' } }, ['name']),
    response: responses(object({ accountId: int(), name: str(), keyId: str(), secret: str() }), 201),
  },
  'POST /v1/admin/accounts/:id/deposits': {
    tags: ADMIN,
    security: bearer,
    summary: 'Deposit into an account: every asset or none; a depositId already applied credits nothing again (replayed: true)',
    params: idParam,
    body: {
      type: 'object',
      description: '{"deposits": {asset: decimal}, "depositId"?: 1-32 printable ASCII}, or the bare {asset: decimal}',
      properties: { deposits: { type: 'object', additionalProperties: { type: 'string' } }, depositId: { type: 'string' } },
      additionalProperties: { type: 'string' },
    },
    response: responses(object({})),
  },
  'PUT /v1/admin/accounts/:id/limits': {
    tags: ADMIN,
    security: bearer,
    summary: 'Set one risk limit of an account (0 = no limit, -1 = clear); see docs/risk.md',
    params: idParam,
    body: object({ limit: str('maxOrderQuantity, maxOrderNotional, maxPosition, maxOpenOrders, orderRate, orderBurst, drawdownBps, drawdownCancel'), symbol: str(), value: { type: 'number' } }, ['limit', 'value']),
    response: responses(object({})),
  },
  'POST /v1/admin/accounts/:id/kill-switch': { tags: ADMIN, security: bearer, summary: 'Kill switch: cancel everything open and refuse new orders until off', params: idParam, body: object({ on: bool }, ['on']), response: responses(object({ accountId: int(), killSwitch: bool })) },
  'POST /v1/admin/instruments/:symbol/halt': { tags: ADMIN, security: bearer, summary: 'Halt an instrument: cancel every open order and refuse new ones until lifted', params: symbolParam, body: object({ on: bool }, ['on']), response: responses(object({ symbol: str(), halted: bool })) },
};

export const OPENAPI_INFO = {
  // 3.1: schemas are JSON Schema, as fastify's are.
  openapi: '3.1.0' as const,
  info: {
    title: 'Kapita REST API',
    version: '1.0.0',
    description: 'Decimals are strings. Errors are {"error":{"code","name","message"}} with the venue\'s numbered codes. The WebSocket API (/v1/ws) is described by proto/kapita/v1/kapita.proto.',
  },
  components: { securitySchemes: { bearer: { type: 'http' as const, scheme: 'bearer', bearerFormat: 'JWT' } } },
};
