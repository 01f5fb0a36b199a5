import fs from "node:fs";
import path from "node:path";
import type { MeterReading } from "@omdp/model";
import Database from "better-sqlite3";
import {
  affectedRollups,
  type ChildSummary,
  childResolutions,
  type RollupKey,
  summarize,
} from "../series/rollup";
import {
  type IntervalWrite,
  rollupId,
  type SeriesResolution,
  type SeriesRow,
  SUB_HOUR,
} from "../series/types";
import type { Settings } from "../settings";
import {
  type AggregateRelease,
  type DeadLetter,
  type DeletionReport,
  decodeToken,
  type EventQuery,
  encodeToken,
  type HouseholdBucket,
  type LatestValues,
  type MeterRecord,
  newerLatest,
  type Page,
  type ReadingQuery,
  type SeriesQuery,
  type Store,
  type StoredEvent,
  type StoredReading,
} from "./port";
import {
  FLAGS_PENDING,
  fromDb,
  mediaFromDb,
  meterFromDb,
  parseFlags,
  ROLLUP_HOUSEHOLD_SQL,
  rollupSqlText,
  type SeriesDbRow,
  toDbArgs,
} from "./sqlite-rows";
import { METERS_ADDED_COLUMNS, SERIES_ADDED_COLUMNS, SQLITE_SCHEMA } from "./sqlite-schema";

/** Adds the columns a database created before them lacks (SERIES_ADDED_COLUMNS, METERS_ADDED_COLUMNS). */
function addMissingColumns(db: Database.Database): void {
  const added = { series: SERIES_ADDED_COLUMNS, meters: METERS_ADDED_COLUMNS };
  for (const [table, columns] of Object.entries(added)) {
    const have = new Set((db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name));
    for (const c of columns) if (!have.has(c.name)) db.exec(c.sql);
  }
}

const isAfter = (v: unknown): v is { a: number } =>
  typeof v === "object" && v !== null && typeof (v as { a: unknown }).a === "number";
const isEventCursor = (v: unknown): v is { at: number; id: string } =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as { at: unknown }).at === "number" &&
  typeof (v as { id: unknown }).id === "string";

/** The embedded store (better-sqlite3): synchronous, one transaction per write call. */
export class SqliteStore implements Store {
  readonly kind = "sqlite" as const;
  private readonly db: Database.Database;
  private readonly st;

