import type { IntervalRecord, Quality } from "@omdp/model";
import type { QueryResolution } from "./resolution";
import { formatInstant } from "./tz";

/** An interval record at any query resolution (the model's records plus local monthly roll-ups). */
export type StoredInterval = Omit<IntervalRecord, "resolution"> & { resolution: QueryResolution };

/**
 * Rolls finer interval records up into one record covering [start, end) at resolution `r`.
 * Energy is summed (registers deltas add up), power min/max are the extremes, the average is weighted
 * by the covered time, registers are those at the latest child end, and the quality is `complete` only
 * when every child is complete and the children cover the whole bucket; otherwise `partial`
 * (`estimated` when a child was estimated and coverage is full). Flags are the union of the children's.
 */
export function rollup(
  children: readonly StoredInterval[],
  r: QueryResolution,
  start: number,
  end: number,
  timeZone: string,
): StoredInterval | undefined {
  if (children.length === 0) return undefined;
  const meterId = children[0]!.meterId;
  let imported = 0;
  let exported = 0;
  let min: number | null = null;
  let max: number | null = null;
  let avgWeighted = 0;
  let avgWeight = 0;
  let samples = 0;
  let covered = 0;
  let latestEnd = Number.NEGATIVE_INFINITY;
  let registers: Record<string, number> = {};
  let anyPartial = false;
  let anyEstimated = false;
  const flags = new Set<string>();
  for (const c of children) {
    const cs = Date.parse(c.intervalStart);
    const ce = Date.parse(c.intervalEnd);
    imported += c.energyImportedWh;
    exported += c.energyExportedWh;
    if (c.powerMinW !== null) min = min === null ? c.powerMinW : Math.min(min, c.powerMinW);
    if (c.powerMaxW !== null) max = max === null ? c.powerMaxW : Math.max(max, c.powerMaxW);
    if (c.powerAvgW !== null) {
      avgWeighted += c.powerAvgW * (ce - cs);
      avgWeight += ce - cs;
    }
    samples += c.sampleCount;
    covered += ce - cs;
    if (ce > latestEnd) {
      latestEnd = ce;
      registers = c.registers;
    }
    if (c.quality === "partial") anyPartial = true;
    if (c.quality === "estimated") anyEstimated = true;
    for (const f of c.flags) flags.add(f);
  }
  const full = covered >= end - start;
  const quality: Quality = anyPartial || !full ? "partial" : anyEstimated ? "estimated" : "complete";
  const intervalStart = formatInstant(start, timeZone);
  return {
    schemaVersion: 1,
    id: `${meterId}|${r}|${intervalStart}`,
    meterId,
    resolution: r,
    intervalStart,
    intervalEnd: formatInstant(end, timeZone),
    energyImportedWh: imported,
    energyExportedWh: exported,
    powerMinW: min,
    powerAvgW: avgWeight > 0 ? Math.round((avgWeighted / avgWeight) * 1000) / 1000 : null,
    powerMaxW: max,
    registers: { ...registers },
    sampleCount: samples,
    quality,
    flags: [...flags].sort(),
  };
}
