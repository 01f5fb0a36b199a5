import type { CostPage } from "@omdp/tariffs";
import { describe, expect, it } from "vitest";
import { periodContaining } from "../src/lib/period";
import { type HistorySeries, seriesCsv } from "../src/lib/series";
import {
  breakdownText,
  bucketCosts,
  capacityPeak,
  costResolution,
  formatMoney,
  formatPrice,
  parseMicros,
  priceCurve,
  todayCost,
  windowCost,
} from "../src/views/cost-model";

const zero = {
  exportWh: 0,
  grid: "0.000000",
  taxes: "0.000000",
  fixedFees: "0.000000",
  capacity: "0.000000",
  exportCompensation: "0.000000",
};
/** A quarter hour's cost item: energy e, VAT v, total e + v (hand-written, as the API answers). */
function item(start: string, end: string, energy: string, vat: string, total: string) {
  return { start, end, importWh: 100, energy, vat, total, ...zero };
}
const page = (items: CostPage["items"]): CostPage => ({
  tariffId: "t",
  currency: "EUR",
  timeZone: "Europe/Vienna",
  resolution: "interval",
  items,
});

describe("cost view model", () => {
  it("reads six-place amounts as exact micro-units and shows cents", () => {
    expect(parseMicros("0.547462")).toBe(547_462);
    expect(parseMicros("-0.000060")).toBe(-60);
    expect(parseMicros("12.000001")).toBe(12_000_001);
    expect(parseMicros("1.5")).toBeNaN();
    expect(formatMoney(547_462, "EUR")).toBe("0.55 EUR");
    expect(formatMoney(-5_000, "EUR")).toBe("-0.01 EUR"); // half away from zero
    expect(formatMoney(13_466_667, "EUR")).toBe("13.47 EUR");
    expect(formatMoney(null, "EUR")).toBe("–");
  });

  it("sums quarter-hour costs into hour bars and the shown window", () => {
    const H = Date.parse("2026-06-15T10:00:00Z");
    const starts = [H, H + 3_600_000];
    const p = page([
      item("2026-06-15T10:00:00.000Z", "2026-06-15T10:15:00.000Z", "0.010000", "0.002000", "0.012000"),
      item("2026-06-15T10:45:00.000Z", "2026-06-15T11:00:00.000Z", "0.030000", "0.006000", "0.036000"),
      item("2026-06-15T11:15:00.000Z", "2026-06-15T11:30:00.000Z", "0.000001", "0.000000", "0.000001"),
      // after the period's end: not shown
      item("2026-06-15T12:00:00.000Z", "2026-06-15T12:15:00.000Z", "9.000000", "0.000000", "9.000000"),
    ]);
    const bars = bucketCosts(starts, H + 7_200_000, p);
    // 0.012 + 0.036 = 0.048 in the first hour; 0.000001 in the second
    expect(bars.map((b) => b?.total)).toEqual([48_000, 1]);
    expect(bars[0]).toMatchObject({ energy: 40_000, vat: 8_000 });
    expect(windowCost(bars, 0, 2)?.total).toBe(48_001);
    expect(windowCost(bars, 1, 1)).toBeNull();
    expect(breakdownText(bars[0]!, "EUR")).toBe("energy 0.04 EUR · VAT 0.01 EUR");
  });

  it("asks quarter hours for day and week bars, local days for month and year", () => {
    expect(["PT15M", "PT1H", "P1D"].map((r) => costResolution(r as "PT15M"))).toEqual([
      "interval",
      "interval",
      "P1D",
    ]);
  });

  it("reads today's cost and the month's Belgian capacity peak", () => {
    const day = page([
      item("2026-06-14T22:00:00.000Z", "2026-06-15T22:00:00.000Z", "1.000000", "0.200000", "1.200000"),
    ]);
    expect(todayCost(day)?.total).toBe(1_200_000);
    expect(todayCost(page([]))).toBeNull();
    const month = page([
      {
        ...item("2026-05-31T22:00:00.000Z", "2026-06-30T22:00:00.000Z", "1.000000", "0.000000", "14.466667"),
        capacity: "13.466667",
        capacityDetail: {
          rule: "be",
          month: "2026-06",
          peakW: 4000,
          peakAt: "2026-06-16T06:30:00.000Z",
          countedW: 4000,
          rollingMeanW: 4000,
          monthsInMean: 1,
          charge: "13.466667",
        },
      },
    ]);
    expect(capacityPeak(month)).toEqual({
      month: "2026-06",
      peakW: 4000,
      peakAt: "2026-06-16T06:30:00.000Z",
      countedW: 4000,
      charge: 13_466_667,
    });
    expect(capacityPeak(day)).toBeNull();
  });

  it("puts each bar's cost and breakdown into the CSV", () => {
    const period = periodContaining("day", Date.parse("2026-06-15T10:00:00Z"), "Europe/Vienna");
    const s: HistorySeries = {
      period,
      resolution: "PT1H",
      starts: [period.start, period.start + 3_600_000],
      importWh: [100, null],
      exportWh: [0, null],
      prevImportWh: [null, null],
      prevExportWh: [null, null],
      records: [],
    };
    const c = {
      energy: 40_000,
      grid: 0,
      taxes: 0,
      fixedFees: 0,
      capacity: 0,
      vat: 8_000,
      exportCompensation: -60,
      total: 48_060,
    };
    const csv = seriesCsv(s, period.start, period.start + 7_200_000, "m1", {
      currency: "EUR",
      perBucket: [c, null],
    });
    const [head, first, second] = csv.split("\r\n");
    expect(head!.split(",").slice(7)).toEqual([
      "cost_energy_EUR",
      "cost_grid_EUR",
      "cost_taxes_EUR",
      "cost_fixed_fees_EUR",
      "cost_capacity_EUR",
      "cost_vat_EUR",
      "cost_export_compensation_EUR",
      "cost_total_EUR",
    ]);
    expect(first!.split(",").slice(7)).toEqual([
      "0.040000",
      "0.000000",
      "0.000000",
      "0.000000",
      "0.000000",
      "0.008000",
      "-0.000060",
      "0.048060",
    ]);
    expect(second!.split(",").slice(7)).toEqual(Array(8).fill(""));
  });

  it("draws the price curve: steps, the current, cheapest and dearest slot", () => {
    const slot = (start: string, end: string, price: string) => ({ start, end, price });
    const curve = priceCurve(
      {
        meterId: "m1",
        tariffId: "t",
        currency: "EUR",
        timeZone: "Europe/Vienna",
        items: [
          slot("2026-06-15T10:00:00.000Z", "2026-06-15T11:00:00.000Z", "0.091030"),
          slot("2026-06-15T11:00:00.000Z", "2026-06-15T12:00:00.000Z", "-0.004500"),
          slot("2026-06-15T12:00:00.000Z", "2026-06-15T13:00:00.000Z", "0.120000"),
        ],
      },
      Date.parse("2026-06-15T11:30:00Z"),
    );
    expect(curve.prices).toEqual([91_030, -4_500, 120_000]);
    expect(curve.end).toBe(Date.parse("2026-06-15T13:00:00Z"));
    expect(curve.now).toBe(-4_500);
    expect(curve.min).toEqual({ at: Date.parse("2026-06-15T11:00:00Z"), price: -4_500 });
    expect(curve.max?.price).toBe(120_000);
    expect(formatPrice(91_030, "EUR")).toBe("9.10 ct/kWh");
    expect(formatPrice(-4_500, "EUR")).toBe("-0.45 ct/kWh");
    expect(formatPrice(1_234_500, "NOK")).toBe("1.2345 NOK/kWh");
  });
});
