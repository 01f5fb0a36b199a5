import { z } from "zod";
import { Rfc3339 } from "./schemas";

/** The reader's counters of the byte stream and the decoders (monotonic since the reader started). */
export const ReaderCounters = z.object({
  framesOk: z.number(),
  checksumErrors: z.number(),
  lengthErrors: z.number(),
  decryptFailures: z.number(),
  decodeErrors: z.number(),
  resyncs: z.number(),
  bytesSkipped: z.number(),
  /** Poll mode: requests that got no valid answer in time (after retries). */
  timeouts: z.number(),
  /** Link losses (port vanished, peer closed). */
  reconnects: z.number(),
  readings: z.number(),
});

/**
 * ReaderDiagnostics (docs/interfaces.md), the one declaration: the reader sends it on output
 * `diagnostics`, the events module parses it. A bad frame only moves a counter; it never stops the reader.
 */
export const ReaderDiagnostics = z.object({
  kind: z.literal("diagnostics"),
  at: Rfc3339,
  gatewayId: z.string(),
  counters: ReaderCounters,
  meters: z.record(
    z.string(),
    z.object({ lastSeen: z.string().nullable(), framesOk: z.number(), errors: z.number() }),
  ),
  /**
   * Data records the decoder could not read inside otherwise decoded telegrams (EN 13757-3 per-record
   * degradation), by error code ("MISSING_VIFE": 2). The telegram's other values were still read.
   */
  recordErrors: z.record(z.string(), z.number()),
  /**
   * Telegrams the line's codec refused, by protocol and error code (`dsmr.CRC_MISMATCH`: 1,
   * `sml.FILE_CRC_MISMATCH`: 2, `d0.BCC_MISMATCH`: 1); the counters count them as well. Optional:
   * readers before the SML/D0 lines do not send it.
   */
  codecErrors: z.record(z.string(), z.number()).optional(),
  link: z.object({ target: z.string(), connected: z.boolean() }),
  /**
   * Wireless M-Bus lines: the receiver, repeated transmissions dropped (same meter and access number),
   * the signal per meter, and the meters heard that are not configured (a user adds one by its id).
   * Optional: only wM-Bus lines send it.
   */
  wmbus: z
    .object({
      receiver: z.string(),
      duplicatesDropped: z.number(),
      signal: z.record(
        z.string(),
        z.object({ rssiDbm: z.number().optional(), linkMode: z.string().optional() }),
      ),
      unknownMeters: z.array(
        z.object({
          id: z.string(),
          manufacturer: z.string(),
          deviceType: z.number(),
          medium: z.string(),
          version: z.number(),
          telegrams: z.number(),
          lastSeen: z.string(),
          encrypted: z.boolean(),
          rssiDbm: z.number().optional(),
          linkMode: z.string().optional(),
        }),
      ),
    })
    .optional(),
  lastError: z
    .object({
      code: z.string(),
      message: z.string(),
      offset: z.number().optional(),
      meterId: z.string().optional(),
    })
    .optional(),
});
export type ReaderDiagnostics = z.infer<typeof ReaderDiagnostics>;
