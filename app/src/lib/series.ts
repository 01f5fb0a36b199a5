import type { Cost } from "../views/cost-model";
import { csvField, toCsv } from "./csv";
import { isoLocal, kwhPlain } from "./format";
import { bucketIndex, bucketStarts, type HistoryResolution, type Period } from "./period";
import type { Interval } from "./records";

/** One history view: the period's buckets, energy per bucket, and the previous period aligned by index. */
export interface HistorySeries {
  readonly period: Period;
  readonly resolution: HistoryResolution;
  readonly starts: number[];
  readonly importWh: (number | null)[];
  readonly exportWh: (number | null)[];
  readonly prevImportWh: (number | null)[];
  readonly prevExportWh: (number | null)[];
  /** The records behind the current period, for peak demand and base load. */
  readonly records: readonly Interval[];
}

function bucketise(
  starts: readonly number[],
  end: number,
  records: readonly Interval[],
): { imp: (number | null)[]; exp: (number | null)[] } {
  const imp: (number | null)[] = starts.map(() => null);
  const exp: (number | null)[] = starts.map(() => null);
  for (const r of records) {
    if (r.start >= end) continue;
    const i = bucketIndex(starts, r.start);
    if (i < 0) continue;
    imp[i] = (imp[i] ?? 0) + r.importWh;
    exp[i] = (exp[i] ?? 0) + r.exportWh;
  }
  return { imp, exp };
}

export function buildSeries(
  period: Period,
  previous: Period,
  resolution: HistoryResolution,
  current: readonly Interval[],
  prior: readonly Interval[],
): HistorySeries {
  const starts = bucketStarts(period, resolution);
  const prevStarts = bucketStarts(previous, resolution);
  const cur = bucketise(starts, period.end, current);
  const prev = bucketise(prevStarts, previous.end, prior);
  return {
    period,
    resolution,
    starts,
    importWh: cur.imp,
    exportWh: cur.exp,
    // Aligned by index: bucket i of the previous period sits under bucket i of this one.
    prevImportWh: starts.map((_, i) => prev.imp[i] ?? null),
    prevExportWh: starts.map((_, i) => prev.exp[i] ?? null),
    records: current.filter((r) => r.start >= period.start && r.start < period.end),
  };
}

export interface WindowStats {
  readonly importWh: number;
  readonly exportWh: number;
  readonly prevImportWh: number;
  readonly prevExportWh: number;
  /** Highest average power over a metering interval (15 min at day view), W; null without data. */
  readonly peakDemandW: number | null;
  /** Lowest average import power over an interval of at most 1 h (the standing load), W. */
  readonly baseLoadW: number | null;
  readonly buckets: number;
  readonly bucketsWithData: number;
}

/** Indices of the buckets whose start lies in [from, to). */
export function visibleRange(starts: readonly number[], from: number, to: number): [number, number] {
  let a = 0;
  while (a < starts.length && (starts[a] as number) < from) a++;
  let b = a;
  while (b < starts.length && (starts[b] as number) < to) b++;
  return [a, b];
}

const sum = (xs: readonly (number | null)[], a: number, b: number): number => {
  let s = 0;
  for (let i = a; i < b; i++) s += xs[i] ?? 0;
  return s;
};

/** Totals, comparison, peak demand and base load over the shown window [from, to). */
export function windowStats(s: HistorySeries, from: number, to: number): WindowStats {
  const [a, b] = visibleRange(s.starts, from, to);
  let peak: number | null = null;
  let base: number | null = null;
  let baseAny: number | null = null;
  for (const r of s.records) {
    if (r.start < from || r.start >= to) continue;
    const hours = (r.end - r.start) / 3_600_000;
    const avg = hours > 0 ? r.importWh / hours : null;
    // Peak demand: the interval average where intervals are short; rollups carry their own maximum.
    const p = hours > 0 && hours <= 0.25 ? avg : (r.powerMaxW ?? avg);
    if (p !== null && (peak === null || p > peak)) peak = p;
    // Base load: the lowest average of a complete interval (a partial one, e.g. the first after a
    // start, holds less energy than its length says); partial ones count only when nothing else exists.
    const bl = hours > 0 && hours <= 1 ? avg : (r.powerMinW ?? avg);
    if (bl === null) continue;
    if (r.quality === "complete" && (base === null || bl < base)) base = bl;
    if (baseAny === null || bl < baseAny) baseAny = bl;
  }
  base ??= baseAny;
  let withData = 0;
  for (let i = a; i < b; i++) if (s.importWh[i] !== null || s.exportWh[i] !== null) withData++;
  return {
    importWh: sum(s.importWh, a, b),
    exportWh: sum(s.exportWh, a, b),
    prevImportWh: sum(s.prevImportWh, a, b),
    prevExportWh: sum(s.prevExportWh, a, b),
    peakDemandW: peak,
    baseLoadW: base,
    buckets: b - a,
    bucketsWithData: withData,
  };
}

/** The cost columns of the CSV (amounts in the currency, six places as the API gives them). */
const COST_COLUMNS = [
  "energy",
  "grid",
  "taxes",
  "fixedFees",
  "capacity",
  "vat",
  "exportCompensation",
  "total",
] as const;
const COST_HEADERS = [
  "energy",
  "grid",
  "taxes",
  "fixed_fees",
  "capacity",
  "vat",
  "export_compensation",
  "total",
];

/** Micro-units as a six-place decimal, exactly. */
function microsPlain(m: number): string {
  const abs = Math.abs(m);
  return `${m < 0 ? "-" : ""}${Math.floor(abs / 1_000_000)}.${String(abs % 1_000_000).padStart(6, "0")}`;
}

/**
 * CSV of exactly what is shown: the buckets in [from, to), kWh to the Wh, local time with offset; with
 * `costs`, the cost of each bucket and its breakdown (`cost_<part>_<currency>` columns).
 */
export function seriesCsv(
  s: HistorySeries,
  from: number,
  to: number,
  meterId: string,
  costs?: { readonly currency: string; readonly perBucket: readonly (Cost | null)[] },
): string {
  const [a, b] = visibleRange(s.starts, from, to);
  const rows: (string | number | null)[][] = [];
  const tz = s.period.timeZone;
  for (let i = a; i < b; i++) {
    const start = s.starts[i] as number;
    const end = s.starts[i + 1] ?? s.period.end;
    const kwh = (v: number | null | undefined) => (v === null || v === undefined ? "" : kwhPlain(v));
    rows.push([
      meterId,
      isoLocal(start, tz),
      isoLocal(end, tz),
      kwh(s.importWh[i]),
      kwh(s.exportWh[i]),
      kwh(s.prevImportWh[i]),
      kwh(s.prevExportWh[i]),
      ...(costs
        ? COST_COLUMNS.map((p) => {
            const c = costs.perBucket[i];
            return c ? microsPlain(c[p]) : "";
          })
        : []),
    ]);
  }
  return toCsv(
    [
      "meter",
      "start",
      "end",
      "imported_kWh",
      "exported_kWh",
      "previous_period_imported_kWh",
      "previous_period_exported_kWh",
      ...(costs ? COST_HEADERS.map((h) => `cost_${h}_${costs.currency}`) : []),
    ],
    rows,
  );
}

export { csvField };
