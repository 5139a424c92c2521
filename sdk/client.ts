// KapitaClient: one WebSocket connection to the venue's /v1/ws API (see docs/server.md), in protobuf
// binary frames or proto3 JSON text frames.
//
// - Session: connect() gets a token from POST /v1/auth/token (HMAC-SHA256 over keyId\ntimestamp\nnonce)
//   and sends it in an AuthRequest. The token lives 60 s on the venue's clock; the client gets a new
//   one and sends a new AuthRequest refreshMarginMs before it expires, so the venue never closes the
//   connection for expiry (4401). The venue's clock is measured with a Ping at connect and after
//   every authentication (offset = pong time − midpoint of the round trip); token timestamps and the
//   refresh time are computed on it, so a client clock that is off (or a venue clock that jumps)
//   does not make the refresh late.
// - Requests carry a request_id; the answer with the same id resolves the request's promise, an
//   Error answer rejects it with KapitaError (the venue's code, name and message), no answer within
//   requestTimeoutMs rejects it with KapitaTimeoutError, and a closed connection with
//   KapitaConnectionError.
// - Subscriptions: execution reports (ORDERS), trades, top of book (L1) and an L2 LocalOrderBook that
//   detects gaps and resubscribes for a fresh snapshot. Handlers of the same stream share one
//   venue subscription.
//
// The client does not reconnect: after a close (onClose), make a new one with connect().
import { type RawData, WebSocket } from 'ws';
import { decodeEnvelope, type Envelope, type EnvelopeInput, encodeEnvelope, envelopeFromJson, envelopeToJson, type kapita, pb } from './protocol.js';
import { type BookHandler, LocalOrderBook } from './book.js';
import { asError, KapitaConnectionError, KapitaError, KapitaTimeoutError } from './errors.js';
import { endpoints, fetchToken, type TokenSource } from './token.js';
import {
  type AmendRequest,
  type CancelResult,
  cancelFrom,
  errorOf,
  type ExecutionReport,
  num,
  type Order,
  orderFrom,
  type PlaceOrderRequest,
  placeOrderMessage,
  reportFrom,
  snapshotFrom,
  type TopOfBook,
  topFrom,
  type Trade,
  tradeFrom,
  updateFrom,
} from './types.js';

export interface ConnectOptions {
  /** The venue's base URL, e.g. https://127.0.0.1:8443 (REST); the WebSocket is {url}/v1/ws. ws:// and wss:// are accepted too. */
  readonly url: string;
  readonly keyId: string;
  readonly secret: string;
  /** Frame format: protobuf binary (default) or proto3 JSON text. */
  readonly format?: 'binary' | 'json';
  /** How long a request waits for its answer. Default 10 000 ms. */
  readonly requestTimeoutMs?: number;
  /** How long before the token's expiry (on the venue's clock) a new token is sent. Default 10 000 ms. */
  readonly refreshMarginMs?: number;
  /** Refresh the token before expiry (default true). Without it the venue closes the connection (4401) when the first token expires. */
  readonly autoRefresh?: boolean;
  /** PEM of the CA that signed the venue's certificate (the venue prints where its generated ca.pem is), for https/wss URLs. */
  readonly ca?: string;
  /** The fetch used for POST /v1/auth/token, e.g. for a proxy. Default: node:https with `ca`. */
  readonly fetch?: typeof fetch;
  /** Fault injection for tests: a frame for which this returns true is dropped as if it never arrived. */
  readonly dropInbound?: (message: Envelope) => boolean;
}

export interface Subscription {
  /** Stops the handler; the venue subscription ends with the last handler of its stream. */
  unsubscribe(): Promise<void>;
}

export interface Authentication {
  readonly accountId: number;
  /** When the token expires, on the venue's clock (ms since the epoch). */
  readonly expiresAtMs: number;
}

type Request = Omit<EnvelopeInput, 'requestId'>;
type Handler<T> = (value: T) => void;

