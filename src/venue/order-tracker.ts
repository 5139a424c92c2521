// The one place where the core's events become order state and execution reports. Every consumer
// (REST answers and views, WebSocket ExecutionReports, FIX ExecutionReports, history, and later the
// settlement ledger) reads the reports this produces; none of them reads order events itself.
// Before this, four copies of this logic disagreed: WebSocket said NEW for an amended order that
// had fills, and only FIX reported a self-trade-prevention decrement.
//
// It follows the open orders it has seen: accepted since start, resting in the recovered books at
// start (follow), or first met in an event (a stop recovered pending its trigger: read from the
// replica's book once it rests, or from the event once it has left it). Reports are plain data, copied per
// event, valid forever: a consumer may keep them or post them to another thread.
import type { ResultCode } from '../domain/result-codes.js';
import { type Command, CommandKind, OrderType, type Side, type TimeInForce } from '../engine/command.js';
import { DoneReason, DoneStatus, type EventBuffer, EventType, Field } from '../engine/event.js';
import type { OrderView } from '../engine/order-book.js';
import { ExecType, type FillFacts, type OrderFacts, type OrderReport, OrderStatus } from './order-state.js';

/** What the tracker reads besides the events: the replica's state after the command. */
export interface TrackerSource {
  /** An open order as the replica's book holds it (for orders that predate this process). */
  openOrder(instrumentId: number, orderId: number): OrderView | undefined;
  clientOrderIdOf(orderId: number): string | undefined;
  /** The fee of one side of a trade (quote units, negative a rebate) and the asset it is in. */
  fee(instrumentId: number, priceTicks: number, lots: number, maker: boolean): { units: number; assetId: number };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type State = Mutable<OrderFacts>;

/** DONE's status and reason as the order's final status (an end-of-day cancel is an expiry). */
function closedStatus(status: number, reason: number): OrderStatus {
  if (status === DoneStatus.FILLED) return OrderStatus.FILLED;
  return status === DoneStatus.EXPIRED || reason === DoneReason.END_OF_DAY ? OrderStatus.EXPIRED : OrderStatus.CANCELLED;
}

function workingStatus(state: State): OrderStatus {
  return state.filledLots > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
}

export class OrderTracker {
  private readonly open = new Map<number, State>();
  private reports: OrderReport[] = [];
  private seq = 0;
  private timestampNs = 0n;

  constructor(private readonly source: TrackerSource) {}

  /** Open orders followed now (for metrics and tests). */
  get followed(): number {
    return this.open.size;
  }

  /**
   * Follows a resting order this process did not see accepted (it was recovered from a snapshot or
   * the journal), from the replica's book: called for every resting order at start, so that one
   * that later closes, and so leaves the book before the tracker could read it, is still reported
   * with its side, type and price.
   */
  follow(instrumentId: number, orderId: number): void {
    const view = this.source.openOrder(instrumentId, orderId);
    if (view !== undefined) this.stateOf(instrumentId, orderId, view.accountId, view.remainingLots);
  }

  /** The reports of one durable command, in event order. */
  observe(events: EventBuffer, command: Command, seq: number, timestampNs: bigint): readonly OrderReport[] {
    this.reports = [];
    this.seq = seq;
    this.timestampNs = timestampNs;
    for (let i = 0; i < events.count; i++) {
      switch (events.type(i)) {
        case EventType.ACCEPTED:
          this.accepted(events, i);
          break;
        case EventType.REJECTED:
          if (command.kind === CommandKind.PLACE) this.rejected(events, i, command);
          break;
        case EventType.TRADE:
          this.traded(events, i, true);
          this.traded(events, i, false);
          break;
        case EventType.AMENDED:
          this.amended(events, i);
          break;
        case EventType.DECREMENTED:
          this.decremented(events, i);
          break;
        case EventType.TRIGGERED:
          this.triggered(events, i);
          break;
        case EventType.DONE:
          this.done(events, i);
          break;
        default:
          break;
      }
    }
    return this.reports;
  }

