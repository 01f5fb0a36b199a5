/**
 * Cost of a household's intervals under its tariff: per interval, per local day and per local month,
 * with the breakdown. All amounts are integer micro-units of the tariff's currency (money.ts).
 *
 * - Per interval (import and export priced separately, never netted; energy taken to the mWh): energy, grid and each tax on
 *   the imported Wh; export compensation on the exported Wh; VAT on energy + grid + taxes. Where a rate
 *   varies (time of use, day-ahead) the interval is cut at quarter hours and its energy spread evenly
 *   over time; each component is rounded once per interval, half to even.
 * - Per day (local date of the interval's start): the sums of its intervals, plus its share of the
 *   fixed monthly fees (a month's fee spread over its days so that the days add up to the fee exactly)
 *   with VAT on that share.
 * - Per month: the sums of its days, plus the capacity charge (Belgian or Norwegian rule) with its VAT.
 *   So a month is exactly the sum of its days plus its capacity, and a day exactly the sum of its
 *   intervals plus its fee share.
 * `total` = energy + grid + taxes + fixedFees + capacity + vat - exportCompensation.
 */
import { localMidnight } from "@omdp/model/time";
import {
  type BelgianMonth,
  belgianMonths,
  importsPer,
  type MonthPeak,
  type NorwegianMonth,
  norwegianMonths,
} from "./capacity";
import { ZoneClock } from "./clock";
import { fail, ok, type Result } from "./errors";
import type { PricedInterval } from "./interval";
import { applyPpm, divRound } from "./money";
import type { PriceSeries } from "./prices";
import { type RateContext, rateAt } from "./rate";
import type { Rate, Tariff } from "./schema";

const Q = 900_000;
const H = 3_600_000;

export interface Breakdown {
  readonly importWh: number;
  readonly exportWh: number;
  readonly energy: number;
  readonly grid: number;
  readonly taxes: number;
  readonly fixedFees: number;
  readonly capacity: number;
  readonly vat: number;
  /** Paid to the household for export (negative when day-ahead prices were negative). */
  readonly exportCompensation: number;
  readonly total: number;
}

export interface IntervalCost extends Breakdown {
  readonly meterId: string;
  readonly start: string;
  readonly end: string;
}

export interface PeriodCost extends Breakdown {
  /** `YYYY-MM-DD` or `YYYY-MM`, local to the tariff's zone. */
  readonly period: string;
  /** Local midnight at the start and end, RFC 3339 UTC (a day is 23 h or 25 h when the clocks change). */
  readonly start: string;
  readonly end: string;
}

export interface MonthCost extends PeriodCost {
  readonly capacityDetail?: BelgianMonth | NorwegianMonth;
}

export interface CostReport {
  readonly currency: string;
  readonly timeZone: string;
  readonly intervals: readonly IntervalCost[];
  readonly days: readonly PeriodCost[];
  readonly months: readonly MonthCost[];
}

export interface CostOptions {
  /** Day-ahead prices for `dynamic` rates (import side, and export unless `exportPrices`). */
  readonly prices?: PriceSeries;
  readonly exportPrices?: PriceSeries;
  /**
   * Local dates (inclusive) the days and months cover; default: the first to the last interval's day.
   * Intervals on days outside it are priced in `intervals` but counted in no day or month.
   */
  readonly range?: { readonly from: string; readonly to: string };
  /** Belgian rule: monthly peaks of months before the intervals, for the rolling mean. */
  readonly capacityHistory?: readonly MonthPeak[];
}

const ZERO: Omit<Breakdown, "total"> = {
  importWh: 0,
  exportWh: 0,
  energy: 0,
  grid: 0,
  taxes: 0,
  fixedFees: 0,
  capacity: 0,
  vat: 0,
  exportCompensation: 0,
};

function withTotal(b: Omit<Breakdown, "total">): Breakdown {
  return {
    ...b,
    total: b.energy + b.grid + b.taxes + b.fixedFees + b.capacity + b.vat - b.exportCompensation,
  };
}

function add(a: Omit<Breakdown, "total">, b: Omit<Breakdown, "total">): Omit<Breakdown, "total"> {
  return {
    importWh: a.importWh + b.importWh,
    exportWh: a.exportWh + b.exportWh,
    energy: a.energy + b.energy,
    grid: a.grid + b.grid,
    taxes: a.taxes + b.taxes,
    fixedFees: a.fixedFees + b.fixedFees,
    capacity: a.capacity + b.capacity,
    vat: a.vat + b.vat,
    exportCompensation: a.exportCompensation + b.exportCompensation,
  };
}

