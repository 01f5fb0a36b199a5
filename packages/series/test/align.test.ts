import { describe, expect, it } from "vitest";
import { bucketOf, bucketsBetween } from "../src/align";

const t = (s: string) => Date.parse(s);
const H = 3_600_000;

// Expected bounds computed by hand from the EU rule (clocks change on the last Sunday of March and
// October at 01:00 UTC; Vienna is +01:00 in winter, +02:00 in summer) and IST (+05:30, no DST).
describe("bucketOf", () => {
  it.each([
    // [instant, resolution, zone, start, end, hours]
    ["2026-03-29T12:00:00Z", "P1D", "Europe/Vienna", "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z", 23],
    ["2026-10-25T12:00:00Z", "P1D", "Europe/Vienna", "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z", 25],
    ["2026-01-15T12:00:00Z", "P1D", "Europe/Vienna", "2026-01-14T23:00:00Z", "2026-01-15T23:00:00Z", 24],
    ["2026-03-10T12:00:00Z", "P1M", "Europe/Vienna", "2026-02-28T23:00:00Z", "2026-03-31T22:00:00Z", 743],
    ["2026-01-01T10:40:00Z", "PT1H", "Asia/Kolkata", "2026-01-01T10:30:00Z", "2026-01-01T11:30:00Z", 1],
    ["2026-01-01T10:40:00Z", "PT15M", "Asia/Kolkata", "2026-01-01T10:30:00Z", "2026-01-01T10:45:00Z", 0.25],
    // 02:30 local does not exist on the spring day: the UTC hour 01:00-02:00 is local 03:00-04:00
    ["2026-03-29T01:30:00Z", "PT1H", "Europe/Vienna", "2026-03-29T01:00:00Z", "2026-03-29T02:00:00Z", 1],
    ["2026-06-30T23:59:59Z", "P1M", "UTC", "2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z", 720],
  ] as const)("%s %s in %s", (at, r, tz, start, end, hours) => {
    const b = bucketOf(t(at), r, tz);
    expect(new Date(b.start).toISOString()).toBe(new Date(start).toISOString());
    expect(new Date(b.end).toISOString()).toBe(new Date(end).toISOString());
    expect((b.end - b.start) / H).toBe(hours);
  });

  it("the autumn day in Vienna has 25 hour buckets and 100 quarter hours", () => {
    const day = bucketOf(t("2026-10-25T12:00:00Z"), "P1D", "Europe/Vienna");
    expect(bucketsBetween(day.start, day.end, "PT1H", "Europe/Vienna")).toHaveLength(25);
    expect(bucketsBetween(day.start, day.end, "PT15M", "Europe/Vienna")).toHaveLength(100);
  });

  it("stops at max buckets", () => {
    expect(bucketsBetween(0, 10 * H, "PT1H", "UTC", 3)).toHaveLength(3);
  });
});
