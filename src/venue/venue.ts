// The running venue inside the server process: the durable pipeline (core, journaler and
// snapshotter workers) plus a read replica of the core's state in this thread.
//
// Every command the gateways submit comes back, once durable, as its events and a COMMAND_END that
// carries its seq and sequenced timestamp. The replica applies the same command with the same seq
// and time, so it reaches the same state as the core (the engine is deterministic), and the events
// it produces must equal the core's count: a difference is a broken invariant and stops the venue.
// Reads (books, orders, balances) come from the replica, in this thread, without a round trip to
// the core, and a response is released only after the replica has applied its command: a client
// that reads after its write sees the write.
import { type Command, Side } from '../engine/command.js';
import { COMMAND_RECORD_BYTES, decodeCommand, encodeCommand } from '../protocol/command-record.js';
import type { Engine } from '../core/engine.js';
import { InvariantViolation } from '../engine/order-book.js';
import { Pipeline } from '../pipeline/pipeline.js';
import type { DurabilityPolicy } from '../journal/journal-writer.js';
import { type CoreConfig, openStore, recover } from '../journal/store.js';
import { COMMAND_END, outputRequestId, outputSeq, outputTimestampNs, outputType, outputWord } from '../protocol/output-record.js';
import { Dispatch } from './dispatch.js';
import type { OrderReport } from './order-state.js';
import { OrderTracker } from './order-tracker.js';
import { fillFee } from './fees.js';

export interface VenueOptions {
  readonly dataDir: string;
  readonly config: CoreConfig;
  readonly policy: DurabilityPolicy;
  readonly snapshotIntervalMs: number;
  readonly warn: (message: string) => void;
}

/** What a command did, once durable: its seq, its order reports and the replica's events (valid until the next command completes). */
export interface CommandOutcome {
  readonly seq: number;
  /** The sequenced time the core applied the command with. */
  readonly timestampNs: bigint;
  readonly engine: Engine;
  /** The OrderTracker's reports of this command: the order state every consumer reads. */
  readonly reports: readonly OrderReport[];
}

interface Pending {
  readonly command: Command;
  readonly resolve: (outcome: CommandOutcome) => void;
  readonly reject: (error: Error) => void;
  /** Set when the outcome is read inside a listener (the replica's event buffer is reused). */
  readonly onOutcome: ((outcome: CommandOutcome) => unknown) | undefined;
}

export class Venue {
  private readonly pending = new Map<number, Pending>();
  private nextRequestId = 1;
  private failure: Error | undefined;
  /** Turns every durable command's events into order reports, before anyone else sees it. */
  readonly tracker: OrderTracker;
  /** The consumers of durable commands, in their fixed order (dispatch.ts). */
  readonly dispatch: Dispatch;

  private constructor(
    private readonly pipeline: Pipeline,
    /** The read replica: the core's state in this thread, one durable command behind at most. */
    readonly replica: Engine,
    private readonly warn: (message: string) => void,
  ) {
    this.dispatch = new Dispatch(warn);
    this.tracker = new OrderTracker({
      openOrder: (instrumentId, orderId) => replica.book(instrumentId).order(orderId),
      clientOrderIdOf: (orderId) => replica.clientIds.ofOrder(orderId)?.clientOrderId,
      fee: (instrumentId, priceTicks, lots, maker) => fillFee(replica, instrumentId, priceTicks, lots, maker),
    });
  }

  /** Encodes and decodes a command as the input ring and journal will carry it, so the replica applies exactly what the core applies. */
  private readonly record = new DataView(new ArrayBuffer(COMMAND_RECORD_BYTES));
  private asRecorded(command: Command): Command {
    encodeCommand(this.record, 0, command);
    return decodeCommand(this.record, 0);
  }

  static async start(options: VenueOptions): Promise<Venue> {
    // The replica recovers first, from the journal as the last run left it: the core recovers the
    // same snapshot and journal in its worker and reports any damage, so the replica stays quiet.
    openStore(options.dataDir, options.config);
    const replica = recover(options.dataDir, { repair: false, warn: () => undefined }).engine;
    const pipeline = await Pipeline.start({ dataDir: options.dataDir, config: options.config, policy: options.policy, snapshotIntervalMs: options.snapshotIntervalMs, warn: options.warn });
    if (replica.sequence !== pipeline.durableSeq) {
      await pipeline.stop();
      throw new InvariantViolation(`the replica recovered to seq ${replica.sequence}, the core to ${pipeline.durableSeq}`);
    }
    const venue = new Venue(pipeline, replica, options.warn);
    // The orders resting in the recovered books, followed before the first command can close one.
    for (const { id } of options.config.instruments) {
      for (const side of [Side.BUY, Side.SELL]) replica.book(id).forEachOrder(side, (orderId) => { venue.tracker.follow(id, orderId); });
    }
    pipeline.onFailure((error) => {
      venue.fail(error);
    });
    pipeline.respond((view, offset) => {
      venue.onRecord(view, offset);
    });
    return venue;
  }

