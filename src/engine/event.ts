// Events out of the matching engine, written into one reusable buffer of fixed-width numeric records
// so that emitting an event allocates nothing. A record is EVENT_WIDTH doubles: [type, seq, …fields];
// every field is an exact integer. Both order books write through these methods, so "byte-identical
// event streams" is a comparison of the buffers' bytes.

export const EventType = {
  ACCEPTED: 1,
  REJECTED: 2,
  TRADE: 3,
  DONE: 4,
  AMENDED: 5,
  TRIGGERED: 6,
  BOOK_LEVEL: 7,
  DECREMENTED: 8,
  ACCOUNT_STP: 9,
} as const;
export type EventType = (typeof EventType)[keyof typeof EventType];

export const DoneStatus = { FILLED: 1, CANCELLED: 2, EXPIRED: 3 } as const;
export type DoneStatus = (typeof DoneStatus)[keyof typeof DoneStatus];

/** Why an order left the book without filling. */
export const DoneReason = {
  FILLED: 0,
  USER_CANCEL: 1,
  MASS_CANCEL: 2,
  /** IOC or market remainder after matching what was there. */
  UNFILLED_REMAINDER: 3,
  SELF_TRADE_PREVENTION: 4,
  END_OF_DAY: 5,
  /** A triggered FOK stop that could not fill in full. */
  FOK_KILLED: 6,
  /** The remainder needed a new price level and the book's level capacity was reached. */
  PRICE_LEVELS_FULL: 7,
} as const;
export type DoneReason = (typeof DoneReason)[keyof typeof DoneReason];

export const EVENT_WIDTH = 14;

/** Field offsets inside a record, per event type (offset 0 is the type, 1 the seq). */
export const Field = {
  INSTRUMENT: 2,
  // ACCEPTED, REJECTED, DONE, AMENDED, TRIGGERED, DECREMENTED
  ORDER_ID: 3,
  ACCOUNT: 4,
  // ACCEPTED
  SIDE: 5,
  ORDER_TYPE: 6,
  TIME_IN_FORCE: 7,
  PRICE: 8,
  QUANTITY: 9,
  STOP_PRICE: 10,
  DISPLAY: 11,
  // REJECTED
  CODE: 5,
  COMMAND_KIND: 6,
  // TRADE
  TRADE_ID: 3,
  TRADE_PRICE: 4,
  TRADE_QUANTITY: 5,
  MAKER_ORDER_ID: 6,
  MAKER_ACCOUNT: 7,
  TAKER_ORDER_ID: 8,
  TAKER_ACCOUNT: 9,
  AGGRESSOR_SIDE: 10,
  MAKER_REMAINING: 11,
  TAKER_REMAINING: 12,
  // DONE
  STATUS: 5,
  REASON: 6,
  /** DONE: quantity that left unfilled (0 when filled). */
  LEFT: 7,
  FILLED: 8,
  // AMENDED
  AMEND_PRICE: 5,
  AMEND_QUANTITY: 6,
  AMEND_REMAINING: 7,
  PRIORITY_KEPT: 8,
  // TRIGGERED
  TRIGGER_STOP_PRICE: 5,
  TRIGGER_LAST_PRICE: 6,
  // DECREMENTED (self-trade prevention, decrement-and-cancel)
  DECREMENT: 5,
  DECREMENT_REMAINING: 6,
  // ACCOUNT_STP: ACCOUNT then
  STP_MODE: 5,
  // BOOK_LEVEL
  LEVEL_SIDE: 3,
  LEVEL_PRICE: 4,
  LEVEL_DISPLAYED: 5,
  LEVEL_ORDERS: 6,
} as const;

const INITIAL_EVENTS = 1024;

export class EventBuffer {
  /** Records of the last apply(); valid until the next one. */
  data: Float64Array;
  count = 0;
  seq = 0;
  timestampNs = 0n;

  constructor(initialEvents = INITIAL_EVENTS) {
    this.data = new Float64Array(initialEvents * EVENT_WIDTH);
  }

  begin(seq: number, timestampNs: bigint): void {
    this.count = 0;
    this.seq = seq;
    this.timestampNs = timestampNs;
  }

  /** Start a record; returns its offset. Grows (rarely: a sweep or mass cancel) by doubling. */
  private next(type: EventType): number {
    const offset = this.count * EVENT_WIDTH;
    if (offset + EVENT_WIDTH > this.data.length) this.grow();
    const data = this.data;
    for (let i = 2; i < EVENT_WIDTH; i++) data[offset + i] = 0;
    data[offset] = type;
    data[offset + 1] = this.seq;
    this.count++;
    return offset;
  }

  private grow(): void {
    const bigger = new Float64Array(this.data.length * 2);
    bigger.set(this.data);
    this.data = bigger;
  }

