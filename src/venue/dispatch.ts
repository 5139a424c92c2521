// Who sees a durable command, and in what order: one fixed order, written here, whatever order the
// consumers were wired in. Before this the order was that of `listen` calls spread over three files.
//
//   1. tracker      the OrderTracker turns the command's events into order reports (order-tracker.ts)
//   2. the request  the submitter's own answer (Venue.execute's read), from those reports
//   3. reports      execution reports to the account's sessions (WebSocket ORDERS/FILLS, FIX)
//   4. marketData   candles first (the publishers read them), then book, trades and candle publishers
//   5. history      trades, fills and closed orders kept for the API
//   6. metrics
//
// A consumer that throws is reported and never stops the ones after it: every consumer sees every
// durable command. The tracker is different: it is the state the others read, so a failure there
// fails the venue (Venue.onRecord).
import type { Command } from '../engine/command.js';
import type { CommandOutcome } from './venue.js';

export const STAGES = ['reports', 'marketData', 'history', 'metrics'] as const;
export type Stage = (typeof STAGES)[number];

export type Consumer = (outcome: CommandOutcome, command: Command) => void;

export class Dispatch {
  private readonly consumers = new Map<Stage, { name: string; consume: Consumer }[]>(STAGES.map((stage) => [stage, []]));

  constructor(private readonly warn: (message: string) => void) {}

  /** Adds a consumer at the end of its stage (within a stage, in the order added). */
  on(stage: Stage, name: string, consume: Consumer): void {
    this.consumers.get(stage)?.push({ name, consume });
  }

  run(outcome: CommandOutcome, command: Command): void {
    for (const stage of STAGES) {
      for (const { name, consume } of this.consumers.get(stage) ?? []) {
        try {
          consume(outcome, command);
        } catch (error) {
          this.warn(`${stage} consumer ${name} failed on seq ${outcome.seq}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        }
      }
    }
  }

  /** The consumers, in the order they run (for docs and tests). */
  describe(): string[] {
    return ['tracker', 'request', ...STAGES.flatMap((stage) => (this.consumers.get(stage) ?? []).map((c) => `${stage}:${c.name}`))];
  }
}
