import type Database from "better-sqlite3";
import { IntervalsRepo } from "./intervals";
import { MeterIds } from "./meters";

/** One schema step. `up` runs inside a transaction together with the version bump. */
export interface Migration {
  version: number;
  description: string;
  up(db: Database.Database, now: number): void;
}

/** The household's default consent for the cloud: 15-minute intervals and events (revocable). */
export const DEFAULT_CLOUD_CONSENT_ID = "default-cloud";

/** Ordered list; never edit a released step, append a new one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "meters, readings, intervals, events, consents with audit, tokens; default cloud consent",
    up(db, now) {
      db.exec(`
        CREATE TABLE meters (id INTEGER PRIMARY KEY, meter_id TEXT NOT NULL UNIQUE);
        CREATE TABLE readings (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          meter INTEGER NOT NULL,
          ts INTEGER NOT NULL,
          body TEXT NOT NULL
        );
        CREATE UNIQUE INDEX readings_meter_ts ON readings (meter, ts);
        CREATE TABLE intervals (
          meter INTEGER NOT NULL,
          resolution TEXT NOT NULL,
          start INTEGER NOT NULL,
          end INTEGER NOT NULL,
          derived INTEGER NOT NULL,
          body TEXT NOT NULL,
          PRIMARY KEY (meter, resolution, start)
        ) WITHOUT ROWID;
        CREATE TABLE events (
          id TEXT PRIMARY KEY,
          meter_id TEXT NOT NULL,
          at INTEGER NOT NULL,
          body TEXT NOT NULL
        );
        CREATE INDEX events_at ON events (at);
        CREATE TABLE consents (
          id TEXT PRIMARY KEY,
          recipient TEXT NOT NULL,
          properties TEXT NOT NULL,
          resolution TEXT NOT NULL,
          granted_at TEXT NOT NULL,
          granted_by TEXT NOT NULL,
          until TEXT,
          revoked_at TEXT,
          revoked_by TEXT
        );
        CREATE TABLE consent_audit (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          action TEXT NOT NULL,
          consent_id TEXT NOT NULL,
          recipient TEXT NOT NULL,
          properties TEXT NOT NULL,
          resolution TEXT NOT NULL,
          until TEXT
        );
        CREATE TABLE tokens (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          hash TEXT NOT NULL UNIQUE,
          created_at TEXT NOT NULL,
          revoked_at TEXT
        );
      `);
      const at = new Date(now).toISOString();
      const props = JSON.stringify(["energy", "power", "events"]);
      db.prepare(
        `INSERT INTO consents (id, recipient, properties, resolution, granted_at, granted_by)
         VALUES (?, 'cloud', ?, 'PT15M', ?, 'default')`,
      ).run(DEFAULT_CLOUD_CONSENT_ID, props, at);
      db.prepare(
        `INSERT INTO consent_audit (at, actor, action, consent_id, recipient, properties, resolution, until)
         VALUES (?, 'default', 'grant', ?, 'cloud', ?, 'PT15M', NULL)`,
      ).run(at, DEFAULT_CLOUD_CONSENT_ID, props);
    },
  },
  {
    version: 2,
    description: "stats, settings (rules), event acknowledgement, recipient-scoped tokens",
    up(db) {
      db.exec(`
        ALTER TABLE events ADD COLUMN acked_at TEXT;
        ALTER TABLE tokens ADD COLUMN recipient TEXT;
        CREATE TABLE stats (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          meter_id TEXT NOT NULL,
          at INTEGER NOT NULL,
          key TEXT UNIQUE,
          body TEXT NOT NULL
        );
        CREATE INDEX stats_meter_at ON stats (meter_id, at);
        CREATE INDEX stats_at ON stats (at);
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL);
      `);
    },
  },
  {
    version: 3,
    description:
      "intervals in the one series contract (@omdp/series): UTC ids and times, derived, roll-ups recomputed",
    up(db) {
      new IntervalsRepo(db, new MeterIds(db)).recontract();
    },
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** The schema version recorded in the database (0 for an empty database). */
export function schemaVersion(db: Database.Database): number {
  const exists = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
    .get();
  if (!exists) return 0;
  const row = db.prepare("SELECT MAX(version) AS v FROM schema_version").get() as { v: number | null };
  return row.v ?? 0;
}

export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`sharing.db schema version ${found} is newer than this module supports (${supported})`);
    this.name = "SchemaTooNewError";
  }
}

/**
 * Brings the database to `target` (default: the latest version), one migration per transaction,
 * recording each step in `schema_version`. Returns the versions applied.
 */
export function migrate(
  db: Database.Database,
  now: number,
  target = LATEST_VERSION,
  migrations: readonly Migration[] = MIGRATIONS,
): number[] {
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL, description TEXT NOT NULL)",
  );
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) throw new SchemaTooNewError(current, LATEST_VERSION);
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      m.up(db, now);
      db.prepare("INSERT INTO schema_version (version, applied_at, description) VALUES (?, ?, ?)").run(
        m.version,
        new Date(now).toISOString(),
        m.description,
      );
    })();
    applied.push(m.version);
  }
  return applied;
}
