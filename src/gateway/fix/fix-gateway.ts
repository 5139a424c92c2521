// The FIX gateway in the server: the acceptor (src/fix) on its own port with dynamic sessions and
// the configured counterparties, the signed Logon against the API keys (an unrevoked key with the
// trade scope and an account), and the FixOrderApplication (fix-order-application.ts) and
// FixMarketData (fix-market-data.ts) behind it. The application depends only on FixVenuePort; this
// file adapts the server's Trading (the functions the REST and WebSocket APIs share), the venue's
// dispatch (its 'reports' and 'marketData' stages) and its KeyStore to it.
import { join } from 'node:path';
import type { TlsOptions } from 'node:tls';
import type { Instrument } from '../../domain/instrument.js';
import { ResultCode, resultCodeName, resultCodeText } from '../../domain/result-codes.js';
import { FixAcceptor, type FixAcceptorLimits, type FixEdge } from '../../fix/acceptor.js';
import { type DictionaryPaths, loadFixDictionary } from '../../fix/dictionary.js';
import { FileSyncGroup } from '../../fix/file-sync.js';
import { LOGON_REFUSAL, signedLogonAuthenticator } from '../../fix/logon-auth.js';
import { addKapitaLogonFields } from '../../fix/session.js';
import { DEFAULT_DYNAMIC_COMP_ID, type FixAuthResult, type FixEventListener, type FixLogonRequest, type FixProfile, type FixSessionHandle } from '../../fix/session-types.js';
import type { EdgeGuard } from '../../security/edge.js';
import { countsAsAuthFailure, type KeyStore, type Principal } from '../../auth/auth.js';
import { accountRefusal, authorizeAccount } from '../../venue/authorize.js';
import { fillFee } from '../../venue/fees.js';
import { FixMarketData } from './fix-market-data.js';
import { FixOrderApplication } from './fix-order-application.js';
import type { FixVenuePort } from './fix-venue-port.js';
import { venueOrderStatus } from './fix-venue-orders.js';
import type { History } from '../../marketdata/history.js';
import type { FixCounterparty } from '../../server/venue-config.js';
import type { Venue } from '../../venue/venue.js';

/**
 * The server's order-entry functions as FIX uses them (REST's RestTrading, trading-routes.ts, has
 * this shape): REST-shaped bodies until a follow-up moves FIX onto the typed venue service.
 */
