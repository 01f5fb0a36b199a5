import { z } from "zod";

export interface OutboxLimits {
  /** Most entries kept; past it the oldest are dropped. */
  readonly maxMessages: number;
  /** Entries older than this are dropped undelivered. */
  readonly maxAgeSeconds: number;
}

/** 100,000 messages (11.5 days of one meter pushing every 10 s), 7 days (IoT Edge's timeToLiveSecs). */
export const DEFAULT_OUTBOX_LIMITS: OutboxLimits = { maxMessages: 100_000, maxAgeSeconds: 7 * 24 * 3600 };

/** The `outbox` desired properties of a module with a durable outbox (defaults as above). */
export const OutboxSettings = z.object({
  maxMessages: z.number().int().positive().default(DEFAULT_OUTBOX_LIMITS.maxMessages),
  maxAgeSeconds: z.number().positive().default(DEFAULT_OUTBOX_LIMITS.maxAgeSeconds),
});
export type OutboxSettings = z.infer<typeof OutboxSettings>;
