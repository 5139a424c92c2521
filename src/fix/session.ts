// The FIXT.1.1 session state machine, acceptor side, behaving as QuickFIX's Session does (the
// acceptance suite compares our replies with QuickFIX's byte for byte). One FixSession per
// counterparty identity; it outlives connections: attach() binds a transport at Logon, detach on
// disconnect, and the store keeps sequence numbers and sent messages in between.
//
// Time comes only from the injected `now` (ms since the epoch); timers are the embedding's calls to
// tick(), so tests can drive a session with a simulated clock and the acceptor with a real one.
// Everything is synchronous except an authenticator that returns a Promise: while it runs, further
// messages wait in a bounded inbox.
import { FixEncoder, type FixField, type FixMessage } from './codec.js';
import { FieldType, FixDictionary } from './dictionary.js';
import { gapFillFields, possDupFields, replayRange, SESSION_HEADER_TAGS } from './resend.js';
import { BusinessRejectReason, SessionRejectReason, businessRejectText, sessionRejectText } from './reasons.js';
import type {
  FixApplication,
  FixAuthResult,
  FixAuthenticator,
  FixEventListener,
  FixSessionHandle,
  FixSessionSettings,
  FixTransport,
} from './session-types.js';
import { LOGON_NONCE_TAG } from './logon-auth.js';
import type { FixSessionStore } from './store.js';
import { formatUtcTimestamp, parseUtcTimestamp } from './utc-time.js';
import { validateMessage } from './validator.js';

/** Kapita's Logon extension: CancelOnDisconnect, 'Y' or 'N' (Coinbase and others use the same tag). */
export const CANCEL_ON_DISCONNECT_TAG = 8013;

/** Allows 8013 (CancelOnDisconnect) and 8014 (LogonNonce, see logon-auth.ts) on Logon in this dictionary. */
export function addKapitaLogonFields(dictionary: FixDictionary): void {
  dictionary.extend(
    [
      { tag: CANCEL_ON_DISCONNECT_TAG, name: 'CancelOnDisconnect', type: FieldType.CHAR, values: new Set(['Y', 'N']), lengthTag: 0 },
      { tag: LOGON_NONCE_TAG, name: 'LogonNonce', type: FieldType.STRING, values: undefined, lengthTag: 0 },
    ],
    { A: [CANCEL_ON_DISCONNECT_TAG, LOGON_NONCE_TAG] },
  );
}

/** Session messages that go out even before the Logon exchange completes (QuickFIX sendRaw). */
const SENT_WHILE_LOGGED_OFF = new Set(['A', '5', '2', '4']);
/** Messages held while an asynchronous authentication runs. */
const MAX_INBOX_MESSAGES = 1_000;
/** Routing tags reversed on a Reject (QuickFIX Message::reverseRoute). */
const REVERSE_ROUTE: readonly (readonly [number, number])[] = [
  [115, 128],
  [116, 129],
  [128, 115],
  [129, 116],
  [144, 145],
  [145, 144],
];

export interface FixSessionOptions {
  readonly key: string;
  readonly senderCompId: string;
  readonly targetCompId: string;
  readonly settings: FixSessionSettings;
  readonly dictionary: FixDictionary;
  readonly store: FixSessionStore;
  readonly application: FixApplication;
  readonly authenticate: FixAuthenticator;
  readonly now: () => number;
  readonly maxMessageBytes?: number;
  readonly onEvent?: FixEventListener;
  /** Known when the acceptor authenticated before choosing the session (dynamic profiles). */
  readonly account?: string;
}

function byTag(a: FixField, b: FixField): number {
  return a[0] - b[0];
}

export class FixSession implements FixSessionHandle {
  readonly key: string;
  readonly senderCompId: string;
  readonly targetCompId: string;
  readonly settings: FixSessionSettings;
  private readonly dictionary: FixDictionary;
  private readonly store: FixSessionStore;
  private readonly application: FixApplication;
  private readonly authenticate: FixAuthenticator;
  private readonly now: () => number;
  private readonly encoder: FixEncoder;
  private readonly onEvent: FixEventListener | undefined;

