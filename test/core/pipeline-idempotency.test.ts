// Idempotency survives a restart: clientOrderIds and depositIds go through the real pipeline (input
// ring, core worker, journal, snapshotter), the venue stops, starts again from its snapshot or from
// the journal alone, and the retries get the first answers from the core's own state.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultCode } from '../../src/domain/result-codes.js';
import { ClientOrderStatus } from '../../src/engine/client-ids.js';
import { type Command, depositAll, place, Side } from '../../src/engine/command.js';
import { EVENT_WIDTH, EventType, Field } from '../../src/engine/event.js';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import { type CoreConfig, snapshotDir } from '../../src/journal/store.js';
import { COMMAND_END, outputRequestId, outputType, outputWord } from '../../src/protocol/output-record.js';
import { CONFIG } from '../journal/fixture.js';

const RISK: CoreConfig = { ...CONFIG, risk: {} };
const USD = 2;
const BTC = 1;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Sends the commands in order and returns each one's event records (as words), by request id. */
async function send(pipeline: Pipeline, commands: readonly Command[], firstRequest: number): Promise<number[][][]> {
  const answers: number[][][] = commands.map(() => []);
  let ends = 0;
  const done = new Promise<void>((resolve) => {
    pipeline.respond((view, offset) => {
      const index = outputRequestId(view, offset) - firstRequest;
      if (outputType(view, offset) === COMMAND_END) {
        ends++;
        if (ends === commands.length) resolve();
        return;
      }
      answers[index]?.push(Array.from({ length: EVENT_WIDTH }, (_, w) => outputWord(view, offset, w)));
    });
  });
  for (let i = 0; i < commands.length; i++) await pipeline.submit(commands[i]!, firstRequest + i); // eslint-disable-line @typescript-eslint/no-non-null-assertion
  await done;
  return answers;
}

const wire = depositAll({ accountId: 1, depositId: 'wire-7', actorId: 9, credits: [{ assetId: USD, amount: 1_000_000 }, { assetId: BTC, amount: 100 }] });
const resting = place({ instrumentId: 1, accountId: 1, side: Side.BUY, priceTicks: 90, quantityLots: 5, clientOrderId: 'rests' });
const filled = place({ instrumentId: 1, accountId: 1, side: Side.SELL, priceTicks: 95, quantityLots: 2, clientOrderId: 'fills' });
const taker = place({ instrumentId: 1, accountId: 1, side: Side.BUY, priceTicks: 95, quantityLots: 2, clientOrderId: 'takes' });

describe.each([
  ['its last snapshot', false],
  ['the journal alone', true],
])('a restarted pipeline, recovering from %s', (_name, dropSnapshots) => {
  it('answers retries of deposits and orders from before the restart with the first answers', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kapita-idempotency-'));
    dirs.push(dataDir);
    const first = await Pipeline.start({ dataDir, config: RISK, policy: 'write', snapshotIntervalMs: 0 });
    const before = await send(first, [wire, resting, filled, taker], 1);
    await first.stop();
    expect(before[0]?.map((e) => e[0])).toEqual([EventType.BALANCE, EventType.BALANCE]);
    expect(before[0]?.map((e) => e[Field.ACTOR])).toEqual([9, 9]);
    if (dropSnapshots) for (const name of readdirSync(snapshotDir(dataDir))) rmSync(join(snapshotDir(dataDir), name));

    const second = await Pipeline.start({ dataDir, config: RISK, policy: 'write', snapshotIntervalMs: 0 });
    const retries = await send(second, [wire, resting, filled], 100);
    await second.stop();
    const pick = (e: number[] | undefined): number[] => [Field.CODE, Field.ORIGINAL_ID, Field.ORIGINAL_STATUS, Field.ORIGINAL_FILLED].map((f) => e?.[f] ?? -1);
    expect(retries.map((events) => events.length)).toEqual([1, 1, 1]);
    expect(retries.map((events) => events[0]?.[0])).toEqual([EventType.REJECTED, EventType.REJECTED, EventType.REJECTED]);
    expect(pick(retries[0]?.[0])).toEqual([ResultCode.DEPOSIT_ALREADY_APPLIED, 1, 0, 0]);
    expect(pick(retries[1]?.[0])).toEqual([ResultCode.DUPLICATE_CLIENT_ORDER_ID, 2, ClientOrderStatus.OPEN, 0]);
    expect(pick(retries[2]?.[0])).toEqual([ResultCode.CLIENT_ORDER_ID_DONE, 3, ClientOrderStatus.FILLED, 2]);
  });
});
