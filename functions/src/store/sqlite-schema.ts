/**
 * SQLite schema of the embedded store. `series` is a WITHOUT ROWID table clustered on
 * (meter_id, resolution, start): a meter-day or meter-year query is one index range scan, and a
 * rollup recompute reads its children with another. Rollups (PT1H, P1D, P1M) live in the same table.
 * WAL with synchronous NORMAL; the WAL is checkpointed every 10,000 pages (~40 MB) rather than 1,000:
 * steady ingest rewrites the same rollup pages batch after batch, and each checkpoint copies a page
 * once however often it was written since the last one.
 */
export const SQLITE_SCHEMA = `
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA wal_autocheckpoint = 10000;
PRAGMA journal_size_limit = 67108864;
PRAGMA cache_size = -65536;
PRAGMA temp_store = MEMORY;
CREATE TABLE IF NOT EXISTS meters (
  id TEXT PRIMARY KEY,
  household_id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  role TEXT
);
CREATE INDEX IF NOT EXISTS meters_household ON meters (household_id);
CREATE TABLE IF NOT EXISTS series (
  meter_id TEXT NOT NULL,
  resolution TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  id TEXT NOT NULL,
  household_id TEXT NOT NULL,
  import_wh REAL NOT NULL,
  export_wh REAL NOT NULL,
  pmin REAL,
  pavg REAL,
  pmax REAL,
  registers TEXT NOT NULL,
  samples INTEGER NOT NULL,
  quality TEXT NOT NULL,
  flags TEXT NOT NULL,
  derived INTEGER NOT NULL,
  medium TEXT,
  consumption TEXT,
  PRIMARY KEY (meter_id, resolution, start)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS series_rollups ON series (resolution, start, household_id)
  WHERE resolution IN ('PT1H', 'P1D', 'P1M');
CREATE TABLE IF NOT EXISTS readings (
  meter_id TEXT NOT NULL,
  reading_time INTEGER NOT NULL,
  household_id TEXT NOT NULL,
  doc TEXT NOT NULL,
  PRIMARY KEY (meter_id, reading_time)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS latest (
  meter_id TEXT PRIMARY KEY,
  household_id TEXT NOT NULL,
  reading_time INTEGER,
  reading TEXT,
  interval_end INTEGER,
  interval TEXT
);
CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY,
  household_id TEXT NOT NULL,
  meter_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_household ON events (household_id, at, id);
CREATE INDEX IF NOT EXISTS events_at ON events (at, id);
CREATE TABLE IF NOT EXISTS deadletters (
  id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL,
  received_at TEXT NOT NULL,
  meter_id TEXT,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS deadletters_meter ON deadletters (meter_id);
-- Released aggregate hours: written once, never updated (see functions/src/http/aggregate.ts).
CREATE TABLE IF NOT EXISTS aggregate_releases (
  start INTEGER PRIMARY KEY,
  doc TEXT NOT NULL
);
`;

/**
 * Columns added to `series` after its first release (water, heat, gas and HCA: `medium` and the
 * `consumption` JSON, both NULL for electricity), added to a database created before them.
 */
export const SERIES_ADDED_COLUMNS: readonly { name: string; sql: string }[] = [
  { name: "medium", sql: "ALTER TABLE series ADD COLUMN medium TEXT" },
  { name: "consumption", sql: "ALTER TABLE series ADD COLUMN consumption TEXT" },
];

/** Columns added to `meters` after its first release (`role`: NULL is a main meter). */
export const METERS_ADDED_COLUMNS: readonly { name: string; sql: string }[] = [
  { name: "role", sql: "ALTER TABLE meters ADD COLUMN role TEXT" },
];
