// A minimal REST client: signs a token request with an API key and calls the venue with the token.
// The CLI (`kapita account create`) and the end-to-end tests use it; the full SDK is in sdk/.
//
// It speaks HTTPS with a CA of the caller's choosing (the venue's generated DATA/tls/ca.pem), which
// the global fetch cannot take in Node 20 without the undici package, so it uses node:https.
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { signRequest } from './auth.js';

export interface Credentials {
  readonly keyId: string;
  readonly secret: string;
}

export interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

export interface ConnectOptions {
  /** PEM of the CA that signed the venue's certificate (for https URLs). */
  readonly ca?: string | undefined;
  /** The local address to connect from (tests use 127.0.0.x to look like several clients). */
  readonly localAddress?: string | undefined;
}

/** One JSON request over http or https; the body of the answer parsed when there is one. */
export function requestJson(url: string, method: string, headers: Record<string, string>, body: string | undefined, options: ConnectOptions = {}): Promise<Reply> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(target, { method, headers: { ...headers, ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }) }, ...(options.ca === undefined ? {} : { ca: options.ca }), ...(options.localAddress === undefined ? {} : { localAddress: options.localAddress }) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text.length === 0 ? undefined : text;
        if (text.length > 0 && (res.headers['content-type'] ?? '').includes('json')) parsed = JSON.parse(text) as unknown;
        resolve({ status: res.statusCode ?? 0, body: parsed, headers: res.headers });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export class RestClient {
  private token: string | undefined;
  private expiresAt = 0;

  constructor(
    readonly baseUrl: string,
    private readonly credentials: Credentials | undefined,
    private readonly options: ConnectOptions = {},
  ) {}

  /** A fresh token when the current one has under 10 s left. */
  async authenticate(): Promise<string> {
    if (this.credentials === undefined) throw new Error('no API key to sign with');
    if (this.token !== undefined && Date.now() < this.expiresAt - 10_000) return this.token;
    const timestamp = Date.now();
    const nonce = randomBytes(12).toString('hex');
    const { keyId, secret } = this.credentials;
    const reply = await this.call('POST', '/v1/auth/token', { keyId, timestamp, nonce, signature: signRequest(secret, keyId, timestamp, nonce) }, false);
    if (reply.status !== 200) throw new Error(`token refused: ${JSON.stringify(reply.body)}`);
    const body = reply.body as { token: string; expiresAt: number };
    this.token = body.token;
    this.expiresAt = body.expiresAt;
    return body.token;
  }

  /** A call with this client's API key token (`authenticated`), with a given bearer token (a string), or with none (false). */
  async call(method: string, path: string, body?: unknown, authenticated: boolean | string = true): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (authenticated !== false) headers['authorization'] = `Bearer ${typeof authenticated === 'string' ? authenticated : await this.authenticate()}`;
    return requestJson(`${this.baseUrl}${path}`, method, headers, body === undefined ? undefined : JSON.stringify(body), this.options);
  }
}
