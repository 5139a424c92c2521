// One WebSocket connection's state (session, subscriptions, its Outbound queue) and the frame
// encoders shared by the gateway and its market data.
import type { WebSocket } from 'ws';
import type { ResultCode } from '../../domain/result-codes.js';
import { type EnvelopeInput, encodeEnvelope, envelopeToJson } from '../../protocol/wire.js';
import type { Principal } from '../../auth/auth.js';
import type { EdgeConnection, TokenBucket } from '../../security/edge.js';
import { apiError } from '../rest/views.js';
import { Outbound, type PendingBook } from './outbound.js';

/** An Error frame's body: the same code, name and message as REST's error answer. */
export function errorBody(code: ResultCode, message?: string): NonNullable<EnvelopeInput['error']> {
  return apiError(code, message).error;
}

/** The text or bytes of a frame, as the connection's format asks. */
export type Encoder = (message: EnvelopeInput) => Uint8Array | string;
export const binary: Encoder = encodeEnvelope;
export const json: Encoder = envelopeToJson;

/** Queues a market-data frame; a frame that cannot be encoded (over the frame limit) drops the reader, who must resubscribe. */
export function deliver(connection: Connection, frame: (encode: Encoder) => Uint8Array | string): void {
  let bytes: Uint8Array | string;
  try {
    bytes = frame(connection.encode);
  } catch (error) {
    connection.outbound.drop(`market data cannot be sent (${error instanceof Error ? error.message : String(error)}); resubscribe`);
    return;
  }
  connection.outbound.marketFrame(bytes);
}

/** A message encoded at most once per format, however many connections take it. */
export function encodedOnce(message: EnvelopeInput): (encode: Encoder) => Uint8Array | string {
  let asBinary: Uint8Array | string | undefined;
  let asJson: Uint8Array | string | undefined;
  return (encode) => (encode === binary ? (asBinary ??= encode(message)) : (asJson ??= encode(message)));
}

export class Connection {
  /** AuthRequests being checked (the auth deadline waits for their answer). */
  authInFlight = 0;
  principal: Principal | undefined;
  /** The account its reports are indexed under (WebSocketGateway.byAccount), while authenticated. */
  indexedAccount: number | undefined;
  expiresAt = 0;
  expiry: NodeJS.Timeout | undefined;
  encode: Encoder = binary;
  readonly outbound: Outbound;
  readonly l1 = new Set<number>();
  readonly l2 = new Set<number>();
  readonly l3 = new Set<number>();
  readonly trades = new Set<number>();
  orders = false;
  fills = false;
  balances = false;
  /** instrument → candle interval in minutes → start (ms) of the last candle sent, 0 before any. */
  readonly candles = new Map<number, Map<number, number>>();
  reportSeq = 0;
  /** Incoming messages refused in a row for the rate limit. */
  refusedInARow = 0;
  /** False from a ping until its pong (or any frame) arrives. */
  alive = true;
  /** Not read until the next message token is due (over its rate). */
  paused = false;
  /** Frames in a row that did not decode. */
  badFramesInARow = 0;

  constructor(
    readonly socket: WebSocket,
    readonly ip: string,
    /** The edge's record of the TCP connection under it (undefined only when the edge never saw the socket). */
    readonly edgeConnection: EdgeConnection | undefined,
    /** When it opened (the server's clock): it must authenticate within edge.authTimeoutMs. */
    readonly openedAtMs: number,
    readonly messages: TokenBucket,
    encodeBook: (symbol: string, book: PendingBook) => Uint8Array | string,
  ) {
    this.outbound = new Outbound({ get bufferedAmount() { return socket.bufferedAmount; }, send: (data, cb) => { socket.send(data, cb); }, close: (code, reason) => { socket.close(code, reason); } }, encodeBook);
  }

  respond(requestId: number, message: Omit<EnvelopeInput, 'requestId'>): void {
    this.outbound.response(this.encode({ requestId, ...message }));
  }
}
