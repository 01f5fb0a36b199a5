import https from "node:https";
import type { AddressInfo } from "node:net";
import { createHttpsServer } from "@vercel/cosmosdb-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeriesResolution } from "../../src/series/types";
import { createCosmosStore } from "../../src/store/cosmos";
import type { Store } from "../../src/store/port";
import { SqliteStore } from "../../src/store/sqlite";
import { writes } from "../fixtures";

let server: ReturnType<typeof createHttpsServer>;
let endpoint = "";
const agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });
beforeAll(async () => {
  server = createHttpsServer({ keepAlive: true });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  agent.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const DAY = 86_400_000;
const T0 = Date.parse("2026-01-01T06:00:00Z");

async function pages(store: Store, resolution: SeriesResolution, limit: number) {
  const out: number[] = [];
  let token: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await store.querySeries({
      meterId: "m-1",
      resolution,
      from: 0,
      to: 4e12,
      limit,
      ...(token ? { continuationToken: token } : {}),
    });
    out.push(...page.items.map((r) => r.start));
    token = page.continuationToken;
    if (!token) return { starts: out, pages: i + 1 };
  }
  throw new Error("more than 100 pages");
}

describe("Cosmos day buckets: reading past one query's chunk of 31 buckets", () => {
  it("pages 70 days of intervals and hours without loss or repetition, as SQLite does", async () => {
    const cosmos = await createCosmosStore({
      endpoint,
      key: "dGVzdC1rZXktZm9yLXRoZS1lbXVsYXRvcg==",
      database: "chunks",
      groupBy: false,
      agent,
      retentionDays: { intervals: 1826, rollups: 1826, readings: 31, events: 730, deadletters: 30 },
    });
    const sqlite = new SqliteStore(":memory:");
    try {
      // two quarter hours a day at 06:00 and 06:15 UTC, for 70 days: 70 buckets
      const all = Array.from({ length: 70 }, (_, d) => writes("m-1", "hh-1", "UTC", T0 + d * DAY, 2)).flat();
      for (const s of [cosmos, sqlite]) {
        await s.putMeter({ id: "m-1", householdId: "hh-1", deviceId: "e", timeZone: "UTC", updatedAt: "x" });
        await s.writeIntervals(all);
      }
      const expected = all.map((w) => w.start);
      for (const limit of [7, 64, 500]) {
        const got = await pages(cosmos, "PT15M", limit);
        expect(got.starts).toEqual(expected); // 140 quarter hours, in order, each once
        expect(got.pages).toBe(Math.ceil(140 / limit));
      }
      const hours = await pages(cosmos, "PT1H", 9);
      expect(hours.starts).toEqual(Array.from({ length: 70 }, (_, d) => T0 + d * DAY));
      expect(hours.starts).toEqual((await pages(sqlite, "PT1H", 9)).starts);
      const months = await cosmos.querySeries({
        meterId: "m-1",
        resolution: "P1M",
        from: 0,
        to: 4e12,
        limit: 10,
      });
      expect(months.items.map((m) => new Date(m.start).toISOString().slice(0, 7))).toEqual([
        "2026-01",
        "2026-02",
        "2026-03",
      ]);
      // the fixture's energy is 10 + i: 21 Wh a day; January 31 x 21 = 651, February 28 x 21 = 588, March 11 x 21 = 231
      expect(months.items.map((m) => m.importWh)).toEqual([651, 588, 231]);
      expect(months.items.map((m) => m.importWh)).toEqual(
        (
          await sqlite.querySeries({ meterId: "m-1", resolution: "P1M", from: 0, to: 4e12, limit: 10 })
        ).items.map((m) => m.importWh),
      );
    } finally {
      await cosmos.close();
      await sqlite.close();
    }
  });

  it("sums months per household from the day rows of every meter, as SQLite does", async () => {
    const cosmos = await createCosmosStore({
      endpoint,
      key: "dGVzdC1rZXktZm9yLXRoZS1lbXVsYXRvcg==",
      database: "months",
      groupBy: false,
      agent,
      retentionDays: { intervals: 1826, rollups: 1826, readings: 31, events: 730, deadletters: 30 },
    });
    const sqlite = new SqliteStore(":memory:");
    try {
      for (const s of [cosmos, sqlite]) {
        await s.putMeter({ id: "m-1", householdId: "hh-1", deviceId: "e", timeZone: "UTC", updatedAt: "x" });
        await s.putMeter({
          id: "m-2",
          householdId: "hh-1",
          deviceId: "e",
          timeZone: "Europe/Vienna",
          updatedAt: "x",
        });
        await s.writeIntervals([
          ...writes("m-1", "hh-1", "UTC", Date.parse("2026-01-31T12:00:00Z"), 2, () => 10),
          ...writes("m-1", "hh-1", "UTC", Date.parse("2026-02-01T12:00:00Z"), 2, () => 7),
          ...writes("m-2", "hh-1", "Europe/Vienna", Date.parse("2026-01-31T12:00:00Z"), 2, () => 5),
        ]);
      }
      const q = { resolution: "P1M" as const, from: 0, to: 4e12 };
      const got = await cosmos.householdBuckets(q);
      // by hand: m-1 January 20 Wh (UTC month), m-2 January 10 Wh (Vienna month, its own start), m-1 February 14 Wh
      expect(got.map((b) => [new Date(b.start).toISOString(), b.meters, b.importWh])).toEqual([
        ["2025-12-31T23:00:00.000Z", 1, 10],
        ["2026-01-01T00:00:00.000Z", 1, 20],
        ["2026-02-01T00:00:00.000Z", 1, 14],
      ]);
      const want = await sqlite.householdBuckets(q);
      expect(got.map((b) => [b.start, b.meters, b.importWh, b.exportWh])).toEqual(
        want.map((b) => [b.start, b.meters, b.importWh, b.exportWh]),
      );
    } finally {
      await cosmos.close();
      await sqlite.close();
    }
  });
});
