import type { IntervalRecord } from "@omdp/model";
import type Database from "better-sqlite3";
import { bucketOf, bucketsBetween, type QueryResolution, ROLLUP_RESOLUTIONS, rank } from "../resolution";
import { normalise, rollup, type StoredInterval } from "../rollup";
import type { MeterIds } from "./meters";

type Row = { body: string };

/**
 * Interval records keyed (meter, resolution, start) in a WITHOUT ROWID table: a range query for one
 * meter and resolution is one contiguous b-tree scan. Records from analytics are stored in the contract shape
 * of @omdp/series (`derived = 0`); every coarser resolution of `ROLLUP_RESOLUTIONS` is kept rolled up (`derived = 1`)
 * in the household's time zone, each level from the level below, so queries never aggregate.
 */
export class IntervalsRepo {
  private readonly upsertBase: Database.Statement;
  private readonly upsertDerived: Database.Statement;
  private readonly rangeStmt: Database.Statement;
  private readonly getStmt: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly meters: MeterIds,
  ) {
    this.upsertBase = db.prepare(
      `INSERT INTO intervals (meter, resolution, start, end, derived, body) VALUES (?, ?, ?, ?, 0, ?)
       ON CONFLICT (meter, resolution, start) DO UPDATE SET end = excluded.end, derived = 0, body = excluded.body
       WHERE derived = 1 OR body <> excluded.body`,
    );
    this.upsertDerived = db.prepare(
      `INSERT INTO intervals (meter, resolution, start, end, derived, body) VALUES (?, ?, ?, ?, 1, ?)
       ON CONFLICT (meter, resolution, start) DO UPDATE SET end = excluded.end, body = excluded.body
       WHERE derived = 1`,
    );
    this.rangeStmt = db.prepare(
      "SELECT body FROM intervals WHERE meter = ? AND resolution = ? AND start >= ? AND start < ? ORDER BY start",
    );
    this.getStmt = db.prepare("SELECT body FROM intervals WHERE meter = ? AND resolution = ? AND start = ?");
  }

  /**
   * Stores records (idempotent by meter, resolution and start) and refreshes the roll-ups they touch.
   * `timeZone` gives the household time zone of a meter. Returns how many records changed the store;
   * a redelivered record equal to the stored one changes nothing (and touches no roll-up).
   */
  insert(
    records: readonly (StoredInterval | IntervalRecord)[],
    timeZone: (meterId: string) => string,
  ): number {
    let changed = 0;
    this.db.transaction(() => {
      // level key -> bucket start -> meter, per resolution, filled from fine to coarse
      const dirty = new Map<QueryResolution, Map<string, { meterId: string; start: number; end: number }>>();
      const mark = (meterId: string, r: QueryResolution, at: number) => {
        const b = bucketOf(at, r, timeZone(meterId));
        let m = dirty.get(r);
        if (!m) {
          m = new Map();
          dirty.set(r, m);
        }
        m.set(`${meterId}|${b.start}`, { meterId, start: b.start, end: b.end });
      };
      for (const sent of records) {
        const rec = normalise(sent);
        const start = Date.parse(rec.intervalStart);
        const res = this.upsertBase.run(
          this.meters.idOf(rec.meterId),
          rec.resolution,
          start,
          Date.parse(rec.intervalEnd),
          JSON.stringify(rec),
        );
        if (res.changes === 0) continue;
        changed++;
        for (const r of ROLLUP_RESOLUTIONS) if (rank(r) > rank(rec.resolution)) mark(rec.meterId, r, start);
      }
      for (const r of ROLLUP_RESOLUTIONS) {
        for (const b of dirty.get(r)?.values() ?? []) {
          const source = this.sourceFor(b.meterId, r, b.start, b.end);
          if (!source) continue;
          const rec = rollup(source, r, b.start, b.end);
          if (rec)
            this.upsertDerived.run(this.meters.idOf(b.meterId), r, b.start, b.end, JSON.stringify(rec));
        }
      }
    })();
    return changed;
  }

  /** The children of a roll-up bucket: the next finer resolution that has rows in it. */
  private sourceFor(
    meterId: string,
    r: QueryResolution,
    start: number,
    end: number,
  ): StoredInterval[] | undefined {
    const finer = ["PT1M", "PT5M", "PT15M", "PT30M", "PT1H", "P1D"].filter(
      (x) => rank(x as QueryResolution) < rank(r),
    ) as QueryResolution[];
    for (let i = finer.length - 1; i >= 0; i--) {
      const rows = this.range(meterId, finer[i]!, start, end);
      if (rows.length > 0) return rows;
    }
    return undefined;
  }

  /** Stored rows of exactly this resolution with start in [from, to). */
  range(meterId: string, r: QueryResolution, from: number, to: number): StoredInterval[] {
    const id = this.meters.find(meterId);
    if (id === undefined) return [];
    return (this.rangeStmt.all(id, r, from, to) as Row[]).map((row) => JSON.parse(row.body));
  }

  /** Stored rows as their JSON text (the API answers without parsing and re-serialising them). */
  rangeJson(meterId: string, r: QueryResolution, from: number, to: number): string[] {
    const id = this.meters.find(meterId);
    if (id === undefined) return [];
    return (this.rangeStmt.all(id, r, from, to) as Row[]).map((row) => row.body);
  }

  /** `query` as JSON texts: stored and kept roll-ups straight from the table. */
  queryJson(meterId: string, r: QueryResolution, from: number, to: number, timeZone: string): string[] {
    const stored = this.rangeJson(meterId, r, from, to);
    if (stored.length > 0 || ROLLUP_RESOLUTIONS.includes(r)) return stored;
    return this.query(meterId, r, from, to, timeZone).map((x) => JSON.stringify(x));
  }

  get(meterId: string, r: QueryResolution, start: number): StoredInterval | undefined {
    const id = this.meters.find(meterId);
    if (id === undefined) return undefined;
    const row = this.getStmt.get(id, r, start) as Row | undefined;
    return row ? JSON.parse(row.body) : undefined;
  }

  /**
   * Records of resolution `r` in [from, to): stored or kept rolled up; for a resolution that is not
   * kept (e.g. PT30M over PT15M data) rolled up now from the finest stored resolution below it.
   */
  query(meterId: string, r: QueryResolution, from: number, to: number, timeZone: string): StoredInterval[] {
    const stored = this.range(meterId, r, from, to);
    if (stored.length > 0 || ROLLUP_RESOLUTIONS.includes(r)) return stored;
    const out: StoredInterval[] = [];
    for (const b of bucketsBetween(from, to, r, timeZone)) {
      if (b.start < from) continue;
      const src = this.sourceFor(meterId, r, b.start, b.end);
      const rec = src ? rollup(src, r, b.start, b.end) : undefined;
      if (rec) out.push(rec);
    }
    return out;
  }

  /**
   * Brings rows written before the one series contract to it (migration 3): every received record in
   * the contract shape (UTC times, the one id, `derived: false`), then every kept roll-up recomputed
   * from its children, fine to coarse, by the series rules (estimated wins, `gap`).
   */
  recontract(): { records: number; rollups: number } {
    const out = { records: 0, rollups: 0 };
    const update = this.db.prepare(
      "UPDATE intervals SET body = ? WHERE meter = ? AND resolution = ? AND start = ?",
    );
    type Stored = { meter: number; resolution: string; start: number; end: number; body: string };
    const base = this.db.prepare(
      "SELECT meter, resolution, start, end, body FROM intervals WHERE derived = 0",
    );
    for (const r of base.all() as Stored[]) {
      update.run(JSON.stringify(normalise(JSON.parse(r.body))), r.meter, r.resolution, r.start);
      out.records++;
    }
    const derived = this.db.prepare(
      "SELECT meter, resolution, start, end, body FROM intervals WHERE derived = 1 AND resolution = ?",
    );
    for (const res of ROLLUP_RESOLUTIONS) {
      for (const r of derived.all(res) as Stored[]) {
        const meterId = (JSON.parse(r.body) as { meterId: string }).meterId;
        const source = this.sourceFor(meterId, res, r.start, r.end);
        const rec = source ? rollup(source, res, r.start, r.end) : undefined;
        if (!rec) continue;
        update.run(JSON.stringify(rec), r.meter, res, r.start);
        out.rollups++;
      }
    }
    return out;
  }

  /** Records as analytics sent them (not the roll-ups), for the export. */
  *iterateBase(from: number, to: number): IterableIterator<StoredInterval> {
    const stmt = this.db.prepare(
      "SELECT body FROM intervals WHERE meter = ? AND derived = 0 AND start >= ? AND start < ? ORDER BY resolution, start",
    );
    for (const m of this.meters.all())
      for (const row of stmt.iterate(m.id, from, to) as IterableIterator<Row>) yield JSON.parse(row.body);
  }

  /** Deletes records (of every resolution) that ended at or before `cutoff`. */
  deleteEndedBefore(cutoff: number): number {
    let n = 0;
    const resolutions = this.db.prepare("SELECT DISTINCT resolution FROM intervals").all() as {
      resolution: string;
    }[];
    const stmt = this.db.prepare(
      "DELETE FROM intervals WHERE meter = ? AND resolution = ? AND start < ? AND end <= ?",
    );
    for (const m of this.meters.all())
      for (const r of resolutions) n += stmt.run(m.id, r.resolution, cutoff, cutoff).changes;
    return n;
  }
}
