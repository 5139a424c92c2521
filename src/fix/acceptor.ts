// Runs FIX sessions over TCP or TLS. Each connection gets a bounded frame decoder; its first
// message must be a Logon that names a configured profile, and binds the connection to that
// session (fixed profile: by CompIDs; dynamic profile: by the account the authenticator returns and
// the client's SenderCompID). Nothing a client sends can throw out of here: garbage is skipped,
// a garbled frame is ignored (or ends a connection that has not logged on), an oversized frame or
// a full outbound buffer ends the connection, and any unexpected error closes only that connection.
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type TlsOptions } from 'node:tls';
import { DEFAULT_MAX_MESSAGE_BYTES, FixEncoder, FrameDecoder, parseMessage, type FixMessage } from './codec.js';
import type { FixDictionary } from './dictionary.js';
import { FixError, FixErrorCode } from './errors.js';
import { FixSession } from './session.js';
import {
  DEFAULT_DYNAMIC_COMP_ID,
  DEFAULT_SESSION_SETTINGS,
  type FixApplication,
  type FixAuthenticator,
  type FixAuthResult,
  type FixDynamicProfile,
  type FixEventListener,
  type FixFixedProfile,
  type FixProfile,
  type FixSessionSettings,
  type FixTransport,
} from './session-types.js';
import { FileSyncGroup } from './file-sync.js';
import { DEFAULT_MAX_STORED_MESSAGES, fileStoreFactory, memoryStoreFactory, type FixStoreFactory } from './store.js';
import { formatUtcTimestamp } from './utc-time.js';

export interface FixAcceptorLimits {
  /** Largest frame in either direction. */
  readonly maxMessageBytes: number;
  readonly maxConnections: number;
  /** Sessions kept (fixed and dynamic); a Logon that would create one more is refused. Each file store holds two descriptors. */
  readonly maxSessions: number;
  /** A connection that has not completed a Logon by then is closed. */
  readonly logonTimeoutMs: number;
  /** How often sessions check heartbeats and time-outs. */
  readonly tickMs: number;
  /** Bytes queued to a slow reader before we give up on it. */
  readonly maxOutboundBytes: number;
  /** After we close, how long the peer has to read what we sent before the socket is destroyed. */
  readonly closeGraceMs: number;
}

export const DEFAULT_ACCEPTOR_LIMITS: FixAcceptorLimits = {
  maxMessageBytes: DEFAULT_MAX_MESSAGE_BYTES,
  maxConnections: 1_000,
  maxSessions: 10_000,
  logonTimeoutMs: 10_000,
  tickMs: 200,
  maxOutboundBytes: 8 * 1024 * 1024,
  closeGraceMs: 2_000,
};

export interface FixAcceptorOptions {
  readonly port?: number;
  readonly host?: string;
  /** TLS server options (key, cert, ca, minVersion ...); absent = plain TCP. */
  readonly tls?: TlsOptions;
  /** Loaded with loadFixDictionary(); see addKapitaLogonFields() for tag 8013. */
  readonly dictionary: FixDictionary;
  readonly profiles: readonly FixProfile[];
  readonly authenticate: FixAuthenticator;
  readonly application: FixApplication;
  /** Directory for sequence numbers and sent messages; absent = memory only. */
  readonly storeDir?: string;
  /** Nothing is sent before the store writes behind it are on disk (fdatasync, grouped per turn). */
  readonly fsync?: boolean;
  /** With fsync: the group the stores mark their writes in (shared with the embedding's own files, e.g. an order log). */
  readonly syncGroup?: FileSyncGroup;
  readonly maxStoredMessages?: number;
  /** Overrides storeDir: how each session's store is made. */
  readonly store?: FixStoreFactory;
  /** The clock, ms since the epoch (default Date.now). */
  readonly now?: () => number;
  readonly limits?: Partial<FixAcceptorLimits>;
  readonly onEvent?: FixEventListener;
  /** The embedding's connection admission and message pacing (the venue's edge); none by default. */
  readonly edge?: FixEdge;
}

