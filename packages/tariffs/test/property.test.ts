import { localDate } from "@omdp/model/time";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeCosts } from "../src/cost";
import type { PricedInterval } from "../src/interval";
import { applyPpm } from "../src/money";
import { priceSeries } from "../src/prices";
import { tariff, unwrap } from "./support/tariffs";

const Q = 900_000;
const ZONE = "Europe/Brussels";
// 2026-03-27 00:00 local to 2026-04-02 00:00 local: spans the spring-forward day and a month edge
const FROM = Date.parse("2026-03-26T23:00:00Z");
const QUARTERS = 6 * 96 - 4;

const t = tariff({
  id: "p",
  currency: "EUR",
  timeZone: ZONE,
  import: {
    energy: {
      kind: "tou",
      windows: [{ days: [1, 2, 3, 4, 5], from: "07:00", to: "22:00", price: "0.3333" }],
      otherwise: "0.2111",
    },
    grid: { kind: "dynamic", multiplier: "0.5", markup: "0.0123" },
    taxes: [{ name: "a", rate: { kind: "fixed", price: "0.0503" } }],
  },
  export: { compensation: { kind: "dynamic", markup: "-0.01" } },
  vat: { rate: "0.06" },
  fixedFees: [{ name: "f", perMonth: "7.77" }],
  capacity: { rule: "be", pricePerKwYear: "40.4" },
});

const KEYS = ["importWh", "exportWh", "energy", "grid", "taxes", "exportCompensation"] as const;

describe("a period's cost is the sum of its parts (fast-check)", () => {
  it("days = their intervals (+ fee share), months = their days (+ capacity), totals add up", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -200_000, max: 400_000 }), { minLength: 144, maxLength: 144 }),
        fc.uniqueArray(fc.integer({ min: 0, max: QUARTERS - 1 }), { maxLength: 120 }),
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), fc.boolean()),
          {
            minLength: 120,
            maxLength: 120,
          },
        ),
        (hourPrices, quarters, energies) => {
          const slots = hourPrices.map((p, i) => ({
            start: FROM + i * 4 * Q,
            end: FROM + (i + 1) * 4 * Q,
            price: p,
          }));
          const prices = unwrap(priceSeries("EUR", slots));
          const ivs: PricedInterval[] = quarters.map((q, i) => {
            const [imp, exp, meterB] = energies[i]!;
            return {
              meterId: meterB ? "B" : "A",
              start: FROM + q * Q,
              end: FROM + (q + 1) * Q,
              importWh: imp,
              exportWh: exp,
            };
          });
          const r = unwrap(computeCosts(t, ivs, { prices, range: { from: "2026-03-27", to: "2026-04-01" } }));
          expect(r.days).toHaveLength(6);
          for (const c of [...r.intervals, ...r.days, ...r.months]) {
            expect(c.total).toBe(
              c.energy + c.grid + c.taxes + c.fixedFees + c.capacity + c.vat - c.exportCompensation,
            );
          }
          for (const day of r.days) {
            // the local date of each interval, through Intl (not the package's own clock)
            const mine = r.intervals.filter((c) => localDate(Date.parse(c.start), ZONE) === day.period);
            for (const k of KEYS) expect(day[k]).toBe(mine.reduce((s, c) => s + c[k], 0));
            const ivVat = mine.reduce((s, c) => s + c.vat, 0);
            expect(day.vat).toBe(ivVat + applyPpm(day.fixedFees, 60_000));
            expect(day.capacity).toBe(0);
          }
          for (const month of r.months) {
            const mine = r.days.filter((d) => d.period.startsWith(month.period));
            for (const k of [...KEYS, "fixedFees"] as const)
              expect(month[k]).toBe(mine.reduce((s, d) => s + d[k], 0));
            expect(month.vat).toBe(mine.reduce((s, d) => s + d.vat, 0) + applyPpm(month.capacity, 60_000));
          }
          // the fee: 5 of 31 March days and 1 of 30 April days, each split exactly
          expect(r.months.map((m) => m.period)).toEqual(["2026-03", "2026-04"]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("a month's fee is split over its days exactly", () => {
    const ivs: PricedInterval[] = [];
    const r = unwrap(computeCosts(t, ivs, { range: { from: "2026-02-01", to: "2026-02-28" } }));
    // 7.77 EUR over 28 days: the shares add up to 7,770,000 µ exactly
    expect(r.months[0]!.fixedFees).toBe(7_770_000);
    expect(new Set(r.days.map((d) => d.fixedFees))).toEqual(new Set([277_500]));
  });
});
