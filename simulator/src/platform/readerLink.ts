/**
 * A backfill's catch-up must not start before the reader is connected to the meters' gateway: the
 * gateway passes bytes through like a wire (nothing is kept for a client that is not there), so the
 * pushes of the first seconds of a 30,000x catch-up (hours of meter time) were lost when the reader
 * connected a moment after the go file. The supervisor asks the reader module (edge hub admin, direct
 * method `getStatus`) until its link is up, bounded.
 */

/** Whether a reader `getStatus` answer (through the admin API: `{ status, payload }`) says the link is up. */
export function readerLinkUp(answer: unknown): boolean {
  const payload = (answer as { payload?: { link?: { connected?: unknown } } } | null)?.payload;
  return payload?.link?.connected === true;
}

/** Polls the reader until its link is up or `timeoutMs` passed; resolves whether it came up. */
export async function waitForReaderLink(
  adminPort: number,
  timeoutMs: number,
  moduleId = "mbusReader",
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  const url = `http://127.0.0.1:${adminPort}/modules/${moduleId}/methods/getStatus?timeoutMs=2000`;
  for (let attempt = 0; attempt < 10_000 && Date.now() < deadline; attempt++) {
    const answer = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
      signal: AbortSignal.timeout(3_000),
    })
      .then((r) => r.json() as Promise<unknown>)
      .catch(() => undefined);
    if (readerLinkUp(answer)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}