  constructor(file: string) {
    if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.exec(SQLITE_SCHEMA);
    addMissingColumns(this.db);
    const db = this.db;
    const rollupSql = (res: readonly SeriesResolution[]) => db.prepare(rollupSqlText(res));
    const children = (res: readonly SeriesResolution[]) =>
      db.prepare(
        `SELECT start, end, import_wh, export_wh, pmin, pavg, pmax, samples, quality, flags, medium, consumption FROM series
         WHERE meter_id = ? AND resolution IN (${res.map((r) => `'${r}'`).join(",")}) AND start >= ? AND start < ?
         ORDER BY start`,
      );
    const lastRegisters = (res: readonly SeriesResolution[]) =>
      db.prepare(
        `SELECT registers FROM series
         WHERE meter_id = ? AND resolution IN (${res.map((r) => `'${r}'`).join(",")}) AND start >= ? AND start < ?
         ORDER BY end DESC LIMIT 1`,
      );
    this.st = {
      putMeter: db.prepare(
        `INSERT INTO meters (id, household_id, device_id, time_zone, updated_at, role)
         VALUES (@id, @householdId, @deviceId, @timeZone, @updatedAt, @role)
         ON CONFLICT (id) DO UPDATE SET household_id = excluded.household_id, device_id = excluded.device_id,
           time_zone = excluded.time_zone, updated_at = excluded.updated_at, role = excluded.role`,
      ),
      getMeter: db.prepare("SELECT * FROM meters WHERE id = ?"),
      allMeters: db.prepare("SELECT * FROM meters ORDER BY id"),
      upsertSeries: db.prepare(
        `INSERT INTO series VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (meter_id, resolution, start) DO UPDATE SET end = excluded.end, id = excluded.id,
           household_id = excluded.household_id, import_wh = excluded.import_wh, export_wh = excluded.export_wh,
           pmin = excluded.pmin, pavg = excluded.pavg, pmax = excluded.pmax, registers = excluded.registers,
           samples = excluded.samples, quality = excluded.quality, flags = excluded.flags, derived = excluded.derived,
           medium = excluded.medium, consumption = excluded.consumption`,
      ),
      children: {
        PT1H: children(childResolutions("PT1H")),
        P1D: children(childResolutions("P1D")),
        P1M: children(childResolutions("P1M")),
      } as Record<string, Database.Statement>,
      lastRegisters: {
        PT1H: lastRegisters(childResolutions("PT1H")),
        P1D: lastRegisters(childResolutions("P1D")),
        P1M: lastRegisters(childResolutions("P1M")),
      } as Record<string, Database.Statement>,
      series: db.prepare(
        "SELECT * FROM series WHERE meter_id = ? AND resolution = ? AND start >= ? AND start < ? ORDER BY start LIMIT ?",
      ),
      getLatest: db.prepare("SELECT * FROM latest WHERE meter_id = ?"),
      // Latest values advance only forward in data time: one statement, no read-modify-write.
      latestInterval: db.prepare(
        `INSERT INTO latest (meter_id, household_id, interval_end, interval) VALUES (?, ?, ?, ?)
         ON CONFLICT (meter_id) DO UPDATE SET household_id = excluded.household_id,
           interval_end = excluded.interval_end, interval = excluded.interval
         WHERE latest.interval_end IS NULL OR excluded.interval_end > latest.interval_end`,
      ),
      latestReading: db.prepare(
        `INSERT INTO latest (meter_id, household_id, reading_time, reading) VALUES (?, ?, ?, ?)
         ON CONFLICT (meter_id) DO UPDATE SET household_id = excluded.household_id,
           reading_time = excluded.reading_time, reading = excluded.reading
         WHERE latest.reading_time IS NULL OR excluded.reading_time > latest.reading_time`,
      ),
      rollupHousehold: db.prepare(ROLLUP_HOUSEHOLD_SQL),
      rollup: {
        PT1H: rollupSql(childResolutions("PT1H")),
        P1D: rollupSql(childResolutions("P1D")),
        P1M: rollupSql(childResolutions("P1M")),
      } as Record<string, Database.Statement>,
      putReading: db.prepare(
        `INSERT INTO readings (meter_id, reading_time, household_id, doc) VALUES (?, ?, ?, ?)
         ON CONFLICT (meter_id, reading_time) DO UPDATE SET household_id = excluded.household_id, doc = excluded.doc`,
      ),
      readings: db.prepare(
        "SELECT reading_time, doc FROM readings WHERE meter_id = ? AND reading_time >= ? AND reading_time < ? ORDER BY reading_time LIMIT ?",
      ),
      putEvent: db.prepare(
        `INSERT INTO events (id, household_id, meter_id, at, doc) VALUES (@id, @householdId, @meterId, @at, @doc)
         ON CONFLICT (id) DO UPDATE SET household_id = excluded.household_id, meter_id = excluded.meter_id,
           at = excluded.at, doc = excluded.doc`,
      ),
      park: db.prepare(
        `INSERT INTO deadletters (id, device_id, received_at, meter_id, doc) VALUES (@id, @deviceId, @receivedAt, @meterId, @doc)
         ON CONFLICT (id) DO NOTHING`,
      ),
      deadletters: db.prepare("SELECT doc FROM deadletters ORDER BY received_at, id LIMIT ?"),
      // First release wins: an hour once released is never replaced.
      putRelease: db.prepare(
        "INSERT INTO aggregate_releases (start, doc) VALUES (?, ?) ON CONFLICT (start) DO NOTHING",
      ),
      releases: db.prepare(
        "SELECT doc FROM aggregate_releases WHERE start >= ? AND start < ? ORDER BY start",
      ),
      buckets: db.prepare(
        `SELECT household_id, start, COUNT(*) AS meters, SUM(import_wh) AS import_wh, SUM(export_wh) AS export_wh,
           SUM(pavg) AS pavg FROM series
         WHERE resolution IN ('PT1H', 'P1D', 'P1M') AND resolution = ? AND start >= ? AND start < ?
           AND medium IS NULL
         GROUP BY household_id, start ORDER BY start, household_id`,
      ),
    };
  }

