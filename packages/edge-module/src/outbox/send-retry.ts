/**
 * The retry rule of the outbox senders: after a failed send, wait with capped exponential backoff
 * (`retryMinMs` doubling up to `retryMaxMs`) before the same message goes again; one warning per doubling,
 * not one per attempt; a stop cuts the wait short. Used by OutboxSender and by sharing's batching sender.
 */
import type { Logger } from "@omdp/logger";

export interface RetryOptions {
  readonly retryMinMs?: number;
  readonly retryMaxMs?: number;
}

export class SendRetry {
  private failures = 0;
  private retries = 0;
  private wakeRetry: (() => void) | undefined;

  constructor(
    private readonly log: Logger,
    private readonly opts: RetryOptions,
    /** Messages still waiting (for the warning). */
    private readonly pending: () => number,
  ) {}

  /** Failed sends so far (each retried later). */
  get failedSends(): number {
    return this.retries;
  }

  /** Whether the last send failed and a retry is due. */
  get backingOff(): boolean {
    return this.failures > 0;
  }

  /** A send failed: waits the backoff (cut short by `cutShort`). */
  async failed(err: unknown): Promise<void> {
    this.failures++;
    this.retries++;
    const min = this.opts.retryMinMs ?? 250;
    const delay = Math.min(this.opts.retryMaxMs ?? 10_000, min * 2 ** Math.min(this.failures - 1, 16));
    // one warning per doubling, not one per attempt
    if ((this.failures & (this.failures - 1)) === 0)
      this.log.warn("outbox send failed; kept for a retry", {
        error: String((err as Error)?.message ?? err),
        failures: this.failures,
        pending: this.pending(),
        retryInMs: delay,
      });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, delay);
      this.wakeRetry = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wakeRetry = undefined;
  }

  /** A send went through: the backoff starts from the beginning again. */
  succeeded(): void {
    if (this.failures > 0) this.log.info("outbox sending again", { after: this.failures });
    this.failures = 0;
  }

  /** Ends a backoff now (stop). */
  cutShort(): void {
    this.wakeRetry?.();
  }
}
