// The engine demo that `npm start` runs until the server exists: two instruments (one FIFO, one
// pro-rata), a few orders entered as decimal strings, the book they build and the trades a crossing
// order makes, printed in the instruments' own decimals.
import { defineInstrument, type Instrument } from '../domain/instrument.js';
import { resultCodeName } from '../domain/result-codes.js';
import { lotsToQuantity, priceToTicks, quantityToLots, ticksToPrice } from '../domain/units.js';
import { type Command, OrderType, place, Side, TimeInForce } from '../engine/command.js';
import { Engine } from '../engine/engine.js';
import { EventType, Field } from '../engine/event.js';

export const DEMO_INSTRUMENTS: readonly Instrument[] = [
  defineInstrument({
    id: 1,
    symbol: 'BTC-USD',
    baseAsset: 'BTC',
    quoteAsset: 'USD',
    tickSize: '0.01',
    lotSize: '0.0001',
    minPrice: '0.01',
    maxPrice: '1000000',
    minQuantity: '0.0001',
    maxQuantity: '1000',
    matching: { kind: 'fifo' },
  }),
  defineInstrument({
    id: 2,
    symbol: 'ETH-USD',
    baseAsset: 'ETH',
    quoteAsset: 'USD',
    tickSize: '0.05',
    lotSize: '0.001',
    minPrice: '0.05',
    maxPrice: '100000',
    minQuantity: '0.001',
    maxQuantity: '10000',
    matching: { kind: 'pro-rata', topOrderCapLots: 1000, minimumAllocationLots: 0 },
  }),
];

interface DemoOrder {
  readonly symbol: string;
  readonly account: number;
  readonly side: 'buy' | 'sell';
  readonly price?: string;
  readonly quantity: string;
  readonly type?: 'limit' | 'market';
  readonly display?: string;
}

const SCRIPT: readonly DemoOrder[] = [
  { symbol: 'BTC-USD', account: 1, side: 'sell', price: '65010.00', quantity: '0.5000' },
  { symbol: 'BTC-USD', account: 2, side: 'sell', price: '65005.50', quantity: '0.2500' },
  { symbol: 'BTC-USD', account: 3, side: 'sell', price: '65005.50', quantity: '1.0000', display: '0.1000' },
  { symbol: 'BTC-USD', account: 4, side: 'buy', price: '64990.00', quantity: '0.7500' },
  { symbol: 'BTC-USD', account: 5, side: 'buy', price: '64995.25', quantity: '0.3000' },
  { symbol: 'BTC-USD', account: 6, side: 'buy', price: '65000.505', quantity: '1' },
  { symbol: 'BTC-USD', account: 7, side: 'buy', price: '65010.00', quantity: '0.6000' },
  { symbol: 'ETH-USD', account: 1, side: 'sell', price: '3200.05', quantity: '2.000' },
  { symbol: 'ETH-USD', account: 2, side: 'sell', price: '3200.05', quantity: '6.000' },
  { symbol: 'ETH-USD', account: 3, side: 'sell', price: '3200.05', quantity: '2.000' },
  { symbol: 'ETH-USD', account: 4, side: 'buy', quantity: '5.000', type: 'market' },
];

function toCommand(order: DemoOrder, instrument: Instrument): Command | string {
  const quantity = quantityToLots(instrument, order.quantity);
  if (!quantity.ok) return `quantity "${order.quantity}": ${resultCodeName(quantity.code)} (${quantity.code})`;
  const display = order.display === undefined ? undefined : quantityToLots(instrument, order.display);
  if (display !== undefined && !display.ok) return `display "${order.display ?? ''}": ${resultCodeName(display.code)} (${display.code})`;
  const side = order.side === 'buy' ? Side.BUY : Side.SELL;
  if (order.type === 'market') {
    return place({ instrumentId: instrument.id, accountId: order.account, side, quantityLots: quantity.value, orderType: OrderType.MARKET, timeInForce: TimeInForce.IOC });
  }
  const price = priceToTicks(instrument, order.price ?? '');
  if (!price.ok) return `price "${order.price ?? ''}": ${resultCodeName(price.code)} (${price.code})`;
  return place({ instrumentId: instrument.id, accountId: order.account, side, priceTicks: price.value, quantityLots: quantity.value, displayLots: display?.value ?? 0 });
}