  async putMeter(m: MeterRecord): Promise<void> {
    this.st.putMeter.run({ ...m, role: m.role === "sub" ? "sub" : null });
  }

  async getMeter(id: string): Promise<MeterRecord | undefined> {
    const r = this.st.getMeter.get(id) as Record<string, string> | undefined;
    return r ? meterFromDb(r) : undefined;
  }

  async listMeters(filter?: { householdIds?: readonly string[] }): Promise<MeterRecord[]> {
    if (!filter?.householdIds) return (this.st.allMeters.all() as Record<string, string>[]).map(meterFromDb);
    if (filter.householdIds.length === 0) return [];
    const marks = filter.householdIds.map(() => "?").join(",");
    return (
      this.db
        .prepare(`SELECT * FROM meters WHERE household_id IN (${marks}) ORDER BY id`)
        .all(...filter.householdIds) as Record<string, string>[]
    ).map(meterFromDb);
  }

  async writeIntervals(writes: readonly IntervalWrite[]): Promise<void> {
    if (writes.length === 0) return;
    this.db.transaction(() => {
      const newest = new Map<string, IntervalWrite>();
      for (const w of writes) {
        this.st.upsertSeries.run(toDbArgs(w));
        const seen = newest.get(w.meterId);
        if (!seen || w.end > seen.end) newest.set(w.meterId, w);
      }
      // A meter sends one base resolution: its hours are rolled up from rows of that resolution only
      // (one index range instead of four).
      const base = new Map(writes.map((w) => [w.meterId, w.resolution]));
      for (const key of affectedRollups(writes)) this.recompute(key, base.get(key.meterId));
      for (const w of newest.values()) {
        const { timeZone: _tz, ...interval } = w;
        this.st.latestInterval.run(w.meterId, w.householdId, w.end, JSON.stringify(interval));
      }
    })();
  }

  /**
   * Recomputes one rollup from its children inside SQLite (one INSERT ... SELECT, the same rules as
   * `summarize`). Children carrying flags are rare; for them the rollup is recomputed in JS.
   */
  private recompute(key: RollupKey, baseResolution?: SeriesResolution): void {
    const statement =
      key.resolution === "PT1H" && baseResolution && SUB_HOUR.includes(baseResolution)
        ? this.hourRollup(baseResolution)
        : this.st.rollup[key.resolution]!;
    const out = statement.get({
      meter: key.meterId,
      res: key.resolution,
      start: key.start,
      end: key.end,
      id: rollupId(key.meterId, key.resolution, key.start),
      hh: key.householdId,
    }) as { flags: string; household_id: string } | undefined;
    if (!out) return;
    if (out.household_id !== key.householdId) {
      this.st.rollupHousehold.run(key.householdId, key.meterId, key.resolution, key.start);
    }
    if (out.flags === FLAGS_PENDING) this.recomputeInJs(key);
  }

  private readonly hourStatements = new Map<SeriesResolution, Database.Statement>();

  private hourRollup(child: SeriesResolution): Database.Statement {
    let st = this.hourStatements.get(child);
    if (!st) {
      st = this.db.prepare(rollupSqlText([child]));
      this.hourStatements.set(child, st);
    }
    return st;
  }

  private recomputeInJs(key: RollupKey): void {
    const rows = this.st.children[key.resolution]!.all(key.meterId, key.start, key.end) as SeriesDbRow[];
    if (rows.length === 0) return;
    const kids: ChildSummary[] = rows.map((r) => ({
      start: r.start,
      end: r.end,
      importWh: r.import_wh,
      exportWh: r.export_wh,
      powerMinW: r.pmin,
      powerAvgW: r.pavg,
      powerMaxW: r.pmax,
      sampleCount: r.samples,
      quality: r.quality as ChildSummary["quality"],
      flags: parseFlags(r.flags),
      ...mediaFromDb(r),
    }));
    const last = this.st.lastRegisters[key.resolution]!.get(key.meterId, key.start, key.end) as {
      registers: string;
    };
    this.st.upsertSeries.run(toDbArgs(summarize(key, kids, JSON.parse(last.registers))));
  }

