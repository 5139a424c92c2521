// A minimal venue process for crash tests and experiments: the whole pipeline in one process,
// commands in as JSON lines on stdin ({"r": requestId, "c": Command}), and one line
// "ack <requestId> <seq>" on stdout per command once it is durable. Usage:
//   node dist/test/support/venue-stdio.js DATA_DIR CONFIG_JSON_FILE [fsync|write]
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from '../../src/engine/command.js';
import type { CoreConfig } from '../../src/journal/store.js';
import { COMMAND_END, outputRequestId, outputSeq, outputType } from '../../src/protocol/output-record.js';
import { Pipeline } from '../../src/pipeline/pipeline.js';

async function main(): Promise<void> {
  const [dataDir, configFile, policy = 'fsync'] = process.argv.slice(2);
  if (dataDir === undefined || configFile === undefined || (policy !== 'fsync' && policy !== 'write')) {
    process.stderr.write('usage: venue-stdio DATA_DIR CONFIG_JSON_FILE [fsync|write]\n');
    process.exit(2);
  }
  const config = JSON.parse(readFileSync(configFile, 'utf8')) as CoreConfig;
  const pipeline = await Pipeline.start({ dataDir, config, policy, snapshotIntervalMs: 50, warn: (m) => process.stderr.write(`warning: ${m}\n`) });
  let pending = '';
  pipeline.respond((view, offset) => {
    if (outputType(view, offset) !== COMMAND_END) return;
    pending += `ack ${outputRequestId(view, offset)} ${outputSeq(view, offset)}\n`;
    if (pending.length > 4096) {
      process.stdout.write(pending);
      pending = '';
    }
  });
  const flush = setInterval(() => {
    if (pending.length > 0) {
      process.stdout.write(pending);
      pending = '';
    }
  }, 1);
  process.stdout.write('ready\n');
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.length === 0) continue;
    const message = JSON.parse(line) as { r: number; c: Command };
    await pipeline.submit(message.c, message.r);
  }
  await pipeline.stop();
  clearInterval(flush);
  process.stdout.write(pending);
}

main().catch((error: unknown) => {
  process.stderr.write(`venue failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
