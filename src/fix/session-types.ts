// The contracts between a FIX session and what embeds it: session settings and profiles, the
// authentication hook, the application, and the transport. No I/O here.
import type { FixMessage } from './codec.js';
import type { BusinessRejectReason } from './reasons.js';

/** How one session behaves. Defaults in DEFAULT_SESSION_SETTINGS follow QuickFIX's. */
export interface FixSessionSettings {
  readonly beginString: string;
  /** DefaultApplVerID (1137) we announce on Logon and in BusinessMessageReject: 9 = FIX 5.0 SP2. */
  readonly defaultApplVerId: string;
  /** Both sequence numbers back to 1 at every Logon (no resend across connections). */
  readonly resetOnLogon: boolean;
  readonly resetOnLogout: boolean;
  readonly resetOnDisconnect: boolean;
  /** Refuse messages whose SendingTime (52) is further than maxLatencyMs from our clock. */
  readonly checkLatency: boolean;
  readonly maxLatencyMs: number;
  /** After we send a Logout, how long we wait for theirs before closing. */
  readonly logoutTimeoutMs: number;
  /** Cancel-on-disconnect when the Logon does not say (tag 8013). */
  readonly cancelOnDisconnectDefault: boolean;
  /** Messages held while a gap is being resent; beyond it the session is closed. */
  readonly maxQueuedMessages: number;
  /** Largest HeartBtInt (108) a counterparty may ask for, in seconds. */
  readonly maxHeartBtIntSec: number;
}

export const DEFAULT_SESSION_SETTINGS: FixSessionSettings = {
  beginString: 'FIXT.1.1',
  defaultApplVerId: '9',
  resetOnLogon: false,
  resetOnLogout: false,
  resetOnDisconnect: false,
  checkLatency: true,
  maxLatencyMs: 120_000,
  logoutTimeoutMs: 2_000,
  cancelOnDisconnectDefault: false,
  maxQueuedMessages: 10_000,
  maxHeartBtIntSec: 3_600,
};

/** A counterparty known in advance: both CompIDs fixed, e.g. a member firm's drop copy. */
export interface FixFixedProfile extends Partial<FixSessionSettings> {
  readonly kind: 'fixed';
  /** Ours: the SenderCompID (49) we send, their TargetCompID (56). */
  readonly senderCompId: string;
  /** Theirs: the SenderCompID (49) they send. */
  readonly targetCompId: string;
  /** The account the session trades for: a Logon authenticated for another account is refused. */
  readonly account?: string;
}

/**
 * Any authenticated client: the session is keyed by (account from the authenticator, the
 * client's SenderCompID), so one account may run several sessions under different CompIDs and two
 * accounts may use the same CompID. The client addresses us as `senderCompId` (default KAPITA).
 */
export interface FixDynamicProfile extends Partial<FixSessionSettings> {
  readonly kind: 'dynamic';
  readonly senderCompId?: string;
}

export type FixProfile = FixFixedProfile | FixDynamicProfile;

export const DEFAULT_DYNAMIC_COMP_ID = 'KAPITA';

/** What the authenticator sees of a Logon. */
export interface FixLogonRequest {
  /** The client's SenderCompID (49). */
  readonly senderCompId: string;
  /** The CompID the client addressed (56): ours. */
  readonly targetCompId: string;
  /** Username (553): for Kapita, the API key. */
  readonly username: string | undefined;
  /** Password (554). */
  readonly password: string | undefined;
  /** RawData (96): for Kapita, base64 HMAC-SHA256 of 52, 35, 34, 49, 56 joined by SOH. */
  readonly rawData: string | undefined;
  readonly message: FixMessage;
  /** The client's IP address (no port): what allow-lists and bans are keyed by. */
  readonly remoteAddress: string;
}

export type FixAuthResult =
  | {
      readonly ok: true;
      /** The account the session trades for; keys dynamic sessions. */
      readonly account: string;
      /** Overrides the profile's default when the Logon carries no 8013. */
      readonly cancelOnDisconnect?: boolean;
      /** What the Logon authenticated with (for Kapita, the API key id), kept by the session it completes. */
      readonly credential?: string;
    }
  | { readonly ok: false; readonly reason: string };

/** Decides whether a Logon may proceed. A refusal is answered with a Logout carrying `reason`. */
export type FixAuthenticator = (request: FixLogonRequest) => FixAuthResult | Promise<FixAuthResult>;

/** Accepts every Logon, for the acceptance suite and local tools; never for a real venue. */
export const acceptAnyLogon: FixAuthenticator = (request) => ({ ok: true, account: request.senderCompId });

export interface FixDisconnectInfo {
  /** The Logon asked (8013=Y) or the profile defaults to cancelling this session's orders. */
  readonly cancelOnDisconnect: boolean;
  /** The counterparty sent a Logout before the connection ended. */
  readonly logoutReceived: boolean;
  /** We sent a Logout before the connection ended. */
  readonly logoutSent: boolean;
}

/** The session as the application sees it. */
export interface FixSessionHandle {
  readonly key: string;
  readonly account: string | undefined;
  readonly senderCompId: string;
  readonly targetCompId: string;
  readonly cancelOnDisconnect: boolean;
  /** The credential of the Logon that completed last (FixAuthResult.credential). */
  readonly credential: string | undefined;
  readonly isLoggedOn: boolean;
  /**
   * Sends an application message. Body fields go out in the order given (a NumInGroup field before
   * its entries); `header` may add routing fields (115, 128, 1128, ...), the session sets the rest.
   * Returns false when the message was dropped: not logged on and the session resets at Logon.
   */
  send(msgType: string, body: readonly (readonly [number, string | number])[], options?: { readonly header?: readonly (readonly [number, string | number])[] }): boolean;
  /** Answers `message` with a BusinessMessageReject (35=j). */
  businessReject(message: FixMessage, reason: BusinessRejectReason, text?: string, refTag?: number): void;
  /** Starts a Logout; the connection closes when theirs arrives or after logoutTimeoutMs. */
  logout(text?: string): void;
}

export interface FixApplication {
  onLogon?(session: FixSessionHandle): void;
  /**
   * A validated application message, in sequence. Called synchronously; the message is valid after
   * the call (it owns its bytes). To refuse it, call session.businessReject.
   */
  onMessage(session: FixSessionHandle, message: FixMessage): void;
  /** The connection of a logged-on session ended; see FixDisconnectInfo for cancel-on-disconnect. */
  onDisconnect?(session: FixSessionHandle, info: FixDisconnectInfo): void;
}

/** Bytes out and the end of the connection; the session never sees a socket. */
export interface FixTransport {
  write(bytes: Buffer): void;
  close(): void;
}

/** Diagnostics: garbled frames ignored, rejects, disconnect causes. */
export type FixEventListener = (sessionKey: string, text: string) => void;
