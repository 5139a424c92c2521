// What a market order could cost at the book's current prices: the walk behind a market buy's hold
// and a market order's notional (RiskGate.checkPlace). Reads the book, changes nothing.
import type { OrderBook } from '../engine/order-book.js';
import { feeUnits, type RiskInstrument } from './risk-config.js';

export class MarketWalk {
  /** Result of the last run(): quote notional of the priced lots, and that plus the fee bound per lot. */
  notional = 0;
  hold = 0;
  private skip = 0;
  private left = 0;
  private quotePerLot = 0;
  private holdBps = 0;
  // forEachLevel's visitor is a field so that a walk allocates nothing.
  private readonly visitor = (priceTicks: number, lots: number): boolean => {
    let take = lots;
    if (this.skip > 0) {
      const skipped = Math.min(this.skip, take);
      this.skip -= skipped;
      take -= skipped;
    }
    if (take > this.left) take = this.left;
    if (take > 0) {
      const perLot = priceTicks * this.quotePerLot;
      this.left -= take;
      this.notional += take * perLot;
      this.hold += take * (perLot + feeUnits(perLot, this.holdBps));
    }
    return this.left > 0;
  };

  /**
   * Prices the most a market order of `lots` lots could trade at on `side`. The order fills some
   * `lots` of the first `lots + own` lots there, where `own` is what the account itself has open on
   * that side: self-trade prevention may cancel those instead of filling them (and a pending stop
   * among them is not in the book at all). Prices only worsen away from the best, so no fill costs
   * more than the last `lots` of those first `lots + own` lots: that window is what is priced. When
   * the book has fewer lots than that, the window is the last `lots` (or all) of what it has.
   */
  run(book: OrderBook, r: RiskInstrument, side: number, lots: number, own: number): void {
    this.quotePerLot = r.quotePerTickLot;
    this.holdBps = r.holdBps;
    // Pass 1: how many of the first lots + own lots the book has.
    this.skip = 0;
    this.left = lots + own;
    this.notional = 0;
    this.hold = 0;
    book.forEachLevel(side, this.visitor);
    const present = lots + own - this.left;
    // Pass 2: the last `lots` of them.
    this.skip = Math.max(0, present - lots);
    this.left = Math.min(lots, present);
    this.notional = 0;
    this.hold = 0;
    if (this.left > 0) book.forEachLevel(side, this.visitor);
  }
}
