// The reference order book: plain objects, arrays and Maps, every rule spelled out the long way.
// It is the specification the fast book is tested against (property tests compare their event
// streams byte for byte), so clarity wins over speed everywhere here. Pro-rata uses bigint and
// hands out left-over lots literally one at a time.
import type { Instrument } from '../domain/instrument.js';
import { ResultCode } from '../domain/result-codes.js';
import { type Command, CommandKind, OrderType, SelfTradePrevention, Side, TimeInForce } from './command.js';
import { type DoneReason, DoneReason as Reason, DoneStatus, type EventBuffer } from './event.js';
import { type BookCapacity, type EngineCounters, invariant, type LevelView, type OrderBook, type OrderView, type StateSink, type StateSource } from './order-book.js';
import { exportOrder, importOrder, isBetter, isMarket, type NaiveOrder, opposite, stopReached, triggerOrder } from './naive-order.js';

export class NaiveOrderBook implements OrderBook {
  private readonly bids = new Map<number, NaiveOrder[]>();
  private readonly asks = new Map<number, NaiveOrder[]>();
  /** Pro-rata top order of each level, per side: the order that set a new best price. */
  private readonly topBid = new Map<number, number>();
  private readonly topAsk = new Map<number, number>();
  private readonly resting = new Map<number, NaiveOrder>();
  private readonly stops: NaiveOrder[] = [];
  private lastTrade = 0;
  private placedLots = 0;
  private filledLots = 0;
  private cancelledLots = 0;

  constructor(
    readonly instrument: Instrument,
    private readonly capacity: BookCapacity,
    private readonly events: EventBuffer,
    private readonly counters: EngineCounters,
  ) {}

  // ---- commands -------------------------------------------------------------------------------

  place(command: Command, orderId: number, selfTradePrevention: number): void {
    const peak = command.displayLots;
    const order: NaiveOrder = {
      id: orderId,
      account: command.accountId,
      side: command.side as Side,
      type: command.orderType,
      tif: command.timeInForce,
      price: command.priceTicks,
      stopPrice: command.stopPriceTicks,
      quantity: command.quantityLots,
      remaining: command.quantityLots,
      visible: peak > 0 ? Math.min(peak, command.quantityLots) : command.quantityLots,
      peak,
      filled: 0,
      postOnly: command.postOnly === 1,
      stp: selfTradePrevention,
    };
    if (this.resting.size + this.stops.length >= this.capacity.maxOrders) return this.reject(order, ResultCode.BOOK_FULL);
    if (order.type === OrderType.STOP || order.type === OrderType.STOP_LIMIT) return this.placeStop(order);
    if (order.type === OrderType.MARKET && this.sideMap(opposite(order.side)).size === 0) return this.reject(order, ResultCode.NO_LIQUIDITY);
    if (order.postOnly && this.wouldCross(order.side, order.price)) return this.reject(order, ResultCode.POST_ONLY_WOULD_CROSS);
    if (order.tif === TimeInForce.FOK && !this.canFillInFull(order)) return this.reject(order, ResultCode.FOK_CANNOT_FILL);
    this.accept(order);
    this.execute(order);
    this.processTriggers();
  }

  cancel(orderId: number, accountId: number): void {
    const order = this.resting.get(orderId);
    if (order !== undefined && order.account === accountId) {
      const before = this.levelState(order.side, order.price);
      this.removeResting(order);
      this.close(order, DoneStatus.CANCELLED, Reason.USER_CANCEL);
      this.emitLevelIfChanged(order.side, order.price, before);
      return;
    }
    const stopIndex = this.stops.findIndex((s) => s.id === orderId && s.account === accountId);
    const stop = this.stops[stopIndex];
    if (stop === undefined) {
      this.events.rejected(this.instrument.id, orderId, accountId, ResultCode.UNKNOWN_ORDER, CommandKind.CANCEL);
      return;
    }
    this.stops.splice(stopIndex, 1);
    this.close(stop, DoneStatus.CANCELLED, Reason.USER_CANCEL);
  }