function describeEvents(engine: Engine, instrument: Instrument, out: (line: string) => void): void {
  const events = engine.events;
  for (let i = 0; i < events.count; i++) {
    const f = (offset: number): number => events.field(i, offset);
    switch (events.type(i)) {
      case EventType.ACCEPTED:
        out(`    accepted  order #${f(Field.ORDER_ID)}`);
        break;
      case EventType.REJECTED:
        out(`    rejected  ${resultCodeName(f(Field.CODE))} (${f(Field.CODE)})`);
        break;
      case EventType.TRADE:
        out(`    TRADE     ${lotsToQuantity(instrument, f(Field.TRADE_QUANTITY))} ${instrument.baseAsset} @ ${ticksToPrice(instrument, f(Field.TRADE_PRICE))}  maker #${f(Field.MAKER_ORDER_ID)} (acct ${f(Field.MAKER_ACCOUNT)})  taker #${f(Field.TAKER_ORDER_ID)} (acct ${f(Field.TAKER_ACCOUNT)})`);
        break;
      case EventType.DONE:
        out(`    done      order #${f(Field.ORDER_ID)} ${f(Field.LEFT) === 0 ? 'filled' : `closed with ${lotsToQuantity(instrument, f(Field.LEFT))} unfilled`}`);
        break;
      default:
        break;
    }
  }
}

function printBook(engine: Engine, instrument: Instrument, out: (line: string) => void): void {
  const book = engine.book(instrument.id);
  const row = (price: number, lots: number, count: number): string =>
    `  ${ticksToPrice(instrument, price).padStart(12)}  ${lotsToQuantity(instrument, lots).padStart(12)}  ${String(count).padStart(3)} order${count === 1 ? '' : 's'}`;
  out(`  ${instrument.symbol} (${instrument.matching.kind}), last trade ${book.lastTradePriceTicks() === 0 ? '-' : ticksToPrice(instrument, book.lastTradePriceTicks())}`);
  out('         price      quantity');
  for (const level of [...book.levels(Side.SELL, 5)].reverse()) out(`${row(level.priceTicks, level.displayedLots, level.orderCount)}  ask`);
  out('  ------------  ------------');
  for (const level of book.levels(Side.BUY, 5)) out(`${row(level.priceTicks, level.displayedLots, level.orderCount)}  bid`);
}

export function runDemo(out: (line: string) => void = (line) => { console.log(line); }): Engine {
  const engine = new Engine({ instruments: DEMO_INSTRUMENTS, book: 'fast', capacity: { maxOrders: 10_000, maxLevels: 1_000 } });
  const bySymbol = new Map(DEMO_INSTRUMENTS.map((i) => [i.symbol, i]));
  out('Kapita engine demo: orders enter as decimal strings and are matched in integer ticks and lots.');
  let seq = 0;
  // A fixed clock: the engine takes time as an argument and never reads one.
  const startNs = 1_767_225_600_000_000_000n;
  for (const order of SCRIPT) {
    const instrument = bySymbol.get(order.symbol);
    if (instrument === undefined) throw new Error(`demo script names unknown symbol ${order.symbol}`);
    const label = `${order.symbol} acct ${order.account} ${order.side} ${order.type === 'market' ? 'market' : `${order.quantity} @ ${order.price ?? ''}`}${order.display === undefined ? '' : ` (iceberg, shows ${order.display})`}`;
    out(`\n> ${label}`);
    const command = toCommand(order, instrument);
    if (typeof command === 'string') {
      out(`    refused at the edge: ${command}`);
      continue;
    }
    seq++;
    engine.apply(command, seq, startNs + BigInt(seq) * 1000n);
    describeEvents(engine, instrument, out);
  }
  for (const instrument of DEMO_INSTRUMENTS) {
    out('');
    printBook(engine, instrument, out);
  }
  engine.validateInternalState();
  out(`\nstate hash ${engine.stateHash()} after ${seq} commands`);
  return engine;
}
