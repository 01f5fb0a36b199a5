/**
 * The outbox on real SQLite in a temp dir: order, the size and age bounds (oldest dropped first,
 * counted), acknowledgement, and everything (entries and counters) surviving close and reopen.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DurableOutbox } from "../../src/outbox";

let dir: string;
let file: string;
const open: DurableOutbox[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "omdp-outbox-"));
  file = join(dir, "sub", "reader-outbox.db");
});
afterEach(() => {
  while (open.length) open.pop()!.close();
  rmSync(dir, { recursive: true, force: true });
});

function outbox(limits = { maxMessages: 1000, maxAgeSeconds: 3600 }, now = () => 0): DurableOutbox {
  const o = new DurableOutbox(file, limits, now);
  open.push(o);
  return o;
}
const ns = (o: DurableOutbox) => o.peek(1000).map((e) => (e.body as { n: number }).n);

describe("DurableOutbox", () => {
  it("gives entries back oldest first with their output and properties", () => {
    const o = outbox();
    for (let n = 1; n <= 5; n++)
      o.add({ output: "readings", body: { n }, properties: { kind: "reading", meterId: `m${n % 2}` } });
    const entries = o.peek(3);
    expect(entries.map((e) => e.body)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(entries[0]).toMatchObject({ output: "readings", properties: { kind: "reading", meterId: "m1" } });
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => a - b));
    expect(o.stats()).toEqual({ pending: 5, enqueued: 5, delivered: 0, droppedFull: 0, droppedExpired: 0 });
  });

  it("removes an entry only when acknowledged; a second ack counts nothing", () => {
    const o = outbox();
    const a = o.add({ output: "readings", body: { n: 1 } })!;
    o.add({ output: "readings", body: { n: 2 } });
    expect(ns(o)).toEqual([1, 2]); // peeking removes nothing
    o.ack(a);
    o.ack(a);
    expect(ns(o)).toEqual([2]);
    expect(o.stats()).toMatchObject({ pending: 1, delivered: 1 });
  });

  it("past maxMessages drops the oldest and counts them", () => {
    const o = outbox({ maxMessages: 3, maxAgeSeconds: 3600 });
    for (let n = 1; n <= 7; n++) o.add({ output: "readings", body: { n } });
    expect(ns(o)).toEqual([5, 6, 7]);
    expect(o.stats()).toEqual({ pending: 3, enqueued: 7, delivered: 0, droppedFull: 4, droppedExpired: 0 });
    // a lower bound from the twin applies at once
    o.setLimits({ maxMessages: 1, maxAgeSeconds: 3600 });
    expect(ns(o)).toEqual([7]);
    expect(o.stats().droppedFull).toBe(6);
  });

  it("drops entries older than maxAgeSeconds and counts them", () => {
    let t = 1_000_000;
    const o = outbox({ maxMessages: 100, maxAgeSeconds: 60 }, () => t);
    o.add({ output: "readings", body: { n: 1 } }); // at t0
    t += 30_000;
    o.add({ output: "readings", body: { n: 2 } }); // at t0 + 30 s
    t += 40_000; // t0 + 70 s: n1 is 70 s old (> 60), n2 is 40 s old
    expect(ns(o)).toEqual([2]);
    expect(o.stats()).toMatchObject({ pending: 1, droppedExpired: 1, droppedFull: 0 });
    t += 21_000; // n2 is 61 s old
    o.add({ output: "readings", body: { n: 3 } });
    expect(ns(o)).toEqual([3]);
    expect(o.stats().droppedExpired).toBe(2);
  });

  it("keeps entries and counters across close and reopen, and keeps the order going", () => {
    const first = outbox({ maxMessages: 3, maxAgeSeconds: 3600 });
    for (let n = 1; n <= 4; n++) first.add({ output: "readings", body: { n } });
    first.ack(first.peek(1)[0]!.seq); // n2 acknowledged
    first.close();
    const again = outbox({ maxMessages: 3, maxAgeSeconds: 3600 });
    expect(ns(again)).toEqual([3, 4]);
    expect(again.stats()).toEqual({
      pending: 2,
      enqueued: 4,
      delivered: 1,
      droppedFull: 1,
      droppedExpired: 0,
    });
    again.add({ output: "readings", body: { n: 5 } });
    expect(ns(again)).toEqual([3, 4, 5]);
  });

  it("does not store a message twice while the same id and body wait; a changed body is a new entry", () => {
    const o = outbox();
    const first = o.add({ output: "upstream", body: { n: 1 }, id: "interval|a" });
    expect(o.add({ output: "upstream", body: { n: 1 }, id: "interval|a" })).toBeUndefined();
    o.add({ output: "upstream", body: { n: 2 }, id: "interval|a" }); // the roll-up grew: sent again
    expect(ns(o)).toEqual([1, 2]);
    expect(o.peek(1)[0]!.id).toBe("interval|a");
    expect(o.duplicates()).toBe(1);
    o.ack(first!);
    o.ack(o.peek(1)[0]!.seq);
    o.add({ output: "upstream", body: { n: 1 }, id: "interval|a" }); // delivered ids may come again
    expect(ns(o)).toEqual([1]);
  });

  it("addAll writes several in order in one step and applies the bounds once", () => {
    const o = outbox({ maxMessages: 2, maxAgeSeconds: 3600 });
    o.addAll([1, 2, 3].map((n) => ({ output: "upstream", body: { n } })));
    expect(ns(o)).toEqual([2, 3]);
    expect(o.stats()).toMatchObject({ enqueued: 3, droppedFull: 1 });
  });

  it("opens a file of the first reader outbox (no id column) and keeps its entries", () => {
    mkdirSync(join(dir, "sub"), { recursive: true });
    const old = new Database(file);
    old.exec(`CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, enqueued_ms INTEGER NOT NULL,
      output TEXT NOT NULL, properties TEXT NOT NULL, body TEXT NOT NULL);
      INSERT INTO outbox (enqueued_ms, output, properties, body) VALUES (0, 'readings', '{}', '{"n":9}');`);
    old.close();
    const o = outbox();
    expect(ns(o)).toEqual([9]);
    o.add({ output: "readings", body: { n: 10 }, id: "x" });
    expect(ns(o)).toEqual([9, 10]);
  });

  it("creates the file owner-only", () => {
    outbox().add({ output: "readings", body: { n: 1 } });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, "sub")).mode & 0o777).toBe(0o700);
  });
});
