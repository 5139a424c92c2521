// The Kapita client SDK: KapitaClient over the WebSocket API (/v1/ws), with token refresh, request
// correlation, execution reports, market data and an L2 LocalOrderBook with gap recovery.
export { type Authentication, type ConnectOptions, KapitaClient, type Subscription } from './client.js';
export { signTokenRequest } from './token.js';
export { type BookHandler, type BookHooks, compareDecimals, LocalOrderBook, type UpdateResult } from './book.js';
export { KapitaConnectionError, KapitaError, KapitaTimeoutError } from './errors.js';
export type {
  AmendRequest,
  BookSnapshot,
  BookUpdate,
  CancelResult,
  ExecType,
  ExecutionReport,
  Fill,
  Level,
  LevelChange,
  Liquidity,
  Order,
  OrderStatus,
  OrderType,
  PlaceOrderRequest,
  SelfTradePrevention,
  Side,
  TimeInForce,
  TopOfBook,
  Trade,
} from './types.js';
