// Market data and reference data over FIX (skeleton: being built; see docs/fix.md).
//
// - SecurityListRequest (x) → SecurityList (y).
// - MarketDataRequest (V) → MarketDataSnapshotFullRefresh (W), MarketDataIncrementalRefresh (X),
//   MarketDataRequestReject (Y).
// The gateway calls observe() for every durable command after the order application has sent its
// ExecutionReports, so a session's order traffic is never queued behind its market data.
import type { Instrument } from '../domain/instrument.js';
import type { FixMessage } from '../fix/codec.js';
import { BusinessRejectReason } from '../fix/reasons.js';
import type { FixSessionHandle } from '../fix/session-types.js';
import type { History } from './history.js';
import type { CommandOutcome, Venue } from './venue.js';

export interface FixMarketDataOptions {
  /** The replica (venue.replica) for snapshots. */
  readonly venue: Pick<Venue, 'replica'>;
  readonly instruments: readonly Instrument[];
  /** Recent trades for snapshots that ask for trades (269=2). */
  readonly history: History;
  readonly now: () => number;
}

export class FixMarketData {
  constructor(private readonly options: FixMarketDataOptions) {}

  /** The message types this component answers. */
  static readonly MESSAGE_TYPES: ReadonlySet<string> = new Set(['V', 'x']);

  onMessage(session: FixSessionHandle, message: FixMessage): void {
    void this.options;
    session.businessReject(message, BusinessRejectReason.UNSUPPORTED_MESSAGE_TYPE);
  }

  /** The session's connection ended: its subscriptions end with it. */
  onDisconnect(session: FixSessionHandle): void {
    void session;
  }

  /** A durable command's outcome (valid during the call only). */
  observe(outcome: CommandOutcome): void {
    void outcome;
  }
}
