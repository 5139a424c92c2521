// Order entry and the account's own orders and fills over REST: bodies parsed at this edge
// (parse.ts), carried out by the venue service, answered from its facts (views.ts).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Principal } from '../../auth/auth.js';
import { httpStatusOf } from '../../domain/code-answers.js';
import { ResultCode } from '../../domain/result-codes.js';
import { apiError } from './views.js';
import { fail } from '../../venue/errors.js';
import { FILLS_KEPT } from '../../marketdata/history.js';
import { bodyOf, queryInt, type RestContext, sendFailure } from './context.js';
import { amendRequest, type Body, placeRequest } from './parse.js';
import { accountFillView, accountView, type OrderResponse, orderView } from './views.js';
import type { OrderFacts, OrderReport } from '../../venue/order-state.js';
import { SIDE } from '../spellings.js';

/**
 * REST's order entry as functions of (principal, body) → {status, body}: what the routes answer.
 * The FIX gateway still enters orders through these (a follow-up moves it onto the service).
 */
export interface RestTrading {
  placeOrder(who: Principal, body: Body): Promise<{ status: number; body: unknown }>;
  cancelOrder(who: Principal, orderId: number): Promise<{ orderId: number; status: 'cancelled' }>;
  amendOrder(who: Principal, orderId: number, body: Body): Promise<OrderResponse>;
  cancelAll(who: Promise<Principal> | Principal, symbol: string | undefined, side?: string): Promise<{ cancelled: number[] }>;
}

export function restTrading(ctx: RestContext): RestTrading {
  const { service } = ctx;
  const view = (order: OrderFacts, reports: readonly OrderReport[] = []): OrderResponse => orderView(service.venue.replica, service.instrument(order.instrumentId), order, reports);
  return {
    placeOrder: async (who, body) => {
      const result = await service.place(who, placeRequest(body, ctx.instrumentOf, (i) => ctx.assets.get(i.quoteAsset)));
      if (result.ok) return { status: result.value.created ? 201 : 200, body: view(result.value.order, result.value.reports) };
      const extra = result.order !== undefined ? { order: view(result.order) } : result.original !== undefined ? { original: apiError(result.original).error } : {};
      return { status: httpStatusOf(result.code), body: { ...apiError(result.code, result.message), ...extra } };
    },
    cancelOrder: async (who, orderId) => {
      const result = await service.cancel(who, orderId);
      if (!result.ok) fail(result.code, result.message);
      return { orderId, status: 'cancelled' };
    },
    amendOrder: async (who, orderId, body) => {
      const before = service.ownOpenOrder(who, orderId, 'trade');
      const result = await service.amend(who, orderId, amendRequest(body, service.instrument(before.instrumentId)));
      if (!result.ok) fail(result.code, result.message);
      return view(result.value.order, result.value.reports);
    },
    cancelAll: async (whoOrPromise, symbol, side) => {
      const who = await whoOrPromise;
      const sideValue = side === undefined ? 0 : (SIDE.fromRest(side) ?? fail(ResultCode.INVALID_SIDE, `${SIDE.restChoices()}; got "${side}"`));
      const result = await service.cancelAll(who, symbol === undefined ? 0 : ctx.instrumentOf(symbol).id, sideValue);
      if (!result.ok) fail(result.code, result.message);
      return result.value;
    },
  };
}



export function registerTradingRoutes(app: FastifyInstance, ctx: RestContext, trading: RestTrading): void {
  const { service } = ctx;
  app.post('/v1/orders', async (request, reply: FastifyReply) => {
    const result = await trading.placeOrder(await ctx.principal(request), bodyOf(request));
    return reply.status(result.status).send(result.body);
  });
  app.get<{ Params: { id: string } }>('/v1/orders/:id', async (request, reply) => {
    const result = service.order(await ctx.reader(request), Number(request.params.id));
    return result.ok ? orderView(service.venue.replica, service.instrument(result.value.instrumentId), result.value) : sendFailure(reply, result);
  });
  app.get<{ Querystring: { symbol?: string; status?: string } }>('/v1/orders', async (request) => {
    const who = await ctx.reader(request);
    const only = request.query.symbol === undefined ? undefined : ctx.instrumentOf(request.query.symbol).id;
    const status = request.query.status ?? 'open';
    if (status !== 'open' && status !== 'closed') fail(ResultCode.INVALID_REQUEST, 'status must be open or closed');
    const orders = status === 'closed' ? ctx.history.closedOrders(who.accountId, only) : service.openOrders(who, only);
    return orders.map((o) => orderView(service.venue.replica, service.instrument(o.instrumentId), o));
  });
  app.delete<{ Params: { id: string } }>('/v1/orders/:id', async (request) => trading.cancelOrder(await ctx.principal(request), Number(request.params.id)));
  app.delete<{ Querystring: { symbol?: string; side?: string } }>('/v1/orders', async (request) => trading.cancelAll(ctx.principal(request), request.query.symbol, request.query.side));
  app.patch<{ Params: { id: string } }>('/v1/orders/:id', async (request) => trading.amendOrder(await ctx.principal(request), Number(request.params.id), bodyOf(request)));
  app.get<{ Querystring: { symbol?: string; limit?: string } }>('/v1/fills', async (request) => {
    const who = await ctx.reader(request);
    const only = request.query.symbol === undefined ? undefined : ctx.instrumentOf(request.query.symbol).id;
    const limit = queryInt(request.query.limit, 'limit', 100, FILLS_KEPT);
    return ctx.history.accountFills(who.accountId, only, limit).map((f) => accountFillView(service.venue.replica, service.instrument(f.order.instrumentId), f));
  });
  app.get('/v1/account', async (request) => accountView(service.venue.replica, (await ctx.reader(request)).accountId));
}
