// A WebSocket API client for tests, over TLS (the venue's CA) or plaintext, in either frame format
// (JSON by default): answers are matched by request id, everything received is kept for later
// matching, and waiting wakes on each frame rather than polling. Every client opened is closed by
// closeWsClients() (call it in afterEach).
import { expect } from 'vitest';
import { WebSocket } from 'ws';
import { waitFor } from './wait.js';
import { decodeEnvelope, type Envelope, type EnvelopeInput, encodeEnvelope, envelopeFromJson, envelopeToJson, type kapita } from '../../src/protocol/wire.js';

const open: WebSocket[] = [];

/** Terminates every socket the clients opened. */
export function closeWsClients(): void {
  for (const socket of open.splice(0)) socket.terminate();
}

export class WsClient {
  readonly received: Envelope[] = [];
  closed: { code: number; reason: string } | undefined;
  private readonly waiters: (() => void)[] = [];
  private nextRequest = 1;

  private constructor(
    readonly socket: WebSocket,
    private readonly format: 'binary' | 'json',
  ) {
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      this.received.push(isBinary ? decodeEnvelope(data) : envelopeFromJson(data.toString('utf8')));
      this.wake();
    });
    socket.on('close', (code: number, reason: Buffer) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
  }

  /** Connects to `url` (the venue's https:// or http:// URL) at /v1/ws; `refused` when the server closes the connection before the handshake. */
  static async attempt(url: string, ca: string | undefined, format: 'binary' | 'json' = 'json'): Promise<WsClient | 'refused'> {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/v1/ws`, ca === undefined ? {} : { ca });
    open.push(socket);
    return new Promise((resolve) => {
      socket.once('open', () => {
        resolve(new WsClient(socket, format));
      });
      socket.once('error', () => {
        resolve('refused');
      });
    });
  }

  static async open(url: string, ca: string | undefined, format: 'binary' | 'json' = 'json'): Promise<WsClient> {
    const client = await WsClient.attempt(url, ca, format);
    if (client === 'refused') throw new Error('the WebSocket was refused');
    return client;
  }

  /** Sends a request; returns its request id. */
  send(message: Omit<EnvelopeInput, 'requestId'>): number {
    const requestId = this.nextRequest++;
    const envelope = { requestId, ...message };
    this.socket.send(this.format === 'binary' ? encodeEnvelope(envelope) : envelopeToJson(envelope), { binary: this.format === 'binary' });
    return requestId;
  }

  /** Sends a request and waits for the message that answers it. */
  async request(message: Omit<EnvelopeInput, 'requestId'>): Promise<Envelope> {
    const requestId = this.send(message);
    return this.next((e) => e.requestId === requestId, `the answer to request ${requestId}`);
  }

  /** The first message received that matches, waiting for it. */
  async next(match: (e: Envelope) => boolean, what: string): Promise<Envelope> {
    return waitFor(
      () => {
        const found = this.received.find(match);
        if (found === undefined && this.closed !== undefined) throw new Error(`closed ${this.closed.code} ${this.closed.reason} while waiting for ${what}`);
        return found;
      },
      what,
      (resume) => this.waiters.push(resume),
    );
  }

  /** An AuthRequest that must succeed; the account it names. */
  async authenticate(token: string): Promise<number> {
    const answer = await this.request({ authRequest: { token } });
    expect(answer.error ?? null).toBeNull();
    return Number(answer.authResponse?.accountId);
  }

  /** The code of the error answering a subscription, or 0 when it was taken. */
  async subscribe(channel: kapita.v1.Channel): Promise<number> {
    const answer = await this.request({ subscribe: { channel } });
    if (answer.error !== undefined && answer.error !== null) return answer.error.code ?? -1;
    expect(answer.subscribeResponse?.subscribed).toBe(true);
    return 0;
  }

  /**
   * A ping's round trip: the server answers it after everything it had already queued for this
   * connection, so what has not arrived before the pong was never sent.
   */
  async settle(): Promise<void> {
    expect((await this.request({ ping: { timeMs: 1 } })).pong).toBeDefined();
  }

  async closedWith(): Promise<{ code: number; reason: string }> {
    return waitFor(() => this.closed, 'the socket to close', (resume) => this.waiters.push(resume));
  }

  close(): void {
    this.socket.terminate();
  }

  private wake(): void {
    for (const resume of this.waiters.splice(0)) resume();
  }
}
