/**
 * Drains the outbox to the hub, oldest first, one send at a time: an entry is removed only after its
 * send resolved (the hub's PUBACK), and a failed send is retried (capped backoff) before anything behind
 * it, so the order is kept. A send the hub received but did not acknowledge is sent again after a
 * restart: a duplicate that the message's own id (a reading's meter and time, an interval's id) lets the
 * stores drop.
 */
import type { Logger } from "@omdp/logger";
import type { MessageProperties } from "../host";
import type { DurableOutbox } from "./durable-outbox";
import { SendRetry } from "./send-retry";

/** Sends one message; resolves once the hub acknowledged it (`ModuleHost.send`). */
export type SendFn<B = unknown> = (output: string, body: B, properties: MessageProperties) => Promise<void>;

export interface SenderOptions {
  /** Entries read from the outbox at a time. */
  readonly batch?: number;
  readonly retryMinMs?: number;
  readonly retryMaxMs?: number;
  /** How long `stop()` waits for a send in flight (the entry stays in the outbox). */
  readonly stopWaitMs?: number;
}

export class OutboxSender<B = unknown> {
  private readonly retry: SendRetry;
  private loop: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly outbox: DurableOutbox<B>,
    private readonly send: SendFn<B>,
    log: Logger,
    private readonly opts: SenderOptions = {},
  ) {
    this.retry = new SendRetry(log, opts, () => outbox.stats().pending);
  }

  /** Failed sends so far (each retried later). */
  get failedSends(): number {
    return this.retry.failedSends;
  }

  /** Whether the last send failed and the sender is waiting to retry. */
  get backingOff(): boolean {
    return this.retry.backingOff;
  }

  /** Something was added: drain if not already draining (a retry backoff is not cut short). */
  wake(): void {
    if (this.stopped) return;
    this.again = true;
    this.loop ??= this.run().finally(() => {
      this.loop = undefined;
      if (this.again && !this.stopped) this.wake();
    });
  }

  /** Stops draining; waits (bounded) for the send in flight. Undelivered entries stay for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.retry.cutShort();
    const loop = this.loop;
    if (!loop) return;
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((r) => {
      timer = setTimeout(r, this.opts.stopWaitMs ?? 2_000);
    });
    await Promise.race([loop, bound]);
    clearTimeout(timer);
  }

  private async run(): Promise<void> {
    const batch = this.opts.batch ?? 64;
    while (!this.stopped) {
      this.again = false;
      const entries = this.outbox.peek(batch);
      if (entries.length === 0) return;
      for (const e of entries) {
        if (this.stopped) return;
        try {
          await this.send(e.output, e.body, e.properties);
        } catch (err) {
          await this.retry.failed(err);
          break; // re-read from the oldest: the failed entry goes first again
        }
        this.outbox.ack(e.seq);
        this.retry.succeeded();
      }
    }
  }
}
