/**
 * GET /api/households/{id}/costs at the edge: several meters of one household priced as one. Amounts
 * hand-computed from examples/tariffs/fixed.json (energy 0.1990, grid 0.0850, levy 0.015 EUR/kWh, VAT
 * 20 %, base fee 3.50 EUR a month) and be-flanders.json (40.4 EUR/kW-year, floor 2.5 kW, VAT 6 %).
 */
import { HouseholdCostPage } from "@omdp/tariffs";
import { afterEach, describe, expect, it } from "vitest";
import beFlanders from "../../../examples/tariffs/be-flanders.json" with { type: "json" };
import fixed from "../../../examples/tariffs/fixed.json" with { type: "json" };
import { interval } from "./support/fixtures";
import { type Harness, startHarness } from "./support/harness";

const START = Date.parse("2026-06-15T10:00:00Z"); // 12:00 in Vienna and Brussels (UTC+2)
const DAY = { from: "2026-06-14T22:00:00Z", to: "2026-06-15T22:00:00Z" };

let h: Harness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

async function householdCosts(harness: Harness, id: string, q: Record<string, string>) {
  const res = await fetch(`${harness.base}/api/households/${id}/costs?${new URLSearchParams(q)}`, {
    headers: harness.auth,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("edge household costs", () => {
  it("sums the household's meters with the monthly fee once", async () => {
    h = await startHarness({
      households: { "hh-1": { timeZone: "Europe/Vienna", tariff: fixed }, "hh-2": {} },
      meters: { m1: { householdId: "hh-1" }, m2: { householdId: "hh-1" }, x: { householdId: "hh-2" } },
    });
    for (let q = 0; q < 4; q++) {
      await h.host.deliver("intervals", interval("m1", START + q * 900_000, 15, 250));
      await h.host.deliver("intervals", interval("m2", START + q * 900_000, 15, 100));
      await h.host.deliver("intervals", interval("x", START + q * 900_000, 15, 999));
    }
    const r = await householdCosts(h, "hh-1", { ...DAY, resolution: "P1D" });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const page = HouseholdCostPage.strict().parse(r.body);
    expect(page).toMatchObject({ householdId: "hh-1", meters: ["m1", "m2"], tariffId: "at-fixed" });
    // 4 x 250 + 4 x 100 = 1,400 Wh: energy 0.1990 x 1.4 = 0.278600, grid 0.0850 x 1.4 = 0.119000, levy
    // 0.015 x 1.4 = 0.021000; the base fee's share of 15 June once: 1.750000 - 1.633333 = 0.116667;
    // VAT 20 % of 0.418600 = 0.083720 plus 20 % of 0.116667 = 0.023333: 0.107053;
    // total 0.418600 + 0.116667 + 0.107053 = 0.642320 (one meter alone: 0.498800, the meter resource's test)
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ period: "2026-06-15", importWh: 1400, energy: "0.278600" });
    expect(page.items[0]).toMatchObject({ grid: "0.119000", taxes: "0.021000", fixedFees: "0.116667" });
    expect(page.items[0]).toMatchObject({ vat: "0.107053", total: "0.642320" });
    // the meters query picks the main meter only: m1's day as the meter resource answers it
    const one = await householdCosts(h, "hh-1", { ...DAY, resolution: "P1D", meters: "m1" });
    expect(HouseholdCostPage.parse(one.body).items[0]).toMatchObject({ importWh: 1000, total: "0.498800" });
    // a meter of another household is refused, naming the parameter
    const bad = await householdCosts(h, "hh-1", { ...DAY, meters: "m1,x" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("meters");
    // a household without a tariff: 404
    expect((await householdCosts(h, "hh-2", DAY)).status).toBe(404);
  });

  it("leaves a sub-meter out by default: the main meter's answer alone", async () => {
    h = await startHarness({
      households: { "hh-1": { timeZone: "Europe/Vienna", tariff: fixed } },
      meters: { m1: { householdId: "hh-1" }, sub: { householdId: "hh-1", role: "sub" } },
    });
    for (let q = 0; q < 4; q++) {
      await h.host.deliver("intervals", interval("m1", START + q * 900_000, 15, 250));
      await h.host.deliver("intervals", interval("sub", START + q * 900_000, 15, 100));
    }
    const r = await householdCosts(h, "hh-1", { ...DAY, resolution: "P1D" });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const page = HouseholdCostPage.strict().parse(r.body);
    // m1 alone: 4 x 250 = 1,000 Wh, total 0.498800 (hand-computed in the test above and the meter
    // resource's test); the sub-meter's 400 Wh are already in m1's 1,000
    expect(page.meters).toEqual(["m1"]);
    expect(page.items[0]).toMatchObject({ importWh: 1000, total: "0.498800" });
    // the sub-meter alone may be asked for: its 400 Wh
    const alone = await householdCosts(h, "hh-1", { ...DAY, resolution: "P1D", meters: "sub" });
    expect(HouseholdCostPage.parse(alone.body).items[0]).toMatchObject({ importWh: 400 });
    // with its main meter it would count twice: refused naming the sub-meter
    const both = await householdCosts(h, "hh-1", { ...DAY, meters: "m1,sub" });
    expect(both.status).toBe(400);
    expect(JSON.stringify(both.body)).toContain("sub");
    expect(JSON.stringify(both.body)).toContain("meters");
  });

  it("takes the Belgian capacity peak on the meters' summed import", async () => {
    h = await startHarness({
      households: { "hh-be": { timeZone: "Europe/Brussels", tariff: beFlanders } },
      meters: { a: { householdId: "hh-be" }, b: { householdId: "hh-be" } },
    });
    // the same quarter: a 1,000 Wh (4 kW alone) and b 500 Wh (2 kW alone): 1,500 Wh together = 6 kW
    await h.host.deliver("intervals", interval("a", "2026-06-16T06:30:00Z", 15, 1000));
    await h.host.deliver("intervals", interval("b", "2026-06-16T06:30:00Z", 15, 500));
    // b's larger quarter later, alone: 750 Wh = 3 kW, below the joint 6 kW
    await h.host.deliver("intervals", interval("b", "2026-06-17T06:30:00Z", 15, 750));
    const r = await householdCosts(h, "hh-be", {
      from: "2026-05-31T22:00:00Z",
      to: "2026-06-30T22:00:00Z",
      resolution: "P1M",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const [june] = HouseholdCostPage.parse(r.body).items;
    // one month in the mean: 6 kW; 40.4 EUR/kW/year x 6 kW / 12 = 20.200000 EUR (VAT apart)
    expect(june!.capacityDetail).toMatchObject({ peakW: 6000, countedW: 6000, monthsInMean: 1 });
    expect(june!.capacity).toBe("20.200000");
  });
});
