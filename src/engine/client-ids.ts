// Idempotency keys in the core's own state: (account, clientOrderId) of PLACE and (account,
// depositId) of DEPOSIT. Kept here, sequenced like everything else, in snapshots and in the state
// hash, so a restart keeps them and every replica answers a retry the same way.
//
// Per account: every open order placed with a clientOrderId (resting or pending stop; bounded by
// the books' capacity), plus the newest `closedPerAccount` closed or rejected ones, in the order
// they closed; plus the newest `depositsPerAccount` applied depositIds. The bounds are per account,
// so one account's traffic never evicts another's ids; an open order's id is never evicted. Memory
// is at most (open orders + accounts × (closedPerAccount + depositsPerAccount)) entries.
//
// Maps iterate in insertion order, so eviction (the oldest closed first) and the state stream are
// deterministic: no clock. Entries learn their outcome from the command's events (settle()): DONE
// closes an order with its status and filled lots, a REJECTED of its PLACE records the code.
import { ResultCode } from '../domain/result-codes.js';
import { CommandKind } from './command.js';
import { DoneStatus, EVENT_WIDTH, type EventBuffer, EventType, Field } from './event.js';
import { invariant, type OrderBook, type StateSink, type StateSource } from './order-book.js';

/** The state of an order known by its clientOrderId. FILLED, CANCELLED, EXPIRED are DoneStatus's numbers. */
export const ClientOrderStatus = { FILLED: DoneStatus.FILLED, CANCELLED: DoneStatus.CANCELLED, EXPIRED: DoneStatus.EXPIRED, OPEN: 4, REJECTED: 5 } as const;
export type ClientOrderStatus = (typeof ClientOrderStatus)[keyof typeof ClientOrderStatus];

export interface IdempotencyConfig {
  /** Closed or rejected orders' clientOrderIds remembered per account (default 10,000). */
  readonly closedOrdersPerAccount?: number;
  /** Applied depositIds remembered per account (default 10,000). */
  readonly depositsPerAccount?: number;
}

export const DEFAULT_CLOSED_ORDERS_PER_ACCOUNT = 10_000;
export const DEFAULT_DEPOSITS_PER_ACCOUNT = 10_000;
/** A bound on the configured bounds: the state stream stays small enough to snapshot quickly. */
const MAX_PER_ACCOUNT = 1_000_000;

export interface ClientOrderEntry {
  readonly accountId: number;
  readonly clientOrderId: string;
  readonly instrumentId: number;
  readonly orderId: number;
  status: ClientOrderStatus;
  /** Final filled lots once closed (0 while open: the book has the live figure). */
  filledLots: number;
  /** The reject code when REJECTED, else 0. */
  code: number;
}

class AccountIds {
  /** By clientOrderId, in placement order. */
  readonly open = new Map<string, ClientOrderEntry>();
  /** By clientOrderId, in closing order: the first is evicted first. */
  readonly closed = new Map<string, ClientOrderEntry>();
  /** depositId → the deposit that applied it (its seq and credits' digest), in applying order. */
  readonly deposits = new Map<string, AppliedDeposit>();
}

/** What a depositId is remembered by: where it was applied, and a digest of what it credited. */
export interface AppliedDeposit {
  readonly seq: number;
  /** creditsDigest() of its (asset, amount) pairs: a retry with other credits is refused, not replayed. */
  readonly digest: number;
}

/**
 * A 53-bit digest of a deposit's (asset, amount) pairs, in asset order (cyrb53 over their decimal
 * text: integer arithmetic only, the same on every replica). An exact double; two different credit
 * sets collide with probability about 2^-53, which would answer a wrong retry as a replay.
 */
