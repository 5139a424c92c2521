// The sequencer's clock: nanoseconds since the epoch, anchored to the wall clock once and then
// advanced by the monotonic clock, so it never goes backwards within a process even when the wall
// clock is stepped. Across a restart it also never goes below the last journaled timestamp (the
// engine refuses time that runs backwards). This is the only clock the core reads; the engine gets
// time as an argument.
export class SequencerClock {
  private readonly anchorNs: bigint;
  private readonly monotonicStart: bigint;
  private last: bigint;

  constructor(notBeforeNs: bigint) {
    this.anchorNs = BigInt(Date.now()) * 1_000_000n;
    this.monotonicStart = process.hrtime.bigint();
    this.last = notBeforeNs;
  }

  nowNs(): bigint {
    const now = this.anchorNs + (process.hrtime.bigint() - this.monotonicStart);
    if (now > this.last) this.last = now;
    return this.last;
  }
}
