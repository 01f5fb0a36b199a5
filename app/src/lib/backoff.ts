/**
 * Capped exponential backoff for reconnecting to the edge: 1 s, 2 s, 4 s ... up to `maxMs`, with
 * "equal jitter" (half fixed, half random) so many tabs do not reconnect in lockstep.
 */
export interface BackoffOptions {
  readonly baseMs?: number;
  readonly maxMs?: number;
  /** Random source in [0, 1); injectable for tests. */
  readonly random?: () => number;
}

export function backoffDelay(attempt: number, opts: BackoffOptions = {}): number {
  const base = opts.baseMs ?? 1000;
  const max = opts.maxMs ?? 30_000;
  const random = opts.random ?? Math.random;
  const exp = Math.min(max, base * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.round(exp / 2 + (exp / 2) * random());
}
