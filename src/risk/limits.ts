// The risk limits an operator sets, by number (the SET_LIMIT command carries one) and by name (what
// configs and APIs use). Every value is a non-negative integer; 0 means "no limit".
//
// Scopes. A limit is set for an account or, with account 0, as the venue-wide default. Limits that
// concern one instrument are also set per instrument, or with instrument 0 for every instrument.
// The most specific value wins: (account, instrument) → (account, all) → (venue, instrument) →
// (venue, all). Price bands belong to the instrument alone (account 0 only).

export const LimitKind = {
  /** Lots per order (instrument scope). */
  MAX_ORDER_QUANTITY: 1,
  /** Quote asset units per order: limit price × quantity (instrument scope). */
  MAX_ORDER_NOTIONAL: 2,
  /** Lots of absolute net position if this and every open order on its side filled (instrument scope). */
  MAX_POSITION: 3,
  /** Open orders (resting and pending stops) of the account. */
  MAX_OPEN_ORDERS: 4,
  /** Orders (places and amends) per second, refilled on sequenced time. */
  ORDER_RATE: 5,
  /** Token bucket size of ORDER_RATE; 0 = one second's worth. */
  ORDER_BURST: 6,
  /** Drawdown threshold in basis points of start-of-period equity. */
  DRAWDOWN_BPS: 7,
  /** 1: when the drawdown limit trips, cancel every open order of the account. */
  DRAWDOWN_CANCEL: 8,
  /** Limit price within ± this many basis points of the reference price (instrument, venue only). */
  PRICE_BAND_BPS: 9,
  /** Limit price within ± this many ticks of the reference price (instrument, venue only). */
  PRICE_BAND_TICKS: 10,
} as const;
export type LimitKind = (typeof LimitKind)[keyof typeof LimitKind];

export const LIMIT_KINDS = 10;

/** Limits whose value depends on the instrument: stored per (account, instrument). */
export function isInstrumentLimit(kind: number): boolean {
  return kind === LimitKind.MAX_ORDER_QUANTITY || kind === LimitKind.MAX_ORDER_NOTIONAL || kind === LimitKind.MAX_POSITION;
}

export function isBandLimit(kind: number): boolean {
  return kind === LimitKind.PRICE_BAND_BPS || kind === LimitKind.PRICE_BAND_TICKS;
}

export const LIMIT_NAMES: Readonly<Record<LimitKind, string>> = {
  [LimitKind.MAX_ORDER_QUANTITY]: 'maxOrderQuantity',
  [LimitKind.MAX_ORDER_NOTIONAL]: 'maxOrderNotional',
  [LimitKind.MAX_POSITION]: 'maxPosition',
  [LimitKind.MAX_OPEN_ORDERS]: 'maxOpenOrders',
  [LimitKind.ORDER_RATE]: 'orderRate',
  [LimitKind.ORDER_BURST]: 'orderBurst',
  [LimitKind.DRAWDOWN_BPS]: 'drawdownBps',
  [LimitKind.DRAWDOWN_CANCEL]: 'drawdownCancel',
  [LimitKind.PRICE_BAND_BPS]: 'priceBandBps',
  [LimitKind.PRICE_BAND_TICKS]: 'priceBandTicks',
};

export function limitKindByName(name: string): LimitKind | undefined {
  for (const [kind, n] of Object.entries(LIMIT_NAMES)) if (n === name) return Number(kind) as LimitKind;
  return undefined;
}

/** Largest accepted value per kind: beyond it a product in the checks could leave 2^53. */
export function maxLimitValue(kind: number): number {
  switch (kind) {
    case LimitKind.DRAWDOWN_BPS:
      return 10_000;
    case LimitKind.DRAWDOWN_CANCEL:
      return 1;
    case LimitKind.PRICE_BAND_BPS:
      return 1_000_000;
    case LimitKind.ORDER_RATE:
    case LimitKind.ORDER_BURST:
      return 1_000_000_000;
    default:
      return Number.MAX_SAFE_INTEGER;
  }
}

/** The name of a limit kind, or "limit N" for a number that is none (a journal may hold a rejected one). */
export function limitName(kind: number): string {
  const names: Readonly<Record<number, string | undefined>> = LIMIT_NAMES;
  return names[kind] ?? `limit ${kind}`;
}
