import type { HouseholdBucket } from "../store/port";

export interface AggregateBucket {
  group: string;
  start: string;
  households: number;
  sum: number;
  mean: number;
}

/**
 * Groups per-household bucket totals into (group, start) buckets and withholds every bucket to which
 * fewer than `k` households contributed, so no household can be singled out. Pure.
 */
export function aggregateBuckets(
  rows: readonly HouseholdBucket[],
  field: "importWh" | "exportWh" | "powerAvgW",
  groupOf: (householdId: string) => string,
  k: number,
): { buckets: AggregateBucket[]; suppressed: number } {
  const acc = new Map<string, { group: string; start: number; households: Set<string>; sum: number }>();
  for (const row of rows) {
    const value = row[field];
    if (value === null) continue;
    const group = groupOf(row.householdId);
    const key = `${group}\u0000${row.start}`;
    let b = acc.get(key);
    if (!b) {
      b = { group, start: row.start, households: new Set(), sum: 0 };
      acc.set(key, b);
    }
    b.households.add(row.householdId);
    b.sum += value;
  }
  const buckets: AggregateBucket[] = [];
  let suppressed = 0;
  for (const b of acc.values()) {
    if (b.households.size < k) {
      suppressed++;
      continue;
    }
    buckets.push({
      group: b.group,
      start: new Date(b.start).toISOString(),
      households: b.households.size,
      sum: b.sum,
      mean: b.sum / b.households.size,
    });
  }
  buckets.sort((a, b) => a.start.localeCompare(b.start) || a.group.localeCompare(b.group));
  return { buckets, suppressed };
}