  accepted(instrumentId: number, orderId: number, accountId: number, side: number, orderType: number, timeInForce: number, priceTicks: number, quantityLots: number, stopPriceTicks: number, displayLots: number): void {
    const o = this.next(EventType.ACCEPTED);
    const d = this.data;
    d[o + 2] = instrumentId;
    d[o + 3] = orderId;
    d[o + 4] = accountId;
    d[o + 5] = side;
    d[o + 6] = orderType;
    d[o + 7] = timeInForce;
    d[o + 8] = priceTicks;
    d[o + 9] = quantityLots;
    d[o + 10] = stopPriceTicks;
    d[o + 11] = displayLots;
  }

  rejected(instrumentId: number, orderId: number, accountId: number, code: number, commandKind: number): void {
    const o = this.next(EventType.REJECTED);
    const d = this.data;
    d[o + 2] = instrumentId;
    d[o + 3] = orderId;
    d[o + 4] = accountId;
    d[o + 5] = code;
    d[o + 6] = commandKind;
  }

  trade(instrumentId: number, tradeId: number, priceTicks: number, quantityLots: number, makerOrderId: number, makerAccountId: number, takerOrderId: number, takerAccountId: number, aggressorSide: number, makerRemainingLots: number, takerRemainingLots: number): void {
    const o = this.next(EventType.TRADE);
    const d = this.data;
    d[o + 2] = instrumentId;
    d[o + 3] = tradeId;
    d[o + 4] = priceTicks;
    d[o + 5] = quantityLots;
    d[o + 6] = makerOrderId;
    d[o + 7] = makerAccountId;
    d[o + 8] = takerOrderId;
    d[o + 9] = takerAccountId;
    d[o + 10] = aggressorSide;
    d[o + 11] = makerRemainingLots;
    d[o + 12] = takerRemainingLots;
  }

  done(instrumentId: number, orderId: number, accountId: number, status: DoneStatus, reason: DoneReason, leftLots: number, filledLots: number): void {
    const o = this.next(EventType.DONE);
    const d = this.data;
    d[o + 2] = instrumentId;
    d[o + 3] = orderId;
    d[o + 4] = accountId;
    d[o + 5] = status;
    d[o + 6] = reason;
    d[o + 7] = leftLots;
    d[o + 8] = filledLots;
  }

  amended(instrumentId: number, orderId: number, accountId: number, priceTicks: number, quantityLots: number, remainingLots: number, priorityKept: boolean): void {
    const o = this.next(EventType.AMENDED);
    const d = this.data;
    d[o + 2] = instrumentId;
    d[o + 3] = orderId;
    d[o + 4] = accountId;
    d[o + 5] = priceTicks;
    d[o + 6] = quantityLots;
    d[o + 7] = remainingLots;
    d[o + 8] = priorityKept ? 1 : 0;
  }

  triggered(instrumentId: number, orderId: number, accountId: number, stopPriceTicks: number, lastTradePriceTicks: number): void {
    const o = this.next(EventType.TRIGGERED);
    const d = this.data;
    d[o + 2] = instrumentId;
    d[o + 3] = orderId;
    d[o + 4] = accountId;
    d[o + 5] = stopPriceTicks;
    d[o + 6] = lastTradePriceTicks;
  }

  decremented(instrumentId: number, orderId: number, accountId: number, decrementLots: number, remainingLots: number): void {
    const o = this.next(EventType.DECREMENTED);
    const d = this.data;
    d[o + 2] = instrumentId;
    d[o + 3] = orderId;
    d[o + 4] = accountId;
    d[o + 5] = decrementLots;
    d[o + 6] = remainingLots;
  }

  bookLevel(instrumentId: number, side: number, priceTicks: number, displayedLots: number, orderCount: number): void {
    const o = this.next(EventType.BOOK_LEVEL);
    const d = this.data;
    d[o + 2] = instrumentId;
    d[o + 3] = side;
    d[o + 4] = priceTicks;
    d[o + 5] = displayedLots;
    d[o + 6] = orderCount;
  }

  accountSelfTradePrevention(accountId: number, mode: number): void {
    const o = this.next(EventType.ACCOUNT_STP);
    this.data[o + 4] = accountId;
    this.data[o + 5] = mode;
  }

  type(index: number): EventType {
    return this.field(index, 0) as EventType;
  }

  field(index: number, offset: number): number {
    if (index < 0 || index >= this.count) throw new RangeError(`event ${index} of ${this.count}`);
    const value = this.data[index * EVENT_WIDTH + offset];
    if (value === undefined) throw new RangeError(`field ${offset}`);
    return value;
  }

  /** A copy of this apply()'s records as bytes (tests compare streams with these). */
  bytes(): Uint8Array {
    return new Uint8Array(this.data.buffer.slice(0, this.count * EVENT_WIDTH * 8));
  }
}
