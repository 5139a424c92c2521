// What the FIX gateway must remember of its orders across a restart of the server: which session
// placed each order, its current ClOrdID, and the CumQty and notional its reports have stated (the
// venue's journal knows the order but not the FIX session behind it, and AvgPx needs every fill's
// price, which the replica no longer holds once the fills are older than its snapshot).
//
// One JSON line per change of an order's state, appended with writeSync before the report it
// describes is sent, so the log is never behind what a counterparty was told (the same rule, and
// the same fsync option, as the session's own message store). Loading keeps the last line per order;
// the file is rewritten down to those lines at load and whenever it holds four times as many lines
// as there are orders to remember. A torn last line (a crash mid-write) is dropped. Under fsync
// each append is synced at once, or, given the gateway's FileSyncGroup, synced with the session
// stores before the connection sends the report (one fdatasync per turn); a rewrite's rename and the
// file's creation also fsync the directory.
import { closeSync, existsSync, fdatasyncSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FileSyncGroup } from '../../fix/file-sync.js';
import { syncDirectory } from '../../journal/sync-directory.js';

/** One order as the gateway tracks it, in the engine's units. */
export interface FixOrderRecord {
  readonly orderId: number;
  /** The FIX session that placed it, and what is needed to reopen that session after a restart. */
  readonly sessionKey: string;
  readonly account: string;
  readonly targetCompId: string;
  readonly clOrdId: string;
  readonly symbol: string;
  /** Side (54), OrdType (40), TimeInForce (59) as FIX values. */
  readonly side: string;
  readonly ordType: string;
  readonly timeInForce: string;
  readonly quantityLots: number;
  readonly priceTicks: number;
  readonly cumLots: number;
  /** Σ price ticks × lots of the fills, as a decimal string (it can exceed 2^53). */
  readonly notional: string;
  readonly leavesLots: number;
  /** OrdStatus (39) as last reported. */
  readonly status: string;
  readonly closed: boolean;
}

const MIN_LINES_BEFORE_REWRITE = 10_000;

export class FixOrderLog {
  private fd: number;
  private lines = 0;

  private constructor(
    private readonly path: string,
    private readonly fsync: boolean,
    private readonly group: FileSyncGroup | undefined,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'a');
  }

  /** Opens (creating) the log and returns it with the last record of every order it holds. */
  static open(path: string, options: { fsync: boolean; syncGroup?: FileSyncGroup }): { log: FixOrderLog; records: FixOrderRecord[] } {
    const last = new Map<number, FixOrderRecord>();
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8');
      const lines = text.split('\n');
      // The last element is '' after a complete final line; anything else there is a torn write.
      for (let i = 0; i < lines.length - 1; i++) {
        const line = lines[i] ?? '';
        if (line === '') continue;
        const record = parseRecord(line);
        if (record === undefined) throw new Error(`${path}:${i + 1}: not a FIX order record: ${line.slice(0, 120)}`);
        last.set(record.orderId, record);
      }
    }
    const log = new FixOrderLog(path, options.fsync, options.fsync ? options.syncGroup : undefined);
    const records = [...last.values()];
    log.rewrite(records);
    return { log, records };
  }

  /** Appends one record; `live` is how many orders the caller still remembers (for the rewrite rule). */
  append(record: FixOrderRecord, live: () => Iterable<FixOrderRecord>, liveCount: number): void {
    writeSync(this.fd, `${JSON.stringify(record)}\n`);
    if (this.fsync && this.group === undefined) fdatasyncSync(this.fd);
    else if (this.fsync) this.group?.mark(this.fd);
    this.lines++;
    if (this.lines > Math.max(MIN_LINES_BEFORE_REWRITE, 4 * liveCount)) this.rewrite(live());
  }

  close(): void {
    this.group?.release(this.fd);
    closeSync(this.fd);
  }

  /** Replaces the file with one line per record: a temporary file renamed over it. */
  private rewrite(records: Iterable<FixOrderRecord>): void {
    const temporary = `${this.path}.tmp`;
    let text = '';
    let count = 0;
    for (const record of records) {
      text += `${JSON.stringify(record)}\n`;
      count++;
    }
    writeFileSync(temporary, text, { flush: this.fsync });
    renameSync(temporary, this.path);
    if (this.fsync) this.syncDir();
    // The rewritten file holds every record, the one just appended too: the old one needs no sync.
    this.group?.forget(this.fd);
    closeSync(this.fd);
    this.fd = openSync(this.path, 'a');
    this.lines = count;
  }

  private syncDir(): void {
    if (this.group === undefined) syncDirectory(dirname(this.path));
    else this.group.syncDirectory(dirname(this.path));
  }
}

function parseRecord(line: string): FixOrderRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Record<string, unknown>;
  const numbers = ['orderId', 'quantityLots', 'priceTicks', 'cumLots', 'leavesLots'] as const;
  const strings = ['sessionKey', 'account', 'targetCompId', 'clOrdId', 'symbol', 'side', 'ordType', 'timeInForce', 'notional', 'status'] as const;
  for (const key of numbers) if (!Number.isSafeInteger(r[key])) return undefined;
  for (const key of strings) if (typeof r[key] !== 'string') return undefined;
  if (typeof r['closed'] !== 'boolean' || !/^[0-9]+$/.test(r['notional'] as string)) return undefined;
  return value as FixOrderRecord;
}
