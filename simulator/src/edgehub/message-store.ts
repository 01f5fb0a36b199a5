import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";

/** One stored message: `meta` is the endpoint's own text (a topic, a JSON document), `body` optional bytes. */
export interface StoredEntry {
  readonly seq: number;
  readonly enqueuedMs: number;
  readonly meta: string;
  readonly body: Buffer | null;
}

export interface QueueStats {
  readonly queued: number;
  readonly bytes: number;
  readonly enqueued: number;
  readonly delivered: number;
  readonly expired: number;
  readonly dropped: number;
  /** New messages refused because the queue was at a bound (policy `refuse`). */
  readonly refusedFull: number;
}

/**
 * Bounds of one endpoint's queue. At a bound, `dropOldest` (default) drops the oldest messages (counted
 * `dropped`); `refuse` keeps everything stored and refuses the new message instead (`QueueFullError`,
 * counted `refusedFull`): for a queue whose messages were acknowledged to their senders, who still hold
 * what is refused and send it again.
 */
export interface EndpointLimits {
  /** Messages older than this are dropped undelivered (IoT Edge `timeToLiveSecs`). */
  readonly ttlSecs: number;
  readonly maxBytes?: number;
  readonly maxCount?: number;
  readonly whenFull?: "dropOldest" | "refuse";
}

/** A message not stored because its endpoint's queue is at a bound (policy `refuse`). */
export class QueueFullError extends Error {
  override readonly name = "QueueFullError";
  constructor(
    readonly endpoint: string,
    readonly evidence: {
      readonly queued: number;
      readonly bytes: number;
      readonly messageBytes: number;
      readonly maxBytes?: number;
      readonly maxCount?: number;
    },
  ) {
    super(
      `queue ${endpoint} full: ${evidence.queued} messages, ${evidence.bytes} bytes stored; ` +
        `a message of ${evidence.messageBytes} bytes would pass ` +
        `${evidence.maxBytes !== undefined ? `maxBytes ${evidence.maxBytes}` : ""}` +
        `${evidence.maxBytes !== undefined && evidence.maxCount !== undefined ? " or " : ""}` +
        `${evidence.maxCount !== undefined ? `maxCount ${evidence.maxCount}` : ""}`,
    );
  }
}

/**
 * The hub's durable store-and-forward, one SQLite file (WAL) for every endpoint (`$upstream` and each
 * module input), as edgeHub keeps one message store with a queue per endpoint. Sequence numbers are
 * one AUTOINCREMENT over all endpoints: strictly increasing per endpoint, never reused, also across
 * restarts. A committed insert survives a SIGKILL of the hub (WAL, `synchronous = NORMAL`).
 */
export class MessageStore {
  readonly db: Database.Database;
  private readonly queues = new Map<string, DurableQueue>();

