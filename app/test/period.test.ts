import { describe, expect, it } from "vitest";
import { bucketIndex, bucketStarts, periodContaining, periodLabel, shiftPeriod } from "../src/lib/period";
import { offsetMs, wallTime, zonedInstant } from "../src/lib/tz";

const VIE = "Europe/Vienna";
const iso = (t: number) => new Date(t).toISOString();

describe("time zones", () => {
  it("knows Vienna's offsets in winter and summer", () => {
    expect(offsetMs(Date.parse("2026-01-15T12:00:00Z"), VIE)).toBe(3_600_000);
    expect(offsetMs(Date.parse("2026-07-15T12:00:00Z"), VIE)).toBe(7_200_000);
  });
  it("maps wall times to instants and back", () => {
    const t = zonedInstant(VIE, 2026, 3, 3, 14, 5);
    expect(iso(t)).toBe("2026-03-03T13:05:00.000Z");
    const w = wallTime(t, VIE);
    expect([w.year, w.month, w.day, w.hour, w.minute, w.weekday]).toEqual([2026, 3, 3, 14, 5, 2]);
  });
  it("normalises overflowing days and months", () => {
    expect(iso(zonedInstant(VIE, 2026, 13, 1))).toBe("2026-12-31T23:00:00.000Z");
    expect(iso(zonedInstant(VIE, 2026, 3, 32))).toBe("2026-03-31T22:00:00.000Z");
  });
  it("resolves a wall time in the spring gap to an instant after it", () => {
    const t = zonedInstant(VIE, 2026, 3, 29, 2, 30);
    expect(t).toBeGreaterThanOrEqual(Date.parse("2026-03-29T01:00:00Z"));
    expect(wallTime(t, VIE).hour).toBe(3);
  });
});

describe("periods in the household's zone", () => {
  it("a day is local midnight to midnight", () => {
    const p = periodContaining("day", Date.parse("2026-03-03T23:30:00Z"), VIE);
    expect(iso(p.start)).toBe("2026-03-03T23:00:00.000Z");
    expect(iso(p.end)).toBe("2026-03-04T23:00:00.000Z");
  });
  it("the spring DST day has 23 hours and 92 quarter hours, the autumn one 25 and 100", () => {
    const spring = periodContaining("day", Date.parse("2026-03-29T12:00:00Z"), VIE);
    expect(spring.end - spring.start).toBe(23 * 3_600_000);
    expect(bucketStarts(spring, "PT15M")).toHaveLength(92);
    const autumn = periodContaining("day", Date.parse("2026-10-25T12:00:00Z"), VIE);
    expect(autumn.end - autumn.start).toBe(25 * 3_600_000);
    expect(bucketStarts(autumn, "PT15M")).toHaveLength(100);
  });
  it("weeks start on Monday", () => {
    const p = periodContaining("week", Date.parse("2026-03-05T10:00:00Z"), VIE); // a Thursday
    expect(iso(p.start)).toBe("2026-03-01T23:00:00.000Z"); // Monday 2 March, 00:00 CET
    expect(wallTime(p.start, VIE).weekday).toBe(1);
    expect(bucketStarts(p, "PT1H")).toHaveLength(168);
  });
  it("a week across the DST change has 167 hours", () => {
    const p = periodContaining("week", Date.parse("2026-03-29T10:00:00Z"), VIE);
    expect(bucketStarts(p, "PT1H")).toHaveLength(167);
  });
  it("months and years have their calendar lengths", () => {
    const feb = periodContaining("month", Date.parse("2028-02-10T00:00:00Z"), VIE);
    expect(bucketStarts(feb, "P1D")).toHaveLength(29);
    const year = periodContaining("year", Date.parse("2026-06-01T00:00:00Z"), VIE);
    expect(bucketStarts(year, "P1D")).toHaveLength(365);
    expect(bucketStarts(year, "P1M")).toHaveLength(12);
    expect(iso(year.start)).toBe("2025-12-31T23:00:00.000Z");
  });
  it("shifts to the previous and next period", () => {
    const p = periodContaining("month", Date.parse("2026-03-15T00:00:00Z"), VIE);
    const prev = shiftPeriod(p, -1);
    expect(iso(prev.start)).toBe("2026-01-31T23:00:00.000Z");
    expect(prev.end).toBe(p.start);
    const next = shiftPeriod(p, 1);
    expect(next.start).toBe(p.end);
    const day = periodContaining("day", Date.parse("2026-03-30T12:00:00Z"), VIE);
    expect(shiftPeriod(day, -1).end).toBe(day.start);
    expect(shiftPeriod(day, -1).end - shiftPeriod(day, -1).start).toBe(23 * 3_600_000);
  });
  it("finds the bucket of an instant", () => {
    const starts = [0, 10, 20, 30];
    expect(bucketIndex(starts, -1)).toBe(-1);
    expect(bucketIndex(starts, 0)).toBe(0);
    expect(bucketIndex(starts, 19)).toBe(1);
    expect(bucketIndex(starts, 99)).toBe(3);
  });
  it("labels periods", () => {
    const p = periodContaining("month", Date.parse("2026-03-15T00:00:00Z"), VIE);
    expect(periodLabel(p, "en-GB")).toBe("March 2026");
    expect(periodLabel(periodContaining("year", p.start, VIE), "en-GB")).toBe("2026");
  });
});