interface Pending {
  readonly resolve: (envelope: Envelope) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_REFRESH_MARGIN_MS = 10_000;
/** Retry interval of a refresh that failed (the old token is still valid until its expiry). */
const REFRESH_RETRY_MS = 1_000;
/** After close(), how long to wait for the closing handshake before dropping the socket. */
const CLOSE_GRACE_MS = 2_000;

function frameBytes(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}

export class KapitaClient {
  private readonly pending = new Map<number, Pending>();
  private nextRequestId = 1;
  private clockOffsetMs = 0;
  private account = 0;
  private expiresAt = 0;
  private authCount = 0;
  private refreshTimer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;
  private closing = false;
  private closeInfo: { code: number; reason: string } | undefined;
  private readonly closed: Promise<void>;
  private readonly requestTimeoutMs: number;
  private readonly refreshMarginMs: number;
  private readonly format: 'binary' | 'json';
  private readonly tokenSource: TokenSource;
  /** Stream key (channel:symbol) → its venue subscription (in flight or done). */
  private readonly streams = new Map<string, Promise<void>>();
  private readonly reportHandlers = new Map<string, Set<Handler<ExecutionReport>>>();
  private readonly tradeHandlers = new Map<string, Set<Handler<Trade>>>();
  private readonly topHandlers = new Map<string, Set<Handler<TopOfBook>>>();
  private readonly books = new Map<string, LocalOrderBook>();
  private readonly closeHandlers = new Set<(code: number, reason: string) => void>();
  private readonly errorHandlers = new Set<Handler<Error>>();
  private readonly authHandlers = new Set<Handler<Authentication>>();

  private constructor(
    private readonly socket: WebSocket,
    restUrl: string,
    private readonly options: ConnectOptions,
  ) {
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.refreshMarginMs = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
    this.format = options.format ?? 'binary';
    this.tokenSource = { restUrl, keyId: options.keyId, secret: options.secret, ca: options.ca, fetch: options.fetch };
    socket.on('message', (data: RawData, isBinary: boolean) => {
      this.onFrame(data, isBinary);
    });
    socket.on('error', (error: Error) => {
      this.emitError(error);
    });
    this.closed = new Promise<void>((resolve) => {
      socket.on('close', (code: number, reason: Buffer) => {
        this.onClosed(code, reason.toString('utf8'));
        resolve();
      });
    });
  }

