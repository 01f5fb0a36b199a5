import type { Quality } from "@omdp/model";
import type { ChildSummary } from "../series/rollup";
import type { SeriesResolution, SeriesRow } from "../series/types";

/**
 * Document shapes of the Cosmos adapter (see docs/cosmos-design.md). Field names are short where a
 * document is written often; Cosmos ids may not contain `/ \ ? #`.
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
  /** Rollups: child summaries by minute offset from `start` (setting a slot is idempotent). */
  slots?: Record<string, Slot>;
  /** Rollups: end of the child whose registers are kept. */
  registersEnd?: number;
  ttl?: number;
}

/** [minutes, importWh, exportWh, powerMinW, powerAvgW, powerMaxW, samples, quality(0..2), flags?] */
export type Slot = [
  number,
  number,
  number,
  number | null,
  number | null,
  number | null,
  number,
  number,
  string[]?,
];

const QUALITY: readonly Quality[] = ["complete", "partial", "estimated"];

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
  };
}

export function toSlot(c: ChildSummary): Slot {
  const slot: Slot = [
    (c.end - c.start) / 60_000,
    c.importWh,
    c.exportWh,
    c.powerMinW,
    c.powerAvgW,
    c.powerMaxW,
    c.sampleCount,
    QUALITY.indexOf(c.quality),
  ];
  if (c.flags.length > 0) slot.push([...c.flags]);
  return slot;
}

export function fromSlot(bucketStart: number, offsetMin: string, s: Slot): ChildSummary {
  const start = bucketStart + Number(offsetMin) * 60_000;
  return {
    start,
    end: start + s[0] * 60_000,
    importWh: s[1],
    exportWh: s[2],
    powerMinW: s[3],
    powerAvgW: s[4],
    powerMaxW: s[5],
    sampleCount: s[6],
    quality: QUALITY[s[7]] ?? "partial",
    flags: s[8] ?? [],
  };
}

/** Strips Cosmos system properties (`_rid`, `_etag`, `_ts`, ...) for comparisons and output. */
export function withoutSystem<T extends object>(doc: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!k.startsWith("_")) out[k] = v;
  return out as T;
}
