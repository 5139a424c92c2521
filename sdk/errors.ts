// The SDK's errors. A request the venue refuses rejects with KapitaError, which carries the venue's
// own {code, name, message} (the codes of src/domain/result-codes.ts: 1xxx validation, 2xxx risk,
// 3xxx matching, 4xxx auth, 9xxx internal). A request that gets no answer in time rejects with
// KapitaTimeoutError; one that cannot be answered because the connection is gone, with
// KapitaConnectionError.

/** The venue refused a request: `code` and `name` are the venue's result code and its name. */
export class KapitaError extends Error {
  /** The venue's result code, e.g. 1007. */
  readonly code: number;
  /** The code's name, e.g. 'PRICE_NOT_ON_TICK'. */
  override readonly name: string;

  constructor(error: { readonly code: number; readonly name: string; readonly message: string }) {
    super(error.message);
    this.code = error.code;
    this.name = error.name;
  }

  /** The venue's error object, as REST returns it under "error". */
  toJSON(): { code: number; name: string; message: string } {
    return { code: this.code, name: this.name, message: this.message };
  }
}

/** No answer to a request within the client's requestTimeoutMs. */
export class KapitaTimeoutError extends Error {
  override readonly name = 'KapitaTimeoutError';
}

/** The connection is closed (or never opened); closeCode and closeReason are the WebSocket's, when known. */
export class KapitaConnectionError extends Error {
  override readonly name = 'KapitaConnectionError';
  constructor(
    message: string,
    readonly closeCode?: number,
    readonly closeReason?: string,
  ) {
    super(message);
  }
}

/** Whatever was thrown, as an Error (handlers and the error channel take Errors only). */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
