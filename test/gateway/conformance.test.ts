// Cross-gateway conformance: every scenario of the table runs through REST, WebSocket (protobuf
// frames), WebSocket (proto3 JSON frames) and FIX, against one venue, and every gateway must say
// the same thing about the account's order:
//
// - the streaming gateways (both WebSocket formats and FIX) the same normalized report sequence,
//   the one written in the table (execType, status, side, price, quantity, leaves, cum, last fill);
// - all four the same answers (the venue's numbered code for a refusal) and the same order state
//   after the scenario: REST by GET /v1/orders/:id after every step and its responses, FIX by its
//   OrderStatusRequest, and the venue's REST view of the orders placed over WebSocket and FIX.
//
// The counterparty (a second, and for the stop a third, account) always trades over REST: only the
// account under test changes gateway. Each run has fresh accounts and leaves the book empty.
// Drivers and normalization: conformance-drivers.ts.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Credentials, RestClient } from '../../src/auth/client.js';
import { type RunningServer, startServer } from '../../src/server/server.js';
import { closeFixVenues, CONFIG } from '../support/fix-venue.js';
import { ok } from '../support/replies.js';
import { closeWsClients } from '../support/ws-client.js';
import { type ExecType, FixDriver, type Gateway, type GatewayDriver, GATEWAYS, type OrderSpec, type Outcome, price, quantity, type Report, RestDriver, restBody, restOrderState, type State, type Status, WsDriver } from './conformance-drivers.js';

// ---- the table -------------------------------------------------------------------------------------

/** Who places an order over REST beside the gateway under test. */
type RestActor = 'counterparty' | 'second counterparty' | 'same account';

type Step = (
  | { readonly place: string; readonly order: OrderSpec; readonly refused?: number }
  | { readonly amend: string; readonly price: string; readonly quantity: string; readonly refused?: number }
  | { readonly massCancel: string }
  | { readonly rest: RestActor; readonly order: OrderSpec }
) & {
  /** The reports of the gateway's orders this step causes, in order. */
  readonly then?: readonly Report[];
};

interface Scenario {
  readonly name: string;
  readonly steps: readonly Step[];
  /** The key the account under test uses: its trading key unless said. */
  readonly caller?: 'read-only key';
  /** A gateway that cannot express the scenario, and why. */
  readonly cannot?: Partial<Record<Gateway, string>>;
}

/** Reports of one order: (execType, status, price, quantity, leaves, cum, [last price, last quantity]). */
function reportsOf(order: string, side: 'buy' | 'sell') {
  return (execType: ExecType, status: Status, limit: string | undefined, qty: string, leaves: string, cum: string, last?: [string, string]): Report => ({
    order,
    execType,
    status,
    side,
    price: price(limit),
    quantity: quantity(qty),
    leavesQuantity: quantity(leaves),
    cumQuantity: quantity(cum),
    lastPrice: price(last?.[0]),
    lastQuantity: quantity(last?.[1]),
  });
}

const A = reportsOf('A', 'buy');
const B = reportsOf('B', 'buy');
const A_SELL = reportsOf('A', 'sell');
const BUY_1_AT_1000: OrderSpec = { side: 'buy', price: '1000.00', quantity: '1' };
const SELL_04_AT_1000: OrderSpec = { side: 'sell', price: '1000', quantity: '0.4' };
const FIX_HAS_NO_STP =
  'FIX cannot carry a self-trade prevention mode: NewOrderSingle (docs/fix.md, Order entry) maps no tag to it, the gateway reads none, ' +
  "FIX50SP2's SelfMatchPreventionInstruction (2964) has no decrement value, and an account default cannot be set over any API";

