import { describe, expect, it } from "vitest";
import { CostPage, CostQuery, costPage } from "../src/api";
import { series, tariff, unwrap } from "./support/tariffs";

const t = tariff({
  id: "fixed",
  currency: "EUR",
  timeZone: "Europe/Vienna",
  import: { energy: { kind: "fixed", price: "0.30" } },
  export: { compensation: { kind: "fixed", price: "0.05" } },
  vat: { rate: "0.20" },
  fixedFees: [{ name: "base", perMonth: "3.10" }],
});
// 2026-01-01 and 2026-01-02 in Vienna (CET): 96 quarter hours of 250 Wh each, 10 Wh exported per quarter
const ivs = series("m", "2025-12-31T23:00:00Z", 900_000, 192, () => ({ importWh: 250, exportWh: 10 }));

describe("costPage (the cost resource, for both APIs)", () => {
  it("answers days with decimal amounts, valid against its own schema", () => {
    const q = CostQuery.parse({ from: "2025-12-31T23:00:00Z", to: "2026-01-02T23:00:00Z" });
    const page = unwrap(costPage(t, ivs, q));
    expect(CostPage.safeParse(page).success).toBe(true);
    expect(page.resolution).toBe("P1D");
    expect(page.items).toHaveLength(2);
    // a day: 24 kWh × 0.30 = 7.20; fee 3.10 / 31 days = 0.1 each; VAT 20 % of 7.30 = 1.46;
    // export 0.96 kWh × 0.05 = 0.048; total 7.20 + 0.10 + 1.46 - 0.048 = 8.712
    expect(page.items[0]).toMatchObject({
      period: "2026-01-01",
      start: "2025-12-31T23:00:00.000Z",
      importWh: 24_000,
      energy: "7.200000",
      fixedFees: "0.100000",
      vat: "1.460000",
      exportCompensation: "0.048000",
      total: "8.712000",
    });
  });

  it("answers intervals and months, and only what starts in [from, to)", () => {
    const q = CostQuery.parse({
      from: "2026-01-01T23:00:00Z",
      to: "2026-01-01T23:30:00Z",
      resolution: "interval",
    });
    const page = unwrap(costPage(t, ivs, q));
    // two quarters of 250 Wh: 0.075 EUR energy each
    expect(page.items.map((i) => [i.start, i.energy])).toEqual([
      ["2026-01-01T23:00:00.000Z", "0.075000"],
      ["2026-01-01T23:15:00.000Z", "0.075000"],
    ]);
    const months = unwrap(
      costPage(
        t,
        ivs,
        CostQuery.parse({ from: "2025-12-31T23:00:00Z", to: "2026-01-02T23:00:00Z", resolution: "P1M" }),
      ),
    );
    // the month so far: 2 days' shares of the fee, 48 kWh
    expect(months.items).toMatchObject([
      { period: "2026-01", importWh: 48_000, energy: "14.400000", fixedFees: "0.200000" },
    ]);
  });

  it("refuses an empty range", () => {
    const r = costPage(t, ivs, CostQuery.parse({ from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z" }));
    expect(!r.ok && r.error.field).toBe("to");
  });
});