  private emit(execType: ExecType, state: State, eventIndex: number, extra?: { fill?: FillFacts; reason?: DoneReason; code?: ResultCode; decrementLots?: number }): void {
    state.seq = this.seq;
    state.timestampNs = this.timestampNs;
    this.reports.push({ execType, order: { ...state }, eventIndex, fill: extra?.fill, reason: extra?.reason, code: extra?.code, decrementLots: extra?.decrementLots ?? 0 });
  }

  private accepted(events: EventBuffer, i: number): void {
    const orderId = events.field(i, Field.ORDER_ID);
    const orderType = events.field(i, Field.ORDER_TYPE) as OrderType;
    const quantityLots = events.field(i, Field.QUANTITY);
    const state: State = {
      orderId,
      accountId: events.field(i, Field.ACCOUNT),
      instrumentId: events.field(i, Field.INSTRUMENT),
      clientOrderId: this.source.clientOrderIdOf(orderId),
      side: events.field(i, Field.SIDE) as Side,
      orderType,
      timeInForce: events.field(i, Field.TIME_IN_FORCE) as TimeInForce,
      priceTicks: events.field(i, Field.PRICE),
      stopPriceTicks: events.field(i, Field.STOP_PRICE),
      quantityLots,
      displayLots: events.field(i, Field.DISPLAY),
      filledLots: 0,
      leavesLots: quantityLots,
      notional: 0n,
      notionalComplete: true,
      // A stop is accepted waiting for its trigger (one that would trigger at once is refused, 3006).
      status: orderType === OrderType.STOP || orderType === OrderType.STOP_LIMIT ? OrderStatus.PENDING_TRIGGER : OrderStatus.NEW,
      seq: this.seq,
      timestampNs: this.timestampNs,
    };
    this.open.set(orderId, state);
    this.emit(ExecType.NEW, state, i);
  }

  /** A refused PLACE: the order never existed; its facts are the command's. */
  private rejected(events: EventBuffer, i: number, command: Command): void {
    const state: State = {
      orderId: events.field(i, Field.ORDER_ID),
      accountId: command.accountId,
      instrumentId: command.instrumentId,
      clientOrderId: command.clientOrderId === '' ? undefined : command.clientOrderId,
      side: command.side as Side,
      orderType: command.orderType as OrderType,
      timeInForce: command.timeInForce as TimeInForce,
      priceTicks: command.priceTicks,
      stopPriceTicks: command.stopPriceTicks,
      quantityLots: command.quantityLots,
      displayLots: command.displayLots,
      filledLots: 0,
      leavesLots: 0,
      notional: 0n,
      notionalComplete: true,
      status: OrderStatus.REJECTED,
      seq: this.seq,
      timestampNs: this.timestampNs,
    };
    this.emit(ExecType.REJECTED, state, i, { code: events.field(i, Field.CODE) as ResultCode });
  }

  private traded(events: EventBuffer, i: number, maker: boolean): void {
    const orderId = events.field(i, maker ? Field.MAKER_ORDER_ID : Field.TAKER_ORDER_ID);
    const instrumentId = events.field(i, Field.INSTRUMENT);
    const remaining = events.field(i, maker ? Field.MAKER_REMAINING : Field.TAKER_REMAINING);
    const priceTicks = events.field(i, Field.TRADE_PRICE);
    const lots = events.field(i, Field.TRADE_QUANTITY);
    const state = this.stateOf(instrumentId, orderId, events.field(i, maker ? Field.MAKER_ACCOUNT : Field.TAKER_ACCOUNT), lots + remaining);
    state.filledLots += lots;
    state.leavesLots = remaining;
    state.notional += BigInt(priceTicks) * BigInt(lots);
    state.status = remaining === 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
    const fee = this.source.fee(instrumentId, priceTicks, lots, maker);
    this.emit(ExecType.TRADE, state, i, { fill: { tradeId: events.field(i, Field.TRADE_ID), priceTicks, lots, maker, feeUnits: fee.units, feeAssetId: fee.assetId } });
    if (remaining === 0) this.open.delete(orderId);
  }

