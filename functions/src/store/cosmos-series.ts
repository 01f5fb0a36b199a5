/**
 * The series of the Cosmos adapter in bucketed documents (docs/cosmos-design.md, "Bucketed documents"),
 * all in the meter's partition of `series`:
 * - `d|<local day start>`: the day bucket, every received interval of the day (cosmos-bucket.ts),
 *   read-modified-written once per meter per ingested batch;
 * - `P1D|<local day start>`: the day's roll-up row, recomputed from the bucket and upserted;
 * - hour roll-ups are computed from the bucket when read, month roll-ups from the month's day rows
 *   (the same `summarize` as at ingest and in SQLite, so the answers are those of the stored rows);
 * - each touched hour's totals go to `hourly` (partition = the hour), the input of the hourly
 *   aggregate release (precomputed: the release reads one hour's partition, never the series).
 * Idempotent: a redelivered batch merges into an identical bucket (the replace is skipped) and upserts
 * identical rows.
 */
import { BulkOperationType, type JSONObject, type OperationInput } from "@azure/cosmos";
import { type ChildSummary, summarize } from "../series/rollup";
import { type IntervalWrite, type SeriesResolution, type SeriesRow, SUB_HOUR } from "../series/types";
import { calendarBucket } from "../series/tz";
import { type DayBucketDoc, dayBucketId, decodeColumns, mergeDay } from "./cosmos-bucket";
import { rowFromDoc, type SeriesDoc, seriesDoc } from "./cosmos-docs";
import { type CosmosIo, pool } from "./cosmos-io";
import { seriesQuery } from "./cosmos-query";
import { decodeToken, encodeToken, type Page } from "./port";

const HOUR = 3_600_000;
const DAY_REACH = 26 * HOUR; // a local day is at most 25 h long
const MONTH_REACH = 32 * 24 * HOUR;
/** Day buckets per query when reading intervals (a month: ~170 KB at PT15M). */
const BUCKET_CHUNK = 31;

/** Shards per hour in `hourly`: an hour's writes (every meter) spread over 16 logical partitions. */
export const HOURLY_SHARDS = 16;

/** The partition of a meter's contribution to an hour: `<hour start>|<shard of the meter id>`. */
export function hourlyPartition(hourStart: number, meterId: string): string {
  let h = 2166136261; // FNV-1a, 32 bit
  for (let i = 0; i < meterId.length; i++) h = Math.imul(h ^ meterId.charCodeAt(i), 16777619) >>> 0;
  return `${hourStart}|${h % HOURLY_SHARDS}`;
}

/** One meter's contribution to an hour's aggregates (container `hourly`, partition key `h`). */
export interface HourContribution {
  id: string;
  h: string;
  meterId: string;
  householdId: string;
  start: number;
  importWh: number;
  exportWh: number;
  powerAvgW: number | null;
  ttl?: number;
}

const isCursor = (v: unknown): v is { s: number } =>
  typeof v === "object" && v !== null && typeof (v as { s: unknown }).s === "number";

const latestRegisters = (children: readonly SeriesRow[]): Record<string, number> => {
  let best: SeriesRow | undefined;
  for (const c of children) if (!best || c.end >= best.end) best = c;
  return best ? { ...best.registers } : {};
};

/** Every received row of a bucket (all resolutions), oldest first. */
export function bucketRows(doc: DayBucketDoc): SeriesRow[] {
  return (Object.entries(doc.res) as [SeriesResolution, NonNullable<DayBucketDoc["res"]["PT15M"]>][])
    .flatMap(([res, cols]) => decodeColumns(doc, res, cols))
    .sort((a, b) => a.start - b.start);
}

/** The hour roll-ups of a bucket's sub-hour rows (local hours of `timeZone`). */
export function bucketHours(doc: DayBucketDoc, timeZone: string): SeriesRow[] {
  const byHour = new Map<number, { end: number; kids: SeriesRow[] }>();
  for (const r of bucketRows(doc)) {
    if (!(SUB_HOUR as readonly string[]).includes(r.resolution)) continue;
    const b = calendarBucket(r.start, timeZone, "hour");
    const h = byHour.get(b.start) ?? { end: b.end, kids: [] };
    h.kids.push(r);
    byHour.set(b.start, h);
  }
  return [...byHour]
    .sort((a, b) => a[0] - b[0])
    .map(([start, h]) =>
      summarize(
        {
          meterId: doc.meterId,
          householdId: doc.householdId,
          timeZone,
          resolution: "PT1H",
          start,
          end: h.end,
        },
        h.kids as ChildSummary[],
        latestRegisters(h.kids),
      ),
    );
}

