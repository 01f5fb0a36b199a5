/**
 * Chart axes that read well at every span: value ticks are distinct round numbers (1, 2 or 5 x 10^k) in
 * a unit scaled to their size (Wh / kWh / MWh, W / kW / MW), time ticks fall on round wall-clock times
 * of the household's zone and are labelled just precisely enough to tell them apart (no "30 Nov 30 Nov").
 * Pure; the charts wire these into uPlot's `splits` and `values` axis callbacks.
 */
import { wallTime, zonedInstant } from "./tz";

/** Rounds away binary noise (0.1 + 0.2) so that ticks compare and print as the decimals they are. */
const clean = (x: number): number => (x === 0 ? 0 : Number(x.toPrecision(12)));

/** The round step (1, 2 or 5 x 10^k) that cuts `range` into at most about `maxCount` parts. */
export function niceStep(range: number, maxCount: number): number {
  if (!(range > 0) || !Number.isFinite(range)) return 1;
  const rough = range / Math.max(1, maxCount);
  const mag = 10 ** Math.floor(Math.log10(rough));
  const r = rough / mag;
  return clean((r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * mag);
}

/** Ticks at multiples of a round step inside [min, max], ascending and distinct. */
export function niceTicks(min: number, max: number, maxCount: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max < min) [min, max] = [max, min];
  if (max === min) return [clean(min)];
  const step = niceStep(max - min, maxCount);
  const first = Math.ceil(clean(min / step));
  const last = Math.floor(clean(max / step));
  const out: number[] = [];
  for (let k = first; k <= last && out.length < 1000; k++) out.push(clean(k * step));
  return out;
}

export interface ScaledUnit {
  readonly unit: string;
  /** Base units per shown unit (1000 for kWh when values are Wh). */
  readonly factor: number;
}

const PREFIXES: readonly { prefix: string; factor: number }[] = [
  { prefix: "G", factor: 1e9 },
  { prefix: "M", factor: 1e6 },
  { prefix: "k", factor: 1e3 },
  { prefix: "", factor: 1 },
];

/** The prefix of `base` ("Wh", "W") under which the largest magnitude is at least 1: 1500 Wh -> kWh. */
export function scaleUnit(maxAbs: number, base: string): ScaledUnit {
  const m = Math.abs(maxAbs);
  for (const p of PREFIXES) if (m >= p.factor) return { unit: `${p.prefix}${base}`, factor: p.factor };
  return { unit: base, factor: 1 };
}

/** Decimals that show a step of `step` exactly: 0.5 -> 1, 0.02 -> 2, 20 -> 0. */
export function decimalsFor(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  return Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
}

/**
 * Labels of value ticks (in base units, as `niceTicks` gives them): one scaled unit for the whole axis,
 * decimals from the step, so distinct ticks get distinct labels. `["0 Wh", "500 Wh"]`, `["0", "0.5 kWh"]`
 * style is avoided: every label carries the unit.
 */
export function valueLabels(ticks: readonly number[], base: string): string[] {
  if (ticks.length === 0) return [];
  const maxAbs = Math.max(...ticks.map(Math.abs));
  const u = scaleUnit(maxAbs, base);
  let step = Number.POSITIVE_INFINITY;
  for (let i = 1; i < ticks.length; i++) step = Math.min(step, ticks[i]! - ticks[i - 1]!);
  const d = Number.isFinite(step)
    ? decimalsFor(clean(step / u.factor))
    : decimalsFor(Math.abs(ticks[0]!) / u.factor || 1);
  return ticks.map((t) => {
    const v = clean(t / u.factor);
    return `${(v === 0 ? 0 : v).toFixed(d)} ${u.unit}`;
  });
}

/** Steps of a time axis: fixed lengths up to hours, then calendar days, months and years. */
export type TimeStep =
  | { readonly unit: "ms"; readonly ms: number }
  | { readonly unit: "hour"; readonly n: number }
  | { readonly unit: "day"; readonly n: number }
  | { readonly unit: "month"; readonly n: number }
  | { readonly unit: "year"; readonly n: number };

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const STEPS: readonly { step: TimeStep; approxMs: number }[] = [
  ...[1, 2, 5, 10, 15, 30].map((n) => ({ step: { unit: "ms", ms: n * S } as TimeStep, approxMs: n * S })),
  ...[1, 2, 5, 10, 15, 30].map((n) => ({ step: { unit: "ms", ms: n * M } as TimeStep, approxMs: n * M })),
  ...[1, 2, 3, 6, 12].map((n) => ({ step: { unit: "hour", n } as TimeStep, approxMs: n * H })),
  ...[1, 2, 7, 14].map((n) => ({ step: { unit: "day", n } as TimeStep, approxMs: n * D })),
  ...[1, 2, 3, 6].map((n) => ({ step: { unit: "month", n } as TimeStep, approxMs: n * 30.44 * D })),
  ...[1, 2, 5, 10, 20, 50].map((n) => ({ step: { unit: "year", n } as TimeStep, approxMs: n * 365.25 * D })),
];

