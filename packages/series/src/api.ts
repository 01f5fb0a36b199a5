/**
 * The one resource model of the edge local API and the cloud API for series: the same path, query
 * parameters, page envelope and RFC 9457 problem. Both servers validate with these schemas and the
 * OpenAPI document is generated from them. `x-omdp-only` marks what exists at one side only.
 */
import { MeterReading, Rfc3339, StatsMessage } from "@omdp/model";
import { z } from "zod";
import { Interval } from "./interval";
import { QueryResolution, SeriesResolution } from "./resolution";

/** The path of a meter's intervals (received and rolled up), at both sides; `{id}` is the meter id. */
export const INTERVALS_PATH = "/api/meters/{id}/intervals";
/**
 * Before the one model the cloud served intervals at `/readings`, which at the edge means raw
 * readings. The cloud keeps answering intervals there, marked deprecated; new clients use INTERVALS_PATH.
 */
export const DEPRECATED_CLOUD_INTERVALS_PATH = "/api/meters/{id}/readings";

/** Where a part of the model exists: both sides unless marked. */
export type Only = "edge" | "cloud";

/** Query of GET INTERVALS_PATH. */
export const IntervalsQuery = z.object({
  from: Rfc3339.optional().describe("inclusive start (default: 24 h before `to`)"),
  to: Rfc3339.optional().describe("exclusive end (default: now)"),
  resolution: QueryResolution.default("PT15M").describe(
    "PT15M, PT1H, P1D or P1M (days and months local to the household); the edge also answers PT1M, PT5M, PT30M",
  ),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
  continuationToken: z.string().min(1).max(4096).optional().describe("from the previous page"),
});
export type IntervalsQuery = z.infer<typeof IntervalsQuery>;

/** The edge's query: the same, with the fine resolutions it keeps (`x-omdp-only: edge`). */
export const EdgeIntervalsQuery = IntervalsQuery.extend({
  resolution: SeriesResolution.default("PT15M"),
});

/** The page envelope of every list: `items`, and `continuationToken` when there is a next page. */
export const IntervalsPage = z.object({
  meterId: z.string(),
  resolution: SeriesResolution,
  items: z.array(Interval),
  continuationToken: z.string().optional(),
});
export type IntervalsPage = z.infer<typeof IntervalsPage>;

/** RFC 9457 problem details, the one error format (plus `parameter`, the first invalid one). */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  instance: z.string().optional(),
  parameter: z.string().optional(),
  invalidParams: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