  private transport: FixTransport | null = null;
  private remote = '';
  private accountId: string | undefined;
  private receivedLogon = false;
  private sentLogon = false;
  private sentLogout = false;
  private logoutReceived = false;
  private receivedReset = false;
  private heartBtIntMs = 0;
  private lastSentTime = 0;
  private lastReceivedTime = 0;
  private testRequests = 0;
  private readonly queue = new Map<number, FixMessage>();
  private resendRange: readonly [number, number] | null = null;
  private cod = false;
  private credentialId: string | undefined;
  /** Bumped at every attach and detach: a late authentication result for an old connection is dropped. */
  private generation = 0;
  private inbox: FixMessage[] | null = null;

  constructor(options: FixSessionOptions) {
    this.key = options.key;
    this.senderCompId = options.senderCompId;
    this.targetCompId = options.targetCompId;
    this.settings = options.settings;
    this.dictionary = options.dictionary;
    this.store = options.store;
    this.application = options.application;
    this.authenticate = options.authenticate;
    this.now = options.now;
    this.encoder = new FixEncoder(options.maxMessageBytes, options.dictionary.codecTables);
    this.onEvent = options.onEvent;
    this.accountId = options.account;
    this.cod = options.settings.cancelOnDisconnectDefault;
  }

  get account(): string | undefined {
    return this.accountId;
  }

  get cancelOnDisconnect(): boolean {
    return this.cod;
  }

  get credential(): string | undefined {
    return this.credentialId;
  }

  get isLoggedOn(): boolean {
    return this.receivedLogon && this.sentLogon;
  }

  get isConnected(): boolean {
    return this.transport !== null;
  }

  /** Connected and not waiting for an authenticator. A method, not a getter: processing can disconnect, and the compiler would narrow a getter. */
  private isActive(): boolean {
    return this.transport !== null && this.inbox === null;
  }

  get remoteAddress(): string {
    return this.remote;
  }

  get nextSenderSeq(): number {
    return this.store.nextSenderSeq;
  }

  get nextTargetSeq(): number {
    return this.store.nextTargetSeq;
  }

  /** Binds a connection; its first message must be the Logon. */
  attach(transport: FixTransport, remoteAddress: string): void {
    if (this.transport !== null) throw new Error(`session ${this.key} already has a connection`);
    this.transport = transport;
    this.remote = remoteAddress;
    this.generation++;
    this.lastReceivedTime = this.now();
    this.lastSentTime = this.lastReceivedTime;
  }

  /** A parsed message from the attached connection. `preAuthenticated`: the acceptor already ran the authenticator on this Logon. */
  receive(message: FixMessage, preAuthenticated?: FixAuthResult): void {
    if (this.transport === null) return;
    if (this.inbox !== null) {
      if (this.inbox.length >= MAX_INBOX_MESSAGES) {
        this.event('inbox full while authenticating');
        this.disconnect();
        return;
      }
      this.inbox.push(message);
      return;
    }
    this.next(message, false, preAuthenticated);
  }

  /** A frame that could not be parsed: ignored once logged on (QuickFIX), fatal before. */
  receiveGarbled(reason: string): void {
    this.event(`garbled message ignored: ${reason}`);
    if (!this.receivedLogon && this.inbox === null) this.disconnect();
  }

  /** The connection ended under us. */
  transportClosed(transport: FixTransport): void {
    if (this.transport === transport) this.disconnect();
  }

  /** Heartbeats, test requests and time-outs. Call every few hundred ms. */
  tick(): void {
    if (this.transport === null) return;
    const now = this.now();
    if (this.sentLogout && now - this.lastSentTime >= this.settings.logoutTimeoutMs) {
      this.event('timed out waiting for logout response');
      this.disconnect();
      return;
    }
    if (!this.receivedLogon || this.heartBtIntMs === 0) return;
    const sinceSent = now - this.lastSentTime;
    const sinceReceived = now - this.lastReceivedTime;
    if (sinceSent < this.heartBtIntMs && sinceReceived < this.heartBtIntMs) return;
    if (sinceReceived >= 2.4 * this.heartBtIntMs) {
      this.event('timed out waiting for heartbeat');
      this.disconnect();
    } else if (sinceReceived >= 1.5 * (this.testRequests + 1) * this.heartBtIntMs) {
      this.sendAdmin('1', [[112, 'TEST']]);
      this.testRequests++;
    } else if (sinceSent >= this.heartBtIntMs && this.testRequests === 0) {
      this.sendAdmin('0', []);
    }
  }

  send(msgType: string, body: readonly FixField[], options?: { readonly header?: readonly FixField[] }): boolean {
    if (!this.isLoggedOn && this.settings.resetOnLogon) return false;
    const header = (options?.header ?? []).filter(([tag]) => !SESSION_HEADER_TAGS.has(tag));
    this.sendRaw(msgType, body, header);
    return true;
  }

