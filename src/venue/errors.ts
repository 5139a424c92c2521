// A refused request: the numbered code and, optionally, a message more precise than the code's own.
// Thrown by the API layers (REST and WebSocket) and turned into their error replies.
import { ResultCode } from '../domain/result-codes.js';

export class RequestError extends Error {
  constructor(
    readonly code: ResultCode,
    message?: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

export function fail(code: ResultCode, message?: string): never {
  throw new RequestError(code, message);
}

/** A request body that must be a JSON object; anything else is INVALID_REQUEST. */
export function jsonObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) fail(ResultCode.INVALID_REQUEST, 'the body must be a JSON object');
  return body as Record<string, unknown>;
}