  amend(orderId: number, accountId: number, priceTicks: number, quantityLots: number): void {
    const order = this.resting.get(orderId);
    const refuse = (code: ResultCode): void => {
      this.events.rejected(this.instrument.id, orderId, accountId, code, CommandKind.AMEND);
    };
    if (order === undefined || order.account !== accountId) {
      const isStop = this.stops.some((s) => s.id === orderId && s.account === accountId);
      return refuse(isStop ? ResultCode.ORDER_NOT_AMENDABLE : ResultCode.UNKNOWN_ORDER);
    }
    const price = priceTicks === 0 ? order.price : priceTicks;
    const quantity = quantityLots === 0 ? order.quantity : quantityLots;
    if (price === order.price && quantity === order.quantity) return refuse(ResultCode.NOTHING_TO_AMEND);
    if (quantity <= order.filled) return refuse(ResultCode.AMEND_QUANTITY_NOT_ABOVE_FILLED);
    if (order.postOnly && this.wouldCross(order.side, price)) return refuse(ResultCode.POST_ONLY_WOULD_CROSS);

    if (price === order.price && quantity < order.quantity) {
      // Quantity down at the same price keeps the order's place in the queue.
      const before = this.levelState(order.side, order.price);
      const reduction = order.quantity - quantity;
      order.quantity = quantity;
      order.remaining -= reduction;
      order.visible = Math.min(order.visible, order.remaining);
      this.cancelledLots += reduction;
      this.events.amended(this.instrument.id, order.id, order.account, price, quantity, order.remaining, true);
      this.emitLevelIfChanged(order.side, order.price, before);
      return;
    }
    // A new price or more quantity: out of the queue, then in again as if new (and it may trade).
    const oldPrice = order.price;
    const before = this.levelState(order.side, oldPrice);
    this.removeResting(order);
    const delta = quantity - order.quantity;
    if (delta > 0) this.placedLots += delta;
    else this.cancelledLots -= delta;
    order.quantity = quantity;
    order.remaining += delta;
    order.price = price;
    order.visible = order.peak > 0 ? Math.min(order.peak, order.remaining) : order.remaining;
    this.events.amended(this.instrument.id, order.id, order.account, price, quantity, order.remaining, false);
    this.emitLevelIfChanged(order.side, oldPrice, before);
    this.execute(order);
    this.processTriggers();
  }

  massCancel(accountId: number, side: number, reason: DoneReason = Reason.MASS_CANCEL): void {
    this.closeWhere((o) => (accountId === 0 || o.account === accountId) && (side === 0 || o.side === side), DoneStatus.CANCELLED, reason);
  }

  endOfDay(): void {
    this.closeWhere((o) => o.tif === TimeInForce.DAY, DoneStatus.EXPIRED, Reason.END_OF_DAY);
  }

  // ---- placement ------------------------------------------------------------------------------

  private reject(order: NaiveOrder, code: ResultCode): void {
    this.events.rejected(this.instrument.id, order.id, order.account, code, CommandKind.PLACE);
  }

  private accept(order: NaiveOrder): void {
    this.placedLots += order.quantity;
    this.events.accepted(this.instrument.id, order.id, order.account, order.side, order.type, order.tif, order.price, order.quantity, order.stopPrice, order.peak);
  }

  private placeStop(order: NaiveOrder): void {
    if (this.lastTrade > 0 && stopReached(order, this.lastTrade)) return this.reject(order, ResultCode.STOP_WOULD_TRIGGER_IMMEDIATELY);
    this.accept(order);
    this.stops.push(order);
  }

  /** Match an accepted order, then rest what is left or close it as its type says. */
  private execute(order: NaiveOrder): void {
    const takerClosed = this.match(order);
    if (takerClosed) return;
    if (order.remaining === 0) {
      this.close(order, DoneStatus.FILLED, Reason.FILLED);
      return;
    }
    if (isMarket(order) || order.tif === TimeInForce.IOC || order.tif === TimeInForce.FOK) {
      invariant(order.tif !== TimeInForce.FOK, `FOK order ${order.id} passed its fill check but left ${order.remaining} lots`);
      this.close(order, DoneStatus.CANCELLED, Reason.UNFILLED_REMAINDER);
      return;
    }
    this.rest(order);
  }