  businessReject(message: FixMessage, reason: BusinessRejectReason, text?: string, refTag?: number): void {
    const body: FixField[] = [[45, message.get(34) ?? '0'], [58, text ?? businessRejectText(reason)]];
    if (refTag !== undefined) body.push([371, refTag]);
    body.push([372, message.msgType], [380, reason], [1137, this.settings.defaultApplVerId]);
    this.sendRaw('j', body.sort(byTag), []);
  }

  logout(text?: string): void {
    if (this.transport === null || this.sentLogout) return;
    this.generateLogout(text);
  }

  /** Closes the connection (if any) and forgets per-connection state. */
  disconnect(): void {
    const transport = this.transport;
    if (transport === null) return;
    this.transport = null;
    this.generation++;
    transport.close();
    const wasLoggedOn = this.receivedLogon || this.sentLogon;
    const info = { cancelOnDisconnect: this.cod, logoutReceived: this.logoutReceived, logoutSent: this.sentLogout };
    this.receivedLogon = false;
    this.sentLogon = false;
    this.sentLogout = false;
    this.logoutReceived = false;
    this.receivedReset = false;
    this.testRequests = 0;
    this.queue.clear();
    this.resendRange = null;
    this.inbox = null;
    if (this.settings.resetOnDisconnect) this.store.reset();
    this.event('disconnected');
    if (!wasLoggedOn) return;
    try {
      this.application.onDisconnect?.(this, info);
    } catch (error) {
      this.event(`application failed on disconnect: ${String(error)}`);
    }
  }

  /** Releases the store (files); the session must not be used afterwards. */
  closeStore(): void {
    this.disconnect();
    this.store.close();
  }

  // ---- incoming -------------------------------------------------------------------------------

  private next(message: FixMessage, queued: boolean, preAuthenticated?: FixAuthResult): void {
    this.process(message, preAuthenticated);
    if (!this.isActive()) return;
    if (!queued) this.nextQueued();
    if (this.isLoggedOn) this.tick();
  }

  private process(message: FixMessage, preAuthenticated: FixAuthResult | undefined): void {
    const msgType = message.msgType;
    for (const tag of [49, 56]) {
      if (!message.has(tag)) return this.rejectMissing(message, tag);
    }
    if (message.get(8) !== this.settings.beginString) {
      if (msgType === '5') return this.nextLogout(message);
      this.generateLogout('Incorrect BeginString');
      this.incrementTarget();
      return;
    }
    if (msgType === 'A' && !message.has(1137)) return this.rejectMissing(message, 1137);
    const failure = validateMessage(message, this.dictionary);
    if (failure !== null) {
      this.generateReject(message, failure.reason, failure.tag);
      if (msgType === 'A' && !this.receivedLogon) this.disconnect();
      return;
    }
    switch (msgType) {
      case 'A':
        return this.nextLogon(message, preAuthenticated);
      case '0':
        if (!this.verify(message, true, true)) return;
        this.incrementTarget();
        return;
      case '1':
        if (!this.verify(message, true, true)) return;
        this.sendAdmin('0', [[112, message.get(112) ?? '']]);
        this.incrementTarget();
        return;
      case '2':
        return this.nextResendRequest(message);
      case '3':
        if (!this.verify(message, false, true)) return;
        this.incrementTarget();
        return;
      case '4':
        return this.nextSequenceReset(message);
      case '5':
        return this.nextLogout(message);
      default:
        if (!this.verify(message, true, true)) return;
        this.deliver(message);
        this.incrementTarget();
    }
  }

  private deliver(message: FixMessage): void {
    try {
      this.application.onMessage(this, message);
    } catch (error) {
      // A bug in the application must not take the session down or leave the client guessing.
      this.event(`application failed on ${message.msgType}: ${String(error)}`);
      this.businessReject(message, BusinessRejectReason.APPLICATION_NOT_AVAILABLE);
    }
  }

  /** QuickFIX: a missing CompID (or DefaultApplVerID on Logon) is a Reject, and a Logon without it ends the connection. */
  private rejectMissing(message: FixMessage, tag: number): void {
    this.generateReject(message, SessionRejectReason.REQUIRED_TAG_MISSING, tag);
    if (message.msgType === 'A') this.disconnect();
  }

