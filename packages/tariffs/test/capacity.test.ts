import { describe, expect, it } from "vitest";
import { computeCosts } from "../src/cost";
import type { PricedInterval } from "../src/interval";
import { series, tariff, unwrap } from "./support/tariffs";

const Q = 900_000;
const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);

describe("Belgian rule: 15-minute monthly peak, 2.5 kW floor, rolling 12-month mean", () => {
  const t = tariff({
    id: "be",
    currency: "EUR",
    timeZone: "Europe/Brussels",
    import: { energy: { kind: "fixed", price: "0" } },
    // 40.4 EUR per kW per year: the 2023 Flemish average Fluvius states (excl. VAT)
    capacity: { rule: "be", pricePerKwYear: "40.4", floorKw: "2.5" },
  });

  it("finds the peak across a meter replaced in the middle of the month", () => {
    // February 2026 (CET, +01:00): old meter A until 2026-02-14 12:07 local, new meter B from then.
    // 100 Wh per quarter (400 W) as base load on whichever meter is in; A: 1500 Wh in the quarter
    // 2026-02-10 18:00 local (6 kW); B: 1000 Wh in 2026-02-20 19:00 (4 kW). The swap quarter
    // (12:00-12:15 on the 14th) is split: A 60 Wh, B 60 Wh, one quarter of the household.
    const start = at("2026-01-31T23:00:00Z");
    const swap = at("2026-02-14T11:00:00Z");
    const end = at("2026-02-28T23:00:00Z");
    const peakA = at("2026-02-10T17:00:00Z");
    const peakB = at("2026-02-20T18:00:00Z");
    const ivs: PricedInterval[] = [];
    for (let s = start; s < end; s += Q) {
      if (s < swap)
        ivs.push({ meterId: "A", start: s, end: s + Q, importWh: s === peakA ? 1500 : 100, exportWh: 0 });
      else if (s === swap) {
        ivs.push({ meterId: "A", start: s, end: s + 7 * 60_000, importWh: 60, exportWh: 0 });
        ivs.push({ meterId: "B", start: s + 7 * 60_000, end: s + Q, importWh: 60, exportWh: 0 });
      } else
        ivs.push({ meterId: "B", start: s, end: s + Q, importWh: s === peakB ? 1000 : 100, exportWh: 0 });
    }
    const r = unwrap(
      computeCosts(t, ivs, {
        capacityHistory: [
          { month: "2026-01", peakW: 2000 }, // below the floor: counts 2500
          { month: "2025-12", peakW: 3000 },
          { month: "2024-12", peakW: 9000 }, // 14 months back: outside the 12
        ],
      }),
    );
    expect(r.months).toHaveLength(1);
    const m = r.months[0]!;
    expect(m.capacityDetail).toMatchObject({
      rule: "be",
      month: "2026-02",
      peakW: 6000, // 1500 Wh × 4 on the old meter
      peakAt: "2026-02-10T17:00:00.000Z",
      countedW: 6000,
      monthsInMean: 3,
    });
    // mean (6000 + 2500 + 3000) / 3 = 3833.33 W; 40.4 EUR × 11.5 kW / 3 / 12 = 12.9055555 → 12.905556
    expect(
      m.capacityDetail && "rollingMeanW" in m.capacityDetail && m.capacityDetail.rollingMeanW,
    ).toBeCloseTo(3833.333, 3);
    expect(m.capacity).toBe(12_905_556);
    // the month is its days plus the capacity charge
    expect(m.total).toBe(r.days.reduce((s, d) => s + d.total, 0) + 12_905_556);
  });

  it("counts a month's peak below the floor as the floor", () => {
    // one day of 300 Wh a quarter = 1.2 kW in March 2026, no history: mean = 2.5 kW
    const ivs = series("m", "2026-03-09T23:00:00Z", Q, 96, () => ({ importWh: 300 }));
    const m = unwrap(computeCosts(t, ivs)).months[0]!;
    expect(m.capacityDetail).toMatchObject({
      peakW: 1200,
      countedW: 2500,
      monthsInMean: 1,
      rollingMeanW: 2500,
    });
    // 40.4 × 2.5 / 12 = 8.416666… → 8.416667
    expect(m.capacity).toBe(8_416_667);
  });

  it("sums 5-minute intervals into their quarter hour, and refuses hourly ones", () => {
    // three 5-minute intervals of 400 Wh = 1200 Wh in one quarter → 4.8 kW
    const five = series("m", "2026-03-10T08:00:00Z", 300_000, 3, () => ({ importWh: 400 }));
    expect(unwrap(computeCosts(t, five)).months[0]!.capacityDetail).toMatchObject({ peakW: 4800 });
    const hourly = series("m", "2026-03-10T08:00:00Z", H, 2, () => ({ importWh: 400 }));
    const r = computeCosts(t, hourly);
    expect(!r.ok && r.error.code).toBe("RESOLUTION_TOO_COARSE");
  });
});

