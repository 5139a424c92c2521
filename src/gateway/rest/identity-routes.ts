// People and keys over REST: sign-in with a password and a second factor, enrolment of second
// factors, sessions with rotating refresh tokens, the users venue admins create, API key management
// (list, create with scopes and allow-lists, rotate, revoke) and the public signing keys (JWKS).
//
// Sign-in is two steps. POST /v1/auth/login checks the password and answers with a short-lived
// ticket: `mfa` (with the security-key challenge when the user has keys) or, for a user with no
// second factor yet, `enroll`, which lets the user enrol one and nothing else. POST /v1/auth/mfa
// trades the ticket and a second factor (security key, TOTP code or recovery code) for a 60-second
// access token and a refresh token. A ticket allows five attempts and lives five minutes.
//
// Every failure is an AuthError: the server's error handler counts it towards the address's ban.
// Every scrypt of request input (sign-in, user creation) goes through one HashGate, which refuses
// at once, before any hashing, past its in-flight limits or an address's failure bucket.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ResultCode, resultCodeName } from '../../domain/result-codes.js';
import type { EdgeGuard } from '../../security/edge.js';
import { HashGate, HashGateRefusal } from '../../auth/hash-gate.js';
import { authenticationOptions, MfaError, newRecoveryCodes, newTotpSecret, type RelyingParty, registrationOptions, useRecoveryCode, verifyAuthentication, verifyRegistration, verifyTotp } from '../../auth/mfa.js';
import type { SessionStore } from '../../auth/sessions.js';
import { passwordProblem, type Role, ROLES, ROLE_SCOPES, type Scope, SCOPES, type User, type UserStore } from '../../auth/users.js';
import { type ApiKey, allowListProblem, AuthError, type KeyStore, type Principal, type TokenService } from '../../auth/auth.js';
import { fail, jsonObject } from '../../venue/errors.js';
import type { SecuritySettings } from '../../server/venue-config.js';
import { apiError } from './views.js';

export interface IdentityDeps {
  readonly keys: KeyStore;
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly tokens: TokenService;
  readonly edge: EdgeGuard;
  readonly security: SecuritySettings;
  readonly principal: (request: FastifyRequest) => Promise<Principal>;
  readonly staff: (request: FastifyRequest, scope: 'risk' | 'admin') => Promise<Principal>;
  readonly accountParam: (text: string) => number;
  readonly now: () => number;
  /** Counts an authentication attempt by method and result (metrics). */
  readonly attempt?: (method: string, result: string) => void;
}

const TICKET_MS = 5 * 60_000;
const TICKET_ATTEMPTS = 5;
/** Tickets outstanding at once; past this, expired ones are swept and then the oldest dropped. */
const TICKETS_KEPT = 10_000;

interface Ticket {
  readonly userId: string;
  readonly kind: 'mfa' | 'enroll';
  readonly expiresAtMs: number;
  attempts: number;
  /** The WebAuthn authentication challenge, used once. */
  challenge: string | undefined;
}

type Body = Record<string, unknown>;

function bodyOf(request: FastifyRequest): Body {
  return jsonObject(request.body);
}

function str(body: Body, field: string, min = 1, max = 256): string {
  const value = body[field];
  if (typeof value !== 'string' || value.length < min || value.length > max) fail(ResultCode.INVALID_REQUEST, `${field} must be a string of ${min} to ${max} characters`);
  return value;
}

function keyView(key: ApiKey): Record<string, unknown> {
  return { keyId: key.keyId, accountId: key.accountId, name: key.name, scopes: key.scopes, ipAllowList: key.ipAllowList, createdAt: key.createdAt, rotatedAt: key.rotatedAt, revokedAt: key.revokedAt };
}

function userView(user: User): Record<string, unknown> {
  return {
    userId: user.id,
    username: user.username,
    accountId: user.accountId,
    role: user.role,
    scopes: ROLE_SCOPES[user.role],
    securityKeys: user.credentials.map((c) => ({ id: c.id, name: c.name, createdAt: c.createdAt })),
    totp: user.totp !== undefined,
    recoveryCodesLeft: user.recoveryHashes.length,
    disabled: user.disabled === true,
    createdAt: user.createdAt,
  };
}

/**
 * Runs `work` (which hashes through the gate); a refusal by the gate is answered here, with its
 * status and Retry-After, and counted (`refused`, with the code's name: the metrics' result label).
 */
