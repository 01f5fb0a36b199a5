import type { Medium, Quality } from "@omdp/model";
import { mediaOf } from "@omdp/series";
import type { SeriesResolution, SeriesRow } from "../series/types";

/**
 * The series row document of the Cosmos adapter (day rows, `P1D|<start>`; see docs/cosmos-design.md;
 * the day buckets are cosmos-bucket.ts). Cosmos ids may not contain `/ \ ? #`.
 */
export interface SeriesDoc {
  id: string;
  meterId: string;
  householdId: string;
  recordId: string;
  resolution: SeriesResolution;
  start: number;
  end: number;
  importWh: number;
  exportWh: number;
  powerMinW: number | null;
  powerAvgW: number | null;
  powerMaxW: number | null;
  registers: Record<string, number>;
  sampleCount: number;
  quality: Quality;
  flags: string[];
  derived: boolean;
  /** Absent for electricity (see the series Interval). */
  medium?: Medium;
  consumption?: Record<string, number>;
  ttl?: number;
}

export function seriesDocId(resolution: SeriesResolution, start: number): string {
  return `${resolution}|${start}`;
}

export function safeId(id: string): string {
  return id.replace(/[/\\?#]/g, "_");
}

export function seriesDoc(row: SeriesRow, ttlSeconds: number | undefined): SeriesDoc {
  const doc: SeriesDoc = {
    id: seriesDocId(row.resolution, row.start),
    meterId: row.meterId,
    householdId: row.householdId,
    recordId: row.id,
    resolution: row.resolution,
    start: row.start,
    end: row.end,
    importWh: row.importWh,
    exportWh: row.exportWh,
    powerMinW: row.powerMinW,
    powerAvgW: row.powerAvgW,
    powerMaxW: row.powerMaxW,
    registers: { ...row.registers },
    sampleCount: row.sampleCount,
    quality: row.quality,
    flags: [...row.flags],
    derived: row.derived,
    ...mediaOf(row),
  };
  if (ttlSeconds !== undefined) doc.ttl = ttlSeconds;
  return doc;
}

export function rowFromDoc(d: SeriesDoc): SeriesRow {
  return {
    id: d.recordId,
    meterId: d.meterId,
    householdId: d.householdId,
    resolution: d.resolution,
    start: d.start,
    end: d.end,
    importWh: d.importWh,
    exportWh: d.exportWh,
    powerMinW: d.powerMinW,
    powerAvgW: d.powerAvgW,
    powerMaxW: d.powerMaxW,
    registers: d.registers,
    sampleCount: d.sampleCount,
    quality: d.quality,
    flags: d.flags,
    derived: d.derived,
    ...mediaOf(d),
  };
}

/** Strips Cosmos system properties (`_rid`, `_etag`, `_ts`, ...) for comparisons and output. */
export function withoutSystem<T extends object>(doc: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!k.startsWith("_")) out[k] = v;
  return out as T;
}