interface Parsed {
  readonly iv: PricedInterval;
  /** energy in integer mWh: Wh with up to 3 decimals priced exactly */
  readonly importMwh: number;
  readonly exportMwh: number;
}

function parseIntervals(intervals: readonly PricedInterval[]): Result<Parsed[]> {
  const out: Parsed[] = [];
  for (let i = 0; i < intervals.length; i++) {
    const iv = intervals[i]!;
    const field = `intervals[${i}]`;
    if (!Number.isSafeInteger(iv.start) || !Number.isSafeInteger(iv.end) || iv.end <= iv.start) {
      return fail("BAD_INTERVAL", "start and end must be epoch ms, end after start", {
        field,
        actual: `${iv.start}/${iv.end}`,
      });
    }
    const mwh = { importWh: 0, exportWh: 0 };
    for (const k of ["importWh", "exportWh"] as const) {
      const v = Math.round(iv[k] * 1000);
      if (!Number.isSafeInteger(v) || v < 0) {
        return fail("BAD_INTERVAL", `${k} must be a non-negative number of Wh`, {
          field: `${field}.${k}`,
          actual: String(iv[k]),
        });
      }
      mwh[k] = v;
    }
    out.push({ iv, importMwh: mwh.importWh, exportMwh: mwh.exportWh });
  }
  return ok(out);
}

/** Σ over the interval's quarter-hour pieces of mWh × price × piece length, rounded once to µ-units. */
function component(rate: Rate, mwh: number, start: number, end: number, ctx: RateContext): Result<number> {
  if (mwh === 0) return ok(0);
  if (rate.kind === "fixed") return ok(Number(divRound(BigInt(mwh) * BigInt(rate.price), 1_000_000n)));
  let acc = 0n;
  for (let t = start; t < end; ) {
    const next = Math.min(end, Math.floor(t / Q) * Q + Q);
    const price = rateAt(rate, t, ctx);
    if (price === undefined) {
      return fail("NO_PRICE", "no day-ahead price for this quarter hour", { at: new Date(t).toISOString() });
    }
    acc += BigInt(price) * BigInt(next - t);
    t = next;
  }
  return ok(Number(divRound(acc * BigInt(mwh), BigInt(end - start) * 1_000_000n)));
}

function usesDynamic(t: Tariff, side: "import" | "export"): boolean {
  if (side === "export") return t.export?.compensation.kind === "dynamic";
  return [t.import.energy, t.import.grid, ...t.import.taxes.map((x) => x.rate)].some(
    (r) => r?.kind === "dynamic",
  );
}

function intervalCost(t: Tariff, p: Parsed, imp: RateContext, exp: RateContext): Result<IntervalCost> {
  const { iv, importMwh, exportMwh } = p;
  const { start, end } = iv;
  const energy = component(t.import.energy, importMwh, start, end, imp);
  if (!energy.ok) return energy;
  let grid = 0;
  if (t.import.grid) {
    const g = component(t.import.grid, importMwh, start, end, imp);
    if (!g.ok) return g;
    grid = g.value;
  }
  let taxes = 0;
  for (const tax of t.import.taxes) {
    const x = component(tax.rate, importMwh, start, end, imp);
    if (!x.ok) return x;
    taxes += x.value;
  }
  let exportCompensation = 0;
  if (t.export) {
    const x = component(t.export.compensation, exportMwh, start, end, exp);
    if (!x.ok) return x;
    exportCompensation = x.value;
  }
  const vat = t.vat ? applyPpm(energy.value + grid + taxes, t.vat.rate) : 0;
  const b = withTotal({
    ...ZERO,
    importWh: iv.importWh,
    exportWh: iv.exportWh,
    energy: energy.value,
    grid,
    taxes,
    vat,
    exportCompensation,
  });
  return ok({
    meterId: iv.meterId,
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    ...b,
  });
}

