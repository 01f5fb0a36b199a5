import { type IntervalRecord, intervalId, type Quality } from "@omdp/model";

/** Resolutions the cloud stores: the edge's interval resolutions plus the month rollup. */
export const SERIES_RESOLUTIONS = ["PT1M", "PT5M", "PT15M", "PT30M", "PT1H", "P1D", "P1M"] as const;
export type SeriesResolution = (typeof SERIES_RESOLUTIONS)[number];
/** Resolutions finer than an hour: the children of the hour rollup. */
export const SUB_HOUR: readonly SeriesResolution[] = ["PT1M", "PT5M", "PT15M", "PT30M"];

/**
 * One row of a meter's time series: a received interval (`derived: false`) or a rollup made from
 * them (`derived: true`). Times are epoch milliseconds; `householdId` is copied from the registry at
 * ingest so that household deletion and aggregates need no join.
 */
export interface SeriesRow {
  readonly id: string;
  readonly meterId: string;
  readonly householdId: string;
  readonly resolution: SeriesResolution;
  readonly start: number;
  readonly end: number;
  readonly importWh: number;
  readonly exportWh: number;
  readonly powerMinW: number | null;
  readonly powerAvgW: number | null;
  readonly powerMaxW: number | null;
  readonly registers: Readonly<Record<string, number>>;
  readonly sampleCount: number;
  readonly quality: Quality;
  readonly flags: readonly string[];
  readonly derived: boolean;
}

/** An interval to write, with the meter's time zone (local days and months of its rollups). */
export interface IntervalWrite extends SeriesRow {
  readonly timeZone: string;
}

export function rowFromInterval(rec: IntervalRecord, householdId: string): SeriesRow {
  return {
    id: rec.id,
    meterId: rec.meterId,
    householdId,
    resolution: rec.resolution,
    start: Date.parse(rec.intervalStart),
    end: Date.parse(rec.intervalEnd),
    importWh: rec.energyImportedWh,
    exportWh: rec.energyExportedWh,
    powerMinW: rec.powerMinW,
    powerAvgW: rec.powerAvgW,
    powerMaxW: rec.powerMaxW,
    registers: rec.registers,
    sampleCount: rec.sampleCount,
    quality: rec.quality,
    flags: rec.flags,
    derived: false,
  };
}

/** The API shape of a series row: an IntervalRecord (resolution may also be P1M) plus `derived`. */
export interface ApiInterval {
  schemaVersion: 1;
  id: string;
  meterId: string;
  resolution: SeriesResolution;
  intervalStart: string;
  intervalEnd: string;
  energyImportedWh: number;
  energyExportedWh: number;
  powerMinW: number | null;
  powerAvgW: number | null;
  powerMaxW: number | null;
  registers: Record<string, number>;
  sampleCount: number;
  quality: Quality;
  flags: string[];
  derived: boolean;
}

export function apiInterval(row: SeriesRow): ApiInterval {
  return {
    schemaVersion: 1,
    id: row.id,
    meterId: row.meterId,
    resolution: row.resolution,
    intervalStart: new Date(row.start).toISOString(),
    intervalEnd: new Date(row.end).toISOString(),
    energyImportedWh: row.importWh,
    energyExportedWh: row.exportWh,
    powerMinW: row.powerMinW,
    powerAvgW: row.powerAvgW,
    powerMaxW: row.powerMaxW,
    registers: { ...row.registers },
    sampleCount: row.sampleCount,
    quality: row.quality,
    flags: [...row.flags],
    derived: row.derived,
  };
}

/** Deterministic id of a rollup row (the same rule as intervalId, with a UTC start). */
export function rollupId(meterId: string, resolution: SeriesResolution, start: number): string {
  return intervalId(meterId, resolution as never, new Date(start).toISOString());
}
