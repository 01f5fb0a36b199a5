/**
 * The Belgian rule's earlier months, as both the edge's and the cloud's cost resource need them: which
 * local months before a query enter the rolling 12-month mean, and the monthly peaks of their quarter
 * hours (passed to `computeCosts` as `capacityHistory`). One definition, so both sides answer alike.
 */
import { localMidnight, wallTime } from "@omdp/model/time";
import { importsPer, type MonthPeak, monthlyPeaks } from "./capacity";
import { ZoneClock } from "./clock";
import type { Result } from "./errors";
import type { PricedInterval } from "./interval";
import { QUARTER_MS } from "./prices";
import type { Tariff } from "./schema";

/**
 * Belgian rule, months: the 11 local months before `from`'s month, whose quarter-hour peaks enter the
 * rolling 12-month mean as `capacityHistory` (the months in the query count by their own data).
 */
export function capacityWindow(tariff: Tariff, from: number): { from: number; to: number } | undefined {
  if (tariff.capacity?.rule !== "be") return undefined;
  const w = wallTime(from, tariff.timeZone);
  return {
    from: localMidnight(w.year, w.month - 11, 1, tariff.timeZone),
    to: localMidnight(w.year, w.month, 1, tariff.timeZone),
  };
}

/** The monthly peaks of earlier quarter hours (the meter's), for `capacityHistory`. */
export function capacityHistory(tariff: Tariff, quarters: readonly PricedInterval[]): Result<MonthPeak[]> {
  const clock = new ZoneClock(tariff.timeZone);
  const per = importsPer(quarters, QUARTER_MS, clock);
  if (!per.ok) return per;
  return {
    ok: true,
    value: [...monthlyPeaks(per.value, clock)].map(([month, p]) => ({ month, peakW: p.peakW })),
  };
}