export function creditsDigest(credits: readonly { readonly assetId: number; readonly amount: number }[]): number {
  const text = [...credits].sort((a, b) => a.assetId - b.assetId).map((c) => `${c.assetId}:${c.amount}`).join(',');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Text ids in the state stream: length, then 6 bytes per word (below 2^48, an exact double). */
function addText(sink: StateSink, text: string): void {
  sink.add(text.length);
  for (let i = 0; i < text.length; i += 6) {
    let word = 0;
    for (let j = Math.min(text.length, i + 6) - 1; j >= i; j--) word = word * 256 + text.charCodeAt(j);
    sink.add(word);
  }
}

function readText(source: StateSource): string {
  const length = source.next();
  invariant(length >= 1 && length <= 64, `state text id of length ${length}`);
  let text = '';
  for (let i = 0; i < length; i += 6) {
    let word = source.next();
    for (let j = i; j < Math.min(length, i + 6); j++) {
      const c = word % 256;
      invariant(c >= 0x21 && c <= 0x7e, `state text id byte ${c}`);
      text += String.fromCharCode(c);
      word = (word - c) / 256;
    }
    invariant(word === 0, 'state text id word holds more bytes than its length');
  }
  return text;
}

function positivePerAccount(value: number, name: string): number {
  invariant(Number.isSafeInteger(value) && value >= 1 && value <= MAX_PER_ACCOUNT, `${name} is an integer from 1 to ${MAX_PER_ACCOUNT}`);
  return value;
}

export class ClientIds {
  private readonly accounts = new Map<number, AccountIds>();
  /** Every kept entry (open and closed) by order id: settle() looks events up here, gateways report with it. */
  private readonly byOrderId = new Map<number, ClientOrderEntry>();
  private openEntries = 0;
  readonly closedPerAccount: number;
  readonly depositsPerAccount: number;

  constructor(config: IdempotencyConfig = {}) {
    this.closedPerAccount = positivePerAccount(config.closedOrdersPerAccount ?? DEFAULT_CLOSED_ORDERS_PER_ACCOUNT, 'idempotency.closedOrdersPerAccount');
    this.depositsPerAccount = positivePerAccount(config.depositsPerAccount ?? DEFAULT_DEPOSITS_PER_ACCOUNT, 'idempotency.depositsPerAccount');
  }

  /** Open orders with a clientOrderId: while 0, settle() has nothing to follow and is skipped. */
  get openCount(): number {
    return this.openEntries;
  }

  /** Accounts with any id: 0 means the table adds nothing to the state hash. */
  get size(): number {
    return this.accounts.size;
  }

  /** The order placed with this clientOrderId, open or among the newest closed. */
  lookup(accountId: number, clientOrderId: string): ClientOrderEntry | undefined {
    const ids = this.accounts.get(accountId);
    return ids?.open.get(clientOrderId) ?? ids?.closed.get(clientOrderId);
  }

  /**
   * The entry of an order placed with a clientOrderId, while it is kept: open, or among its
   * account's newest closed (a gateway names the clientOrderId in an execution report with it,
   * the DONE of this very command included).
   */
  ofOrder(orderId: number): ClientOrderEntry | undefined {
    return this.byOrderId.get(orderId);
  }

  /** The deposit that applied this depositId to the account, if it is kept. */
  depositOf(accountId: number, depositId: string): AppliedDeposit | undefined {
    return this.accounts.get(accountId)?.deposits.get(depositId);
  }

  private idsOf(accountId: number): AccountIds {
    let ids = this.accounts.get(accountId);
    if (ids === undefined) {
      ids = new AccountIds();
      this.accounts.set(accountId, ids);
    }
    return ids;
  }

  /**
   * A PLACE's clientOrderId: the entry of the order the account already placed with it (nothing is
   * recorded), or undefined after recording this one open (settle() records its outcome). One
   * account lookup and two id lookups: this runs on every place that carries an id.
   */
  claim(accountId: number, clientOrderId: string, instrumentId: number, orderId: number): ClientOrderEntry | undefined {
    const ids = this.idsOf(accountId);
    const first = ids.open.get(clientOrderId) ?? ids.closed.get(clientOrderId);
    if (first !== undefined) return first;
    this.insertOpen(ids, { accountId, clientOrderId, instrumentId, orderId, status: ClientOrderStatus.OPEN, filledLots: 0, code: 0 });
    return undefined;
  }

  private insertOpen(ids: AccountIds, entry: ClientOrderEntry): void {
    ids.open.set(entry.clientOrderId, entry);
    this.byOrderId.set(entry.orderId, entry);
    this.openEntries++;
  }

  recordDeposit(accountId: number, depositId: string, deposit: AppliedDeposit): void {
    const deposits = this.idsOf(accountId).deposits;
    invariant(!deposits.has(depositId), `depositId ${depositId} of account ${accountId} is in use`);
    deposits.set(depositId, deposit);
    if (deposits.size > this.depositsPerAccount) deposits.delete(deposits.keys().next().value as string);
  }

  /** Follows the command's events: DONE closes an open entry, a REJECTED of its PLACE rejects it. */
  settle(events: EventBuffer): void {
    const d = events.data;
    const end = events.count * EVENT_WIDTH;
    for (let o = 0; o < end; o += EVENT_WIDTH) {
      const type = d[o];
      if (type === EventType.DONE) {
        const entry = this.byOrderId.get(d[o + Field.ORDER_ID] ?? 0);
        if (entry?.status === ClientOrderStatus.OPEN) this.close(entry, (d[o + Field.STATUS] ?? 0) as ClientOrderStatus, d[o + Field.FILLED] ?? 0, 0);
      } else if (type === EventType.REJECTED && d[o + Field.COMMAND_KIND] === CommandKind.PLACE) {
        const entry = this.byOrderId.get(d[o + Field.ORDER_ID] ?? 0);
        if (entry?.status === ClientOrderStatus.OPEN) this.close(entry, ClientOrderStatus.REJECTED, 0, d[o + Field.CODE] ?? ResultCode.INTERNAL_ERROR);
      }
    }
  }

  private close(entry: ClientOrderEntry, status: ClientOrderStatus, filledLots: number, code: number): void {
    const ids = this.accounts.get(entry.accountId);
    invariant(ids !== undefined && ids.open.get(entry.clientOrderId) === entry, `open clientOrderId ${entry.clientOrderId} is not in its account's table`);
    entry.status = status;
    entry.filledLots = filledLots;
    entry.code = code;
    ids.open.delete(entry.clientOrderId);
    this.openEntries--;
    this.keepClosed(ids, entry);
  }

  /** Appends a closed entry (already in byOrderId); the account's oldest closed one goes once it keeps more than its bound. */
  private keepClosed(ids: AccountIds, entry: ClientOrderEntry): void {
    ids.closed.set(entry.clientOrderId, entry);
    if (ids.closed.size <= this.closedPerAccount) return;
    const oldest = ids.closed.values().next().value as ClientOrderEntry;
    ids.closed.delete(oldest.clientOrderId);
    this.byOrderId.delete(oldest.orderId);
  }

  /**
   * Every open entry's order rests (or waits as a stop) in its book under its account; the bounds
   * hold; the indexes agree. O(entries): for tests and tools.
   */
  validate(bookOf: (instrumentId: number) => OrderBook | undefined): void {
    let open = 0;
    let kept = 0;
    for (const [accountId, ids] of this.accounts) {
      kept += ids.open.size + ids.closed.size;
      invariant(ids.closed.size <= this.closedPerAccount && ids.deposits.size <= this.depositsPerAccount, `account ${accountId} keeps more ids than its bound`);
      invariant(ids.open.size + ids.closed.size + ids.deposits.size > 0, `account ${accountId} has an empty id table`);
      for (const [clientOrderId, entry] of ids.open) {
        open++;
        invariant(entry.status === ClientOrderStatus.OPEN && entry.clientOrderId === clientOrderId && entry.accountId === accountId, `open entry ${clientOrderId} is inconsistent`);
        invariant(this.byOrderId.get(entry.orderId) === entry, `open entry ${clientOrderId} is not indexed by its order id`);
        invariant(!ids.closed.has(clientOrderId), `clientOrderId ${clientOrderId} is both open and closed`);
        const order = bookOf(entry.instrumentId)?.order(entry.orderId);
        invariant(order !== undefined && order.accountId === accountId, `order ${entry.orderId} (clientOrderId ${clientOrderId}) is open in the table but not in its book`);
      }
      for (const entry of ids.closed.values()) {
        invariant(entry.status !== ClientOrderStatus.OPEN && this.byOrderId.get(entry.orderId) === entry, `closed entry ${entry.clientOrderId} says open or is not indexed`);
      }
    }
    invariant(open === this.openEntries && kept === this.byOrderId.size, `order-id index holds ${this.byOrderId.size} entries (${this.openEntries} open), the accounts ${kept} (${open} open)`);
  }

  /** Accounts by id; per account its open entries, closed entries and depositIds, each in table order. */
  exportState(sink: StateSink): void {
    const accounts = [...this.accounts.keys()].sort((a, b) => a - b);
    sink.add(accounts.length);
    for (const accountId of accounts) {
      const ids = this.accounts.get(accountId);
      invariant(ids !== undefined, 'account ids');
      sink.add(accountId);
      sink.add(ids.open.size);
      for (const entry of ids.open.values()) {
        addText(sink, entry.clientOrderId);
        sink.add(entry.instrumentId);
        sink.add(entry.orderId);
      }
      sink.add(ids.closed.size);
      for (const entry of ids.closed.values()) {
        addText(sink, entry.clientOrderId);
        sink.add(entry.instrumentId);
        sink.add(entry.orderId);
        sink.add(entry.status);
        sink.add(entry.filledLots);
        sink.add(entry.code);
      }
      sink.add(ids.deposits.size);
      for (const [depositId, deposit] of ids.deposits) {
        addText(sink, depositId);
        sink.add(deposit.seq);
        sink.add(deposit.digest);
      }
    }
  }

  /** Rebuilds exportState()'s stream into this empty table. */
  importState(source: StateSource): void {
    invariant(this.accounts.size === 0, 'client ids are restored into an empty table');
    const accounts = source.next();
    for (let a = 0; a < accounts; a++) {
      const accountId = source.next();
      const ids = this.idsOf(accountId);
      const open = source.next();
      for (let i = 0; i < open; i++) {
        const clientOrderId = readText(source);
        const instrumentId = source.next();
        const orderId = source.next();
        invariant(!ids.open.has(clientOrderId) && !this.byOrderId.has(orderId), `snapshot repeats clientOrderId ${clientOrderId} or order ${orderId}`);
        this.insertOpen(ids, { accountId, clientOrderId, instrumentId, orderId, status: ClientOrderStatus.OPEN, filledLots: 0, code: 0 });
      }
      const closed = source.next();
      invariant(closed <= this.closedPerAccount, `snapshot keeps ${closed} closed ids for account ${accountId}, above the bound ${this.closedPerAccount}`);
      for (let i = 0; i < closed; i++) {
        const clientOrderId = readText(source);
        const entry: ClientOrderEntry = { accountId, clientOrderId, instrumentId: source.next(), orderId: source.next(), status: source.next() as ClientOrderStatus, filledLots: source.next(), code: source.next() };
        invariant(!ids.closed.has(clientOrderId) && !ids.open.has(clientOrderId) && !this.byOrderId.has(entry.orderId), `snapshot repeats clientOrderId ${clientOrderId} or order ${entry.orderId}`);
        invariant(entry.status !== ClientOrderStatus.OPEN, `snapshot has closed clientOrderId ${clientOrderId} open`);
        this.byOrderId.set(entry.orderId, entry);
        this.keepClosed(ids, entry);
      }
      const deposits = source.next();
      invariant(deposits <= this.depositsPerAccount, `snapshot keeps ${deposits} depositIds for account ${accountId}, above the bound ${this.depositsPerAccount}`);
      for (let i = 0; i < deposits; i++) this.recordDeposit(accountId, readText(source), { seq: source.next(), digest: source.next() });
    }
  }
}