async function gated<T>(reply: FastifyReply, work: () => Promise<T>, refused: (result: string) => void): Promise<T | FastifyReply> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof HashGateRefusal)) throw error;
    refused(resultCodeName(error.code));
    return reply.status(error.status).header('retry-after', String(error.retryAfterSeconds)).send(apiError(error.code, error.message));
  }
}

/** The state sign-in and enrolment share: tickets, pending security-key registrations, the hash gate. */
class Flow {
  readonly gate: HashGate;
  readonly rp: RelyingParty;
  readonly attempt: (method: string, result: string) => void;
  readonly tickets = new Map<string, Ticket>();
  /** userId → the pending security-key registration challenge. */
  readonly registrations = new Map<string, { challenge: string; expiresAtMs: number }>();

  constructor(readonly deps: IdentityDeps) {
    const security = deps.security;
    this.gate = new HashGate({ venueWide: security.passwordHashesInFlight, perAddress: security.passwordHashesInFlightPerAddress, failuresPerMinute: security.passwordFailuresPerMinute, failureBurst: security.passwordFailureBurst }, deps.now);
    this.rp = { id: security.webauthn.rpId, name: security.webauthn.rpName, origins: [...security.webauthn.origins] };
    this.attempt = deps.attempt ?? (() => undefined);
  }

  newTicket(user: User, kind: Ticket['kind'], challenge: string | undefined): string {
    const at = this.deps.now();
    if (this.tickets.size >= TICKETS_KEPT) {
      for (const [id, t] of this.tickets) if (t.expiresAtMs <= at) this.tickets.delete(id);
      // Still full: the oldest goes (Map keeps insertion order).
      for (const id of this.tickets.keys()) {
        if (this.tickets.size < TICKETS_KEPT) break;
        this.tickets.delete(id);
      }
    }
    const id = randomBytes(24).toString('base64url');
    this.tickets.set(id, { userId: user.id, kind, expiresAtMs: at + TICKET_MS, attempts: 0, challenge });
    return id;
  }
  ticketOf(id: unknown, kind: Ticket['kind']): { ticket: Ticket; user: User; id: string } {
    const ticket = typeof id === 'string' ? this.tickets.get(id) : undefined;
    const user = ticket === undefined ? undefined : this.deps.users.get(ticket.userId);
    if (ticket === undefined || ticket.kind !== kind || user === undefined || user.disabled === true || ticket.expiresAtMs <= this.deps.now()) {
      if (typeof id === 'string') this.tickets.delete(id);
      throw new AuthError(ResultCode.UNAUTHENTICATED, `no live ${kind} ticket: sign in again`);
    }
    return { ticket, user, id: id as string };
  }
  /** Starts a session for a fully signed-in user. */
  async signedIn(user: User): Promise<Record<string, unknown>> {
    const { session, refreshToken } = this.deps.sessions.start(user.id, user.accountId, this.deps.now(), this.deps.security.sessionHours * 3_600_000, this.deps.security.sessionsPerUser);
    // Answered once the session is on disk (the journal's fsync runs off the main thread).
    await this.deps.sessions.flushed();
    const access = await this.deps.tokens.userToken(user, session.id);
    return { accessToken: access.token, expiresAt: access.expiresAt, refreshToken, sessionExpiresAt: session.expiresAtMs, sessionId: session.id, accountId: user.accountId, role: user.role, scopes: ROLE_SCOPES[user.role] };
  }
  /** The user enrolling a factor: by an enroll ticket (first factor) or by the user's own session. */
  async enrolling(request: FastifyRequest): Promise<User> {
    const body = (request.body ?? {}) as Body;
    if (typeof body['enrollToken'] === 'string') {
      const { user, id } = this.ticketOf(body['enrollToken'], 'enroll');
      // (Fixed.) An enrol ticket comes from the password alone and is for the first factor only: once
      // the user has one, the ticket's remaining minutes must not let a password holder add a key
      // of their own. Further factors are added from a session signed in with a second factor.
      if (this.deps.users.hasMfa(user)) {
        this.tickets.delete(id);
        throw new AuthError(ResultCode.MFA_REQUIRED, 'a second factor is enrolled: sign in with it to add another');
      }
      return user;
    }
    const who = await this.deps.principal(request);
    const user = who.kind === 'user' ? this.deps.users.get(who.subject) : undefined;
    if (user === undefined) fail(ResultCode.FORBIDDEN, 'second factors belong to people: sign in as a user');
    return user;
  }
  /** Recovery codes for a user's first factor (later factors keep the codes they have). */
  firstFactorCodes(user: User, hadMfa: boolean): string[] | undefined {
    if (hadMfa) return undefined;
    const { codes, hashes } = newRecoveryCodes();
    user.recoveryHashes = hashes;
    return codes;
  }

