import type { Medium } from "@omdp/model";
import type { SeriesResolution, SeriesRow } from "../series/types";
import type { MeterRecord } from "./port";

/** Row mapping and SQL text of the SQLite adapter (sqlite.ts). */
export interface SeriesDbRow {
  meter_id: string;
  resolution: string;
  start: number;
  end: number;
  id: string;
  household_id: string;
  import_wh: number;
  export_wh: number;
  pmin: number | null;
  pavg: number | null;
  pmax: number | null;
  registers: string;
  samples: number;
  quality: string;
  flags: string;
  derived: number;
  medium: string | null;
  consumption: string | null;
}

/** Marks a rollup whose children carry flags: `recompute` finishes it in JS. */
export const FLAGS_PENDING = "?";

/**
 * The rollup of a bucket computed by SQLite from its children (see summarize in series/rollup.ts).
 * An update leaves `household_id` (a column of the rollup index) alone, so that the index is not
 * rewritten on every recompute; it returns the row's household, and the caller sets it with
 * ROLLUP_HOUSEHOLD_SQL in the rare case that it changed.
 */
export function rollupSqlText(children: readonly SeriesResolution[]): string {
  const inList = children.map((r) => `'${r}'`).join(",");
  const range = `meter_id = @meter AND resolution IN (${inList}) AND start >= @start AND start < @end`;
  // consumption: each code's SUM over the children's JSON, ROUND 6 as series' round6; medium: the first
  // child's that has one (one meter, one medium); both NULL for electricity.
  const consumption = `(SELECT NULLIF(json_group_object(k, ROUND(total, 6)), '{}') FROM (SELECT j.key AS k,
      SUM(j.value) AS total FROM series s, json_each(s.consumption) j WHERE s.${range.replaceAll(" AND ", " AND s.")}
      GROUP BY j.key ORDER BY j.key))`;
  const medium = `(SELECT medium FROM series WHERE ${range} AND medium IS NOT NULL ORDER BY start LIMIT 1)`;
  return `INSERT INTO series (meter_id, resolution, start, end, id, household_id, import_wh, export_wh, pmin, pavg,
      pmax, registers, samples, quality, flags, derived, medium, consumption)
    SELECT @meter, @res, @start, @end, @id, @hh, SUM(import_wh), SUM(export_wh), MIN(pmin),
      ROUND(SUM(pavg * (end - start)) / SUM(CASE WHEN pavg IS NULL THEN 0 ELSE end - start END), 3), MAX(pmax),
      (SELECT registers FROM series WHERE ${range} ORDER BY start DESC LIMIT 1),
      SUM(samples),
      CASE WHEN SUM(quality = 'estimated') > 0 THEN 'estimated'
           WHEN SUM(quality = 'partial') > 0 OR SUM(end - start) < @end - @start THEN 'partial'
           ELSE 'complete' END,
      CASE WHEN MAX(flags NOT IN ('[]', '["gap"]')) = 1 THEN '${FLAGS_PENDING}'
           WHEN MAX(flags = '["gap"]') = 1 OR SUM(end - start) < @end - @start THEN '["gap"]'
           ELSE '[]' END,
      1, ${medium}, ${consumption}
    FROM series WHERE ${range}
    HAVING COUNT(*) > 0
    ON CONFLICT (meter_id, resolution, start) DO UPDATE SET end = excluded.end, id = excluded.id,
      import_wh = excluded.import_wh, export_wh = excluded.export_wh,
      pmin = excluded.pmin, pavg = excluded.pavg, pmax = excluded.pmax, registers = excluded.registers,
      samples = excluded.samples, quality = excluded.quality, flags = excluded.flags, derived = excluded.derived,
      medium = excluded.medium, consumption = excluded.consumption
    RETURNING flags, household_id`;
}

/** Moves a rollup row to another household (after rollupSqlText returned a different one). */
export const ROLLUP_HOUSEHOLD_SQL =
  "UPDATE series SET household_id = ? WHERE meter_id = ? AND resolution = ? AND start = ?";

export const parseFlags = (s: string): string[] => (s === "[]" ? [] : (JSON.parse(s) as string[]));

export function fromDb(r: SeriesDbRow): SeriesRow {
  return {
    id: r.id,
    meterId: r.meter_id,
    householdId: r.household_id,
    resolution: r.resolution as SeriesResolution,
    start: r.start,
    end: r.end,
    importWh: r.import_wh,
    exportWh: r.export_wh,
    powerMinW: r.pmin,
    powerAvgW: r.pavg,
    powerMaxW: r.pmax,
    registers: JSON.parse(r.registers) as Record<string, number>,
    sampleCount: r.samples,
    quality: r.quality as SeriesRow["quality"],
    flags: parseFlags(r.flags),
    derived: r.derived === 1,
    ...mediaFromDb(r),
  };
}

/** The media fields of a row (absent for electricity: NULL columns). */
export function mediaFromDb(
  r: Pick<SeriesDbRow, "medium" | "consumption">,
): Pick<SeriesRow, "medium" | "consumption"> {
  return {
    ...(r.medium !== null ? { medium: r.medium as Medium } : {}),
    ...(r.consumption !== null ? { consumption: JSON.parse(r.consumption) as Record<string, number> } : {}),
  };
}

const consumptionText = (r: SeriesRow): string | null =>
  r.consumption !== undefined && Object.keys(r.consumption).length > 0 ? JSON.stringify(r.consumption) : null;

export function toDb(r: SeriesRow): SeriesDbRow {
  return {
    meter_id: r.meterId,
    resolution: r.resolution,
    start: r.start,
    end: r.end,
    id: r.id,
    household_id: r.householdId,
    import_wh: r.importWh,
    export_wh: r.exportWh,
    pmin: r.powerMinW,
    pavg: r.powerAvgW,
    pmax: r.powerMaxW,
    registers: JSON.stringify(r.registers),
    samples: r.sampleCount,
    quality: r.quality,
    flags: r.flags.length === 0 ? "[]" : JSON.stringify(r.flags),
    derived: r.derived ? 1 : 0,
    medium: r.medium ?? null,
    consumption: consumptionText(r),
  };
}

/** The row of `toDb` as positional arguments in column order (the series upsert binds by position). */
export function toDbArgs(r: SeriesRow): unknown[] {
  return [
    r.meterId,
    r.resolution,
    r.start,
    r.end,
    r.id,
    r.householdId,
    r.importWh,
    r.exportWh,
    r.powerMinW,
    r.powerAvgW,
    r.powerMaxW,
    JSON.stringify(r.registers),
    r.sampleCount,
    r.quality,
    r.flags.length === 0 ? "[]" : JSON.stringify(r.flags),
    r.derived ? 1 : 0,
    r.medium ?? null,
    consumptionText(r),
  ];
}

export function meterFromDb(r: Record<string, string>): MeterRecord {
  return {
    id: r.id!,
    householdId: r.household_id!,
    deviceId: r.device_id!,
    timeZone: r.time_zone!,
    updatedAt: r.updated_at!,
    ...(r.role === "sub" ? { role: "sub" as const } : {}),
  };
}