/** Continuation tokens of interval pages (both sides): base64url JSON of the last start returned. */
export function intervalsToken(lastStart: number): string {
  const json = JSON.stringify({ a: lastStart });
  return btoa(json).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The start after which the next page begins, or undefined for a token that is not ours. */
export function intervalsAfter(token: string): number | undefined {
  try {
    const v = JSON.parse(atob(token.replace(/-/g, "+").replace(/_/g, "/"))) as unknown;
    return typeof v === "object" && v !== null && typeof (v as { a: unknown }).a === "number"
      ? (v as { a: number }).a
      : undefined;
  } catch {
    return undefined;
  }
}

// ---- the parts that exist at the edge only (x-omdp-only: edge) ----

/** GET /api/meters/{id}/readings at the edge: raw readings the edge keeps (the cloud's is the deprecated intervals alias). */
export const EdgeReadingsQuery = z.object({
  from: Rfc3339.optional().describe("inclusive start (default: 1 h before `to`)"),
  to: Rfc3339.optional().describe("exclusive end (default: now)"),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});
export const EdgeReadingsPage = z.object({
  meterId: z.string(),
  from: z.string(),
  to: z.string(),
  readings: z.array(MeterReading),
});

/** GET /api/stats at the edge: analytics' day and month figures, by meter and time. */
export const StatsQuery = z.object({
  meterId: z.string().min(1).max(64).optional(),
  from: Rfc3339.optional().describe("inclusive start (default: 31 days before `to`)"),
  to: Rfc3339.optional().describe("exclusive end (default: now)"),
});
export const StatsPage = z.object({ stats: z.array(StatsMessage) });

/** GET /api/export at the edge: the household's data as JSON Lines (a recipient: its consented part). */
export const JsonlExportQuery = z.object({
  from: Rfc3339.optional().describe("inclusive start (default: everything kept)"),
  to: Rfc3339.optional().describe("exclusive end (default: now)"),
});

/** GET /api/export/influx at the edge: intervals as InfluxDB line protocol. */
export const ExportQuery = z.object({
  meter: z.string().min(1).max(64).optional().describe("one meter id (default: every meter)"),
  from: Rfc3339.optional().describe("inclusive start (default: 24 h before `to`)"),
  to: Rfc3339.optional().describe("exclusive end (default: now)"),
  resolution: SeriesResolution.default("PT15M"),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

/** GET /api/export/ha at the edge: hourly intervals as Home Assistant statistics CSV. */
export const HaExportQuery = ExportQuery.omit({ resolution: true }).extend({
  kind: z
    .enum(["counter", "measurement"])
    .default("counter")
    .describe("counter (energy) or measurement (power)"),
});

/** One operation of the model, described by the zod schemas its server validates with. */
export interface Operation {
  readonly name: string;
  readonly method: "GET";
  readonly path: string;
  readonly summary: string;
  readonly query: z.ZodObject;
  readonly response: z.ZodType;
  /** The answer's media type (default application/json). */
  readonly contentType?: string;
}

/** Operations only the edge has; the OpenAPI document marks them `x-omdp-only: edge`. */
export const EDGE_ONLY_OPERATIONS: readonly Operation[] = [
  {
    name: "edgeReadings",
    method: "GET",
    path: "/api/meters/{id}/readings",
    summary: "Raw meter readings kept at the edge (oldest first)",
    query: EdgeReadingsQuery,
    response: EdgeReadingsPage,
  },
  {
    name: "edgeStats",
    method: "GET",
    path: "/api/stats",
    summary: "Analytics' day and month figures (StatsMessage), by meter and time",
    query: StatsQuery,
    response: StatsPage,
  },
  {
    name: "edgeExport",
    method: "GET",
    path: "/api/export",
    summary: "The household's data as JSON Lines (a recipient token: what its consents permit)",
    query: JsonlExportQuery,
    response: z.string().describe("one JSON object per line (kind interval, reading or event)"),
    contentType: "application/x-ndjson",
  },
  {
    name: "edgeExportInflux",
    method: "GET",
    path: "/api/export/influx",
    summary: "Intervals as InfluxDB line protocol (a recipient token: what its consents permit)",
    query: ExportQuery,
    response: z.string().describe("InfluxDB line protocol, one point per line"),
    contentType: "text/plain",
  },
  {
    name: "edgeExportHa",
    method: "GET",
    path: "/api/export/ha",
    summary:
      "Hourly intervals as Home Assistant statistics CSV (a recipient token: what its consents permit)",
    query: HaExportQuery,
    response: z.string().describe("CSV with a header row (statistic_id, unit, start, ...)"),
    contentType: "text/csv",
  },
];

// ---- the cost resource (both sides): its query and answer are @omdp/tariffs' CostQuery and CostPage ----

/**
 * The path of a meter's costs under its household's tariff, at both sides: the meter's quarter hours
 * in `[from, to)` priced by `costPage` of `@omdp/tariffs` (query `from`, `to`, `resolution` =
 * interval | P1D | P1M; answer CostPage). A household without a tariff answers 404.
 */
export const COSTS_PATH = "/api/meters/{id}/costs";
/** Longest range one cost query may span (days), at both sides. */
export const COSTS_MAX_DAYS = 400;

/** The path of the day-ahead prices a meter's household pays by (its tariff's price file), both sides. */
export const PRICES_PATH = "/api/meters/{id}/prices";

/** Query of GET PRICES_PATH: the slots that start in `[from, to)` (at most COSTS_MAX_DAYS). */
export const PricesQuery = z.object({
  from: Rfc3339.describe("inclusive start"),
  to: Rfc3339.describe("exclusive end"),
});
export type PricesQuery = z.infer<typeof PricesQuery>;

/** The tariff's day-ahead prices, as loaded (negative as they come); a tariff without any answers 404. */
export const PricesPage = z.object({
  meterId: z.string(),
  tariffId: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  items: z.array(
    z.object({
      start: z.string(),
      end: z.string(),
      price: z
        .string()
        .regex(/^-?\d+\.\d{6}$/)
        .describe(
          "day-ahead price per kWh in `currency`, six places (before the tariff's multiplier and markup)",
        ),
    }),
  ),
});
export type PricesPage = z.infer<typeof PricesPage>;

/** The prices page of a series of slots (µ-units per kWh): the slots that start in `[from, to)`. */
export function pricesPage(
  meta: { meterId: string; tariffId: string; currency: string; timeZone: string },
  slots: readonly { start: number; end: number; price: number }[],
  from: number,
  to: number,
): PricesPage {
  const six = (m: number) => {
    const abs = Math.abs(m);
    return `${m < 0 ? "-" : ""}${Math.floor(abs / 1_000_000)}.${String(abs % 1_000_000).padStart(6, "0")}`;
  };
  const items = slots
    .filter((s) => s.start >= from && s.start < to)
    .map((s) => ({
      start: new Date(s.start).toISOString(),
      end: new Date(s.end).toISOString(),
      price: six(s.price),
    }));
  return { ...meta, items };
}
