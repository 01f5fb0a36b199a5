import type { Quality } from "@omdp/model";
import { type IntervalWrite, rollupId, type SeriesResolution, type SeriesRow, SUB_HOUR } from "./types";
import { type CalendarUnit, calendarBucket } from "./tz";

/** The rollup levels: each is built from the level below (hour from sub-hour intervals). */
export const ROLLUP_LEVELS: readonly { resolution: SeriesResolution; unit: CalendarUnit }[] = [
  { resolution: "PT1H", unit: "hour" },
  { resolution: "P1D", unit: "day" },
  { resolution: "P1M", unit: "month" },
];

/** The resolutions whose rows are the children of a rollup resolution. */
export function childResolutions(resolution: SeriesResolution): readonly SeriesResolution[] {
  if (resolution === "PT1H") return SUB_HOUR;
  if (resolution === "P1D") return ["PT1H"];
  if (resolution === "P1M") return ["P1D"];
  return [];
}

/** Rollup levels strictly coarser than a received resolution (a PT1H interval feeds day and month). */
export function levelsAbove(resolution: SeriesResolution): typeof ROLLUP_LEVELS {
  const rank = ["PT1M", "PT5M", "PT15M", "PT30M", "PT1H", "P1D", "P1M"];
  return ROLLUP_LEVELS.filter((l) => rank.indexOf(l.resolution) > rank.indexOf(resolution));
}

/** A rollup to (re)compute: one meter, one level, one local calendar bucket. */
export interface RollupKey {
  readonly meterId: string;
  readonly householdId: string;
  readonly timeZone: string;
  readonly resolution: SeriesResolution;
  readonly start: number;
  readonly end: number;
}

/**
 * The rollups touched by a batch of intervals, deduplicated and ordered finest level first (an hour
 * must be recomputed before the day that contains it).
 */
export function affectedRollups(writes: readonly IntervalWrite[]): RollupKey[] {
  const out = new Map<string, RollupKey>();
  for (const w of writes) {
    for (const level of levelsAbove(w.resolution)) {
      const { start, end } = calendarBucket(w.start, w.timeZone, level.unit);
      const key = `${level.resolution}|${w.meterId}|${start}`;
      if (!out.has(key)) {
        out.set(key, {
          meterId: w.meterId,
          householdId: w.householdId,
          timeZone: w.timeZone,
          resolution: level.resolution,
          start,
          end,
        });
      }
    }
  }
  const order = ROLLUP_LEVELS.map((l) => l.resolution);
  return [...out.values()].sort(
    (a, b) => order.indexOf(a.resolution) - order.indexOf(b.resolution) || a.start - b.start,
  );
}

/** What a rollup needs of each child (a full row, or a compact slot of a Cosmos rollup document). */
export interface ChildSummary {
  readonly start: number;
  readonly end: number;
  readonly importWh: number;
  readonly exportWh: number;
  readonly powerMinW: number | null;
  readonly powerAvgW: number | null;
  readonly powerMaxW: number | null;
  readonly sampleCount: number;
  readonly quality: Quality;
  readonly flags: readonly string[];
}

/**
 * Combines children into one rollup row: energies summed, power min/max over children, average
 * weighted by each child's duration, registers of the latest child, quality `complete` only when the
 * children cover the whole bucket and are all complete (`gap` flag otherwise).
 */
export function summarize(
  key: RollupKey,
  children: readonly ChildSummary[],
  latestRegisters: Readonly<Record<string, number>>,
): SeriesRow {
  let importWh = 0;
  let exportWh = 0;
  let min: number | null = null;
  let max: number | null = null;
  let avgWeighted = 0;
  let avgWeight = 0;
  let samples = 0;
  let covered = 0;
  let estimated = false;
  let partial = false;
  const flags = new Set<string>();
  for (const c of children) {
    importWh += c.importWh;
    exportWh += c.exportWh;
    if (c.powerMinW !== null) min = min === null ? c.powerMinW : Math.min(min, c.powerMinW);
    if (c.powerMaxW !== null) max = max === null ? c.powerMaxW : Math.max(max, c.powerMaxW);
    if (c.powerAvgW !== null) {
      avgWeighted += c.powerAvgW * (c.end - c.start);
      avgWeight += c.end - c.start;
    }
    samples += c.sampleCount;
    covered += c.end - c.start;
    if (c.quality === "estimated") estimated = true;
    if (c.quality === "partial") partial = true;
    for (const f of c.flags) flags.add(f);
  }
  if (covered < key.end - key.start) {
    partial = true;
    flags.add("gap");
  }
  const quality: Quality = estimated ? "estimated" : partial ? "partial" : "complete";
  return {
    id: rollupId(key.meterId, key.resolution, key.start),
    meterId: key.meterId,
    householdId: key.householdId,
    resolution: key.resolution,
    start: key.start,
    end: key.end,
    importWh,
    exportWh,
    powerMinW: min,
    powerAvgW: avgWeight > 0 ? Math.round((avgWeighted / avgWeight) * 1000) / 1000 : null,
    powerMaxW: max,
    registers: { ...latestRegisters },
    sampleCount: samples,
    quality,
    flags: [...flags].sort(),
    derived: true,
  };
}
