// What tests read off a REST answer: the body of a success (asserting its status), or the
// [status, code, name] of a coded error.
import { expect } from 'vitest';
import type { Reply } from '../../src/auth/client.js';

/** The body of an answer that must have `status` (200 by default); the body is shown when it does not. */
export function ok(reply: Reply, status = 200): unknown {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  return reply.body;
}

/** [status, code, name] of a coded error answer. */
export function refusal(reply: Reply): [number, number, string] {
  const error = (reply.body as { error?: { code: number; name: string } } | undefined)?.error;
  return [reply.status, error?.code ?? 0, error?.name ?? `no coded error in ${JSON.stringify(reply.body)}`];
}
