/**
 * The price per kWh of a `Rate` during one quarter hour: fixed; the first time-of-use window that
 * matches the quarter's local start (weekday, with holidays as `holidayAs`; month; time of day); or the
 * day-ahead price of the slot containing it, times the multiplier (rounded half to even to µ/kWh),
 * plus the markup.
 */
import type { ZoneClock } from "./clock";
import { applyPpm } from "./money";
import { type PriceSeries, priceAt } from "./prices";
import type { Rate, TouWindow } from "./schema";

export interface RateContext {
  readonly clock: ZoneClock;
  readonly holidays: ReadonlySet<string>;
  readonly holidayAs: number;
  readonly prices?: PriceSeries;
}

/** µ/kWh, or undefined when a dynamic rate has no price for the instant. */
export function rateAt(rate: Rate, ms: number, ctx: RateContext): number | undefined {
  switch (rate.kind) {
    case "fixed":
      return rate.price;
    case "tou": {
      const local = ctx.clock.at(ms);
      const weekday = ctx.holidays.has(local.date) ? ctx.holidayAs : local.weekday;
      for (const w of rate.windows) {
        if (matches(w, weekday, local.monthNumber, local.minute)) return w.price;
      }
      return rate.otherwise;
    }
    case "dynamic": {
      const spot = ctx.prices ? priceAt(ctx.prices, ms) : undefined;
      if (spot === undefined) return undefined;
      return applyPpm(spot, rate.multiplier) + rate.markup;
    }
  }
}

export function matches(w: TouWindow, weekday: number, month: number, minute: number): boolean {
  if (w.days && !w.days.includes(weekday)) return false;
  if (w.months && !w.months.includes(month)) return false;
  const from = w.from % 1440;
  const to = w.to % 1440;
  if (from === to) return true; // the whole day
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/** True when the rate's price may change inside an interval (so the interval is split by quarters). */
export function varies(rate: Rate): boolean {
  return rate.kind !== "fixed";
}
