import type { Event } from "@omdp/model";
import type Database from "better-sqlite3";

export interface StoredEvent extends Event {
  ackedAt: string | null;
}

/** Events from the events module (idempotent by event id) and their acknowledgement. */
export class EventsRepo {
  constructor(private readonly db: Database.Database) {}

  /** Returns true when the event was new. */
  insert(e: Event): boolean {
    return (
      this.db
        .prepare("INSERT OR IGNORE INTO events (id, meter_id, at, body) VALUES (?, ?, ?, ?)")
        .run(e.id, e.meterId, Date.parse(e.at), JSON.stringify(e)).changes === 1
    );
  }

  query(from: number, to: number, meterId?: string, limit = 10_000): StoredEvent[] {
    const rows = (
      meterId === undefined
        ? this.db
            .prepare("SELECT body, acked_at FROM events WHERE at >= ? AND at < ? ORDER BY at LIMIT ?")
            .all(from, to, limit)
        : this.db
            .prepare(
              "SELECT body, acked_at FROM events WHERE at >= ? AND at < ? AND meter_id = ? ORDER BY at LIMIT ?",
            )
            .all(from, to, meterId, limit)
    ) as { body: string; acked_at: string | null }[];
    return rows.map((r) => ({ ...JSON.parse(r.body), ackedAt: r.acked_at }));
  }

  get(id: string): StoredEvent | undefined {
    const r = this.db.prepare("SELECT body, acked_at FROM events WHERE id = ?").get(id) as
      | { body: string; acked_at: string | null }
      | undefined;
    return r ? { ...JSON.parse(r.body), ackedAt: r.acked_at } : undefined;
  }

  /** Marks an event acknowledged; false when the id is unknown. */
  ack(id: string, at: number): boolean {
    return (
      this.db
        .prepare("UPDATE events SET acked_at = COALESCE(acked_at, ?) WHERE id = ?")
        .run(new Date(at).toISOString(), id).changes === 1
    );
  }

  *iterate(from: number, to: number): IterableIterator<Event> {
    const stmt = this.db.prepare("SELECT body FROM events WHERE at >= ? AND at < ? ORDER BY at");
    for (const r of stmt.iterate(from, to) as IterableIterator<{ body: string }>) yield JSON.parse(r.body);
  }

  deleteBefore(cutoff: number): number {
    return this.db.prepare("DELETE FROM events WHERE at < ?").run(cutoff).changes;
  }
}

/** Statistics messages from analytics, kept as sent with the meter and time they describe. */
export class StatsRepo {
  constructor(private readonly db: Database.Database) {}

  /** Stores a stats message; one with the same `key` (meter and period) replaces the earlier one. */
  insert(meterId: string, at: number, body: unknown, key: string | null = null): void {
    this.db
      .prepare(
        `INSERT INTO stats (meter_id, at, key, body) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET meter_id = excluded.meter_id, at = excluded.at, body = excluded.body`,
      )
      .run(meterId, at, key, JSON.stringify(body));
  }

  query(from: number, to: number, meterId?: string, limit = 10_000): unknown[] {
    const rows = (
      meterId === undefined
        ? this.db
            .prepare("SELECT body FROM stats WHERE at >= ? AND at < ? ORDER BY at LIMIT ?")
            .all(from, to, limit)
        : this.db
            .prepare("SELECT body FROM stats WHERE meter_id = ? AND at >= ? AND at < ? ORDER BY at LIMIT ?")
            .all(meterId, from, to, limit)
    ) as { body: string }[];
    return rows.map((r) => JSON.parse(r.body));
  }

  *iterate(from: number, to: number): IterableIterator<unknown> {
    const stmt = this.db.prepare("SELECT body FROM stats WHERE at >= ? AND at < ? ORDER BY at");
    for (const r of stmt.iterate(from, to) as IterableIterator<{ body: string }>) yield JSON.parse(r.body);
  }

  deleteBefore(cutoff: number): number {
    return this.db.prepare("DELETE FROM stats WHERE at < ?").run(cutoff).changes;
  }
}

/** Small key-value settings (e.g. the last event rules set through the API). */
export class SettingsRepo {
  constructor(private readonly db: Database.Database) {}

  get<T>(key: string): { value: T; updatedAt: string } | undefined {
    const row = this.db.prepare("SELECT value, updated_at FROM settings WHERE key = ?").get(key) as
      | { value: string; updated_at: string }
      | undefined;
    return row ? { value: JSON.parse(row.value) as T, updatedAt: row.updated_at } : undefined;
  }

  set(key: string, value: unknown, at: number): void {
    this.db
      .prepare(
        `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(key, JSON.stringify(value), new Date(at).toISOString());
  }
}
