import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { MessageStore, UpstreamQueue } from "../../src/edgehub/index";

describe("MessageStore: one durable queue per endpoint", () => {
  const dirs: string[] = [];
  const fresh = () => {
    const d = mkdtempSync(join(tmpdir(), "omdp-store-"));
    dirs.push(d);
    return join(d, "upstream.db");
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it("keeps endpoints apart, each in order; remove takes exactly the acknowledged messages", () => {
    const store = new MessageStore(fresh());
    const a = store.endpoint("input:edge-local/sharing/readings", { ttlSecs: 3600 });
    const b = store.endpoint("input:edge-local/events/readings", { ttlSecs: 3600 });
    const seqs = [0, 1, 2, 3].map((i) => a.enqueue(`t${i}`, Buffer.from([i])));
    b.enqueue("other", null);
    expect(a.peek(10).map((r) => r.meta)).toEqual(["t0", "t1", "t2", "t3"]);
    expect(a.peek(10, seqs[1]).map((r) => r.meta)).toEqual(["t2", "t3"]);
    expect(a.remove([seqs[0]!, seqs[2]!, seqs[2]!])).toBe(2); // the repeated ack counts once
    expect(a.peek(10).map((r) => [r.meta, r.body?.[0]])).toEqual([
      ["t1", 1],
      ["t3", 3],
    ]);
    expect(a.stats()).toMatchObject({ queued: 2, enqueued: 4, delivered: 2 });
    expect(b.stats()).toMatchObject({ queued: 1, delivered: 0 });
    expect(store.storedEndpoints().sort()).toEqual([
      "input:edge-local/events/readings",
      "input:edge-local/sharing/readings",
    ]);
    store.close();
  });

  it("bounds an endpoint by count (oldest dropped, counted) and by TTL (expired, counted)", () => {
    const store = new MessageStore(fresh());
    const q = store.endpoint("input:x/m/i", { ttlSecs: 60, maxCount: 3 });
    for (let i = 0; i < 5; i++) q.enqueue(`m${i}`, null, 1_000_000 + i * 30_000);
    expect(q.peek(10).map((r) => r.meta)).toEqual(["m2", "m3", "m4"]);
    expect(q.stats()).toMatchObject({ queued: 3, dropped: 2 });
    // Kept: m2 at +60 s, m3 at +90 s, m4 at +120 s; expired = enqueued before now - 60 s.
    expect(q.expire(1_000_000 + 110_000)).toBe(0); // cutoff +50 s: none
    expect(q.expire(1_000_000 + 151_000)).toBe(2); // cutoff +91 s: m2 and m3
    expect(q.peek(10).map((r) => r.meta)).toEqual(["m4"]);
    expect(q.stats()).toMatchObject({ queued: 1, dropped: 2, expired: 2 });
    store.close();
  });

  it("survives a restart: messages and sequence numbers continue", () => {
    const file = fresh();
    const s1 = new MessageStore(file);
    const last = s1.endpoint("input:x/m/i", { ttlSecs: 3600 }).enqueue("a", Buffer.from("body"));
    s1.close();
    const s2 = new MessageStore(file);
    const q = s2.endpoint("input:x/m/i", { ttlSecs: 3600 });
    expect(q.stats().queued).toBe(1);
    expect(q.peek(1)[0]!.body!.toString()).toBe("body");
    expect(q.enqueue("b", null)).toBeGreaterThan(last);
    s2.close();
  });

  it("moves an earlier upstream.db (its own `upstream` table) into the store, keeping sequence numbers", () => {
    const file = fresh();
    const old = new Database(file);
    old.exec(
      "CREATE TABLE upstream (seq INTEGER PRIMARY KEY AUTOINCREMENT, enqueued_ms INTEGER NOT NULL, bytes INTEGER NOT NULL, entry TEXT NOT NULL)",
    );
    const entry = JSON.stringify({ body: { n: 7 }, properties: {}, systemProperties: {} });
    old
      .prepare("INSERT INTO upstream (seq, enqueued_ms, bytes, entry) VALUES (41, ?, ?, ?)")
      .run(Date.now(), 10, entry);
    old.close();
    const q = new UpstreamQueue({ file, ttlSecs: 3600, maxBytes: 1e9 });
    const [first] = q.peek(5);
    expect(first).toMatchObject({ seq: 41, message: { body: { n: 7 } } });
    expect(first!.message.systemProperties["x-opt-sequence-number"]).toBe(41);
    expect(q.enqueue({ body: 1, properties: {}, systemProperties: {} })).toBe(42);
    q.close();
  });
});
