import type { Logger } from "@omdp/logger";
import type { UpstreamMessage, UpstreamQueue } from "./upstream-queue";

/** Where `$upstream` goes: true when the batch was accepted (and may be removed from the queue). */
export type UpstreamSink = (messages: UpstreamMessage[]) => Promise<boolean>;

/**
 * The local cloud's ingest (docs/interfaces.md): `POST {url}` `{ messages: [...] }`; only a 200 counts
 * as delivered, any other status or a refused connection keeps the batch for a retry.
 */
export function httpSink(url: string, timeoutMs = 10_000): UpstreamSink {
  return async (messages) => {
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ messages }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.arrayBuffer();
      return res.status === 200;
    } catch {
      return false;
    }
  };
}

export interface ForwarderOptions {
  readonly maxBatch?: number;
  readonly minBackoffMs?: number;
  readonly maxBackoffMs?: number;
}

/**
 * Moves the queue to the sink in order: one batch at a time, the next only after the previous was
 * accepted; on failure waits (exponential backoff, bounded) and sends the same batch again.
 */
export class Forwarder {
  private stopped = false;
  private wake: (() => void) | undefined;
  private wakeOnNotify = false;
  private loop: Promise<void> | undefined;
  private failures = 0;
  lastError: string | undefined;

  constructor(
    private readonly queue: UpstreamQueue,
    private readonly sink: UpstreamSink,
    private readonly log: Logger,
    private readonly opts: ForwarderOptions = {},
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** A message was enqueued: send without waiting for the idle poll. */
  notify(): void {
    if (this.wakeOnNotify) this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  private sleep(ms: number, wakeOnNotify: boolean): Promise<void> {
    // a stop that came while a batch was with the sink found nothing to wake: do not start a wait then
    if (this.stopped) return Promise.resolve();
    this.wakeOnNotify = wakeOnNotify;
    return new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.wake = done;
    }).then(() => {
      this.wake = undefined;
    });
  }

  private async run(): Promise<void> {
    const maxBatch = this.opts.maxBatch ?? 500;
    const minBackoff = this.opts.minBackoffMs ?? 250;
    const maxBackoff = this.opts.maxBackoffMs ?? 10_000;
    while (!this.stopped) {
      const expired = this.queue.expire();
      if (expired > 0) this.log.warn("upstream messages expired undelivered (TTL)", { expired });
      const batch = this.queue.peek(maxBatch);
      if (batch.length === 0) {
        await this.sleep(1_000, true);
        continue;
      }
      const ok = await this.sink(batch.map((b) => b.message));
      if (ok) {
        this.queue.ack(batch[batch.length - 1]!.seq);
        if (this.failures > 0)
          this.log.info("upstream sink back; delivering stored messages", {
            queued: this.queue.stats().queued,
          });
        this.failures = 0;
        this.lastError = undefined;
      } else {
        this.failures += 1;
        this.lastError = `sink refused a batch of ${batch.length} (attempt ${this.failures})`;
        if (this.failures === 1)
          this.log.warn("upstream sink unavailable; storing messages", { queued: this.queue.stats().queued });
        await this.sleep(Math.min(maxBackoff, minBackoff * 2 ** Math.min(this.failures - 1, 16)), false);
      }
    }
  }
}
