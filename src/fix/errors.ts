// Numbered errors of the FIX gateway (STYLE.md §7). They sit in the 4xxx session band, sub-band
// 41xx, so that they can move into src/domain/result-codes.ts unchanged when that module's owner
// adopts them. Bad input from a counterparty is never thrown at the session: the codec returns a
// code and the session answers with the FIX reply the protocol prescribes (Reject, Logout or
// silence). FixError is thrown only at the embedding (bad configuration, a message the
// application tried to send that cannot be encoded).

export const FixErrorCode = {
  /** A frame whose fields cannot be split: no '=', a non-numeric tag, no SOH at the end. */
  GARBLED: 4101,
  /** BeginString, BodyLength and MsgType are not the first three fields. */
  HEADER_ORDER: 4102,
  /** BodyLength (9) differs from the number of bytes between it and CheckSum (10). */
  BODY_LENGTH_MISMATCH: 4103,
  /** CheckSum (10) is missing, malformed or differs from the sum of the bytes before it. */
  CHECKSUM_MISMATCH: 4104,
  /** The declared or the actual frame is longer than the configured maximum. */
  MESSAGE_TOO_LARGE: 4105,
  /** A value handed to the encoder contains SOH (0x01) and is not a length-prefixed data field. */
  VALUE_CONTAINS_SOH: 4106,
  /** A data dictionary file is not the QuickFIX XML format this reader understands. */
  DICTIONARY_INVALID: 4107,
  /** The acceptor or a session profile is configured inconsistently. */
  CONFIG_INVALID: 4108,
  /** The session store on disk cannot be read back. */
  STORE_CORRUPT: 4109,
  /** The inbound queue of a session (messages ahead of a gap) reached its limit. */
  QUEUE_FULL: 4110,
} as const;

export type FixErrorCode = (typeof FixErrorCode)[keyof typeof FixErrorCode];

export class FixError extends Error {
  constructor(
    readonly code: FixErrorCode,
    message: string,
  ) {
    super(`FIX ${code}: ${message}`);
    this.name = 'FixError';
  }
}