const SCENARIOS: readonly Scenario[] = [
  { name: 'place: a limit order rests', steps: [{ place: 'A', order: BUY_1_AT_1000, then: [A('new', 'new', '1000', '1', '1', '0')] }] },
  {
    name: 'partial fill by the counterparty',
    steps: [
      { place: 'A', order: BUY_1_AT_1000, then: [A('new', 'new', '1000', '1', '1', '0')] },
      { rest: 'counterparty', order: SELL_04_AT_1000, then: [A('trade', 'partially_filled', '1000', '1', '0.6', '0.4', ['1000', '0.4'])] },
    ],
  },
  {
    name: 'amend down: price and quantity',
    steps: [
      { place: 'A', order: BUY_1_AT_1000, then: [A('new', 'new', '1000', '1', '1', '0')] },
      { amend: 'A', price: '999.00', quantity: '0.5', then: [A('amended', 'new', '999', '0.5', '0.5', '0')] },
    ],
  },
  {
    name: 'amend up: price and quantity',
    steps: [
      { place: 'A', order: BUY_1_AT_1000, then: [A('new', 'new', '1000', '1', '1', '0')] },
      { amend: 'A', price: '1001.00', quantity: '2', then: [A('amended', 'new', '1001', '2', '2', '0')] },
    ],
  },
  {
    name: 'amend up after a partial fill: still partially filled',
    steps: [
      { place: 'A', order: BUY_1_AT_1000, then: [A('new', 'new', '1000', '1', '1', '0')] },
      { rest: 'counterparty', order: SELL_04_AT_1000, then: [A('trade', 'partially_filled', '1000', '1', '0.6', '0.4', ['1000', '0.4'])] },
      { amend: 'A', price: '1001.00', quantity: '1.5', then: [A('amended', 'partially_filled', '1001', '1.5', '1.1', '0.4')] },
    ],
  },
  {
    name: 'amend down after a partial fill: still partially filled',
    steps: [
      { place: 'A', order: BUY_1_AT_1000, then: [A('new', 'new', '1000', '1', '1', '0')] },
      { rest: 'counterparty', order: SELL_04_AT_1000, then: [A('trade', 'partially_filled', '1000', '1', '0.6', '0.4', ['1000', '0.4'])] },
      { amend: 'A', price: '999.00', quantity: '0.7', then: [A('amended', 'partially_filled', '999', '0.7', '0.3', '0.4')] },
    ],
  },
  {
    name: 'amend refused: a price off the tick is 1007 everywhere, and the order is unchanged',
    steps: [
      { place: 'A', order: BUY_1_AT_1000, then: [A('new', 'new', '1000', '1', '1', '0')] },
      { amend: 'A', price: '1000.005', quantity: '1', refused: 1007 },
    ],
  },
  {
    // The mode is the aggressor's: the account's own aggressor comes over REST, so the gateway's
    // order is the resting one, decremented (restated) by what the aggressor would have traded.
    name: 'self-trade prevention decrement_and_cancel: the resting order is decremented',
    steps: [
      { place: 'A', order: { side: 'sell', price: '1000.00', quantity: '1' }, then: [A_SELL('new', 'new', '1000', '1', '1', '0')] },
      { rest: 'same account', order: { side: 'buy', price: '1000.00', quantity: '0.4', selfTradePrevention: 'decrement_and_cancel' }, then: [A_SELL('restated', 'new', '1000', '0.6', '0.6', '0')] },
    ],
  },
  {
    name: 'self-trade prevention decrement_and_cancel: the aggressor is cancelled against its own resting order',
    cannot: { FIX: FIX_HAS_NO_STP },
    steps: [
      { rest: 'same account', order: { side: 'sell', price: '1000.00', quantity: '1' } },
      {
        place: 'A',
        order: { side: 'buy', price: '1000.00', quantity: '0.4', selfTradePrevention: 'decrement_and_cancel' },
        then: [A('new', 'new', '1000', '0.4', '0.4', '0'), A('cancelled', 'cancelled', '1000', '0.4', '0', '0')],
      },
    ],
  },
  {
    name: 'stop order triggered by a trade, then filled',
    steps: [
      // A trade at 1000 is the last price the stop is placed against (earlier runs traded elsewhere).
      { rest: 'counterparty', order: { side: 'sell', price: '1000.00', quantity: '0.1' } },
      { rest: 'second counterparty', order: { side: 'buy', price: '1000.00', quantity: '0.1' } },
      { rest: 'second counterparty', order: { side: 'buy', price: '994.00', quantity: '1' } },
      { place: 'A', order: { side: 'sell', type: 'stop', stopPrice: '995.00', quantity: '0.5' }, then: [A_SELL('new', 'pending_trigger', undefined, '0.5', '0.5', '0')] },
      { rest: 'counterparty', order: { side: 'sell', price: '995.00', quantity: '0.1' } },
      {
        rest: 'second counterparty',
        order: { side: 'buy', price: '995.00', quantity: '0.1' },
        then: [A_SELL('triggered', 'new', undefined, '0.5', '0.5', '0'), A_SELL('trade', 'filled', undefined, '0.5', '0', '0.5', ['994', '0.5'])],
      },
    ],
  },
  {
    name: 'iceberg: the displayed slice refreshes and trades again',
    steps: [
      { place: 'A', order: { side: 'sell', price: '1000.00', quantity: '1', displayQuantity: '0.2' }, then: [A_SELL('new', 'new', '1000', '1', '1', '0')] },
      {
        rest: 'counterparty',
        order: { side: 'buy', price: '1000.00', quantity: '0.3' },
        then: [A_SELL('trade', 'partially_filled', '1000', '1', '0.8', '0.2', ['1000', '0.2']), A_SELL('trade', 'partially_filled', '1000', '1', '0.7', '0.3', ['1000', '0.1'])],
      },
    ],
  },
  {
    name: 'IOC: the unfilled remainder is cancelled',
    steps: [
      { rest: 'counterparty', order: SELL_04_AT_1000 },
      {
        place: 'A',
        order: { ...BUY_1_AT_1000, timeInForce: 'IOC' },
        then: [A('new', 'new', '1000', '1', '1', '0'), A('trade', 'partially_filled', '1000', '1', '0.6', '0.4', ['1000', '0.4']), A('cancelled', 'cancelled', '1000', '1', '0', '0.4')],
      },
    ],
  },
  {
    name: 'FOK that cannot fill is rejected 3003 and trades nothing',
    steps: [
      { rest: 'counterparty', order: SELL_04_AT_1000 },
      { place: 'A', order: { ...BUY_1_AT_1000, timeInForce: 'FOK' }, refused: 3003 },
    ],
  },
  {
    name: 'mass cancel of the symbol cancels both orders',
    steps: [
      { place: 'A', order: { side: 'buy', price: '999.00', quantity: '1' }, then: [A('new', 'new', '999', '1', '1', '0')] },
      { place: 'B', order: { side: 'buy', price: '998.00', quantity: '1' }, then: [B('new', 'new', '998', '1', '1', '0')] },
      // Best bid first: the book's own order of a mass cancel.
      { massCancel: 'BTC-USD', then: [A('cancelled', 'cancelled', '999', '1', '0', '0'), B('cancelled', 'cancelled', '998', '1', '0', '0')] },
    ],
  },
  { name: 'reject: a price off the tick is 1007 PRICE_NOT_ON_TICK', steps: [{ place: 'A', order: { side: 'buy', price: '1000.005', quantity: '1' }, refused: 1007 }] },
  { name: 'reject: an unknown symbol is 1001 UNKNOWN_INSTRUMENT', steps: [{ place: 'A', order: { symbol: 'DOGE-USD', side: 'buy', price: '1000.00', quantity: '1' }, refused: 1001 }] },
  { name: 'reject: more than the balance is 2001 INSUFFICIENT_BALANCE', steps: [{ place: 'A', order: { side: 'buy', price: '1000.00', quantity: '500' }, refused: 2001 }] },
  // src/venue/authorize.ts: order entry needs the trade scope, FORBIDDEN (4003) without it.
  { name: 'a read-only key cannot enter an order: 4003 FORBIDDEN', caller: 'read-only key', steps: [{ place: 'A', order: BUY_1_AT_1000, refused: 4003 }] },
];

