// Runs one QuickFIX acceptance script (.def) against an acceptor over TCP, as QuickFIX's own Ruby
// runner does (test/Reflector.rb, ReflectorClient.rb, FixParser.rb, Comparator.rb in the
// quickfix repository): the same <TIME> substitution, the same "add 9 and 10 where missing" rule
// (kept faithfully, quirks included), the same framing of what the acceptor sends, and the same
// field-by-field comparison with the fields.fmt patterns. Each expectation waits up to 10 s.
import { connect, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';

const SOH = '\x01';
export const EXPECT_TIMEOUT_MS = 10_000;

export interface ScriptFailure {
  readonly line: number;
  readonly source: string;
  readonly reason: string;
  readonly expected?: string;
  readonly received?: string;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function utc(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}-${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Reflector#timify!: <TIME> and <TIME+N>/<TIME-N> as UTC YYYYMMDD-HH:MM:SS. */
export function timify(message: string, nowMs: number): string {
  return message.replaceAll('<TIME>', utc(nowMs)).replace(/<TIME([+-])(\d+)>/g, (_m, sign: string, seconds: string) => utc(nowMs + (sign === '+' ? 1 : -1) * Number(seconds) * 1000));
}

function byteSum(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i);
  return sum % 256;
}

/**
 * Reflector#fixify!: BodyLength only if the line has none, CheckSum only if it has none. The Ruby
 * regular expressions (/\x019=.*?\x01/, /^8=.*?\x01/, /\x0110=.*\x01$/) spelled out with indexOf.
 */
export function fixify(message: string): string {
  const lengthAt = message.indexOf(`${SOH}9=`);
  const hasLength = lengthAt >= 0 && message.indexOf(SOH, lengthAt + 3) >= 0;
  const headEnd = message.startsWith('8=') ? message.indexOf(SOH) : -1;
  if (headEnd < 0) return message;
  const head = message.slice(0, headEnd + 1);
  let rest = message.slice(headEnd + 1);
  const checksumAt = rest.endsWith(SOH) ? rest.indexOf(`${SOH}10=`) : -1;
  let checksum: string | undefined;
  if (checksumAt >= 0) {
    checksum = rest.slice(checksumAt);
    rest = rest.slice(0, checksumAt);
  }
  const length = hasLength ? '' : `9=${rest.length}${SOH}`;
  checksum ??= `10=${pad(byteSum(head + length + rest), 3)}${SOH}`;
  return head + length + rest + checksum;
}

export type Patterns = ReadonlyMap<string, RegExp>;

export function readPatterns(text: string): Patterns {
  const patterns = new Map<string, RegExp>();
  for (const line of text.split('\n')) {
    const trimmed = line.replace(/\r$/, '');
    const equals = trimmed.indexOf('=');
    if (equals <= 0) continue;
    patterns.set(trimmed.slice(0, equals), new RegExp(trimmed.slice(equals + 1)));
  }
  return patterns;
}

/** Comparator#compare: same number of fields, same tags in order, values equal or matching the pattern. */
export function compareMessages(expected: string, received: string, patterns: Patterns): string | null {
  const left = expected.split(SOH).filter((field, i, all) => field !== '' || i < all.length - 1);
  const right = received.split(SOH).filter((field, i, all) => field !== '' || i < all.length - 1);
  if (left.length !== right.length) return 'Number of fields do not match';
  for (let i = 0; i < left.length; i++) {
    const l = left[i] ?? '';
    const r = right[i] ?? '';
    const lTag = l.slice(0, Math.max(0, l.indexOf('=')));
    const rTag = r.slice(0, Math.max(0, r.indexOf('=')));
    if (lTag !== rTag) return `Expected field (${lTag}) but found field (${rTag})`;
    const lValue = l.slice(l.indexOf('=') + 1);
    const rValue = r.slice(r.indexOf('=') + 1);
    const pattern = patterns.get(lTag);
    if (pattern === undefined) {
      if (lValue !== rValue) return `Value in field (${lTag}) should be (${lValue}) but was (${rValue})`;
    } else if (!pattern.test(rValue)) {
      return `Field (${lTag}) does not match pattern`;
    }
  }
  return null;
}

export function printable(message: string): string {
  return message.replaceAll(SOH, '|');
}

/** One client connection: bytes in, and FixParser.rb's way of cutting them into messages. */
export class Client {
  private buffer = '';
  private ended = false;
  private wake: (() => void) | undefined;

  constructor(readonly socket: Socket) {
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.wake?.();
    });
    const end = (): void => {
      this.ended = true;
      this.wake?.();
    };
    socket.on('end', end);
    socket.on('close', end);
    socket.on('error', end);
  }

  static open(port: number): Promise<Client> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.off('error', reject);
        resolve(new Client(socket));
      });
      socket.once('error', reject);
    });
  }

  static openTls(port: number, ca: string): Promise<Client> {
    return new Promise((resolve, reject) => {
      const socket = connectTls({ host: '127.0.0.1', port, ca, servername: 'localhost' }, () => {
        socket.off('error', reject);
        resolve(new Client(socket));
      });
      socket.once('error', reject);
    });
  }

  get isEnded(): boolean {
    return this.ended;
  }

  private takeMessage(): string | undefined {
    const lengthAt = this.buffer.indexOf(`${SOH}9=`);
    if (lengthAt < 0) return undefined;
    const lengthEnd = this.buffer.indexOf(SOH, lengthAt + 3);
    if (lengthEnd < 0) return undefined;
    const length = Number(this.buffer.slice(lengthAt + 3, lengthEnd));
    const checksumEnd = this.buffer.indexOf(SOH, lengthEnd + 1 + length);
    if (checksumEnd < 0) return undefined;
    const message = this.buffer.slice(0, checksumEnd + 1);
    this.buffer = this.buffer.slice(checksumEnd + 1);
    return message;
  }

  private async waitUntil<T>(check: () => T | undefined, timeoutMs: number): Promise<T | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      const left = deadline - Date.now();
      if (left <= 0) return undefined;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /** The next message, 'disconnected' if the connection ended first, or 'timeout'. */
  async read(timeoutMs: number): Promise<string> {
    const result = await this.waitUntil(() => this.takeMessage() ?? (this.ended ? 'disconnected' : undefined), timeoutMs);
    return result ?? 'timeout';
  }

  /** ReflectorClient#waitDisconnectAction: the connection must end without any further data. */
  async waitDisconnect(timeoutMs: number): Promise<string | null> {
    const result = await this.waitUntil(() => (this.buffer.length > 0 ? 'data' : this.ended ? 'ended' : undefined), timeoutMs);
    if (result === 'data') return `Expected disconnection, got data: ${printable(this.buffer)}`;
    if (result === undefined) return 'Connection hangs after ten seconds.';
    return null;
  }

  write(message: string | Uint8Array): boolean {
    if (this.ended) return false;
    this.socket.write(typeof message === 'string' ? Buffer.from(message, 'latin1') : message);
    return true;
  }

  close(): void {
    this.socket.destroy();
  }
}

