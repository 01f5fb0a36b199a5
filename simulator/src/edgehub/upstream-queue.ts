import { type DurableQueue, MessageStore, type QueueStats } from "./message-store";

export type { QueueStats } from "./message-store";

/** One message as the cloud receives it from the Event Hubs-compatible endpoint (docs/interfaces.md). */
export interface UpstreamMessage {
  readonly body: unknown;
  readonly properties: Record<string, string>;
  readonly systemProperties: Record<string, string | number>;
}

export interface QueueOptions {
  /** SQLite file of its own (`:memory:` for tests that need no persistence), or the hub's shared store. */
  readonly file?: string;
  readonly store?: MessageStore;
  /** Messages older than this are dropped undelivered (IoT Edge `timeToLiveSecs`). */
  readonly ttlSecs: number;
  /**
   * Bound on stored bytes. At it new messages are refused (`QueueFullError`: no PUBACK, the sender
   * keeps them), never the stored ones dropped: those were acknowledged to their senders.
   */
  readonly maxBytes: number;
}

export const UPSTREAM_ENDPOINT = "$upstream";

/**
 * The store-and-forward queue of `$upstream`: the `$upstream` endpoint of the message store, in sequence
 * order, removed only once the sink accepted a batch, so a restart or an outage loses nothing within
 * TTL and disk bound. The sequence number is what the cloud sees as `x-opt-sequence-number`.
 */
export class UpstreamQueue {
  private readonly store: MessageStore;
  private readonly owned: boolean;
  private readonly queue: DurableQueue;

  constructor(opts: QueueOptions) {
    this.owned = opts.store === undefined;
    this.store = opts.store ?? new MessageStore(opts.file ?? ":memory:");
    this.queue = this.store.endpoint(UPSTREAM_ENDPOINT, {
      ttlSecs: opts.ttlSecs,
      maxBytes: opts.maxBytes,
      whenFull: "refuse",
    });
  }

  /** Appends a message (without its sequence number); returns the sequence number. */
  enqueue(msg: UpstreamMessage, nowMs = Date.now()): number {
    return this.queue.enqueue(JSON.stringify(msg), null, nowMs);
  }

  /** The oldest `limit` messages with their sequence numbers, in order. */
  peek(limit: number): { seq: number; message: UpstreamMessage }[] {
    return this.queue.peek(limit).map((r) => {
      const m = JSON.parse(r.meta) as UpstreamMessage;
      return {
        seq: r.seq,
        message: { ...m, systemProperties: { ...m.systemProperties, "x-opt-sequence-number": r.seq } },
      };
    });
  }

  /** Removes everything up to and including `seq` (the sink accepted it). */
  ack(seq: number): void {
    this.queue.ackUpTo(seq);
  }

  /** Drops messages past the TTL; returns how many. */
  expire(nowMs = Date.now()): number {
    return this.queue.expire(nowMs);
  }

  stats(): QueueStats {
    return this.queue.stats();
  }

  close(): void {
    if (this.owned) this.store.close();
  }
}