  async writeReadings(readings: readonly StoredReading[]): Promise<void> {
    if (readings.length === 0) return;
    this.db.transaction(() => {
      for (const { householdId, reading } of readings) {
        this.st.putReading.run(
          reading.meterId,
          Date.parse(reading.readingTime),
          householdId,
          JSON.stringify(reading),
        );
        this.st.latestReading.run(
          reading.meterId,
          householdId,
          Date.parse(reading.readingTime),
          JSON.stringify({ readingTime: reading.readingTime, values: reading.values }),
        );
      }
    })();
  }

  async writeEvents(events: readonly StoredEvent[]): Promise<void> {
    this.db.transaction(() => {
      for (const e of events) {
        this.st.putEvent.run({
          id: e.id,
          householdId: e.householdId,
          meterId: e.meterId,
          at: Date.parse(e.at),
          doc: JSON.stringify(e),
        });
      }
    })();
  }

  async park(letters: readonly DeadLetter[]): Promise<void> {
    this.db.transaction(() => {
      for (const d of letters) {
        this.st.park.run({
          id: d.id,
          deviceId: d.deviceId,
          receivedAt: d.receivedAt,
          meterId: d.meterId ?? null,
          doc: JSON.stringify(d),
        });
      }
    })();
  }

  async listDeadLetters(limit: number): Promise<DeadLetter[]> {
    return (this.st.deadletters.all(limit) as { doc: string }[]).map((r) => JSON.parse(r.doc) as DeadLetter);
  }

  async getLatest(meterId: string): Promise<LatestValues | undefined> {
    const r = this.st.getLatest.get(meterId) as
      | { household_id: string; reading: string | null; interval: string | null }
      | undefined;
    if (!r) return undefined;
    return newerLatest(undefined, {
      meterId,
      householdId: r.household_id,
      ...(r.reading ? { reading: JSON.parse(r.reading) as NonNullable<LatestValues["reading"]> } : {}),
      ...(r.interval ? { interval: JSON.parse(r.interval) as SeriesRow } : {}),
    });
  }

  async querySeries(q: SeriesQuery): Promise<Page<SeriesRow>> {
    const from = q.continuationToken ? decodeToken(q.continuationToken, isAfter).a + 1 : q.from;
    const rows = this.st.series.all(
      q.meterId,
      q.resolution,
      Math.max(from, q.from),
      q.to,
      q.limit + 1,
    ) as SeriesDbRow[];
    const items = rows.slice(0, q.limit).map(fromDb);
    return rows.length > q.limit
      ? { items, continuationToken: encodeToken({ a: items[items.length - 1]!.start }) }
      : { items };
  }

  async queryReadings(q: ReadingQuery): Promise<Page<MeterReading>> {
    const from = q.continuationToken ? decodeToken(q.continuationToken, isAfter).a + 1 : q.from;
    const rows = this.st.readings.all(q.meterId, Math.max(from, q.from), q.to, q.limit + 1) as {
      reading_time: number;
      doc: string;
    }[];
    const page = rows.slice(0, q.limit);
    const items = page.map((r) => JSON.parse(r.doc) as MeterReading);
    return rows.length > q.limit
      ? { items, continuationToken: encodeToken({ a: page[page.length - 1]!.reading_time }) }
      : { items };
  }

  async queryEvents(q: EventQuery): Promise<Page<StoredEvent>> {
    const where = ["at >= ?", "at < ?"];
    const args: (string | number)[] = [q.from, q.to];
    if (q.householdIds) {
      if (q.householdIds.length === 0) return { items: [] };
      where.push(`household_id IN (${q.householdIds.map(() => "?").join(",")})`);
      args.push(...q.householdIds);
    }
    if (q.meterId) {
      where.push("meter_id = ?");
      args.push(q.meterId);
    }
    if (q.continuationToken) {
      const c = decodeToken(q.continuationToken, isEventCursor);
      where.push("(at > ? OR (at = ? AND id > ?))");
      args.push(c.at, c.at, c.id);
    }
    const rows = this.db
      .prepare(`SELECT id, at, doc FROM events WHERE ${where.join(" AND ")} ORDER BY at, id LIMIT ?`)
      .all(...args, q.limit + 1) as { id: string; at: number; doc: string }[];
    const page = rows.slice(0, q.limit);
    const items = page.map((r) => JSON.parse(r.doc) as StoredEvent);
    const last = page[page.length - 1];
    return rows.length > q.limit && last
      ? { items, continuationToken: encodeToken({ at: last.at, id: last.id }) }
      : { items };
  }

