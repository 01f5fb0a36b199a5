/**
 * Resolves when `cond()` holds, polling every `everyMs`; rejects with `timed out waiting for <what>`
 * after `ms`. Bounded by construction: the loop ends by itself.
 */
export async function until(cond: () => boolean, ms: number, what: string, everyMs = 20): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
