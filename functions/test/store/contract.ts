import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SERIES_RESOLUTIONS } from "../../src/series/types";
import { InvalidContinuationError, type Store } from "../../src/store/port";
import { event, reading, writes } from "../fixtures";

/** 2026-03-10T00:00 in Vienna (UTC+1). */
const VIENNA_DAY = Date.parse("2026-03-09T23:00:00Z");
const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * The one contract every store adapter passes (SQLite and Cosmos DB). `open` gives a fresh, empty
 * store; `close` releases it.
 */
export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
      const updatedAt = "2026-01-01T00:00:00.000Z";
      await store.putMeter({
        id: "m-1",
        householdId: "hh-1",
        deviceId: "edge-a",
        timeZone: "Europe/Vienna",
        updatedAt,
      });
      await store.putMeter({
        id: "m-2",
        householdId: "hh-1",
        deviceId: "edge-a",
        timeZone: "Europe/Vienna",
        updatedAt,
      });
      await store.putMeter({
        id: "m-3",
        householdId: "hh-2",
        deviceId: "edge-b",
        timeZone: "UTC",
        updatedAt,
      });
    });
    afterEach(async () => store.close());

    const snapshot = async (meterId: string) => {
      const out: Record<string, unknown> = {};
      for (const resolution of SERIES_RESOLUTIONS) {
        out[resolution] = (
          await store.querySeries({ meterId, resolution, from: 0, to: 4e12, limit: 10_000 })
        ).items;
      }
      out.latest = await store.getLatest(meterId);
      return out;
    };

    it("keeps the meter registry", async () => {
      expect(await store.getMeter("m-1")).toMatchObject({ householdId: "hh-1", deviceId: "edge-a" });
      expect(await store.getMeter("nope")).toBeUndefined();
      expect((await store.listMeters({ householdIds: ["hh-1"] })).map((m) => m.id)).toEqual(["m-1", "m-2"]);
      expect((await store.listMeters()).map((m) => m.id)).toEqual(["m-1", "m-2", "m-3"]);
      expect(await store.listMeters({ householdIds: [] })).toEqual([]);
      await store.putMeter({
        id: "m-3",
        householdId: "hh-1",
        deviceId: "edge-a",
        timeZone: "UTC",
        updatedAt: "x",
      });
      expect((await store.getMeter("m-3"))?.householdId).toBe("hh-1");
      expect((await store.getMeter("m-3"))?.role).toBeUndefined();
      // a sub-meter's role is kept, and dropped again when registered as a main meter
      const sub = { id: "m-3", householdId: "hh-1", deviceId: "edge-a", timeZone: "UTC", updatedAt: "y" };
      await store.putMeter({ ...sub, role: "sub" });
      expect((await store.getMeter("m-3"))?.role).toBe("sub");
      expect((await store.listMeters({ householdIds: ["hh-1"] })).map((m) => m.role)).toEqual([
        undefined,
        undefined,
        "sub",
      ]);
      await store.putMeter({ ...sub, role: "main" });
      expect((await store.getMeter("m-3"))?.role).toBeUndefined();
    });

    it("stores intervals and serves ranges oldest first, paged without loss or repetition", async () => {
      await store.writeIntervals(writes("m-1", "hh-1", "Europe/Vienna", VIENNA_DAY, 96));
      const all = [];
      let token: string | undefined;
      for (let i = 0; i < 20; i++) {
        const page = await store.querySeries({
          meterId: "m-1",
          resolution: "PT15M",
          from: VIENNA_DAY + 900_000,
          to: VIENNA_DAY + DAY,
          limit: 25,
          ...(token ? { continuationToken: token } : {}),
        });
        expect(page.items.length).toBeLessThanOrEqual(25);
        all.push(...page.items);
        token = page.continuationToken;
        if (!token) break;
      }
      expect(all).toHaveLength(95);
      expect(all[0]!.start).toBe(VIENNA_DAY + 900_000);
      expect(all.map((r) => r.start)).toEqual([...all.map((r) => r.start)].sort((a, b) => a - b));
      expect(all[0]).toMatchObject({ meterId: "m-1", importWh: 11, derived: false, quality: "complete" });
      expect(all[0]!.id).toBe(`m-1|PT15M|${new Date(VIENNA_DAY + 900_000).toISOString()}`);
    });

    it("maintains hour, local-day and local-month rollups", async () => {
      await store.writeIntervals(writes("m-1", "hh-1", "Europe/Vienna", VIENNA_DAY, 96));
      const hours = await store.querySeries({
        meterId: "m-1",
        resolution: "PT1H",
        from: 0,
        to: 4e12,
        limit: 100,
      });
      expect(hours.items).toHaveLength(24);
      expect(hours.items[1]).toMatchObject({ importWh: 14 + 15 + 16 + 17, powerMaxW: 17 * 8, powerMinW: 14 });
      expect(hours.items[1]!.registers).toEqual({ "1-0:1.8.0": 5_000_017 });
      const days = await store.querySeries({
        meterId: "m-1",
        resolution: "P1D",
        from: 0,
        to: 4e12,
        limit: 100,
      });
      expect(days.items).toHaveLength(1);
      const total = Array.from({ length: 96 }, (_, i) => 10 + i).reduce((a, b) => a + b);
      expect(days.items[0]).toMatchObject({
        start: VIENNA_DAY,
        end: VIENNA_DAY + DAY,
        importWh: total,
        quality: "complete",
      });
      expect(days.items[0]!.sampleCount).toBe(96 * 15);
      const months = await store.querySeries({
        meterId: "m-1",
        resolution: "P1M",
        from: 0,
        to: 4e12,
        limit: 100,
      });
      expect(months.items[0]).toMatchObject({
        start: Date.parse("2026-02-28T23:00:00Z"),
        end: Date.parse("2026-03-31T22:00:00Z"), // DST starts on 29 March: the month ends at UTC+2
        importWh: total,
        quality: "partial",
      });
      expect(months.items[0]!.flags).toContain("gap");
    });

    it("carries the children's flags up to every rollup", async () => {
      const ws = writes("m-1", "hh-1", "Europe/Vienna", VIENNA_DAY, 4).map((w, i) =>
        i === 2 ? { ...w, flags: ["reset"], quality: "estimated" as const } : w,
      );
      await store.writeIntervals(ws);
      const hour = await store.querySeries({
        meterId: "m-1",
        resolution: "PT1H",
        from: 0,
        to: 4e12,
        limit: 10,
      });
      expect(hour.items[0]).toMatchObject({ flags: ["reset"], quality: "estimated" });
      const day = await store.querySeries({
        meterId: "m-1",
        resolution: "P1D",
        from: 0,
        to: 4e12,
        limit: 10,
      });
      expect(day.items[0]).toMatchObject({ flags: ["gap", "reset"], quality: "estimated" });
    });

    it("leaves the store unchanged when the same batch is written again", async () => {
      const batch = writes("m-1", "hh-1", "Europe/Vienna", VIENNA_DAY, 40);
      await store.writeIntervals(batch);
      await store.writeReadings([
        { householdId: "hh-1", reading: reading("m-1", "2026-03-10T05:00:00Z", 700) },
      ]);
      const before = await snapshot("m-1");
      await store.writeIntervals(batch);
      await store.writeIntervals(batch.slice(10, 20));
      await store.writeReadings([
        { householdId: "hh-1", reading: reading("m-1", "2026-03-10T05:00:00Z", 700) },
      ]);
      expect(await snapshot("m-1")).toEqual(before);
    });

    it("replaces a corrected interval without counting it twice", async () => {
      await store.writeIntervals(writes("m-1", "hh-1", "Europe/Vienna", VIENNA_DAY, 4));
      await store.writeIntervals(writes("m-1", "hh-1", "Europe/Vienna", VIENNA_DAY, 1, () => 1000));
      const hour = await store.querySeries({
        meterId: "m-1",
        resolution: "PT1H",
        from: 0,
        to: 4e12,
        limit: 10,
      });
      expect(hour.items[0]!.importWh).toBe(1000 + 11 + 12 + 13);
      const day = await store.querySeries({
        meterId: "m-1",
        resolution: "P1D",
        from: 0,
        to: 4e12,
        limit: 10,
      });
      expect(day.items[0]!.importWh).toBe(1000 + 11 + 12 + 13);
    });

    it("keeps the latest values by data time (an older write does not regress them)", async () => {
      await store.writeIntervals(writes("m-1", "hh-1", "Europe/Vienna", VIENNA_DAY, 8));
      await store.writeReadings([
        { householdId: "hh-1", reading: reading("m-1", "2026-03-10T05:00:00Z", 700) },
        { householdId: "hh-1", reading: reading("m-1", "2026-03-10T04:00:00Z", 500) },
      ]);
      await store.writeIntervals(writes("m-1", "hh-1", "Europe/Vienna", VIENNA_DAY, 2));
      const latest = await store.getLatest("m-1");
      expect(latest?.interval?.start).toBe(VIENNA_DAY + 7 * 900_000);
      expect(latest?.reading?.readingTime).toBe("2026-03-10T05:00:00Z");
      expect(latest?.updatedAt).toBe("2026-03-10T05:00:00.000Z");
      expect(await store.getLatest("m-2")).toBeUndefined();
    });

    it("stores raw readings by meter and time", async () => {
      await store.writeReadings(
        [0, 1, 2, 3, 4].map((i) => ({
          householdId: "hh-1",
          reading: reading("m-1", new Date(VIENNA_DAY + i * 60_000).toISOString(), i),
        })),
      );
      const p1 = await store.queryReadings({
        meterId: "m-1",
        from: VIENNA_DAY,
        to: VIENNA_DAY + DAY,
        limit: 3,
      });
      expect(p1.items).toHaveLength(3);
      const p2 = await store.queryReadings({
        meterId: "m-1",
        from: VIENNA_DAY,
        to: VIENNA_DAY + DAY,
        limit: 3,
        continuationToken: p1.continuationToken!,
      });
      expect([...p1.items, ...p2.items].map((r) => r.values[0]!.value)).toEqual([0, 1, 2, 3, 4]);
    });

    it("stores events per household and filters by meter and time", async () => {
      await store.writeEvents([
        { ...event("e1", "m-1", "2026-03-10T01:00:00Z"), householdId: "hh-1" },
        { ...event("e2", "m-2", "2026-03-10T02:00:00Z"), householdId: "hh-1" },
        { ...event("e3", "m-3", "2026-03-10T03:00:00Z"), householdId: "hh-2" },
        { ...event("e/4", "m-1", "2026-03-11T01:00:00Z"), householdId: "hh-1" },
      ]);
      const range = { from: VIENNA_DAY, to: VIENNA_DAY + 3 * DAY, limit: 100 };
      const hh1 = await store.queryEvents({ ...range, householdIds: ["hh-1"] });
      expect(hh1.items.map((e) => e.id)).toEqual(["e1", "e2", "e/4"]);
      expect(hh1.items[0]).toMatchObject({ type: "threshold.power.exceeded", details: { limitW: 3000 } });
      const m1 = await store.queryEvents({ ...range, householdIds: ["hh-1"], meterId: "m-1" });
      expect(m1.items.map((e) => e.id)).toEqual(["e1", "e/4"]);
      const all = await store.queryEvents({ ...range, limit: 2 });
      expect(all.items).toHaveLength(2);
      const rest = await store.queryEvents({ ...range, limit: 2, continuationToken: all.continuationToken! });
      expect([...all.items, ...rest.items].map((e) => e.id).sort()).toEqual(["e/4", "e1", "e2", "e3"]);
      const early = await store.queryEvents({
        from: VIENNA_DAY,
        to: Date.parse("2026-03-10T02:00:00Z"),
        limit: 10,
      });
      expect(early.items.map((e) => e.id)).toEqual(["e1"]);
    });

    it("parks a dead letter once, however often it is redelivered", async () => {
      const letter = {
        id: "abc123",
        deviceId: "edge-a",
        receivedAt: "2026-03-10T00:00:00.000Z",
        reason: "schema-violation",
        issues: ["meterId: required"],
        kind: "interval",
        body: "{}",
      };
      await store.park([letter]);
      await store.park([letter]);
      expect(await store.listDeadLetters(10)).toEqual([letter]);
    });

    it("sums rollups per household and bucket", async () => {
      await store.writeIntervals([
        ...writes("m-1", "hh-1", "Europe/Vienna", VIENNA_DAY, 4, () => 10),
        ...writes("m-2", "hh-1", "Europe/Vienna", VIENNA_DAY, 4, () => 5),
        ...writes("m-3", "hh-2", "UTC", VIENNA_DAY, 4, () => 1),
      ]);
      const rows = await store.householdBuckets({
        resolution: "PT1H",
        from: VIENNA_DAY,
        to: VIENNA_DAY + DAY,
      });
      const byHh = Object.fromEntries(rows.map((r) => [r.householdId, r]));
      expect(byHh["hh-1"]).toMatchObject({
        start: VIENNA_DAY,
        meters: 2,
        importWh: 60,
        exportWh: 8,
        powerAvgW: 60,
      });
      expect(byHh["hh-2"]).toMatchObject({ meters: 1, importWh: 4 });
    });

    it("household electricity totals leave out a heat meter (medium set), at every level", async () => {
      const heat = writes("h-1", "hh-1", "Europe/Vienna", VIENNA_DAY, 4, () => 700).map((w) => ({
        ...w,
        medium: "heat" as const,
        consumption: { "6-0:1.0.0": 700 },
      }));
      await store.writeIntervals([
        ...writes("m-1", "hh-1", "Europe/Vienna", VIENNA_DAY, 4, () => 10),
        ...heat,
      ]);
      for (const resolution of ["PT1H", "P1D", "P1M"] as const) {
        const rows = await store.householdBuckets({
          resolution,
          from: VIENNA_DAY - 40 * DAY,
          to: VIENNA_DAY + DAY,
        });
        // only m-1: 4 quarter hours of 10 Wh; the heat meter's 4 x 700 Wh are not electricity
        expect(
          rows.map((r) => [r.householdId, r.meters, r.importWh]),
          resolution,
        ).toEqual([["hh-1", 1, 40]]);
      }
      // the heat meter's own series keeps its energy and consumption
      const day = await store.querySeries({
        meterId: "h-1",
        resolution: "P1D",
        from: VIENNA_DAY,
        to: VIENNA_DAY + DAY,
        limit: 5,
      });
      expect(day.items.map((d) => [d.medium, d.importWh, d.consumption])).toEqual([
        ["heat", 2800, { "6-0:1.0.0": 2800 }],
      ]);
    });

    it("keeps the first release of an aggregate hour and never replaces it", async () => {
      const cell = (households: number, importWh: number) => ({
        group: "all",
        households,
        importWh,
        exportWh: 0,
        powerAvgW: null,
      });
      const first = {
        start: VIENNA_DAY,
        cells: [cell(3, 30)],
        withheld: { all: false, zones: 2 },
        releasedAt: "t1",
      };
      const later = {
        start: VIENNA_DAY + HOUR,
        cells: [],
        withheld: { all: true, zones: 1 },
        releasedAt: "t1",
      };
      await store.putReleases([later, first]);
      // A second release of the same hour (late data, a deleted household) changes nothing.
      await store.putReleases([{ ...first, cells: [cell(4, 99)], releasedAt: "t2" }]);
      expect(await store.getReleases({ from: VIENNA_DAY, to: VIENNA_DAY + DAY })).toEqual([first, later]);
      expect(await store.getReleases({ from: VIENNA_DAY + HOUR, to: VIENNA_DAY + DAY })).toEqual([later]);
      await store.deleteHousehold("hh-1");
      expect(await store.getReleases({ from: VIENNA_DAY, to: VIENNA_DAY + HOUR })).toEqual([first]);
    });

    it("deletes a household everywhere and reports the counts", async () => {
      await store.writeIntervals([
        ...writes("m-1", "hh-1", "Europe/Vienna", VIENNA_DAY, 4),
        ...writes("m-3", "hh-2", "UTC", VIENNA_DAY, 4),
      ]);
      await store.writeReadings([
        { householdId: "hh-1", reading: reading("m-1", "2026-03-10T05:00:00Z", 1) },
      ]);
      await store.writeEvents([{ ...event("e1", "m-1", "2026-03-10T01:00:00Z"), householdId: "hh-1" }]);
      await store.park([
        {
          id: "d1",
          deviceId: "edge-a",
          receivedAt: "2026-03-10T00:00:00Z",
          reason: "x",
          issues: [],
          meterId: "m-1",
          body: "",
        },
      ]);
      const report = await store.deleteHousehold("hh-1");
      expect(report).toEqual({
        meters: 2,
        intervals: 4,
        rollups: 3,
        readings: 1,
        latest: 1,
        events: 1,
        deadLetters: 1,
      });
      expect(await store.getMeter("m-1")).toBeUndefined();
      expect(await store.getLatest("m-1")).toBeUndefined();
      expect(
        (await store.querySeries({ meterId: "m-1", resolution: "PT15M", from: 0, to: 4e12, limit: 10 }))
          .items,
      ).toEqual([]);
      expect((await store.queryEvents({ from: 0, to: 4e12, limit: 10 })).items).toEqual([]);
      expect(await store.listDeadLetters(10)).toEqual([]);
      // the other household is untouched
      expect(
        (await store.querySeries({ meterId: "m-3", resolution: "PT15M", from: 0, to: 4e12, limit: 10 }))
          .items,
      ).toHaveLength(4);
      expect(await store.deleteHousehold("hh-1")).toEqual({
        meters: 0,
        intervals: 0,
        rollups: 0,
        readings: 0,
        latest: 0,
        events: 0,
        deadLetters: 0,
      });
    });

    it("refuses a continuation token it did not issue", async () => {
      await expect(
        store.querySeries({
          meterId: "m-1",
          resolution: "PT15M",
          from: 0,
          to: 1,
          limit: 1,
          continuationToken: "bm9wZQ",
        }),
      ).rejects.toBeInstanceOf(InvalidContinuationError);
    });
  });
}
