// How a thread waits on a ring: a producer for a free slot, the consumer for a published record.
// The ring owns the loop (re-check the condition, count itself as a waiter, time out); a strategy
// only says what one step of waiting is and whether that step may sleep. Strategies hold no state,
// so one instance serves every ring in a thread, and the two sides of one ring may use different
// strategies (a gateway spinning briefly, the core blocking).
//
// The handshake that makes sleeping safe (no lost wake-up), with both sides' operations
// sequentially consistent Atomics:
//   waiter:   waiters += 1 · observed = signal · check condition · Atomics.wait(signal, observed)
//   signaler: make condition true · if waiters > 0: signal += 1 · Atomics.notify(signal)
// Either the waiter's check sees the condition, or the signaler sees the waiter and moves the
// signal past `observed`, so the wait returns at once or is woken. A signaler that sees no waiter
// pays one load and no system call: that is why the ring counts waiters instead of notifying on
// every record.

export interface WaitStrategy {
  /** For messages and reports. */
  readonly name: string;
  /**
   * Whether step `attempt` (0 for the first) may sleep in `Atomics.wait`. The ring counts itself as a
   * waiter before the first such step, so the other side knows it must notify.
   */
  mayBlock(attempt: number): boolean;
  /**
   * One step of waiting. May return early (spuriously) at any time: the ring re-checks its condition
   * after every step. Sleeps, if it sleeps, only while `signal[index]` still holds `observed`, and for
   * at most `remainingMs` (Infinity when the caller has no deadline).
   */
  idle(signal: Int32Array, index: number, observed: number, attempt: number, remainingMs: number): void;
}

/**
 * Re-checks as fast as the thread can run and never sleeps: the lowest latency, at the price of a
 * whole core for every waiting thread. Only for a thread pinned to a core of its own (the core thread
 * on a machine with cores to spare). On a 2-core machine a spinning thread takes the time slice the
 * thread it waits for needs, so it is slower than blocking, not faster.
 */
export class BusySpinWait implements WaitStrategy {
  readonly name = 'busy-spin';

  mayBlock(): boolean {
    return false;
  }

  idle(): void {
    // Nothing: the ring's loop re-reads the cursor straight away. JavaScript has no pause instruction.
  }
}

export interface YieldingWaitOptions {
  /** Steps that only re-check before the first sleep (default 100). */
  readonly spinTries?: number;
  /** Longest single sleep in ms (default 1). The waiter is notified; this only bounds one sleep. */
  readonly sliceMs?: number;
}

/** Bounds on the options: a spin longer than this is busy spinning, a slice longer is plain blocking. */
const MAX_SPIN_TRIES = 1_000_000;
const MAX_SLICE_MS = 1_000;

/**
 * Spin, then block: re-checks `spinTries` times (a few microseconds), which catches the other side
 * in the middle of a publish without a system call, then sleeps in `Atomics.wait` slices of at most
 * `sliceMs`, woken by the other side's notify. The Disruptor's yielding strategy spins and then
 * calls Thread.yield(); JavaScript cannot yield, so this sleeps on the signal instead. The default on
 * a 2-core machine: busy pipelines never reach the sleep, idle ones cost no CPU.
 */
export class YieldingWait implements WaitStrategy {
  readonly name: string;
  readonly spinTries: number;
  readonly sliceMs: number;

  constructor(options: YieldingWaitOptions = {}) {
    const spinTries = options.spinTries ?? 100;
    const sliceMs = options.sliceMs ?? 1;
    if (!Number.isInteger(spinTries) || spinTries < 0 || spinTries > MAX_SPIN_TRIES) {
      throw new RangeError(`YieldingWait spinTries must be an integer in 0..${MAX_SPIN_TRIES}, got ${spinTries}`);
    }
    if (!(sliceMs > 0 && sliceMs <= MAX_SLICE_MS)) {
      throw new RangeError(`YieldingWait sliceMs must be in (0, ${MAX_SLICE_MS}], got ${sliceMs}`);
    }
    this.spinTries = spinTries;
    this.sliceMs = sliceMs;
    this.name = `yielding(${spinTries} spins, ${sliceMs} ms slices)`;
  }

  mayBlock(attempt: number): boolean {
    return attempt >= this.spinTries;
  }

  idle(signal: Int32Array, index: number, observed: number, attempt: number, remainingMs: number): void {
    if (attempt < this.spinTries) return;
    Atomics.wait(signal, index, observed, Math.min(this.sliceMs, remainingMs));
  }
}

/**
 * Sleeps in `Atomics.wait` on the ring's signal word from the first step until notified (or the
 * deadline). No CPU while waiting; each hand-over costs a futex wake (tens of microseconds on a
 * loaded machine). For threads that share cores with the threads they wait for, and for stages whose
 * latency matters less than the CPU they would burn (a journaler, market data).
 */
export class BlockingWait implements WaitStrategy {
  readonly name = 'blocking';

  mayBlock(): boolean {
    return true;
  }

  idle(signal: Int32Array, index: number, observed: number, _attempt: number, remainingMs: number): void {
    Atomics.wait(signal, index, observed, remainingMs);
  }
}
