/**
 * GET /api/export/influx: intervals as InfluxDB line protocol (one point a line,
 * `measurement,tags fields timestamp`), the syntax of the InfluxDB v1/v2 line protocol reference
 * (docs.influxdata.com, "Line protocol" and its "Special characters"):
 * - measurement: escape comma and space; tag keys, tag values and field keys: escape comma, equals
 *   sign and space; string field values: escape double quote and backslash (nothing else is escaped:
 *   a backslash elsewhere is literal);
 * - floats as decimal (or scientific) numbers, integers with the `i` suffix, booleans `true`/`false`;
 * - timestamps in nanoseconds since the Unix epoch (`precision=ns`, the default of the write API).
 * Points: measurement `omdp_interval`, tags meter, resolution, medium (`electricity` when the interval
 * has none) and quality; fields the interval's values (power only where the interval has them,
 * registers as `register.<OBIS>`, media consumption as `consumption.<OBIS>`); time the interval start.
 */
import type { StoredInterval } from "../rollup";
import type { ApiDeps, Caller } from "./deps";
import { exportIntervals, exportRange } from "./export-query";
import { writeChunk } from "./http-io";
import type { RequestContext } from "./router";

export const INFLUX_MEASUREMENT = "omdp_interval";

/** Measurement names: comma and space escaped. */
export function escapeMeasurement(s: string): string {
  return s.replace(/[, ]/g, (c) => `\\${c}`);
}

/** Tag keys, tag values and field keys: comma, equals sign and space escaped; a line break is a space. */
export function escapeKey(s: string): string {
  return s.replace(/[\r\n]/g, " ").replace(/[,= ]/g, (c) => `\\${c}`);
}

/** A string field value in double quotes, with double quote and backslash escaped. */
export function quoteString(s: string): string {
  return `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

type FieldValue = number | boolean | { readonly int: number };

function fieldText(v: FieldValue): string {
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") return String(v);
  return `${Math.trunc(v.int)}i`;
}

/** One point as a line (no newline); fields that are not finite numbers are left out. */
export function pointLine(
  measurement: string,
  tags: Readonly<Record<string, string>>,
  fields: Readonly<Record<string, FieldValue>>,
  timestampMs: number,
): string {
  const tagText = Object.keys(tags)
    .filter((k) => tags[k] !== "")
    .sort()
    .map((k) => `,${escapeKey(k)}=${escapeKey(tags[k]!)}`)
    .join("");
  const fieldParts: string[] = [];
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === "number" && !Number.isFinite(v)) continue;
    fieldParts.push(`${escapeKey(k)}=${fieldText(v)}`);
  }
  const ns = BigInt(Math.trunc(timestampMs)) * 1_000_000n;
  return `${escapeMeasurement(measurement)}${tagText} ${fieldParts.join(",")} ${ns}`;
}

/** The point of one interval. */
export function intervalLine(i: StoredInterval): string {
  const fields: Record<string, FieldValue> = {
    energy_imported_wh: i.energyImportedWh,
    energy_exported_wh: i.energyExportedWh,
  };
  if (i.powerMinW !== null) fields.power_min_w = i.powerMinW;
  if (i.powerAvgW !== null) fields.power_avg_w = i.powerAvgW;
  if (i.powerMaxW !== null) fields.power_max_w = i.powerMaxW;
  for (const [obis, v] of Object.entries(i.registers)) fields[`register.${obis}`] = v;
  for (const [obis, v] of Object.entries(i.consumption ?? {})) fields[`consumption.${obis}`] = v;
  fields.sample_count = { int: i.sampleCount };
  fields.derived = i.derived;
  const tags = {
    meter: i.meterId,
    resolution: i.resolution,
    medium: i.medium ?? "electricity",
    quality: i.quality,
  };
  return pointLine(INFLUX_MEASUREMENT, tags, fields, Date.parse(i.intervalStart));
}

export async function handleInfluxExport(c: RequestContext, deps: ApiDeps, caller: Caller | undefined) {
  const range = exportRange(deps, c.url.searchParams);
  const pages = exportIntervals(deps, range, caller?.recipient ?? null);
  c.res.writeHead(200, {
    "content-type": "text/plain; charset=utf-8",
    "cache-control": "no-store",
    "content-disposition": 'attachment; filename="omdp-intervals.lp"',
  });
  for (const page of pages) {
    if (c.res.destroyed) return;
    await writeChunk(c.res, `${page.map(intervalLine).join("\n")}\n`);
  }
  c.res.end();
}
