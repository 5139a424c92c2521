#!/usr/bin/env node
// The `kapita` command: `start` runs the venue (REST on one port, journal and snapshots in the data
// directory), `account create` and `key create|list|rotate|revoke` (key-commands.ts) talk to a
// running venue with the admin key, `demo` prints the
// engine demo, and `journal` / `replay` inspect a data directory.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { RECORD_BYTES } from '../journal/format.js';
import { listSegments } from '../journal/journal-reader.js';
import { journalDir } from '../journal/store.js';
import { RestClient } from '../auth/client.js';
import { startServer } from '../server/server.js';
import { DEFAULT_CONFIG, parseVenueConfig, VenueConfigError } from '../server/venue-config.js';
import { runDemo } from './demo.js';
import { dumpCommand, type Output, replayCommand, verifyCommand } from './journal-commands.js';
import { registerKeyCommands } from './key-commands.js';

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
  .description('run the venue: REST API, journal and snapshots (Ctrl-C stops it cleanly)')
  .option('--config <file>', 'venue config (JSON, see docs/server.md); default: the embedded one')
  .option('--data <dir>', 'data directory (journal, snapshots, keys)', './data')
  .option('--port <port>', 'listen on this port instead of the config\'s')
  .option('--fix-port <port>', 'run the FIX gateway on this port instead of the config\'s ("off": none)')
  .option('--durability <policy>', 'fsync (default: acknowledged orders survive a power loss) or write (a process crash only)')
  .action(async (options: { config?: string; data: string; port?: string; fixPort?: string; durability?: string }) => {
    let config = DEFAULT_CONFIG;
    try {
      if (options.config !== undefined) config = parseVenueConfig(JSON.parse(readFileSync(options.config, 'utf8')));
    } catch (error) {
      io.err(error instanceof VenueConfigError || error instanceof SyntaxError ? `bad config ${options.config ?? ''}: ${error.message}` : String(error));
      process.exit(2);
    }
    if (options.durability !== undefined) {
      if (options.durability !== 'fsync' && options.durability !== 'write') {
        io.err(`--durability must be fsync or write, got "${options.durability}"`);
        process.exit(2);
      }
      config = { ...config, durability: options.durability };
    }
    if (options.port !== undefined) config = { ...config, server: { ...config.server, port: count('--port', options.port) } };
    if (options.fixPort === 'off') config = { ...config, fix: null };
    else if (options.fixPort !== undefined) config = { ...config, fix: { ...(config.fix ?? { senderCompId: 'KAPITA', sessions: [] }), port: count('--fix-port', options.fixPort) } };
    // The signal handlers are in place before the start-up line is printed: a SIGINT that follows
    // the line at once (a supervisor, a test) stops the venue cleanly instead of killing it mid-start.
    let signalled: string | undefined;
    let onSignal = (signal: string): void => {
      signalled ??= signal;
    };
    process.once('SIGINT', () => {
      onSignal('SIGINT');
    });
    process.once('SIGTERM', () => {
      onSignal('SIGTERM');
    });
    const server = await startServer({ dataDir: options.data, config, log: true, say: (line) => { io.out(line); } });
    const stop = (signal: string): void => {
      io.out(`${signal}: stopping (drain, flush the journal, final snapshot)`);
      server.stop().then(
        () => {
          io.out('stopped cleanly');
          process.exit(0);
        },
        (error: unknown) => {
          io.err(`stop failed: ${String(error)}`);
          process.exit(1);
        },
      );
    };
    onSignal = stop;
    if (signalled !== undefined) stop(signalled);
  });
const account = program.command('account').description('manage accounts on a running venue (with the admin key)');
account
  .command('create')
  .requiredOption('--name <name>', 'account name')
  .option('--deposit <ASSET=AMOUNT>', 'initial deposit, repeatable', (value: string, all: string[]) => [...all, value], [])
  .option('--data <dir>', 'data directory holding admin-key.json', './data')
  .option('--url <url>', 'the venue', `https://${DEFAULT_CONFIG.server.host}:${DEFAULT_CONFIG.server.port}`)
  .option('--ca <file>', "the CA to trust for https (default: the data directory's tls/ca.pem)")
  .description('create an account; prints its id, API key and secret as JSON')
  .action(async (options: { name: string; deposit: string[]; data: string; url: string; ca?: string }) => {
    const deposits: Record<string, string> = {};
    for (const entry of options.deposit) {
      const [asset, amount] = entry.split('=');
      if (asset === undefined || amount === undefined || asset.length === 0 || amount.length === 0) {
        io.err(`--deposit takes ASSET=AMOUNT, got "${entry}"`);
        process.exit(2);
      }
      deposits[asset] = amount;
    }
    const admin = JSON.parse(readFileSync(join(options.data, 'admin-key.json'), 'utf8')) as { keyId: string; secret: string };
    const caFile = options.ca ?? join(options.data, 'tls', 'ca.pem');
    const ca = options.url.startsWith('https:') && existsSync(caFile) ? readFileSync(caFile, 'utf8') : undefined;
    const reply = await new RestClient(options.url, admin, { ca }).call('POST', '/v1/admin/accounts', { name: options.name, deposits });
    if (reply.status !== 201) {
      io.err(JSON.stringify(reply.body));
      process.exitCode = 1;
      return;
    }
    io.out(JSON.stringify(reply.body, null, 2));
  });
registerKeyCommands(program, io);
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

await program.parseAsync();
