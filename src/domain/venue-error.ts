// The one coded error of the venue: a result code (result-codes.ts) and a message more precise than
// the code's own. Every refusal a gateway answers is one, whichever stage raised it (validation,
// authentication, the edge's limits, the wire codec); the gateways turn it into their own answer
// with code-answers.ts (HTTP status, FIX reject reason), never by guessing from the code's band.
// The few stages that need to tell their refusals apart (an authentication failure counts towards
// a ban) subclass it; a handler that does not care catches VenueError.
import { type ResultCode, resultCodeMessage } from './result-codes.js';

export class VenueError extends Error {
  constructor(
    readonly code: ResultCode,
    message?: string,
  ) {
    super(message ?? resultCodeMessage(code));
    this.name = 'VenueError';
  }
}