export interface FixTrading {
  placeOrder(who: Principal, body: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  cancelOrder(who: Principal, orderId: number): Promise<unknown>;
  amendOrder(who: Principal, orderId: number, body: Record<string, unknown>): Promise<unknown>;
  cancelAll(who: Principal, symbol: string | undefined, side: 'buy' | 'sell' | undefined): Promise<{ cancelled: number[] }>;
}

export interface FixGatewayOptions {
  readonly port: number;
  readonly host?: string;
  readonly tls?: TlsOptions;
  /** Sequence numbers and sent messages per session. */
  readonly storeDir: string;
  /**
   * The venue's durability policy for the gateway's files: with true, the session stores and the
   * order log are fdatasynced (grouped per turn) before anything that depends on them is sent, so
   * sequence numbers never go backwards after a power loss. The server passes durability === 'fsync'.
   */
  readonly fsync?: boolean;
  readonly dictionary: DictionaryPaths;
  readonly keys: KeyStore;
  readonly venue: Venue;
  readonly instruments: readonly Instrument[];
  readonly trading: FixTrading;
  /** Recent trades for market data snapshots. */
  readonly history: History;
  readonly now: () => number;
  readonly limits?: Partial<FixAcceptorLimits>;
  readonly onEvent?: FixEventListener;
  /** The CompID clients address (56); default KAPITA. */
  readonly senderCompId?: string;
  /** Counterparties with a reserved SenderCompID, account and settings of their own. */
  readonly counterparties?: readonly FixCounterparty[];
  /** Order state the gateway had to correct from the venue at start (a crash lost its log's tail). */
  readonly warn?: (text: string) => void;
  /** The venue's edge: connection caps and bans at accept, a message rate per connection, strikes for failed Logons. */
  readonly edge?: EdgeGuard;
  /** Every Logon's authentication: 'ok' or the refusal's code name (for kapita_auth_attempts_total). */
  readonly onAuthAttempt?: (result: string) => void;
}

/**
 * Why the signed Logon refused, as the venue's codes (for metrics and strikes; the client sees only
 * the text, the same for an unknown key and a bad signature).
 */
const LOGON_REFUSALS = new Map<string, ResultCode>([
  [LOGON_REFUSAL.MISSING_CREDENTIALS, ResultCode.UNAUTHENTICATED],
  [LOGON_REFUSAL.MISSING_NONCE, ResultCode.UNAUTHENTICATED],
  [LOGON_REFUSAL.STALE, ResultCode.STALE_TIMESTAMP],
  [LOGON_REFUSAL.BEFORE_START, ResultCode.SIGNED_BEFORE_START],
  [LOGON_REFUSAL.INVALID, ResultCode.BAD_SIGNATURE],
  [LOGON_REFUSAL.NONCE_REUSED, ResultCode.NONCE_REUSED],
  [LOGON_REFUSAL.TOO_MANY, ResultCode.RATE_LIMITED],
]);

/** The code of a signed Logon's refusal; an invalid one is told apart (unknown key or bad signature) only here. */
function logonRefusalCode(reason: string, keyKnown: boolean): ResultCode {
  if (reason === LOGON_REFUSAL.INVALID && !keyKnown) return ResultCode.UNKNOWN_KEY;
  return LOGON_REFUSALS.get(reason) ?? ResultCode.UNAUTHENTICATED;
}

/**
 * The edge as the acceptor sees it: each TCP connection admitted (and released at its close) by its
 * socket, marked authenticated once its session has logged on, and not read while over its message
 * rate until its next token is due.
 */
function fixEdge(edge: EdgeGuard): FixEdge {
  const pauseMs = Math.max(1, Math.ceil(1000 / edge.limits.messagesPerSecondPerConnection));
  return {
    // The edge keeps the connection by its socket's addresses and ports and releases it on 'close'.
    admit: (socket) => edge.admitSocket(socket, 'fix') !== undefined,
    loggedOn: (socket) => {
      edge.authenticatedSocket(socket);
    },
    messageBudget: () => {
      const bucket = edge.messageBucket();
      return { take: () => (edge.message(bucket) ? 0 : pauseMs) };
    },
  };
}

export interface FixGateway {
  readonly acceptor: FixAcceptor;
  readonly application: FixOrderApplication;
  readonly marketData: FixMarketData;
  readonly port: number;
  /** Under fsync: the group that syncs the session stores and the order log (its syncCount shows the policy at work). */
  readonly syncGroup: FileSyncGroup | undefined;
  close(): Promise<void>;
}

/**
 * The FIX acceptor on its own port: dynamic sessions, the signed Logon against the API keys (an
 * unrevoked key with the trade scope and an account), orders through the server's Trading.
 */
/** The API key the session's Logon was signed with (its credential), as a principal; revoked keys throw FORBIDDEN. */
function keyPrincipal(keys: KeyStore, session: FixSessionHandle): Principal {
  const key = keys.get(session.credential ?? '');
  if (key === undefined || key.revokedAt !== undefined) throw Object.assign(new Error('the API key of this session was revoked'), { code: ResultCode.FORBIDDEN });
  const scopes = new Set(key.scopes);
  return { kind: 'key', subject: key.keyId, actorId: key.actorId, accountId: key.accountId, scopes, admin: scopes.has('admin'), sessionId: undefined, expiresAtMs: Number.MAX_SAFE_INTEGER, keyVersion: key.secretVersion };
}

/** The venue acting for the session's account (cancel-on-disconnect), whatever became of its key. */
function venuePrincipal(session: FixSessionHandle): Principal {
  return {
    kind: 'key',
    subject: `fix-cancel-on-disconnect:${session.key}`,
    actorId: 0, // the venue itself
    accountId: Number(session.account),
    scopes: new Set(['trade']),
    admin: false,
    sessionId: undefined,
    expiresAtMs: Number.MAX_SAFE_INTEGER,
    keyVersion: 0,
  };
}

/**
 * Calls `f` now, a throw becoming a rejection. Not `Promise.resolve().then(f)`: that defers the
 * order until the socket's whole data event has been handled, which cost the round trip ~6 µs.
 */
function callNow<T>(f: () => Promise<T>): Promise<T> {
  try {
    return f();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** The server's Trading, replica, history and dispatch as the application's FixVenuePort. */
function venuePort(options: FixGatewayOptions): FixVenuePort {
  const { trading, venue } = options;
  const principalOf = (session: FixSessionHandle): Principal => keyPrincipal(options.keys, session);
  return {
    placeOrder: (session, body) => callNow(() => trading.placeOrder(principalOf(session), body)),
    cancelOrder: (session, orderId) => callNow(() => trading.cancelOrder(principalOf(session), orderId)),
    amendOrder: (session, orderId, body) => callNow(() => trading.amendOrder(principalOf(session), orderId, body)),
    cancelOnDisconnect: (session, orderId) => callNow(() => trading.cancelOrder(venuePrincipal(session), orderId)),
    cancelAll: (session, symbol, side) => callNow(() => trading.cancelAll(principalOf(session), symbol, side)),
    openOrder: (instrument, orderId) => venue.replica.book(instrument.id).order(orderId),
    fee: (instrument, priceTicks, lots, maker) => fillFee(venue.replica, instrument.id, priceTicks, lots, maker),
    asset: (assetId) => venue.replica.risk?.tables.assets[assetId - 1],
    venueOrder: (session, orderId) => venueOrderStatus(options, authorizeAccount(principalOf(session), 'read'), orderId),
    onDurable: (listener) => {
      venue.dispatch.on('reports', 'fix execution reports', (outcome) => {
        listener(outcome);
      });
    },
  };
}

/**
 * Why a Logon whose signature checked out is refused anyway, or undefined when it may trade. The
 * Logout's Text starts with the venue's numbered code ("4003 FORBIDDEN: …"), as every other
 * gateway's refusal carries it.
 */
function keyRefusal(options: FixGatewayOptions, request: FixLogonRequest): { code: ResultCode; reason: string } | undefined {
  const coded = (code: ResultCode, text: string) => ({ code, reason: resultCodeText(code, text) });
  const key = request.username === undefined ? undefined : options.keys.get(request.username);
  if (key === undefined || key.revokedAt !== undefined) return coded(ResultCode.KEY_REVOKED, 'API key revoked');
  if (!options.keys.allows(key, request.remoteAddress)) return coded(ResultCode.IP_NOT_ALLOWED, 'Address not allowed for this key');
  // FIX is order entry: the trading functions' own rule (authorize.ts), asked at the Logon so a key that cannot trade gets no session.
  const denied = accountRefusal({ accountId: key.accountId, scopes: new Set(key.scopes) }, 'trade');
  return denied === undefined ? undefined : coded(ResultCode.FORBIDDEN, `API key refused: ${denied}`);
}

/** Every Logon: the signature first (what a key may do is told only to whoever holds its secret), then the key's own rules. */
function logonAuthenticator(options: FixGatewayOptions): (request: FixLogonRequest) => Promise<FixAuthResult> {
  const signed = signedLogonAuthenticator({
    now: options.now,
    lookup: (apiKey) => {
      const key = options.keys.get(apiKey);
      return key === undefined ? undefined : { secret: key.secret, account: String(key.accountId) };
    },
  });
  return async (request) => {
    const verdict = await signed(request);
    const keyKnown = request.username !== undefined && options.keys.get(request.username) !== undefined;
    const refusal = verdict.ok ? keyRefusal(options, request) : { code: logonRefusalCode(verdict.reason, keyKnown), reason: verdict.reason };
    options.onAuthAttempt?.(refusal === undefined ? 'ok' : resultCodeName(refusal.code));
    // The session keeps the key as its credential only if this Logon completes (a second
    // connection for a live session is dropped and changes nothing).
    if (refusal === undefined) {
      return verdict.ok ? { ...verdict, credential: request.username ?? '' } : verdict;
    }
    // Wrong secrets and forgeries earn strikes towards a ban of the address, as on REST.
    if (refusal.code !== ResultCode.FORBIDDEN && countsAsAuthFailure(refusal.code)) options.edge?.strike(request.remoteAddress);
    return { ok: false, reason: refusal.reason };
  };
}

/** The dynamic profile, and one fixed profile per configured counterparty. */
function profilesOf(options: FixGatewayOptions): FixProfile[] {
  return [
    { kind: 'dynamic', ...(options.senderCompId === undefined ? {} : { senderCompId: options.senderCompId }) },
    ...(options.counterparties ?? []).map(
      (c): FixProfile => ({
        kind: 'fixed',
        senderCompId: options.senderCompId ?? DEFAULT_DYNAMIC_COMP_ID,
        targetCompId: c.senderCompId,
        account: String(c.account),
        resetOnLogon: c.resetOnLogon,
        cancelOnDisconnectDefault: c.cancelOnDisconnect,
        maxHeartBtIntSec: c.maxHeartBtIntSec,
      }),
    ),
  ];
}

/**
 * The FIX acceptor on its own port: dynamic sessions, the signed Logon against the API keys (an
 * unrevoked key with the trade scope and an account), orders through the server's Trading.
 */
export async function startFixGateway(options: FixGatewayOptions): Promise<FixGateway> {
  const dictionary = loadFixDictionary(options.dictionary);
  addKapitaLogonFields(dictionary);
  const marketData = new FixMarketData({
    venue: options.venue,
    instruments: options.instruments,
    history: options.history,
    now: options.now,
    ...(options.limits?.maxMessageBytes === undefined ? {} : { maxMessageBytes: options.limits.maxMessageBytes }),
  });
  // The acceptor needs the application and the application reopens the acceptor's sessions after a
  // restart: the reference is filled in once the acceptor has started, before any traffic.
  const started: { acceptor?: FixAcceptor } = {};
  // One group for the stores and the order log: a turn's reports and their order records share a flush.
  const syncGroup = options.fsync === true ? new FileSyncGroup() : undefined;
  const application = new FixOrderApplication({
    port: venuePort(options),
    instruments: options.instruments,
    now: options.now,
    marketData,
    orderLog: { path: join(options.storeDir, 'orders.jsonl'), fsync: syncGroup !== undefined, ...(syncGroup === undefined ? {} : { syncGroup }) },
    reopenSession: (key, account, targetCompId) => {
      const session = started.acceptor?.session(key) ?? started.acceptor?.reopenDynamic(account, targetCompId);
      return session?.key === key ? session : undefined;
    },
    ...(options.warn === undefined ? {} : { warn: options.warn }),
  });
  // Market data is its own consumer, after the reports (dispatch.ts): a command's execution reports
  // leave before its market data, and a failure in one never makes the other miss a command.
  options.venue.dispatch.on('marketData', 'fix market data', (outcome) => {
    marketData.observe(outcome);
  });
  const edge = options.edge === undefined ? undefined : fixEdge(options.edge);
  const acceptor = await FixAcceptor.start({
    port: options.port,
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.tls === undefined ? {} : { tls: options.tls }),
    dictionary,
    profiles: profilesOf(options),
    authenticate: logonAuthenticator(options),
    ...(edge === undefined ? {} : { edge }),
    application,
    storeDir: options.storeDir,
    ...(syncGroup === undefined ? {} : { fsync: true, syncGroup }),
    now: options.now,
    ...(options.limits === undefined ? {} : { limits: options.limits }),
    ...(options.onEvent === undefined ? {} : { onEvent: options.onEvent }),
  }).catch((error: unknown) => {
    application.close(); // the port is taken, say: no file stays open behind a failed start
    throw error;
  });
  started.acceptor = acceptor;
  application.sendCatchUp();
  // A revoked or rotated key logs its sessions out.
  options.keys.onRevoked((key) => {
    for (const session of acceptor.sessions()) {
      if (session.credential === key.keyId && session.isLoggedOn) session.logout(key.revokedAt === undefined ? 'API key rotated' : 'API key revoked');
    }
  });
  return {
    acceptor,
    application,
    marketData,
    port: acceptor.port,
    syncGroup,
    close: async () => {
      await acceptor.close();
      application.close();
    },
  };
}
