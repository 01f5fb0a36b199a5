import { describe, expect, it } from "vitest";
import {
  formatOffset,
  isTimeZone,
  localDate,
  localDateTime,
  localMidnight,
  offsetMs,
  wallTime,
} from "../src/time";

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);

describe("offsetMs and wallTime", () => {
  // [zone, instant (UTC), offset in hours, local `YYYY-MM-DDTHH:MM:SS`, ISO weekday]
  const cases: [string, string, number, string, number][] = [
    // Vienna spring forward: 02:00 CET -> 03:00 CEST at 01:00Z on Sunday 2026-03-29
    ["Europe/Vienna", "2026-03-29T00:59:59Z", 1, "2026-03-29T01:59:59", 7],
    ["Europe/Vienna", "2026-03-29T01:00:00Z", 2, "2026-03-29T03:00:00", 7],
    ["Europe/Vienna", "2026-03-28T23:00:00Z", 1, "2026-03-29T00:00:00", 7],
    // Vienna fall back: 03:00 CEST -> 02:00 CET at 01:00Z on Sunday 2026-10-25 (02:30 happens twice)
    ["Europe/Vienna", "2026-10-25T00:30:00Z", 2, "2026-10-25T02:30:00", 7],
    ["Europe/Vienna", "2026-10-25T01:30:00Z", 1, "2026-10-25T02:30:00", 7],
    ["Europe/Vienna", "2026-10-24T21:59:59Z", 2, "2026-10-24T23:59:59", 6],
    // half-hour and quarter-hour zones, east and west
    ["Asia/Kolkata", "2026-01-01T18:30:00Z", 5.5, "2026-01-02T00:00:00", 5],
    ["Asia/Kathmandu", "2026-06-15T12:00:00Z", 5.75, "2026-06-15T17:45:00", 1],
    ["America/St_Johns", "2026-01-15T12:00:00Z", -3.5, "2026-01-15T08:30:00", 4],
    ["America/St_Johns", "2026-07-15T12:00:00Z", -2.5, "2026-07-15T09:30:00", 3],
    // UTC, at midnight (hour 0, never 24)
    ["UTC", "2026-03-29T00:00:00Z", 0, "2026-03-29T00:00:00", 7],
    ["UTC", "2024-02-29T23:59:59Z", 0, "2024-02-29T23:59:59", 4],
  ];
  for (const [zone, iso, hours, local, weekday] of cases) {
    it(`${zone} at ${iso}: UTC${hours >= 0 ? "+" : ""}${hours}, ${local}`, () => {
      const ms = at(iso);
      expect(offsetMs(ms, zone)).toBe(hours * H);
      expect(localDateTime(ms, zone)).toBe(local);
      expect(localDate(ms, zone)).toBe(local.slice(0, 10));
      const w = wallTime(ms, zone);
      expect([w.year, w.month, w.day, w.hour, w.minute, w.second]).toEqual(local.split(/[-T:]/).map(Number));
      expect(w.weekday).toBe(weekday);
    });
  }

  it("ignores milliseconds (offsets are whole seconds)", () => {
    expect(offsetMs(at("2026-03-29T01:00:00.999Z"), "Europe/Vienna")).toBe(2 * H);
  });
});

describe("localMidnight", () => {
  // [zone, year, month, day, instant of local midnight, length of that local day in hours]
  const cases: [string, number, number, number, string, number][] = [
    ["Europe/Vienna", 2026, 3, 28, "2026-03-27T23:00:00Z", 24],
    ["Europe/Vienna", 2026, 3, 29, "2026-03-28T23:00:00Z", 23],
    ["Europe/Vienna", 2026, 3, 30, "2026-03-29T22:00:00Z", 24],
    ["Europe/Vienna", 2026, 10, 25, "2026-10-24T22:00:00Z", 25],
    ["Europe/Vienna", 2026, 10, 26, "2026-10-25T23:00:00Z", 24],
    ["Asia/Kolkata", 2026, 3, 29, "2026-03-28T18:30:00Z", 24],
    ["America/St_Johns", 2026, 3, 8, "2026-03-08T03:30:00Z", 23],
    ["UTC", 2026, 10, 25, "2026-10-25T00:00:00Z", 24],
    // overflowing month and day are normalised
    ["Europe/Vienna", 2026, 13, 1, "2026-12-31T23:00:00Z", 24],
    ["Europe/Vienna", 2026, 2, 29, "2026-02-28T23:00:00Z", 24],
  ];
  for (const [zone, y, m, d, iso, hours] of cases) {
    it(`${zone} ${y}-${m}-${d} starts at ${iso} and lasts ${hours} h`, () => {
      const start = localMidnight(y, m, d, zone);
      expect(new Date(start).toISOString()).toBe(iso.replace("Z", ".000Z"));
      expect(localMidnight(y, m, d + 1, zone) - start).toBe(hours * H);
    });
  }

  it("asks the given offset function (a cache in front of offsetMs)", () => {
    const asked: number[] = [];
    const fixed = (ms: number) => {
      asked.push(ms);
      return 2 * H;
    };
    expect(localMidnight(2026, 7, 1, "Europe/Vienna", fixed)).toBe(at("2026-06-30T22:00:00Z"));
    expect(asked).toEqual([at("2026-07-01T00:00:00Z"), at("2026-06-30T22:00:00Z")]);
  });
});

describe("formatOffset", () => {
  const cases: [number, "Z" | "+00:00" | undefined, string][] = [
    [0, undefined, "Z"],
    [0, "+00:00", "+00:00"],
    [60, undefined, "+01:00"],
    [120, "+00:00", "+02:00"],
    [330, undefined, "+05:30"],
    [345, undefined, "+05:45"],
    [-210, undefined, "-03:30"],
    [-600, undefined, "-10:00"],
  ];
  for (const [minutes, zero, text] of cases) {
    it(`${minutes} min -> ${text}`, () => {
      expect(formatOffset(minutes, zero)).toBe(text);
    });
  }
});

describe("isTimeZone", () => {
  const cases: [string, boolean][] = [
    ["Europe/Vienna", true],
    ["UTC", true],
    ["Asia/Kolkata", true],
    ["Mars/Olympus_Mons", false],
    ["", false],
  ];
  for (const [zone, known] of cases) {
    it(`${JSON.stringify(zone)} -> ${known}`, () => {
      expect(isTimeZone(zone)).toBe(known);
    });
  }
});
