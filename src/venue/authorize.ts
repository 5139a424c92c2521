// Authorization, in one place. Every gateway (REST, WebSocket, FIX) authenticates in its own way
// (a bearer token, an AuthRequest, a signed Logon) and gets a Principal; what that principal may do
// is decided here, by the trading and account functions they all call, never by a gateway. A rule
// checked in each gateway is a rule one of them forgets: WebSocket order entry once ignored scopes
// because only REST's route helper checked them (issue 13).
//
// - Order entry (place, amend, cancel, mass cancel) needs an account and the `trade` scope.
// - The account's own data needs an account and the `read` scope: REST's orders, fills and account,
//   the WebSocket's private channels (ORDERS, FILLS, BALANCES: they stream the whole account's
//   activity, from every gateway and key, not just the caller's own orders), and FIX status
//   requests about orders placed elsewhere.
// - Venue staff endpoints need `risk` or `admin` (checked by the REST staff helper: only REST has them).
import { ResultCode } from '../domain/result-codes.js';
import type { Principal, Scope } from '../auth/auth.js';
import { VenueError } from './errors.js';

/** What authorization looks at: the account a principal (or an API key) acts for and its scopes. */
export type Grant = Pick<Principal, 'accountId' | 'scopes'>;

/** What an account's caller is about to do, and the scope it needs. */
export type AccountAccess = 'trade' | 'read';

const NEEDS: Readonly<Record<AccountAccess, { readonly scope: Scope; readonly what: string }>> = {
  trade: { scope: 'trade', what: 'order entry' },
  read: { scope: 'read', what: "reading the account's orders, fills and balances" },
};

/**
 * Throws FORBIDDEN unless `who` acts for an account and holds the scope `access` needs. Returns the
 * account id, so a caller cannot use the principal's account without having asked.
 */
export function authorizeAccount(who: Grant, access: AccountAccess): number {
  const refusal = accountRefusal(who, access);
  if (refusal !== undefined) throw new VenueError(ResultCode.FORBIDDEN, refusal);
  return who.accountId;
}

/** Why `who` may not act on its account this way, or undefined when it may (for a FIX Logon's refusal text). */
export function accountRefusal(who: Grant, access: AccountAccess): string | undefined {
  const need = NEEDS[access];
  if (who.accountId === 0) return `a venue key or user has no account; ${need.what} needs an account key or user`;
  if (!who.scopes.has(need.scope)) return `${need.what} needs the ${need.scope} scope`;
  return undefined;
}
