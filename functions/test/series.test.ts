import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateBuckets } from "../src/http/aggregate";
import { affectedRollups, summarize } from "../src/series/rollup";
import { calendarBucket, intlOffsetMs, offsetMs } from "../src/series/tz";
import { writes } from "./fixtures";

describe("calendar buckets in the meter's time zone", () => {
  it("makes DST days 23 and 25 hours long", () => {
    const spring = calendarBucket(Date.parse("2026-03-29T12:00:00Z"), "Europe/Vienna", "day");
    expect(spring).toEqual({
      start: Date.parse("2026-03-28T23:00:00Z"),
      end: Date.parse("2026-03-29T22:00:00Z"),
    });
    const autumn = calendarBucket(Date.parse("2026-10-25T12:00:00Z"), "Europe/Vienna", "day");
    expect((autumn.end - autumn.start) / 3_600_000).toBe(25);
  });

  it("uses local hours in half-hour zones", () => {
    const h = calendarBucket(Date.parse("2026-01-01T10:40:00Z"), "Asia/Kolkata", "hour");
    expect(new Date(h.start).toISOString()).toBe("2026-01-01T10:30:00.000Z");
    expect(offsetMs(h.start, "Asia/Kolkata")).toBe(5.5 * 3_600_000);
  });

  it("agrees with Intl at every instant, around transitions too", () => {
    const zones = [
      "Europe/Vienna",
      "America/St_Johns",
      "Australia/Lord_Howe",
      "Pacific/Chatham",
      "America/Santiago",
    ];
    fc.assert(
      fc.property(fc.integer({ min: 1.6e12, max: 2.0e12 }), fc.constantFrom(...zones), (t, z) => {
        // warm the span cache just before t, then ask for t
        offsetMs(t - 3_600_000, z);
        return offsetMs(t, z) === intlOffsetMs(t, z);
      }),
      { numRuns: 3000 },
    );
    const spring = Date.parse("2026-03-29T00:59:00Z");
    for (let t = spring - 7_200_000; t < spring + 7_200_000; t += 60_000) {
      expect(offsetMs(t, "Europe/Vienna")).toBe(intlOffsetMs(t, "Europe/Vienna"));
    }
  });

  it("always contains the instant, for any zone and time", () => {
    const zones = ["UTC", "Europe/Vienna", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu"];
    fc.assert(
      fc.property(
        fc.integer({ min: 1.5e12, max: 2.2e12 }),
        fc.constantFrom(...zones),
        fc.constantFrom("hour", "day", "month" as const),
        (t, z, u) => {
          const b = calendarBucket(t, z, u as "hour" | "day" | "month");
          return b.start <= t && t < b.end;
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("rollups", () => {
  it("touches each hour, day and month once per batch, finest first", () => {
    const keys = affectedRollups(writes("m", "h", "UTC", Date.parse("2026-01-31T23:00:00Z"), 8));
    expect(keys.map((k) => `${k.resolution} ${new Date(k.start).toISOString()}`)).toEqual([
      "PT1H 2026-01-31T23:00:00.000Z",
      "PT1H 2026-02-01T00:00:00.000Z",
      "P1D 2026-01-31T00:00:00.000Z",
      "P1D 2026-02-01T00:00:00.000Z",
      "P1M 2026-01-01T00:00:00.000Z",
      "P1M 2026-02-01T00:00:00.000Z",
    ]);
  });

  it("sums energy, weights average power by duration and marks gaps", () => {
    const key = {
      meterId: "m",
      householdId: "h",
      timeZone: "UTC",
      resolution: "PT1H" as const,
      start: 0,
      end: 3_600_000,
    };
    const c = (
      start: number,
      minutes: number,
      avg: number,
      quality: "complete" | "estimated" = "complete",
    ) => ({
      start,
      end: start + minutes * 60_000,
      importWh: 10,
      exportWh: 1,
      powerMinW: avg - 1,
      powerAvgW: avg,
      powerMaxW: avg + 1,
      sampleCount: 5,
      quality,
      flags: [],
    });
    const full = summarize(key, [c(0, 30, 100), c(1_800_000, 15, 400), c(2_700_000, 15, 400)], { r: 1 });
    expect(full).toMatchObject({
      importWh: 30,
      powerAvgW: 250,
      powerMinW: 99,
      powerMaxW: 401,
      quality: "complete",
      flags: [],
    });
    const gap = summarize(key, [c(0, 15, 100)], {});
    expect(gap).toMatchObject({ quality: "partial", flags: ["gap"] });
    expect(summarize(key, [c(0, 60, 1, "estimated")], {}).quality).toBe("estimated");
  });
});

describe("k-anonymous aggregates", () => {
  it("withholds every bucket with fewer than k households, whatever the data", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            hh: fc.integer({ min: 0, max: 12 }),
            start: fc.integer({ min: 0, max: 3 }),
            v: fc.nat(1000),
          }),
          { maxLength: 80 },
        ),
        fc.integer({ min: 1, max: 6 }),
        (rows, k) => {
          const input = rows.map((r) => ({
            householdId: `h${r.hh}`,
            start: r.start,
            meters: 1,
            importWh: r.v,
            exportWh: 0,
            powerAvgW: null,
          }));
          const { buckets } = aggregateBuckets(
            input,
            "importWh",
            (h) => (Number(h.slice(1)) % 2 ? "odd" : "even"),
            k,
          );
          for (const b of buckets) {
            expect(b.households).toBeGreaterThanOrEqual(k);
            const members = new Set(
              input
                .filter(
                  (r) =>
                    new Date(r.start).toISOString() === b.start &&
                    (Number(r.householdId.slice(1)) % 2 ? "odd" : "even") === b.group,
                )
                .map((r) => r.householdId),
            );
            expect(b.households).toBe(members.size);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