/** The smallest step that gives at most `maxCount` ticks over [from, to). */
export function timeStep(from: number, to: number, maxCount: number): TimeStep {
  const span = Math.max(0, to - from);
  for (const s of STEPS) if (span / s.approxMs <= Math.max(1, maxCount)) return s.step;
  return STEPS[STEPS.length - 1]!.step;
}

/** Ticks in [from, to] on round wall-clock times of `timeZone` (local midnights, month starts, ...). */
export function timeTicks(from: number, to: number, timeZone: string, step: TimeStep): number[] {
  const out: number[] = [];
  const push = (t: number) => {
    if (t >= from && t <= to && (out.length === 0 || t > out[out.length - 1]!)) out.push(t);
  };
  if (step.unit === "ms") {
    // Sub-hour steps align with the zone's offset (whole-hour and half-hour offsets keep minutes round).
    const w = wallTime(from, timeZone);
    const hourStart = zonedInstant(timeZone, w.year, w.month, w.day, w.hour);
    let t = hourStart + Math.ceil((from - hourStart) / step.ms) * step.ms;
    for (let i = 0; t <= to && i < 2000; i++, t += step.ms) push(t);
    return out;
  }
  const w = wallTime(from, timeZone);
  for (let i = 0; i < 2000; i++) {
    let t: number;
    if (step.unit === "hour") {
      // Walk local days, then hours that are multiples of n, so ticks stay on 00, 06, 12, 18 over DST.
      const day = Math.floor(i / Math.ceil(24 / step.n));
      const hour = (i % Math.ceil(24 / step.n)) * step.n;
      t = zonedInstant(timeZone, w.year, w.month, w.day + day, hour);
      if (wallTime(t, timeZone).hour !== hour) continue;
    } else if (step.unit === "day") {
      // Weekly steps start on Mondays (ISO weeks, as the Week view); others on local midnights.
      const back = step.n === 7 || step.n === 14 ? w.weekday - 1 : 0;
      t = zonedInstant(timeZone, w.year, w.month, w.day - back + i * step.n);
    } else if (step.unit === "month") {
      const m0 = w.month - ((w.month - 1) % step.n);
      t = zonedInstant(timeZone, w.year, m0 + i * step.n, 1);
    } else {
      const y0 = w.year - (w.year % step.n);
      t = zonedInstant(timeZone, y0 + i * step.n, 1, 1);
    }
    if (t > to) break;
    push(t);
  }
  return out;
}

const fmt = new Map<string, Intl.DateTimeFormat>();
function dtf(timeZone: string, kind: string, locale: string): Intl.DateTimeFormat {
  const key = `${timeZone}|${kind}|${locale}`;
  let f = fmt.get(key);
  if (!f) {
    const o: Intl.DateTimeFormatOptions =
      kind === "sec"
        ? { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }
        : kind === "min"
          ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }
          : kind === "day"
            ? { day: "numeric", month: "short" }
            : kind === "month"
              ? { month: "short", year: "numeric" }
              : { year: "numeric" };
    f = new Intl.DateTimeFormat(locale, { timeZone, ...o });
    fmt.set(key, f);
  }
  return f;
}

/**
 * Labels of time ticks, precise to the step: "14:05:30" below a minute, "14:05" below a day (a local
 * midnight reads "1 Dec" instead, so a day boundary is visible), "30 Nov" for days, "Nov 2026" for months,
 * "2026" for years. Ticks of one step never print the same label twice within a day.
 */
export function timeLabels(
  ticks: readonly number[],
  step: TimeStep,
  timeZone: string,
  locale = "en-GB",
): string[] {
  const kind =
    step.unit === "ms"
      ? step.ms < M
        ? "sec"
        : "min"
      : step.unit === "hour"
        ? "min"
        : step.unit === "day"
          ? "day"
          : step.unit === "month"
            ? "month"
            : "year";
  return ticks.map((t) => {
    if (kind === "min" || kind === "sec") {
      const w = wallTime(t, timeZone);
      if (w.hour === 0 && w.minute === 0 && w.second === 0) return dtf(timeZone, "day", locale).format(t);
    }
    return dtf(timeZone, kind, locale).format(t);
  });
}

/** Roughly how many labels fit on an axis `px` wide with labels about `labelPx` wide. */
export function tickBudget(px: number, labelPx: number): number {
  return Math.max(2, Math.floor(px / Math.max(1, labelPx)));
}
