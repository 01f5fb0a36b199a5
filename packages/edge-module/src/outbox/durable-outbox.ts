/**
 * A module's durable outbox (SQLite, WAL): every message is written here synchronously when it is
 * produced, and removed only once the hub acknowledged its send (PUBACK). A module killed or a hub away
 * loses nothing within the bounds: at most `maxMessages` entries, none older than `maxAgeSeconds`; past
 * either the oldest are dropped first and counted (the counters live in the same file, so they survive
 * a restart as well). Entries come out in the order they went in.
 *
 * De-duplication: a message added with an `id` while an entry with the same id and the same body is
 * still waiting is not stored twice (counted `duplicates`); a changed body under the same id is a new
 * entry (a roll-up that grew), and once delivered an id may be added again.
 *
 * Durability: WAL with synchronous=NORMAL, so a committed entry survives the process being killed
 * (SIGKILL); an OS crash or power loss may lose the last transactions (synchronous=FULL would not).
 */
import { closeSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { MessageProperties } from "../host";
import { DEFAULT_OUTBOX_LIMITS, type OutboxLimits } from "./settings";

/** One message for the outbox: the output it leaves on, its JSON body, its application properties. */
export interface OutboxMessage<B = unknown> {
  readonly output: string;
  readonly body: B;
  readonly properties?: MessageProperties;
  /** Identity for de-duplication while waiting (e.g. `interval|<record id>`). */
  readonly id?: string;
}

export interface OutboxEntry<B = unknown> {
  readonly seq: number;
  readonly output: string;
  readonly body: B;
  readonly properties: MessageProperties;
  readonly id?: string;
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

type Counter = "enqueued" | "delivered" | "droppedFull" | "droppedExpired" | "duplicates";
const COUNTERS: readonly Counter[] = ["enqueued", "delivered", "droppedFull", "droppedExpired", "duplicates"];

interface Row {
  seq: number;
  enqueued_ms: number;
  output: string;
  properties: string;
  body: string;
  msg_id: string | null;
}

export class DurableOutbox<B = unknown> {
  private readonly db: Database.Database;
  private readonly stmt: Record<
    "insert" | "peek" | "ack" | "expire" | "dropOldest" | "bump" | "count" | "same",
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
    this.migrate();
    this.stmt = {
      insert: this.db.prepare(
        "INSERT INTO outbox (enqueued_ms, output, properties, body, msg_id) VALUES (?, ?, ?, ?, ?)",
      ),
      peek: this.db.prepare(
        "SELECT seq, enqueued_ms, output, properties, body, msg_id FROM outbox ORDER BY seq LIMIT ?",
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
      same: this.db.prepare("SELECT 1 FROM outbox WHERE msg_id = ? AND output = ? AND body = ? LIMIT 1"),
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

  /** Tables of this version; a file of the reader's first outbox (no `msg_id`) gains the column. */
  private migrate(): void {
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        enqueued_ms INTEGER NOT NULL,
        output TEXT NOT NULL,
        properties TEXT NOT NULL,
        body TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS outbox_enqueued ON outbox (enqueued_ms);
      CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);`);
    const cols = this.db.prepare("PRAGMA table_info(outbox)").all() as { name: string }[];
    if (!cols.some((c) => c.name === "msg_id")) this.db.exec("ALTER TABLE outbox ADD COLUMN msg_id TEXT");
    this.db.exec("CREATE INDEX IF NOT EXISTS outbox_msg_id ON outbox (msg_id)");
  }

  /**
   * Writes one message (committed when this returns), then applies the bounds; returns its sequence
   * number, or undefined when the same message is already waiting.
   */
  add(message: OutboxMessage<B>): number | undefined {
    return this.addAll([message])[0];
  }

  /** Writes several messages in one transaction (all or none), in order; sequence numbers as `add`. */
  addAll(messages: readonly OutboxMessage<B>[]): (number | undefined)[] {
    if (messages.length === 0) return [];
    return this.db.transaction(() => {
      const seqs = messages.map((m) => this.insertOne(m));
      this.applyBounds();
      return seqs;
    })();
  }

  private insertOne(m: OutboxMessage<B>): number | undefined {
    const body = JSON.stringify(m.body);
    if (m.id !== undefined && this.stmt.same.get(m.id, m.output, body)) {
      this.bump("duplicates", 1);
      return undefined;
    }
    const props = JSON.stringify(m.properties ?? {});
    const info = this.stmt.insert.run(this.now(), m.output, props, body, m.id ?? null);
    this.pending++;
    this.bump("enqueued", 1);
    return Number(info.lastInsertRowid);
  }

  /** The oldest `limit` entries still waiting (expired ones are dropped first). */
  peek(limit: number): OutboxEntry<B>[] {
    this.db.transaction(() => this.expire())();
    const rows = this.stmt.peek.all(limit) as Row[];
    return rows.map((r) => ({
      seq: r.seq,
      output: r.output,
      body: JSON.parse(r.body) as B,
      properties: JSON.parse(r.properties) as MessageProperties,
      ...(r.msg_id === null ? {} : { id: r.msg_id }),
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

  /** The hub acknowledged these entries: remove them in one transaction (as `ack` each). */
  ackAll(seqs: readonly number[]): void {
    if (!this.db.open) return;
    this.db.transaction(() => {
      let removed = 0;
      for (const seq of seqs) removed += this.stmt.ack.run(seq).changes;
      if (removed === 0) return;
      this.pending -= removed;
      this.bump("delivered", removed);
    })();
  }

  /** New bounds (desired properties); entries past them are dropped now. */
  setLimits(limits: OutboxLimits): void {
    this.limits = limits;
    this.db.transaction(() => this.applyBounds())();
  }

  stats(): OutboxStats {
    const { duplicates: _, ...kept } = this.counters;
    return { pending: this.pending, ...kept };
  }

  /** Messages not stored because the same one was already waiting. */
  duplicates(): number {
    return this.counters.duplicates;
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
