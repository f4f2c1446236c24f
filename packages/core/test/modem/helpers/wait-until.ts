/** Polls `condition` every 5 ms, at most `attempts` times; throws with `what` when it never holds. */
export async function waitUntil(condition: () => boolean, what: string, attempts = 600): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting until ${what}`);
}
