import { z } from "zod";

/**
 * Every resolution a series has, fine to coarse: the interval resolutions analytics emits
 * (`Resolution` of @omdp/model) plus the calendar month, which only exists as a roll-up.
 */
export const SERIES_RESOLUTIONS = ["PT1M", "PT5M", "PT15M", "PT30M", "PT1H", "P1D", "P1M"] as const;
export const SeriesResolution = z.enum(SERIES_RESOLUTIONS);
export type SeriesResolution = z.infer<typeof SeriesResolution>;

/** The levels both stores keep rolled up, each built from the level below it. */
export const ROLLUP_RESOLUTIONS = ["PT1H", "P1D", "P1M"] as const satisfies readonly SeriesResolution[];
export type RollupResolution = (typeof ROLLUP_RESOLUTIONS)[number];

/** The resolutions an interval query answers (edge and cloud alike). */
export const QUERY_RESOLUTIONS = [
  "PT15M",
  "PT1H",
  "P1D",
  "P1M",
] as const satisfies readonly SeriesResolution[];
export const QueryResolution = z.enum(QUERY_RESOLUTIONS);
export type QueryResolution = z.infer<typeof QueryResolution>;

/** Resolutions finer than an hour: the children of the hour roll-up. */
export const SUB_HOUR: readonly SeriesResolution[] = ["PT1M", "PT5M", "PT15M", "PT30M"];

/** Length of the fixed (elapsed-time) resolutions; days and months are calendar units. */
export const FIXED_MS: Readonly<Partial<Record<SeriesResolution, number>>> = {
  PT1M: 60_000,
  PT5M: 300_000,
  PT15M: 900_000,
  PT30M: 1_800_000,
  PT1H: 3_600_000,
};

/** Order from fine to coarse: a larger rank is coarser. */
export function rank(r: SeriesResolution): number {
  return SERIES_RESOLUTIONS.indexOf(r);
}

export function isSeriesResolution(v: string): v is SeriesResolution {
  return (SERIES_RESOLUTIONS as readonly string[]).includes(v);
}

/** The resolutions whose intervals are the children of a roll-up level. */
export function childResolutions(r: RollupResolution): readonly SeriesResolution[] {
  if (r === "PT1H") return SUB_HOUR;
  if (r === "P1D") return ["PT1H"];
  return ["P1D"];
}

/** Roll-up levels strictly coarser than `r` (a PT15M interval feeds the hour, the day and the month). */
export function levelsAbove(r: SeriesResolution): RollupResolution[] {
  return ROLLUP_RESOLUTIONS.filter((l) => rank(l) > rank(r));
}