  /**
   * A Logon: authenticated first, so that nothing a stranger sends (ResetSeqNumFlag, a wrong
   * account for a reserved CompID, a bad HeartBtInt) touches the session's sequence numbers or
   * stored messages; then the reset it asks for, the session checks, and the answer.
   */
  private nextLogon(logon: FixMessage, preAuthenticated: FixAuthResult | undefined): void {
    if (preAuthenticated !== undefined) return this.afterAuthentication(logon, preAuthenticated);
    const result = this.authenticate({
      senderCompId: logon.get(49) ?? '',
      targetCompId: logon.get(56) ?? '',
      username: logon.get(553),
      password: logon.get(554),
      rawData: logon.get(96),
      message: logon,
      remoteAddress: this.remote,
    });
    if (!(result instanceof Promise)) return this.afterAuthentication(logon, result);
    const generation = this.generation;
    this.inbox = [];
    result.then(
      (outcome) => this.resumeAfterAuthentication(generation, logon, outcome),
      (error: unknown) => {
        this.event(`authenticator failed: ${String(error)}`);
        this.resumeAfterAuthentication(generation, logon, { ok: false, reason: 'Authentication unavailable' });
      },
    );
  }

  private resumeAfterAuthentication(generation: number, logon: FixMessage, outcome: FixAuthResult): void {
    if (generation !== this.generation) return;
    const waiting = this.inbox ?? [];
    this.inbox = null;
    this.afterAuthentication(logon, outcome);
    if (!this.isActive()) return;
    this.nextQueued();
    for (const message of waiting) {
      if (!this.isActive()) return;
      this.next(message, false);
    }
  }

  private afterAuthentication(logon: FixMessage, auth: FixAuthResult): void {
    if (!auth.ok) return this.refuseLogon(auth.reason);
    if (this.accountId !== undefined && this.accountId !== auth.account) return this.refuseLogon('Account does not match the session');
    const heartBtInt = logon.getInt(108);
    if (!(heartBtInt >= 0 && heartBtInt <= this.settings.maxHeartBtIntSec)) return this.refuseLogon('HeartBtInt out of range');
    const resetRequested = logon.get(141) === 'Y';
    this.receivedReset = resetRequested;
    if (resetRequested || this.settings.resetOnLogon) this.store.reset();
    if (!this.verify(logon, false, true)) return;
    this.completeLogon(logon, auth, heartBtInt, resetRequested);
  }

  private completeLogon(logon: FixMessage, auth: FixAuthResult & { readonly ok: true }, heartBtInt: number, resetRequested: boolean): void {
    this.accountId = auth.account;
    this.credentialId = auth.credential;
    const cod = logon.get(8013);
    this.cod = cod === undefined ? (auth.cancelOnDisconnect ?? this.settings.cancelOnDisconnectDefault) : cod === 'Y';
    this.receivedLogon = true;
    this.heartBtIntMs = heartBtInt * 1000;
    const body: FixField[] = [[98, 0], [108, heartBtInt]];
    if (this.receivedReset) body.push([141, 'Y']);
    body.push([1137, this.settings.defaultApplVerId]);
    this.sendAdmin('A', body);
    this.sentLogon = true;
    this.receivedReset = false;
    if (logon.msgSeqNum > this.store.nextTargetSeq && !resetRequested) {
      this.doTargetTooHigh(logon);
    } else {
      this.incrementTarget();
      this.nextQueued();
    }
    if (!this.isLoggedOn) return;
    try {
      this.application.onLogon?.(this);
    } catch (error) {
      this.event(`application failed on logon: ${String(error)}`);
    }
  }

  /**
   * The authenticator (or a Logon check after it) said no: a Logout with the reason, then close.
   * The Logout reuses the next sequence number without consuming it, so that a stranger failing
   * to log on cannot move a real session's sequence numbers.
   */
  private refuseLogon(reason: string): void {
    this.event(`logon refused: ${reason}`);
    this.sendRaw('5', [[58, reason]], [], this.store.nextSenderSeq);
    this.disconnect();
  }

  private nextSequenceReset(message: FixMessage): void {
    const gapFill = message.get(123) === 'Y';
    if (!this.verify(message, gapFill, gapFill)) return;
    const newSeqNo = message.getInt(36);
    if (newSeqNo > this.store.nextTargetSeq) this.store.setNextTargetSeq(newSeqNo);
    else if (newSeqNo < this.store.nextTargetSeq) this.generateReject(message, SessionRejectReason.VALUE_IS_INCORRECT, 0);
  }

