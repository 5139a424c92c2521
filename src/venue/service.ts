// The venue service: the one way into the core for every gateway. Requests are typed and in
// integers (ticks, lots, quote units, the enums of src/engine/command.ts); answers are Result<T>
// with the OrderTracker's facts, never HTTP statuses or decimal strings. Each gateway converts its
// own wire format at its edge (src/gateway/*), and who may do what is checked here, once
// (authorize.ts), for REST, WebSocket and FIX alike.
//
// Message-shaped on purpose: a request is plain data in, a Result of plain data out, so the next
// step can run the gateways on other threads and post these across.
import type { Principal } from '../auth/auth.js';
import type { Instrument } from '../domain/instrument.js';
import { ResultCode } from '../domain/result-codes.js';
import { VenueError } from '../domain/venue-error.js';
import { amend, cancel, type Command, depositAll, massCancel, place, type PlaceArgs, setHalt, setKillSwitch, setLimit, type Side } from '../engine/command.js';
import { ClientOrderStatus } from '../engine/client-ids.js';
import { InvariantViolation } from '../engine/order-book.js';
import { EventType, Field } from '../engine/event.js';
import type { History } from '../marketdata/history.js';
import { type AccountAccess, authorizeAccount } from './authorize.js';
import { ExecType, type OrderFacts, type OrderReport, OrderStatus } from './order-state.js';
import type { CommandOutcome, Venue } from './venue.js';

export type Failure = { readonly ok: false; readonly code: ResultCode; readonly message: string | undefined; readonly order?: OrderFacts | undefined; readonly original?: ResultCode | undefined };
export type Result<T> = { readonly ok: true; readonly value: T } | Failure;

/** A new order: PlaceArgs less the account, which is the caller's. */
export type PlaceRequest = Omit<PlaceArgs, 'accountId'>;

export interface Placed {
  /** The order as its command left it. */
  readonly order: OrderFacts;
  /** This command's reports of the order (new, its fills as taker, done). */
  readonly reports: readonly OrderReport[];
  /** False when a retried clientOrderId found the order closed: nothing new was placed. */
  readonly created: boolean;
}

export interface Amended {
  readonly order: OrderFacts;
  readonly reports: readonly OrderReport[];
}

export interface ServiceOptions {
  readonly venue: Venue;
  readonly instruments: readonly Instrument[];
  readonly history: History;
  /** The edge's per-account order rate (throws RATE_LIMITED). */
  readonly admitOrder: (accountId: number) => void;
  /** Time spent per command, for metrics. */
  readonly observeCommand?: (command: Command, seconds: number) => void;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const refused = (code: ResultCode, message?: string, extra?: { order?: OrderFacts | undefined; original?: ResultCode }): Failure => ({ ok: false, code, message, ...extra });

/** A refusal thrown on the way (authorization, edge limits, lookups) as a Result. */
async function settle<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof VenueError) return refused(error.code, error.message);
    throw error;
  }
}

/** The first event's code, when the core refused the command. */
function rejection(outcome: CommandOutcome): ResultCode | undefined {
  const events = outcome.engine.events;
  return events.count > 0 && events.type(0) === EventType.REJECTED ? (events.field(0, Field.CODE) as ResultCode) : undefined;
}

export class VenueService {
  readonly byId: ReadonlyMap<number, Instrument>;
  readonly bySymbol: ReadonlyMap<string, Instrument>;

  constructor(private readonly options: ServiceOptions) {
    this.byId = new Map(options.instruments.map((i) => [i.id, i]));
    this.bySymbol = new Map(options.instruments.map((i) => [i.symbol, i]));
  }

  get venue(): Venue {
    return this.options.venue;
  }

  /** Sequences a command; `read` runs once it is durable, with its outcome. */
  async run<T>(command: Command, read: (outcome: CommandOutcome) => T): Promise<T> {
    const venue = this.options.venue;
    if (venue.error !== undefined) throw new VenueError(ResultCode.UNAVAILABLE);
    const started = process.hrtime.bigint();
    const result = await venue.execute(command, read);
    this.options.observeCommand?.(command, Number(process.hrtime.bigint() - started) / 1e9);
    return result;
  }

  instrument(instrumentId: number): Instrument {
    return this.byId.get(instrumentId) ?? fail(ResultCode.UNKNOWN_INSTRUMENT, `no instrument ${instrumentId}`);
  }

  place(who: Principal, request: PlaceRequest): Promise<Result<Placed>> {
    return settle(async () => {
      const accountId = authorizeAccount(who, 'trade');
      this.options.admitOrder(accountId);
      this.instrument(request.instrumentId);
      return this.run(place({ ...request, accountId }), (outcome): Result<Placed> => {
        const orderId = outcome.seq;
        const mine = outcome.reports.filter((r) => r.order.orderId === orderId);
        const last = mine.at(-1);
        if (last !== undefined && last.execType !== ExecType.REJECTED) return ok({ order: last.order, reports: mine, created: true });
        const code = last?.code ?? rejection(outcome) ?? ResultCode.INTERNAL_ERROR;
        if (request.clientOrderId !== undefined && (code === ResultCode.DUPLICATE_CLIENT_ORDER_ID || code === ResultCode.CLIENT_ORDER_ID_DONE)) return this.retried(accountId, request.clientOrderId);
        return refused(code);
      });
    });
  }

