import { describe, expect, it } from "vitest";
import { type Period, periodContaining } from "../src/lib/period";
import type { Interval } from "../src/lib/records";
import {
  baseLoadW,
  comparison,
  csvName,
  historyLag,
  isZoomed,
  panWindow,
  peakDemandW,
  switchKind,
  zoomWindow,
} from "../src/views/history-model";

const H = 3_600_000;
const DAY: Period = { kind: "day", timeZone: "UTC", start: 0, end: 24 * H };
const iv = (start: number, end: number, o: Partial<Interval> = {}): Interval => ({
  start,
  end,
  importWh: 0,
  exportWh: 0,
  powerMinW: null,
  powerAvgW: null,
  powerMaxW: null,
  quality: "complete",
  ...o,
});

describe("history view model: periods and window", () => {
  it("keeps today in view when switching from the week that holds it", () => {
    const tz = "Europe/Vienna";
    const now = Date.parse("2026-12-02T10:00:00Z");
    const week = periodContaining("week", now, tz); // Mon 30 Nov 00:00 CET = 29 Nov 23:00Z
    expect(new Date(week.start).toISOString()).toBe("2026-11-29T23:00:00.000Z");
    expect(new Date(switchKind("day", week, now).start).toISOString()).toBe("2026-12-01T23:00:00.000Z");
    // a past week: the day its start falls on (Mon 23 Nov)
    const past = { ...week, start: week.start - 7 * 24 * H, end: week.start };
    expect(new Date(switchKind("day", past, now).start).toISOString()).toBe("2026-11-22T23:00:00.000Z");
  });

  it("pans by half a window, inside the period", () => {
    // 10:00-14:00 (span 4 h): right by 2 h
    expect(panWindow(DAY, { from: 10 * H, to: 14 * H }, 1)).toEqual({ from: 12 * H, to: 16 * H });
    expect(panWindow(DAY, { from: 0, to: 4 * H }, -1)).toEqual({ from: 0, to: 4 * H });
    expect(panWindow(DAY, { from: 20 * H, to: 24 * H }, 1)).toEqual({ from: 20 * H, to: 24 * H });
  });

  it("zooms about the middle, between a quarter hour and the period", () => {
    expect(zoomWindow(DAY, { from: 10 * H, to: 14 * H }, 0.5)).toEqual({ from: 11 * H, to: 13 * H });
    // 0..1,000,000 ms halved would be 500 s: held at 900 s about the middle 500 s
    expect(zoomWindow(DAY, { from: 0, to: 1_000_000 }, 0.5)).toEqual({ from: 50_000, to: 950_000 });
    expect(zoomWindow(DAY, { from: 0, to: 24 * H }, 2)).toEqual({ from: 0, to: 24 * H });
    expect(isZoomed(DAY, { from: 0, to: 24 * H })).toBe(false);
    expect(isZoomed(DAY, { from: H, to: 24 * H })).toBe(true);
  });

  it("compares with the previous period in whole percent", () => {
    expect(comparison(125, 100)).toBe(" (+25 % vs previous)");
    expect(comparison(75, 100)).toBe(" (-25 % vs previous)");
    expect(comparison(5, 0)).toBe("");
  });

  it("names the CSV file safely", () => {
    expect(csvName("KFM 1/2", "2026-12-02", "day")).toBe("KFM_1_2_2026-12-02_day.csv");
  });
});

describe("history view model: peak demand and base load", () => {
  it("gives the same figures at day, week and month for the same single interval (issue 16)", () => {
    // one quarter hour of 2 Wh (8 W average) whose power samples ranged 160..169 W
    const stats = { importWh: 2, powerMinW: 160, powerMaxW: 169 };
    const day = [iv(0, 0.25 * H, stats)];
    const week = [iv(0, H, stats)]; // the hourly roll-up keeps min and max of its parts
    const month = [iv(0, 24 * H, stats)];
    for (const rs of [day, week, month]) {
      expect(peakDemandW(rs, 0, 24 * H)).toBe(169);
      expect(baseLoadW(rs, 0, 24 * H)).toBe(160);
    }
  });

  it("takes the highest maximum and the lowest minimum of the window only", () => {
    const rs = [
      iv(0, 0.25 * H, { powerMinW: 300, powerMaxW: 2_000 }),
      iv(0.25 * H, 0.5 * H, { powerMinW: 120, powerMaxW: 900 }),
      iv(10 * H, 10.25 * H, { powerMinW: 50, powerMaxW: 9_000 }),
    ];
    expect(peakDemandW(rs, 0, H)).toBe(2_000);
    expect(baseLoadW(rs, 0, H)).toBe(120);
    expect(peakDemandW(rs, 0, 24 * H)).toBe(9_000);
    expect(peakDemandW(rs, 2 * H, 3 * H)).toBeNull();
    expect(baseLoadW(rs, 2 * H, 3 * H)).toBeNull();
  });

  it("uses the average import without power samples, and no base load below 0 W", () => {
    // 250 Wh in a quarter hour = 1000 W
    expect(peakDemandW([iv(0, 0.25 * H, { importWh: 250 })], 0, H)).toBe(1_000);
    expect(baseLoadW([iv(0, 0.25 * H, { importWh: 250 })], 0, H)).toBe(1_000);
    // exporting (import minus export below zero): no standing draw from the grid
    expect(baseLoadW([iv(0, 0.25 * H, { powerMinW: -800, powerMaxW: 400 })], 0, H)).toBe(0);
  });
});

describe("history view model: lag behind Live", () => {
  const recs = [iv(9.5 * H, 9.75 * H), iv(9.75 * H, 10 * H)];
  it("says up to which closed interval a running period reaches", () => {
    // 10:07: the intervals reach 10:00
    expect(historyLag(recs, DAY, 10 * H + 7 * 60_000)).toEqual({ upTo: 10 * H });
  });
  it("says nothing for a closed period, without intervals, or within a minute", () => {
    expect(historyLag(recs, DAY, 25 * H)).toBeNull();
    expect(historyLag([], DAY, 10 * H)).toBeNull();
    expect(historyLag(recs, DAY, 10 * H + 30_000)).toBeNull();
  });
});
