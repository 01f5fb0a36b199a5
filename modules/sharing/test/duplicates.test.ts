import { type IntervalRecord, type MeterReading, readingId } from "@omdp/model";
import { afterEach, describe, expect, it } from "vitest";
import { interval, reading } from "./support/fixtures";
import { type Harness, startHarness, T0 } from "./support/harness";
import { call, openSse } from "./support/http";

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.dispose();
});
async function harness(): Promise<Harness> {
  const h = await startHarness({ cloud: { enabled: true }, households: { "hh-1": { timeZone: "UTC" } } });
  open.push(h);
  return h;
}

const QUARTER = 900_000;
/** Two meters, a reading every 5 min for 2 h (with the reader's id), and their PT15M intervals. */
const readings: MeterReading[] = ["m1", "m2"].flatMap((m) =>
  Array.from({ length: 24 }, (_, i) => {
    const r = reading(m, T0 + i * 300_000, 1000 + 7 * i, 400 + i);
    return { ...r, id: readingId(m, r.readingTime) };
  }),
);
const intervals: IntervalRecord[] = ["m1", "m2"].flatMap((m) =>
  Array.from({ length: 8 }, (_, i) => interval(m, T0 + i * QUARTER, 15, 20 + i)),
);

async function deliverAll(h: Harness, order: "once" | "twice"): Promise<void> {
  for (let i = 0; i < readings.length; i++) {
    await h.host.deliver("readings", readings[i]!);
    if (order === "twice") await h.host.deliver("readings", readings[i]!); // hub redelivery
  }
  for (const rec of intervals) {
    await h.host.deliver("intervals", rec);
    if (order === "twice") await h.host.deliver("intervals", rec);
  }
  if (order === "twice") {
    // The reader's outbox re-sends a whole stretch after an outage, and analytics resends its outbox.
    for (const r of readings.slice(10)) await h.host.deliver("readings", r);
    for (const rec of intervals.slice(3)) await h.host.deliver("intervals", rec);
  }
}

/** Every answer of the local API about the stored data. */
async function answers(h: Harness): Promise<unknown[]> {
  const q = `from=${new Date(T0 - QUARTER).toISOString()}&to=${new Date(T0 + 4 * 3_600_000).toISOString()}`;
  const paths = ["/api/meters"];
  for (const m of ["m1", "m2"]) {
    paths.push(`/api/meters/${m}/latest`, `/api/meters/${m}/readings?${q}`);
    for (const r of ["PT15M", "PT30M", "PT1H", "P1D"])
      paths.push(`/api/meters/${m}/intervals?resolution=${r}&${q}`);
  }
  const out: unknown[] = [];
  for (const p of paths) {
    const r = await call(h.base, "GET", p, { headers: h.auth });
    expect(r.status, p).toBe(200);
    out.push([p, r.json]);
  }
  const sse = await openSse(h.base, "/api/stream?lastEventId=0", h.auth);
  const events = await sse.waitFor(readings.length);
  sse.close();
  out.push(events.map((e) => [e.id, e.data]));
  return out;
}

describe("duplicates are harmless at the edge store", () => {
  it("readings and intervals delivered twice give the same store and API answers as delivered once", async () => {
    const once = await harness();
    const twice = await harness();
    await deliverAll(once, "once");
    await deliverAll(twice, "twice");

    expect(await answers(twice)).toEqual(await answers(once));
    // Both rows are the once-only rows: 48 readings, 16 base intervals.
    const count = (h: Harness, sql: string) => (h.module.store.db.prepare(sql).get() as { n: number }).n;
    expect(count(twice, "SELECT COUNT(*) AS n FROM readings")).toBe(48);
    expect(count(twice, "SELECT COUNT(*) AS n FROM intervals WHERE derived = 0")).toBe(16);
    expect(count(twice, "SELECT COUNT(*) AS n FROM intervals")).toBe(
      count(once, "SELECT COUNT(*) AS n FROM intervals"),
    );
    // Counted: 48 + 38 redelivered readings, 16 + 13 redelivered intervals.
    expect(twice.module.counters).toMatchObject({
      readingsStored: 48,
      readingsDuplicate: 48 + 38,
      intervalsStored: 16,
      intervalsDuplicate: 16 + 13,
      invalidMessages: 0,
    });
    expect(once.module.counters).toMatchObject({ readingsDuplicate: 0, intervalsDuplicate: 0 });
    // Upstream may see a record again (idempotent by id in the cloud), never a different one.
    const distinct = (h: Harness) => [
      ...new Map(h.host.sentOn("upstream").map((s) => [JSON.stringify(s.body), s.body])).values(),
    ];
    expect(distinct(twice)).toEqual(distinct(once));
  });

  it("a redelivery after a sharing restart (same sharing.db) changes nothing either", async () => {
    const once = await harness();
    await deliverAll(once, "once");
    const first = await harness();
    await deliverAll(first, "once");
    await first.stop();
    const again = await startHarness(
      { cloud: { enabled: true }, households: { "hh-1": { timeZone: "UTC" } } },
      { dir: first.dir, clock: first.clock },
    );
    open.push(again);
    await deliverAll(again, "once"); // everything again: the hub and the reader redeliver
    expect(await answers(again)).toEqual(await answers(once));
    expect(again.module.counters).toMatchObject({
      readingsStored: 0,
      readingsDuplicate: 48,
      intervalsDuplicate: 16,
    });
  });

  it("a changed interval with the same id replaces the stored one (not a duplicate)", async () => {
    const h = await harness();
    await h.host.deliver("intervals", interval("m1", T0, 15, 10));
    await h.host.deliver("intervals", interval("m1", T0, 15, 12));
    const r = await call(
      h.base,
      "GET",
      `/api/meters/m1/intervals?resolution=PT15M&from=${new Date(T0).toISOString()}&to=${new Date(T0 + QUARTER).toISOString()}`,
      { headers: h.auth },
    );
    expect(r.json.items.map((x: IntervalRecord) => x.energyImportedWh)).toEqual([12]);
    expect(h.module.counters).toMatchObject({ intervalsStored: 2, intervalsDuplicate: 0 });
  });
});
