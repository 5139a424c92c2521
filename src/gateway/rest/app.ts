// The REST listener: fastify with the edge's connection and rate limits, security headers, the
// OpenAPI document, and one error handler that answers every VenueError with its code's HTTP
// status (src/domain/code-answers.ts).
import type { Socket } from 'node:net';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { AuthError, countsAsAuthFailure } from '../../auth/auth.js';
import { httpStatusOf } from '../../domain/code-answers.js';
import { ResultCode } from '../../domain/result-codes.js';
import { VenueError } from '../../domain/venue-error.js';
import type { EdgeGuard, EdgeLimits } from '../../security/edge.js';
import { OPENAPI_INFO, ROUTE_SCHEMAS } from '../../server/openapi.js';
import { apiError } from './views.js';

/** The largest request body the API reads (REQUEST_TOO_LARGE beyond). */
export const BODY_LIMIT_BYTES = 64 * 1024;

export interface RestAppOptions {
  readonly log: boolean;
  readonly limits: EdgeLimits;
  readonly edge: EdgeGuard;
  readonly https: object | undefined;
  readonly observe: (method: string, route: string, status: number, seconds: number) => void;
}

export async function restApp(options: RestAppOptions): Promise<FastifyInstance> {
  const { limits, edge } = options;
  // forceCloseConnections: a stop does not wait for idle keep-alive clients (in-flight requests still finish).
  // Schemas check shapes and types only, and never coerce or strip: values are the handlers' to refuse, with their codes.
  const app = Fastify({
    logger: options.log,
    bodyLimit: BODY_LIMIT_BYTES,
    forceCloseConnections: true,
    // A keep-alive connection idle this long is closed; a request must arrive whole within requestTimeout.
    keepAliveTimeout: limits.idleTimeoutMs,
    connectionTimeout: limits.idleTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    ...(options.https === undefined ? {} : { https: { ...options.https, handshakeTimeout: limits.handshakeTimeoutMs } }),
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false } },
  });
  // Slow headers (slowloris) are cut off after the handshake timeout.
  app.server.headersTimeout = limits.handshakeTimeoutMs;
  // The connection caps act on the TCP connection before any TLS or HTTP: there is no protocol yet to
  // answer in, so a refused connection is closed at once (and counted). The edge releases the
  // connection when the socket closes; a request or upgrade finds it by its socket to mark it authenticated.
  app.server.on('connection', (socket: Socket) => {
    if (edge.admitSocket(socket, 'public') === undefined) socket.destroy();
  });
  app.addHook('onRequest', (request, _reply, done) => {
    try {
      edge.request(request.ip);
      done();
    } catch (error) {
      done(error as Error);
    }
  });
  securityHeaders(app, options.https !== undefined);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const schema = ROUTE_SCHEMAS[`${methods[0] ?? ''} ${route.url}`];
    if (schema !== undefined && route.schema === undefined) route.schema = schema;
  });
  await app.register(fastifySwagger, { openapi: OPENAPI_INFO });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  errorHandler(app, edge);
  app.addHook('onResponse', (request, reply, done) => {
    options.observe(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  app.get('/v1/openapi.json', { schema: { hide: true } }, () => app.swagger());
  app.setNotFoundHandler((request, reply) => reply.status(404).send(apiError(ResultCode.INVALID_REQUEST, `no route ${request.method} ${request.url}`)));
  return app;
}

/**
 * On every answer. The API answers JSON only: nothing may frame it, sniff it or run script from
 * it, and no answer is cached. The docs page needs its own script and style.
 */
function securityHeaders(app: FastifyInstance, tls: boolean): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    if (tls) void reply.header('strict-transport-security', 'max-age=31536000');
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('x-frame-options', 'DENY');
    void reply.header('referrer-policy', 'no-referrer');
    void reply.header('cross-origin-resource-policy', 'same-origin');
    if (request.url.startsWith('/docs')) {
      void reply.header('content-security-policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
    } else {
      void reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
      void reply.header('cache-control', 'no-store');
    }
    done(null, payload);
  });
}

function errorHandler(app: FastifyInstance, edge: EdgeGuard): void {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof VenueError) {
      // A failed authentication counts towards the address's ban; a banned address loses its
      // keep-alive connections too (new ones are refused at accept).
      if (error instanceof AuthError && countsAsAuthFailure(error.code)) edge.strike(request.ip);
      if (error.code === ResultCode.BANNED) void reply.header('connection', 'close');
      return reply.status(httpStatusOf(error.code)).send(apiError(error.code, error.message));
    }
    if ((error as { code?: unknown }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      // Answered, not cut: the connection stays open while Node reads and drops the rest of the body
      // (a close now would reset the connection and lose this answer in the client's buffer). The
      // request timeout still bounds how long a client may keep sending.
      return reply.status(413).send(apiError(ResultCode.REQUEST_TOO_LARGE, `the body (${request.headers['content-length'] ?? 'chunked'} bytes) is over the ${BODY_LIMIT_BYTES / 1024} KiB limit`));
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== undefined && status >= 400 && status < 500) return reply.status(400).send(apiError(ResultCode.INVALID_REQUEST, error instanceof Error ? error.message : String(error)));
    app.log.error(error);
    return reply.status(500).send(apiError(ResultCode.INTERNAL_ERROR));
  });
}