describe("Norwegian rule: three highest hours on three different days, stepped brackets", () => {
  // Elvia's brackets from 1 February 2023 (kr/month): 0-2 kW 110, 2-5 170, 5-10 270, 10-15 370, 15-20 470, 20-25 570
  const t = tariff({
    id: "no",
    currency: "NOK",
    timeZone: "Europe/Oslo",
    import: { energy: { kind: "fixed", price: "0" } },
    capacity: {
      rule: "no",
      brackets: [
        { fromKw: "0", toKw: "2", perMonth: "110" },
        { fromKw: "2", toKw: "5", perMonth: "170" },
        { fromKw: "5", toKw: "10", perMonth: "270" },
        { fromKw: "10", toKw: "15", perMonth: "370" },
        { fromKw: "15", toKw: "20", perMonth: "470" },
        { fromKw: "20", perMonth: "570" },
      ],
    },
  });

  it("takes one hour per day, so two high hours on one day count once", () => {
    // January 2026 in Oslo (CET): 1000 Wh every hour; peaks: 5th 17:00 local 6000 Wh (as four quarters
    // of 1500 Wh) and 18:00 5500 Wh (same day), 9th 4000 Wh, 12th 3500 Wh, 20th 2000 Wh.
    // Top three days: 6000, 4000, 3500 → mean 4500 W → bracket 2-5 kW → 170 kr.
    // (Three highest hours regardless of day would be 6000, 5500, 4000 → 5167 W → 270 kr.)
    const special = new Map([
      [at("2026-01-05T17:00:00Z"), 5500],
      [at("2026-01-09T10:00:00Z"), 4000],
      [at("2026-01-12T07:00:00Z"), 3500],
      [at("2026-01-20T19:00:00Z"), 2000],
    ]);
    const fiveAt17 = at("2026-01-05T16:00:00Z");
    const ivs: PricedInterval[] = [];
    for (let s = at("2025-12-31T23:00:00Z"); s < at("2026-01-31T23:00:00Z"); s += H) {
      if (s === fiveAt17) {
        for (let k = 0; k < 4; k++)
          ivs.push({ meterId: "m", start: s + k * Q, end: s + (k + 1) * Q, importWh: 1500, exportWh: 0 });
      } else ivs.push({ meterId: "m", start: s, end: s + H, importWh: special.get(s) ?? 1000, exportWh: 0 });
    }
    const m = unwrap(computeCosts(t, ivs)).months[0]!;
    expect(m.capacityDetail).toMatchObject({
      rule: "no",
      month: "2026-01",
      levelW: 4500,
      bracket: 1,
      top: [
        { date: "2026-01-05", hourStart: "2026-01-05T16:00:00.000Z", wh: 6000 },
        { date: "2026-01-09", hourStart: "2026-01-09T10:00:00.000Z", wh: 4000 },
        { date: "2026-01-12", hourStart: "2026-01-12T07:00:00.000Z", wh: 3500 },
      ],
    });
    expect(m.capacity).toBe(170_000_000);
  });

  it("puts a level on a bracket edge into the upper bracket", () => {
    // three days with a 5000 Wh hour: mean exactly 5 kW → 5-10 kW
    const ivs = series("m", "2026-02-01T12:00:00Z", 86_400_000, 3, () => ({ importWh: 5000 }));
    const hourly = ivs.map((iv) => ({ ...iv, end: iv.start + H }));
    expect(unwrap(computeCosts(t, hourly)).months[0]!.capacity).toBe(270_000_000);
  });
});