  /** The answer to a password sign-in once the password has been checked. */
  async signIn(user: User | undefined): Promise<Record<string, unknown>> {
    if (user === undefined) {
      this.attempt('password', 'BAD_CREDENTIALS');
      throw new AuthError(ResultCode.BAD_CREDENTIALS, 'unknown user or wrong password');
    }
    this.attempt('password', 'ok');
    if (!this.deps.users.hasMfa(user)) {
      return { next: 'enroll', enrollToken: this.newTicket(user, 'enroll', undefined), expiresAt: this.deps.now() + TICKET_MS, message: 'enrol a security key or TOTP, then sign in again' };
    }
    const methods = [...(user.credentials.length > 0 ? ['webauthn'] : []), ...(user.totp === undefined ? [] : ['totp']), ...(user.recoveryHashes.length > 0 ? ['recovery'] : [])];
    const webauthn = user.credentials.length > 0 ? await authenticationOptions(this.rp, user.credentials) : undefined;
    return { next: 'mfa', mfaToken: this.newTicket(user, 'mfa', webauthn?.challenge), expiresAt: this.deps.now() + TICKET_MS, methods, ...(webauthn === undefined ? {} : { webauthn }) };
  }
}

function mfaFailure(error: unknown): never {
  if (error instanceof MfaError) throw new AuthError(ResultCode.BAD_MFA, error.message);
  throw error;
}

export function registerIdentityRoutes(app: FastifyInstance, deps: IdentityDeps): void {
  const flow = new Flow(deps);
  registerSigningKeyRoutes(app, flow);
  registerUserRoutes(app, flow);
  registerSignInRoutes(app, flow);
  registerSessionRoutes(app, flow);
  registerEnrolmentRoutes(app, flow);
  registerKeyRoutes(app, flow);
}

/** The public signing keys (JWKS) and their rotation by an admin. */
function registerSigningKeyRoutes(app: FastifyInstance, flow: Flow): void {
  const { tokens } = flow.deps;
  const deps = flow.deps;
  app.get('/.well-known/jwks.json', () => tokens.jwks());

  app.post('/v1/admin/token-keys/rotate', async (request) => {
    await deps.staff(request, 'admin');
    return { kid: await tokens.rotateSigningKey() };
  });
}

/** Users, made and disabled by venue admins. */
function registerUserRoutes(app: FastifyInstance, flow: Flow): void {
  const { users, sessions, now } = flow.deps;
  const deps = flow.deps;
  app.post('/v1/admin/users', async (request, reply) => {
    await deps.staff(request, 'admin');
    const body = bodyOf(request);
    const username = str(body, 'username', 3, 64);
    if (!/^[A-Za-z0-9._@-]+$/.test(username)) fail(ResultCode.INVALID_REQUEST, 'username may hold letters, digits and . _ @ - only');
    const password = str(body, 'password', 1, 256);
    const problem = passwordProblem(password);
    if (problem !== undefined) fail(ResultCode.INVALID_REQUEST, `password ${problem}`);
    const role = body['role'];
    if (typeof role !== 'string' || !ROLES.includes(role as Role)) fail(ResultCode.INVALID_REQUEST, `role must be one of ${ROLES.join(', ')}`);
    const staffRole = role === 'admin' || role === 'risk-officer';
    const rawAccount = body['accountId'];
    let accountId = 0;
    if (staffRole) {
      if (rawAccount !== undefined && rawAccount !== 0) fail(ResultCode.INVALID_REQUEST, `a ${role} is venue staff and belongs to no account`);
    } else {
      if (typeof rawAccount !== 'number') fail(ResultCode.INVALID_REQUEST, `a ${role} belongs to an account: give accountId`);
      accountId = deps.accountParam(String(rawAccount));
    }
    if (users.byUsername(username) !== undefined) fail(ResultCode.INVALID_REQUEST, `user ${username} exists`);
    return gated(reply, async () => {
      const user = await flow.gate.hash(request.ip, () => users.create(username, password, accountId, role as Role, new Date(now()).toISOString()));
      return reply.status(201).send(userView(user));
    }, (result) => {
      flow.attempt('user-creation', result);
    });
  });

  app.get('/v1/admin/users', async (request) => {
    await deps.staff(request, 'admin');
    return users.list().map(userView);
  });

  app.post<{ Params: { id: string } }>('/v1/admin/users/:id/disable', async (request) => {
    await deps.staff(request, 'admin');
    const user = users.get(request.params.id) ?? fail(ResultCode.INVALID_REQUEST, `no user ${request.params.id}`);
    user.disabled = true;
    users.update(user);
    const ended = sessions.revokeUser(user.id, 'user disabled', now());
    await sessions.flushed();
    return { ...userView(user), sessionsEnded: ended };
  });
}

