// The FIX gateway's public face: what an embedding (the venue server, tools, tests) may use.
export { FixAcceptor, startFixAcceptor, fixedSessionKey, dynamicSessionKey, DEFAULT_ACCEPTOR_LIMITS } from './acceptor.js';
export type { FixAcceptorLimits, FixAcceptorOptions } from './acceptor.js';
export { FixEncoder, FixMessage, FrameDecoder, parseMessage, printable, DEFAULT_MAX_MESSAGE_BYTES, SOH } from './codec.js';
export type { FixField, FixValue, ParseError } from './codec.js';
export { FixDictionary, SpecDictionary, FieldType, loadFixDictionary, loadSpecDictionary } from './dictionary.js';
export type { DictionaryPaths, FieldDef, GroupDef, MessageDef } from './dictionary.js';
export { FixError, FixErrorCode } from './errors.js';
export { LOGON_NONCE_TAG, LOGON_REFUSAL, logonSignaturePayload, newLogonNonce, signLogon, signedLogonAuthenticator, verifyLogonSignature } from './logon-auth.js';
export type { ApiKeyRecord, LogonSignatureFields, SignedLogonOptions } from './logon-auth.js';
export { BusinessRejectReason, SessionRejectReason, businessRejectText, sessionRejectText } from './reasons.js';
export { CANCEL_ON_DISCONNECT_TAG, FixSession, addKapitaLogonFields } from './session.js';
export type { FixSessionOptions } from './session.js';
export { DEFAULT_DYNAMIC_COMP_ID, DEFAULT_SESSION_SETTINGS, acceptAnyLogon } from './session-types.js';
export type {
  FixApplication,
  FixAuthResult,
  FixAuthenticator,
  FixDisconnectInfo,
  FixDynamicProfile,
  FixEventListener,
  FixFixedProfile,
  FixLogonRequest,
  FixProfile,
  FixSessionHandle,
  FixSessionSettings,
  FixTransport,
} from './session-types.js';
export { FileFixStore, MemoryFixStore, fileStoreFactory, memoryStoreFactory } from './store.js';
export type { FixSessionStore, FixStoreFactory } from './store.js';
export { formatUtcTimestamp, parseUtcTimestamp } from './utc-time.js';
export { bodyUnits, validateMessage } from './validator.js';
export type { ValidationFailure } from './validator.js';