// ---- the venue ---------------------------------------------------------------------------------------

let server: RunningServer;
let dataDir: string;
let admin: RestClient;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kapita-conformance-'));
  // durability 'write': what is compared is what the gateways say, not when the disk has it.
  // The suite sends a few hundred requests a second from one address: above the edge's default.
  const edge = { ...CONFIG.edge, requestsPerSecondPerIp: 100_000, requestBurstPerIp: 100_000 };
  server = await startServer({ dataDir, config: { ...CONFIG, durability: 'write', edge }, say: () => undefined });
  admin = new RestClient(server.url, JSON.parse(readFileSync(join(dataDir, 'admin-key.json'), 'utf8')) as Credentials);
});

afterAll(async () => {
  closeWsClients();
  await closeFixVenues();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Trader {
  readonly accountId: number;
  readonly key: Credentials;
  readonly rest: RestClient;
}

let accounts = 0;
async function trader(): Promise<Trader> {
  const body = ok(await admin.call('POST', '/v1/admin/accounts', { name: `conformance-${++accounts}`, deposits: { USD: '100000', BTC: '100' } }), 201) as { accountId: number } & Credentials;
  const key = { keyId: body.keyId, secret: body.secret };
  return { accountId: body.accountId, key, rest: new RestClient(server.url, key) };
}

async function readOnlyKey(accountId: number): Promise<Credentials> {
  const body = ok(await admin.call('POST', '/v1/keys', { name: 'read only', accountId, scopes: ['read'] }), 201) as Credentials;
  return { keyId: body.keyId, secret: body.secret };
}

async function driverFor(gateway: Gateway, accountId: number, key: Credentials): Promise<GatewayDriver> {
  const rest = new RestClient(server.url, key);
  if (gateway === 'REST') return new RestDriver(rest);
  if (gateway === 'FIX') return FixDriver.open(server.fix?.port ?? 0, `CONF${accounts}`, { accountId, ...key, rest });
  return WsDriver.open(server.url, gateway === 'WebSocket binary' ? 'binary' : 'json', await rest.authenticate());
}

// ---- running a scenario --------------------------------------------------------------------------------

const OPEN: ReadonlySet<Status> = new Set(['new', 'partially_filled', 'pending_trigger']);

/** The order's state as the table's reports so far leave it. */
function stateOf(reports: readonly Report[], label: string): State | undefined {
  const last = reports.filter((r) => r.order === label).at(-1);
  return last === undefined ? undefined : { status: last.status, side: last.side, price: last.price, quantity: last.quantity, cumQuantity: last.cumQuantity, leavesQuantity: last.leavesQuantity };
}

/** What REST can say of a state: it has no leaves quantity. */
function restView(state: State | undefined): State | undefined {
  if (state === undefined) return undefined;
  return { status: state.status, side: state.side, price: state.price, quantity: state.quantity, cumQuantity: state.cumQuantity };
}

/** The lifecycle alone (order, execType, status): the first thing to agree on. */
function lifecycle(reports: readonly Report[]): string[] {
  return reports.map((r) => `${r.order} ${r.execType} ${r.status}`);
}

interface Run {
  readonly gateway: Gateway;
  readonly self: Trader;
  readonly actors: Readonly<Record<RestActor, Trader>>;
  readonly driver: GatewayDriver;
  /** Orders the account placed over REST as a RestActor step (not the gateway's). */
  readonly restIds: number[];
  /** The table's reports up to the current step. */
  readonly expected: Report[];
  readonly labels: string[];
}

async function runStep(run: Run, step: Step, index: number, where: string): Promise<void> {
  const { driver } = run;
  let outcome: Outcome | undefined;
  let answer: Awaited<ReturnType<GatewayDriver['place']>> | undefined;
  if ('rest' in step) {
    const body = ok(await run.actors[step.rest].rest.call('POST', '/v1/orders', restBody(step.order, `rest-${index}`)), 201) as { orderId: number };
    if (step.rest === 'same account') run.restIds.push(body.orderId);
  } else if ('place' in step) {
    answer = await driver.place(step.place, step.order, `${step.place}-${accounts}`);
    outcome = step.refused ?? 'ok';
    if (answer.outcome === 'ok') run.labels.push(step.place);
  } else if ('amend' in step) {
    answer = await driver.amend(step.amend, { price: step.price, quantity: step.quantity });
    outcome = step.refused ?? 'ok';
  } else {
    answer = await driver.massCancel(step.massCancel);
    outcome = 'ok';
    expect.soft(answer.affected, `${where}: orders the mass cancel names`).toBe((step.then ?? []).filter((r) => r.execType === 'cancelled').length);
  }
  run.expected.push(...(step.then ?? []));
  if (answer === undefined) return;
  expect.soft(answer.outcome, `${where}: the answer`).toEqual(outcome);
  // REST's and WebSocket's answers carry the order (OrderResponse): as the table leaves it.
  const label = 'place' in step ? step.place : 'amend' in step ? step.amend : undefined;
  if (answer.state !== undefined && label !== undefined) expect.soft(answer.state, `${where}: the order in the answer`).toEqual(restView(stateOf(run.expected, label)));
}

/** REST has no reports: after every step, each of its orders as GET /v1/orders/:id says. */
async function restStates(run: Run, where: string): Promise<void> {
  for (const label of run.labels) expect.soft(await run.driver.state(label), `${where}: GET /v1/orders/${label}`).toEqual(restView(stateOf(run.expected, label)));
}

async function finalChecks(run: Run, name: string): Promise<void> {
  const { driver, gateway } = run;
  const reports = await driver.reports();
  if (reports !== undefined) {
    expect.soft(lifecycle(reports), `${gateway} ${name}: the lifecycle (order, execType, status)`).toEqual(lifecycle(run.expected));
    expect.soft(reports, `${gateway} ${name}: the reports`).toEqual(run.expected);
  }
  for (const label of run.labels) {
    const want = stateOf(run.expected, label);
    if (reports !== undefined) expect.soft(stateOf(reports, label), `${gateway} ${name}: ${label} as its last report leaves it`).toEqual(want);
    const own = await driver.state(label);
    if (gateway === 'FIX') expect.soft(own, `FIX ${name}: ${label} by OrderStatusRequest`).toEqual(want);
    const id = driver.orderId(label);
    expect.soft(id === undefined ? undefined : await restOrderState(run.self.rest, id), `${gateway} ${name}: ${label} as the venue's REST API says`).toEqual(restView(want));
  }
  // Nothing else was placed (a refusal places nothing): the account's open orders are the table's.
  const open = (ok(await run.self.rest.call('GET', '/v1/orders')) as { orderId: number }[]).map((o) => o.orderId).filter((id) => !run.restIds.includes(id));
  const wanted = run.labels.filter((label) => OPEN.has(stateOf(run.expected, label)?.status ?? 'cancelled')).map((label) => driver.orderId(label));
  expect.soft(open.sort(), `${gateway} ${name}: the account's open orders`).toEqual(wanted.sort());
}

async function runScenario(scenario: Scenario, gateway: Gateway): Promise<void> {
  // Every run starts on an empty book: the one before cancelled all it placed.
  expect(ok(await admin.call('GET', '/v1/book/BTC-USD'))).toMatchObject({ bids: [], asks: [] });
  const self = await trader();
  const actors = { counterparty: await trader(), 'second counterparty': await trader(), 'same account': self };
  const key = scenario.caller === 'read-only key' ? await readOnlyKey(self.accountId) : self.key;
  const driver = await driverFor(gateway, self.accountId, key);
  const run: Run = { gateway, self, actors, driver, restIds: [], expected: [], labels: [] };
  try {
    for (const [i, step] of scenario.steps.entries()) {
      const where = `${gateway} ${scenario.name}, step ${i + 1}`;
      await runStep(run, step, i, where);
      if (gateway === 'REST') await restStates(run, where);
    }
    await finalChecks(run, scenario.name);
  } finally {
    await driver.close();
    for (const who of [self, actors.counterparty, actors['second counterparty']]) ok(await who.rest.call('DELETE', '/v1/orders'));
  }
}

for (const scenario of SCENARIOS) {
  describe(scenario.name, () => {
    for (const gateway of GATEWAYS) {
      const cannot = scenario.cannot?.[gateway];
      // Said in the test's name and the report: the gateway cannot express the scenario at all.
      if (cannot !== undefined) it.skip(`${gateway}: not expressible (${cannot})`, () => undefined);
      else it(gateway, () => runScenario(scenario, gateway));
    }
  });
}