/** The day roll-up of a bucket: its hours (derived, and PT1H intervals as received). */
export function bucketDay(doc: DayBucketDoc, timeZone: string): SeriesRow | undefined {
  const kids = new Map<number, SeriesRow>();
  for (const r of bucketRows(doc)) if (r.resolution === "PT1H") kids.set(r.start, r);
  for (const h of bucketHours(doc, timeZone)) kids.set(h.start, h);
  const children = [...kids.values()].sort((a, b) => a.start - b.start);
  if (children.length === 0) return undefined;
  return summarize(
    {
      meterId: doc.meterId,
      householdId: doc.householdId,
      timeZone,
      resolution: "P1D",
      start: doc.start,
      end: doc.end,
    },
    children as ChildSummary[],
    latestRegisters(children),
  );
}

/** Month roll-ups of a meter's day rows (local months of `timeZone`). */
export function monthsOf(days: readonly SeriesRow[], timeZone: string): SeriesRow[] {
  const byMonth = new Map<number, { end: number; kids: SeriesRow[] }>();
  for (const d of days) {
    const b = calendarBucket(d.start, timeZone, "month");
    const m = byMonth.get(b.start) ?? { end: b.end, kids: [] };
    m.kids.push(d);
    byMonth.set(b.start, m);
  }
  return [...byMonth]
    .sort((a, b) => a[0] - b[0])
    .map(([start, m]) => {
      const kids = m.kids.sort((a, b) => a.start - b.start);
      return summarize(
        {
          meterId: kids[0]!.meterId,
          householdId: kids[0]!.householdId,
          timeZone,
          resolution: "P1M",
          start,
          end: m.end,
        },
        kids as ChildSummary[],
        latestRegisters(kids),
      );
    });
}

export class BucketSeries {
  constructor(
    private readonly io: CosmosIo,
    private readonly ttl: { intervals: number | undefined; rollups: number | undefined; hourly: number },
    private readonly concurrency: number,
  ) {}

  /** Merges the writes into their day buckets, then upserts the day rows and hour contributions. */
  async write(writes: readonly IntervalWrite[]): Promise<void> {
    const byMeter = new Map<string, IntervalWrite[]>();
    for (const w of writes) byMeter.set(w.meterId, [...(byMeter.get(w.meterId) ?? []), w]);
    await pool([...byMeter.values()], this.concurrency, (ws) => this.writeMeter(ws));
  }

