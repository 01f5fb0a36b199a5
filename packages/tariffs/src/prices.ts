/**
 * Day-ahead prices as the cost code uses them: slots `[start, end)` in UTC milliseconds, each with a
 * price in micro-units per kWh (negative prices as they come). Built by the ENTSO-E and CSV loaders,
 * checked here: slots on quarter-hour boundaries, sorted, overlapping only with equal prices.
 */
import { fail, ok, type Result } from "./errors";

export const QUARTER_MS = 15 * 60_000;

export interface PriceSlot {
  readonly start: number;
  readonly end: number;
  /** µ-units of `currency` per kWh. */
  readonly price: number;
}

export interface PriceSeries {
  readonly currency: string;
  /** Sorted by start, not overlapping. */
  readonly slots: readonly PriceSlot[];
}

/**
 * Sort and check slots. Where a finer and a coarser slot cover the same quarter hours (a zone that
 * publishes PT15M and PT60M), the finer wins; two slots of the same span with different prices are an
 * error (equal ones are a document loaded twice, and kept once).
 */
export function priceSeries(currency: string, slots: readonly PriceSlot[]): Result<PriceSeries> {
  for (const s of slots) {
    if (s.start % QUARTER_MS !== 0 || s.end % QUARTER_MS !== 0 || s.end <= s.start) {
      return fail("BAD_PRICES", "price slot not on quarter-hour boundaries", {
        at: new Date(s.start).toISOString(),
        actual: `${new Date(s.start).toISOString()}/${new Date(s.end).toISOString()}`,
      });
    }
  }
  // finer slots first, so that they claim their quarter hours before a coarser one does
  const order = [...slots].sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
  const byQuarter = new Map<number, number>();
  const kept: PriceSlot[] = [];
  const spans = new Map<string, number>();
  for (const s of order) {
    let covered = 0;
    for (let q = s.start; q < s.end; q += QUARTER_MS) {
      if (byQuarter.has(q)) covered++;
    }
    const quarters = (s.end - s.start) / QUARTER_MS;
    const key = `${s.start}/${s.end}`;
    const twin = spans.get(key);
    if (twin !== undefined && twin !== s.price) {
      return fail("BAD_PRICES", "two prices for the same slot", {
        at: new Date(s.start).toISOString(),
        expected: twin,
        actual: s.price,
      });
    }
    spans.set(key, s.price);
    if (covered === quarters) continue; // fully covered by finer (or equal) slots
    for (let q = s.start; q < s.end; q += QUARTER_MS) {
      if (!byQuarter.has(q)) {
        byQuarter.set(q, s.price);
        if (covered > 0) kept.push({ start: q, end: q + QUARTER_MS, price: s.price });
      }
    }
    if (covered === 0) kept.push(s);
  }
  kept.sort((a, b) => a.start - b.start);
  return ok({ currency, slots: kept });
}

/** The price of the slot containing `ms`, or undefined (binary search). */
export function priceAt(series: PriceSeries, ms: number): number | undefined {
  const slots = series.slots;
  let lo = 0;
  let hi = slots.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = slots[mid]!;
    if (ms < s.start) hi = mid - 1;
    else if (ms >= s.end) lo = mid + 1;
    else return s.price;
  }
  return undefined;
}
