import { localFields, localMidnight, offsetMs } from "./tz";

/** Resolutions the local API answers (`P1M` only locally: the data model has no monthly record). */
export const QUERY_RESOLUTIONS = ["PT1M", "PT5M", "PT15M", "PT30M", "PT1H", "P1D", "P1M"] as const;
export type QueryResolution = (typeof QUERY_RESOLUTIONS)[number];

/** Resolutions the store keeps rolled up whenever a finer interval arrives. */
export const ROLLUP_RESOLUTIONS: readonly QueryResolution[] = ["PT15M", "PT1H", "P1D", "P1M"];

const FIXED_MS: Partial<Record<QueryResolution, number>> = {
  PT1M: 60_000,
  PT5M: 300_000,
  PT15M: 900_000,
  PT30M: 1_800_000,
  PT1H: 3_600_000,
};

/** Order from fine to coarse: a larger rank is coarser. */
export function rank(r: QueryResolution): number {
  return QUERY_RESOLUTIONS.indexOf(r);
}

export function isQueryResolution(v: string): v is QueryResolution {
  return (QUERY_RESOLUTIONS as readonly string[]).includes(v);
}

export interface Bucket {
  start: number;
  end: number;
}

/**
 * The bucket of resolution `r` that contains instant `ms`, aligned to the wall clock of `timeZone`
 * (sub-daily buckets follow the local clock: in +05:30 an hour starts at :30 UTC; daily and monthly
 * buckets start at local midnight, so DST days last 23 or 25 hours).
 */
export function bucketOf(ms: number, r: QueryResolution, timeZone: string): Bucket {
  const fixed = FIXED_MS[r];
  if (fixed !== undefined) {
    const local = ms + offsetMs(ms, timeZone);
    const start = ms - (((local % fixed) + fixed) % fixed);
    return { start, end: start + fixed };
  }
  const f = localFields(ms, timeZone);
  if (r === "P1D") {
    return {
      start: localMidnight(f.year, f.month, f.day, timeZone),
      end: localMidnight(f.year, f.month, f.day + 1, timeZone),
    };
  }
  return {
    start: localMidnight(f.year, f.month, 1, timeZone),
    end: localMidnight(f.year, f.month + 1, 1, timeZone),
  };
}

/** Every bucket of `r` overlapping [from, to), in order. Bounded by `max` buckets. */
export function bucketsBetween(
  from: number,
  to: number,
  r: QueryResolution,
  timeZone: string,
  max = 100_000,
): Bucket[] {
  const out: Bucket[] = [];
  let t = from;
  while (t < to && out.length < max) {
    const b = bucketOf(t, r, timeZone);
    out.push(b);
    t = b.end;
  }
  return out;
}
