import { levelsAbove as levels, type RollupChild, type RollupResolution, rollup } from "@omdp/series";
import { type IntervalWrite, rollupId, type SeriesResolution, type SeriesRow } from "./types";
import { type CalendarUnit, calendarBucket } from "./tz";

export { childResolutions } from "@omdp/series";

/** The roll-up levels of the stores: each is built from the level below (hour from sub-hour intervals). */
export const ROLLUP_LEVELS: readonly { resolution: RollupResolution; unit: CalendarUnit }[] = [
  { resolution: "PT1H", unit: "hour" },
  { resolution: "P1D", unit: "day" },
  { resolution: "P1M", unit: "month" },
];

/** Roll-up levels strictly coarser than a received resolution (a PT1H interval feeds day and month). */
export function levelsAbove(resolution: SeriesResolution): typeof ROLLUP_LEVELS {
  const above = levels(resolution);
  return ROLLUP_LEVELS.filter((l) => above.includes(l.resolution));
}

/** A roll-up to (re)compute: one meter, one level, one local calendar bucket. */
export interface RollupKey {
  readonly meterId: string;
  readonly householdId: string;
  readonly timeZone: string;
  readonly resolution: RollupResolution;
  readonly start: number;
  readonly end: number;
}

/**
 * The roll-ups touched by a batch of intervals, deduplicated and ordered finest level first (an hour
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

/** What a roll-up needs of each child (a full row, or a compact slot of a Cosmos roll-up document). */
export type ChildSummary = RollupChild;

/** The roll-up row of a key from its children: `rollup` of @omdp/series with the store's id and household. */
export function summarize(
  key: RollupKey,
  children: readonly ChildSummary[],
  latestRegisters: Readonly<Record<string, number>>,
): SeriesRow {
  const values = rollup(key.meterId, key.resolution, key, children, latestRegisters);
  if (!values)
    throw new RangeError(`summarize: no children for ${key.resolution} ${key.meterId} ${key.start}`);
  return { ...values, id: rollupId(key.meterId, key.resolution, key.start), householdId: key.householdId };
}
