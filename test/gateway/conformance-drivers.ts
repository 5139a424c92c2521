// The gateway drivers of the conformance suite (conformance.test.ts): one per way into the venue
// (REST, WebSocket with protobuf frames, WebSocket with proto3 JSON frames, FIX), each turning what
// its gateway says about an order into one normalized shape, so the suite can compare them.
//
// - Reports: the ExecutionReports of the orders placed through the gateway under test (WebSocket's
//   ORDERS channel, FIX 35=8), with order ids replaced by the table's labels and decimals written
//   at the instrument's precision ("65000" and "65000.00" are the same price). A field a gateway
//   does not send is undefined: the suite then shows it as missing, it does not guess it.
// - Answers: what the request itself got back, 'ok' or the venue's numbered code (a refusal that
//   carries no number is its text, so it shows as such).
// - States: an order as REST's GET /v1/orders/:id, a gateway's last report, or FIX's
//   OrderStatusRequest says it is.
//
// Every driver waits for its gateway to have said everything about a step before the next one (a
// WebSocket ping's pong, a FIX TestRequest's Heartbeat: both come after what was already queued),
// never for a fixed time.
import { type Reply, RestClient } from '../../src/auth/client.js';
import type { FixField, FixMessage } from '../../src/fix/codec.js';
import { formatUtcTimestamp } from '../../src/fix/utc-time.js';
import { type Envelope, type EnvelopeInput, type kapita, pb } from '../../src/protocol/wire.js';
import { type Account, Session } from '../support/fix-venue.js';
import { WsClient } from '../support/ws-client.js';

export type Gateway = 'REST' | 'WebSocket binary' | 'WebSocket JSON' | 'FIX';
export const GATEWAYS: readonly Gateway[] = ['REST', 'WebSocket binary', 'WebSocket JSON', 'FIX'];

export type ExecType = 'new' | 'trade' | 'amended' | 'restated' | 'cancelled' | 'expired' | 'triggered' | 'rejected';
export type Status = 'new' | 'partially_filled' | 'filled' | 'cancelled' | 'expired' | 'pending_trigger' | 'rejected';

export interface OrderSpec {
  readonly symbol?: string;
  readonly side: 'buy' | 'sell';
  readonly type?: 'limit' | 'stop';
  readonly price?: string;
  readonly stopPrice?: string;
  readonly quantity: string;
  readonly timeInForce?: 'GTC' | 'IOC' | 'FOK';
  readonly displayQuantity?: string;
  readonly selfTradePrevention?: 'decrement_and_cancel';
}

/** One report about one order, as every gateway should say it. */
export interface Report {
  readonly order: string;
  readonly execType: ExecType;
  readonly status: Status;
  readonly side: 'buy' | 'sell' | undefined;
  readonly price: string | undefined;
  readonly quantity: string | undefined;
  readonly leavesQuantity: string | undefined;
  readonly cumQuantity: string | undefined;
  readonly lastPrice: string | undefined;
  readonly lastQuantity: string | undefined;
}

/** An order as it stands. REST has no leaves quantity: it is compared where a gateway gives one. */
export interface State {
  readonly status: Status;
  readonly side: 'buy' | 'sell' | undefined;
  readonly price: string | undefined;
  readonly quantity: string | undefined;
  readonly cumQuantity: string | undefined;
  readonly leavesQuantity?: string | undefined;
}

/** 'ok', the venue's numbered code, or the text of a refusal that carries no code (a string too). */
export type Outcome = number | string;

export interface Answer {
  readonly outcome: Outcome;
  /** The order as the answer describes it (REST's and WebSocket's OrderResponse). */
  readonly state?: State;
  /** Orders a mass cancel says it cancelled. */
  readonly affected?: number;
}

export interface GatewayDriver {
  readonly gateway: Gateway;
  place(label: string, order: OrderSpec, clientOrderId: string): Promise<Answer>;
  amend(label: string, change: { price: string; quantity: string }): Promise<Answer>;
  massCancel(symbol: string): Promise<Answer>;
  /** The labelled orders' reports received so far, in order; undefined for REST (no push channel). */
  reports(): Promise<Report[] | undefined>;
  /** The gateway's own word on the order now: REST GET, FIX OrderStatusRequest; WebSocket has none (undefined). */
  state(label: string): Promise<State | undefined>;
  orderId(label: string): number | undefined;
  close(): Promise<void>;
}

