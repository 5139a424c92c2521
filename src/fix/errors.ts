// Numbered errors of the FIX gateway (STYLE.md §7): the venue's ResultCode FIX_* (4xxx session
// band, sub-band 41xx), named here without the prefix. Bad input from a counterparty is never
// thrown at the session: the codec returns a code and the session answers with the FIX reply the
// protocol prescribes (Reject, Logout or silence). FixError is thrown only at the embedding (bad configuration, a message the
// application tried to send that cannot be encoded).

import { ResultCode } from '../domain/result-codes.js';

export const FixErrorCode = {
  /** A frame whose fields cannot be split: no '=', a non-numeric tag, no SOH at the end. */
  GARBLED: ResultCode.FIX_GARBLED,
  /** BeginString, BodyLength and MsgType are not the first three fields. */
  HEADER_ORDER: ResultCode.FIX_HEADER_ORDER,
  /** BodyLength (9) differs from the number of bytes between it and CheckSum (10). */
  BODY_LENGTH_MISMATCH: ResultCode.FIX_BODY_LENGTH_MISMATCH,
  /** CheckSum (10) is missing, malformed or differs from the sum of the bytes before it. */
  CHECKSUM_MISMATCH: ResultCode.FIX_CHECKSUM_MISMATCH,
  /** The declared or the actual frame is longer than the configured maximum. */
  MESSAGE_TOO_LARGE: ResultCode.FIX_MESSAGE_TOO_LARGE,
  /** A value handed to the encoder contains SOH (0x01) and is not a length-prefixed data field. */
  VALUE_CONTAINS_SOH: ResultCode.FIX_VALUE_CONTAINS_SOH,
  /** A data dictionary file is not the QuickFIX XML format this reader understands. */
  DICTIONARY_INVALID: ResultCode.FIX_DICTIONARY_INVALID,
  /** The acceptor or a session profile is configured inconsistently. */
  CONFIG_INVALID: ResultCode.FIX_CONFIG_INVALID,
  /** The session store on disk cannot be read back. */
  STORE_CORRUPT: ResultCode.FIX_STORE_CORRUPT,
  /** The inbound queue of a session (messages ahead of a gap) reached its limit. */
  QUEUE_FULL: ResultCode.FIX_QUEUE_FULL,
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
