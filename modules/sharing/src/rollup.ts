import type { IntervalRecord } from "@omdp/model";
import { fromInterval, type Interval, rollupIntervals, toInterval } from "@omdp/series";
import type { QueryResolution } from "./resolution";

/**
 * An interval as the edge stores and answers it: the `Interval` of @omdp/series. Records from
 * analytics (`IntervalRecord`) are normalised by `normalise` (UTC times, the one id, `derived: false`).
 */
export type StoredInterval = Interval;

/** The contract shape of a received record: the same bytes whatever offset or id it came with. */
export function normalise(rec: IntervalRecord | Interval): StoredInterval {
  return toInterval(fromInterval(rec));
}

/** Rolls children up into the interval of [start, end) at `r` (the series package's `rollup`). */
export function rollup(
  children: readonly StoredInterval[],
  r: QueryResolution,
  start: number,
  end: number,
): StoredInterval | undefined {
  if (children.length === 0) return undefined;
  const v = rollupIntervals(children[0]!.meterId, r, { start, end }, children.map(fromInterval));
  return v ? toInterval(v) : undefined;
}