/** Each instrument's decimals: price, quantity. */
const SCALES: Readonly<Record<string, readonly [number, number]>> = { 'BTC-USD': [2, 4], 'ETH-USD': [2, 3], 'SOL-USD': [3, 2] };

/** A decimal string at `scale` places, exactly (never rounded: a digit too many stays visible); '' and absent are undefined. */
export function decimal(value: string | null | undefined, scale: number): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(value);
  if (m === null) return `not a decimal: ${value}`;
  const whole = (m[2] ?? '0').replace(/^0+(?=\d)/, '');
  const fraction = (m[3] ?? '').replace(/0+$/, '').padEnd(scale, '0');
  return fraction === '' ? `${m[1] ?? ''}${whole}` : `${m[1] ?? ''}${whole}.${fraction}`;
}

export const price = (value: string | null | undefined, symbol = 'BTC-USD'): string | undefined => decimal(value, SCALES[symbol]?.[0] ?? 0);
export const quantity = (value: string | null | undefined, symbol = 'BTC-USD'): string | undefined => decimal(value, SCALES[symbol]?.[1] ?? 0);

/** The venue's numbered code at the start of a FIX Text (58): "1007 PRICE_NOT_ON_TICK: …". */
export function codeInText(text: string | undefined): Outcome {
  const m = /^(\d{4}) [A-Z_]+/.exec(text ?? '');
  return m === null ? `refused without a numbered code: ${text ?? '(no Text)'}` : Number(m[1]);
}

// ---- REST -------------------------------------------------------------------------------------------

interface RestOrder {
  orderId: number;
  side?: 'buy' | 'sell';
  price?: string;
  quantity?: string;
  filledQuantity?: string;
  status: Status;
}

export function restState(order: RestOrder, symbol = 'BTC-USD'): State {
  return { status: order.status, side: order.side, price: price(order.price, symbol), quantity: quantity(order.quantity, symbol), cumQuantity: quantity(order.filledQuantity, symbol) };
}

export function restBody(order: OrderSpec, clientOrderId: string): Record<string, unknown> {
  const body: Record<string, unknown> = { symbol: order.symbol ?? 'BTC-USD', side: order.side, quantity: order.quantity, clientOrderId };
  for (const key of ['type', 'price', 'stopPrice', 'timeInForce', 'displayQuantity', 'selfTradePrevention'] as const) if (order[key] !== undefined) body[key] = order[key];
  return body;
}

function restOutcome(reply: Reply): Outcome {
  if (reply.status < 300) return 'ok';
  return (reply.body as { error?: { code?: number } } | undefined)?.error?.code ?? `HTTP ${reply.status} without a code`;
}

/** GET /v1/orders/:id as a State (open or closed since start); undefined when the venue does not know it. */
export async function restOrderState(rest: RestClient, orderId: number): Promise<State | undefined> {
  const reply = await rest.call('GET', `/v1/orders/${orderId}`);
  if (reply.status !== 200) return undefined;
  const order = reply.body as RestOrder & { symbol?: string };
  return restState(order, order.symbol);
}

export class RestDriver implements GatewayDriver {
  readonly gateway = 'REST';
  private readonly ids = new Map<string, number>();

  constructor(private readonly rest: RestClient) {}

  async place(label: string, order: OrderSpec, clientOrderId: string): Promise<Answer> {
    const reply = await this.rest.call('POST', '/v1/orders', restBody(order, clientOrderId));
    const outcome = restOutcome(reply);
    if (outcome !== 'ok') return { outcome };
    const body = reply.body as RestOrder;
    this.ids.set(label, body.orderId);
    return { outcome, state: restState(body, order.symbol) };
  }

  async amend(label: string, change: { price: string; quantity: string }): Promise<Answer> {
    const reply = await this.rest.call('PATCH', `/v1/orders/${this.ids.get(label) ?? 0}`, change);
    const outcome = restOutcome(reply);
    return outcome === 'ok' ? { outcome, state: restState(reply.body as RestOrder) } : { outcome };
  }

