import { offsetMs as intlOffsetMs } from "@omdp/model";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bucketOf, offsetMs } from "../src/align";

// Moved from functions/test/series.test.ts with the alignment code; Intl is the independent oracle.
describe("buckets in the household's time zone (property)", () => {
  it("makes DST days 23 and 25 hours long", () => {
    const spring = bucketOf(Date.parse("2026-03-29T12:00:00Z"), "P1D", "Europe/Vienna");
    expect(spring).toEqual({
      start: Date.parse("2026-03-28T23:00:00Z"),
      end: Date.parse("2026-03-29T22:00:00Z"),
    });
    const autumn = bucketOf(Date.parse("2026-10-25T12:00:00Z"), "P1D", "Europe/Vienna");
    expect((autumn.end - autumn.start) / 3_600_000).toBe(25);
  });

  it("uses local hours in half-hour zones", () => {
    const h = bucketOf(Date.parse("2026-01-01T10:40:00Z"), "PT1H", "Asia/Kolkata");
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
        fc.constantFrom("PT15M", "PT1H", "P1D", "P1M" as const),
        (t, z, u) => {
          const b = bucketOf(t, u, z);
          return b.start <= t && t < b.end;
        },
      ),
      { numRuns: 2000 },
    );
  });
});