  private amended(events: EventBuffer, i: number): void {
    const state = this.stateOf(events.field(i, Field.INSTRUMENT), events.field(i, Field.ORDER_ID), events.field(i, Field.ACCOUNT), events.field(i, Field.AMEND_REMAINING));
    state.priceTicks = events.field(i, Field.AMEND_PRICE);
    state.quantityLots = events.field(i, Field.AMEND_QUANTITY);
    state.leavesLots = events.field(i, Field.AMEND_REMAINING);
    state.filledLots = state.quantityLots - state.leavesLots;
    if (state.status !== OrderStatus.PENDING_TRIGGER) state.status = workingStatus(state);
    this.emit(ExecType.AMENDED, state, i);
  }

  private decremented(events: EventBuffer, i: number): void {
    const remaining = events.field(i, Field.DECREMENT_REMAINING);
    const decrement = events.field(i, Field.DECREMENT);
    const state = this.stateOf(events.field(i, Field.INSTRUMENT), events.field(i, Field.ORDER_ID), events.field(i, Field.ACCOUNT), remaining + decrement);
    state.quantityLots -= decrement;
    state.leavesLots = remaining;
    this.emit(ExecType.RESTATED, state, i, { decrementLots: decrement });
  }

  private triggered(events: EventBuffer, i: number): void {
    const orderId = events.field(i, Field.ORDER_ID);
    const instrumentId = events.field(i, Field.INSTRUMENT);
    const state = this.stateOf(instrumentId, orderId, events.field(i, Field.ACCOUNT), this.source.openOrder(instrumentId, orderId)?.remainingLots ?? 0);
    state.status = workingStatus(state);
    this.emit(ExecType.TRIGGERED, state, i);
  }

  private done(events: EventBuffer, i: number): void {
    const orderId = events.field(i, Field.ORDER_ID);
    const status = events.field(i, Field.STATUS);
    const reason = events.field(i, Field.REASON) as DoneReason;
    // A fill that completes an order reports it FILLED with the trade; DONE adds nothing then.
    if (status === DoneStatus.FILLED) {
      this.open.delete(orderId);
      return;
    }
    const state = this.stateOf(events.field(i, Field.INSTRUMENT), orderId, events.field(i, Field.ACCOUNT), events.field(i, Field.LEFT));
    state.filledLots = events.field(i, Field.FILLED);
    state.leavesLots = 0;
    state.status = closedStatus(status, reason);
    this.emit(state.status === OrderStatus.EXPIRED ? ExecType.EXPIRED : ExecType.CANCELLED, state, i, { reason });
    this.open.delete(orderId);
  }

  /**
   * The order's state. One this process has not seen accepted (it was recovered from a snapshot) is
   * picked up from the replica's book as the command left it, or from the event once it has left the
   * book; `leavesBefore` is what the event says was unfilled before it, so the lots filled before are
   * the quantity less that. Fills before the start are not in its notional, and it says so.
   */
  private stateOf(instrumentId: number, orderId: number, accountId: number, leavesBefore: number): State {
    const known = this.open.get(orderId);
    if (known !== undefined) return known;
    const view = this.source.openOrder(instrumentId, orderId);
    const quantityLots = view?.quantityLots ?? leavesBefore;
    const filledLots = Math.max(0, quantityLots - leavesBefore);
    const state: State = {
      orderId,
      accountId,
      instrumentId,
      clientOrderId: this.source.clientOrderIdOf(orderId),
      side: (view?.side ?? 0) as Side,
      orderType: (view?.orderType ?? OrderType.LIMIT) as OrderType,
      timeInForce: (view?.timeInForce ?? 0) as TimeInForce,
      priceTicks: view?.priceTicks ?? 0,
      stopPriceTicks: view?.stopPriceTicks ?? 0,
      quantityLots,
      displayLots: 0,
      filledLots,
      leavesLots: leavesBefore,
      notional: 0n,
      notionalComplete: filledLots === 0,
      status: view?.pendingStop === true ? OrderStatus.PENDING_TRIGGER : filledLots > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW,
      seq: this.seq,
      timestampNs: this.timestampNs,
    };
    this.open.set(orderId, state);
    return state;
  }
}