  private nextLogout(message: FixMessage): void {
    if (!this.verify(message, false, false)) return;
    this.logoutReceived = true;
    if (!this.sentLogout) this.generateLogout();
    this.incrementTarget();
    if (this.settings.resetOnLogout) this.store.reset();
    this.disconnect();
  }

  /**
   * Resends what was asked: application messages again with PossDupFlag=Y and OrigSendingTime,
   * every run of session messages (and of messages no longer kept) as one SequenceReset-GapFill.
   */
  private nextResendRequest(message: FixMessage): void {
    if (!this.verify(message, false, false)) return;
    const begin = Math.max(1, message.getInt(7));
    const nextSender = this.store.nextSenderSeq;
    let end = message.getInt(16);
    if (end === 0 || end >= nextSender) end = nextSender - 1;
    if (begin <= end) {
      replayRange(this.store, this.dictionary.codecTables, begin, end, {
        gapFill: (seq, newSeqNo) => this.generateGapFill(seq, newSeqNo),
        resend: (stored) => this.resend(stored),
      });
    }
    const seq = message.msgSeqNum;
    if (seq === this.store.nextTargetSeq) this.incrementTarget();
  }

  /**
   * QuickFIX's verify(): logon state, SendingTime, CompIDs, then the sequence number (too high:
   * queue and ask for the gap; too low: PossDup checks or Logout). True when the message may be
   * processed; it then counts as proof of life for the heartbeat timers.
   */
  private verify(message: FixMessage, checkTooHigh: boolean, checkTooLow: boolean): boolean {
    const msgType = message.msgType;
    const sendingTime = parseUtcTimestamp(message.get(52) ?? '');
    const seq = message.msgSeqNum;
    if (!this.validLogonState(msgType) || Number.isNaN(sendingTime) || ((checkTooHigh || checkTooLow) && Number.isNaN(seq))) {
      this.event(`${msgType} not valid in this state`);
      this.disconnect();
      return false;
    }
    if (this.settings.checkLatency && Math.abs(this.now() - sendingTime) > this.settings.maxLatencyMs) {
      return this.rejectAndLogout(message, SessionRejectReason.SENDINGTIME_ACCURACY_PROBLEM);
    }
    if (message.get(49) !== this.targetCompId || message.get(56) !== this.senderCompId) {
      return this.rejectAndLogout(message, SessionRejectReason.COMPID_PROBLEM);
    }
    const expected = this.store.nextTargetSeq;
    if (checkTooHigh && seq > expected) {
      this.doTargetTooHigh(message);
      return false;
    }
    if (checkTooLow && seq < expected) {
      this.doTargetTooLow(message, sendingTime);
      return false;
    }
    if ((checkTooHigh || checkTooLow) && this.resendRange !== null && seq >= this.resendRange[1]) this.resendRange = null;
    this.lastReceivedTime = this.now();
    this.testRequests = 0;
    return true;
  }

  private validLogonState(msgType: string): boolean {
    if (this.receivedReset) return true;
    if (msgType === 'A') return !this.receivedLogon;
    return this.receivedLogon || msgType === '4' || msgType === '3' || (msgType === '5' && this.sentLogon);
  }

  /** Before Logon there is no one to send a Reject to: QuickFIX just disconnects. */
  private rejectAndLogout(message: FixMessage, reason: SessionRejectReason): false {
    if (!this.receivedLogon) {
      this.event(`logon refused: ${sessionRejectText(reason)}`);
      this.disconnect();
      return false;
    }
    this.generateReject(message, reason, 0);
    this.generateLogout();
    return false;
  }

  private doTargetTooHigh(message: FixMessage): void {
    const seq = message.msgSeqNum;
    this.event(`MsgSeqNum too high, expecting ${this.store.nextTargetSeq} but received ${seq}`);
    if (!this.queue.has(seq)) {
      if (this.queue.size >= this.settings.maxQueuedMessages) {
        this.generateLogout('Too many messages ahead of a gap');
        this.disconnect();
        return;
      }
      this.queue.set(seq, message);
    }
    if (this.resendRange !== null && seq >= this.resendRange[0]) return; // already asked for this gap
    const begin = this.store.nextTargetSeq;
    this.sendAdmin('2', [
      [7, begin],
      [16, 0],
    ]);
    this.resendRange = [begin, seq - 1];
  }

