// One-line text for an event record, for the demo, logs and test scenarios written as tables.
// Prices and quantities print in ticks and lots (the engine's units): "TRADE t1 100x5 …".
import { resultCodeName } from '../domain/result-codes.js';
import { limitName } from '../risk/limits.js';
import { ClientOrderStatus } from '../engine/client-ids.js';
import { DoneReason, DoneStatus, type EventBuffer, EventType, Field } from '../engine/event.js';

const SIDES: Readonly<Record<number, string>> = { 1: 'BUY', 2: 'SELL' };
const TYPES: Readonly<Record<number, string>> = { 1: 'LIMIT', 2: 'MARKET', 3: 'STOP', 4: 'STOP_LIMIT' };
const TIFS: Readonly<Record<number, string>> = { 1: 'GTC', 2: 'IOC', 3: 'FOK', 4: 'DAY' };
const STP: Readonly<Record<number, string>> = { 1: 'NONE', 2: 'CANCEL_NEWEST', 3: 'CANCEL_OLDEST', 4: 'CANCEL_BOTH', 5: 'DECREMENT_AND_CANCEL' };
const STATUSES = invert(DoneStatus);
const REASONS = invert(DoneReason);

function invert(table: Readonly<Record<string, number>>): Readonly<Record<number, string>> {
  return Object.fromEntries(Object.entries(table).map(([name, value]) => [value, name]));
}

function name(table: Readonly<Record<number, string>>, value: number): string {
  return table[value] ?? `?${value}`;
}

const CLIENT_STATUSES = invert(ClientOrderStatus);

/** " (first #3 FILLED filled 5)" for a reject that names the order or deposit it repeats; '' otherwise. */
function repeatOf(events: EventBuffer, i: number): string {
  const original = events.field(i, Field.ORIGINAL_ID);
  if (original === 0) return '';
  const status = events.field(i, Field.ORIGINAL_STATUS);
  if (status === 0) return ` (first seq ${original})`;
  const code = events.field(i, Field.ORIGINAL_CODE);
  const detail = status === ClientOrderStatus.REJECTED ? resultCodeName(code) : `filled ${events.field(i, Field.ORIGINAL_FILLED)}`;
  return ` (first #${original} ${name(CLIENT_STATUSES, status)} ${detail})`;
}

export function formatEvent(events: EventBuffer, i: number): string {
  const f = (offset: number): number => events.field(i, offset);
  const order = `#${f(Field.ORDER_ID)} a${f(Field.ACCOUNT)}`;
  switch (events.type(i)) {
    case EventType.ACCEPTED: {
      const stop = f(Field.STOP_PRICE) > 0 ? ` stop ${f(Field.STOP_PRICE)}` : '';
      const display = f(Field.DISPLAY) > 0 ? ` show ${f(Field.DISPLAY)}` : '';
      return `ACCEPTED ${order} ${name(SIDES, f(Field.SIDE))} ${name(TYPES, f(Field.ORDER_TYPE))} ${name(TIFS, f(Field.TIME_IN_FORCE))} ${f(Field.PRICE)}x${f(Field.QUANTITY)}${stop}${display}`;
    }
    case EventType.REJECTED:
      return `REJECTED ${order}${repeatOf(events, i)} ${resultCodeName(f(Field.CODE))}`;
    case EventType.TRADE:
      return `TRADE t${f(Field.TRADE_ID)} ${f(Field.TRADE_PRICE)}x${f(Field.TRADE_QUANTITY)} maker #${f(Field.MAKER_ORDER_ID)} a${f(Field.MAKER_ACCOUNT)} left ${f(Field.MAKER_REMAINING)} taker #${f(Field.TAKER_ORDER_ID)} a${f(Field.TAKER_ACCOUNT)} left ${f(Field.TAKER_REMAINING)} ${name(SIDES, f(Field.AGGRESSOR_SIDE))}`;
    case EventType.DONE:
      return `DONE ${order} ${name(STATUSES, f(Field.STATUS))} ${name(REASONS, f(Field.REASON))} left ${f(Field.LEFT)} filled ${f(Field.FILLED)}`;
    case EventType.AMENDED:
      return `AMENDED ${order} ${f(Field.AMEND_PRICE)}x${f(Field.AMEND_QUANTITY)} left ${f(Field.AMEND_REMAINING)} ${f(Field.PRIORITY_KEPT) === 1 ? 'keeps' : 'loses'} priority`;
    case EventType.TRIGGERED:
      return `TRIGGERED ${order} stop ${f(Field.TRIGGER_STOP_PRICE)} last ${f(Field.TRIGGER_LAST_PRICE)}`;
    case EventType.DECREMENTED:
      return `DECREMENTED ${order} by ${f(Field.DECREMENT)} left ${f(Field.DECREMENT_REMAINING)}`;
    case EventType.ACCOUNT_STP:
      return `ACCOUNT_STP a${f(Field.ACCOUNT)} ${name(STP, f(Field.STP_MODE))}`;
    case EventType.BOOK_LEVEL:
      return `LEVEL ${name(SIDES, f(Field.LEVEL_SIDE))} ${f(Field.LEVEL_PRICE)} shows ${f(Field.LEVEL_DISPLAYED)} in ${f(Field.LEVEL_ORDERS)}`;
    case EventType.BALANCE:
      return `${f(Field.BALANCE_CHANGE) === 1 ? 'DEPOSIT' : 'WITHDRAWAL'} a${f(Field.ACCOUNT)} asset ${f(Field.ASSET)} ${f(Field.AMOUNT)} total ${f(Field.BALANCE_TOTAL)} held ${f(Field.BALANCE_HELD)} by u${f(Field.ACTOR)}`;
    case EventType.LIMIT_SET: {
      const value = f(Field.LIMIT_VALUE);
      return `LIMIT a${f(Field.ACCOUNT)} i${f(Field.INSTRUMENT)} ${limitName(f(Field.LIMIT_KIND))} ${value === -1 ? 'cleared' : value} by u${f(Field.ACTOR)}`;
    }
    case EventType.KILL_SWITCH:
      return `KILL_SWITCH a${f(Field.ACCOUNT)} ${f(Field.FLAG) === 1 ? 'ON' : 'OFF'} by u${f(Field.ACTOR)}`;
    case EventType.HALT:
      return `HALT i${f(Field.INSTRUMENT)} ${f(Field.FLAG) === 1 ? 'ON' : 'OFF'} by u${f(Field.ACTOR)}`;
    case EventType.DRAWDOWN:
      return `DRAWDOWN a${f(Field.ACCOUNT)} ${f(Field.DRAWDOWN_STATE) === 1 ? 'TRIPPED' : 'NEW_PERIOD'} equity ${f(Field.EQUITY)} start ${f(Field.START_EQUITY)} by u${f(Field.ACTOR)}`;
    default:
      throw new Error(`unknown event type ${events.type(i)}`);
  }
}

export function formatEvents(events: EventBuffer): string[] {
  const lines: string[] = [];
  for (let i = 0; i < events.count; i++) lines.push(formatEvent(events, i));
  return lines;
}
