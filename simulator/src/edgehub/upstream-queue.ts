import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";

/** One message as the cloud receives it from the Event Hubs-compatible endpoint (docs/interfaces.md). */
export interface UpstreamMessage {
  readonly body: unknown;
  readonly properties: Record<string, string>;
  readonly systemProperties: Record<string, string | number>;
}

export interface QueueStats {
  readonly queued: number;
  readonly bytes: number;
  readonly enqueued: number;
  readonly delivered: number;
  readonly expired: number;
  readonly dropped: number;
}

export interface QueueOptions {
  /** SQLite file (`:memory:` for tests that need no persistence). */
  readonly file: string;
  /** Messages older than this are dropped undelivered (IoT Edge `timeToLiveSecs`). */
  readonly ttlSecs: number;
  /** Bound on stored bytes; past it the oldest messages are dropped. */
  readonly maxBytes: number;
}

/**
 * The store-and-forward queue of `$upstream`: append-only in sequence order (SQLite, WAL), removed only
 * once the sink accepted a batch, so a restart or an outage loses nothing within TTL and disk bound.
 * The row id is the sequence number the cloud sees as `x-opt-sequence-number`.
 */
export class UpstreamQueue {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly peekStmt: Database.Statement;
  private readonly ackStmt: Database.Statement;
  private readonly expireStmt: Database.Statement;
  private readonly oldestStmt: Database.Statement;
  private bytes = 0;
  private count = 0;
  private counters = { enqueued: 0, delivered: 0, expired: 0, dropped: 0 };

  constructor(private readonly opts: QueueOptions) {
    if (opts.file !== ":memory:") mkdirSync(dirname(opts.file), { recursive: true });
    this.db = new Database(opts.file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS upstream (
         seq INTEGER PRIMARY KEY AUTOINCREMENT,
         enqueued_ms INTEGER NOT NULL,
         bytes INTEGER NOT NULL,
         entry TEXT NOT NULL)`,
    );
    this.insert = this.db.prepare("INSERT INTO upstream (enqueued_ms, bytes, entry) VALUES (?, ?, ?)");
    this.peekStmt = this.db.prepare("SELECT seq, entry FROM upstream ORDER BY seq LIMIT ?");
    this.ackStmt = this.db.prepare("DELETE FROM upstream WHERE seq <= ?");
    this.expireStmt = this.db.prepare("DELETE FROM upstream WHERE enqueued_ms < ?");
    this.oldestStmt = this.db.prepare("SELECT seq, bytes FROM upstream ORDER BY seq LIMIT 256");
    this.refreshTotals();
  }

  private refreshTotals(): void {
    const row = this.db.prepare("SELECT COUNT(*) AS n, COALESCE(SUM(bytes), 0) AS b FROM upstream").get() as {
      n: number;
      b: number;
    };
    this.count = row.n;
    this.bytes = row.b;
  }

  /** Appends a message (without its sequence number, which is the row id); returns the sequence number. */
  enqueue(msg: UpstreamMessage, nowMs = Date.now()): number {
    const entry = JSON.stringify(msg);
    const size = Buffer.byteLength(entry);
    const info = this.insert.run(nowMs, size, entry);
    this.bytes += size;
    this.count += 1;
    this.counters.enqueued += 1;
    if (this.bytes > this.opts.maxBytes) this.dropOldest();
    return Number(info.lastInsertRowid);
  }

  private dropOldest(): void {
    const del = this.db.prepare("DELETE FROM upstream WHERE seq = ?");
    this.db.transaction(() => {
      while (this.bytes > this.opts.maxBytes && this.count > 1) {
        const rows = this.oldestStmt.all() as { seq: number; bytes: number }[];
        if (rows.length === 0) break;
        for (const r of rows) {
          if (this.bytes <= this.opts.maxBytes || this.count <= 1) break;
          del.run(r.seq);
          this.bytes -= r.bytes;
          this.count -= 1;
          this.counters.dropped += 1;
        }
      }
    })();
  }

  /** The oldest `limit` messages with their sequence numbers, in order. */
  peek(limit: number): { seq: number; message: UpstreamMessage }[] {
    const rows = this.peekStmt.all(limit) as { seq: number; entry: string }[];
    return rows.map((r) => {
      const m = JSON.parse(r.entry) as UpstreamMessage;
      return {
        seq: r.seq,
        message: { ...m, systemProperties: { ...m.systemProperties, "x-opt-sequence-number": r.seq } },
      };
    });
  }

  /** Removes everything up to and including `seq` (the sink accepted it). */
  ack(seq: number, n: number): void {
    this.ackStmt.run(seq);
    this.counters.delivered += n;
    this.refreshTotals();
  }

  /** Drops messages past the TTL; returns how many. */
  expire(nowMs = Date.now()): number {
    const n = this.expireStmt.run(nowMs - this.opts.ttlSecs * 1000).changes;
    if (n > 0) {
      this.counters.expired += n;
      this.refreshTotals();
    }
    return n;
  }

  stats(): QueueStats {
    return { queued: this.count, bytes: this.bytes, ...this.counters };
  }

  close(): void {
    this.db.close();
  }
}