interface Action {
  readonly line: number;
  readonly source: string;
  readonly kind: 'I' | 'E' | 'i' | 'e';
  readonly connection: number;
  readonly body: string;
}

export function parseScript(text: string): Action[] {
  const actions: Action[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line === '' || line.startsWith('#')) return;
    const kind = line[0];
    if (kind !== 'I' && kind !== 'E' && kind !== 'i' && kind !== 'e') throw new Error(`line ${index + 1}: syntax error: ${line}`);
    const prefixed = /^[IEie]\d,/.test(line);
    actions.push({ line: index + 1, source: printable(line), kind, connection: prefixed ? Number(line[1]) : 1, body: line.slice(prefixed ? 3 : 1) });
  });
  return actions;
}

/** Runs a script; null when every expectation was met, else the first failure. */
export async function runScript(text: string, port: number, patterns: Patterns): Promise<ScriptFailure | null> {
  const clients = new Map<number, Client>();
  try {
    for (const action of parseScript(text)) {
      const failure = await runAction(action, clients, port, patterns);
      if (failure !== null) return failure;
    }
    return null;
  } finally {
    for (const client of clients.values()) client.close();
  }
}

async function runAction(action: Action, clients: Map<number, Client>, port: number, patterns: Patterns): Promise<ScriptFailure | null> {
  const fail = (reason: string, expected?: string, received?: string): ScriptFailure => ({
    line: action.line,
    source: action.source,
    reason,
    ...(expected === undefined ? {} : { expected: printable(expected) }),
    ...(received === undefined ? {} : { received: printable(received) }),
  });
  const client = clients.get(action.connection);
  if (action.kind === 'i') {
    if (action.body === 'CONNECT') {
      clients.set(action.connection, await Client.open(port));
    } else if (action.body === 'DISCONNECT') {
      client?.close();
      clients.delete(action.connection);
    } else {
      return fail(`syntax error: ${action.body}`);
    }
    return null;
  }
  if (action.kind === 'e') {
    if (action.body !== 'DISCONNECT') return fail(`unsupported: e${action.body}`);
    if (client === undefined) return fail('no connection to wait on');
    const problem = await client.waitDisconnect(EXPECT_TIMEOUT_MS);
    return problem === null ? null : fail(problem);
  }
  const message = fixify(timify(action.body, Date.now()));
  if (client === undefined) return fail('Unable to send message because connection was dropped');
  if (action.kind === 'I') {
    return client.write(message) ? null : fail('Unable to send message because connection was dropped');
  }
  const received = await client.read(EXPECT_TIMEOUT_MS);
  if (received === 'timeout' || received === 'disconnected') return fail(`expected a message, ${received === 'timeout' ? 'none came within 10 s' : 'the connection ended'}`, message);
  const difference = compareMessages(message, received, patterns);
  return difference === null ? null : fail(difference, message, received);
}
