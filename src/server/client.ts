// A minimal REST client: signs a token request with an API key and calls the venue with the token.
// The CLI (`kapita account create`) and the end-to-end tests use it; the full SDK comes with the
// WebSocket API (sdk/).
import { randomBytes } from 'node:crypto';
import { signRequest } from './auth.js';

export interface Credentials {
  readonly keyId: string;
  readonly secret: string;
}

export interface Reply {
  readonly status: number;
  readonly body: unknown;
}

export class RestClient {
  private token: string | undefined;
  private expiresAt = 0;

  constructor(
    readonly baseUrl: string,
    private readonly credentials: Credentials | undefined,
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

  async call(method: string, path: string, body?: unknown, authenticated = true): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (authenticated) headers['authorization'] = `Bearer ${await this.authenticate()}`;
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const textBody = await response.text();
    return { status: response.status, body: textBody.length === 0 ? undefined : (JSON.parse(textBody) as unknown) };
  }
}
