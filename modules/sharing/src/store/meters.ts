import type Database from "better-sqlite3";

/** Meter ids as small integers (compact keys for the reading and interval tables). */
export class MeterIds {
  private readonly cache = new Map<string, number>();
  private readonly selectStmt: Database.Statement;
  private readonly insertStmt: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.selectStmt = db.prepare("SELECT id FROM meters WHERE meter_id = ?");
    this.insertStmt = db.prepare("INSERT INTO meters (meter_id) VALUES (?)");
  }

  /** The id of a known meter, or undefined. */
  find(meterId: string): number | undefined {
    const cached = this.cache.get(meterId);
    if (cached !== undefined) return cached;
    const row = this.selectStmt.get(meterId) as { id: number } | undefined;
    if (row) this.cache.set(meterId, row.id);
    return row?.id;
  }

  /** The id of a meter, registering it on first sight. */
  idOf(meterId: string): number {
    const found = this.find(meterId);
    if (found !== undefined) return found;
    const id = Number(this.insertStmt.run(meterId).lastInsertRowid);
    this.cache.set(meterId, id);
    return id;
  }

  all(): { id: number; meterId: string }[] {
    return (
      this.db.prepare("SELECT id, meter_id FROM meters ORDER BY meter_id").all() as {
        id: number;
        meter_id: string;
      }[]
    ).map((r) => ({ id: r.id, meterId: r.meter_id }));
  }
}
