#!/usr/bin/env node
// The `kapita` command. Until the server exists (the venue-goes-live issue), `start` runs the engine
// demo: it prints a book and the trades a crossing order makes.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { RECORD_BYTES } from '../journal/format.js';
import { listSegments } from '../journal/journal-reader.js';
import { journalDir } from '../journal/store.js';
import { runDemo } from './demo.js';
import { dumpCommand, type Output, replayCommand, verifyCommand } from './journal-commands.js';

const io: Output = {
  out: (line) => {
    process.stdout.write(`${line}\n`);
  },
  err: (line) => {
    process.stderr.write(`${line}\n`);
  },
};

/** The last seq, estimated from the newest segment's name and size (for the progress bar only). */
function estimateLastSeq(dir: string): number {
  const segments = listSegments(journalDir(dir));
  const last = segments.at(-1);
  if (last === undefined) return 1;
  return Math.max(1, last.firstSeq + Math.floor(statSync(join(journalDir(dir), last.name)).size / RECORD_BYTES));
}

function count(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) {
    process.stderr.write(`${name} must be a non-negative integer, got "${text}"\n`);
    process.exit(2);
  }
  return value;
}

const program = new Command();
program.name('kapita').description('Kapita exchange platform').version('0.1.0');
program
  .command('start')
  .description('run the venue (for now: the matching-engine demo)')
  .action(() => {
    runDemo();
  });
program
  .command('demo')
  .description('run the matching-engine demo')
  .action(() => {
    runDemo();
  });

const journal = program.command('journal').description('inspect a data directory\'s journal and snapshots (read-only)');
journal
  .command('verify')
  .argument('<dir>', 'data directory')
  .description('check every block and snapshot; exit 1 on damage')
  .action((dir: string) => {
    process.exitCode = verifyCommand(dir, io);
  });
journal
  .command('dump')
  .argument('<dir>', 'data directory')
  .option('--from <seq>', 'first seq to print', '1')
  .option('--limit <n>', 'most commands to print', '100')
  .description('print journaled commands, one per line')
  .action((dir: string, options: { from: string; limit: string }) => {
    process.exitCode = dumpCommand(dir, count('--from', options.from), count('--limit', options.limit), io);
  });
program
  .command('replay')
  .argument('<dir>', 'data directory')
  .description('rebuild the state from the newest snapshot and the journal; print its state hash')
  .action((dir: string) => {
    const tty = process.stderr.isTTY;
    const total = estimateLastSeq(dir);
    const bar = (seq: number): void => {
      const done = Math.min(1, seq / total);
      const width = 30;
      const filled = Math.round(done * width);
      process.stderr.write(`\rreplaying [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(done * 100).toFixed(0).padStart(3)}%  seq ${seq}`);
    };
    process.exitCode = replayCommand(dir, io, tty ? bar : undefined);
    if (tty) process.stderr.write('\n');
  });

program.parse();