/** Admission and pacing by the embedding, per TCP connection. */
export interface FixEdge {
  /**
   * A new TCP connection, before any TLS: false refuses it (closed at once). The embedding keeps
   * what it needs until the socket's 'close', and finds the connection again by the socket's
   * addresses and ports (which a TLS socket shares with the TCP socket under it).
   */
  admit(socket: Socket): boolean;
  /** The connection on `socket` has completed a Logon (it leaves the embedding's unauthenticated count). */
  loggedOn(socket: Socket): void;
  /**
   * A message budget for one connection: take() before each message is handled returns 0 to go
   * ahead, or the milliseconds to wait. The connection is not read meanwhile, so TCP flow control
   * slows the sender at no cost to the gateway.
   */
  messageBudget(): { take(): number };
}

function settingsOf(profile: FixProfile): FixSessionSettings {
  const settings: Record<string, unknown> = { ...DEFAULT_SESSION_SETTINGS };
  for (const key of Object.keys(DEFAULT_SESSION_SETTINGS)) {
    const value = (profile as unknown as Record<string, unknown>)[key];
    if (value !== undefined) settings[key] = value;
  }
  return settings as unknown as FixSessionSettings;
}

export function fixedSessionKey(profile: FixFixedProfile): string {
  return `${profile.beginString ?? DEFAULT_SESSION_SETTINGS.beginString}:${profile.senderCompId}:${profile.targetCompId}`;
}

export function dynamicSessionKey(beginString: string, ourCompId: string, account: string, theirCompId: string): string {
  return `${beginString}:${ourCompId}:${account}:${theirCompId}`;
}

class Connection implements FixTransport {
  readonly decoder: FrameDecoder;
  readonly openedAt: number;
  session: FixSession | null = null;
  /** The edge has been told this connection logged on. */
  edgeLoggedOn = false;
  /** Frames received while a dynamic Logon is being authenticated. */
  pending: FixMessage[] | null = null;
  /** Message pacing: the edge's budget, and a frame read but not yet allowed. */
  readonly budget: { take(): number } | undefined;
  deferred: Buffer | null = null;
  paused = false;
  private ended = false;
  private corked = false;

  constructor(
    readonly socket: Socket,
    private readonly acceptor: FixAcceptor,
  ) {
    this.decoder = new FrameDecoder(acceptor.limits.maxMessageBytes);
    this.openedAt = acceptor.now();
    this.budget = acceptor.edge?.messageBudget();
  }

  /** address:port, for diagnostics. */
  get remoteAddress(): string {
    return `${this.socket.remoteAddress ?? '?'}:${this.socket.remotePort ?? 0}`;
  }

  /** The client's IP address, as allow-lists and bans know it. */
  get remoteIp(): string {
    return this.socket.remoteAddress ?? 'unknown';
  }

  /** A method, not a field: handling a frame can close the connection under the caller. */
  isClosed(): boolean {
    return this.ended;
  }

  /** The socket is gone (closed by the peer or destroyed). */
  markClosed(): void {
    this.ended = true;
  }

  write(bytes: Buffer): void {
    if (this.ended) return;
    if (this.socket.writableLength > this.acceptor.limits.maxOutboundBytes) {
      this.acceptor.event(this.remoteAddress, 'slow reader: outbound buffer full');
      this.session?.disconnect();
      this.close();
      return;
    }
    // The reports of one command are sent in one turn of the event loop: corked until the end of
    // the turn, they leave in one TCP segment (one wakeup for the reader) instead of one each.
    // Under fsync the writes behind them (stored messages, sequence numbers, order records) are
    // synced first: every write below happens corked, so nothing leaves before that flush.
    if (!this.corked) {
      this.corked = true;
      this.socket.cork();
      process.nextTick(() => {
        this.corked = false;
        this.acceptor.syncGroup?.flush();
        this.socket.uncork();
      });
    }
    this.socket.write(bytes);
  }

  /** Ends the connection after what was written has been flushed (end() uncorks: synced first). */
  close(): void {
    if (this.ended) return;
    this.ended = true;
    this.acceptor.syncGroup?.flush();
    this.socket.end();
    setTimeout(() => this.socket.destroy(), this.acceptor.limits.closeGraceMs).unref();
    this.acceptor.forget(this);
  }
}

export class FixAcceptor {
  readonly limits: FixAcceptorLimits;
  readonly now: () => number;
  private readonly server: Server;
  private readonly connections = new Set<Connection>();
  private readonly sessionsByKey = new Map<string, FixSession>();
  private readonly storeFactory: FixStoreFactory;
  /** Under fsync with a file store: flushed by each connection before it sends. */
  readonly syncGroup: FileSyncGroup | undefined;
  private readonly dynamic: FixDynamicProfile | undefined;
  private readonly encoder: FixEncoder;
  private timer: NodeJS.Timeout | undefined;

