/**
 * Costs as History and Live show them, pure: the cost resource's answer (`CostPage` of @omdp/tariffs,
 * the same at the edge and in the cloud) put into the History buckets, the shown window's total with
 * its breakdown, today's cost, the month's capacity peak and the day-ahead price curve. Amounts arrive as six-place decimal texts
 * and are added here as integer micro-units, so a period's total is exactly the sum of its items.
 */
import type { PricesPage } from "@omdp/series";
import type { CostItem, CostPage } from "@omdp/tariffs";
import { bucketIndex, type HistoryResolution } from "../lib/period";

/** The parts of a cost, integer micro-units of the currency. */
export interface Cost {
  readonly energy: number;
  readonly grid: number;
  readonly taxes: number;
  readonly fixedFees: number;
  readonly capacity: number;
  readonly vat: number;
  readonly exportCompensation: number;
  readonly total: number;
}

const PARTS = [
  "energy",
  "grid",
  "taxes",
  "fixedFees",
  "capacity",
  "vat",
  "exportCompensation",
  "total",
] as const;
const LABELS: Record<(typeof PARTS)[number], string> = {
  energy: "energy",
  grid: "grid",
  taxes: "taxes",
  fixedFees: "fixed fees",
  capacity: "capacity",
  vat: "VAT",
  exportCompensation: "export paid",
  total: "total",
};

/** "0.547462" / "-0.000060" as micro-units; NaN for text that is not a six-place decimal. */
export function parseMicros(s: string): number {
  const m = /^(-?)(\d+)\.(\d{6})$/.exec(s);
  if (!m) return Number.NaN;
  const v = Number(m[2]) * 1_000_000 + Number(m[3]);
  return m[1] ? -v : v;
}

export function costOf(item: CostItem): Cost {
  const out = {} as Record<(typeof PARTS)[number], number>;
  for (const p of PARTS) out[p] = parseMicros(item[p]);
  return out;
}

export function addCost(a: Cost, b: Cost): Cost {
  const out = {} as Record<(typeof PARTS)[number], number>;
  for (const p of PARTS) out[p] = a[p] + b[p];
  return out;
}

/** Micro-units as money with two decimals (half away from zero), e.g. `1.23 EUR`. */
export function formatMoney(micros: number | null | undefined, currency: string): string {
  if (micros === null || micros === undefined || !Number.isFinite(micros)) return "–";
  const cents = Math.sign(micros) * Math.round(Math.abs(micros) / 10_000);
  const abs = Math.abs(cents);
  return `${cents < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")} ${currency}`;
}

/** The breakdown as one line (the hover text of a bar's row and of the total). */
export function breakdownText(c: Cost, currency: string): string {
  return PARTS.filter((p) => p !== "total" && c[p] !== 0)
    .map((p) => `${LABELS[p]} ${formatMoney(c[p], currency)}`)
    .join(" · ");
}

/** The cost resolution behind History buckets: quarter hours for day and week bars, local days else. */
export function costResolution(r: HistoryResolution): "interval" | "P1D" {
  return r === "PT15M" || r === "PT1H" ? "interval" : "P1D";
}

/** The page's items summed into the buckets that start at `starts` (items from `end` on are left out). */
export function bucketCosts(starts: readonly number[], end: number, page: CostPage): (Cost | null)[] {
  const out: (Cost | null)[] = starts.map(() => null);
  for (const item of page.items) {
    const t = Date.parse(item.start);
    if (t >= end) continue;
    const i = bucketIndex(starts, t);
    if (i < 0) continue;
    const c = costOf(item);
    out[i] = out[i] ? addCost(out[i]!, c) : c;
  }
  return out;
}

/** The sum of buckets [a, b); null when none has a cost. */
export function windowCost(costs: readonly (Cost | null)[], a: number, b: number): Cost | null {
  let sum: Cost | null = null;
  for (let i = a; i < b; i++) {
    const c = costs[i];
    if (c) sum = sum ? addCost(sum, c) : c;
  }
  return sum;
}

/** The month's capacity peak (Belgian rule) from a P1M answer: peak W, its quarter, counted W, charge. */
export interface CapacityPeak {
  readonly month: string;
  readonly peakW: number;
  readonly peakAt: string | null;
  readonly countedW: number;
  /** Micro-units. */
  readonly charge: number;
}

export function capacityPeak(page: CostPage): CapacityPeak | null {
  const d = page.items[page.items.length - 1]?.capacityDetail as Record<string, unknown> | undefined;
  if (d?.rule !== "be" || typeof d.peakW !== "number") return null;
  return {
    month: String(d.month),
    peakW: d.peakW,
    peakAt: typeof d.peakAt === "string" ? d.peakAt : null,
    countedW: typeof d.countedW === "number" ? d.countedW : d.peakW,
    charge: typeof d.charge === "string" ? parseMicros(d.charge) : Number.NaN,
  };
}

/** Today's cost from a P1D answer of today: the day's item (energy so far plus the day's fee share). */
export function todayCost(page: CostPage): Cost | null {
  const item = page.items[0];
  return item ? costOf(item) : null;
}

/** The price curve of Live (today and tomorrow): steps in µ-units per kWh, the cheapest and dearest. */
export interface PriceCurve {
  readonly currency: string;
  /** Slot starts (epoch ms) and prices; the last slot's end closes the curve. */
  readonly starts: number[];
  readonly prices: number[];
  readonly end: number;
  readonly min: { at: number; price: number } | null;
  readonly max: { at: number; price: number } | null;
  /** The price of the slot holding `now`, or null. */
  readonly now: number | null;
}

export function priceCurve(page: PricesPage, now: number): PriceCurve {
  const starts: number[] = [];
  const prices: number[] = [];
  let min: PriceCurve["min"] = null;
  let max: PriceCurve["max"] = null;
  let current: number | null = null;
  let end = 0;
  for (const it of page.items) {
    const at = Date.parse(it.start);
    const to = Date.parse(it.end);
    const price = parseMicros(it.price);
    starts.push(at);
    prices.push(price);
    end = Math.max(end, to);
    if (!min || price < min.price) min = { at, price };
    if (!max || price > max.price) max = { at, price };
    if (at <= now && now < to) current = price;
  }
  return { currency: page.currency, starts, prices, end, min, max, now: current };
}

/** A price per kWh as households read it: euro cents (`9.10 ct/kWh`), else the currency to 4 places. */
export function formatPrice(micros: number | null | undefined, currency: string): string {
  if (micros === null || micros === undefined || !Number.isFinite(micros)) return "–";
  if (currency === "EUR") return `${(micros / 10_000).toFixed(2)} ct/kWh`;
  return `${(micros / 1_000_000).toFixed(4)} ${currency}/kWh`;
}