  private rest(order: NaiveOrder): void {
    const book = this.sideMap(order.side);
    const level = book.get(order.price);
    if (level === undefined && this.bids.size + this.asks.size >= this.capacity.maxLevels) {
      this.close(order, DoneStatus.CANCELLED, Reason.PRICE_LEVELS_FULL);
      return;
    }
    const best = this.bestPriceTicks(order.side);
    const setsNewBest = level === undefined && (best === 0 || isBetter(order.side, order.price, best));
    if (level === undefined) book.set(order.price, [order]);
    else level.push(order);
    this.resting.set(order.id, order);
    if (setsNewBest && this.instrument.matching.kind === 'pro-rata' && this.instrument.matching.topOrderCapLots > 0) {
      // Top-order status belongs to whoever set the best price; the level it displaced loses its own.
      this.topMap(order.side).delete(best);
      this.topMap(order.side).set(order.price, order.id);
    }
    const after = this.levelState(order.side, order.price);
    this.events.bookLevel(this.instrument.id, order.side, order.price, after[0], after[1]);
  }

  // ---- matching -------------------------------------------------------------------------------

  /** Trade the order against the opposite side. Returns true if self-trade prevention closed it. */
  private match(taker: NaiveOrder): boolean {
    const makerSide = opposite(taker.side);
    const book = this.sideMap(makerSide);
    while (taker.remaining > 0) {
      const best = this.bestPriceTicks(makerSide);
      if (best === 0 || !this.marketable(taker, best)) return false;
      const level = book.get(best);
      invariant(level !== undefined && level.length > 0, 'best level exists and is not empty');
      const before = this.levelState(makerSide, best);
      const closed = this.instrument.matching.kind === 'fifo' ? this.matchFifo(taker, level, best) : this.matchProRata(taker, level, best);
      if (level.length === 0) {
        book.delete(best);
        this.topMap(makerSide).delete(best);
      }
      this.emitLevelIfChanged(makerSide, best, before);
      if (closed) return true;
    }
    return false;
  }

  private matchFifo(taker: NaiveOrder, level: NaiveOrder[], price: number): boolean {
    while (taker.remaining > 0 && level.length > 0) {
      const maker = level[0];
      invariant(maker !== undefined, 'level head');
      if (maker.account === taker.account && taker.stp !== SelfTradePrevention.NONE) {
        if (this.preventSelfTrade(taker, maker)) return true;
        continue;
      }
      this.fill(maker, taker, Math.min(taker.remaining, maker.visible), price);
      this.afterMakerFill(maker, level);
    }
    return false;
  }

  private matchProRata(taker: NaiveOrder, level: NaiveOrder[], price: number): boolean {
    if (taker.stp !== SelfTradePrevention.NONE) {
      for (const maker of [...level]) {
        if (maker.account === taker.account && this.preventSelfTrade(taker, maker)) return true;
      }
    }
    while (taker.remaining > 0 && level.length > 0) {
      const top = this.topMap(taker.side === Side.BUY ? Side.SELL : Side.BUY).get(price);
      const topIndex = level.findIndex((o) => o.id === top);
      const allocation = allocateProRata(
        taker.remaining,
        level.map((o) => o.visible),
        topIndex,
        this.instrument.matching.kind === 'pro-rata' ? this.instrument.matching : { topOrderCapLots: 0, minimumAllocationLots: 0 },
      );
      const makers = [...level];
      const order = topIndex >= 0 ? [topIndex, ...makers.keys()].filter((i, k) => k === 0 || i !== topIndex) : [...makers.keys()];
      for (const i of order) {
        const maker = makers[i];
        const lots = allocation[i];
        if (maker === undefined || lots === undefined || lots === 0) continue;
        this.fill(maker, taker, lots, price);
        if (maker.remaining === 0) {
          level.splice(level.indexOf(maker), 1);
          this.resting.delete(maker.id);
          this.clearTop(maker);
          this.close(maker, DoneStatus.FILLED, Reason.FILLED);
        }
      }
      // Icebergs whose tip was taken show a new tip at the back of the queue, in their time order.
      for (const maker of makers) {
        if (maker.remaining > 0 && maker.visible === 0) this.refreshIceberg(maker, level);
      }
    }
    return false;
  }

