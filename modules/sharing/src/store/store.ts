import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { ConsentsRepo } from "./consents";
import { EventsRepo, SettingsRepo, StatsRepo } from "./events";
import { IntervalsRepo } from "./intervals";
import { MeterIds } from "./meters";
import { migrate } from "./migrations";
import { ReadingsRepo } from "./readings";
import { TokensRepo } from "./tokens";

export interface RetentionDays {
  readingsDays: number;
  intervalsDays: number;
  eventsDays: number;
  statsDays: number;
}

export interface RetentionResult {
  readings: number;
  intervals: number;
  events: number;
  stats: number;
}

const DAY_MS = 86_400_000;

/**
 * The module's SQLite store (`sharing.db`): WAL journal, `synchronous=NORMAL` (a power cut may lose
 * the last transactions but never corrupts), schema brought to the latest version on open.
 */
export class SharingStore {
  readonly db: Database.Database;
  readonly meterIds: MeterIds;
  readonly readings: ReadingsRepo;
  readonly intervals: IntervalsRepo;
  readonly events: EventsRepo;
  readonly stats: StatsRepo;
  readonly settings: SettingsRepo;
  readonly consents: ConsentsRepo;
  readonly tokens: TokensRepo;
  /** Migration versions applied when this store was opened. */
  readonly migrated: number[];

  constructor(path: string, now: number = Date.now()) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("busy_timeout = 5000");
    this.migrated = migrate(this.db, now);
    this.meterIds = new MeterIds(this.db);
    this.readings = new ReadingsRepo(this.db, this.meterIds);
    this.intervals = new IntervalsRepo(this.db, this.meterIds);
    this.events = new EventsRepo(this.db);
    this.stats = new StatsRepo(this.db);
    this.settings = new SettingsRepo(this.db);
    this.consents = new ConsentsRepo(this.db);
    this.tokens = new TokensRepo(this.db);
  }

  /** Deletes what is older than each kind's retention; consents, audit and tokens are kept. */
  applyRetention(days: RetentionDays, now: number): RetentionResult {
    return this.db.transaction(() => ({
      readings: this.readings.deleteBefore(now - days.readingsDays * DAY_MS),
      intervals: this.intervals.deleteEndedBefore(now - days.intervalsDays * DAY_MS),
      events: this.events.deleteBefore(now - days.eventsDays * DAY_MS),
      stats: this.stats.deleteBefore(now - days.statsDays * DAY_MS),
    }))();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
