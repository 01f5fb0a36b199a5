import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeCosts } from "../src/cost";
import { parseEntsoeXml } from "../src/entsoe";
import { priceSeries } from "../src/prices";
import { series, tariff, unwrap } from "./support/tariffs";

const H = 3_600_000;
const Q = 900_000;
const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), "utf8");

describe("fixed prices: every component by hand", () => {
  const t = tariff({
    id: "fixed",
    currency: "EUR",
    timeZone: "Europe/Brussels",
    import: {
      energy: { kind: "fixed", price: "0.30" },
      grid: { kind: "fixed", price: "0.05" },
      taxes: [{ name: "excise", rate: { kind: "fixed", price: "0.02" } }],
    },
    export: { compensation: { kind: "fixed", price: "0.05" } },
    vat: { rate: "0.21" },
  });

  it("prices import and export separately, never netted", () => {
    const r = unwrap(
      computeCosts(t, [
        {
          meterId: "m",
          start: Date.parse("2026-05-04T10:00:00Z"),
          end: Date.parse("2026-05-04T10:15:00Z"),
          importWh: 1234,
          exportWh: 100,
        },
      ]),
    );
    // energy 1234 Wh × 0.30 = 0.3702 EUR; grid × 0.05 = 0.0617; tax × 0.02 = 0.02468
    // VAT 21 % of 0.45658 = 0.0958818 → 0.095882; export 100 Wh × 0.05 = 0.005 (credited, not netted)
    // total 0.45658 + 0.095882 - 0.005 = 0.547462
    expect(r.intervals[0]).toMatchObject({
      energy: 370_200,
      grid: 61_700,
      taxes: 24_680,
      vat: 95_882,
      exportCompensation: 5_000,
      total: 547_462,
      fixedFees: 0,
      capacity: 0,
    });
  });

  it("prices fractional Wh exactly to the mWh", () => {
    const t0 = Date.parse("2026-01-01T00:00:00Z");
    // 0.5 Wh × 0.30 EUR/kWh = 150 µEUR; 1234.567 Wh × 0.30 = 370,370.1 µ → 370,370
    const r = unwrap(
      computeCosts(t, [
        { meterId: "m", start: t0, end: t0 + Q, importWh: 0.5, exportWh: 0 },
        { meterId: "m", start: t0 + Q, end: t0 + 2 * Q, importWh: 1234.567, exportWh: 0 },
      ]),
    );
    expect(r.intervals.map((c) => c.energy)).toEqual([150, 370_370]);
  });

  it("rounds each component once per interval, half to even", () => {
    const t2 = tariff({
      id: "r",
      currency: "EUR",
      timeZone: "UTC",
      import: { energy: { kind: "fixed", price: "0.0005" } },
    });
    // 1 Wh × 500 µ/kWh = 0.5 µ → 0; 3 Wh → 1.5 µ → 2; 5 Wh → 2.5 µ → 2
    const iv = (wh: number, i: number) => ({
      meterId: "m",
      start: Date.UTC(2026, 0, 1, 0, 15 * i),
      end: Date.UTC(2026, 0, 1, 0, 15 * i + 15),
      importWh: wh,
      exportWh: 0,
    });
    const r = unwrap(computeCosts(t2, [iv(1, 0), iv(3, 1), iv(5, 2)]));
    expect(r.intervals.map((c) => c.energy)).toEqual([0, 2, 2]);
  });

  it("refuses intervals it cannot price, with the field", () => {
    const bad = [
      {
        meterId: "m",
        start: Date.parse("2026-01-01T00:15:00Z"),
        end: Date.parse("2026-01-01T00:00:00Z"),
        importWh: 1,
        exportWh: 0,
      },
      {
        meterId: "m",
        start: Date.parse("2026-01-01T00:00:00Z"),
        end: Date.parse("2026-01-01T00:15:00Z"),
        importWh: Number.NaN,
        exportWh: 0,
      },
      {
        meterId: "m",
        start: Date.parse("2026-01-01T00:00:00Z"),
        end: Date.parse("2026-01-01T00:15:00Z"),
        importWh: 1,
        exportWh: -2,
      },
    ];
    const fields = ["intervals[0]", "intervals[0].importWh", "intervals[0].exportWh"];
    bad.forEach((iv, i) => {
      const r = computeCosts(t, [iv]);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe("BAD_INTERVAL");
        expect(r.error.field).toBe(fields[i]);
      }
    });
  });
});

