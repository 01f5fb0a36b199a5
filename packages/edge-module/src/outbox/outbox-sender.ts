/**
 * Drains the outbox to the hub, oldest first, with up to `inFlight` sends awaiting their PUBACK at once
 * (an MQTT QoS 1 window: the sends are issued in order on one connection, and the hub stores what
 * arrives in arrival order, so a later message is only stored after the earlier ones). An entry is
 * removed only after its send and every send before it resolved (the acknowledged prefix, removed in one
 * transaction). A failed send stops the window: once the sends in flight settled, the sender waits the
 * backoff and starts again from the failed entry, so what follows it goes again too (after it, in
 * order; a duplicate where the hub already had it). The limit of a window: when the hub refuses one
 * send and takes the next ones already issued (a transient error, not a lost connection, which fails
 * them all), those arrive once ahead of the refused one; consumers treat that as any out-of-order
 * redelivery (stores idempotent by id). `inFlight: 1` keeps the strict order. A send the hub received but did not acknowledge is
 * sent again after a restart: a duplicate that the message's own id (a reading's meter and time, an
 * interval's id) lets the stores drop.
 */
import type { Logger } from "@omdp/logger";
import type { MessageProperties } from "../host";
import type { DurableOutbox, OutboxEntry } from "./durable-outbox";
import { SendRetry } from "./send-retry";
import { sendWindowed, slowStart } from "./send-window";

/** Sends one message; resolves once the hub acknowledged it (`ModuleHost.send`). */
export type SendFn<B = unknown> = (output: string, body: B, properties: MessageProperties) => Promise<void>;

export interface SenderOptions {
  /** Entries read from the outbox at a time. */
  readonly batch?: number;
  /**
   * Sends awaiting the hub's acknowledgement at once (default 1). One round trip per message bounds a
   * sender at a few hundred messages a second on a loaded machine; a window keeps the link busy, but
   * the local hub was seen to store concurrent sends of one client out of order
   * (tests/edge/sharing-outbox), so no module asks for one yet.
   */
  readonly inFlight?: number;
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
  /** Sends acknowledged since the start or the last failure (the window opens only after one). */
  private sentSinceFailure = 0;

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
    const batch = Math.max(this.opts.batch ?? 64, this.window());
    while (!this.stopped) {
      this.again = false;
      const entries = this.outbox.peek(batch);
      if (entries.length === 0) return;
      const failure = await this.sendWindowed(entries);
      if (failure !== undefined) {
        this.sentSinceFailure = 0;
        await this.retry.failed(failure.error);
      }
    }
  }

  private window(): number {
    return Math.max(1, Math.floor(this.opts.inFlight ?? 1));
  }

  private sendWindowed(entries: readonly OutboxEntry<B>[]): Promise<{ error: unknown } | undefined> {
    return sendWindowed(entries, {
      window: () => slowStart(this.retry.backingOff, this.sentSinceFailure, this.window()),
      send: (e) => this.send(e.output, e.body, e.properties),
      acked: (done) => {
        this.outbox.ackAll(done.map((e) => e.seq));
        this.sentSinceFailure += done.length;
        this.retry.succeeded();
      },
      stopped: () => this.stopped,
    });
  }
}
