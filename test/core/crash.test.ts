// Crash test: a venue process (the whole pipeline) under load is killed with SIGKILL at random
// moments and restarted on the same data directory, 20 times. After every kill, every command whose
// acknowledgement reached this (client) process must be in the recovered journal at its seq, and
// the state recovered from snapshot + journal must equal a replay of the whole journal.
// `KAPITA_CRASH_KILLS=1000 npx vitest run test/core/crash.test.ts` runs the long version.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cancel, type Command, place, Side } from '../../src/engine/command.js';
import { scanJournal } from '../../src/journal/journal-reader.js';
import { journalDir, recover } from '../../src/journal/store.js';
import { decodeOrigin } from '../../src/protocol/command-record.js';
import { Random } from '../../bench/random.js';
import { CONFIG } from '../journal/fixture.js';

const KILLS = Number(process.env['KAPITA_CRASH_KILLS'] ?? 20);
/**
 * Lives sharing one data directory. Each check replays the whole journal, so the long run starts a
 * fresh directory every 50 kills to keep each check's cost bounded.
 */
const LIVES_PER_DIRECTORY = 50;
const VENUE = fileURLToPath(new URL('../../dist/test/support/venue-stdio.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'kapita-crash-'));
const configFile = join(scratch, 'config.json');
writeFileSync(configFile, JSON.stringify(CONFIG));
let dataDir = join(scratch, 'data-0');
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function randomCommand(random: Random): Command {
  if (random.int(0, 4) === 0) return cancel(1 + random.int(0, 2), 1 + random.int(0, 5), random.int(1, 5000));
  return place({ instrumentId: 1 + random.int(0, 2), accountId: 1 + random.int(0, 5), side: random.int(0, 1) === 0 ? Side.BUY : Side.SELL, priceTicks: random.int(90, 110), quantityLots: random.int(1, 20) });
}

interface Life {
  readonly acked: Map<number, number>;
  readonly sent: number;
}

/** Runs one venue life: feed commands until a random moment, then SIGKILL it. */
async function life(random: Random, firstRequest: number, policy: 'fsync' | 'write'): Promise<Life> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [VENUE, dataDir, configFile, policy], { stdio: 'pipe' });
  const acked = new Map<number, number>();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const venue = { gone: false };
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      venue.gone = true;
      resolve();
    }),
  );
  // Writes still in flight when the venue is killed fail with EPIPE: that is the point of the test.
  child.stdin.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const lines = createInterface({ input: child.stdout });
  const ready = new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line === 'ready') resolve();
      const [word, request, seq] = line.split(' ');
      if (word === 'ack') acked.set(Number(request), Number(seq));
    });
    void exited.then(() => reject(new Error(`venue exited before it was ready: ${stderr}`)));
  });
  await ready;
  let sent = 0;
  let killed = false;
  // The kill lands a random 30–250 ms after the first acknowledgement, so that every life is killed
  // under load however slow the machine is to start the venue.
  const killDelay = random.int(30, 250);
  let killAt = Infinity;
  // Write in chunks, yielding to the event loop so acknowledgements are read while we send.
  while (!killed) {
    let chunk = '';
    for (let i = 0; i < 200; i++) chunk += `${JSON.stringify({ r: firstRequest + sent++, c: randomCommand(random) })}\n`;
    child.stdin.write(chunk);
    await new Promise((resolve) => setTimeout(resolve, 2));
    if (venue.gone) throw new Error(`venue died on its own after ${acked.size} acknowledgements: ${stderr}`);
    if (killAt === Infinity && acked.size > 0) killAt = Date.now() + killDelay;
    if (Date.now() >= killAt) {
      child.kill('SIGKILL');
      killed = true;
    }
  }
  await exited;
  lines.close();
  return { acked, sent };
}

describe('crash recovery', () => {
  it(`loses no acknowledged command across ${KILLS} kill -9s, and recovers the state a full replay gives`, async () => {
    const random = new Random(2026);
    let request = 1;
    let totalAcked = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      if (kill > 0 && kill % LIVES_PER_DIRECTORY === 0) dataDir = join(scratch, `data-${kill}`);
      const policy = kill % 2 === 0 ? 'write' : 'fsync';
      const { acked, sent } = await life(random, request, policy);
      request += sent;
      totalAcked += acked.size;
      // What the next start does: repair the torn tail, recover from the newest snapshot + journal.
      const recovered = recover(dataDir, { repair: true });
      const fromScratch = recover(dataDir, { repair: false, ignoreSnapshots: true });
      expect(recovered.engine.stateHash()).toBe(fromScratch.engine.stateHash());
      expect(recovered.engine.sequence).toBe(fromScratch.engine.sequence);
      const requestAtSeq = new Map<number, number>();
      const origin = { origin: 0, requestId: 0 };
      scanJournal(journalDir(dataDir), (seq, _ts, view, offset) => {
        requestAtSeq.set(seq, decodeOrigin(view, offset, origin).requestId);
      });
      for (const [requestId, seq] of acked) {
        expect(seq).toBeLessThanOrEqual(recovered.engine.sequence);
        expect(requestAtSeq.get(seq)).toBe(requestId);
      }
    }
    // Every life was killed after acknowledgements had started to flow.
    expect(totalAcked).toBeGreaterThanOrEqual(KILLS);
  });
});
