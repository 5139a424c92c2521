// What every REST route module shares: the venue service, who is calling, and the answers' shapes.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { KeyStore, Principal, TokenService } from '../../auth/auth.js';
import { httpStatusOf } from '../../domain/code-answers.js';
import type { Instrument } from '../../domain/instrument.js';
import { ResultCode } from '../../domain/result-codes.js';
import type { History } from '../../marketdata/history.js';
import type { Candles } from '../../marketdata/candles.js';
import type { AssetInfo } from '../../risk/risk-config.js';
import type { EdgeGuard } from '../../security/edge.js';
import { authorizeAccount } from '../../venue/authorize.js';
import { fail, jsonObject } from '../../venue/errors.js';
import { type Failure, staffOnly, type VenueService } from '../../venue/service.js';
import type { Body } from './parse.js';
import { apiError } from './views.js';

export interface RestContext {
  readonly service: VenueService;
  readonly tokens: TokenService;
  readonly keys: KeyStore;
  readonly edge: EdgeGuard;
  readonly history: History;
  readonly candles: Candles;
  readonly assets: ReadonlyMap<string, AssetInfo>;
  readonly now: () => number;
  /** The caller of a request with a bearer token. */
  readonly principal: (request: FastifyRequest) => Promise<Principal>;
  /** An account's caller reading its own data (read scope). */
  readonly reader: (request: FastifyRequest) => Promise<Principal>;
  /** Venue staff: risk or admin. */
  readonly staff: (request: FastifyRequest, scope: 'risk' | 'admin') => Promise<Principal>;
  readonly instrumentOf: (symbol: string) => Instrument;
  /** An account id in a path: decimal digits only, and an account this server has issued. */
  readonly accountParam: (text: string) => number;
}

export function restContext(deps: Omit<RestContext, 'principal' | 'reader' | 'staff' | 'instrumentOf' | 'accountParam'>): RestContext {
  const principal = async (request: FastifyRequest): Promise<Principal> => {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ') !== true) fail(ResultCode.UNAUTHENTICATED);
    const who = await deps.tokens.verify(header.slice('Bearer '.length), request.ip);
    // A keep-alive connection that has carried a valid token leaves the unauthenticated pool.
    deps.edge.authenticatedSocket(request.raw.socket);
    deps.edge.accountRequest(who.accountId);
    return who;
  };
  return {
    ...deps,
    principal,
    reader: async (request) => {
      const who = await principal(request);
      authorizeAccount(who, 'read');
      return who;
    },
    staff: async (request, scope) => {
      const who = await principal(request);
      staffOnly(who, scope);
      return who;
    },
    instrumentOf: (symbol) => deps.service.bySymbol.get(symbol) ?? fail(ResultCode.UNKNOWN_INSTRUMENT, `no instrument ${symbol}`),
    accountParam: (text) => {
      const id = /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : 0;
      if (id === 0 || !deps.keys.isIssued(id)) fail(ResultCode.INVALID_ACCOUNT, `no account ${text}`);
      return id;
    },
  };
}

export function bodyOf(request: FastifyRequest): Body {
  return jsonObject(request.body);
}

/** A refusal as REST answers it: the code's status (code-answers.ts) and {error}. */
export function sendFailure(reply: FastifyReply, failure: Failure, extra: Record<string, unknown> = {}): FastifyReply {
  return reply.status(httpStatusOf(failure.code)).send({ ...apiError(failure.code, failure.message), ...extra });
}

/** A query integer in 1..max, or INVALID_REQUEST naming the parameter. */
export function queryInt(value: string | undefined, name: string, fallback: number, max: number): number {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) fail(ResultCode.INVALID_REQUEST, `${name} must be an integer in 1..${max}`);
  return n;
}