  async householdBuckets(q: {
    resolution: SeriesResolution;
    from: number;
    to: number;
  }): Promise<HouseholdBucket[]> {
    const rows = this.st.buckets.all(q.resolution, q.from, q.to) as {
      household_id: string;
      start: number;
      meters: number;
      import_wh: number;
      export_wh: number;
      pavg: number | null;
    }[];
    return rows.map((r) => ({
      householdId: r.household_id,
      start: r.start,
      meters: r.meters,
      importWh: r.import_wh,
      exportWh: r.export_wh,
      powerAvgW: r.pavg,
    }));
  }

  async getReleases(q: { from: number; to: number }): Promise<AggregateRelease[]> {
    const rows = this.st.releases.all(q.from, q.to) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as AggregateRelease);
  }

  async putReleases(releases: readonly AggregateRelease[]): Promise<void> {
    this.db.transaction(() => {
      for (const r of releases) this.st.putRelease.run(r.start, JSON.stringify(r));
    })();
  }

  async deleteHousehold(householdId: string): Promise<DeletionReport> {
    return this.db.transaction((): DeletionReport => {
      const meterIds = (
        this.db.prepare("SELECT id FROM meters WHERE household_id = ?").all(householdId) as { id: string }[]
      ).map((r) => r.id);
      const report: DeletionReport = {
        meters: 0,
        intervals: 0,
        rollups: 0,
        readings: 0,
        latest: 0,
        events: this.db.prepare("DELETE FROM events WHERE household_id = ?").run(householdId).changes,
        deadLetters: 0,
      };
      // Series and readings are clustered by meter: deleting by meter id is a range delete.
      const delSeries = this.db.prepare("DELETE FROM series WHERE meter_id = ? AND derived = ?");
      const delReadings = this.db.prepare("DELETE FROM readings WHERE meter_id = ?");
      const delLatest = this.db.prepare("DELETE FROM latest WHERE meter_id = ?");
      const delLetters = this.db.prepare("DELETE FROM deadletters WHERE meter_id = ?");
      for (const id of meterIds) {
        report.intervals += delSeries.run(id, 0).changes;
        report.rollups += delSeries.run(id, 1).changes;
        report.readings += delReadings.run(id).changes;
        report.latest += delLatest.run(id).changes;
        report.deadLetters += delLetters.run(id).changes;
      }
      report.meters = this.db.prepare("DELETE FROM meters WHERE household_id = ?").run(householdId).changes;
      return report;
    })();
  }

  /**
   * Retention for the embedded store (Cosmos DB expires items by TTL itself): deletes what is older
   * than each retention (days; -1 keeps forever), by data time. Returns how many rows went.
   */
  purgeExpired(retentionDays: Settings["retentionDays"], now = Date.now()): number {
    const before = (days: number) => (days < 0 ? Number.NEGATIVE_INFINITY : now - days * 86_400_000);
    const run = (sql: string, cutoff: number, iso = false) =>
      cutoff === Number.NEGATIVE_INFINITY
        ? 0
        : this.db.prepare(sql).run(iso ? new Date(cutoff).toISOString() : cutoff).changes;
    return this.db.transaction(
      () =>
        run(
          "DELETE FROM series WHERE resolution <> 'P1D' AND resolution <> 'P1M' AND end < ?",
          before(retentionDays.intervals),
        ) +
        run(
          "DELETE FROM series WHERE resolution IN ('P1D', 'P1M') AND end < ?",
          before(retentionDays.rollups),
        ) +
        run("DELETE FROM readings WHERE reading_time < ?", before(retentionDays.readings)) +
        run("DELETE FROM events WHERE at < ?", before(retentionDays.events)) +
        run("DELETE FROM deadletters WHERE received_at < ?", before(retentionDays.deadletters), true),
    )();
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
