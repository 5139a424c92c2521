// Recent history kept in memory from durable commands: the public trades per instrument (from the
// events) and, from the OrderTracker's reports, each account's fills and closed orders. Since the
// process started, bounded; the journal holds the full record (issue 16 makes history durable).
// Integers only: the gateways spell them.
import { EventType, Field } from '../engine/event.js';
import type { Side } from '../engine/command.js';
import { ExecType, type FillFacts, isOpenStatus, type OrderFacts, OrderStatus } from '../venue/order-state.js';
import type { CommandOutcome } from '../venue/venue.js';

export const TRADES_KEPT = 1000;
export const FILLS_KEPT = 1000;
/** Closed orders remembered per account (newest kept). */
export const CLOSED_KEPT = 1000;

export interface Trade {
  readonly tradeId: number;
  readonly instrumentId: number;
  readonly priceTicks: number;
  readonly lots: number;
  /** The aggressor's side. */
  readonly side: Side;
  readonly seq: number;
  readonly timestampNs: bigint;
}

/** A fill of the account's order, and the order as that fill left it. */
export interface AccountFill {
  readonly fill: FillFacts;
  readonly order: OrderFacts;
}

function push<T>(list: T[], item: T, limit: number): void {
  list.push(item);
  if (list.length > limit) list.splice(0, list.length - limit);
}

export class History {
  private readonly closed = new Map<number, OrderFacts[]>();
  private readonly trades = new Map<number, Trade[]>();
  private readonly fills = new Map<number, AccountFill[]>();

  observe(outcome: CommandOutcome): void {
    const events = outcome.engine.events;
    for (let i = 0; i < events.count; i++) {
      if (events.type(i) !== EventType.TRADE) continue;
      const instrumentId = events.field(i, Field.INSTRUMENT);
      const trades = this.trades.get(instrumentId) ?? [];
      push(trades, { tradeId: events.field(i, Field.TRADE_ID), instrumentId, priceTicks: events.field(i, Field.TRADE_PRICE), lots: events.field(i, Field.TRADE_QUANTITY), side: events.field(i, Field.AGGRESSOR_SIDE) as Side, seq: outcome.seq, timestampNs: outcome.timestampNs }, TRADES_KEPT);
      this.trades.set(instrumentId, trades);
    }
    for (const report of outcome.reports) {
      const { order } = report;
      if (report.execType === ExecType.TRADE && report.fill !== undefined) {
        const fills = this.fills.get(order.accountId) ?? [];
        push(fills, { fill: report.fill, order }, FILLS_KEPT);
        this.fills.set(order.accountId, fills);
      }
      if (!isOpenStatus(order.status) && order.status !== OrderStatus.REJECTED) {
        const list = this.closed.get(order.accountId) ?? [];
        push(list, order, CLOSED_KEPT);
        this.closed.set(order.accountId, list);
      }
    }
  }

  /** A closed order of the account, if it closed since start and is among its last CLOSED_KEPT. */
  closedOrder(accountId: number, orderId: number): OrderFacts | undefined {
    return (this.closed.get(accountId) ?? []).find((o) => o.orderId === orderId);
  }

  /** Newest first. */
  closedOrders(accountId: number, instrumentId: number | undefined): OrderFacts[] {
    return (this.closed.get(accountId) ?? []).filter((o) => instrumentId === undefined || o.instrumentId === instrumentId).reverse();
  }

  /** Newest first. */
  recentTrades(instrumentId: number, limit: number): Trade[] {
    return (this.trades.get(instrumentId) ?? []).slice(-limit).reverse();
  }

  /** Newest first. */
  accountFills(accountId: number, instrumentId: number | undefined, limit: number): AccountFill[] {
    const all = this.fills.get(accountId) ?? [];
    return all.filter((f) => instrumentId === undefined || f.order.instrumentId === instrumentId).slice(-limit).reverse();
  }

  /** The account's fills of one order that history still holds, oldest first. */
  fillsOf(accountId: number, orderId: number): AccountFill[] {
    return (this.fills.get(accountId) ?? []).filter((f) => f.order.orderId === orderId);
  }
}