  /** Opens the WebSocket, authenticates and starts the token refresh. Rejects with KapitaError if the venue refuses the key. */
  static async connect(options: ConnectOptions): Promise<KapitaClient> {
    const { rest, ws } = endpoints(options.url);
    const socket = new WebSocket(ws, options.ca === undefined ? {} : { ca: options.ca });
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error): void => {
        reject(new KapitaConnectionError(`cannot open ${ws}: ${error.message}`));
      };
      socket.once('error', onError);
      socket.once('open', () => {
        socket.off('error', onError);
        resolve();
      });
    });
    const client = new KapitaClient(socket, rest, options);
    try {
      await client.ping();
      await client.authenticate();
    } catch (error) {
      await client.close();
      throw error;
    }
    return client;
  }

  // ---- session ----

  /** The account the key belongs to. */
  get accountId(): number {
    return this.account;
  }

  /** When the current token expires, on the venue's clock. */
  get tokenExpiresAtMs(): number {
    return this.expiresAt;
  }

  /** Successful AuthRequests on this connection (1 after connect, +1 per refresh). */
  get authentications(): number {
    return this.authCount;
  }

  /** The venue's clock minus this machine's, as last measured. */
  get serverClockOffsetMs(): number {
    return this.clockOffsetMs;
  }

  /** True until the connection closes or close() is called. */
  get isOpen(): boolean {
    return this.live();
  }

  /** A round trip to the venue; also re-measures the venue's clock. */
  async ping(): Promise<{ roundTripMs: number; serverTimeMs: number }> {
    const sent = Date.now();
    const pong = await this.call({ ping: { timeMs: sent } }, (e) => e.pong, 'Pong');
    const received = Date.now();
    const serverTimeMs = num(pong.timeMs);
    this.clockOffsetMs = serverTimeMs - Math.round((sent + received) / 2);
    return { roundTripMs: received - sent, serverTimeMs };
  }

  /** Gets a new token and sends it now (the automatic refresh does this before expiry). */
  refreshToken(): Promise<void> {
    return this.authenticate();
  }

  /** Called after every successful authentication (not for the one connect() made). */
  onAuthenticated(handler: Handler<Authentication>): () => void {
    this.authHandlers.add(handler);
    return () => this.authHandlers.delete(handler);
  }

  /** Called once when the connection closes, with the WebSocket close code and reason (4401: token expired, 4008: slow consumer). */
  onClose(handler: (code: number, reason: string) => void): () => void {
    this.closeHandlers.add(handler);
    return () => this.closeHandlers.delete(handler);
  }

  /** Errors that belong to no request: a failed refresh or resync, an unsolicited Error frame, a frame that does not decode, a handler that threw. Dropped if no handler is set. */
  onError(handler: Handler<Error>): () => void {
    this.errorHandlers.add(handler);
    return () => this.errorHandlers.delete(handler);
  }

  /** Closes the connection; pending requests reject with KapitaConnectionError. */
  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.refreshTimer);
    if (this.closeInfo !== undefined) return;
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) this.socket.close(1000, 'client closed');
    const grace = setTimeout(() => {
      this.socket.terminate();
    }, CLOSE_GRACE_MS);
    await this.closed;
    clearTimeout(grace);
  }

  // ---- orders ----

  /** Places an order; resolves with the venue's answer (status, filled quantity, the fills it took). */
  async placeOrder(order: PlaceOrderRequest): Promise<Order> {
    return orderFrom(await this.call({ placeOrder: placeOrderMessage(order) }, (e) => e.orderResponse, 'OrderResponse'));
  }

  async cancelOrder(orderId: number): Promise<CancelResult> {
    return cancelFrom(await this.call({ cancelOrder: { orderId } }, (e) => e.cancelResponse, 'CancelResponse'));
  }

  /** Changes price and/or quantity (the new total); resolves with the order after, with any fills the amend made. */
  async amendOrder(orderId: number, change: AmendRequest): Promise<Order> {
    const message: NonNullable<EnvelopeInput['amendOrder']> = { orderId };
    if (change.price !== undefined) message.price = change.price;
    if (change.quantity !== undefined) message.quantity = change.quantity;
    return orderFrom(await this.call({ amendOrder: message }, (e) => e.orderResponse, 'OrderResponse'));
  }

  /** Cancels the account's open orders on one instrument, or on all; resolves with the cancelled ids. */
  async massCancel(symbol?: string): Promise<number[]> {
    const reply = await this.call({ massCancel: { symbol: symbol ?? '' } }, (e) => e.massCancelResponse, 'MassCancelResponse');
    return (reply.orderIds ?? []).map(Number);
  }

  // ---- streams ----

  /** Every execution report of the account (channel ORDERS). */
  onExecutionReport(handler: Handler<ExecutionReport>): Promise<Subscription> {
    return this.listen(pb.Channel.CHANNEL_ORDERS, '', this.reportHandlers, handler);
  }

  /** The trades of one instrument (channel TRADES). */
  subscribeTrades(symbol: string, handler: Handler<Trade>): Promise<Subscription> {
    return this.listen(pb.Channel.CHANNEL_TRADES, symbol, this.tradeHandlers, handler);
  }

  /** Best bid and offer of one instrument, when they change (channel L1). */
  subscribeTopOfBook(symbol: string, handler: Handler<TopOfBook>): Promise<Subscription> {
    return this.listen(pb.Channel.CHANNEL_L1, symbol, this.topHandlers, handler);
  }

  /**
   * The L2 book of one instrument, kept from a snapshot and chained updates, with gap detection and
   * recovery. Resolves once the first snapshot is applied. A second call for the same symbol returns
   * the same book (adding the handler). book.close() ends the subscription.
   */
  async subscribeBook(symbol: string, handler?: BookHandler): Promise<LocalOrderBook> {
    let book = this.books.get(symbol);
    if (book === undefined) {
      const created = new LocalOrderBook(symbol, {
        resync: (b) => {
          void this.resync(b);
        },
        close: (b) => this.closeBook(b),
        report: (error) => {
          this.emitError(asError(error));
        },
      });
      if (handler !== undefined) created.onChange(handler);
      this.books.set(symbol, created);
      try {
        await this.subscription(pb.Channel.CHANNEL_L2, symbol, true);
      } catch (error) {
        this.books.delete(symbol);
        throw error;
      }
      book = created;
    } else if (handler !== undefined) {
      book.onChange(handler);
    }
    await book.whenSynced(this.requestTimeoutMs);
    return book;
  }

  // ---- internals ----

  /** A method, not the getter, so that the compiler does not narrow it across awaits. */
  private live(): boolean {
    return this.closeInfo === undefined && !this.closing;
  }

  private serverNow(): number {
    return Date.now() + this.clockOffsetMs;
  }

  private authenticate(): Promise<void> {
    this.refreshing ??= (async () => {
      try {
        const token = await fetchToken(this.tokenSource, this.serverNow());
        const reply = await this.call({ authRequest: { token } }, (e) => e.authResponse, 'AuthResponse');
        this.account = num(reply.accountId);
        this.expiresAt = num(reply.expiresAtMs);
        await this.ping();
        this.authCount++;
        const info: Authentication = { accountId: this.account, expiresAtMs: this.expiresAt };
        for (const handler of this.authHandlers) this.safely(handler, info);
        this.scheduleRefresh(this.expiresAt - this.refreshMarginMs - this.serverNow());
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  private scheduleRefresh(delayMs: number): void {
    if (this.options.autoRefresh === false || !this.live()) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(
      () => {
        void this.refresh();
      },
      Math.max(0, delayMs),
    );
  }

  private async refresh(): Promise<void> {
    try {
      await this.authenticate();
    } catch (error) {
      if (!this.live()) return;
      this.emitError(asError(error));
      this.scheduleRefresh(REFRESH_RETRY_MS);
    }
  }

  /** Sends a request and resolves with its answer, picked out of the envelope. */
  private async call<T>(message: Request, pick: (envelope: Envelope) => T | null | undefined, what: string): Promise<T> {
    const envelope = await this.request(message);
    const value = pick(envelope);
    if (value === null || value === undefined) throw new Error(`expected ${what}, got ${envelope.body ?? 'an empty envelope'}`);
    return value;
  }

  private request(message: Request): Promise<Envelope> {
    if (!this.live()) return Promise.reject(this.closedError());
    const requestId = this.nextRequestId++;
    return new Promise<Envelope>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new KapitaTimeoutError(`no answer to request ${requestId} (${Object.keys(message).join(',')}) within ${this.requestTimeoutMs} ms`));
      }, this.requestTimeoutMs);
      const fail = (error: Error): void => {
        clearTimeout(timer);
        this.pending.delete(requestId);
        reject(error);
      };
      this.pending.set(requestId, { resolve, reject, timer });
      try {
        const envelope: EnvelopeInput = { requestId, ...message };
        const sent = (error?: Error | null): void => {
          if (error instanceof Error) fail(new KapitaConnectionError(`send failed: ${error.message}`));
        };
        if (this.format === 'binary') this.socket.send(encodeEnvelope(envelope), { binary: true }, sent);
        else this.socket.send(envelopeToJson(envelope), { binary: false }, sent);
      } catch (error) {
        fail(asError(error));
      }
    });
  }

  private onFrame(data: RawData, isBinary: boolean): void {
    let envelope: Envelope;
    try {
      const bytes = frameBytes(data);
      envelope = isBinary ? decodeEnvelope(bytes) : envelopeFromJson(bytes.toString('utf8'));
    } catch (error) {
      this.emitError(asError(error));
      return;
    }
    if (this.options.dropInbound?.(envelope) === true) return;
    const requestId = num(envelope.requestId);
    const pending = requestId === 0 ? undefined : this.pending.get(requestId);
    if (pending !== undefined) {
      this.pending.delete(requestId);
      clearTimeout(pending.timer);
      const error = errorOf(envelope);
      if (error === undefined) pending.resolve(envelope);
      else pending.reject(new KapitaError(error));
      return;
    }
    try {
      this.dispatch(envelope);
    } catch (error) {
      this.emitError(asError(error));
    }
  }

  /** Unsolicited messages: execution reports, market data, unsolicited errors. */
  private dispatch(envelope: Envelope): void {
    switch (envelope.body) {
      case 'executionReport': {
        const report = reportFrom(envelope.executionReport);
        for (const handler of this.reportHandlers.get('') ?? []) this.safely(handler, report);
        return;
      }
      case 'trade': {
        const trade = tradeFrom(envelope.trade);
        for (const handler of this.tradeHandlers.get(trade.symbol) ?? []) this.safely(handler, trade);
        return;
      }
      case 'topOfBook': {
        const top = topFrom(envelope.topOfBook);
        for (const handler of this.topHandlers.get(top.symbol) ?? []) this.safely(handler, top);
        return;
      }
      case 'bookSnapshot':
        this.books.get(envelope.bookSnapshot.symbol ?? '')?.applySnapshot(snapshotFrom(envelope.bookSnapshot));
        return;
      case 'bookUpdate':
        this.books.get(envelope.bookUpdate.symbol ?? '')?.applyUpdate(updateFrom(envelope.bookUpdate));
        return;
      case 'error': {
        const error = errorOf(envelope);
        if (error !== undefined) this.emitError(new KapitaError(error));
        return;
      }
      default:
        return; // heartbeats, late answers to requests that timed out, messages this SDK does not know yet
    }
  }

  /** Adds a handler to a stream, subscribing at the venue for the first one. */
  private async listen<T>(channel: kapita.v1.Channel, symbol: string, registry: Map<string, Set<Handler<T>>>, handler: Handler<T>): Promise<Subscription> {
    const key = `${channel}:${symbol}`;
    let handlers = registry.get(symbol);
    if (handlers === undefined) {
      handlers = new Set();
      registry.set(symbol, handlers);
    }
    handlers.add(handler);
    let subscribed = this.streams.get(key);
    if (subscribed === undefined) {
      const started = this.subscription(channel, symbol, true);
      this.streams.set(key, started);
      started.catch(() => {
        if (this.streams.get(key) === started) this.streams.delete(key);
      });
      subscribed = started;
    }
    try {
      await subscribed;
    } catch (error) {
      handlers.delete(handler);
      if (handlers.size === 0) registry.delete(symbol);
      throw error;
    }
    let active = true;
    return {
      unsubscribe: async () => {
        if (!active) return;
        active = false;
        const current = registry.get(symbol);
        if (current === undefined) return;
        current.delete(handler);
        if (current.size > 0) return;
        registry.delete(symbol);
        this.streams.delete(key);
        if (this.live()) await this.subscription(channel, symbol, false);
      },
    };
  }

  private async subscription(channel: kapita.v1.Channel, symbol: string, on: boolean): Promise<void> {
    const request: Request = on ? { subscribe: { channel, symbol } } : { unsubscribe: { channel, symbol } };
    const reply = await this.call(request, (e) => e.subscribeResponse, 'SubscribeResponse');
    if ((reply.subscribed ?? false) !== on) throw new Error(`the venue answered subscribed=${String(reply.subscribed)} to ${on ? 'subscribe' : 'unsubscribe'} ${symbol}`);
  }

  /** A gap: unsubscribe and subscribe again, which brings a fresh snapshot. */
  private async resync(book: LocalOrderBook): Promise<void> {
    if (!this.live() || this.books.get(book.symbol) !== book) return;
    try {
      await this.subscription(pb.Channel.CHANNEL_L2, book.symbol, false);
      await this.subscription(pb.Channel.CHANNEL_L2, book.symbol, true);
    } catch (error) {
      if (!this.live() || this.books.get(book.symbol) !== book) return;
      this.emitError(asError(error));
      setTimeout(() => {
        void this.resync(book);
      }, REFRESH_RETRY_MS);
    }
  }

  private async closeBook(book: LocalOrderBook): Promise<void> {
    if (this.books.get(book.symbol) !== book) return;
    this.books.delete(book.symbol);
    if (this.live()) await this.subscription(pb.Channel.CHANNEL_L2, book.symbol, false);
  }

  private closedError(): KapitaConnectionError {
    const info = this.closeInfo;
    if (info === undefined) return new KapitaConnectionError('the connection is closing');
    return new KapitaConnectionError(`the connection is closed (${info.code}${info.reason === '' ? '' : `: ${info.reason}`})`, info.code, info.reason);
  }

  private onClosed(code: number, reason: string): void {
    this.closeInfo = { code, reason };
    clearTimeout(this.refreshTimer);
    const error = this.closedError();
    for (const [, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.pending.clear();
    for (const book of this.books.values()) book.disconnect();
    for (const handler of this.closeHandlers) {
      try {
        handler(code, reason);
      } catch (thrown) {
        this.emitError(asError(thrown));
      }
    }
  }

  private safely<T>(handler: Handler<T>, value: T): void {
    try {
      handler(value);
    } catch (error) {
      this.emitError(asError(error));
    }
  }

  private emitError(error: Error): void {
    for (const handler of this.errorHandlers) {
      try {
        handler(error);
      } catch {
        // an error handler that throws has nowhere to report to
      }
    }
  }
}
