// What anyone may read over REST (health, instruments, book, trades, candles) and the key sign-in.
import type { FastifyInstance } from 'fastify';
import { AuthError } from '../../auth/auth.js';
import { ResultCode, resultCodeName } from '../../domain/result-codes.js';
import { lotsToQuantity, ticksToPrice } from '../../domain/units.js';
import { Side } from '../../engine/command.js';
import { MINUTES_KEPT } from '../../marketdata/candles.js';
import { TRADES_KEPT } from '../../marketdata/history.js';
import { fail } from '../../venue/errors.js';
import { CANDLE_INTERVAL } from '../spellings.js';
import { bodyOf, queryInt, type RestContext } from './context.js';
import { text } from './parse.js';
import { candleView, tradeView } from './views.js';

export function registerPublicRoutes(app: FastifyInstance, ctx: RestContext, attempt: (method: string, result: string) => void): void {
  const { service } = ctx;
  const venue = service.venue;
  app.get('/v1/health', () => ({ status: venue.error === undefined ? 'ok' : 'failed', seq: venue.replica.sequence, durableSeq: venue.durableSeq }));
  app.get('/v1/instruments', () =>
    [...service.byId.values()].map((i) => {
      const risk = venue.replica.risk;
      const r = risk?.tables.instruments.find((x) => x.instrument.id === i.id);
      return {
        symbol: i.symbol,
        baseAsset: i.baseAsset,
        quoteAsset: i.quoteAsset,
        tickSize: i.tick.text,
        lotSize: i.lot.text,
        minPrice: ticksToPrice(i, i.minPriceTicks),
        maxPrice: ticksToPrice(i, i.maxPriceTicks),
        minQuantity: lotsToQuantity(i, i.minQuantityLots),
        maxQuantity: lotsToQuantity(i, i.maxQuantityLots),
        matching: i.matching,
        makerFeeBps: r?.makerBps ?? 0,
        takerFeeBps: r?.takerBps ?? 0,
        halted: risk?.isHalted(i.id) ?? false,
      };
    }),
  );
  app.get<{ Params: { symbol: string }; Querystring: { depth?: string } }>('/v1/book/:symbol', (request) => {
    const instrument = ctx.instrumentOf(request.params.symbol);
    const depth = queryInt(request.query.depth, 'depth', 20, 1000);
    const book = venue.replica.book(instrument.id);
    const side = (s: number): [string, string][] => book.levels(s, depth).map((l) => [ticksToPrice(instrument, l.priceTicks), lotsToQuantity(instrument, l.displayedLots)]);
    return { symbol: instrument.symbol, seq: venue.replica.sequence, bids: side(Side.BUY), asks: side(Side.SELL) };
  });
  app.get<{ Params: { symbol: string }; Querystring: { limit?: string } }>('/v1/trades/:symbol', (request) => {
    const instrument = ctx.instrumentOf(request.params.symbol);
    return ctx.history.recentTrades(instrument.id, queryInt(request.query.limit, 'limit', 100, TRADES_KEPT)).map((t) => tradeView(instrument, t));
  });
  app.get<{ Params: { symbol: string }; Querystring: { interval?: string; limit?: string } }>('/v1/candles/:symbol', (request) => {
    const instrument = ctx.instrumentOf(request.params.symbol);
    const interval = request.query.interval ?? '1m';
    const minutes = CANDLE_INTERVAL.fromRest(interval) ?? fail(ResultCode.INVALID_REQUEST, `${CANDLE_INTERVAL.restChoices()}; got "${interval}"`);
    return ctx.candles.candles(instrument.id, minutes, queryInt(request.query.limit, 'limit', 500, MINUTES_KEPT)).map((c) => candleView(instrument, c));
  });
  app.post('/v1/auth/token', async (request) => {
    const body = bodyOf(request);
    const timestamp = body['timestamp'];
    if (typeof timestamp !== 'number') fail(ResultCode.INVALID_REQUEST, 'timestamp must be a number (ms since the epoch)');
    const keyId = text(body, 'keyId', true) ?? '';
    const nonce = text(body, 'nonce', true) ?? '';
    if (nonce.length < 8 || nonce.length > 64) fail(ResultCode.INVALID_REQUEST, 'nonce must be 8 to 64 characters');
    try {
      const answer = await ctx.tokens.token(keyId, timestamp, nonce, text(body, 'signature', true) ?? '', request.ip);
      attempt('key', 'ok');
      return answer;
    } catch (error) {
      if (error instanceof AuthError) attempt('key', resultCodeName(error.code));
      throw error;
    }
  });
}