  private fill(maker: NaiveOrder, taker: NaiveOrder, lots: number, price: number): void {
    invariant(lots > 0 && lots <= maker.visible && lots <= taker.remaining, `fill of ${lots} lots is within both orders`);
    maker.visible -= lots;
    maker.remaining -= lots;
    maker.filled += lots;
    taker.remaining -= lots;
    taker.filled += lots;
    if (taker.visible > taker.remaining) taker.visible = taker.remaining;
    this.filledLots += 2 * lots;
    this.lastTrade = price;
    const tradeId = this.counters.nextTradeId++;
    this.events.trade(this.instrument.id, tradeId, price, lots, maker.id, maker.account, taker.id, taker.account, taker.side, maker.remaining, taker.remaining);
  }

  private afterMakerFill(maker: NaiveOrder, level: NaiveOrder[]): void {
    if (maker.remaining === 0) {
      level.shift();
      this.resting.delete(maker.id);
      this.clearTop(maker);
      this.close(maker, DoneStatus.FILLED, Reason.FILLED);
    } else if (maker.visible === 0) {
      this.refreshIceberg(maker, level);
    }
  }

  private refreshIceberg(maker: NaiveOrder, level: NaiveOrder[]): void {
    invariant(maker.peak > 0, `order ${maker.id} ran out of display quantity but is not an iceberg`);
    level.splice(level.indexOf(maker), 1);
    maker.visible = Math.min(maker.peak, maker.remaining);
    level.push(maker);
    this.clearTop(maker);
  }

  /** Applies the taker's STP mode against one of its own resting orders; true if the taker closed. */
  private preventSelfTrade(taker: NaiveOrder, maker: NaiveOrder): boolean {
    switch (taker.stp) {
      case SelfTradePrevention.CANCEL_NEWEST:
        this.close(taker, DoneStatus.CANCELLED, Reason.SELF_TRADE_PREVENTION);
        return true;
      case SelfTradePrevention.CANCEL_OLDEST:
        this.closeMaker(maker);
        return false;
      case SelfTradePrevention.CANCEL_BOTH:
        this.closeMaker(maker);
        this.close(taker, DoneStatus.CANCELLED, Reason.SELF_TRADE_PREVENTION);
        return true;
      case SelfTradePrevention.DECREMENT_AND_CANCEL:
        return this.decrementBoth(taker, maker);
      default:
        throw new Error(`unresolved self-trade prevention mode ${taker.stp}`);
    }
  }

  private decrementBoth(taker: NaiveOrder, maker: NaiveOrder): boolean {
    const lots = Math.min(taker.remaining, maker.remaining);
    if (lots === maker.remaining) {
      this.closeMaker(maker);
    } else {
      maker.quantity -= lots;
      maker.remaining -= lots;
      maker.visible = Math.min(maker.visible, maker.remaining);
      this.cancelledLots += lots;
      this.events.decremented(this.instrument.id, maker.id, maker.account, lots, maker.remaining);
    }
    if (lots === taker.remaining) {
      this.close(taker, DoneStatus.CANCELLED, Reason.SELF_TRADE_PREVENTION);
      return true;
    }
    taker.quantity -= lots;
    taker.remaining -= lots;
    taker.visible = Math.min(taker.visible, taker.remaining);
    this.cancelledLots += lots;
    this.events.decremented(this.instrument.id, taker.id, taker.account, lots, taker.remaining);
    return false;
  }

  private closeMaker(maker: NaiveOrder): void {
    this.removeResting(maker);
    this.close(maker, DoneStatus.CANCELLED, Reason.SELF_TRADE_PREVENTION);
  }

  // ---- stops ----------------------------------------------------------------------------------

