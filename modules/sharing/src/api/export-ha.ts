/**
 * GET /api/export/ha: hourly intervals as a Home Assistant long-term statistics import file, the CSV
 * that the "Import Statistics" integration (klausj1/homeassistant-statistics, action
 * `import_statistics.import_from_file`, README "File Format Requirements") reads: columns
 * `statistic_id`, `unit`, `start` and either `state`, `sum` (counters: state_class total/total_increasing)
 * or `min`, `max`, `mean` (measurements); one kind per file; `start` a full hour. Statistic ids are
 * external (`sensor:<name>`, lower-case letters, digits and underscores), so no entity has to exist.
 * `start` is written in UTC as `%Y-%m-%d %H:%M`: import with `datetime_format: "%Y-%m-%d %H:%M"`,
 * `timezone_identifier: UTC`, `delimiter: ","`, `decimal: "."`.
 * Counters: electricity import in kWh, and export where the meter has an export register or exported in
 * the hour (state: the register at the hour's end, else the sum),
 * each water/heat/gas/HCA register's consumption in its unit (m³, kWh, HCA); `sum` is the running total
 * of the hours exported, from 0 at the first one. Measurements: power in W (min, max, mean).
 */
import { propertyDefinition } from "@omdp/model";
import { round6 } from "@omdp/series";
import type { StoredInterval } from "../rollup";
import type { ApiDeps, Caller } from "./deps";
import { badParameter } from "./errors";
import { exportIntervals, exportRange } from "./export-query";
import { writeChunk } from "./http-io";
import type { RequestContext } from "./router";

export type HaKind = "counter" | "measurement";
export const HA_COUNTER_HEADER = "statistic_id,unit,start,state,sum";
export const HA_MEASUREMENT_HEADER = "statistic_id,unit,start,min,max,mean";

/** `sensor:omdp_<meter>_<series>` with every character outside a-z 0-9 as `_`. */
export function statisticId(meterId: string, series: string): string {
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "_");
  return `sensor:omdp_${slug(meterId)}_${slug(series)}`;
}

/** `start` in UTC, `YYYY-MM-DD HH:MM`. */
export function haStart(iso: string): string {
  return new Date(Date.parse(iso)).toISOString().slice(0, 16).replace("T", " ");
}

interface CounterSeries {
  readonly series: string;
  readonly unit: string;
  readonly delta: number;
  readonly state: number | undefined;
}

/** A catalogue unit as Home Assistant writes it, and the factor from the catalogue's unit. */
function haUnit(obis: string): { unit: string; factor: number } {
  const unit = propertyDefinition(obis)?.unit ?? "";
  if (unit === "Wh") return { unit: "kWh", factor: 1 / 1000 };
  if (unit === "m3") return { unit: "m³", factor: 1 };
  return { unit, factor: 1 };
}

function countersOf(i: StoredInterval): CounterSeries[] {
  if (i.medium !== undefined) {
    return Object.entries(i.consumption ?? {}).map(([obis, delta]) => {
      const { unit, factor } = haUnit(obis);
      const reg = i.registers[obis];
      return {
        series: obis,
        unit,
        delta: delta * factor,
        state: reg === undefined ? undefined : reg * factor,
      };
    });
  }
  const reg = (obis: string) => (i.registers[obis] === undefined ? undefined : i.registers[obis]! / 1000);
  const out = [
    { series: "energy_import", unit: "kWh", delta: i.energyImportedWh / 1000, state: reg("1-0:1.8.0") },
  ];
  // export only of meters that count it (an export register, or energy exported in the hour)
  if (i.registers["1-0:2.8.0"] !== undefined || i.energyExportedWh > 0)
    out.push({
      series: "energy_export",
      unit: "kWh",
      delta: i.energyExportedWh / 1000,
      state: reg("1-0:2.8.0"),
    });
  return out;
}

/** Rows of counter statistics; `sums` carries each statistic's running total across pages. */
export function counterRows(intervals: readonly StoredInterval[], sums: Map<string, number>): string[] {
  const rows: string[] = [];
  for (const i of intervals) {
    for (const c of countersOf(i)) {
      const id = statisticId(i.meterId, c.series);
      const sum = round6((sums.get(id) ?? 0) + c.delta);
      sums.set(id, sum);
      rows.push(`${id},${c.unit},${haStart(i.intervalStart)},${round6(c.state ?? sum)},${sum}`);
    }
  }
  return rows;
}

/** Rows of the power measurement (hours without power values are left out). */
export function measurementRows(intervals: readonly StoredInterval[]): string[] {
  const rows: string[] = [];
  for (const i of intervals) {
    if (i.powerMinW === null || i.powerMaxW === null || i.powerAvgW === null) continue;
    const id = statisticId(i.meterId, "power");
    rows.push(`${id},W,${haStart(i.intervalStart)},${i.powerMinW},${i.powerMaxW},${i.powerAvgW}`);
  }
  return rows;
}

function kindParam(q: URLSearchParams): HaKind {
  const raw = q.get("kind") ?? "counter";
  if (raw !== "counter" && raw !== "measurement")
    throw badParameter("kind", `expected counter or measurement; got "${raw}"`);
  return raw;
}

export async function handleHaExport(c: RequestContext, deps: ApiDeps, caller: Caller | undefined) {
  const q = new URLSearchParams(c.url.searchParams);
  const kind = kindParam(q);
  q.delete("kind");
  const range = exportRange(deps, q, "PT1H");
  const pages = exportIntervals(deps, range, caller?.recipient ?? null);
  c.res.writeHead(200, {
    "content-type": "text/csv; charset=utf-8",
    "cache-control": "no-store",
    "content-disposition": `attachment; filename="omdp-statistics-${kind}.csv"`,
  });
  await writeChunk(c.res, `${kind === "counter" ? HA_COUNTER_HEADER : HA_MEASUREMENT_HEADER}\n`);
  const sums = new Map<string, number>();
  for (const page of pages) {
    if (c.res.destroyed) return;
    const rows = kind === "counter" ? counterRows(page, sums) : measurementRows(page);
    if (rows.length > 0) await writeChunk(c.res, `${rows.join("\n")}\n`);
  }
  c.res.end();
}
