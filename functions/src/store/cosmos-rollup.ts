import { type ChildSummary, levelsAbove, ROLLUP_LEVELS, type RollupKey, summarize } from "../series/rollup";
import type { IntervalWrite, SeriesResolution, SeriesRow } from "../series/types";
import { calendarBucket } from "../series/tz";
import {
  fromSlot,
  rowFromDoc,
  type SeriesDoc,
  type Slot,
  seriesDoc,
  seriesDocId,
  toSlot,
} from "./cosmos-docs";
import type { CosmosIo } from "./cosmos-io";

/**
 * Sets one meter's written intervals into their hour slots, the hours into their days, the days into
 * their months (each rollup document read-modified-written once per batch, with If-Match). Slot sets
 * are idempotent, so a redelivery or a retry after a conflict gives the same documents.
 */
export async function rollUpMeter(
  io: CosmosIo,
  writes: readonly IntervalWrite[],
  ttlSeconds: { hours: number | undefined; longer: number | undefined },
): Promise<void> {
  const first = writes[0]!;
  type Pending = {
    key: RollupKey;
    children: Map<number, { child: ChildSummary; registers: Record<string, number> }>;
  };
  const pending = new Map<SeriesResolution, Map<number, Pending>>();
  const add = (level: (typeof ROLLUP_LEVELS)[number], child: SeriesRow) => {
    const bucket = calendarBucket(child.start, first.timeZone, level.unit);
    let byStart = pending.get(level.resolution);
    if (!byStart) {
      byStart = new Map();
      pending.set(level.resolution, byStart);
    }
    let p = byStart.get(bucket.start);
    if (!p) {
      p = {
        key: {
          meterId: first.meterId,
          householdId: child.householdId,
          timeZone: first.timeZone,
          resolution: level.resolution,
          ...bucket,
        },
        children: new Map(),
      };
      byStart.set(bucket.start, p);
    }
    p.children.set(child.start, { child, registers: { ...child.registers } });
  };
  for (const w of writes) {
    const level = levelsAbove(w.resolution)[0];
    if (level) add(level, w);
  }
  // Hourly rollups live as long as the intervals; day and month rollups as long as RETENTION_ROLLUPS_DAYS.
  for (const [i, level] of ROLLUP_LEVELS.entries()) {
    const keep = level.resolution === "PT1H" ? ttlSeconds.hours : ttlSeconds.longer;
    const byStart = pending.get(level.resolution);
    if (!byStart) continue;
    for (const p of byStart.values()) {
      const doc = await io.rmw<SeriesDoc>(
        "series",
        seriesDocId(p.key.resolution, p.key.start),
        p.key.meterId,
        (cur) => {
          const slots: Record<string, Slot> = { ...(cur?.slots ?? {}) };
          let registers = cur?.registers ?? {};
          let registersEnd = cur?.registersEnd ?? Number.NEGATIVE_INFINITY;
          for (const { child, registers: r } of p.children.values()) {
            slots[String((child.start - p.key.start) / 60_000)] = toSlot(child);
            if (child.end >= registersEnd) {
              registers = r;
              registersEnd = child.end;
            }
          }
          const kids = Object.entries(slots)
            .map(([off, s]) => fromSlot(p.key.start, off, s))
            .sort((a, b) => a.start - b.start);
          const row = summarize(p.key, kids, registers);
          return { ...seriesDoc(row, keep), slots, registersEnd };
        },
      );
      const parent = ROLLUP_LEVELS[i + 1];
      if (parent) add(parent, rowFromDoc(doc));
    }
  }
}
