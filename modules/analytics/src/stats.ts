/**
 * Daily and monthly figures, folded from the internal 15-minute IntervalRecords of each meter.
 * - peak demand: the highest 15-minute average import power, energyImportedWh x 3600 / 900 s;
 * - base load: the lowest such average among the intervals starting in the night window (local time);
 * - only `complete` quarter hours take part in peak and base load: a gap moves energy between
 *   intervals, so a partial interval would invent a peak or a zero base load;
 * - a month's base load is the median of its days' base loads (one holiday night does not set it);
 * - with a PV generation meter: self-consumption = production - export, self-consumption rate =
 *   self-consumption / production, self-sufficiency = self-consumption / (import + self-consumption).
 */
import type { IntervalRecord } from "@omdp/model";
import { dayBounds, localParts } from "./tz";

export interface DayStats {
  meterId: string;
  /** Local date `YYYY-MM-DD` in `timeZone`. */
  date: string;
  timeZone: string;
  start: string;
  end: string;
  importedWh: number;
  exportedWh: number;
  /** Quarter hours seen, of which complete, and the number the day has (92, 96 or 100). */
  intervals: number;
  completeIntervals: number;
  expectedIntervals: number;
  peakDemandW: number | null;
  peakDemandAt: string | null;
  baseLoadW: number | null;
}

export interface SelfUse {
  productionWh: number;
  selfConsumedWh: number;
  selfConsumptionRate: number | null;
  selfSufficiencyRate: number | null;
}

export interface PeriodStats {
  meterId: string;
  /** `YYYY-MM` for a month, `from..to` dates for a range. */
  period: string;
  days: number;
  importedWh: number;
  exportedWh: number;
  peakDemandW: number | null;
  peakDemandAt: string | null;
  baseLoadW: number | null;
  /** Complete quarter hours / quarter hours the days have. */
  completeness: number;
  selfUse?: SelfUse | null;
}

export interface DayReport extends DayStats {
  selfUse?: SelfUse | null;
}

export interface NightWindow {
  readonly fromHour: number;
  readonly toHour: number;
}

const QUARTER_S = 900;

export function emptyDay(meterId: string, date: string, timeZone: string): DayStats {
  const b = dayBounds(date, timeZone);
  return {
    meterId,
    date,
    timeZone,
    start: new Date(b.startMs).toISOString(),
    end: new Date(b.endMs).toISOString(),
    importedWh: 0,
    exportedWh: 0,
    intervals: 0,
    completeIntervals: 0,
    expectedIntervals: Math.round((b.endMs - b.startMs) / (QUARTER_S * 1000)),
    peakDemandW: null,
    peakDemandAt: null,
    baseLoadW: null,
  };
}

/** Adds one quarter-hour record to its day (mutates and returns `day`). */
export function foldQuarter(day: DayStats, rec: IntervalRecord, night: NightWindow): DayStats {
  day.importedWh += rec.energyImportedWh;
  day.exportedWh += rec.energyExportedWh;
  day.intervals += 1;
  if (rec.quality !== "complete") return day;
  day.completeIntervals += 1;
  const startMs = Date.parse(rec.intervalStart);
  const seconds = (Date.parse(rec.intervalEnd) - startMs) / 1000;
  const avgW = Math.round((rec.energyImportedWh * 3600) / seconds);
  if (day.peakDemandW === null || avgW > day.peakDemandW) {
    day.peakDemandW = avgW;
    day.peakDemandAt = rec.intervalStart;
  }
  const hour = localParts(startMs, day.timeZone).hour;
  if (hour >= night.fromHour && hour < night.toHour) {
    day.baseLoadW = day.baseLoadW === null ? avgW : Math.min(day.baseLoadW, avgW);
  }
  return day;
}

/** True when the record is the last quarter hour of its day (the day's figures are final). */
export function closesDay(day: DayStats, rec: IntervalRecord): boolean {
  return Date.parse(rec.intervalEnd) === Date.parse(day.end);
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
}

/** Totals over days (a month, or any range). */
export function summarize(meterId: string, period: string, days: readonly DayStats[]): PeriodStats {
  let peak: { w: number; at: string } | null = null;
  for (const d of days) {
    if (d.peakDemandW !== null && (peak === null || d.peakDemandW > peak.w))
      peak = { w: d.peakDemandW, at: d.peakDemandAt! };
  }
  const expected = days.reduce((s, d) => s + d.expectedIntervals, 0);
  return {
    meterId,
    period,
    days: days.length,
    importedWh: days.reduce((s, d) => s + d.importedWh, 0),
    exportedWh: days.reduce((s, d) => s + d.exportedWh, 0),
    peakDemandW: peak?.w ?? null,
    peakDemandAt: peak?.at ?? null,
    baseLoadW: median(days.flatMap((d) => (d.baseLoadW === null ? [] : [d.baseLoadW]))),
    completeness: expected === 0 ? 0 : round4(days.reduce((s, d) => s + d.completeIntervals, 0) / expected),
  };
}

/** Self-consumption and self-sufficiency of a grid meter's figures given the PV production. */
export function selfUse(grid: { importedWh: number; exportedWh: number }, productionWh: number): SelfUse {
  const selfConsumedWh = Math.max(0, productionWh - grid.exportedWh);
  const consumptionWh = grid.importedWh + selfConsumedWh;
  return {
    productionWh,
    selfConsumedWh,
    selfConsumptionRate: productionWh > 0 ? round4(selfConsumedWh / productionWh) : null,
    selfSufficiencyRate: consumptionWh > 0 ? round4(selfConsumedWh / consumptionWh) : null,
  };
}

/** PV production of a PV meter's day: its export (A-) or import (A+) register, as configured. */
export function production(day: DayStats, direction: "export" | "import"): number {
  return direction === "export" ? day.exportedWh : day.importedWh;
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
