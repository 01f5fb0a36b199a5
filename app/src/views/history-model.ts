/**
 * The History view's arithmetic, pure: which period a period-kind switch shows, the zoom and pan window
 * inside a period, the comparison with the previous period, how far history lags Live, and the single
 * definitions of peak demand and base load.
 */
import { type Period, type PeriodKind, periodContaining } from "../lib/period";
import type { Interval } from "../lib/records";

/** The shortest window the zoom allows: one quarter hour (the finest interval). */
export const MIN_ZOOM_MS = 900_000;

export interface Window {
  readonly from: number;
  readonly to: number;
}

/**
 * The period a switch to `kind` shows: the one holding "now" while the shown period holds it (week -> day
 * keeps today in view), else the one holding the start of the shown period.
 */
export function switchKind(kind: PeriodKind, shown: Period, now: number): Period {
  const anchor = shown.start <= now && now < shown.end ? now : shown.start;
  return periodContaining(kind, anchor, shown.timeZone);
}

/** The window clipped to the period. */
export function clipWindow(p: Period, from: number, to: number): Window {
  return { from: Math.max(p.start, from), to: Math.min(p.end, to) };
}

/** Half a window to the left (dir -1) or right (+1), staying inside the period. */
export function panWindow(p: Period, w: Window, dir: number): Window {
  const span = w.to - w.from;
  const from = Math.min(Math.max(p.start, w.from + span * 0.5 * dir), p.end - span);
  return clipWindow(p, from, from + span);
}

/** Zoom about the window's middle by `factor` (0.5: in), between a quarter hour and the whole period. */
export function zoomWindow(p: Period, w: Window, factor: number): Window {
  const mid = (w.from + w.to) / 2;
  const span = Math.max(MIN_ZOOM_MS, Math.min(p.end - p.start, (w.to - w.from) * factor));
  return clipWindow(p, mid - span / 2, mid + span / 2);
}

export const isZoomed = (p: Period, w: Window): boolean => w.from > p.start || w.to < p.end;

/** " (+25 % vs previous)"; empty without a previous figure to compare with. */
export function comparison(now: number, before: number): string {
  if (before <= 0) return "";
  const d = ((now - before) / before) * 100;
  return ` (${d >= 0 ? "+" : ""}${d.toFixed(0)} % vs previous)`;
}

/**
 * Peak demand: the highest power the meter reported in the window. Every interval keeps the maximum of
 * its power samples (import minus export, `powerMaxW`) and a roll-up keeps the maximum of its parts, so
 * Day, Week and Month show the same peak for the same readings. An interval without power samples counts
 * with its average import power (energy over length). Null without data in the window.
 */
export function peakDemandW(records: readonly Interval[], from: number, to: number): number | null {
  let peak: number | null = null;
  for (const r of records) {
    if (r.start < from || r.start >= to) continue;
    const p = r.powerMaxW ?? averageImportW(r);
    if (p !== null && (peak === null || p > peak)) peak = p;
  }
  return peak;
}

/**
 * Base load: the lowest power the meter reported in the window (the minimum of the intervals' power
 * samples, `powerMinW`, kept by roll-ups as the minimum of their parts: the same at every resolution),
 * never below 0 W (a home exporting PV has no standing draw from the grid then). An interval without
 * power samples counts with its average import power. Null without data in the window.
 */
export function baseLoadW(records: readonly Interval[], from: number, to: number): number | null {
  let base: number | null = null;
  for (const r of records) {
    if (r.start < from || r.start >= to) continue;
    const p = r.powerMinW ?? averageImportW(r);
    if (p !== null && (base === null || p < base)) base = p;
  }
  return base === null ? null : Math.max(0, base);
}

function averageImportW(r: Interval): number | null {
  const hours = (r.end - r.start) / 3_600_000;
  return hours > 0 ? r.importWh / hours : null;
}

/**
 * How far History lags Live in a running period: intervals appear when they close (the edge closes each
 * quarter hour; the cloud gets it after the upload), so History ends at the last closed interval while
 * Live shows readings as they arrive. Null when the period is not running or has no intervals yet.
 */
export function historyLag(records: readonly Interval[], p: Period, now: number): { upTo: number } | null {
  if (!(p.start <= now && now < p.end) || records.length === 0) return null;
  let upTo = p.start;
  for (const r of records) if (r.end > upTo && r.end <= now) upTo = r.end;
  return now - upTo >= 60_000 ? { upTo } : null;
}

/** The CSV's file name: meter, local date of the window's start, period kind; file-system safe. */
export function csvName(meterId: string, localStartDate: string, kind: PeriodKind): string {
  return `${meterId}_${localStartDate}_${kind}.csv`.replace(/[^\w.-]/g, "_");
}