  private processTriggers(): void {
    const queue: NaiveOrder[] = [];
    for (;;) {
      if (this.lastTrade > 0) {
        const due = this.stops.filter((s) => stopReached(s, this.lastTrade)).sort(triggerOrder);
        for (const stop of due) this.stops.splice(this.stops.indexOf(stop), 1);
        queue.push(...due);
      }
      const stop = queue.shift();
      if (stop === undefined) return;
      this.events.triggered(this.instrument.id, stop.id, stop.account, stop.stopPrice, this.lastTrade);
      if (isMarket(stop) && this.sideMap(opposite(stop.side)).size === 0) {
        this.close(stop, DoneStatus.CANCELLED, Reason.UNFILLED_REMAINDER);
      } else if (stop.tif === TimeInForce.FOK && !this.canFillInFull(stop)) {
        this.close(stop, DoneStatus.CANCELLED, Reason.FOK_KILLED);
      } else {
        this.execute(stop);
      }
    }
  }

  // ---- bulk close -----------------------------------------------------------------------------

  /** Close matching orders: bids best first, asks best first (queue order), then pending stops in trigger order. */
  private closeWhere(select: (o: NaiveOrder) => boolean, status: DoneStatus, reason: DoneReason): void {
    for (const side of [Side.BUY, Side.SELL]) {
      for (const price of this.sortedPrices(side)) {
        const before = this.levelState(side, price);
        for (const order of [...(this.sideMap(side).get(price) ?? [])]) {
          if (!select(order)) continue;
          this.removeResting(order);
          this.close(order, status, reason);
        }
        this.emitLevelIfChanged(side, price, before);
      }
    }
    for (const stop of [...this.stops].sort(triggerOrder)) {
      if (!select(stop)) continue;
      this.stops.splice(this.stops.indexOf(stop), 1);
      this.close(stop, status, reason);
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** Ends an order that is no longer in any container, accounting for what it leaves unfilled. */
  private close(order: NaiveOrder, status: DoneStatus, reason: DoneReason): void {
    const left = order.remaining;
    this.cancelledLots += left;
    order.remaining = 0;
    order.visible = 0;
    this.events.done(this.instrument.id, order.id, order.account, status, reason, left, order.filled);
  }

  private removeResting(order: NaiveOrder): void {
    const book = this.sideMap(order.side);
    const level = book.get(order.price);
    invariant(level !== undefined, `order ${order.id} rests at a level`);
    level.splice(level.indexOf(order), 1);
    if (level.length === 0) {
      book.delete(order.price);
      this.topMap(order.side).delete(order.price);
    }
    this.clearTop(order);
    this.resting.delete(order.id);
  }

  private clearTop(order: NaiveOrder): void {
    const tops = this.topMap(order.side);
    if (tops.get(order.price) === order.id) tops.delete(order.price);
  }

  private canFillInFull(taker: NaiveOrder): boolean {
    const makerSide = opposite(taker.side);
    let available = 0;
    for (const price of this.sortedPrices(makerSide)) {
      if (available >= taker.remaining || !this.marketable(taker, price)) break;
      const level = this.sideMap(makerSide).get(price) ?? [];
      for (const maker of level) {
        const own = maker.account === taker.account && taker.stp !== SelfTradePrevention.NONE;
        if (!own) available += maker.remaining;
        else if (taker.stp !== SelfTradePrevention.CANCEL_OLDEST) return false;
      }
    }
    return available >= taker.remaining;
  }

  private marketable(taker: NaiveOrder, makerPrice: number): boolean {
    if (isMarket(taker)) return true;
    return taker.side === Side.BUY ? makerPrice <= taker.price : makerPrice >= taker.price;
  }

  private wouldCross(side: Side, price: number): boolean {
    const best = this.bestPriceTicks(opposite(side));
    return best !== 0 && (side === Side.BUY ? price >= best : price <= best);
  }

  private sideMap(side: number): Map<number, NaiveOrder[]> {
    return side === Side.BUY ? this.bids : this.asks;
  }

  private topMap(side: number): Map<number, number> {
    return side === Side.BUY ? this.topBid : this.topAsk;
  }

  /** Prices best first. */
  private sortedPrices(side: number): number[] {
    const prices = [...this.sideMap(side).keys()];
    return side === Side.BUY ? prices.sort((a, b) => b - a) : prices.sort((a, b) => a - b);
  }

  private levelState(side: number, price: number): [number, number] {
    const level = this.sideMap(side).get(price) ?? [];
    return [level.reduce((sum, o) => sum + o.visible, 0), level.length];
  }

  private emitLevelIfChanged(side: number, price: number, before: [number, number]): void {
    const after = this.levelState(side, price);
    if (after[0] !== before[0] || after[1] !== before[1]) this.events.bookLevel(this.instrument.id, side, price, after[0], after[1]);
  }

  // ---- queries --------------------------------------------------------------------------------

  lastTradePriceTicks(): number {
    return this.lastTrade;
  }

  bestPriceTicks(side: number): number {
    return this.sortedPrices(side)[0] ?? 0;
  }

  levels(side: number, depth: number): LevelView[] {
    return this.sortedPrices(side)
      .slice(0, depth)
      .map((price) => {
        const level = this.sideMap(side).get(price) ?? [];
        return {
          priceTicks: price,
          displayedLots: level.reduce((s, o) => s + o.visible, 0),
          totalLots: level.reduce((s, o) => s + o.remaining, 0),
          orderCount: level.length,
        };
      });
  }

  forEachLevel(side: number, visit: (priceTicks: number, totalLots: number) => boolean): void {
    for (const price of this.sortedPrices(side)) {
      const level = this.sideMap(side).get(price) ?? [];
      if (!visit(price, level.reduce((s, o) => s + o.remaining, 0))) return;
    }
  }

  forEachOrder(side: number, visit: (orderId: number, priceTicks: number, displayedLots: number) => void): void {
    for (const price of this.sortedPrices(side)) for (const order of this.sideMap(side).get(price) ?? []) visit(order.id, price, order.visible);
  }

  order(orderId: number): OrderView | undefined {
    const resting = this.resting.get(orderId);
    const order = resting ?? this.stops.find((s) => s.id === orderId);
    if (order === undefined) return undefined;
    return {
      orderId: order.id,
      accountId: order.account,
      side: order.side,
      orderType: order.type,
      timeInForce: order.tif,
      priceTicks: order.price,
      stopPriceTicks: order.stopPrice,
      quantityLots: order.quantity,
      remainingLots: order.remaining,
      displayedLots: order.visible,
      filledLots: order.filled,
      pendingStop: resting === undefined,
    };
  }

  orderCount(): number {
    return this.resting.size + this.stops.length;
  }

  // ---- invariants and hash --------------------------------------------------------------------

  validateInternalState(): void {
    let restingLots = 0;
    let seen = 0;
    for (const side of [Side.BUY, Side.SELL]) {
      for (const [price, level] of this.sideMap(side)) {
        invariant(level.length > 0, `empty level ${price} kept`);
        for (const o of level) {
          invariant(o.side === side && o.price === price, `order ${o.id} sits at its own side and price`);
          invariant(this.resting.get(o.id) === o, `order ${o.id} is indexed`);
          invariant(o.remaining === o.quantity - o.filled && o.remaining > 0, `order ${o.id} remaining = quantity - filled > 0`);
          invariant(o.visible > 0 && o.visible <= o.remaining, `order ${o.id} displays part of what remains`);
          invariant(o.peak > 0 ? o.visible <= o.peak : o.visible === o.remaining, `order ${o.id} display follows its peak`);
          restingLots += o.remaining;
          seen++;
        }
      }
      for (const [price, id] of this.topMap(side)) {
        invariant(this.sideMap(side).get(price)?.some((o) => o.id === id) === true, `top order ${id} rests at ${price}`);
        invariant(price === this.bestPriceTicks(side), `top order ${id} is at the best price`);
      }
    }
    invariant(seen === this.resting.size, 'index holds exactly the resting orders');
    const bid = this.bestPriceTicks(Side.BUY);
    const ask = this.bestPriceTicks(Side.SELL);
    invariant(bid === 0 || ask === 0 || bid < ask, `book crossed: bid ${bid} ask ${ask}`);
    for (const s of this.stops) {
      invariant(s.remaining === s.quantity && s.filled === 0, `pending stop ${s.id} is untouched`);
      invariant(this.lastTrade === 0 || !stopReached(s, this.lastTrade), `stop ${s.id} reached but pending`);
      restingLots += s.remaining;
    }
    invariant(this.orderCount() <= this.capacity.maxOrders, 'order capacity');
    invariant(this.bids.size + this.asks.size <= this.capacity.maxLevels, 'level capacity');
    invariant(this.placedLots === restingLots + this.filledLots + this.cancelledLots, `lots conserved: placed ${this.placedLots} = resting ${restingLots} + filled ${this.filledLots} + cancelled ${this.cancelledLots}`);
  }

  exportState(sink: StateSink): void {
    sink.add(this.instrument.id);
    sink.add(this.lastTrade);
    sink.add(this.placedLots);
    sink.add(this.filledLots);
    sink.add(this.cancelledLots);
    for (const side of [Side.BUY, Side.SELL]) {
      const prices = this.sortedPrices(side);
      sink.add(prices.length);
      for (const price of prices) {
        const level = this.sideMap(side).get(price) ?? [];
        sink.add(price);
        sink.add(this.topMap(side).get(price) ?? 0);
        sink.add(level.length);
        for (const o of level) exportOrder(sink, o);
      }
    }
    const stops = [...this.stops].sort(triggerOrder);
    sink.add(stops.length);
    for (const s of stops) exportOrder(sink, s);
  }

  importState(source: StateSource): void {
    invariant(this.orderCount() === 0 && this.placedLots === 0, 'state is imported into an empty book');
    invariant(source.next() === this.instrument.id, `state belongs to instrument ${this.instrument.id}`);
    this.lastTrade = source.next();
    this.placedLots = source.next();
    this.filledLots = source.next();
    this.cancelledLots = source.next();
    for (const side of [Side.BUY, Side.SELL]) {
      const levels = source.next();
      for (let l = 0; l < levels; l++) {
        const price = source.next();
        const top = source.next();
        const count = source.next();
        const level: NaiveOrder[] = [];
        for (let i = 0; i < count; i++) {
          const order = importOrder(source);
          invariant(order.side === side && order.price === price, `imported order ${order.id} sits at its level`);
          level.push(order);
          this.resting.set(order.id, order);
        }
        this.sideMap(side).set(price, level);
        if (top !== 0) this.topMap(side).set(price, top);
      }
    }
    const stops = source.next();
    for (let i = 0; i < stops; i++) this.stops.push(importOrder(source));
    this.validateInternalState();
  }
}

/**
 * Pro-rata allocation of `incoming` lots over resting displayed quantities in time order
 * (docs/pro-rata.md), the long way: exact bigint shares, then left-overs one lot at a time.
 */
export function allocateProRata(incoming: number, resting: readonly number[], topIndex: number, options: { topOrderCapLots: number; minimumAllocationLots: number }): number[] {
  const total = resting.reduce((s, r) => s + r, 0);
  if (incoming >= total) return [...resting];
  const allocation = resting.map(() => 0);
  const room = [...resting];
  let left = incoming;
  const topRoom = room[topIndex];
  if (topIndex >= 0 && topRoom !== undefined && options.topOrderCapLots > 0) {
    const lots = Math.min(left, options.topOrderCapLots, topRoom);
    allocation[topIndex] = lots;
    room[topIndex] = topRoom - lots;
    left -= lots;
  }
  const roomTotal = BigInt(room.reduce((s, r) => s + r, 0));
  const share = BigInt(left);
  const proRata = room.map((r) => {
    const lots = Number((share * BigInt(r)) / roomTotal);
    return lots < options.minimumAllocationLots ? 0 : lots;
  });
  proRata.forEach((lots, i) => {
    allocation[i] = (allocation[i] ?? 0) + lots;
    left -= lots;
  });
  while (left > 0) {
    for (let i = 0; i < resting.length && left > 0; i++) {
      const a = allocation[i] ?? 0;
      if (a < (resting[i] ?? 0)) {
        allocation[i] = a + 1;
        left--;
      }
    }
  }
  return allocation;
}
