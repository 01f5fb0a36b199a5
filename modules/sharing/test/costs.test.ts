/**
 * GET /api/meters/{id}/costs at the edge: the household's tariff from the desired properties, the
 * stored quarter hours priced by @omdp/tariffs, day-ahead prices read from the tariff's prices file.
 * Expected amounts are hand-computed in the comments.
 */
import { writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { CostPage } from "@omdp/tariffs";
import { afterEach, describe, expect, it, onTestFinished } from "vitest";
import beFlanders from "../../../examples/tariffs/be-flanders.json" with { type: "json" };
import fixed from "../../../examples/tariffs/fixed.json" with { type: "json" };
import { interval, tempDir } from "./support/fixtures";
import { type Harness, startHarness } from "./support/harness";

// 2026-06-15 12:00-13:00 in Vienna (UTC+2): four quarter hours of 250 Wh each
const START = Date.parse("2026-06-15T10:00:00Z");
const DAY_FROM = "2026-06-14T22:00:00Z"; // local midnight of 15 June
const DAY_TO = "2026-06-15T22:00:00Z";

let h: Harness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

async function start(tariff: unknown): Promise<Harness> {
  const harness = await startHarness({
    households: { "hh-1": { timeZone: "Europe/Vienna", ...(tariff ? { tariff } : {}) }, "hh-2": {} },
    meters: { m1: { householdId: "hh-1" }, m2: { householdId: "hh-2" } },
  });
  for (let q = 0; q < 4; q++)
    await harness.host.deliver("intervals", interval("m1", START + q * 900_000, 15, 250));
  return harness;
}

async function costs(harness: Harness, meter: string, q: Record<string, string>) {
  const res = await fetch(`${harness.base}/api/meters/${meter}/costs?${new URLSearchParams(q)}`, {
    headers: harness.auth,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("edge costs", () => {
  it("prices each quarter hour and the day under the fixed tariff", async () => {
    h = await start(fixed);
    const per = await costs(h, "m1", { from: DAY_FROM, to: DAY_TO, resolution: "interval" });
    expect(per.status).toBe(200);
    const page = CostPage.strict().parse(per.body);
    expect(page).toMatchObject({ tariffId: "at-fixed", currency: "EUR", timeZone: "Europe/Vienna" });
    // 0.25 kWh: energy 0.1990 x 0.25 = 0.049750, grid 0.0850 x 0.25 = 0.021250, levy 0.015 x 0.25 =
    // 0.003750, VAT 20 % of 0.074750 = 0.014950; total 0.089700
    expect(page.items).toHaveLength(4);
    for (const it of page.items) {
      expect(it).toMatchObject({ importWh: 250, energy: "0.049750", grid: "0.021250", taxes: "0.003750" });
      expect(it).toMatchObject({ vat: "0.014950", total: "0.089700", meterId: "m1" });
    }
    const day = await costs(h, "m1", { from: DAY_FROM, to: DAY_TO, resolution: "P1D" });
    const [d] = CostPage.parse(day.body).items;
    // 1 kWh: 0.199 + 0.085 + 0.015; base fee share of the 15th of 30 June days floor(3.50 x 15 / 30) - floor(3.50 x 14 / 30) = 1.750000 - 1.633333 = 0.116667, VAT 20 % of
    // 0.299 = 0.059800 plus 20 % of 0.116667 = 0.023333; total 0.299 + 0.116667 + 0.083133 = 0.498800
    expect(d).toMatchObject({ period: "2026-06-15", importWh: 1000, energy: "0.199000", grid: "0.085000" });
    expect(d).toMatchObject({ fixedFees: "0.116667", vat: "0.083133", total: "0.498800" });
  });

  it("prices the day-ahead energy from the tariff's prices file", async () => {
    const tmp = tempDir();
    onTestFinished(tmp.cleanup);
    const file = join(tmp.dir, "prices.csv");
    // 100.00 EUR/MWh from 10:00 to 11:00 UTC only
    writeFileSync(file, "# currency=EUR unit=MWh resolution=PT60M\nstart,price\n2026-06-15T10:00Z,100.00\n");
    const tariff = {
      id: "t-dyn",
      currency: "EUR",
      timeZone: "Europe/Vienna",
      import: { energy: { kind: "dynamic", multiplier: "1", markup: "0.015" } },
      prices: { format: "csv", file },
    };
    h = await start(tariff);
    const r = await costs(h, "m1", { from: DAY_FROM, to: DAY_TO, resolution: "interval" });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // (0.100 + 0.015) EUR/kWh x 0.25 kWh = 0.028750 per quarter hour
    expect(CostPage.parse(r.body).items.map((i) => i.total)).toEqual(Array(4).fill("0.028750"));
    // a quarter hour after 11:00 UTC has no price: 422 naming the instant
    await h.host.deliver("intervals", interval("m1", START + 3_600_000, 15, 250));
    const missing = await costs(h, "m1", { from: DAY_FROM, to: DAY_TO, resolution: "P1D" });
    expect(missing.status).toBe(422);
    const pr = await fetch(
      `${h.base}/api/meters/m1/prices?${new URLSearchParams({ from: DAY_FROM, to: DAY_TO })}`,
      {
        headers: h.auth,
      },
    );
    // 100.00 EUR/MWh = 0.100000 EUR/kWh
    expect(((await pr.json()) as { items: unknown[] }).items).toEqual([
      { start: "2026-06-15T10:00:00.000Z", end: "2026-06-15T11:00:00.000Z", price: "0.100000" },
    ]);
    expect(String(missing.body.detail)).toContain("2026-06-15T11:00:00.000Z");
  });

  it("prices from the tariff's prices.url (a loopback server), cached on disk; an unreachable URL without a copy is 503", async () => {
    let served = 0;
    const csv = "# currency=EUR unit=MWh resolution=PT60M\nstart,price\n2026-06-15T10:00Z,100.00\n";
    const server = http.createServer((_req, res) => {
      served++;
      res.end(csv);
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    onTestFinished(() => new Promise<void>((ok) => server.close(() => ok())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/prices.csv`;
    h = await start({
      id: "t-url",
      currency: "EUR",
      timeZone: "Europe/Vienna",
      import: { energy: { kind: "dynamic", multiplier: "1", markup: "0.015" } },
      prices: { format: "csv", url },
    });
    const r = await costs(h, "m1", { from: DAY_FROM, to: DAY_TO, resolution: "interval" });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // (0.100 + 0.015) EUR/kWh x 0.25 kWh = 0.028750 per quarter hour, as from the file
    expect(CostPage.parse(r.body).items.map((i) => i.total)).toEqual(Array(4).fill("0.028750"));
    const again = await costs(h, "m1", { from: DAY_FROM, to: DAY_TO, resolution: "P1D" });
    expect(again.status).toBe(200);
    expect(served).toBe(1); // the second answer came from the disk cache
    // a URL nothing listens on (the server's port after it closed) and no cached copy: 503
    const closed = http.createServer();
    await new Promise<void>((ok) => closed.listen(0, "127.0.0.1", ok));
    const dead = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/p.csv?securityToken=S3CRET`;
    await new Promise((ok) => closed.close(ok));
    await h.dispose();
    h = await start({
      id: "t-dead",
      currency: "EUR",
      timeZone: "Europe/Vienna",
      import: { energy: { kind: "dynamic" } },
      prices: { format: "csv", url: dead },
    });
    const down = await costs(h, "m1", { from: DAY_FROM, to: DAY_TO, resolution: "interval" });
    expect(down.status).toBe(503);
    expect(String(down.body.detail)).toContain("PRICES_URL_UNREACHABLE");
    expect(JSON.stringify(down.body)).not.toContain("S3CRET");
  });

  it("answers 404 for a household without a tariff and 400 for a bad range", async () => {
    h = await start(fixed);
    expect((await costs(h, "m2", { from: DAY_FROM, to: DAY_TO })).status).toBe(404);
    const bad = await costs(h, "m1", { from: DAY_TO, to: DAY_FROM });
    expect(bad.status).toBe(400);
    expect(bad.body.parameter).toBe("to");
    expect((await costs(h, "m1", { from: DAY_FROM })).status).toBe(400);
    // the fixed tariff names no day-ahead prices: the prices resource has nothing to answer
    const prices = await fetch(
      `${h.base}/api/meters/m1/prices?${new URLSearchParams({ from: DAY_FROM, to: DAY_TO })}`,
      {
        headers: h.auth,
      },
    );
    expect(prices.status).toBe(404);
  });

  it("the Belgian capacity charge's rolling mean takes the earlier months' peaks", async () => {
    h = await startHarness({
      households: { "hh-be": { timeZone: "Europe/Brussels", tariff: beFlanders } },
      meters: { p1: { householdId: "hh-be" } },
    });
    // May: a 1,500 Wh quarter (6 kW); June: 1,000 Wh (4 kW); March: 250 Wh (1 kW, counted as the 2.5 kW floor)
    for (const [at, wh] of [
      ["2026-03-10T10:00:00Z", 250],
      ["2026-05-12T10:00:00Z", 1500],
      ["2026-06-16T06:30:00Z", 1000],
    ] as const)
      await h.host.deliver("intervals", interval("p1", at, 15, wh));
    const r = await costs(h, "p1", {
      from: "2026-05-31T22:00:00Z",
      to: "2026-06-30T22:00:00Z",
      resolution: "P1M",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const [june] = CostPage.parse(r.body).items;
    // mean of 2.5 (March, floor), 6 (May) and 4 kW (June) = 4.1666... kW = 4166.67 W; charge
    // 40.4 EUR/kW/year x 4.166667 kW / 12 = 14.027778 EUR, VAT 6 % on it
    expect(june!.capacityDetail).toMatchObject({ peakW: 4000, countedW: 4000, monthsInMean: 3 });
    expect(Number(june!.capacityDetail!.rollingMeanW)).toBeCloseTo(4166.67, 1);
    expect(june!.capacity).toBe("14.027778");
  });
});
