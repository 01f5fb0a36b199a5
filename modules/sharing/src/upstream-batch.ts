/**
 * The upstream sender: drains sharing's durable outbox to the hub, oldest first, a window of sends in
 * flight (@omdp/edge-module's sendWindowed), removing entries only after the hub acknowledged the send
 * and those before it (PUBACK) and retrying with capped backoff, as @omdp/edge-module's OutboxSender. With an upstream period (`cloud.batchSeconds` > 0) it holds
 * interval records until the oldest has waited a period (or enough wait to fill a message), then sends
 * them packed into `intervals` batches of one IoT Hub 4 KB block each (@omdp/series packIntervals);
 * readings and events still leave at once. A batch is acknowledged as a whole: a send that fails or is
 * cut short leaves every record of it in the outbox, and the cloud's idempotent ingest makes the
 * resend harmless (at least once). Without a period each entry is its own message, as before.
 */
import {
  type DurableOutbox,
  type MessageProperties,
  type OutboxEntry,
  type SendFn,
  SendRetry,
  sendWindowed,
  slowStart,
} from "@omdp/edge-module";
import type { Logger } from "@omdp/logger";
import type { IntervalRecord } from "@omdp/model";
import { INTERVAL_BATCH_KIND, packIntervals } from "@omdp/series";

export interface BatchSenderOptions {
  readonly batch?: number;
  readonly retryMinMs?: number;
  readonly retryMaxMs?: number;
  readonly stopWaitMs?: number;
  /**
   * Messages awaiting the hub's acknowledgement at once (default 1: one at a time, the strict order;
   * see @omdp/edge-module's SenderOptions.inFlight for why no module asks for more yet).
   */
  readonly inFlight?: number;
  /** Clock of the upstream period (tests). */
  readonly now?: () => number;
}

/** Entries read from the outbox at a time when batching: a day of one meter's quarter hours and more. */
const BATCH_PEEK = 512;

export class BatchSender {
  private readonly retry: SendRetry;
  private loop: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  /** Sends acknowledged since the start or the last failure (a window opens only after one). */
  private sentSinceFailure = 0;
  private timer: NodeJS.Timeout | undefined;
  private periodMs = 0;
  private batchesSent = 0;

  constructor(
    private readonly outbox: DurableOutbox,
    private readonly send: SendFn,
    log: Logger,
    private readonly opts: BatchSenderOptions = {},
  ) {
    this.retry = new SendRetry(log, opts, () => outbox.stats().pending);
  }

  get failedSends(): number {
    return this.retry.failedSends;
  }

  /** Batch messages sent so far (this process). */
  get batches(): number {
    return this.batchesSent;
  }

  /** The upstream period in seconds (0: every entry its own message). */
  setPeriod(seconds: number): void {
    this.periodMs = Math.max(0, seconds) * 1000;
    this.wake();
  }

  wake(): void {
    if (this.stopped) return;
    this.again = true;
    this.loop ??= this.run().finally(() => {
      this.loop = undefined;
      if (this.again && !this.stopped) this.wake();
    });
  }

  /** Resolves when the sender has nothing more to do now (tests). */
  async idle(): Promise<void> {
    for (let i = 0; i < 1000 && this.loop; i++) await this.loop;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
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

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.again = false;
      const entries = this.outbox.peek(this.periodMs > 0 ? BATCH_PEEK : (this.opts.batch ?? 64));
      if (entries.length === 0) return;
      const groups = this.periodMs > 0 ? this.plan(entries) : entries.map((e) => [e]);
      if (groups.length === 0) return; // only held intervals: the timer wakes the sender
      const window = this.opts.inFlight ?? 1;
      const failure = window > 1 ? await this.sendWindow(groups, window) : await this.sendSerially(groups);
      if (this.stopped) return;
      const failed = failure !== undefined;
      // re-read from the oldest: the failed message goes first again
      if (failed) {
        this.sentSinceFailure = 0;
        await this.retry.failed(failure.error);
      }
      // batching: stop when something is held back (its timer is set) and nothing failed
      if (!failed && this.periodMs > 0 && groups.flat().length < entries.length) return;
    }
  }

  /** One message at a time: each removed once the hub acknowledged it; stops at the first failure. */
  private async sendSerially(groups: readonly OutboxEntry[][]): Promise<{ error: unknown } | undefined> {
    for (const g of groups) {
      if (this.stopped) return undefined;
      try {
        await this.sendGroup(g);
      } catch (error) {
        return { error };
      }
      for (const e of g) this.outbox.ack(e.seq);
      this.retry.succeeded();
    }
    return undefined;
  }

  /** Up to `window` messages awaiting the hub's PUBACK at once; the acknowledged prefix leaves. */
  private sendWindow(
    groups: readonly OutboxEntry[][],
    window: number,
  ): Promise<{ error: unknown } | undefined> {
    return sendWindowed(groups, {
      window: () => slowStart(this.retry.backingOff, this.sentSinceFailure, window),
      send: (g) => this.sendGroup(g),
      acked: (done) => {
        this.outbox.ackAll(done.flat().map((e) => e.seq));
        this.sentSinceFailure += done.length;
        this.retry.succeeded();
      },
      stopped: () => this.stopped,
    });
  }

  /**
   * What leaves now: every reading and event, and the intervals once the oldest has waited the
   * period or they fill more than one message; otherwise the intervals wait (a timer is set).
   */
  private plan(entries: readonly OutboxEntry[]): OutboxEntry[][] {
    const isInterval = (e: OutboxEntry) => e.properties.kind === "interval";
    const others = entries.filter((e) => !isInterval(e)).map((e) => [e]);
    const intervals = entries.filter(isInterval);
    if (intervals.length === 0) return others;
    const packed = packIntervals(intervals.map((e) => e.body as IntervalRecord));
    const due = intervals[0]!.enqueuedMs + this.periodMs;
    if (due > this.now() && packed.length < 2) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.wake(), Math.max(0, due - this.now()));
      this.timer.unref();
      return others;
    }
    // a full message leaves at once; the last, partly filled one waits for the period unless due
    const ready = due > this.now() ? packed.slice(0, -1) : packed;
    return [...others, ...ready.map((g) => g.map((i) => intervals[i]!))];
  }

  private async sendGroup(g: readonly OutboxEntry[]): Promise<void> {
    const first = g[0]!;
    if (g.length === 1 && first.properties.kind !== INTERVAL_BATCH_KIND) {
      await this.send(first.output, first.body, first.properties);
      return;
    }
    const props: Record<string, string> = { kind: INTERVAL_BATCH_KIND };
    for (const key of ["meterId", "householdId"]) {
      const values = new Set(g.map((e) => e.properties[key]));
      const only = [...values][0];
      if (values.size === 1 && typeof only === "string") props[key] = only;
    }
    await this.send(
      first.output,
      { schemaVersion: 1, intervals: g.map((e) => e.body) },
      props as MessageProperties,
    );
    this.batchesSent++;
  }
}