/** `floor(total × k / n) - floor(total × (k-1) / n)`: the k-th of n shares, adding up to `total`. */
export function share(total: number, k: number, n: number): number {
  const f = (i: number) => Number((BigInt(total) * BigInt(i)) / BigInt(n));
  return f(k) - f(k - 1);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(y: number, m: number, d: number): string {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.toISOString().slice(0, 10);
}

export function computeCosts(
  tariff: Tariff,
  intervals: readonly PricedInterval[],
  options: CostOptions = {},
): Result<CostReport> {
  const parsed = parseIntervals(intervals);
  if (!parsed.ok) return parsed;
  const clock = new ZoneClock(tariff.timeZone);
  const holidays = new Set(tariff.holidays);
  const exportPrices = options.exportPrices ?? options.prices;
  for (const [side, series] of [
    ["import", options.prices],
    ["export", exportPrices],
  ] as const) {
    if (!usesDynamic(tariff, side)) continue;
    if (series && series.currency !== tariff.currency) {
      return fail("CURRENCY_MISMATCH", `${side} prices not in the tariff's currency`, {
        field: `${side}Prices`,
        expected: tariff.currency,
        actual: series.currency,
      });
    }
  }
  const base = { clock, holidays, holidayAs: tariff.holidayAs };
  const imp: RateContext = options.prices ? { ...base, prices: options.prices } : base;
  const exp: RateContext = exportPrices ? { ...base, prices: exportPrices } : base;

  const costs: IntervalCost[] = [];
  const byDay = new Map<string, Omit<Breakdown, "total">>();
  for (const p of parsed.value) {
    const c = intervalCost(tariff, p, imp, exp);
    if (!c.ok) return c;
    costs.push(c.value);
    const date = clock.at(p.iv.start).date;
    byDay.set(date, add(byDay.get(date) ?? ZERO, c.value));
  }

  // the days covered
  const known = [...byDay.keys()].sort();
  const from = options.range?.from ?? known[0];
  const to = options.range?.to ?? known[known.length - 1];
  const days: PeriodCost[] = [];
  const monthDays = new Map<string, PeriodCost[]>();
  if (from !== undefined && to !== undefined) {
    let [y, m, d] = from.split("-").map(Number) as [number, number, number];
    for (let guard = 0; guard < 40_000; guard++) {
      const date = isoDate(y, m, d);
      if (date > to) break;
      const n = daysInMonth(y, m);
      let fees = 0;
      for (const f of tariff.fixedFees) fees += share(f.perMonth, d, n);
      const sums = byDay.get(date) ?? ZERO;
      const vat = tariff.vat ? applyPpm(fees, tariff.vat.rate) : 0;
      const day: PeriodCost = {
        period: date,
        start: new Date(localMidnight(y, m, d, tariff.timeZone)).toISOString(),
        end: new Date(localMidnight(y, m, d + 1, tariff.timeZone)).toISOString(),
        ...withTotal({ ...sums, fixedFees: sums.fixedFees + fees, vat: sums.vat + vat }),
      };
      days.push(day);
      const month = date.slice(0, 7);
      monthDays.set(month, [...(monthDays.get(month) ?? []), day]);
      const next = new Date(Date.UTC(y, m - 1, d + 1));
      [y, m, d] = [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()];
    }
  }

  // capacity, by month
  const monthKeys = [...monthDays.keys()];
  const detail = new Map<string, BelgianMonth | NorwegianMonth>();
  if (tariff.capacity) {
    const energyAt = parsed.value.map((p) => p.iv);
    if (tariff.capacity.rule === "be") {
      const quarters = importsPer(energyAt, Q, clock);
      if (!quarters.ok) return quarters;
      for (const b of belgianMonths(
        tariff.capacity,
        quarters.value,
        clock,
        monthKeys,
        options.capacityHistory,
      ))
        detail.set(b.month, b);
    } else {
      const hours = importsPer(energyAt, H, clock);
      if (!hours.ok) return hours;
      for (const n of norwegianMonths(tariff.capacity, hours.value, clock, monthKeys)) detail.set(n.month, n);
    }
  }

  const months: MonthCost[] = monthKeys.map((month) => {
    const ds = monthDays.get(month)!;
    let sums: Omit<Breakdown, "total"> = ZERO;
    for (const d of ds) sums = add(sums, d);
    const cap = detail.get(month);
    const capacity = cap?.charge ?? 0;
    const vat = tariff.vat ? applyPpm(capacity, tariff.vat.rate) : 0;
    const [y, m] = month.split("-").map(Number) as [number, number];
    const mc: MonthCost = {
      period: month,
      start: new Date(localMidnight(y, m, 1, tariff.timeZone)).toISOString(),
      end: new Date(localMidnight(y, m + 1, 1, tariff.timeZone)).toISOString(),
      ...withTotal({ ...sums, capacity: sums.capacity + capacity, vat: sums.vat + vat }),
    };
    return cap ? { ...mc, capacityDetail: cap } : mc;
  });

  return ok({ currency: tariff.currency, timeZone: tariff.timeZone, intervals: costs, days, months });
}
