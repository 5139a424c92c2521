// How each gateway spells the venue's enums: one table per concept, one row per value, with the REST
// text, the protobuf enum and the FIX character side by side. Nothing else in the gateways maps an
// enum; a gateway converts at its edge and hands the venue service integers (src/engine/command.ts,
// src/venue/order-state.ts). Lookups by client input use Maps, so "constructor" or "__proto__"
// finds nothing.
import { OrderType, SelfTradePrevention, Side, TimeInForce } from '../engine/command.js';
import { type kapita, pb } from '../protocol/wire.js';
import { ExecType, OrderStatus } from '../venue/order-state.js';

interface Row<V extends number, P extends number> {
  readonly value: V;
  /** REST (and the WebSocket's JSON text of the REST views): the API's own spelling. */
  readonly rest: string;
  /** The protobuf enum number (proto/kapita/v1/kapita.proto); 0 is UNSPECIFIED everywhere. */
  readonly pb: P;
  /** The FIX character, when FIX has one. */
  readonly fix: string | undefined;
}

export class Spelling<V extends number, P extends number = number> {
  private readonly byValue = new Map<number, Row<V, P>>();
  private readonly byRest = new Map<string, V>();
  private readonly byPb = new Map<number, V>();
  private readonly byFix = new Map<string, V>();

  constructor(
    /** The concept's name in the API's spelling, for error texts ("timeInForce"). */
    readonly name: string,
    readonly rows: readonly Row<V, P>[],
  ) {
    for (const row of rows) {
      this.byValue.set(row.value, row);
      this.byRest.set(row.rest, row.value);
      if (row.pb !== 0) this.byPb.set(row.pb, row.value);
      if (row.fix !== undefined) this.byFix.set(row.fix, row.value);
    }
  }

  fromRest(text: string): V | undefined {
    return this.byRest.get(text);
  }

  fromPb(value: number): V | undefined {
    return this.byPb.get(value);
  }

  fromFix(text: string): V | undefined {
    return this.byFix.get(text);
  }

  rest(value: number): string {
    return this.row(value).rest;
  }

  /** The protobuf enum; UNSPECIFIED (0) for a value the table lacks (an order known only by id). */
  pb(value: number): P {
    return this.byValue.get(value)?.pb ?? (0 as P);
  }

  fix(value: number): string {
    const fix = this.row(value).fix;
    if (fix === undefined) throw new Error(`${this.name} ${this.row(value).rest} has no FIX spelling`);
    return fix;
  }

  /** "side must be one of buy, sell": what an invalid value's error says. */
  restChoices(): string {
    return `${this.name} must be one of ${this.rows.map((r) => r.rest).join(', ')}`;
  }

  fixChoices(tag: number, tagName: string): string {
    return `${tagName} (${tag}) must be one of ${this.rows.filter((r) => r.fix !== undefined).map((r) => `${r.fix ?? ''} (${r.rest})`).join(', ')}`;
  }

  private row(value: number): Row<V, P> {
    const row = this.byValue.get(value);
    // Values come from the core or from this table: one outside it is a bug, not bad input.
    if (row === undefined) throw new Error(`no ${this.name} ${value}`);
    return row;
  }
}

export const SIDE = new Spelling<Side, kapita.v1.Side>('side', [
  { value: Side.BUY, rest: 'buy', pb: pb.Side.SIDE_BUY, fix: '1' },
  { value: Side.SELL, rest: 'sell', pb: pb.Side.SIDE_SELL, fix: '2' },
]);

export const ORDER_TYPE = new Spelling<OrderType, kapita.v1.OrderType>('type', [
  { value: OrderType.LIMIT, rest: 'limit', pb: pb.OrderType.ORDER_TYPE_LIMIT, fix: '2' },
  { value: OrderType.MARKET, rest: 'market', pb: pb.OrderType.ORDER_TYPE_MARKET, fix: '1' },
  { value: OrderType.STOP, rest: 'stop', pb: pb.OrderType.ORDER_TYPE_STOP, fix: '3' },
  { value: OrderType.STOP_LIMIT, rest: 'stop_limit', pb: pb.OrderType.ORDER_TYPE_STOP_LIMIT, fix: '4' },
]);

export const TIME_IN_FORCE = new Spelling<TimeInForce, kapita.v1.TimeInForce>('timeInForce', [
  { value: TimeInForce.GTC, rest: 'GTC', pb: pb.TimeInForce.TIME_IN_FORCE_GTC, fix: '1' },
  { value: TimeInForce.IOC, rest: 'IOC', pb: pb.TimeInForce.TIME_IN_FORCE_IOC, fix: '3' },
  { value: TimeInForce.FOK, rest: 'FOK', pb: pb.TimeInForce.TIME_IN_FORCE_FOK, fix: '4' },
  { value: TimeInForce.DAY, rest: 'DAY', pb: pb.TimeInForce.TIME_IN_FORCE_DAY, fix: '0' },
]);

