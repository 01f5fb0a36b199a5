import type { MeterReading } from "@omdp/model";
import type Database from "better-sqlite3";
import type { MeterIds } from "./meters";

export interface StoredReading {
  seq: number;
  reading: MeterReading;
}

/** Raw readings: one row per (meter, readingTime), `seq` increasing in arrival order (the SSE id). */
export class ReadingsRepo {
  private readonly insertStmt: Database.Statement;
  private readonly latestStmt: Database.Statement;
  private readonly rangeStmt: Database.Statement;
  private readonly afterStmt: Database.Statement;
  private readonly maxSeqStmt: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly meters: MeterIds,
  ) {
    // Not INSERT OR IGNORE: an ignored insert still takes an AUTOINCREMENT number, and a redelivery
    // would leave a gap in the SSE ids; a duplicate must change nothing.
    this.insertStmt = db.prepare(
      `INSERT INTO readings (meter, ts, body) SELECT @meter, @ts, @body
       WHERE NOT EXISTS (SELECT 1 FROM readings WHERE meter = @meter AND ts = @ts)`,
    );
    this.latestStmt = db.prepare("SELECT seq, body FROM readings WHERE meter = ? ORDER BY ts DESC LIMIT 1");
    this.rangeStmt = db.prepare(
      "SELECT seq, body FROM readings WHERE meter = ? AND ts >= ? AND ts < ? ORDER BY ts LIMIT ?",
    );
    this.afterStmt = db.prepare("SELECT seq, body FROM readings WHERE seq > ? ORDER BY seq LIMIT ?");
    this.maxSeqStmt = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'readings'");
  }

  /** Stores readings in one transaction; duplicates (same meter and time) are skipped. */
  insert(readings: readonly MeterReading[]): StoredReading[] {
    const out: StoredReading[] = [];
    this.db.transaction(() => {
      for (const r of readings) {
        const res = this.insertStmt.run({
          meter: this.meters.idOf(r.meterId),
          ts: Date.parse(r.readingTime),
          body: JSON.stringify(r),
        });
        if (res.changes === 1) out.push({ seq: Number(res.lastInsertRowid), reading: r });
      }
    })();
    return out;
  }

  latest(meterId: string): StoredReading | undefined {
    const id = this.meters.find(meterId);
    if (id === undefined) return undefined;
    const row = this.latestStmt.get(id) as { seq: number; body: string } | undefined;
    return row ? { seq: row.seq, reading: JSON.parse(row.body) } : undefined;
  }

  range(meterId: string, from: number, to: number, limit: number): StoredReading[] {
    const id = this.meters.find(meterId);
    if (id === undefined) return [];
    return (this.rangeStmt.all(id, from, to, limit) as { seq: number; body: string }[]).map((r) => ({
      seq: r.seq,
      reading: JSON.parse(r.body),
    }));
  }

  /** Readings that arrived after `seq`, in arrival order (SSE resume from the store). */
  after(seq: number, limit: number): StoredReading[] {
    return (this.afterStmt.all(seq, limit) as { seq: number; body: string }[]).map((r) => ({
      seq: r.seq,
      reading: JSON.parse(r.body),
    }));
  }

  /** The last sequence number handed out (0 before the first reading). */
  maxSeq(): number {
    const row = this.maxSeqStmt.get() as { seq: number } | undefined;
    return row?.seq ?? 0;
  }

  *iterate(from: number, to: number): IterableIterator<MeterReading> {
    for (const meter of this.meters.all()) {
      const stmt = this.db.prepare(
        "SELECT body FROM readings WHERE meter = ? AND ts >= ? AND ts < ? ORDER BY ts",
      );
      for (const row of stmt.iterate(meter.id, from, to) as IterableIterator<{ body: string }>)
        yield JSON.parse(row.body);
    }
  }

  deleteBefore(cutoff: number): number {
    let n = 0;
    const stmt = this.db.prepare("DELETE FROM readings WHERE meter = ? AND ts < ?");
    for (const m of this.meters.all()) n += stmt.run(m.id, cutoff).changes;
    return n;
  }
}