/** Sign-in: the password, then a second factor. */
function registerSignInRoutes(app: FastifyInstance, flow: Flow): void {
  const { users, now } = flow.deps;
  app.post('/v1/auth/login', async (request, reply) => {
    const body = bodyOf(request);
    const username = str(body, 'username', 1, 64);
    const password = str(body, 'password', 1, 256);
    return gated(reply, async () => flow.signIn(await flow.gate.signIn(request.ip, () => users.authenticate(username, password), (user) => user !== undefined)), (result) => {
      flow.attempt('password', result);
    });
  });

  app.post('/v1/auth/mfa', async (request) => {
    const body = bodyOf(request);
    const { ticket, user, id } = flow.ticketOf(body['mfaToken'], 'mfa');
    ticket.attempts++;
    // The last allowed flow.attempt spends the ticket whatever its result.
    if (ticket.attempts >= TICKET_ATTEMPTS) flow.tickets.delete(id);
    const method = body['method'];
    try {
      if (method === 'totp') {
        if (user.totp === undefined) throw new AuthError(ResultCode.BAD_MFA, 'no TOTP is enrolled for this user');
        const result = verifyTotp(user.totp.secret, str(body, 'code', 1, 16), now(), user.totp.lastStep);
        if (!result.ok) throw new AuthError(result.reason === 'replayed' ? ResultCode.MFA_REPLAYED : ResultCode.BAD_MFA, `TOTP code ${result.reason}`);
        user.totp.lastStep = result.step;
      } else if (method === 'webauthn') {
        const challenge = ticket.challenge;
        if (challenge === undefined) throw new AuthError(ResultCode.BAD_MFA, 'no security-key challenge is outstanding: sign in again');
        // A challenge is good for one answer, right or wrong.
        ticket.challenge = undefined;
        const verified = await verifyAuthentication(flow.rp, challenge, body['response'], (credentialId) => user.credentials.find((c) => c.id === credentialId)).catch(mfaFailure);
        const credential = user.credentials.find((c) => c.id === verified.credentialId);
        if (credential === undefined) throw new Error('a verified credential vanished');
        credential.counter = verified.newCounter;
      } else if (method === 'recovery') {
        const index = useRecoveryCode(user.recoveryHashes, str(body, 'code', 1, 64));
        if (index < 0) throw new AuthError(ResultCode.BAD_MFA, 'not an unused recovery code');
        user.recoveryHashes.splice(index, 1);
      } else {
        fail(ResultCode.INVALID_REQUEST, 'method must be webauthn, totp or recovery');
      }
    } catch (error) {
      if (error instanceof AuthError) flow.attempt(String(method), error.code === ResultCode.MFA_REPLAYED ? 'MFA_REPLAYED' : 'BAD_MFA');
      throw error;
    }
    flow.attempt(method, 'ok');
    users.update(user);
    flow.tickets.delete(id);
    return flow.signedIn(user);
  });
}