describe("time of use: weekday, holiday, season, and an interval across a window edge", () => {
  const t = tariff({
    id: "tou",
    currency: "EUR",
    timeZone: "Europe/Brussels",
    holidays: ["2026-04-06"], // Easter Monday
    import: {
      energy: {
        kind: "tou",
        windows: [
          {
            name: "summer peak",
            days: [1, 2, 3, 4, 5],
            months: [7, 8],
            from: "12:00",
            to: "14:00",
            price: "0.50",
          },
          { name: "day", days: [1, 2, 3, 4, 5], from: "07:00", to: "22:00", price: "0.35" },
        ],
        otherwise: "0.25",
      },
    },
  });
  const one = (startIso: string, minutes: number, wh: number) => {
    const s = Date.parse(startIso);
    return {
      meterId: "m",
      start: s,
      end: s + minutes * 60_000,
      importWh: wh,
      exportWh: 0,
    };
  };
  // local times are CEST (+02:00) in April and July
  const cases: [string, string, number, number, number][] = [
    ["Monday 06:45, before the day window", "2026-04-13T04:45:00Z", 15, 1000, 250_000],
    ["Monday 07:00, in it", "2026-04-13T05:00:00Z", 15, 1000, 350_000],
    ["Monday 21:45, still in it", "2026-04-13T19:45:00Z", 15, 1000, 350_000],
    ["Monday 22:00, after it", "2026-04-13T20:00:00Z", 15, 1000, 250_000],
    ["Easter Monday noon: a holiday counts as Sunday", "2026-04-06T10:00:00Z", 15, 1000, 250_000],
    ["Saturday noon", "2026-04-11T10:00:00Z", 15, 1000, 250_000],
    ["a July weekday at 12:00: the season's window first", "2026-07-15T10:00:00Z", 15, 1000, 500_000],
    ["an April weekday at 12:00: not in the season", "2026-04-15T10:00:00Z", 15, 1000, 350_000],
    // 06:30-07:30 local: 30 min at 0.25 and 30 min at 0.35 of 1 kWh spread evenly = 0.30 EUR
    ["an hour across 07:00", "2026-04-13T04:30:00Z", 60, 1000, 300_000],
  ];
  it.each(cases)("%s", (_name, start, minutes, wh, energy) => {
    const r = unwrap(computeCosts(t, [one(start, minutes, wh)]));
    expect(r.intervals[0]!.energy).toBe(energy);
  });
});

describe("DST days in Europe/Brussels with day-ahead prices from the ENTSO-E fixtures", () => {
  const t = tariff({
    id: "dyn",
    currency: "EUR",
    timeZone: "Europe/Brussels",
    import: { energy: { kind: "dynamic" } },
  });

  it("prices the 23-hour day of 2026-03-29", () => {
    const prices = unwrap(parseEntsoeXml(fixture("entsoe-be-2026-03-29-pt60m.xml")));
    // 92 quarter hours of 250 Wh from local midnight (2026-03-28T23:00Z)
    const ivs = series("m", "2026-03-28T23:00:00Z", Q, 92, () => ({ importWh: 250 }));
    const r = unwrap(computeCosts(t, ivs, { prices }));
    expect(r.days).toHaveLength(1);
    const day = r.days[0]!;
    expect(day.period).toBe("2026-03-29");
    expect([day.start, day.end]).toEqual(["2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z"]);
    expect(day.importWh).toBe(23_000);
    // 1 kWh an hour at the 23 typed prices: (80+75+70+65+60+70+90+110+100+60+20-5-10-5+15+50+90+130
    // +150+140+120+100+90) = 1665 EUR/MWh·h → 1.665 EUR
    expect(day.energy).toBe(1_665_000);
  });

  it("prices the 25-hour day of 2026-10-25 at 15-minute prices", () => {
    const prices = unwrap(parseEntsoeXml(fixture("entsoe-be-2026-10-25-pt15m-a03.xml")));
    const ivs = series("m", "2026-10-24T22:00:00Z", Q, 100, () => ({ importWh: 250 }));
    const r = unwrap(computeCosts(t, ivs, { prices }));
    const day = r.days[0]!;
    expect(r.days).toHaveLength(1);
    expect([day.start, day.end]).toEqual(["2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z"]);
    expect(day.importWh).toBe(25_000);
    // 0.25 kWh a quarter: 0.25 × (4×100 + 4×90.5 + 32×80.25 + 8×(-12.34) + 8×0 + 40×60 + 4×120) / 1000
    // = 0.25 × 6111.28 / 1000 = 1.52782 EUR exactly, but each quarter is rounded to µEUR: a quarter at
    // 80.25 is 250 Wh × 80,250 µ/kWh = 20,062.5 µ → 20,062 (half to even), 32 of them: -16 µ
    expect(day.energy).toBe(1_527_820 - 16);
  });

  it("says which quarter hour has no price", () => {
    const prices = unwrap(parseEntsoeXml(fixture("entsoe-be-2026-03-29-pt60m.xml")));
    const ivs = series("m", "2026-03-29T21:45:00Z", Q, 2, () => ({ importWh: 250 }));
    const r = computeCosts(t, ivs, { prices });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("NO_PRICE");
      expect(r.error.at).toBe("2026-03-29T22:00:00.000Z");
    }
  });

  it("refuses prices in another currency", () => {
    const prices = unwrap(priceSeries("NOK", [{ start: 0, end: H, price: 1 }]));
    const r = computeCosts(
      t,
      series("m", "1970-01-01T00:00:00Z", Q, 1, () => ({ importWh: 1 })),
      { prices },
    );
    expect(!r.ok && r.error.code).toBe("CURRENCY_MISMATCH");
  });
});