  async massCancel(symbol: string): Promise<Answer> {
    const reply = await this.rest.call('DELETE', `/v1/orders?symbol=${symbol}`);
    const outcome = restOutcome(reply);
    return outcome === 'ok' ? { outcome, affected: (reply.body as { cancelled: number[] }).cancelled.length } : { outcome };
  }

  reports(): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  async state(label: string): Promise<State | undefined> {
    const id = this.ids.get(label);
    return id === undefined ? undefined : restOrderState(this.rest, id);
  }

  orderId(label: string): number | undefined {
    return this.ids.get(label);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

// ---- WebSocket ----------------------------------------------------------------------------------------

const WS_EXEC: ReadonlyMap<number, ExecType> = new Map([
  [pb.ExecType.EXEC_TYPE_NEW, 'new'],
  [pb.ExecType.EXEC_TYPE_TRADE, 'trade'],
  [pb.ExecType.EXEC_TYPE_AMENDED, 'amended'],
  [pb.ExecType.EXEC_TYPE_CANCELED, 'cancelled'],
  [pb.ExecType.EXEC_TYPE_EXPIRED, 'expired'],
  [pb.ExecType.EXEC_TYPE_TRIGGERED, 'triggered'],
  [pb.ExecType.EXEC_TYPE_REJECTED, 'rejected'],
  [pb.ExecType.EXEC_TYPE_RESTATED, 'restated'],
]);
const WS_STATUS: ReadonlyMap<number, Status> = new Map([
  [pb.OrderStatus.ORDER_STATUS_NEW, 'new'],
  [pb.OrderStatus.ORDER_STATUS_PARTIALLY_FILLED, 'partially_filled'],
  [pb.OrderStatus.ORDER_STATUS_FILLED, 'filled'],
  [pb.OrderStatus.ORDER_STATUS_CANCELED, 'cancelled'],
  [pb.OrderStatus.ORDER_STATUS_EXPIRED, 'expired'],
  [pb.OrderStatus.ORDER_STATUS_PENDING_TRIGGER, 'pending_trigger'],
  [pb.OrderStatus.ORDER_STATUS_REJECTED, 'rejected'],
]);
const WS_TYPE = { limit: pb.OrderType.ORDER_TYPE_LIMIT, stop: pb.OrderType.ORDER_TYPE_STOP } as const;
const WS_TIF = { GTC: pb.TimeInForce.TIME_IN_FORCE_GTC, IOC: pb.TimeInForce.TIME_IN_FORCE_IOC, FOK: pb.TimeInForce.TIME_IN_FORCE_FOK } as const;

function wsSide(side: kapita.v1.Side | null | undefined): 'buy' | 'sell' | undefined {
  return side === pb.Side.SIDE_BUY ? 'buy' : side === pb.Side.SIDE_SELL ? 'sell' : undefined;
}

function wsOrderState(order: NonNullable<Envelope['orderResponse']>): State {
  const symbol = order.symbol ?? 'BTC-USD';
  return {
    status: WS_STATUS.get(order.status ?? 0) ?? (`unspecified (${order.status ?? 0})` as Status),
    side: wsSide(order.side),
    price: price(order.price, symbol),
    quantity: quantity(order.quantity, symbol),
    cumQuantity: quantity(order.filledQuantity, symbol),
  };
}

export class WsDriver implements GatewayDriver {
  private readonly ids = new Map<string, number>();

  private constructor(
    readonly gateway: Gateway,
    private readonly client: WsClient,
  ) {}

  /** Connects in `format`, authenticates with `token` and subscribes to ORDERS (the account's reports). */
  static async open(url: string, format: 'binary' | 'json', token: string): Promise<WsDriver> {
    const client = await WsClient.open(url, undefined, format);
    await client.authenticate(token);
    const code = await client.subscribe(pb.Channel.CHANNEL_ORDERS);
    if (code !== 0) throw new Error(`the ORDERS subscription was refused with ${code}`);
    return new WsDriver(format === 'binary' ? 'WebSocket binary' : 'WebSocket JSON', client);
  }

  private outcome(answer: Envelope): Outcome {
    return answer.error === undefined || answer.error === null ? 'ok' : (answer.error.code ?? 'an Error without a code');
  }

  async place(label: string, order: OrderSpec, clientOrderId: string): Promise<Answer> {
    const message: NonNullable<EnvelopeInput['placeOrder']> = {
      symbol: order.symbol ?? 'BTC-USD',
      side: order.side === 'buy' ? pb.Side.SIDE_BUY : pb.Side.SIDE_SELL,
      type: WS_TYPE[order.type ?? 'limit'],
      price: order.price ?? '',
      stopPrice: order.stopPrice ?? '',
      quantity: order.quantity,
      clientOrderId,
      displayQuantity: order.displayQuantity ?? '',
      ...(order.timeInForce === undefined ? {} : { timeInForce: WS_TIF[order.timeInForce] }),
      ...(order.selfTradePrevention === undefined ? {} : { selfTradePrevention: pb.SelfTradePrevention.SELF_TRADE_PREVENTION_DECREMENT_AND_CANCEL }),
    };
    const answer = await this.client.request({ placeOrder: message });
    const outcome = this.outcome(answer);
    if (outcome !== 'ok' || answer.orderResponse === undefined || answer.orderResponse === null) return { outcome };
    this.ids.set(label, Number(answer.orderResponse.orderId));
    return { outcome, state: wsOrderState(answer.orderResponse) };
  }

  async amend(label: string, change: { price: string; quantity: string }): Promise<Answer> {
    const answer = await this.client.request({ amendOrder: { orderId: this.ids.get(label) ?? 0, ...change } });
    const outcome = this.outcome(answer);
    return outcome === 'ok' && answer.orderResponse !== undefined && answer.orderResponse !== null ? { outcome, state: wsOrderState(answer.orderResponse) } : { outcome };
  }

  async massCancel(symbol: string): Promise<Answer> {
    const answer = await this.client.request({ massCancel: { symbol } });
    const outcome = this.outcome(answer);
    return outcome === 'ok' ? { outcome, affected: answer.massCancelResponse?.orderIds?.length ?? 0 } : { outcome };
  }

  async reports(): Promise<Report[]> {
    // The pong comes after every report already queued for this connection.
    await this.client.settle();
    const labels = new Map([...this.ids].map(([label, id]) => [id, label]));
    const reports: Report[] = [];
    for (const envelope of this.client.received) {
      const r = envelope.executionReport;
      if (r === undefined || r === null) continue;
      const label = labels.get(Number(r.orderId));
      if (label === undefined) continue; // another order of the account (placed over REST by the same account)
      const symbol = r.symbol ?? 'BTC-USD';
      reports.push({
        order: label,
        execType: WS_EXEC.get(r.execType ?? 0) ?? (`unspecified (${r.execType ?? 0})` as ExecType),
        status: WS_STATUS.get(r.orderStatus ?? 0) ?? (`unspecified (${r.orderStatus ?? 0})` as Status),
        side: wsSide(r.side),
        price: price(r.price, symbol),
        quantity: quantity(r.quantity, symbol),
        leavesQuantity: quantity(r.leavesQuantity, symbol),
        cumQuantity: quantity(r.cumulativeQuantity, symbol),
        lastPrice: price(r.lastPrice, symbol),
        lastQuantity: quantity(r.lastQuantity, symbol),
      });
    }
    return reports;
  }

  /** WebSocket has no order status request: its word on an order is its last report. */
  state(): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  orderId(label: string): number | undefined {
    return this.ids.get(label);
  }

  close(): Promise<void> {
    this.client.close();
    return Promise.resolve();
  }
}

// ---- FIX ----------------------------------------------------------------------------------------------

const FIX_EXEC: Readonly<Record<string, ExecType>> = { '0': 'new', F: 'trade', '5': 'amended', D: 'restated', '4': 'cancelled', C: 'expired', L: 'triggered', '8': 'rejected' };
const FIX_STATUS: Readonly<Record<string, Status>> = { '0': 'new', '1': 'partially_filled', '2': 'filled', '4': 'cancelled', C: 'expired', '8': 'rejected' };
const FIX_ORD_TYPE = { limit: '2', stop: '3' } as const;
const FIX_TIF = { GTC: '1', IOC: '3', FOK: '4' } as const;

/**
 * FIX has no OrdStatus for an untriggered stop: the venue sends 39=0 (src/gateway/fix/fix-gateway.ts
 * FIX_STATUS maps pending_trigger to '0'), so 39=0 on a stop order (40=3/4) before its 150=L is
 * pending_trigger. That is the gateway's own mapping read back, not a guess.
 */
function fixStatus(message: FixMessage, triggered: boolean): Status {
  const status = message.get(39) ?? '';
  const stop = message.get(40) === '3' || message.get(40) === '4';
  if (status === '0' && stop && !triggered) return 'pending_trigger';
  return FIX_STATUS[status] ?? (`39=${status}` as Status);
}

function fixSide(value: string | undefined): 'buy' | 'sell' | undefined {
  return value === '1' ? 'buy' : value === '2' ? 'sell' : undefined;
}

export class FixDriver implements GatewayDriver {
  readonly gateway = 'FIX';
  private readonly ids = new Map<string, number>();
  private readonly specs = new Map<string, OrderSpec>();
  /** Each label's ClOrdID now (a replace gives the order the replace's ClOrdID). */
  private readonly clOrdIds = new Map<string, string>();
  /** Application messages in arrival order (heartbeats left out). */
  private readonly messages: FixMessage[] = [];
  private requests = 0;

  private constructor(
    private readonly session: Session,
    /** The Logout's Text when the venue refused the Logon. */
    private readonly refusedAtLogon: string | undefined,
  ) {}

  static async open(port: number, compId: string, account: Account): Promise<FixDriver> {
    const session = await Session.attempt(port, compId, account);
    const reply = session.logonReply;
    if (reply?.msgType === 'A') return new FixDriver(session, undefined);
    return new FixDriver(session, reply?.get(58) ?? `no Logon answer (${reply?.toString() ?? 'nothing'})`);
  }

  private nextId(kind: string): string {
    return `${kind}-${++this.requests}`;
  }

  /** Reads until a message matches, keeping every application message; answers the venue's TestRequests. */
  private async until(match: (message: FixMessage) => boolean): Promise<FixMessage> {
    for (;;) {
      const message = await this.session.receive();
      if (message.msgType === '1') this.session.send('0', [[112, message.get(112) ?? '']]);
      else if (message.msgType !== '0') this.messages.push(message);
      if (match(message)) return message;
    }
  }

  /** A TestRequest's Heartbeat comes after every message the session had already queued. */
  private async barrier(): Promise<void> {
    const id = this.nextId('barrier');
    this.session.send('1', [[112, id]]);
    await this.until((m) => m.msgType === '0' && m.get(112) === id);
  }

  private refusal(): Answer | undefined {
    return this.refusedAtLogon === undefined ? undefined : { outcome: codeInText(this.refusedAtLogon) };
  }

  async place(label: string, order: OrderSpec, clientOrderId: string): Promise<Answer> {
    const refused = this.refusal();
    if (refused !== undefined) return refused;
    const symbol = order.symbol ?? 'BTC-USD';
    const body: FixField[] = [
      [11, clientOrderId],
      [38, order.quantity],
      [40, FIX_ORD_TYPE[order.type ?? 'limit']],
    ];
    if (order.price !== undefined) body.push([44, order.price]);
    body.push([54, order.side === 'buy' ? '1' : '2'], [55, symbol], [59, FIX_TIF[order.timeInForce ?? 'GTC']], [60, formatUtcTimestamp(Date.now())]);
    if (order.stopPrice !== undefined) body.push([99, order.stopPrice]);
    if (order.displayQuantity !== undefined) body.push([1138, order.displayQuantity]);
    if (order.selfTradePrevention !== undefined) throw new Error('FIX cannot express a self-trade prevention mode (see the table): the suite must not ask it to');
    this.session.send('D', body);
    const first = await this.until((m) => m.msgType === '8' && m.get(11) === clientOrderId);
    await this.barrier();
    if (first.get(150) === '8') return { outcome: codeInText(first.get(58)) };
    this.ids.set(label, Number(first.get(37)));
    this.specs.set(label, order);
    this.clOrdIds.set(label, clientOrderId);
    return { outcome: 'ok' };
  }

  async amend(label: string, change: { price: string; quantity: string }): Promise<Answer> {
    const refused = this.refusal();
    if (refused !== undefined) return refused;
    const order = this.specs.get(label);
    if (order === undefined) throw new Error(`no FIX order ${label} to amend`);
    const clOrdId = this.nextId(`replace-${label}`);
    this.session.send('G', [
      [11, clOrdId],
      [38, change.quantity],
      [40, FIX_ORD_TYPE[order.type ?? 'limit']],
      [41, this.clOrdIds.get(label) ?? ''],
      [44, change.price],
      [54, order.side === 'buy' ? '1' : '2'],
      [55, order.symbol ?? 'BTC-USD'],
      [60, formatUtcTimestamp(Date.now())],
    ]);
    const answer = await this.until((m) => (m.msgType === '8' || m.msgType === '9') && m.get(11) === clOrdId);
    await this.barrier();
    if (answer.msgType === '9') return { outcome: codeInText(answer.get(58)) };
    this.clOrdIds.set(label, clOrdId);
    return { outcome: 'ok' };
  }

  async massCancel(symbol: string): Promise<Answer> {
    const refused = this.refusal();
    if (refused !== undefined) return refused;
    const clOrdId = this.nextId('mass');
    this.session.send('q', [
      [11, clOrdId],
      [530, '1'],
      [55, symbol],
      [60, formatUtcTimestamp(Date.now())],
    ]);
    const answer = await this.until((m) => m.msgType === 'r' && m.get(11) === clOrdId);
    await this.barrier();
    if (answer.get(531) === '0') return { outcome: codeInText(answer.get(58)) };
    return { outcome: 'ok', affected: Number(answer.get(533) ?? -1) };
  }

  async reports(): Promise<Report[]> {
    if (this.refusedAtLogon !== undefined) return [];
    await this.barrier();
    const labels = new Map([...this.ids].map(([label, id]) => [String(id), label]));
    const triggered = new Set<string>();
    const reports: Report[] = [];
    for (const m of this.messages) {
      const label = labels.get(m.get(37) ?? '');
      // Status answers (150=I) are the gateway's word on request, not reports of a change.
      if (m.msgType !== '8' || label === undefined || m.get(150) === 'I') continue;
      if (m.get(150) === 'L') triggered.add(label);
      reports.push(this.normalize(m, label, triggered.has(label)));
    }
    return reports;
  }

  private normalize(m: FixMessage, label: string, triggered: boolean): Report {
    const symbol = m.get(55) ?? 'BTC-USD';
    return {
      order: label,
      execType: FIX_EXEC[m.get(150) ?? ''] ?? (`150=${m.get(150) ?? ''}` as ExecType),
      status: fixStatus(m, triggered),
      side: fixSide(m.get(54)),
      price: price(m.get(44), symbol),
      quantity: quantity(m.get(38), symbol),
      leavesQuantity: quantity(m.get(151), symbol),
      cumQuantity: quantity(m.get(14), symbol),
      lastPrice: price(m.get(31), symbol),
      lastQuantity: quantity(m.get(32), symbol),
    };
  }

  /** OrderStatusRequest (H) by OrderID: the gateway's own state of the order (150=I). */
  async state(label: string): Promise<State | undefined> {
    const id = this.ids.get(label);
    const order = this.specs.get(label);
    if (id === undefined || order === undefined) return undefined;
    const requestId = this.nextId('status');
    this.session.send('H', [
      [11, requestId],
      [37, String(id)],
      [54, order.side === 'buy' ? '1' : '2'],
      [55, order.symbol ?? 'BTC-USD'],
      [790, requestId],
    ]);
    const answer = await this.until((m) => m.msgType === '8' && m.get(790) === requestId);
    const triggered = this.messages.some((m) => m.msgType === '8' && m.get(37) === String(id) && m.get(150) === 'L');
    const r = this.normalize(answer, label, triggered);
    return { status: r.status, side: r.side, price: r.price, quantity: r.quantity, cumQuantity: r.cumQuantity, leavesQuantity: r.leavesQuantity };
  }

  orderId(label: string): number | undefined {
    return this.ids.get(label);
  }

  close(): Promise<void> {
    if (this.refusedAtLogon === undefined) this.session.send('5', []);
    this.session.client.close();
    return Promise.resolve();
  }
}
