import { z } from "zod";
import { MEDIA } from "./medium";

/** Contract version carried by every message; bump on a breaking change and keep the old parser. */
export const SCHEMA_VERSION = 1 as const;

/** RFC 3339 date-time with an explicit offset (`Z` or `+hh:mm`). */
export const Rfc3339 = z.iso.datetime({ offset: true });

export const Resolution = z.enum(["PT1M", "PT5M", "PT15M", "PT30M", "PT1H", "P1D"]);
export type Resolution = z.infer<typeof Resolution>;

/** One measured property of a reading: OBIS-based id, value, SI unit without prefix. */
export const PropertyValue = z.object({
  property: z.string().min(1),
  value: z.union([z.number(), z.string()]),
  unit: z.string(),
});
export type PropertyValue = z.infer<typeof PropertyValue>;

export const MeterReading = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** Deterministic `meterId|readingTime in UTC` (see readingId); optional so older messages parse. */
  id: z.string().min(1).optional(),
  meterId: z.string().min(1).max(64),
  readingTime: Rfc3339,
  receivedAt: Rfc3339,
  source: z.object({
    /** The meter's protocol: wired or wireless M-Bus, DLMS/COSEM, DSMR P1, SML, IEC 62056-21 (D0). */
    protocol: z.enum(["mbus", "wmbus", "dlms", "dsmr", "sml", "d0"]),
    transport: z.enum(["serial", "tcp", "stream", "hdlc", "raw"]),
    gatewayId: z.string(),
  }),
  faultCode: z.string().optional(),
  values: z.array(PropertyValue),
});
export type MeterReading = z.infer<typeof MeterReading>;

export const Quality = z.enum(["complete", "partial", "estimated"]);
export type Quality = z.infer<typeof Quality>;

export const IntervalRecord = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** Deterministic: `meterId|resolution|intervalStart` (see intervalId). */
  id: z.string(),
  meterId: z.string().min(1).max(64),
  resolution: Resolution,
  intervalStart: Rfc3339,
  intervalEnd: Rfc3339,
  energyImportedWh: z.number().int().nonnegative(),
  energyExportedWh: z.number().int().nonnegative(),
  powerMinW: z.number().nullable(),
  powerAvgW: z.number().nullable(),
  powerMaxW: z.number().nullable(),
  /** Register values (OBIS id to value in its unit) at the interval end. */
  registers: z.record(z.string(), z.number()),
  sampleCount: z.number().int().nonnegative(),
  quality: Quality,
  /** What happened in the interval: `gap`, `reset`, `meterReplaced`, `duplicate`, `outOfOrder`, `dst`. */
  flags: z.array(z.string()).default([]),
  /** The meter's medium; absent for electricity (the intervals before media, unchanged). */
  medium: z.enum(MEDIA).optional(),
  /**
   * Delta over the interval of each cumulative non-electric register (OBIS id to amount in the
   * register's catalogue unit: m3, Wh, HCA units); absent when the meter has none.
   */
  consumption: z.record(z.string(), z.number().nonnegative()).optional(),
});
export type IntervalRecord = z.infer<typeof IntervalRecord>;

export const Severity = z.enum(["info", "warning", "critical"]);
export type Severity = z.infer<typeof Severity>;

export const Event = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: z.string(),
  /** e.g. threshold.power.exceeded, meter.offline, meter.decrypt.failed, anomaly.baseload */
  type: z.string().regex(/^[a-z]+(\.[a-zA-Z]+)+$/),
  severity: Severity,
  meterId: z.string(),
  at: Rfc3339,
  details: z.record(z.string(), z.unknown()).default({}),
});
export type Event = z.infer<typeof Event>;

/**
 * Message kinds on the edge routes and upstream, carried as the application property `kind`
 * (and the content type `application/json`, encoding `utf-8`).
 */
export const MessageKind = z.enum(["reading", "interval", "event", "stats", "diagnostics"]);
export type MessageKind = z.infer<typeof MessageKind>;
