/**
 * Sharing's durable upstream: every message the selector plans is written to `sharing-outbox.db` (in
 * the data dir, 0600) synchronously, in the same handling step as the store write and before the input
 * handler returns; the sender drains it in order to the `upstream` output, deletes an entry on the hub's
 * PUBACK and retries with backoff while the hub is away or refuses (a full `$upstream` queue). A crash
 * before the write is covered by the hub's redelivery (the message was not completed) and the store's
 * de-duplication; everything after it by this file. Bounds: `outbox` desired properties.
 */
import { join } from "node:path";
import {
  DEFAULT_OUTBOX_LIMITS,
  DurableOutbox,
  type ModuleHost,
  type OutboxLimits,
  type OutboxMessage,
  type SenderOptions,
} from "@omdp/edge-module";
import type { Logger } from "@omdp/logger";
import { BatchSender } from "./upstream-batch";

export const UPSTREAM_OUTBOX_FILE = "sharing-outbox.db";

/** What the upstream path reports in the module's status and health. */
export type UpstreamCounters = {
  /** Acknowledged by the hub (kept across restarts). */
  upstreamSent: number;
  /** Sends that failed and were retried later. */
  upstreamFailed: number;
  /** Waiting in the outbox. */
  upstreamPending: number;
  /** Dropped undelivered past `outbox.maxMessages` or `outbox.maxAgeSeconds`. */
  upstreamDropped: number;
  /** Not written again because the same message was still waiting (a redelivery). */
  upstreamDuplicates: number;
  /** Interval batch messages sent (this process; each counts once in upstreamSent per record). */
  upstreamBatches: number;
  /** Outbox writes the disk refused (those messages were sent directly, best effort). */
  upstreamWriteFailures: number;
};

export class UpstreamOutbox {
  private readonly outbox: DurableOutbox;
  private readonly sender: BatchSender;
  private writeFailures = 0;

  constructor(
    dataDir: string,
    private readonly host: Pick<ModuleHost, "send">,
    private readonly log: Logger,
    sender: SenderOptions = {},
    limits: OutboxLimits = DEFAULT_OUTBOX_LIMITS,
  ) {
    this.outbox = new DurableOutbox(join(dataDir, UPSTREAM_OUTBOX_FILE), limits);
    this.sender = new BatchSender(this.outbox, (o, b, p) => host.send(o, b, p), log, sender);
  }

  /** Starts sending what an earlier process left in the outbox. */
  start(): void {
    const left = this.outbox.stats().pending;
    if (left > 0) this.log.info("upstream outbox: messages from before the start", { pending: left });
    this.sender.wake();
  }

  /** Writes the messages (committed when this returns, all or none), then lets the sender drain. */
  keep(messages: readonly OutboxMessage[]): void {
    if (messages.length === 0) return;
    try {
      this.outbox.addAll(messages);
    } catch (err) {
      // the disk refused: count it and send directly (best effort) rather than stop handling input
      this.writeFailures++;
      this.log.error("upstream outbox write failed; sending without it", {
        error: String((err as Error).message),
      });
      for (const m of messages)
        void this.host
          .send(m.output, m.body, m.properties ?? {})
          .catch((e) => this.log.warn("upstream send failed", { error: String(e) }));
      return;
    }
    this.sender.wake();
  }

  /** The upstream period (`cloud.batchSeconds`): intervals held and sent in 4 KB batches; 0 sends each at once. */
  setBatchSeconds(seconds: number): void {
    this.sender.setPeriod(seconds);
  }

  /** Resolves once the sender has nothing more to send now (tests). */
  idle(): Promise<void> {
    return this.sender.idle();
  }

  setLimits(limits: OutboxLimits): void {
    this.outbox.setLimits(limits);
  }

  counters(): UpstreamCounters {
    const s = this.outbox.stats();
    return {
      upstreamSent: s.delivered,
      upstreamFailed: this.sender.failedSends,
      upstreamPending: s.pending,
      upstreamDropped: s.droppedFull + s.droppedExpired,
      upstreamDuplicates: this.outbox.duplicates(),
      upstreamBatches: this.sender.batches,
      upstreamWriteFailures: this.writeFailures,
    };
  }

  /** Stops sending (bounded wait for the send in flight) and closes the file; the rest waits for the next start. */
  async stop(): Promise<void> {
    await this.sender.stop();
    this.outbox.close();
  }
}
