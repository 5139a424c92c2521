// A WebSocket API client for tests, over TLS (the venue's CA) or plaintext, in either frame format:
// answers are matched by request id, everything received is kept for later matching.
import { WebSocket } from 'ws';
import { decodeEnvelope, type Envelope, type EnvelopeInput, encodeEnvelope, envelopeFromJson, envelopeToJson } from '../../src/protocol/wire.js';

/** Generous: waiting must not fail on a slow machine. */
const WAIT_MS = 20_000;

export class WsClient {
  readonly received: Envelope[] = [];
  closed: string | undefined;
  private nextRequest = 1;

  private constructor(
    private readonly socket: WebSocket,
    private readonly format: 'binary' | 'json',
  ) {
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      this.received.push(isBinary ? decodeEnvelope(data) : envelopeFromJson(data.toString('utf8')));
    });
    socket.on('close', (code: number, reason: Buffer) => {
      this.closed = `${code} ${reason.toString()}`;
    });
  }

  /** Connects to `url` (the venue's https:// or http:// URL) at /v1/ws. */
  static async open(url: string, ca: string | undefined, format: 'binary' | 'json'): Promise<WsClient> {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/v1/ws`, ca === undefined ? {} : { ca });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => {
        resolve();
      });
      socket.once('error', reject);
    });
    return new WsClient(socket, format);
  }

  /** Sends a request and waits for the message that answers it. */
  async request(message: Omit<EnvelopeInput, 'requestId'>): Promise<Envelope> {
    const requestId = this.nextRequest++;
    const envelope = { requestId, ...message };
    this.socket.send(this.format === 'binary' ? encodeEnvelope(envelope) : envelopeToJson(envelope), { binary: this.format === 'binary' });
    return this.next((e) => e.requestId === requestId, `the answer to request ${requestId}`);
  }

  /** The first message received that matches, waiting for it. */
  async next(match: (e: Envelope) => boolean, what: string): Promise<Envelope> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const found = this.received.find(match);
      if (found !== undefined) return found;
      if (this.closed !== undefined) throw new Error(`closed (${this.closed}) while waiting for ${what}`);
      if (Date.now() > deadline) throw new Error(`no ${what}; got ${this.received.map((e) => e.body).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  close(): void {
    this.socket.terminate();
  }
}
