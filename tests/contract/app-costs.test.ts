/**
 * The app's cost figures against the API's: the edge (Flanders example tariff, Europe/Brussels) prices
 * four quarter hours; the app's typed client fetches the answers and its view model turns them into
 * bars, the day's total, today's cost and the month's capacity peak. Expected values hand-computed.
 */

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi, getCosts, getPrices } from "../../app/src/api";
import { bucketStarts, periodContaining } from "../../app/src/lib/period";
import { bucketCosts, capacityPeak, priceCurve, todayCost, windowCost } from "../../app/src/views/cost-model";
import beFlanders from "../../examples/tariffs/be-flanders.json" with { type: "json" };
import { interval, tempDir } from "../../modules/sharing/test/support/fixtures";
import { type Harness, startHarness } from "../../modules/sharing/test/support/harness";

const TZ = "Europe/Brussels";
// Tuesday 2026-06-16, 08:00-09:00 local (UTC+2): day window of the tariff (07:00-22:00, 0.1450 EUR/kWh)
const START = Date.parse("2026-06-16T06:00:00Z");
const WH = [100, 200, 1000, 300];
const day = periodContaining("day", START, TZ);
const month = periodContaining("month", START, TZ);
const iso = (t: number) => new Date(t).toISOString();

let edge: Harness;
const tmp = tempDir();
beforeAll(async () => {
  // day-ahead prices for the price curve, two hourly slots, the second negative (EUR/MWh); the Flanders
  // tariff's rates are time-of-use and fixed, so its costs do not use them
  const prices = join(tmp.dir, "be.csv");
  writeFileSync(
    prices,
    "# currency=EUR unit=MWh resolution=PT60M\n2026-06-16T06:00Z,80.00\n2026-06-16T07:00Z,-12.50\n",
  );
  edge = await startHarness({
    households: {
      "hh-be": { timeZone: TZ, tariff: { ...beFlanders, prices: { format: "csv", file: prices } } },
    },
    meters: { p1: { householdId: "hh-be" } },
  });
  for (let q = 0; q < 4; q++)
    await edge.host.deliver("intervals", interval("p1", START + q * 900_000, 15, WH[q]));
});
afterAll(async () => {
  await edge?.dispose();
  tmp.cleanup();
});

describe("the app's costs are the API's", () => {
  it("day bars, the day total, today's cost and the month's capacity peak", async () => {
    const api = createApi(edge.base, () => edge.token);
    const q = { from: iso(day.start), to: iso(day.end) };
    const [quarters, days, months] = await Promise.all([
      getCosts(api, "p1", { ...q, resolution: "interval" }),
      getCosts(api, "p1", { ...q, resolution: "P1D" }),
      getCosts(api, "p1", { from: iso(month.start), to: iso(month.end), resolution: "P1M" }),
    ]);
    // Day view: quarter-hour bars. The 1 kWh quarter: energy 0.1450 + grid 0.0550 + excise 0.0503 +
    // contribution 0.0020 = 0.2523, VAT 6 % = 0.015138: 0.267438 EUR
    const starts = bucketStarts(day, "PT15M");
    const bars = bucketCosts(starts, day.end, quarters!);
    const i = starts.indexOf(START + 2 * 900_000);
    expect(bars[i]).toMatchObject({
      energy: 145_000,
      grid: 55_000,
      taxes: 52_300,
      vat: 15_138,
      total: 267_438,
    });
    // Week view: the four quarters in one hour bar: 1.6 kWh x 0.1450 = 0.232000 energy
    const hours = bucketCosts(bucketStarts(day, "PT1H"), day.end, quarters!);
    expect(hours.filter(Boolean).map((h) => h!.energy)).toEqual([232_000]);
    // The day's energy parts are the bars' sums, as the API's day says; the day adds the fee share
    const shown = windowCost(bars, 0, bars.length)!;
    const today = todayCost(days!)!;
    expect([shown.energy, shown.grid, shown.taxes]).toEqual([today.energy, today.grid, today.taxes]);
    // each fee's k-th of 30 June shares is floor(fee x k / 30) - floor(fee x (k-1) / 30) (tariffs' share):
    // 5.00 EUR on the 16th: 2.666666 - 2.500000 = 0.166666; 1.40 EUR: 0.746666 - 0.700000 = 0.046666
    expect(today.fixedFees).toBe(166_666 + 46_666);
    expect(today.total - shown.total).toBe(today.fixedFees + today.vat - shown.vat);
    // Month's peak: 1 kWh in a quarter hour = 4 kW (above the 2.5 kW floor); charge 40.4 x 4 / 12 EUR
    expect(capacityPeak(months!)).toEqual({
      month: "2026-06",
      peakW: 4000,
      peakAt: iso(START + 2 * 900_000),
      countedW: 4000,
      charge: 13_466_667,
    });
  });

  it("the price curve of today and tomorrow from the prices resource", async () => {
    const api = createApi(edge.base, () => edge.token);
    const tomorrowEnd = periodContaining("day", day.end, TZ).end;
    const page = await getPrices(api, "p1", { from: iso(day.start), to: iso(tomorrowEnd) });
    const curve = priceCurve(page!, START + 3_600_000 + 60_000);
    // 80.00 and -12.50 EUR/MWh = 0.080000 and -0.012500 EUR/kWh; "now" is in the second hour
    expect(curve.prices).toEqual([80_000, -12_500]);
    expect(curve.now).toBe(-12_500);
    expect(curve.min?.at).toBe(START + 3_600_000);
  });
});