  private constructor(private readonly options: FixAcceptorOptions) {
    this.limits = { ...DEFAULT_ACCEPTOR_LIMITS, ...options.limits };
    this.now = options.now ?? Date.now;
    this.encoder = new FixEncoder(this.limits.maxMessageBytes, options.dictionary.codecTables);
    const maxMessages = options.maxStoredMessages ?? DEFAULT_MAX_STORED_MESSAGES;
    const fsync = options.fsync ?? false;
    this.syncGroup = fsync ? (options.syncGroup ?? new FileSyncGroup()) : undefined;
    const fileOptions = this.syncGroup === undefined ? { fsync, maxMessages } : { fsync, maxMessages, syncGroup: this.syncGroup };
    this.storeFactory = options.store ?? (options.storeDir === undefined ? memoryStoreFactory(maxMessages) : fileStoreFactory(options.storeDir, fileOptions));
    const dynamics = options.profiles.filter((profile): profile is FixDynamicProfile => profile.kind === 'dynamic');
    if (dynamics.length > 1) throw new FixError(FixErrorCode.CONFIG_INVALID, 'at most one dynamic profile');
    this.dynamic = dynamics[0];
    for (const profile of options.profiles) {
      if (profile.kind !== 'fixed') continue;
      const key = fixedSessionKey(profile);
      if (this.sessionsByKey.has(key)) throw new FixError(FixErrorCode.CONFIG_INVALID, `two profiles for ${key}`);
      this.sessionsByKey.set(key, this.createSession(key, profile, profile.senderCompId, profile.targetCompId, profile.account));
    }
    // Admission acts on the TCP connection, before any TLS: a refused or banned address costs no
    // handshake. (A TLS server emits 'connection' for the raw socket, then 'secureConnection'.)
    if (options.tls === undefined) {
      this.server = createTcpServer((socket) => {
        if (this.admit(socket)) this.accept(socket);
      });
    } else {
      this.server = createTlsServer(options.tls, (socket) => this.accept(socket));
      this.server.on('connection', (socket: Socket) => this.admit(socket));
    }
    this.server.maxConnections = this.limits.maxConnections;
    this.server.on('error', (error) => this.event('acceptor', `server error: ${error.message}`));
  }