describe("time of use on the DST days (Europe/Brussels)", () => {
  const t = tariff({
    id: "night",
    currency: "EUR",
    timeZone: "Europe/Brussels",
    import: {
      energy: {
        kind: "tou",
        windows: [{ name: "night", from: "23:00", to: "07:00", price: "0.10" }],
        otherwise: "0.20",
      },
    },
  });
  it("the 23-hour day has one night hour less", () => {
    // 1 kWh every hour from local midnight: night = 00, 01, 03, 04, 05, 06 (02:00 never happens) and
    // 23 → 7 h × 0.10 + 16 h × 0.20 = 3.90 EUR
    const r = unwrap(
      computeCosts(
        t,
        series("m", "2026-03-28T23:00:00Z", H, 23, () => ({ importWh: 1000 })),
      ),
    );
    expect(r.days.map((d) => [d.period, d.energy])).toEqual([["2026-03-29", 3_900_000]]);
  });
  it("the 25-hour day has one night hour more", () => {
    // night = 00, 01, 02, 02 again, 03, 04, 05, 06 and 23 → 9 h × 0.10 + 16 h × 0.20 = 4.10 EUR
    const r = unwrap(
      computeCosts(
        t,
        series("m", "2026-10-24T22:00:00Z", H, 25, () => ({ importWh: 1000 })),
      ),
    );
    expect(r.days.map((d) => [d.period, d.energy])).toEqual([["2026-10-25", 4_100_000]]);
  });
});

describe("a month with a negative-price hour (June 2026, Vienna)", () => {
  const t = tariff({
    id: "at-dyn",
    currency: "EUR",
    timeZone: "Europe/Vienna",
    import: { energy: { kind: "dynamic", markup: "0.01" } },
    export: { compensation: { kind: "dynamic" } },
    vat: { rate: "0.20" },
    fixedFees: [{ name: "supplier", perMonth: "3.00" }],
  });
  // 100 EUR/MWh every hour of June (local), except 2026-06-14 13:00-14:00 local (11:00Z): -50 EUR/MWh
  const t0 = Date.parse("2026-05-31T22:00:00Z");
  const negative = Date.parse("2026-06-14T11:00:00Z");
  const slots = Array.from({ length: 720 }, (_, i) => {
    const s = t0 + i * H;
    return { start: s, end: s + H, price: s === negative ? -50_000 : 100_000 };
  });
  const prices = unwrap(priceSeries("EUR", slots));
  // 500 Wh imported every hour; 2000 Wh exported in the negative hour only
  const ivs = series("m", "2026-05-31T22:00:00Z", H, 720, (_i, s) => ({
    importWh: 500,
    exportWh: s === negative ? 2000 : 0,
  }));

  it("adds up by hand", () => {
    const r = unwrap(computeCosts(t, ivs, { prices }));
    expect(r.days).toHaveLength(30);
    expect(r.months).toHaveLength(1);
    const m = r.months[0]!;
    expect(m.period).toBe("2026-06");
    // energy: 719 h × 0.5 kWh × (0.100 + 0.01) + 0.5 kWh × (-0.050 + 0.01) = 39.545 - 0.02 = 39.525 EUR
    expect(m.energy).toBe(39_525_000);
    // export at -0.05 EUR/kWh: 2 kWh cost the household 0.10 EUR (compensation -0.10)
    expect(m.exportCompensation).toBe(-100_000);
    // the fee: 3.00 EUR = 30 days × 0.10
    expect(m.fixedFees).toBe(3_000_000);
    expect(r.days[0]!.fixedFees).toBe(100_000);
    // VAT 20 %: 719 × 0.011 + (-0.004) on the energy, 30 × 0.02 on the fee shares = 7.905 + 0.6 = 8.505
    expect(m.vat).toBe(8_505_000);
    // total: 39.525 + 3.00 + 8.505 - (-0.10) = 51.13 EUR
    expect(m.total).toBe(51_130_000);
    // the negative hour itself
    const neg = r.intervals.find((c) => c.start === "2026-06-14T11:00:00.000Z")!;
    expect(neg).toMatchObject({
      energy: -20_000,
      vat: -4_000,
      exportCompensation: -100_000,
      total: -24_000 + 100_000,
    });
  });
});
