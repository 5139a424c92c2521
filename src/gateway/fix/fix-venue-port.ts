// What the FIX order application needs of the venue (FixOrderApplication depends on nothing else
// of it); startFixGateway (fix-gateway.ts) adapts the server's trading functions, replica and
// dispatch to it, and tests give it a bare engine and an OrderTracker.
import type { Instrument } from '../../domain/instrument.js';
import type { FixSessionHandle } from '../../fix/session-types.js';
import type { AssetInfo } from '../../risk/risk-config.js';
import type { CommandOutcome } from '../../venue/venue.js';
import type { VenueOrderStatus } from './fix-venue-orders.js';

/** An open order as the venue's replica holds it (the parts a restart compares with the order log). */
export interface OpenOrder {
  readonly accountId: number;
  readonly quantityLots: number;
  readonly priceTicks: number;
  readonly filledLots: number;
  readonly remainingLots: number;
}

/** What the FIX application needs of the venue. Every promise resolves only once its command is durable. */
export interface FixVenuePort {
  /** REST-shaped order body; resolves with the REST status and body ({orderId, ...} or {error}). May throw an error with a numeric `code`. */
  placeOrder(session: FixSessionHandle, body: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  /** Throws (an error with a numeric `code`) when the venue refuses. */
  cancelOrder(session: FixSessionHandle, orderId: number): Promise<unknown>;
  /** The venue's own cancel for the session's account: it must work after the session's key was revoked. */
  cancelOnDisconnect(session: FixSessionHandle, orderId: number): Promise<unknown>;
  /** REST-shaped amend body ({price?, quantity?}: the new total quantity). Throws like cancelOrder. */
  amendOrder(session: FixSessionHandle, orderId: number, body: Record<string, unknown>): Promise<unknown>;
  cancelAll(session: FixSessionHandle, symbol: string | undefined, side: 'buy' | 'sell' | undefined): Promise<{ cancelled: number[] }>;
  /** Every durable command's outcome, in seq order, with its order reports (the dispatch's 'reports' stage). */
  onDurable(listener: (outcome: CommandOutcome) => void): void;
  /** The order as the venue's replica holds it now, if it is open (resting or a pending stop). */
  openOrder(instrument: Instrument, orderId: number): OpenOrder | undefined;
  /** The fee of one side of a fill under the venue's current rules, in units of an asset (for a restart's catch-up: live fills carry theirs). */
  fee(instrument: Instrument, priceTicks: number, lots: number, maker: boolean): { units: number; assetId: number };
  /** The asset with this id (1-based), for a fee's unit and name; undefined without fee rules. */
  asset(assetId: number): AssetInfo | undefined;
  /** An order of the account as the venue knows it (open, or closed since start), for status requests about orders placed over REST or WebSocket. */
  venueOrder(session: FixSessionHandle, orderId: number): VenueOrderStatus | undefined;
}
