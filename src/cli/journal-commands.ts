// `kapita journal verify DIR`, `kapita journal dump DIR [--from SEQ] [--limit N]`, `kapita replay DIR`.
// None of them changes a file: a torn tail is reported (start-up truncates it), not repaired.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandKind } from '../engine/command.js';
import { JournalCorruption } from '../journal/format.js';
import { scanJournal } from '../journal/journal-reader.js';
import { decodeSnapshot, listSnapshots } from '../journal/snapshot-file.js';
import { journalDir, readStoreConfig, recover, snapshotDir } from '../journal/store.js';
import { decodeCommand, decodeOrigin, emptyCommand } from '../protocol/command-record.js';
import { limitName } from '../risk/limits.js';

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

const KINDS: Readonly<Record<number, string>> = Object.fromEntries(Object.entries(CommandKind).map(([name, value]) => [value, name]));
const SIDES: Readonly<Record<number, string>> = { 0: 'BOTH', 1: 'BUY', 2: 'SELL' };
const TYPES: Readonly<Record<number, string>> = { 1: 'LIMIT', 2: 'MARKET', 3: 'STOP', 4: 'STOP_LIMIT' };
const TIFS: Readonly<Record<number, string>> = { 1: 'GTC', 2: 'IOC', 3: 'FOK', 4: 'DAY' };

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Checks every block and snapshot. Exit 0 when sound (a torn tail is a warning), 1 on damage. */
export function verifyCommand(dir: string, io: Output): number {
  let damaged = false;
  try {
    const result = scanJournal(journalDir(dir), undefined, { warn: (m) => io.err(`warning: ${m}`) });
    io.out(`journal: ${result.segments} segments, ${result.blocks} blocks, ${result.records} commands, seq ${result.firstSeq}..${result.lastSeq}, ${result.cleanShutdown ? 'clean shutdown' : 'no clean-shutdown marker (crashed or still running)'}`);
  } catch (error) {
    damaged = true;
    io.err(`DAMAGED ${describeError(error)}`);
    if (!(error instanceof JournalCorruption)) io.err('(the journal could not be read)');
  }
  const snapshots = listSnapshots(snapshotDir(dir));
  let valid = 0;
  for (const snapshot of snapshots) {
    const path = join(snapshotDir(dir), snapshot.name);
    try {
      const content = decodeSnapshot(new Uint8Array(readFileSync(path)));
      if (content.seq !== snapshot.seq) throw new Error(`holds seq ${content.seq}`);
      valid++;
    } catch (error) {
      damaged = true;
      io.err(`DAMAGED snapshot ${path}: ${describeError(error)}`);
    }
  }
  io.out(`snapshots: ${snapshots.length} (${valid} valid)${snapshots.length > 0 ? `, newest at seq ${snapshots.at(-1)?.seq ?? 0}` : ''}`);
  io.out(damaged ? 'result: DAMAGED' : 'result: ok');
  return damaged ? 1 : 0;
}

function formatTimestamp(ns: bigint): string {
  const ms = ns / 1_000_000n;
  const iso = new Date(Number(ms)).toISOString();
  return `${iso.slice(0, 19)}.${String(ns % 1_000_000_000n).padStart(9, '0')}Z`;
}

/** One line per command, from --from, at most --limit lines. */
export function dumpCommand(dir: string, fromSeq: number, limit: number, io: Output): number {
  const command = emptyCommand();
  const origin = { origin: 0, requestId: 0 };
  let printed = 0;
  const stop = new Error('limit reached');
  try {
    scanJournal(
      journalDir(dir),
      (seq, timestampNs, view, offset) => {
        if (printed >= limit) throw stop;
        decodeCommand(view, offset, command);
        decodeOrigin(view, offset, origin);
        const c = command;
        const parts = [`${seq}`, formatTimestamp(timestampNs), KINDS[c.kind] ?? `kind ${c.kind}`, `instrument ${c.instrumentId}`, `account ${c.accountId}`];
        if (c.kind === CommandKind.PLACE) {
          parts.push(SIDES[c.side] ?? `side ${c.side}`, TYPES[c.orderType] ?? `type ${c.orderType}`, TIFS[c.timeInForce] ?? `tif ${c.timeInForce}`, `${c.priceTicks}x${c.quantityLots}`);
          if (c.stopPriceTicks !== 0) parts.push(`stop ${c.stopPriceTicks}`);
          if (c.displayLots !== 0) parts.push(`show ${c.displayLots}`);
          if (c.postOnly !== 0) parts.push('post-only');
          if (c.selfTradePrevention !== 0) parts.push(`stp ${c.selfTradePrevention}`);
          if (c.maxNotional !== 0) parts.push(`max-notional ${c.maxNotional}`);
          if (c.clientOrderId !== '') parts.push(`client ${JSON.stringify(c.clientOrderId)}`);
        } else if (c.admin !== undefined) {
          const a = c.admin;
          if (c.kind === CommandKind.DEPOSIT || c.kind === CommandKind.WITHDRAW) {
            for (const credit of [{ assetId: a.assetId, amount: a.amount }, ...a.more]) parts.push(`asset ${credit.assetId}`, `amount ${credit.amount}`);
            if (a.depositId !== '') parts.push(`deposit ${JSON.stringify(a.depositId)}`);
          }
          else if (c.kind === CommandKind.SET_LIMIT) parts.push(limitName(a.limitKind), a.amount === -1 ? 'cleared' : `${a.amount}`);
          else if (c.kind === CommandKind.SET_KILL_SWITCH || c.kind === CommandKind.SET_HALT) parts.push(a.flag === 1 ? 'ON' : a.flag === 0 ? 'OFF' : `flag ${a.flag}`);
          parts.push(`by ${a.actorId}`);
        } else if (c.kind === CommandKind.CANCEL || c.kind === CommandKind.AMEND) {
          parts.push(`order ${c.orderId}`);
          if (c.kind === CommandKind.AMEND) parts.push(`price ${c.priceTicks}`, `quantity ${c.quantityLots}`);
        } else if (c.kind === CommandKind.MASS_CANCEL) {
          parts.push(SIDES[c.side] ?? `side ${c.side}`);
        }
        parts.push(`origin ${origin.origin}/${origin.requestId}`);
        io.out(parts.join('  '));
        printed++;
      },
      { fromSeq, warn: (m) => io.err(`warning: ${m}`) },
    );
  } catch (error) {
    if (error !== stop) {
      io.err(`DAMAGED ${describeError(error)}`);
      return 1;
    }
  }
  return 0;
}

/** Rebuilds the state (snapshot + journal, read-only) and prints its hash. */
export function replayCommand(dir: string, io: Output, progress?: (seq: number) => void): number {
  try {
    readStoreConfig(dir);
    const started = process.hrtime.bigint();
    const result = recover(dir, { repair: false, warn: (m) => io.err(`warning: ${m}`), ...(progress === undefined ? {} : { progress }) });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    io.out(`replayed ${result.replayed} commands after snapshot seq ${result.snapshotSeq} in ${seconds.toFixed(3)} s`);
    io.out(`seq ${result.engine.sequence}`);
    // recover() ended with validateInternalState(): books, and with a risk gate the conservation of every asset.
    const risk = result.engine.risk;
    io.out(risk === undefined ? 'invariants hold (books)' : `invariants hold (books; for each of ${risk.tables.assets.length} assets, balances + fees = deposits - withdrawals)`);
    io.out(`state hash ${result.engine.stateHash()}`);
    return 0;
  } catch (error) {
    io.err(`cannot replay: ${describeError(error)}`);
    return 1;
  }
}
