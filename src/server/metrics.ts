// Prometheus metrics at GET /metrics (prom-client, text exposition format): commands by kind and
// result, rejects by code, the round trip from submit to durable answer, HTTP requests, ring depths,
// journal lag (sequenced but not yet durable), and the default Node.js process metrics.
import { createServer } from 'node:http';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { resultCodeName } from '../domain/result-codes.js';
import { CommandKind } from '../engine/command.js';
import { EventType, Field } from '../engine/event.js';
import type { EdgeGuard } from '../security/edge.js';
import type { CommandOutcome, Venue } from '../venue/venue.js';

const KIND_NAMES: Readonly<Record<number, string>> = Object.fromEntries(Object.entries(CommandKind).map(([name, kind]) => [kind, name.toLowerCase()]));

export class Metrics {
  readonly registry = new Registry();
  private readonly commands: Counter<'kind' | 'result'>;
  private readonly rejects: Counter<'code'>;
  readonly commandSeconds: Histogram<'kind'>;
  readonly httpSeconds: Histogram<'method' | 'route' | 'status'>;
  /** Refusals at the edge, by the limit that refused (connections, rates, bans). */
  readonly edgeRefused: Counter<'limit'>;
  /** Authentication attempts by method (key, password, totp, webauthn, recovery, refresh) and result. */
  readonly authAttempts: Counter<'method' | 'result'>;

  constructor(venue: Venue) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'kapita_process_' });
    this.commands = new Counter({ name: 'kapita_commands_total', help: 'Durable commands by kind and result (ok or the reject code name)', labelNames: ['kind', 'result'], registers });
    this.rejects = new Counter({ name: 'kapita_rejects_total', help: 'Rejected commands by numbered code', labelNames: ['code'], registers });
    this.commandSeconds = new Histogram({
      name: 'kapita_command_round_trip_seconds',
      help: 'From submitting a command to its durable answer, by command kind',
      labelNames: ['kind'],
      buckets: [0.00005, 0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.05, 0.25],
      registers,
    });
    this.edgeRefused = new Counter({ name: 'kapita_edge_refused_total', help: 'Connections, requests and messages refused at the edge, by limit', labelNames: ['limit'], registers });
    this.authAttempts = new Counter({ name: 'kapita_auth_attempts_total', help: 'Authentication attempts by method and result (ok or the code name)', labelNames: ['method', 'result'], registers });
    this.httpSeconds = new Histogram({
      name: 'kapita_http_request_seconds',
      help: 'HTTP request duration by method, route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.25, 1],
      registers,
    });
    new Gauge({
      name: 'kapita_ring_pending',
      help: 'Records waiting in a pipeline ring',
      labelNames: ['ring'],
      registers,
      collect() {
        const depths = venue.ringDepths;
        this.set({ ring: 'input' }, depths.input);
        this.set({ ring: 'output' }, depths.output);
      },
    });
    new Gauge({
      name: 'kapita_journal_lag_commands',
      help: 'Commands sequenced by the core and not yet durable',
      registers,
      collect() {
        this.set(Math.max(0, venue.coreSeq - venue.durableSeq));
      },
    });
    new Gauge({
      name: 'kapita_durable_seq',
      help: 'The highest durable seq',
      registers,
      collect() {
        this.set(venue.durableSeq);
      },
    });
    new Gauge({
      name: 'kapita_commands_in_flight',
      help: 'Commands submitted by this server and not yet answered',
      registers,
      collect() {
        this.set(venue.inFlight);
      },
    });
  }

  /** Counts one durable command from its events (a lone REJECTED first means the command was refused). */
  observe(outcome: CommandOutcome, kind: number): void {
    const events = outcome.engine.events;
    const name = KIND_NAMES[kind] ?? `kind_${kind}`;
    if (events.count > 0 && events.type(0) === EventType.REJECTED) {
      const code = events.field(0, Field.CODE);
      const codeName = resultCodeName(code);
      this.commands.inc({ kind: name, result: codeName });
      this.rejects.inc({ code: `${code} ${codeName}` });
    } else {
      this.commands.inc({ kind: name, result: 'ok' });
    }
  }

  /** Live TCP connections and banned-address count from the edge guard. */
  watchEdge(edge: EdgeGuard): void {
    new Gauge({
      name: 'kapita_edge_connections',
      help: 'Open TCP connections on the listener',
      registers: [this.registry],
      collect() {
        this.set(edge.openConnections);
      },
    });
  }

  kindName(kind: number): string {
    return KIND_NAMES[kind] ?? `kind_${kind}`;
  }
}

/**
 * The metrics alone, in plain HTTP on 127.0.0.1 (config `server.metricsPort`), for a scraper on the
 * same host: Prometheus cannot refresh a 60-second token, and the listener's /metrics needs one.
 * Only GET /metrics is answered; nothing off the machine can reach a loopback listener.
 */
export async function serveMetricsOnLoopback(registry: Registry, port: number): Promise<{ readonly port: number; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || (request.url ?? '').split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('only GET /metrics here\n');
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics failed\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address !== null ? address.port : port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
