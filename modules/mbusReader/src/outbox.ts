/**
 * The reader's durable outbox (SQLite, WAL): every reading is written here synchronously when it is
 * decoded, and removed only once the hub acknowledged its send (PUBACK). A reader killed or a hub away
 * loses nothing within the bounds: at most `maxMessages` entries, none older than `maxAgeSeconds`; past
 * either the oldest are dropped first and counted (the counters live in the same file, so they survive
 * a restart as well). Entries come out in the order they went in.
 *
 * Durability: WAL with synchronous=NORMAL, so a committed entry survives the process being killed
 * (SIGKILL); an OS crash or power loss may lose the last transactions (synchronous=FULL would not).
 */
import { closeSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";

export interface OutboxLimits {
  /** Most entries kept; past it the oldest are dropped. */
  readonly maxMessages: number;
  /** Entries older than this are dropped undelivered. */
  readonly maxAgeSeconds: number;
}

export interface OutboxEntry {
  readonly seq: number;
  readonly output: string;
  readonly body: unknown;
  readonly properties: Record<string, string>;
  readonly enqueuedMs: number;
}

export interface OutboxStats {
  /** Entries waiting for the hub's acknowledgement. */
  readonly pending: number;
  readonly enqueued: number;
  readonly delivered: number;
  /** Dropped because the outbox held `maxMessages`. */
  readonly droppedFull: number;
  /** Dropped because older than `maxAgeSeconds`. */
  readonly droppedExpired: number;
}

type Counter = "enqueued" | "delivered" | "droppedFull" | "droppedExpired";
const COUNTERS: readonly Counter[] = ["enqueued", "delivered", "droppedFull", "droppedExpired"];

export const DEFAULT_OUTBOX_LIMITS: OutboxLimits = { maxMessages: 100_000, maxAgeSeconds: 7 * 24 * 3600 };

export class Outbox {
  private readonly db: Database.Database;
  private readonly stmt: Record<
    "insert" | "peek" | "ack" | "expire" | "dropOldest" | "bump" | "count",
    Database.Statement
  >;
  private readonly counters: Record<Counter, number>;
  private pending: number;
  private limits: OutboxLimits;

  /** Opens (or creates, mode 0600) the outbox file; `now` is the clock of the age limit (tests). */
  constructor(
    file: string,
    limits: OutboxLimits = DEFAULT_OUTBOX_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.limits = limits;
    if (file !== ":memory:") {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      closeSync(openSync(file, "a", 0o600)); // SQLite keeps the mode for the file and its -wal/-shm
    }
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        enqueued_ms INTEGER NOT NULL,
        output TEXT NOT NULL,
        properties TEXT NOT NULL,
        body TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS outbox_enqueued ON outbox (enqueued_ms);
      CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);`);
    this.stmt = {
      insert: this.db.prepare(
        "INSERT INTO outbox (enqueued_ms, output, properties, body) VALUES (?, ?, ?, ?)",
      ),
      peek: this.db.prepare(
        "SELECT seq, enqueued_ms, output, properties, body FROM outbox ORDER BY seq LIMIT ?",
      ),
      ack: this.db.prepare("DELETE FROM outbox WHERE seq = ?"),
      expire: this.db.prepare("DELETE FROM outbox WHERE enqueued_ms < ?"),
      dropOldest: this.db.prepare(
        "DELETE FROM outbox WHERE seq IN (SELECT seq FROM outbox ORDER BY seq LIMIT ?)",
      ),
      bump: this.db.prepare(
        "INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = value + excluded.value",
      ),
      count: this.db.prepare("SELECT COUNT(*) AS n FROM outbox"),
    };
    const stored = new Map(
      (this.db.prepare("SELECT name, value FROM counters").all() as { name: string; value: number }[]).map(
        (r) => [r.name, r.value],
      ),
    );
    this.counters = Object.fromEntries(COUNTERS.map((c) => [c, stored.get(c) ?? 0])) as Record<
      Counter,
      number
    >;
    this.pending = (this.stmt.count.get() as { n: number }).n;
  }

  /** Writes one message (committed when this returns), then applies the bounds; returns its sequence number. */
  add(output: string, body: unknown, properties: Record<string, string> = {}): number {
    return this.db.transaction(() => {
      const info = this.stmt.insert.run(this.now(), output, JSON.stringify(properties), JSON.stringify(body));
      this.pending++;
      this.bump("enqueued", 1);
      this.applyBounds();
      return Number(info.lastInsertRowid);
    })();
  }

  /** The oldest `limit` entries still waiting (expired ones are dropped first). */
  peek(limit: number): OutboxEntry[] {
    this.db.transaction(() => this.expire())();
    const rows = this.stmt.peek.all(limit) as {
      seq: number;
      enqueued_ms: number;
      output: string;
      properties: string;
      body: string;
    }[];
    return rows.map((r) => ({
      seq: r.seq,
      output: r.output,
      body: JSON.parse(r.body) as unknown,
      properties: JSON.parse(r.properties) as Record<string, string>,
      enqueuedMs: r.enqueued_ms,
    }));
  }

  /** The hub acknowledged this entry: remove it (an entry dropped meanwhile is not counted twice). */
  ack(seq: number): void {
    if (!this.db.open) return; // closed while the send was in flight: it is sent again next start
    this.db.transaction(() => {
      const { changes } = this.stmt.ack.run(seq);
      if (changes === 0) return;
      this.pending -= changes;
      this.bump("delivered", changes);
    })();
  }

  /** New bounds (desired properties); entries past them are dropped now. */
  setLimits(limits: OutboxLimits): void {
    this.limits = limits;
    this.db.transaction(() => this.applyBounds())();
  }

  stats(): OutboxStats {
    return { pending: this.pending, ...this.counters };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private applyBounds(): void {
    this.expire();
    const over = this.pending - this.limits.maxMessages;
    if (over <= 0) return;
    const { changes } = this.stmt.dropOldest.run(over);
    this.pending -= changes;
    this.bump("droppedFull", changes);
  }

  private expire(): void {
    const { changes } = this.stmt.expire.run(this.now() - this.limits.maxAgeSeconds * 1000);
    if (changes === 0) return;
    this.pending -= changes;
    this.bump("droppedExpired", changes);
  }

  private bump(counter: Counter, n: number): void {
    if (n === 0) return;
    this.counters[counter] += n;
    this.stmt.bump.run(counter, n);
  }
}
