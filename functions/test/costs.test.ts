/**
 * GET /api/meters/{id}/costs in the cloud: the tariff from TARIFFS_FILE (a household-id map, paths
 * relative to it), the stored quarter hours priced by @omdp/tariffs. Amounts hand-computed below.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CostPage } from "@omdp/tariffs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../src/auth/principal";
import { meterCosts } from "../src/functions/costs";
import { meterPrices } from "../src/functions/prices";
import { ProblemError } from "../src/http/problem";
import { MeterRegistry } from "../src/ingest/registry";
import type { Services } from "../src/services";
import { readSettings } from "../src/settings";
import { SqliteStore } from "../src/store/sqlite";
import { writes } from "./fixtures";

const quiet = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };
const admin: Principal = { sub: "a", roles: new Set(["admin"]), households: [] };
// 2026-06-15 12:00-13:00 in Vienna: four quarter hours of 250 Wh imported, 1 Wh exported each
const START = Date.parse("2026-06-15T10:00:00Z");
const DAY = { from: "2026-06-14T22:00:00Z", to: "2026-06-15T22:00:00Z" };

let dir: string;
let services: Services;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "omdp-costs-"));
  fs.copyFileSync(
    path.join(import.meta.dirname, "../../examples/tariffs/fixed.json"),
    path.join(dir, "fixed.json"),
  );
  fs.copyFileSync(
    path.join(import.meta.dirname, "../../examples/tariffs/be-flanders.json"),
    path.join(dir, "be.json"),
  );
  fs.writeFileSync(
    path.join(dir, "tariffs.json"),
    JSON.stringify({ "hh-1": "fixed.json", "hh-be": "be.json" }),
  );
  const store = new SqliteStore(":memory:");
  for (const [id, hh] of [
    ["m-1", "hh-1"],
    ["m-2", "hh-2"],
  ] as const) {
    await store.putMeter({
      id,
      householdId: hh,
      deviceId: "edge-a",
      timeZone: "Europe/Vienna",
      updatedAt: "x",
    });
    await store.writeIntervals(writes(id, hh, "Europe/Vienna", START, 4, () => 250));
  }
  // Brussels: quarters of 250 Wh in March (1 kW: the 2.5 kW floor), 1,500 Wh in May (6 kW), 1,000 Wh in June (4 kW)
  await store.putMeter({
    id: "p1",
    householdId: "hh-be",
    deviceId: "edge-a",
    timeZone: "Europe/Brussels",
    updatedAt: "x",
  });
  for (const [at, wh] of [
    ["2026-03-10T10:00:00Z", 250],
    ["2026-05-12T10:00:00Z", 1500],
    ["2026-06-16T06:30:00Z", 1000],
  ] as const)
    await store.writeIntervals(writes("p1", "hh-be", "Europe/Brussels", Date.parse(at), 1, () => wh));
  services = {
    settings: readSettings({ TARIFFS_FILE: path.join(dir, "tariffs.json") }),
    store,
    registry: new MeterRegistry(store, 0),
    auth: { verify: async () => Promise.reject(new Error("unused")) },
    log: quiet,
  };
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function costs(id: string, resolution: "interval" | "P1D" | "P1M") {
  const res = await meterCosts.handle({
    services,
    principal: admin,
    params: { id },
    query: { ...DAY, resolution },
    body: undefined,
    request: undefined as never,
  });
  return CostPage.strict().parse(res.body);
}

describe("cloud costs", () => {
  it("answers 404 for prices of a tariff that names none (the fixed one)", async () => {
    const call = meterPrices.handle({
      services,
      principal: admin,
      params: { id: "m-1" },
      query: DAY,
      body: undefined,
      request: undefined as never,
    });
    await expect(call).rejects.toSatisfy((e) => e instanceof ProblemError && e.status === 404);
  });

  it("prices the quarter hours under the household's tariff from TARIFFS_FILE", async () => {
    const page = await costs("m-1", "interval");
    expect(page.tariffId).toBe("at-fixed");
    // 0.25 kWh: energy 0.049750 + grid 0.021250 + levy 0.003750 + VAT 20 % 0.014950 = 0.089700,
    // minus 0.001 kWh exported x 0.0600 = 0.000060: 0.089640
    expect(page.items.map((i) => [i.exportCompensation, i.total])).toEqual(
      Array(4).fill(["0.000060", "0.089640"]),
    );
    const [day] = (await costs("m-1", "P1D")).items;
    // the edge's day (0.498800, modules/sharing/test/costs.test.ts) minus 4 x 0.000060 export
    expect(day).toMatchObject({ period: "2026-06-15", total: "0.498560", fixedFees: "0.116667" });
  });

  it("answers 404 for a household the file does not list", async () => {
    await expect(costs("m-2", "P1D")).rejects.toSatisfy((e) => e instanceof ProblemError && e.status === 404);
  });

  it("documents the resource in the OpenAPI document", async () => {
    const { buildOpenApi } = await import("../src/http/openapi");
    const { ROUTE_TABLE } = await import("../src/http/route");
    const doc = buildOpenApi(ROUTE_TABLE) as {
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
    };
    const op = doc.paths["/api/meters/{id}/costs"]!.get!;
    expect(op.parameters!.map((p) => p.name).sort()).toEqual(["from", "id", "resolution", "to"]);
    const prices = doc.paths["/api/meters/{id}/prices"]!.get!;
    expect(prices.parameters!.map((p) => p.name).sort()).toEqual(["from", "id", "to"]);
  });

  it("takes the earlier months' peaks into the Belgian rolling mean", async () => {
    const res = await meterCosts.handle({
      services,
      principal: admin,
      params: { id: "p1" },
      query: { from: "2026-05-31T22:00:00Z", to: "2026-06-30T22:00:00Z", resolution: "P1M" },
      body: undefined,
      request: undefined as never,
    });
    const [june] = CostPage.parse(res.body).items;
    // mean of 2.5, 6 and 4 kW = 4.166667 kW; 40.4 EUR/kW/year x 4.166667 / 12 = 14.027778 EUR
    expect(june!.capacityDetail).toMatchObject({ peakW: 4000, monthsInMean: 3 });
    expect(june!.capacity).toBe("14.027778");
  });
});