  private async writeMeter(writes: readonly IntervalWrite[]): Promise<void> {
    const { meterId, timeZone } = writes[0]!;
    const byDay = new Map<number, { end: number; householdId: string; rows: IntervalWrite[] }>();
    for (const w of writes) {
      const b = calendarBucket(w.start, timeZone, "day");
      const d = byDay.get(b.start) ?? { end: b.end, householdId: w.householdId, rows: [] };
      d.rows.push(w);
      d.householdId = w.householdId;
      byDay.set(b.start, d);
    }
    const rows: OperationInput[] = [];
    const hourly: OperationInput[] = [];
    for (const [start, d] of byDay) {
      const key = { meterId, householdId: d.householdId, start, end: d.end };
      const rowsOf = d.rows.map(({ timeZone: _tz, ...r }) => r as SeriesRow);
      const doc = await this.io.rmw<DayBucketDoc>("series", dayBucketId(start), meterId, (cur) =>
        mergeDay(cur, key, rowsOf, this.ttl.intervals),
      );
      const day = bucketDay(doc, timeZone);
      if (day)
        rows.push({
          operationType: BulkOperationType.Upsert,
          partitionKey: meterId,
          resourceBody: seriesDoc(day, this.ttl.rollups) as unknown as JSONObject,
        });
      const touched = new Set(d.rows.map((r) => calendarBucket(r.start, timeZone, "hour").start));
      // household electricity aggregates: a water, heat, gas or HCA meter contributes nothing
      const hours = [
        ...bucketHours(doc, timeZone),
        ...bucketRows(doc).filter((r) => r.resolution === "PT1H"),
      ].filter((h) => touched.has(h.start) && h.medium === undefined);
      for (const h of hours) {
        const c: HourContribution = {
          id: meterId.replace(/[/\\?#]/g, "_"),
          h: hourlyPartition(h.start, meterId),
          meterId,
          householdId: h.householdId,
          start: h.start,
          importWh: h.importWh,
          exportWh: h.exportWh,
          powerAvgW: h.powerAvgW,
          ttl: this.ttl.hourly,
        };
        hourly.push({
          operationType: BulkOperationType.Upsert,
          partitionKey: c.h,
          resourceBody: c as unknown as JSONObject,
        });
      }
    }
    await this.io.bulk("series", rows);
    await this.io.bulk("hourly", hourly);
  }

  /** Day buckets starting in [from, to), oldest first, at most `BUCKET_CHUNK` (a single-partition query). */
  private async buckets(meterId: string, from: number, to: number): Promise<DayBucketDoc[]> {
    return this.io.all<DayBucketDoc>(
      "series",
      {
        query: `SELECT TOP ${BUCKET_CHUNK} * FROM c WHERE c.meterId = @m AND c.kind = 'd' AND c.start >= @from AND c.start < @to ORDER BY c.start`,
        parameters: [
          { name: "@m", value: meterId },
          { name: "@from", value: from },
          { name: "@to", value: to },
        ],
      },
      meterId,
    );
  }

  private async dayRows(meterId: string, from: number, to: number): Promise<SeriesRow[]> {
    const docs = await this.io.all<SeriesDoc>("series", seriesQuery(meterId, "P1D", from, to), meterId);
    return docs.map(rowFromDoc);
  }

  /** Rows of one resolution with `from <= start < to`, oldest first, paged by start. */
  async query(
    q: {
      meterId: string;
      resolution: SeriesResolution;
      from: number;
      to: number;
      limit: number;
      continuationToken?: string;
    },
    timeZone: () => Promise<string | undefined>,
  ): Promise<Page<SeriesRow>> {
    const from = q.continuationToken ? decodeToken(q.continuationToken, isCursor).s : q.from;
    const rows = await this.rows(q.meterId, q.resolution, from, q.to, q.limit, timeZone);
    const inRange = rows.filter((r) => r.start >= from && r.start < q.to).sort((a, b) => a.start - b.start);
    const items = inRange.slice(0, q.limit);
    const next = inRange[q.limit];
    return next ? { items, continuationToken: encodeToken({ s: next.start }) } : { items };
  }

  private async rows(
    meterId: string,
    resolution: SeriesResolution,
    from: number,
    to: number,
    limit: number,
    timeZone: () => Promise<string | undefined>,
  ): Promise<SeriesRow[]> {
    if (resolution === "P1D") return this.dayRows(meterId, from, to);
    if (resolution === "P1M") {
      const days = await this.dayRows(meterId, from - MONTH_REACH, to + MONTH_REACH);
      const tz = days.length > 0 ? await timeZone() : undefined;
      return tz === undefined ? [] : monthsOf(days, tz);
    }
    // buckets a chunk at a time until the page (and one row more, for the token) is full
    let tz: string | undefined;
    const out: SeriesRow[] = [];
    let after = from - DAY_REACH;
    for (let i = 0; i < 10_000 && out.length <= limit; i++) {
      const docs = await this.buckets(meterId, after, to);
      for (const d of docs) {
        let rows = bucketRows(d).filter((r) => r.resolution === resolution);
        if (resolution === "PT1H") {
          tz ??= await timeZone();
          if (tz === undefined) return [];
          rows = [...rows, ...bucketHours(d, tz)].sort((x, y) => x.start - y.start);
        }
        out.push(...rows.filter((r) => r.start >= from && r.start < to));
      }
      if (docs.length < BUCKET_CHUNK) break;
      after = docs.at(-1)!.start + 1;
    }
    return out;
  }

  /** What a meter's partition holds, counted as rows (intervals; hour, day and month roll-ups). */
  async count(
    meterId: string,
    timeZone: string,
  ): Promise<{ intervals: number; rollups: number; ids: string[] }> {
    const docs = await this.io.all<DayBucketDoc | SeriesDoc>(
      "series",
      { query: "SELECT * FROM c WHERE c.meterId = @m", parameters: [{ name: "@m", value: meterId }] },
      meterId,
    );
    let intervals = 0;
    let hours = 0;
    const days: SeriesRow[] = [];
    for (const d of docs) {
      if ((d as DayBucketDoc).kind === "d") {
        intervals += bucketRows(d as DayBucketDoc).length;
        hours += bucketHours(d as DayBucketDoc, timeZone).length;
      } else days.push(rowFromDoc(d as SeriesDoc));
    }
    return {
      intervals,
      rollups: hours + days.length + monthsOf(days, timeZone).length,
      ids: docs.map((d) => d.id),
    };
  }
}
