// The engine demo that `npm start` runs until the server exists: two instruments (one FIFO, one
// pro-rata), funded accounts, a few orders entered as decimal strings, the book they build, the
// trades a crossing order makes, what the risk gate refuses, and the balances and fees after, all
// printed in the instruments' and assets' own decimals.
import { defineInstrument, type Instrument } from '../domain/instrument.js';
import { resultCodeName } from '../domain/result-codes.js';
import { lotsToQuantity, priceToTicks, quantityToLots, ticksToPrice } from '../domain/units.js';
import { decimalToUnits, unitsToDecimal } from '../domain/decimal.js';
import { type Command, deposit, OrderType, place, Side, TimeInForce } from '../engine/command.js';
import { Engine } from '../core/engine.js';
import { EventType, Field } from '../engine/event.js';
import { DEFAULT_CONFIG } from '../server/venue-config.js';
import { assetUnit, type RiskConfig } from '../risk/risk-config.js';

/** The embedded venue config's BTC-USD (FIFO) and ETH-USD (pro-rata). */
export const DEMO_INSTRUMENTS: readonly Instrument[] = DEFAULT_CONFIG.instruments.filter((spec) => spec.symbol === 'BTC-USD' || spec.symbol === 'ETH-USD').map(defineInstrument);

export const DEMO_RISK: RiskConfig = {
  fees: { 'BTC-USD': { makerBps: 1, takerBps: 5 }, 'ETH-USD': { makerBps: 0, takerBps: 4 } },
  limits: [{ limit: 'maxOpenOrders', value: 100 }],
};

/** Every account but 8 is funded; account 8 tries to buy without money. */
const FUNDING: readonly { account: number; asset: string; amount: string }[] = [
  ...[1, 2, 3, 4, 5, 6, 7].map((account) => ({ account, asset: 'USD', amount: '200000' })),
  ...[1, 2, 3].map((account) => ({ account, asset: 'BTC', amount: '2' })),
  ...[1, 2, 3].map((account) => ({ account, asset: 'ETH', amount: '10' })),
];

interface DemoOrder {
  readonly symbol: string;
  readonly account: number;
  readonly side: 'buy' | 'sell';
  readonly price?: string;
  readonly quantity: string;
  readonly type?: 'limit' | 'market';
  readonly display?: string;
  /** Market buys: the most USD they may spend. */
  readonly maxSpend?: string;
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
  { symbol: 'ETH-USD', account: 4, side: 'buy', quantity: '5.000', type: 'market', maxSpend: '16100' },
  { symbol: 'BTC-USD', account: 8, side: 'buy', price: '64000.00', quantity: '0.1000' },
];

function toCommand(order: DemoOrder, instrument: Instrument, engine: Engine): Command | string {
  const quantity = quantityToLots(instrument, order.quantity);
  if (!quantity.ok) return `quantity "${order.quantity}": ${resultCodeName(quantity.code)} (${quantity.code})`;
  const display = order.display === undefined ? undefined : quantityToLots(instrument, order.display);
  if (display !== undefined && !display.ok) return `display "${order.display ?? ''}": ${resultCodeName(display.code)} (${display.code})`;
  const side = order.side === 'buy' ? Side.BUY : Side.SELL;
  if (order.type === 'market') {
    let maxNotional = 0;
    if (order.maxSpend !== undefined) {
      const quote = engine.risk?.tables.assets.find((a) => a.name === instrument.quoteAsset);
      if (quote === undefined) throw new Error(`demo: no asset ${instrument.quoteAsset}`);
      const units = decimalToUnits(order.maxSpend, assetUnit(quote), 1009);
      if (!units.ok) return `max spend "${order.maxSpend}": ${resultCodeName(units.code)} (${units.code})`;
      maxNotional = units.value;
    }
    return place({ instrumentId: instrument.id, accountId: order.account, side, quantityLots: quantity.value, orderType: OrderType.MARKET, timeInForce: TimeInForce.IOC, maxNotional });
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

function printBalances(engine: Engine, accounts: readonly number[], out: (line: string) => void): void {
  const risk = engine.risk;
  if (risk === undefined) return;
  const assets = risk.tables.assets;
  out(`\n  balance (held)   ${assets.map((a) => a.name.padStart(28)).join('')}`);
  for (const id of accounts) {
    const account = risk.accountState(id);
    if (account === undefined) continue;
    const cells = assets.map((a) => `${unitsToDecimal(account.total[a.id - 1] ?? 0, assetUnit(a))} (${unitsToDecimal(account.held[a.id - 1] ?? 0, assetUnit(a))})`.padStart(28));
    out(`  acct ${String(id).padEnd(11)}${cells.join('')}`);
  }
  out(`  fees collected   ${assets.map((a) => unitsToDecimal(risk.feesCollectedUnits(a.id), assetUnit(a)).padStart(28)).join('')}`);
}

export function runDemo(out: (line: string) => void = (line) => { console.log(line); }): Engine {
  const engine = new Engine({ instruments: DEMO_INSTRUMENTS, book: 'fast', capacity: { maxOrders: 10_000, maxLevels: 1_000 }, risk: DEMO_RISK });
  const bySymbol = new Map(DEMO_INSTRUMENTS.map((i) => [i.symbol, i]));
  out('Kapita engine demo: orders enter as decimal strings and are matched in integer ticks and lots,');
  out('after the risk gate has held what each order could spend (fees: BTC-USD 1/5 bp, ETH-USD 0/4 bp maker/taker).');
  let seq = 0;
  // A fixed clock: the engine takes time as an argument and never reads one.
  const startNs = 1_767_225_600_000_000_000n;
  const assets = engine.risk?.tables.assets ?? [];
  for (const funding of FUNDING) {
    const asset = assets.find((a) => a.name === funding.asset);
    if (asset === undefined) throw new Error(`demo: no asset ${funding.asset}`);
    const amount = decimalToUnits(funding.amount, assetUnit(asset), 1009);
    if (!amount.ok) throw new Error(`demo: bad amount ${funding.amount}`);
    seq++;
    engine.apply(deposit(funding.account, asset.id, amount.value), seq, startNs + BigInt(seq) * 1000n);
  }
  out(`\n> ${FUNDING.length} deposits: accounts 1-7 200,000 USD; 1-3 also 2 BTC and 10 ETH; account 8 nothing`);
  for (const order of SCRIPT) {
    const instrument = bySymbol.get(order.symbol);
    if (instrument === undefined) throw new Error(`demo script names unknown symbol ${order.symbol}`);
    const what = order.type === 'market' ? `market ${order.quantity}${order.maxSpend === undefined ? '' : `, spending at most ${order.maxSpend} ${instrument.quoteAsset}`}` : `${order.quantity} @ ${order.price ?? ''}`;
    const label = `${order.symbol} acct ${order.account} ${order.side} ${what}${order.display === undefined ? '' : ` (iceberg, shows ${order.display})`}`;
    out(`\n> ${label}`);
    const command = toCommand(order, instrument, engine);
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
  printBalances(engine, [1, 2, 3, 4, 7], out);
  engine.validateInternalState();
  out(`\nstate hash ${engine.stateHash()} after ${seq} commands`);
  return engine;
}
