// A refused request: the numbered code and, optionally, a message more precise than the code's own.
// Thrown by the API layers (REST and WebSocket) and turned into their error replies.
import type { ResultCode } from '../domain/result-codes.js';

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
