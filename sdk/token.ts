// The token request (POST /v1/auth/token) and the URLs derived from the one the user gives.
//
// The SDK has its own small POST over node:http(s) rather than the root project's requestJson
// (src/auth/client.ts): a package must not import outside itself, and that module drags in the
// venue's auth code. The request is one JSON POST whose answer is read as text and parsed here.
import { randomBytes, createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { asError, KapitaConnectionError, KapitaError } from './errors.js';

/** hex(HMAC-SHA256(secret, keyId + "\n" + timestamp + "\n" + nonce)): the signature POST /v1/auth/token checks. */
export function signTokenRequest(secret: string, keyId: string, timestamp: number, nonce: string): string {
  return createHmac('sha256', secret).update(`${keyId}\n${timestamp}\n${nonce}`).digest('hex');
}

/** The REST base URL and the WebSocket URL for a venue URL given as http(s)://host[/path] or ws(s)://host[/path][/v1/ws]. */
export function endpoints(url: string): { rest: string; ws: string } {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'https:' || parsed.protocol === 'wss:';
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) throw new Error(`url must be http(s) or ws(s): ${url}`);
  const path = parsed.pathname.replace(/\/+$/, '').replace(/\/v1\/ws$/, '');
  return { rest: `${secure ? 'https' : 'http'}://${parsed.host}${path}`, ws: `${secure ? 'wss' : 'ws'}://${parsed.host}${path}/v1/ws` };
}

export interface TokenSource {
  /** The REST base URL (endpoints().rest). */
  readonly restUrl: string;
  readonly keyId: string;
  readonly secret: string;
  /** PEM of the venue's CA, for https. */
  readonly ca?: string | undefined;
  /** Used instead of node:http(s) when given. */
  readonly fetch?: typeof fetch | undefined;
}

interface TextReply {
  readonly status: number;
  readonly text: string;
}

function postJson(url: string, body: string, ca: string | undefined): Promise<TextReply> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const req = send(target, { method: 'POST', headers, ...(ca === undefined ? {} : { ca }) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function post(source: TokenSource, url: string, body: string): Promise<TextReply> {
  if (source.fetch === undefined) return postJson(url, body, source.ca);
  const response = await source.fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, text: await response.text() };
}

/**
 * A new token, signed with a timestamp on the venue's clock (`timestampMs`). Rejects with KapitaError
 * when the venue refuses the key (its code), KapitaConnectionError when it cannot be reached or answers
 * something that is not a token.
 */
export async function fetchToken(source: TokenSource, timestampMs: number): Promise<string> {
  const { keyId, secret } = source;
  const timestamp = Math.round(timestampMs);
  const nonce = randomBytes(12).toString('hex');
  const body = JSON.stringify({ keyId, timestamp, nonce, signature: signTokenRequest(secret, keyId, timestamp, nonce) });
  let reply: TextReply;
  try {
    reply = await post(source, `${source.restUrl}/v1/auth/token`, body);
  } catch (error) {
    throw new KapitaConnectionError(`POST /v1/auth/token failed: ${asError(error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(reply.text);
  } catch {
    parsed = undefined;
  }
  const error = (parsed as { error?: { code?: unknown; name?: unknown; message?: unknown } } | undefined)?.error;
  if (reply.status < 200 || reply.status >= 300) {
    if (typeof error?.code === 'number') throw new KapitaError({ code: error.code, name: String(error.name), message: String(error.message) });
    throw new KapitaConnectionError(`POST /v1/auth/token: HTTP ${reply.status}`);
  }
  const token = (parsed as { token?: unknown } | undefined)?.token;
  if (typeof token !== 'string') throw new KapitaConnectionError('POST /v1/auth/token: no token in the answer');
  return token;
}
