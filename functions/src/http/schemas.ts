import { Event, PropertyValue, Rfc3339 } from "@omdp/model";
import { Interval } from "@omdp/series";
import { z } from "zod";
import { isValidTimeZone } from "../series/tz";

/**
 * Request and response schemas of the cloud API. Handlers validate with them and
 * `/api/openapi.json` is generated from them (z.toJSONSchema), so the document cannot drift.
 */
const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._:-]+$/, "letters, digits and . _ : - only");

export const MeterIdParams = z.object({ id: Id });
export const HouseholdIdParams = z.object({ id: Id });

const Limit = (max: number, dflt: number) => z.coerce.number().int().min(1).max(max).default(dflt);
const Token = z.string().min(1).max(4096).optional();

/** The intervals query and page of both APIs (@omdp/series api.ts); `/readings` is their deprecated alias. */
export { IntervalsPage, IntervalsQuery, Problem } from "@omdp/series";

export const RangeQuery = z.object({ from: Rfc3339, to: Rfc3339 });

export const AlertsQuery = z.object({
  from: Rfc3339.optional().describe("inclusive start (default: 7 days before `to`)"),
  to: Rfc3339.optional().describe("exclusive end (default: now)"),
  meterId: Id.optional(),
  limit: Limit(1000, 200),
  continuationToken: Token,
});

/** Properties the aggregate endpoint offers (OBIS ids), mapped to rollup fields. */
export const AGGREGATE_PROPERTIES = {
  "1-0:1.8.0": "importWh",
  "1-0:2.8.0": "exportWh",
  "1-0:1.7.0": "powerAvgW",
} as const;
export const AggregatesQuery = z.object({
  property: z.enum(Object.keys(AGGREGATE_PROPERTIES) as ["1-0:1.8.0", "1-0:2.8.0", "1-0:1.7.0"]),
  resolution: z.enum(["PT1H", "P1D", "P1M"]),
  from: Rfc3339,
  to: Rfc3339,
  group: z.enum(["all", "timeZone"]).default("all"),
});

export const MetersQuery = z.object({ householdId: Id.optional() });

export const PutMeterBody = z.object({
  householdId: Id,
  deviceId: z.string().min(1).max(128),
  timeZone: z
    .string()
    .refine(isValidTimeZone, "not an IANA time zone")
    .default("UTC")
    .describe("IANA zone of the household: days and months of the rollups are local"),
  role: z
    .enum(["main", "sub"])
    .optional()
    .describe("sub: measures part of a main meter of the household; household costs leave it out by default"),
});

export const ExportBody = z.object({
  format: z.enum(["jsonl", "csv"]).default("jsonl"),
  from: Rfc3339.optional(),
  to: Rfc3339.optional(),
});

// ---- responses ----
export const Meter = z.object({
  id: z.string(),
  householdId: z.string(),
  deviceId: z.string(),
  timeZone: z.string(),
  updatedAt: z.string(),
  role: z.enum(["main", "sub"]).optional(),
});
export const MeterList = z.object({ items: z.array(Meter) });

export const Latest = z.object({
  meterId: z.string(),
  householdId: z.string(),
  updatedAt: z.string().nullable(),
  reading: z.object({ readingTime: z.string(), values: z.array(PropertyValue) }).optional(),
  interval: Interval.optional(),
});

const Totals = z.object({
  energyImportedWh: z.number(),
  energyExportedWh: z.number(),
  powerMaxW: z.number().nullable(),
  hours: z.number().describe("hours of the range covered by hourly data"),
});
export const Summary = z.object({
  householdId: z.string(),
  from: z.string(),
  to: z.string(),
  totals: Totals,
  meters: z.array(Totals.extend({ meterId: z.string() })),
});

export const AlertsPage = z.object({
  items: z.array(Event),
  continuationToken: z.string().optional(),
});

export const Aggregates = z.object({
  property: z.string(),
  resolution: z.string(),
  group: z.string(),
  k: z.number().describe("smallest group returned (k-anonymity)"),
  buckets: z.array(
    z.object({
      group: z.string(),
      start: z.string(),
      households: z.number().describe("fewest households of any hour summed (each >= k)"),
      sum: z.number().describe("sum of the released hours (power: their mean)"),
      mean: z.number().describe("per household"),
      hours: z.number().describe("released hours summed into the bucket"),
    }),
  ),
  suppressed: z
    .number()
    .describe(
      "hour cells withheld (fewer than k households, or complementary suppression) among the hours read",
    ),
});

export const Health = z.object({ status: z.literal("ok"), store: z.string(), time: z.string() });

export const DeletionResult = z.object({
  householdId: z.string(),
  deleted: z.object({
    meters: z.number(),
    intervals: z.number(),
    rollups: z.number(),
    readings: z.number(),
    latest: z.number(),
    events: z.number(),
    deadLetters: z.number(),
    exports: z.number(),
  }),
});

export const ExportResult = z.object({
  householdId: z.string(),
  format: z.enum(["jsonl", "csv"]),
  blobName: z.string(),
  url: z.string().describe("read-only SAS link"),
  expiresAt: z.string(),
  records: z.number(),
});

/** Default range ends: `to` now, `from` `spanMs` earlier. */
export function range(
  q: { from?: string; to?: string },
  spanMs: number,
  now = Date.now(),
): { from: number; to: number } {
  const to = q.to ? Date.parse(q.to) : now;
  const from = q.from ? Date.parse(q.from) : to - spanMs;
  return { from, to };
}