  /**
   * Sequences a command and resolves when it is durable and applied to the replica. `read` runs
   * at that moment, with the replica's events for this command still in its event buffer; its
   * result is what the promise resolves with.
   */
  async execute<T>(command: Command, read: (outcome: CommandOutcome) => T): Promise<T> {
    if (this.failure !== undefined) throw this.failure;
    const requestId = this.nextRequestId;
    this.nextRequestId = this.nextRequestId >= 0xffff_fffe ? 1 : this.nextRequestId + 1;
    let result: T | undefined;
    const done = new Promise<CommandOutcome>((resolve, reject) => {
      this.pending.set(requestId, {
        command: this.asRecorded(command),
        resolve,
        reject,
        onOutcome: (outcome) => {
          result = read(outcome);
        },
      });
    });
    try {
      await this.pipeline.submit(command, requestId);
    } catch (error) {
      this.pending.delete(requestId);
      throw error;
    }
    await done;
    return result as T;
  }

  private onRecord(view: DataView, offset: number): void {
    if (outputType(view, offset) !== COMMAND_END) return;
    const requestId = outputRequestId(view, offset);
    const seq = outputSeq(view, offset);
    const waiting = this.pending.get(requestId);
    if (this.failure !== undefined) return; // fail() rejected every request in flight
    if (waiting === undefined) return this.fail(new InvariantViolation(`durable command seq ${seq} (request ${requestId}) was not submitted by this server`));
    this.pending.delete(requestId);
    const timestampNs = outputTimestampNs(view, offset);
    let events: Engine['events'];
    try {
      events = this.replica.apply(waiting.command, seq, timestampNs);
    } catch (cause) {
      // The replica broke an invariant (or had a bug) on a command the core has already made
      // durable: its state can no longer be vouched for. Fail the venue, loudly, instead of letting
      // the exception unwind through the responder and kill the process with requests in flight.
      const error = new InvariantViolation(`the replica failed to apply seq ${seq}: ${cause instanceof Error ? cause.message : String(cause)}`);
      if (cause instanceof Error) error.stack = `${error.stack ?? ''}\ncaused by: ${cause.stack ?? cause.message}`;
      waiting.reject(error);
      return this.fail(error);
    }
    const coreCount = outputWord(view, offset, 2);
    if (events.count !== coreCount) {
      const error = new InvariantViolation(`replica wrote ${events.count} events for seq ${seq}, the core ${coreCount}`);
      waiting.reject(error);
      return this.fail(error);
    }
    let reports: readonly OrderReport[];
    try {
      reports = this.tracker.observe(events, waiting.command, seq, timestampNs);
    } catch (cause) {
      const error = new InvariantViolation(`the order tracker failed on seq ${seq}: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`);
      waiting.reject(error);
      return this.fail(error);
    }
    const outcome: CommandOutcome = { seq, timestampNs, engine: this.replica, reports };
    let readError: unknown;
    try {
      waiting.onOutcome?.(outcome);
    } catch (error) {
      readError = error;
    }
    this.dispatch.run(outcome, waiting.command);
    if (readError === undefined) waiting.resolve(outcome);
    else waiting.reject(readError instanceof Error ? readError : new Error('the read of a durable command failed', { cause: readError }));
  }

  /**
   * A broken invariant or a failed worker: the venue stops answering (every request in flight is
   * rejected, new ones get 9002 UNAVAILABLE and /v1/health says failed), loudly, rather than
   * continue on a state it can no longer vouch for.
   */
  fail(error: Error): void {
    if (this.failure === undefined) {
      this.failure = error;
      this.warn(`VENUE FAILED, not accepting requests: ${error.stack ?? error.message}`);
    }
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  get error(): Error | undefined {
    return this.failure ?? this.pipeline.error;
  }

  get durableSeq(): number {
    return this.pipeline.durableSeq;
  }

  get coreSeq(): number {
    return this.pipeline.coreSeq;
  }

  get ringDepths(): { input: number; output: number } {
    return this.pipeline.ringDepths;
  }

  /** Commands submitted and not yet answered. */
  get inFlight(): number {
    return this.pending.size;
  }

  /** Stops accepting, drains, flushes the journal and writes a final snapshot. */
  async stop(): Promise<void> {
    await this.pipeline.stop();
  }
}
