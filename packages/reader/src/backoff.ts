/**
 * Capped exponential backoff with jitter ("equal jitter": half fixed, half random), so that a vanished
 * port or a closing peer is retried quickly at first and then at most every `maxMs`, never in a busy loop:
 * every delay is at least `minMs / 2`.
 */
export interface BackoffOptions {
  /** First delay, ms (default 250). */
  readonly minMs?: number;
  /** Cap, ms (default 30 000). */
  readonly maxMs?: number;
  readonly factor?: number;
  /** Random source in [0, 1) (tests inject a fixed one). */
  readonly random?: () => number;
}

export class Backoff {
  private attempt = 0;
  private readonly minMs: number;
  private readonly maxMs: number;
  private readonly factor: number;
  private readonly random: () => number;

  constructor(opts: BackoffOptions = {}) {
    this.minMs = Math.max(1, opts.minMs ?? 250);
    this.maxMs = Math.max(this.minMs, opts.maxMs ?? 30_000);
    this.factor = Math.max(1, opts.factor ?? 2);
    this.random = opts.random ?? Math.random;
  }

  /** The next delay, ms; each call counts as one more failed attempt. */
  next(): number {
    const ceiling = Math.min(this.maxMs, this.minMs * this.factor ** Math.min(this.attempt, 40));
    this.attempt++;
    return Math.round(ceiling / 2 + (ceiling / 2) * this.random());
  }

  /** After a connection that held: start from the smallest delay again. */
  reset(): void {
    this.attempt = 0;
  }

  get attempts(): number {
    return this.attempt;
  }
}
