// Venue staff over REST: accounts and deposits (admin), limits, kill switch and halt (risk).
import type { FastifyInstance } from 'fastify';
import { ResultCode } from '../../domain/result-codes.js';
import { MAX_DEPOSIT_ASSETS } from '../../engine/command.js';
import { limitKindByName } from '../../risk/limits.js';
import { fail } from '../../venue/errors.js';
import type { Result } from '../../venue/service.js';
import { bodyOf, type RestContext } from './context.js';
import { depositRequest, parseDeposits, text } from './parse.js';
import { accountView } from './views.js';

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) fail(result.code, result.message);
  return result.value;
}

function flag(value: unknown): boolean {
  if (typeof value !== 'boolean') fail(ResultCode.INVALID_FLAG, 'on must be true or false');
  return value;
}

export function registerAdminRoutes(app: FastifyInstance, ctx: RestContext): void {
  const { service } = ctx;
  app.post('/v1/admin/accounts', async (request, reply) => {
    const admin = await ctx.staff(request, 'admin');
    const body = bodyOf(request);
    const name = text(body, 'name', true) ?? '';
    const credits = parseDeposits(body['deposits'] ?? {}, ctx.assets);
    // Checked before the account exists (the core would refuse the deposit, after the account and key were made).
    if (credits.length > MAX_DEPOSIT_ASSETS) fail(ResultCode.INVALID_DEPOSIT_ASSETS, `a deposit credits at most ${MAX_DEPOSIT_ASSETS} assets`);
    const accountId = ctx.keys.allocateAccount();
    const key = ctx.keys.issue({ accountId, scopes: ['read', 'trade'], name, ipAllowList: [] }, new Date(ctx.now()).toISOString());
    const deposited = await service.deposit(admin, accountId, credits);
    if (!deposited.ok) fail(deposited.code, deposited.message ?? `deposit of ${credits.map((d) => d.text).join(', ')}`);
    return reply.status(201).send({ accountId, name, keyId: key.keyId, secret: key.secret });
  });
  app.post<{ Params: { id: string } }>('/v1/admin/accounts/:id/deposits', async (request) => {
    const admin = await ctx.staff(request, 'admin');
    const accountId = ctx.accountParam(request.params.id);
    const { credits, depositId } = depositRequest(bodyOf(request), ctx.assets);
    const result = await service.deposit(admin, accountId, credits, depositId);
    if (!result.ok) fail(result.code, result.message ?? `deposit of ${credits.map((d) => d.text).join(', ')}`);
    const { seq, replayed } = result.value;
    // A retry (same depositId) credits nothing: it says so and which seq applied the deposit.
    return { ...(accountView(service.venue.replica, accountId) as object), ...(depositId === undefined ? {} : { depositId, depositSeq: seq, replayed }) };
  });
  app.put<{ Params: { id: string } }>('/v1/admin/accounts/:id/limits', async (request) => {
    const actor = await ctx.staff(request, 'risk');
    const body = bodyOf(request);
    const kind = limitKindByName(text(body, 'limit', true) ?? '') ?? fail(ResultCode.INVALID_LIMIT, 'unknown limit name');
    const value = body['value'];
    if (typeof value !== 'number') fail(ResultCode.INVALID_LIMIT, 'value must be a number (-1 clears)');
    const symbol = text(body, 'symbol', false);
    const accountId = ctx.accountParam(request.params.id);
    valueOf(await service.setLimit(actor, { accountId, instrumentId: symbol === undefined ? 0 : ctx.instrumentOf(symbol).id, kind, value }));
    return { accountId, limit: body['limit'], value, symbol };
  });
  app.post<{ Params: { id: string } }>('/v1/admin/accounts/:id/kill-switch', async (request) => {
    const actor = await ctx.staff(request, 'risk');
    const on = flag(bodyOf(request)['on']);
    const accountId = ctx.accountParam(request.params.id);
    valueOf(await service.setKillSwitch(actor, accountId, on));
    return { accountId, killSwitch: on };
  });
  app.post<{ Params: { symbol: string } }>('/v1/admin/instruments/:symbol/halt', async (request) => {
    const actor = await ctx.staff(request, 'risk');
    const on = flag(bodyOf(request)['on']);
    const instrument = ctx.instrumentOf(request.params.symbol);
    valueOf(await service.setHalt(actor, instrument.id, on));
    return { symbol: instrument.symbol, halted: on };
  });
}