  /**
   * A place whose clientOrderId the account already used, as the core's table says (the core
   * refused it before any other check: nothing was placed). An open order's id is refused with the
   * order as it stands; a rejected one with CLIENT_ORDER_ID_DONE and its first refusal; a closed one
   * answers with the order's final state (created false).
   */
  private retried(accountId: number, clientOrderId: string): Result<Placed> {
    const replica = this.options.venue.replica;
    const entry = replica.clientIds.lookup(accountId, clientOrderId);
    if (entry === undefined) throw new InvariantViolation(`the core refused clientOrderId ${clientOrderId} of account ${accountId} as used, and its table has no entry`);
    if (entry.status === ClientOrderStatus.REJECTED) {
      return refused(ResultCode.CLIENT_ORDER_ID_DONE, `clientOrderId ${clientOrderId} was rejected (${entry.code}) and nothing was placed; use a new clientOrderId`, { original: entry.code as ResultCode });
    }
    if (entry.status === ClientOrderStatus.OPEN) {
      return refused(ResultCode.DUPLICATE_CLIENT_ORDER_ID, `clientOrderId ${clientOrderId} is open order ${entry.orderId}`, { order: this.openOrderFacts(entry.instrumentId, entry.orderId) });
    }
    // The full state while the history holds it (in memory since start: issue 16 makes it durable), else what the core keeps.
    const kept = this.options.history.closedOrder(accountId, entry.orderId);
    const status = entry.status === ClientOrderStatus.FILLED ? OrderStatus.FILLED : entry.status === ClientOrderStatus.EXPIRED ? OrderStatus.EXPIRED : OrderStatus.CANCELLED;
    return ok({ order: kept ?? { ...this.bareFacts(entry.instrumentId, entry.orderId, accountId, clientOrderId), filledLots: entry.filledLots, status }, reports: [], created: false });
  }

  /** The order as the replica's book holds it, in the tracker's terms. */
  openOrderFacts(instrumentId: number, orderId: number): OrderFacts | undefined {
    const replica = this.options.venue.replica;
    const view = this.byId.has(instrumentId) ? replica.book(instrumentId).order(orderId) : undefined;
    if (view === undefined) return undefined;
    const bare = this.bareFacts(instrumentId, orderId, view.accountId, replica.clientIds.ofOrder(orderId)?.clientOrderId);
    const status = view.pendingStop ? OrderStatus.PENDING_TRIGGER : view.filledLots > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
    return { ...bare, side: view.side as Side, orderType: view.orderType as OrderFacts['orderType'], timeInForce: view.timeInForce as OrderFacts['timeInForce'], priceTicks: view.priceTicks, stopPriceTicks: view.stopPriceTicks, quantityLots: view.quantityLots, filledLots: view.filledLots, leavesLots: view.remainingLots, status };
  }

  private bareFacts(instrumentId: number, orderId: number, accountId: number, clientOrderId: string | undefined): OrderFacts {
    return { orderId, accountId, instrumentId, clientOrderId, side: 0 as Side, orderType: 0 as OrderFacts['orderType'], timeInForce: 0 as OrderFacts['timeInForce'], priceTicks: 0, stopPriceTicks: 0, quantityLots: 0, displayLots: 0, filledLots: 0, leavesLots: 0, notional: 0n, notionalComplete: false, status: OrderStatus.NEW, seq: 0, timestampNs: 0n };
  }

  /**
   * The caller's open order, or UNKNOWN_ORDER (another account's order is not revealed). Authorized
   * first for what the caller is about to do: a venue key amending learns FORBIDDEN, not UNKNOWN_ORDER.
   */
  ownOpenOrder(who: Principal, orderId: number, access: AccountAccess): OrderFacts {
    authorizeAccount(who, access);
    const found = this.options.venue.replica.risk?.openOrder(orderId);
    const facts = found?.accountId === who.accountId ? this.openOrderFacts(found.instrumentId, orderId) : undefined;
    if (facts?.accountId !== who.accountId) fail(ResultCode.UNKNOWN_ORDER);
    return facts;
  }

  /** The account's open orders, of one instrument or all. */
  openOrders(who: Principal, instrumentId: number | undefined): OrderFacts[] {
    const accountId = authorizeAccount(who, 'read');
    return (this.options.venue.replica.risk?.ordersOf(accountId) ?? []).flatMap(([id, inst]) => (instrumentId !== undefined && instrumentId !== inst ? [] : (this.openOrderFacts(inst, id) ?? [])));
  }

