/**
 * The outbox on real SQLite in a temp dir: order, the size and age bounds (oldest dropped first,
 * counted), acknowledgement, and everything (entries and counters) surviving close and reopen.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Outbox } from "../src/outbox";

let dir: string;
let file: string;
const open: Outbox[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "omdp-outbox-"));
  file = join(dir, "sub", "reader-outbox.db");
});
afterEach(() => {
  while (open.length) open.pop()!.close();
  rmSync(dir, { recursive: true, force: true });
});

function outbox(limits = { maxMessages: 1000, maxAgeSeconds: 3600 }, now = () => 0): Outbox {
  const o = new Outbox(file, limits, now);
  open.push(o);
  return o;
}
const ns = (o: Outbox) => o.peek(1000).map((e) => (e.body as { n: number }).n);

describe("Outbox", () => {
  it("gives entries back oldest first with their output and properties", () => {
    const o = outbox();
    for (let n = 1; n <= 5; n++) o.add("readings", { n }, { kind: "reading", meterId: `m${n % 2}` });
    const entries = o.peek(3);
    expect(entries.map((e) => e.body)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(entries[0]).toMatchObject({ output: "readings", properties: { kind: "reading", meterId: "m1" } });
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => a - b));
    expect(o.stats()).toEqual({ pending: 5, enqueued: 5, delivered: 0, droppedFull: 0, droppedExpired: 0 });
  });

  it("removes an entry only when acknowledged; a second ack counts nothing", () => {
    const o = outbox();
    const a = o.add("readings", { n: 1 });
    o.add("readings", { n: 2 });
    expect(ns(o)).toEqual([1, 2]); // peeking removes nothing
    o.ack(a);
    o.ack(a);
    expect(ns(o)).toEqual([2]);
    expect(o.stats()).toMatchObject({ pending: 1, delivered: 1 });
  });

  it("past maxMessages drops the oldest and counts them", () => {
    const o = outbox({ maxMessages: 3, maxAgeSeconds: 3600 });
    for (let n = 1; n <= 7; n++) o.add("readings", { n });
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
    o.add("readings", { n: 1 }); // at t0
    t += 30_000;
    o.add("readings", { n: 2 }); // at t0 + 30 s
    t += 40_000; // t0 + 70 s: n1 is 70 s old (> 60), n2 is 40 s old
    expect(ns(o)).toEqual([2]);
    expect(o.stats()).toMatchObject({ pending: 1, droppedExpired: 1, droppedFull: 0 });
    t += 21_000; // n2 is 61 s old
    o.add("readings", { n: 3 });
    expect(ns(o)).toEqual([3]);
    expect(o.stats().droppedExpired).toBe(2);
  });

  it("keeps entries and counters across close and reopen, and keeps the order going", () => {
    const first = outbox({ maxMessages: 3, maxAgeSeconds: 3600 });
    for (let n = 1; n <= 4; n++) first.add("readings", { n });
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
    again.add("readings", { n: 5 });
    expect(ns(again)).toEqual([3, 4, 5]);
  });

  it("creates the file owner-only", () => {
    outbox().add("readings", { n: 1 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, "sub")).mode & 0o777).toBe(0o700);
  });
});