  private doTargetTooLow(message: FixMessage, sendingTime: number): void {
    const seq = message.msgSeqNum;
    if (message.get(43) !== 'Y') {
      this.generateLogout(`MsgSeqNum too low, expecting ${this.store.nextTargetSeq} but received ${seq}`);
      this.disconnect();
      return;
    }
    if (message.msgType === '4') return; // a gap fill resent: already applied
    const original = message.get(122);
    if (original === undefined) {
      this.generateReject(message, SessionRejectReason.REQUIRED_TAG_MISSING, 122);
      return;
    }
    if (parseUtcTimestamp(original) > sendingTime) {
      this.generateReject(message, SessionRejectReason.SENDINGTIME_ACCURACY_PROBLEM, 0);
      this.generateLogout();
    }
  }

  /** Processes held messages that are now in sequence. */
  private nextQueued(): void {
    for (;;) {
      if (!this.isActive()) return;
      const expected = this.store.nextTargetSeq;
      const message = this.queue.get(expected);
      if (message === undefined) return;
      this.queue.delete(expected);
      this.event(`processing queued message ${expected}`);
      if (message.msgType === 'A' || message.msgType === '2') this.incrementTarget();
      else this.next(message, true);
    }
  }

  private incrementTarget(): void {
    this.store.setNextTargetSeq(this.store.nextTargetSeq + 1);
  }

  // ---- outgoing -------------------------------------------------------------------------------

  private generateReject(message: FixMessage, reason: SessionRejectReason, tag: number): void {
    const msgType = message.msgType;
    const seqText = message.get(34);
    if (msgType !== 'A' && msgType !== '4' && message.msgSeqNum === this.store.nextTargetSeq) this.incrementTarget();
    this.event(`message ${seqText ?? '?'} rejected: ${sessionRejectText(reason)}${tag !== 0 ? `:${tag}` : ''}`);
    if (!this.receivedLogon) return;
    const body: FixField[] = [];
    if (seqText !== undefined && seqText !== '') body.push([45, seqText]);
    body.push([58, sessionRejectText(reason)]);
    if (tag !== 0 || reason === SessionRejectReason.INVALID_TAG_NUMBER) body.push([371, tag]);
    if (msgType !== '') body.push([372, msgType]);
    body.push([373, reason]);
    const header: FixField[] = [];
    for (const [from, to] of REVERSE_ROUTE) {
      const value = message.get(from);
      if (value !== undefined && value !== '') header.push([to, value]);
    }
    this.sendRaw('3', body, header);
  }

  private generateLogout(text?: string): void {
    this.sendAdmin('5', text === undefined || text === '' ? [] : [[58, text]]);
    this.sentLogout = true;
  }

  private generateGapFill(seq: number, newSeqNo: number): void {
    const { header, body } = gapFillFields(newSeqNo, formatUtcTimestamp(this.now()));
    this.sendRaw('4', body, header, seq);
  }

  /** Sends a stored application message again: same seq and body, PossDupFlag and OrigSendingTime added. */
  private resend(stored: FixMessage): void {
    const { header, body } = possDupFields(stored, this.dictionary.codecTables);
    this.sendRaw(stored.msgType, body, header, stored.msgSeqNum);
  }

  private sendAdmin(msgType: string, body: readonly FixField[]): void {
    this.sendRaw(msgType, body, []);
  }

  /**
   * Stamps, stores and writes one message. `fixedSeq` (gap fills, resends) reuses a number
   * already sent: such messages are neither stored nor counted.
   */
  private sendRaw(msgType: string, body: readonly FixField[], extraHeader: readonly FixField[], fixedSeq?: number): void {
    const now = this.now();
    const seq = fixedSeq ?? this.store.nextSenderSeq;
    const header: FixField[] = [
      [34, seq],
      [49, this.senderCompId],
      [52, formatUtcTimestamp(now)],
      [56, this.targetCompId],
      ...extraHeader,
    ];
    header.sort(byTag);
    const bytes = this.encoder.encode(this.settings.beginString, msgType, header, body);
    if (fixedSeq === undefined) {
      this.store.save(seq, bytes);
      this.store.setNextSenderSeq(seq + 1);
    }
    this.lastSentTime = now;
    const transport = this.transport;
    if (transport !== null && (this.isLoggedOn || SENT_WHILE_LOGGED_OFF.has(msgType))) transport.write(bytes);
  }

  private event(text: string): void {
    this.onEvent?.(this.key, text);
  }
}
