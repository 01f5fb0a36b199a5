/**
 * The Live view's arithmetic, pure: the household's totals from its main meters (sub-meters measure part
 * of the same energy and are not added), today's energy from the day's baseline registers, and the trend
 * of the last minutes from the readings the edge kept (so the chart is not empty on page load).
 */
import { energySince, householdPower, type LiveSnapshot } from "../lib/live";
import type { MeterInfo } from "../lib/settings";

export interface HouseholdTotals {
  /** Main meters with a reading (0: nothing to show yet). */
  readonly meters: number;
  readonly importW: number;
  readonly exportW: number;
  /** Energy since the day's baselines, Wh; null while no main meter has a baseline and a register. */
  readonly todayImportWh: number | null;
  readonly todayExportWh: number | null;
  /** Reading time of the newest snapshot, epoch ms (0 without any). */
  readonly newest: number;
}

export function subMeterIds(meters: readonly MeterInfo[]): Set<string> {
  return new Set(meters.filter((m) => m.role === "sub").map((m) => m.id));
}

export interface MeterToday {
  readonly importWh: number | null;
  readonly exportWh: number | null;
}

/** One meter's energy since the day's baseline. */
export function meterToday(s: LiveSnapshot, base: LiveSnapshot | undefined): MeterToday {
  return {
    importWh: energySince(base?.importRegisterWh ?? null, s.importRegisterWh),
    exportWh: energySince(base?.exportRegisterWh ?? null, s.exportRegisterWh),
  };
}

export function householdTotals(
  snaps: Iterable<LiveSnapshot>,
  base: ReadonlyMap<string, LiveSnapshot>,
  meters: readonly MeterInfo[],
): HouseholdTotals {
  const sub = subMeterIds(meters);
  const list = [...snaps].filter((x) => !sub.has(x.meterId));
  const p = householdPower(list);
  let ti = 0;
  let te = 0;
  let known = false;
  for (const s of list) {
    const t = meterToday(s, base.get(s.meterId));
    if (t.importWh !== null) {
      ti += t.importWh;
      known = true;
    }
    if (t.exportWh !== null) te += t.exportWh;
  }
  return {
    meters: list.length,
    importW: p.importW,
    exportW: p.exportW,
    todayImportWh: known ? ti : null,
    todayExportWh: known ? te : null,
    newest: list.reduce((m, x) => Math.max(m, x.at), 0),
  };
}

export interface TrendPoint {
  readonly at: number;
  readonly importW: number;
  readonly exportW: number;
}

/**
 * The household's power over time from each main meter's readings: at every reading time, the sum of
 * each meter's latest power so far (a meter counts from its first reading on). Readings without power
 * values count as 0 W, as the live totals do.
 */
export function householdTrend(
  readings: readonly LiveSnapshot[],
  meters: readonly MeterInfo[],
): TrendPoint[] {
  const sub = subMeterIds(meters);
  const sorted = readings.filter((r) => !sub.has(r.meterId)).sort((a, b) => a.at - b.at);
  const latest = new Map<string, LiveSnapshot>();
  const out: TrendPoint[] = [];
  for (const r of sorted) {
    latest.set(r.meterId, r);
    const p = householdPower([...latest.values()]);
    const point = { at: r.at, importW: p.importW, exportW: p.exportW };
    if (out.length && out[out.length - 1]!.at === r.at) out[out.length - 1] = point;
    else out.push(point);
  }
  return out;
}

/** Meters that send no per-phase power get no empty column for it. */
export function hasPhasePower(s: LiveSnapshot): boolean {
  return s.phases.some((p) => p.powerW !== null);
}

/** How far back the trend preloads: its window, ending at the newest reading the edge has. */
export function trendRange(newestAt: number, windowMs: number): { from: number; to: number } {
  return { from: newestAt - windowMs, to: newestAt + 1000 };
}
