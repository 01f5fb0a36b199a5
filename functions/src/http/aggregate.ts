import { calendarBucket } from "../series/tz";
import type { AggregateCell, AggregateRelease, HouseholdBucket } from "../store/port";

/**
 * The privacy of /api/aggregates (docs/cloud.md, "Privacy of aggregates"). The only values ever
 * released are the cells of one hour: `all` and each time zone. An hour is released once, after it
 * closed, and never recomputed (late data, joining or deleted households leave it as released); every
 * coarser answer is a sum of released cells. Within an hour every released cell has >= k households
 * and `all` minus the released zones is empty or >= k households (complementary suppression), so no
 * linear combination of answers involves fewer than k households.
 */

export type AggregateField = "importWh" | "exportWh" | "powerAvgW";

const HOUR = 3_600_000;

interface Acc {
  households: Set<string>;
  importWh: number;
  exportWh: number;
  powerAvgW: number;
  /** Every contributor has power data (else the cell's power is withheld). */
  power: boolean;
}

function accumulate(acc: Map<string, Acc>, group: string, row: HouseholdBucket): void {
  let a = acc.get(group);
  if (!a) {
    a = { households: new Set(), importWh: 0, exportWh: 0, powerAvgW: 0, power: true };
    acc.set(group, a);
  }
  a.households.add(row.householdId);
  a.importWh += row.importWh;
  a.exportWh += row.exportWh;
  if (row.powerAvgW === null) a.power = false;
  else a.powerAvgW += row.powerAvgW;
}

const cell = (group: string, a: Acc): AggregateCell => ({
  group,
  households: a.households.size,
  importWh: a.importWh,
  exportWh: a.exportWh,
  powerAvgW: a.power ? a.powerAvgW : null,
});

/**
 * The release of one hour from its households' rows (all with the same `start`). Zones with fewer
 * than k households are withheld; when `all` is released and the withheld zones together hold
 * 1..k-1 households, the smallest released zone is withheld too, so `all` minus the released zones
 * is always empty or >= k households. Pure.
 */
export function releaseHour(
  start: number,
  rows: readonly HouseholdBucket[],
  zoneOf: (householdId: string) => string,
  k: number,
  releasedAt: string,
): AggregateRelease {
  const zones = new Map<string, Acc>();
  const all = new Map<string, Acc>();
  for (const row of rows) {
    accumulate(zones, zoneOf(row.householdId), row);
    accumulate(all, "all", row);
  }
  const total = all.get("all");
  const released = [...zones].filter(([, a]) => a.households.size >= k);
  const allReleased = total !== undefined && total.households.size >= k;
  if (allReleased) {
    const covered = released.reduce((n, [, a]) => n + a.households.size, 0);
    const remainder = total.households.size - covered;
    if (remainder > 0 && remainder < k && released.length > 0) {
      // Complementary suppression: withhold the smallest released zone (ties: by name).
      released.sort(([za, a], [zb, b]) => a.households.size - b.households.size || za.localeCompare(zb));
      released.shift();
    }
  }
  const cells = released.map(([z, a]) => cell(z, a)).sort((a, b) => a.group.localeCompare(b.group));
  if (allReleased) cells.unshift(cell("all", total));
  return {
    start,
    cells,
    withheld: { all: total !== undefined && !allReleased, zones: zones.size - released.length },
    releasedAt,
  };
}

/** Hours whose start is in [from, to) and that closed at least `delayHours` before `now`. */
export function closedBefore(now: number, delayHours: number): number {
  return Math.floor(now / HOUR) * HOUR - delayHours * HOUR;
}

export interface AggregateBucket {
  group: string;
  start: string;
  /** The fewest households of any hour summed (each >= k). */
  households: number;
  sum: number;
  /** Per household: the sum over the hours of each hour's sum divided by its households. */
  mean: number;
  /** Released hours summed into the bucket. */
  hours: number;
}

export interface AnswerQuery {
  readonly resolution: "PT1H" | "P1D" | "P1M";
  readonly group: "all" | "timeZone";
  readonly field: AggregateField;
  readonly from: number;
  readonly to: number;
  /** Buckets must have ended before this (only closed buckets are answered, so answers never change). */
  readonly closedBefore: number;
}

/** Zone of a group's calendar: a zone group's own local days and months, `all` in UTC. */
function calendarOf(group: string): string {
  return group === "all" || group === "unknown" ? "UTC" : group;
}

/** Answers a query from released hours only: each bucket is a sum of released cells. Pure. */
export function answerFromReleases(
  releases: readonly AggregateRelease[],
  q: AnswerQuery,
): { buckets: AggregateBucket[]; suppressed: number } {
  const acc = new Map<string, AggregateBucket & { startMs: number; endMs: number }>();
  let suppressed = 0;
  for (const r of releases) {
    const cells = r.cells.filter((c) => (q.group === "all") === (c.group === "all"));
    suppressed += q.group === "all" ? (r.withheld.all ? 1 : 0) : r.withheld.zones;
    for (const c of cells) {
      const value = c[q.field];
      if (value === null) {
        suppressed++;
        continue;
      }
      const { start, end } =
        q.resolution === "PT1H"
          ? { start: r.start, end: r.start + HOUR }
          : calendarBucket(r.start, calendarOf(c.group), q.resolution === "P1D" ? "day" : "month");
      if (start < q.from || start >= q.to || end > q.closedBefore) continue;
      const key = `${c.group}\u0000${start}`;
      let b = acc.get(key);
      if (!b) {
        b = {
          group: c.group,
          start: new Date(start).toISOString(),
          households: c.households,
          sum: 0,
          mean: 0,
          hours: 0,
          startMs: start,
          endMs: end,
        };
        acc.set(key, b);
      }
      b.households = Math.min(b.households, c.households);
      b.sum += value;
      b.mean += value / c.households;
      b.hours++;
    }
  }
  const buckets = [...acc.values()]
    .sort((a, b) => a.startMs - b.startMs || a.group.localeCompare(b.group))
    .map(({ startMs: _s, endMs: _e, ...b }) =>
      // Power is an average: over a day or month, the mean of the hourly values (still linear).
      q.field === "powerAvgW" ? { ...b, sum: b.sum / b.hours, mean: b.mean / b.hours } : b,
    );
  return { buckets, suppressed };
}