  constructor(file: string) {
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS messages (
         seq INTEGER PRIMARY KEY AUTOINCREMENT,
         endpoint TEXT NOT NULL,
         enqueued_ms INTEGER NOT NULL,
         bytes INTEGER NOT NULL,
         meta TEXT NOT NULL,
         body BLOB);
       CREATE INDEX IF NOT EXISTS messages_by_endpoint ON messages (endpoint, seq);`,
    );
    this.migrateUpstreamTable();
  }

  /** Files written before the store was shared kept `$upstream` in its own table; move those rows over. */
  private migrateUpstreamTable(): void {
    const old = this.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'upstream'")
      .get();
    if (!old) return;
    this.db.transaction(() => {
      this.db.exec(
        `INSERT INTO messages (seq, endpoint, enqueued_ms, bytes, meta, body)
           SELECT seq, '$upstream', enqueued_ms, bytes, entry, NULL FROM upstream ORDER BY seq;
         DROP TABLE upstream;`,
      );
    })();
  }

  /** The queue of one endpoint (created on first use; the same object for the same name). */
  endpoint(name: string, limits: EndpointLimits): DurableQueue {
    let q = this.queues.get(name);
    if (!q) {
      q = new DurableQueue(this.db, name, limits);
      this.queues.set(name, q);
    }
    return q;
  }

  /** Endpoints that hold messages (to resume delivery after a restart). */
  storedEndpoints(): string[] {
    const rows = this.db.prepare("SELECT DISTINCT endpoint FROM messages").all() as { endpoint: string }[];
    return rows.map((r) => r.endpoint);
  }

  /** Runs `fn` in one transaction (nested calls become savepoints). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** One endpoint's queue: append in sequence order, read in order, remove what was delivered. */
export class DurableQueue {
  private readonly insert: Database.Statement;
  private readonly peekStmt: Database.Statement;
  private readonly ackUpToStmt: Database.Statement;
  private readonly removeStmt: Database.Statement;
  private readonly expireStmt: Database.Statement;
  private readonly oldestStmt: Database.Statement;
  private readonly dropUpToStmt: Database.Statement;
  private count = 0;
  private bytes = 0;
  private readonly counters = { enqueued: 0, delivered: 0, expired: 0, dropped: 0, refusedFull: 0 };

  constructor(
    private readonly db: Database.Database,
    readonly name: string,
    private readonly limits: EndpointLimits,
  ) {
    const returning = "RETURNING bytes";
    this.insert = db.prepare(
      "INSERT INTO messages (endpoint, enqueued_ms, bytes, meta, body) VALUES (?, ?, ?, ?, ?)",
    );
    this.peekStmt = db.prepare(
      "SELECT seq, enqueued_ms AS enqueuedMs, meta, body FROM messages WHERE endpoint = ? AND seq > ? ORDER BY seq LIMIT ?",
    );
    this.ackUpToStmt = db.prepare(`DELETE FROM messages WHERE endpoint = ? AND seq <= ? ${returning}`);
    this.removeStmt = db.prepare(`DELETE FROM messages WHERE endpoint = ? AND seq = ? ${returning}`);
    this.expireStmt = db.prepare(`DELETE FROM messages WHERE endpoint = ? AND enqueued_ms < ? ${returning}`);
    this.oldestStmt = db.prepare("SELECT seq, bytes FROM messages WHERE endpoint = ? ORDER BY seq LIMIT 256");
    this.dropUpToStmt = this.ackUpToStmt;
    const row = db
      .prepare("SELECT COUNT(*) AS n, COALESCE(SUM(bytes), 0) AS b FROM messages WHERE endpoint = ?")
      .get(name) as { n: number; b: number };
    this.count = row.n;
    this.bytes = row.b;
  }

  /**
   * Appends a message; returns its sequence number. Past the bounds drops the oldest, or (policy
   * `refuse`) throws `QueueFullError` and stores nothing (the caller's transaction rolls back; TTL
   * expiry, run by the endpoint's owner, still frees room).
   */
  enqueue(meta: string, body: Buffer | null, nowMs = Date.now()): number {
    const size = Buffer.byteLength(meta) + (body?.length ?? 0);
    if (this.limits.whenFull === "refuse" && this.wouldPassBounds(size)) {
      this.counters.refusedFull += 1;
      const { maxBytes, maxCount } = this.limits;
      throw new QueueFullError(this.name, {
        queued: this.count,
        bytes: this.bytes,
        messageBytes: size,
        ...(maxBytes !== undefined ? { maxBytes } : {}),
        ...(maxCount !== undefined ? { maxCount } : {}),
      });
    }
    const info = this.insert.run(this.name, nowMs, size, meta, body);
    this.count += 1;
    this.bytes += size;
    this.counters.enqueued += 1;
    if (this.overBounds()) this.dropOldest();
    return Number(info.lastInsertRowid);
  }

  /** Whether one more message of `size` bytes would pass a bound (an empty queue takes any one message). */
  private wouldPassBounds(size: number): boolean {
    const { maxBytes, maxCount } = this.limits;
    if (this.count === 0) return false;
    return (
      (maxBytes !== undefined && this.bytes + size > maxBytes) ||
      (maxCount !== undefined && this.count + 1 > maxCount)
    );
  }

  private overBounds(): boolean {
    const { maxBytes, maxCount } = this.limits;
    if (this.count <= 1) return false;
    return (
      (maxBytes !== undefined && this.bytes > maxBytes) || (maxCount !== undefined && this.count > maxCount)
    );
  }

  /** Drops the oldest messages until within bounds (the newest is always kept). */
  private dropOldest(): void {
    this.db.transaction(() => {
      for (let round = 0; round < 1_000 && this.overBounds(); round++) {
        const rows = this.oldestStmt.all(this.name) as { seq: number; bytes: number }[];
        let count = this.count;
        let bytes = this.bytes;
        let cutoff: number | undefined;
        for (const r of rows) {
          const over =
            (this.limits.maxBytes !== undefined && bytes > this.limits.maxBytes) ||
            (this.limits.maxCount !== undefined && count > this.limits.maxCount);
          if (!over || count <= 1) break;
          cutoff = r.seq;
          count -= 1;
          bytes -= r.bytes;
        }
        if (cutoff === undefined) break;
        this.counters.dropped += this.removed(
          this.dropUpToStmt.all(this.name, cutoff) as { bytes: number }[],
        );
      }
    })();
  }

  /** Updates the totals for deleted rows; returns how many. */
  private removed(rows: readonly { bytes: number }[]): number {
    for (const r of rows) this.bytes -= r.bytes;
    this.count -= rows.length;
    return rows.length;
  }

  /** Up to `limit` messages after sequence number `afterSeq`, in order. */
  peek(limit: number, afterSeq = 0): StoredEntry[] {
    return this.peekStmt.all(this.name, afterSeq, limit) as StoredEntry[];
  }

  /** Removes everything up to and including `seq` (delivered); returns how many were removed. */
  ackUpTo(seq: number): number {
    const n = this.removed(this.ackUpToStmt.all(this.name, seq) as { bytes: number }[]);
    this.counters.delivered += n;
    return n;
  }

  /** Removes the delivered messages `seqs` (one transaction); returns how many were still stored. */
  remove(seqs: readonly number[]): number {
    let n = 0;
    this.db.transaction(() => {
      for (const seq of seqs) n += this.removed(this.removeStmt.all(this.name, seq) as { bytes: number }[]);
    })();
    this.counters.delivered += n;
    return n;
  }

  /** Drops messages past the TTL; returns how many. */
  expire(nowMs = Date.now()): number {
    const rows = this.expireStmt.all(this.name, nowMs - this.limits.ttlSecs * 1000) as { bytes: number }[];
    const n = this.removed(rows);
    this.counters.expired += n;
    return n;
  }

  stats(): QueueStats {
    return { queued: this.count, bytes: this.bytes, ...this.counters };
  }
}