  /** An order of the caller's account: open from the replica, closed from the history. */
  order(who: Principal, orderId: number): Result<OrderFacts> {
    const accountId = authorizeAccount(who, 'read');
    if (this.options.venue.replica.risk?.openOrder(orderId)?.accountId === accountId) return ok(this.ownOpenOrder(who, orderId, 'read'));
    const closed = this.options.history.closedOrder(accountId, orderId);
    return closed === undefined ? refused(ResultCode.UNKNOWN_ORDER) : ok(closed);
  }

  cancel(who: Principal, orderId: number): Promise<Result<{ orderId: number }>> {
    return settle(async () => {
      const accountId = authorizeAccount(who, 'trade');
      const order = this.ownOpenOrder(who, orderId, 'trade');
      const code = await this.run(cancel(order.instrumentId, accountId, orderId), rejection);
      return code === undefined ? ok({ orderId }) : refused(code);
    });
  }

  /** New price and/or total quantity (0: unchanged). */
  amend(who: Principal, orderId: number, change: { priceTicks: number; quantityLots: number }): Promise<Result<Amended>> {
    return settle(async () => {
      const accountId = authorizeAccount(who, 'trade');
      this.options.admitOrder(accountId);
      const before = this.ownOpenOrder(who, orderId, 'trade');
      return this.run(amend(before.instrumentId, accountId, orderId, change), (outcome): Result<Amended> => {
        const code = rejection(outcome);
        if (code !== undefined) return refused(code);
        const mine = outcome.reports.filter((r) => r.order.orderId === orderId);
        return ok({ order: mine.at(-1)?.order ?? before, reports: mine });
      });
    });
  }

  /** Every open order of the account, or of one instrument (0: all), or of one side (0: both). */
  cancelAll(who: Principal, instrumentId: number, side: 0 | Side): Promise<Result<{ cancelled: number[] }>> {
    return settle(async () => {
      const accountId = authorizeAccount(who, 'trade');
      if (instrumentId !== 0) this.instrument(instrumentId);
      const cancelled = await this.run(massCancel(accountId, instrumentId, side), (outcome) => outcome.reports.filter((r) => r.execType === ExecType.CANCELLED).map((r) => r.order.orderId));
      return ok({ cancelled });
    });
  }

  /**
   * Credits every asset or none (the core checks them all first). With a depositId the core
   * remembers it per account: a retry credits nothing and says which seq applied it.
   */
  deposit(actor: Principal, accountId: number, credits: readonly { assetId: number; amount: number }[], depositId?: string): Promise<Result<{ seq: number; replayed: boolean }>> {
    return settle(async () => {
      staffOnly(actor, 'admin');
      if (credits.length === 0) return ok({ seq: 0, replayed: false });
      const command = depositAll({ accountId, credits, actorId: actor.actorId, ...(depositId === undefined ? {} : { depositId }) });
      return this.run(command, (outcome): Result<{ seq: number; replayed: boolean }> => {
        const code = rejection(outcome);
        const original = outcome.engine.events.count > 0 ? outcome.engine.events.field(0, Field.ORIGINAL_ID) : 0;
        if (code === ResultCode.DEPOSIT_ALREADY_APPLIED) return ok({ seq: original, replayed: true });
        if (code === ResultCode.DEPOSIT_ID_REUSED) return refused(code, `depositId ${depositId ?? ''} was applied at seq ${original} with other assets or amounts; nothing was credited`);
        return code === undefined ? ok({ seq: outcome.seq, replayed: false }) : refused(code);
      });
    });
  }

  setLimit(actor: Principal, args: { accountId: number; instrumentId: number; kind: number; value: number }): Promise<Result<null>> {
    return this.admin(actor, 'risk', setLimit({ ...args, actorId: actor.actorId }));
  }

  setKillSwitch(actor: Principal, accountId: number, on: boolean): Promise<Result<null>> {
    return this.admin(actor, 'risk', setKillSwitch(accountId, on, actor.actorId));
  }

  setHalt(actor: Principal, instrumentId: number, on: boolean): Promise<Result<null>> {
    return this.admin(actor, 'risk', setHalt(instrumentId, on, actor.actorId));
  }

  private admin(actor: Principal, scope: 'risk' | 'admin', command: Command): Promise<Result<null>> {
    return settle(async () => {
      staffOnly(actor, scope);
      const code = await this.run(command, rejection);
      return code === undefined ? ok(null) : refused(code);
    });
  }
}

function fail(code: ResultCode, message?: string): never {
  throw new VenueError(code, message);
}

/** Venue staff: risk commands (limits, kill switch, halt) need risk; deposits need admin. */
export function staffOnly(who: Principal, scope: 'risk' | 'admin'): void {
  if (!who.scopes.has(scope)) fail(ResultCode.FORBIDDEN, scope === 'admin' ? 'admin endpoints need an admin key or user' : 'risk endpoints need a risk officer or admin');
}
