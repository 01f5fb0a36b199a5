import { describe, expect, it } from "vitest";
import { dayBounds, intervalBounds, localDate, offsetMs } from "../src/tz";

const iso = (ms: number) => new Date(ms).toISOString();
const at = (s: string) => Date.parse(s);

describe("time zone arithmetic (Intl only)", () => {
  it("knows Vienna's offsets either side of the 2026 clock changes", () => {
    expect(offsetMs(at("2026-03-29T00:59:59Z"), "Europe/Vienna")).toBe(3_600_000);
    expect(offsetMs(at("2026-03-29T01:00:00Z"), "Europe/Vienna")).toBe(7_200_000);
    expect(offsetMs(at("2026-10-25T00:59:59Z"), "Europe/Vienna")).toBe(7_200_000);
    expect(offsetMs(at("2026-10-25T01:00:00Z"), "Europe/Vienna")).toBe(3_600_000);
  });

  it("makes 2026-03-29 a 23 h day and 2026-10-25 a 25 h day in Vienna", () => {
    const spring = dayBounds("2026-03-29", "Europe/Vienna");
    expect(iso(spring.startMs)).toBe("2026-03-28T23:00:00.000Z");
    expect(iso(spring.endMs)).toBe("2026-03-29T22:00:00.000Z");
    expect((spring.endMs - spring.startMs) / 3_600_000).toBe(23);
    const autumn = dayBounds("2026-10-25", "Europe/Vienna");
    expect(iso(autumn.startMs)).toBe("2026-10-24T22:00:00.000Z");
    expect(iso(autumn.endMs)).toBe("2026-10-25T23:00:00.000Z");
    expect((autumn.endMs - autumn.startMs) / 3_600_000).toBe(25);
  });

  it("aligns P1D to local midnight", () => {
    const b = intervalBounds(at("2026-03-29T12:00:00Z"), "P1D", "Europe/Vienna");
    expect([iso(b.startMs), iso(b.endMs)]).toEqual(["2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z"]);
    expect(localDate(at("2026-03-28T23:30:00Z"), "Europe/Vienna")).toBe("2026-03-29");
  });

  it("keeps the two local 02:00 hours of the autumn change apart", () => {
    const first = intervalBounds(at("2026-10-25T00:30:00Z"), "PT1H", "Europe/Vienna");
    const second = intervalBounds(at("2026-10-25T01:30:00Z"), "PT1H", "Europe/Vienna");
    expect(iso(first.startMs)).toBe("2026-10-25T00:00:00.000Z");
    expect(iso(second.startMs)).toBe("2026-10-25T01:00:00.000Z");
  });

  it("goes from 02:00 straight to 03:00 local in spring (PT15M)", () => {
    const before = intervalBounds(at("2026-03-29T00:50:00Z"), "PT15M", "Europe/Vienna");
    const after = intervalBounds(at("2026-03-29T01:05:00Z"), "PT15M", "Europe/Vienna");
    expect([iso(before.startMs), iso(before.endMs)]).toEqual([
      "2026-03-29T00:45:00.000Z",
      "2026-03-29T01:00:00.000Z",
    ]);
    expect(iso(after.startMs)).toBe("2026-03-29T01:00:00.000Z");
  });

  it("aligns hours to the local clock in a half-hour zone (Asia/Kolkata, +05:30)", () => {
    const b = intervalBounds(at("2026-01-10T05:10:00Z"), "PT1H", "Asia/Kolkata");
    expect(iso(b.startMs)).toBe("2026-01-10T04:30:00.000Z");
    const q = intervalBounds(at("2026-01-10T05:10:00Z"), "PT15M", "Asia/Kathmandu");
    expect(iso(q.startMs)).toBe("2026-01-10T05:00:00.000Z");
  });
});