/** Sessions: refresh, logout and the caller's own view. */
function registerSessionRoutes(app: FastifyInstance, flow: Flow): void {
  const { users, sessions, tokens, now } = flow.deps;
  const deps = flow.deps;
  app.post('/v1/auth/refresh', async (request) => {
    const token = str(bodyOf(request), 'refreshToken', 1, 256);
    const result = sessions.refresh(token, now());
    // The new generation (or the revocation for reuse) is on disk before the client hears of it.
    await sessions.flushed();
    if (!result.ok) {
      flow.attempt('refresh', result.reason);
      if (result.reason === 'reused') throw new AuthError(ResultCode.REFRESH_TOKEN_REUSED, 'this refresh token was already spent: the session is revoked, sign in again');
      if (result.reason === 'unknown') throw new AuthError(ResultCode.UNAUTHENTICATED, 'unknown refresh token');
      throw new AuthError(ResultCode.SESSION_REVOKED, `the session has ${result.reason === 'expired' ? 'expired' : 'been revoked'}: sign in again`);
    }
    const user = users.get(result.session.userId);
    if (user === undefined || user.disabled === true) throw new AuthError(ResultCode.SESSION_REVOKED, 'the user is disabled');
    flow.attempt('refresh', 'ok');
    const access = await tokens.userToken(user, result.session.id);
    return { accessToken: access.token, expiresAt: access.expiresAt, refreshToken: result.refreshToken, sessionExpiresAt: result.session.expiresAtMs, sessionId: result.session.id };
  });

  app.post('/v1/auth/logout', async (request) => {
    const body = (request.body ?? {}) as Body;
    let sessionId: string | undefined;
    if (typeof body['refreshToken'] === 'string') {
      // Revoking needs the token to be the session's current one or a spent one. (Fixed: only the
      // session id was read from the token and the rest never checked, so anyone who had seen an
      // access token, whose `sid` claim is that id, could end another person's session.)
      sessionId = sessions.holderOf(body['refreshToken'])?.id;
      if (sessionId === undefined) throw new AuthError(ResultCode.UNAUTHENTICATED, 'unknown refresh token');
    } else {
      const who = await deps.principal(request);
      if (who.sessionId === undefined) fail(ResultCode.INVALID_REQUEST, 'an API key has no session to end; revoke the key instead');
      sessionId = who.sessionId;
    }
    sessions.revoke(sessionId, 'logout', now());
    await sessions.flushed();
    return { sessionId, revoked: true };
  });

  app.get('/v1/me', async (request) => {
    const who = await deps.principal(request);
    if (who.kind === 'key') return { kind: 'key', keyId: who.subject, accountId: who.accountId, scopes: [...who.scopes] };
    const user = users.get(who.subject) ?? fail(ResultCode.UNAUTHENTICATED);
    return { kind: 'user', ...userView(user), sessions: sessions.list(user.id).map((s) => ({ sessionId: s.id, createdAt: new Date(s.createdAtMs).toISOString(), expiresAt: new Date(s.expiresAtMs).toISOString(), revokedAt: s.revokedAtMs === undefined ? undefined : new Date(s.revokedAtMs).toISOString(), revokedReason: s.revokedReason, current: s.id === who.sessionId })) };
  });
}

/** Enrolment of second factors (TOTP, security keys). */
function registerEnrolmentRoutes(app: FastifyInstance, flow: Flow): void {
  const { users, now } = flow.deps;
  app.post('/v1/me/mfa/totp', async (request) => {
    const user = await flow.enrolling(request);
    const secret = newTotpSecret();
    user.pendingTotp = secret.secretBase32;
    users.update(user);
    return { secret: secret.secretBase32, uri: secret.uri(user.username, flow.rp.name) };
  });

  app.post('/v1/me/mfa/totp/confirm', async (request) => {
    const user = await flow.enrolling(request);
    const pending = user.pendingTotp ?? fail(ResultCode.INVALID_REQUEST, 'start with POST /v1/me/mfa/totp');
    const result = verifyTotp(pending, str(bodyOf(request), 'code', 1, 16), now(), -1);
    if (!result.ok) throw new AuthError(ResultCode.BAD_MFA, `TOTP code ${result.reason}`);
    const hadMfa = users.hasMfa(user);
    user.totp = { secret: pending, lastStep: result.step };
    delete user.pendingTotp;
    const recoveryCodes = flow.firstFactorCodes(user, hadMfa);
    users.update(user);
    return { totp: true, ...(recoveryCodes === undefined ? {} : { recoveryCodes }) };
  });

  app.post('/v1/me/mfa/webauthn/options', async (request) => {
    const user = await flow.enrolling(request);
    const options = await registrationOptions(flow.rp, { id: user.id, name: user.username }, user.credentials);
    flow.registrations.set(user.id, { challenge: options.challenge, expiresAtMs: now() + TICKET_MS });
    return options;
  });

  app.post('/v1/me/mfa/webauthn', async (request) => {
    const user = await flow.enrolling(request);
    const body = bodyOf(request);
    const pending = flow.registrations.get(user.id);
    flow.registrations.delete(user.id);
    if (pending === undefined || pending.expiresAtMs <= now()) fail(ResultCode.INVALID_REQUEST, 'start with POST /v1/me/mfa/webauthn/options');
    const name = body['name'] === undefined ? undefined : str(body, 'name', 1, 64);
    const credential = await verifyRegistration(flow.rp, pending.challenge, body['response'], now(), name).catch(mfaFailure);
    if (users.list().some((u) => u.credentials.some((c) => c.id === credential.id))) fail(ResultCode.INVALID_REQUEST, 'this security key is already registered');
    const hadMfa = users.hasMfa(user);
    user.credentials.push(credential);
    const recoveryCodes = flow.firstFactorCodes(user, hadMfa);
    users.update(user);
    return { credentialId: credential.id, ...(recoveryCodes === undefined ? {} : { recoveryCodes }) };
  });
}

