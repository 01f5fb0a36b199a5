/**
 * Capacity tariffs, from the household's import summed over all its meters (a meter replaced in the
 * middle of a month hands over to the new one; both count toward the same peak).
 * - Belgian rule (Flanders, VREG/Fluvius capaciteitstarief since 2023): the monthly peak is the highest
 *   15-minute average import power of the month; a monthly peak below the floor (2.5 kW) counts as the
 *   floor; the yearly price per kW applies to the mean of the monthly peaks of the last 12 months (this
 *   one included), billed one twelfth a month. Months before the data may be given as history.
 * - Norwegian rule (kapasitetsledd, e.g. Elvia since 2022-07): the mean of the three highest hourly
 *   imports of the month, each on a different day, picks a bracket whose fixed monthly price is due.
 */
import type { ZoneClock } from "./clock";
import { fail, ok, type Result } from "./errors";
import { divRound } from "./money";
import type { Capacity } from "./schema";

export interface EnergyAt {
  readonly start: number;
  readonly end: number;
  readonly importWh: number;
}

/**
 * Import summed per measuring period of `periodMs` (15 min or 1 h) that starts on the zone's local
 * boundary; every interval must lie inside one period (intervals longer than it cannot be measured).
 */
export function importsPer(
  intervals: readonly EnergyAt[],
  periodMs: number,
  clock: ZoneClock,
): Result<Map<number, number>> {
  const out = new Map<number, number>();
  for (const iv of intervals) {
    const off = clock.offset(iv.start);
    const local = iv.start + off;
    const key = iv.start - (((local % periodMs) + periodMs) % periodMs);
    if (iv.end - iv.start > periodMs || iv.end > key + periodMs) {
      return fail("RESOLUTION_TOO_COARSE", "interval not inside one measuring period of the capacity rule", {
        at: new Date(iv.start).toISOString(),
        expected: periodMs / 60_000,
        actual: (iv.end - iv.start) / 60_000,
      });
    }
    out.set(key, (out.get(key) ?? 0) + iv.importWh);
  }
  return ok(out);
}

export interface BelgianMonth {
  readonly rule: "be";
  readonly month: string;
  /** Highest 15-minute average import power of the month, W (0 without data). */
  readonly peakW: number;
  /** Start of that quarter hour, RFC 3339 UTC. */
  readonly peakAt?: string;
  /** `max(peakW, floor)` */
  readonly countedW: number;
  /** Mean of the counted peaks of this month and the (up to 11) known months before it. */
  readonly rollingMeanW: number;
  readonly monthsInMean: number;
  /** µ-units: pricePerKwYear × rollingMean / 12 */
  readonly charge: number;
}

export interface MonthPeak {
  readonly month: string;
  readonly peakW: number;
}

/** Monthly peaks (W) of quarter-hour imports, by local month. */
export function monthlyPeaks(
  quarters: ReadonlyMap<number, number>,
  clock: ZoneClock,
): Map<string, { peakW: number; at: number }> {
  const out = new Map<string, { peakW: number; at: number }>();
  for (const [start, wh] of quarters) {
    const month = clock.at(start).month;
    const w = wh * 4; // Wh in 15 min → average W
    const cur = out.get(month);
    if (!cur || w > cur.peakW || (w === cur.peakW && start < cur.at)) out.set(month, { peakW: w, at: start });
  }
  return out;
}

function previousMonths(month: string, n: number): string[] {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const out: string[] = [];
  for (let i = 1; i <= n; i++) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`);
  }
  return out;
}

export function belgianMonths(
  rule: Extract<Capacity, { rule: "be" }>,
  quarters: ReadonlyMap<number, number>,
  clock: ZoneClock,
  months: readonly string[],
  history: readonly MonthPeak[] = [],
): BelgianMonth[] {
  const peaks = monthlyPeaks(quarters, clock);
  const known = new Map<string, number>();
  for (const h of history) known.set(h.month, Math.max(h.peakW, rule.floorKw));
  for (const [m, p] of peaks) known.set(m, Math.max(p.peakW, rule.floorKw));
  return months.map((month) => {
    const p = peaks.get(month);
    const peakW = p?.peakW ?? 0;
    const countedW = Math.max(peakW, rule.floorKw);
    let sum = countedW;
    let n = 1;
    for (const prev of previousMonths(month, 11)) {
      const w = known.get(prev);
      if (w !== undefined) {
        sum += w;
        n++;
      }
    }
    // µ/kW/year × (sum W / 1000 / n) / 12, rounded once
    const charge = Number(
      divRound(BigInt(rule.pricePerKwYear) * BigInt(Math.round(sum)), BigInt(n) * 12_000n),
    );
    const out: BelgianMonth = {
      rule: "be",
      month,
      peakW,
      countedW,
      rollingMeanW: sum / n,
      monthsInMean: n,
      charge,
    };
    return p ? { ...out, peakAt: new Date(p.at).toISOString() } : out;
  });
}

export interface NorwegianMonth {
  readonly rule: "no";
  readonly month: string;
  /** The highest hour of each of the (up to) three days with the highest hours, highest first. */
  readonly top: readonly { readonly date: string; readonly hourStart: string; readonly wh: number }[];
  /** Their mean import power, W (Wh in an hour = W). */
  readonly levelW: number;
  /** Index into the tariff's brackets. */
  readonly bracket: number;
  /** µ-units: the bracket's monthly price. */
  readonly charge: number;
}

/** The mean of the (up to) three highest of the days' highest hours, W (Wh in an hour = W); 0 for none. */
export function norwegianLevelW(dayMaxWh: readonly number[]): number {
  const top = [...dayMaxWh].sort((a, b) => b - a).slice(0, 3);
  return top.length === 0 ? 0 : top.reduce((s, t) => s + t, 0) / top.length;
}

/** Index of the bracket holding `levelW` (from inclusive, to exclusive); above a closed last bracket, the last. */
export function norwegianBracket(
  rule: Pick<Extract<Capacity, { rule: "no" }>, "brackets">,
  levelW: number,
): number {
  const i = rule.brackets.findIndex((b) => levelW >= b.fromKw && (b.toKw === undefined || levelW < b.toKw));
  return i < 0 ? rule.brackets.length - 1 : i;
}

export function norwegianMonths(
  rule: Extract<Capacity, { rule: "no" }>,
  hours: ReadonlyMap<number, number>,
  clock: ZoneClock,
  months: readonly string[],
): NorwegianMonth[] {
  // the highest hour of each local day, by month
  const dayMax = new Map<string, Map<string, { start: number; wh: number }>>();
  for (const [start, wh] of hours) {
    const local = clock.at(start);
    let days = dayMax.get(local.month);
    if (!days) {
      days = new Map();
      dayMax.set(local.month, days);
    }
    const cur = days.get(local.date);
    if (!cur || wh > cur.wh || (wh === cur.wh && start < cur.start)) days.set(local.date, { start, wh });
  }
  return months.map((month) => {
    const days = [...(dayMax.get(month) ?? new Map<string, { start: number; wh: number }>()).entries()];
    days.sort((a, b) => b[1].wh - a[1].wh || a[1].start - b[1].start);
    const top = days
      .slice(0, 3)
      .map(([date, h]) => ({ date, hourStart: new Date(h.start).toISOString(), wh: h.wh }));
    const levelW = norwegianLevelW(top.map((t) => t.wh));
    const bracket = norwegianBracket(rule, levelW);
    return { rule: "no", month, top, levelW, bracket, charge: rule.brackets[bracket]!.perMonth };
  });
}
