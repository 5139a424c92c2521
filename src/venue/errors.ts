// Refusing a request: VenueError (src/domain/venue-error.ts) with its code, thrown by any stage and
// answered by each gateway through src/domain/code-answers.ts.
import { ResultCode } from '../domain/result-codes.js';
import { VenueError } from '../domain/venue-error.js';

export { VenueError };

export function fail(code: ResultCode, message?: string): never {
  throw new VenueError(code, message);
}

/** A request body that must be a JSON object; anything else is INVALID_REQUEST. */
export function jsonObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) fail(ResultCode.INVALID_REQUEST, 'the body must be a JSON object');
  return body as Record<string, unknown>;
}