/** API key management: list, create, rotate, revoke. */
function registerKeyRoutes(app: FastifyInstance, flow: Flow): void {
  const { keys, now } = flow.deps;
  const deps = flow.deps;
  /**
   * Who may manage keys, and of which account: a trader (a person) for the own account, or an admin
   * for any. API keys cannot make keys unless they carry admin: a leaked trading key must not be
   * able to mint another.
   */
  const keyManager = async (request: FastifyRequest): Promise<{ who: Principal; accountId: number | undefined }> => {
    const who = await deps.principal(request);
    if (who.admin) return { who, accountId: undefined };
    if (who.kind === 'user' && who.scopes.has('trade') && who.accountId !== 0) return { who, accountId: who.accountId };
    fail(ResultCode.FORBIDDEN, 'keys are managed by the account’s traders (signed in as people) or by admins');
  };
  const managedKey = (accountId: number | undefined, keyId: string): ApiKey => {
    const key = keys.get(keyId);
    if (key === undefined || (accountId !== undefined && key.accountId !== accountId)) fail(ResultCode.UNKNOWN_KEY, `no API key ${keyId}`);
    return key;
  };

  app.get('/v1/keys', async (request) => {
    const { accountId } = await keyManager(request);
    return keys.list(accountId).map(keyView);
  });

  app.post('/v1/keys', async (request, reply) => {
    const { accountId: own } = await keyManager(request);
    const body = bodyOf(request);
    const name = str(body, 'name', 1, 64);
    let accountId = own;
    if (accountId === undefined) {
      const raw = body['accountId'];
      if (typeof raw !== 'number') fail(ResultCode.INVALID_REQUEST, 'accountId is required (0 for a venue key)');
      accountId = raw === 0 ? 0 : deps.accountParam(String(raw));
    } else if (body['accountId'] !== undefined && body['accountId'] !== accountId) {
      fail(ResultCode.FORBIDDEN, 'a trader makes keys for the own account only');
    }
    const scopes = body['scopes'] ?? ['read', 'trade'];
    if (!Array.isArray(scopes) || scopes.length === 0 || scopes.some((x) => typeof x !== 'string' || !SCOPES.includes(x as Scope))) fail(ResultCode.INVALID_REQUEST, `scopes must be a non-empty array of ${SCOPES.join(', ')}`);
    const allowed: readonly Scope[] = accountId === 0 ? ['read', 'risk', 'admin'] : ['read', 'trade'];
    for (const scope of scopes as Scope[]) if (!allowed.includes(scope)) fail(ResultCode.INVALID_REQUEST, `an ${accountId === 0 ? 'venue' : 'account'} key can carry ${allowed.join(', ')}, not ${scope}`);
    const ipAllowList = body['ipAllowList'] ?? [];
    if (!Array.isArray(ipAllowList) || ipAllowList.length > 64 || ipAllowList.some((x) => typeof x !== 'string')) fail(ResultCode.INVALID_REQUEST, 'ipAllowList must be an array of at most 64 addresses or CIDR blocks');
    for (const entry of ipAllowList as string[]) {
      const problem = allowListProblem(entry);
      if (problem !== undefined) fail(ResultCode.INVALID_REQUEST, `ipAllowList: ${problem}`);
    }
    const key = keys.issue({ accountId, scopes: scopes as Scope[], name, ipAllowList: ipAllowList as string[] }, new Date(now()).toISOString());
    return reply.status(201).send({ ...keyView(key), secret: key.secret });
  });

  app.post<{ Params: { id: string } }>('/v1/keys/:id/rotate', async (request) => {
    const { accountId } = await keyManager(request);
    const key = keys.rotate(managedKey(accountId, request.params.id).keyId, new Date(now()).toISOString());
    return { ...keyView(key), secret: key.secret };
  });

  app.delete<{ Params: { id: string } }>('/v1/keys/:id', async (request) => {
    const { accountId } = await keyManager(request);
    return keyView(keys.revoke(managedKey(accountId, request.params.id).keyId, new Date(now()).toISOString()));
  });
}