/** The engine's numbers and the proto's are the same (proto SelfTradePrevention mirrors command.ts). */
export const SELF_TRADE_PREVENTION = new Spelling<SelfTradePrevention, kapita.v1.SelfTradePrevention>('selfTradePrevention', [
  { value: SelfTradePrevention.ACCOUNT_DEFAULT, rest: 'account_default', pb: pb.SelfTradePrevention.SELF_TRADE_PREVENTION_UNSPECIFIED, fix: undefined },
  { value: SelfTradePrevention.NONE, rest: 'none', pb: pb.SelfTradePrevention.SELF_TRADE_PREVENTION_NONE, fix: undefined },
  { value: SelfTradePrevention.CANCEL_NEWEST, rest: 'cancel_newest', pb: pb.SelfTradePrevention.SELF_TRADE_PREVENTION_CANCEL_NEWEST, fix: undefined },
  { value: SelfTradePrevention.CANCEL_OLDEST, rest: 'cancel_oldest', pb: pb.SelfTradePrevention.SELF_TRADE_PREVENTION_CANCEL_OLDEST, fix: undefined },
  { value: SelfTradePrevention.CANCEL_BOTH, rest: 'cancel_both', pb: pb.SelfTradePrevention.SELF_TRADE_PREVENTION_CANCEL_BOTH, fix: undefined },
  { value: SelfTradePrevention.DECREMENT_AND_CANCEL, rest: 'decrement_and_cancel', pb: pb.SelfTradePrevention.SELF_TRADE_PREVENTION_DECREMENT_AND_CANCEL, fix: undefined },
]);

/** FIX OrdStatus (39): a pending stop is New (0) there. */
export const ORDER_STATUS = new Spelling<OrderStatus, kapita.v1.OrderStatus>('status', [
  { value: OrderStatus.NEW, rest: 'new', pb: pb.OrderStatus.ORDER_STATUS_NEW, fix: '0' },
  { value: OrderStatus.PARTIALLY_FILLED, rest: 'partially_filled', pb: pb.OrderStatus.ORDER_STATUS_PARTIALLY_FILLED, fix: '1' },
  { value: OrderStatus.FILLED, rest: 'filled', pb: pb.OrderStatus.ORDER_STATUS_FILLED, fix: '2' },
  { value: OrderStatus.CANCELLED, rest: 'cancelled', pb: pb.OrderStatus.ORDER_STATUS_CANCELED, fix: '4' },
  { value: OrderStatus.EXPIRED, rest: 'expired', pb: pb.OrderStatus.ORDER_STATUS_EXPIRED, fix: 'C' },
  { value: OrderStatus.PENDING_TRIGGER, rest: 'pending_trigger', pb: pb.OrderStatus.ORDER_STATUS_PENDING_TRIGGER, fix: '0' },
  { value: OrderStatus.REJECTED, rest: 'rejected', pb: pb.OrderStatus.ORDER_STATUS_REJECTED, fix: '8' },
]);

/** FIX ExecType (150), and the protobuf ExecType. */
export const EXEC_TYPE = new Spelling<ExecType, kapita.v1.ExecType>('execType', [
  { value: ExecType.NEW, rest: 'new', pb: pb.ExecType.EXEC_TYPE_NEW, fix: '0' },
  { value: ExecType.TRADE, rest: 'trade', pb: pb.ExecType.EXEC_TYPE_TRADE, fix: 'F' },
  { value: ExecType.AMENDED, rest: 'amended', pb: pb.ExecType.EXEC_TYPE_AMENDED, fix: '5' },
  { value: ExecType.RESTATED, rest: 'restated', pb: pb.ExecType.EXEC_TYPE_RESTATED, fix: 'D' },
  { value: ExecType.CANCELLED, rest: 'cancelled', pb: pb.ExecType.EXEC_TYPE_CANCELED, fix: '4' },
  { value: ExecType.EXPIRED, rest: 'expired', pb: pb.ExecType.EXEC_TYPE_EXPIRED, fix: 'C' },
  { value: ExecType.TRIGGERED, rest: 'triggered', pb: pb.ExecType.EXEC_TYPE_TRIGGERED, fix: 'L' },
  { value: ExecType.REJECTED, rest: 'rejected', pb: pb.ExecType.EXEC_TYPE_REJECTED, fix: '8' },
]);

/** Candle intervals: REST text, protobuf enum, and the width in minutes as the value. */
export const CANDLE_INTERVAL = new Spelling<number, kapita.v1.CandleInterval>('interval', [
  { value: 1, rest: '1m', pb: pb.CandleInterval.CANDLE_INTERVAL_1M, fix: undefined },
  { value: 5, rest: '5m', pb: pb.CandleInterval.CANDLE_INTERVAL_5M, fix: undefined },
  { value: 15, rest: '15m', pb: pb.CandleInterval.CANDLE_INTERVAL_15M, fix: undefined },
  { value: 60, rest: '1h', pb: pb.CandleInterval.CANDLE_INTERVAL_1H, fix: undefined },
  { value: 240, rest: '4h', pb: pb.CandleInterval.CANDLE_INTERVAL_4H, fix: undefined },
  { value: 1440, rest: '1d', pb: pb.CandleInterval.CANDLE_INTERVAL_1D, fix: undefined },
]);