  static async start(options: FixAcceptorOptions): Promise<FixAcceptor> {
    const acceptor = new FixAcceptor(options);
    await new Promise<void>((resolve, reject) => {
      acceptor.server.once('error', reject);
      acceptor.server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        acceptor.server.off('error', reject);
        resolve();
      });
    });
    acceptor.timer = setInterval(() => acceptor.tick(), acceptor.limits.tickMs);
    return acceptor;
  }

  get edge(): FixEdge | undefined {
    return this.options.edge;
  }

  /** The edge's admission of a new TCP connection; a refused one is destroyed. */
  private admit(socket: Socket): boolean {
    const edge = this.options.edge;
    if (edge === undefined) return true;
    if (!edge.admit(socket)) {
      this.event(socket.remoteAddress ?? 'unknown', 'connection refused by the edge');
      socket.destroy();
      return false;
    }
    return true;
  }

  /** Tells the edge, once, that a connection's session has logged on (a Logon's authentication may finish in a later turn: tick() catches those). */
  private noteLogon(connection: Connection): void {
    if (connection.edgeLoggedOn || connection.session?.isLoggedOn !== true) return;
    connection.edgeLoggedOn = true;
    this.options.edge?.loggedOn(connection.socket);
  }

  get port(): number {
    const address = this.server.address();
    return typeof address === 'object' && address !== null ? address.port : 0;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  sessions(): FixSession[] {
    return [...this.sessionsByKey.values()];
  }

  session(key: string): FixSession | undefined {
    return this.sessionsByKey.get(key);
  }

  /**
   * The dynamic profile's session of (account, their CompID), reopened from its store when it has
   * not logged on since start. An application uses it to send to a counterparty that has not come
   * back since a restart: the messages are stored and resent on its ResendRequest, as for any
   * session that is not connected. Undefined without a dynamic profile or at the session limit.
   */
  reopenDynamic(account: string, theirCompId: string): FixSession | undefined {
    const dynamic = this.dynamic;
    if (dynamic === undefined) return undefined;
    const ours = dynamic.senderCompId ?? DEFAULT_DYNAMIC_COMP_ID;
    const key = dynamicSessionKey(dynamic.beginString ?? DEFAULT_SESSION_SETTINGS.beginString, ours, account, theirCompId);
    let session = this.sessionsByKey.get(key);
    if (session === undefined) {
      if (this.sessionsByKey.size >= this.limits.maxSessions) return undefined;
      session = this.createSession(key, dynamic, ours, theirCompId, account);
      this.sessionsByKey.set(key, session);
    }
    return session;
  }

  async close(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    for (const session of this.sessionsByKey.values()) session.disconnect();
    for (const connection of this.connections) {
      connection.close();
      connection.socket.destroy();
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const session of this.sessionsByKey.values()) session.closeStore();
  }

  event(where: string, text: string): void {
    this.options.onEvent?.(where, text);
  }

  forget(connection: Connection): void {
    this.connections.delete(connection);
  }

  private createSession(key: string, profile: FixProfile, ours: string, theirs: string, account: string | undefined): FixSession {
    const settings = settingsOf(profile);
    return new FixSession({
      key,
      senderCompId: ours,
      targetCompId: theirs,
      settings,
      dictionary: this.options.dictionary,
      store: this.storeFactory(key),
      application: this.options.application,
      authenticate: this.options.authenticate,
      now: this.now,
      maxMessageBytes: this.limits.maxMessageBytes,
      ...(this.options.onEvent === undefined ? {} : { onEvent: this.options.onEvent }),
      ...(account === undefined ? {} : { account }),
    });
  }

  private tick(): void {
    const now = this.now();
    for (const connection of this.connections) {
      const loggedOn = connection.session?.isLoggedOn ?? false;
      if (loggedOn) this.noteLogon(connection);
      if (!loggedOn && now - connection.openedAt > this.limits.logonTimeoutMs) {
        this.event(connection.remoteAddress, 'no logon in time');
        connection.session?.disconnect();
        connection.close();
      }
    }
    for (const session of this.sessionsByKey.values()) this.guard(undefined, () => session.tick());
  }

  private accept(socket: Socket): void {
    const connection = new Connection(socket, this);
    this.connections.add(connection);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.guard(connection, () => this.onData(connection, chunk)));
    socket.on('error', (error) => this.event(connection.remoteAddress, `socket error: ${error.message}`));
    socket.on('close', () => {
      connection.markClosed();
      this.connections.delete(connection);
      connection.session?.transportClosed(connection);
    });
  }

  /** Runs `work`; an unexpected error ends that one connection (or is logged), never the process. */
  private guard(connection: Connection | undefined, work: () => void): void {
    try {
      work();
    } catch (error) {
      this.event(connection?.remoteAddress ?? 'acceptor', `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (connection !== undefined) {
        connection.session?.disconnect();
        connection.close();
      }
    }
  }

  private onData(connection: Connection, chunk: Buffer): void {
    if (connection.isClosed()) return;
    connection.decoder.push(chunk);
    this.drain(connection);
  }

  /** Handles the frames received, as fast as the connection's message budget allows. */
  private drain(connection: Connection): void {
    if (connection.paused) return;
    for (;;) {
      if (connection.isClosed()) return;
      const frame = connection.deferred ?? connection.decoder.next();
      connection.deferred = null;
      if (frame === null) break;
      const wait = connection.budget?.take() ?? 0;
      if (wait > 0) {
        connection.deferred = Buffer.from(frame);
        connection.paused = true;
        connection.socket.pause();
        setTimeout(() => {
          connection.paused = false;
          if (connection.isClosed()) return;
          connection.socket.resume();
          this.guard(connection, () => this.drain(connection));
        }, wait).unref();
        return;
      }
      this.onFrame(connection, Buffer.from(frame));
    }
    if (connection.decoder.error !== 0 && !connection.isClosed()) {
      this.event(connection.remoteAddress, `unreadable stream (${connection.decoder.error}): closing`);
      connection.session?.disconnect();
      connection.close();
    }
  }

  private onFrame(connection: Connection, frame: Buffer): void {
    const message = parseMessage(frame, this.options.dictionary.codecTables);
    if (typeof message === 'number') {
      if (connection.session !== null) connection.session.receiveGarbled(`error ${message}`);
      else connection.close(); // before Logon, nothing but a valid Logon is worth waiting for
      return;
    }
    if (connection.session !== null) {
      connection.session.receive(message);
      return;
    }
    if (connection.pending !== null) {
      if (connection.pending.length >= 1_000) connection.close();
      else connection.pending.push(message);
      return;
    }
    this.onFirstMessage(connection, message);
  }

  private onFirstMessage(connection: Connection, logon: FixMessage): void {
    const beginString = logon.get(8) ?? '';
    const theirs = logon.get(49) ?? '';
    const ours = logon.get(56) ?? '';
    if (logon.msgType !== 'A' || theirs === '' || ours === '') return connection.close();
    const fixed = this.options.profiles.find(
      (profile): profile is FixFixedProfile =>
        profile.kind === 'fixed' && profile.senderCompId === ours && profile.targetCompId === theirs && (profile.beginString ?? DEFAULT_SESSION_SETTINGS.beginString) === beginString,
    );
    if (fixed !== undefined) {
      const session = this.sessionsByKey.get(fixedSessionKey(fixed));
      if (session === undefined) return connection.close();
      return this.bind(connection, session, logon, undefined);
    }
    const dynamic = this.dynamic;
    if (dynamic === undefined || ours !== (dynamic.senderCompId ?? DEFAULT_DYNAMIC_COMP_ID) || beginString !== (dynamic.beginString ?? DEFAULT_SESSION_SETTINGS.beginString)) {
      this.event(connection.remoteAddress, `logon for unknown session ${beginString} ${theirs} -> ${ours}`);
      return connection.close();
    }
    // The account is needed to pick the session, so the authenticator runs here, once, and the
    // session is told not to run it again.
    connection.pending = [];
    const request = {
      senderCompId: theirs,
      targetCompId: ours,
      username: logon.get(553),
      password: logon.get(554),
      rawData: logon.get(96),
      message: logon,
      remoteAddress: connection.remoteIp,
    };
    const settle = (result: FixAuthResult): void =>
      this.guard(connection, () => {
        if (connection.isClosed()) return;
        if (!result.ok) return this.refuse(connection, beginString, ours, theirs, result.reason);
        const key = dynamicSessionKey(beginString, ours, result.account, theirs);
        let session = this.sessionsByKey.get(key);
        if (session === undefined && this.sessionsByKey.size >= this.limits.maxSessions) {
          return this.refuse(connection, beginString, ours, theirs, 'Too many sessions');
        }
        if (session === undefined) {
          session = this.createSession(key, dynamic, ours, theirs, result.account);
          this.sessionsByKey.set(key, session);
        }
        this.bind(connection, session, logon, result);
      });
    let result: FixAuthResult | Promise<FixAuthResult>;
    try {
      result = this.options.authenticate(request);
    } catch (error) {
      this.event(connection.remoteAddress, `authenticator failed: ${String(error)}`);
      result = { ok: false, reason: 'Authentication unavailable' };
    }
    if (result instanceof Promise) result.then(settle, () => settle({ ok: false, reason: 'Authentication unavailable' }));
    else settle(result);
  }

  private bind(connection: Connection, session: FixSession, logon: FixMessage, preAuthenticated: FixAuthResult | undefined): void {
    if (session.isConnected) {
      // QuickFIX: a second connection for a session that has one is dropped, the first keeps going.
      this.event(connection.remoteAddress, `session ${session.key} already connected: dropping the new connection`);
      return connection.close();
    }
    const pending = connection.pending ?? [];
    connection.pending = null;
    connection.session = session;
    session.attach(connection, connection.remoteIp);
    session.receive(logon, preAuthenticated);
    this.noteLogon(connection);
    for (const message of pending) session.receive(message);
  }

  /** A refused dynamic Logon: there is no session yet, so the Logout carries MsgSeqNum 1. */
  private refuse(connection: Connection, beginString: string, ours: string, theirs: string, reason: string): void {
    this.event(connection.remoteAddress, `logon refused: ${reason}`);
    const header: [number, string | number][] = [
      [34, 1],
      [49, ours],
      [52, formatUtcTimestamp(this.now())],
      [56, theirs],
    ];
    connection.write(this.encoder.encode(beginString, '5', header, [[58, reason]]));
    connection.close();
  }
}

export function startFixAcceptor(options: FixAcceptorOptions): Promise<FixAcceptor> {
  return FixAcceptor.start(options);
}
