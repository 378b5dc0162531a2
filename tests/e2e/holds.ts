/**
 * "Nothing happened" as a bounded poll: `check` must pass on every look for
 * the whole window, so a change at any moment in it fails the test, rather
 * than one look after a blind sleep.
 */
export async function expectHolds(
  check: () => Promise<void> | void,
  { forMs, everyMs = 100 }: { forMs: number; everyMs?: number },
): Promise<void> {
  const until = Date.now() + forMs;
  for (;;) {
    await check();
    if (Date.now() >= until) return;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
