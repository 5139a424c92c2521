// Waiting in tests: for a condition, re-checked on `wake` (a frame arrived, a socket closed) and
// every 25 ms, for a generous 20 s. Nothing waits a fixed time, and nothing fails because the
// machine was slow short of that bound.
export const WAIT_MS = 20_000;

export async function waitFor<T>(check: () => T | undefined, what: string, wake?: (resume: () => void) => void): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 25);
      wake?.(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
