/**
 * A household with one electricity and one heat meter, through the analytics engine into the cloud
 * store: the household summary and the costs are the electricity meter's alone. The heat meter counts
 * far more energy (2,000 Wh a quarter hour) and power (8 kW) than the electricity meter, so counting
 * any of it would show. Hand-built readings; expected figures computed by hand below.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { IntervalRecord, MeterReading } from "@omdp/model";
import { CostPage } from "@omdp/tariffs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../functions/src/auth/principal";
import { meterCosts } from "../../functions/src/functions/costs";
import { householdSummary } from "../../functions/src/functions/household-summary";
import { ProblemError } from "../../functions/src/http/problem";
import { MeterRegistry } from "../../functions/src/ingest/registry";
import { rowFromInterval } from "../../functions/src/series/types";
import type { Services } from "../../functions/src/services";
import { readSettings } from "../../functions/src/settings";
import { SqliteStore } from "../../functions/src/store/sqlite";
import { ingest, newTrack } from "../../modules/analytics/src/engine";

const HH = "hh-heat";
const TZ = "Europe/Vienna";
// 2026-06-15 12:00-13:00 in Vienna (10:00-11:00 UTC), readings every quarter hour at the boundaries
const TIMES = [0, 1, 2, 3, 4].map((q) => new Date(Date.parse("2026-06-15T10:00:00Z") + q * 900_000));
const RANGE = { from: "2026-06-15T10:00:00.000Z", to: "2026-06-15T11:00:00.000Z" };
const DAY = { from: "2026-06-14T22:00:00Z", to: "2026-06-15T22:00:00Z" };

function meterReading(meterId: string, at: Date, values: [string, number, string][]): MeterReading {
  return {
    schemaVersion: 1,
    meterId,
    readingTime: at.toISOString(),
    receivedAt: at.toISOString(),
    source: { protocol: "wmbus", transport: "serial", gatewayId: "gw-test" },
    values: values.map(([property, value, unit]) => ({ property, value, unit })),
  };
}

/** Electricity: A+ +250 Wh and A- +1 Wh a quarter hour, P+ 1000 W. */
const electricity = TIMES.map((at, q) =>
  meterReading("e-1", at, [
    ["1-0:1.8.0", 5_000_000 + 250 * q, "Wh"],
    ["1-0:2.8.0", 100 + q, "Wh"],
    ["1-0:1.7.0", 1000, "W"],
  ]),
);
/** Heat: 2,000 Wh and 0.05 m3 a quarter hour, heat power 8000 W. */
const heat = TIMES.map((at, q) =>
  meterReading("h-1", at, [
    ["6-0:1.0.0", 9_000_000 + 2000 * q, "Wh"],
    ["6-0:2.0.0", 300 + 0.05 * q, "m3"],
    ["6-0:8.0.0", 8000, "W"],
  ]),
);

function quarterHours(readings: MeterReading[]): IntervalRecord[] {
  const s = {
    resolutions: ["PT15M" as const],
    timeZone: TZ,
    maxGapMs: 1_800_000,
    closeGraceMs: 120_000,
    maxPowerW: 100_000,
    maxFutureMs: 300_000,
  };
  const track = newTrack(readings[0]!.meterId);
  return readings.flatMap((r) =>
    ingest(track, r, Date.parse("2030-01-01T00:00:00Z"), s).closed.map((c) => c.record),
  );
}

const admin: Principal = { sub: "a", roles: new Set(["admin"]), households: [] };
const quiet = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };
let dir: string;
let services: Services;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "omdp-heat-"));
  fs.copyFileSync(
    path.join(import.meta.dirname, "../../examples/tariffs/fixed.json"),
    path.join(dir, "fixed.json"),
  );
  fs.writeFileSync(path.join(dir, "tariffs.json"), JSON.stringify({ [HH]: "fixed.json" }));
  const store = new SqliteStore(":memory:");
  for (const [id, readings] of [
    ["e-1", electricity],
    ["h-1", heat],
  ] as const) {
    await store.putMeter({ id, householdId: HH, deviceId: "edge-a", timeZone: TZ, updatedAt: "x" });
    const records = quarterHours(readings);
    expect(records).toHaveLength(4);
    await store.writeIntervals(records.map((r) => ({ ...rowFromInterval(r, HH), timeZone: TZ })));
  }
  services = {
    settings: readSettings({ TARIFFS_FILE: path.join(dir, "tariffs.json") }),
    store,
    registry: new MeterRegistry(store, 0),
    auth: { verify: async () => Promise.reject(new Error("unused")) },
    log: quiet,
  };
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const call = { principal: admin, body: undefined, request: undefined as never };

describe("a household with an electricity and a heat meter", () => {
  it("the heat meter's quarter hours carry its heat in consumption only", () => {
    const [first] = quarterHours(heat);
    expect(first).toMatchObject({
      medium: "heat",
      consumption: { "6-0:1.0.0": 2000, "6-0:2.0.0": 0.05 },
      energyImportedWh: 0,
      powerMaxW: null,
    });
  });

  it("the summary is the electricity meter's: 4 x 250 Wh imported, 4 x 1 Wh exported, peak 1000 W", async () => {
    const res = await householdSummary.handle({ ...call, services, params: { id: HH }, query: RANGE });
    const body = res.body as {
      totals: { energyImportedWh: number; energyExportedWh: number; powerMaxW: number | null; hours: number };
      meters: { meterId: string; energyImportedWh: number; powerMaxW: number | null }[];
    };
    expect(body.totals).toEqual({ energyImportedWh: 1000, energyExportedWh: 4, powerMaxW: 1000, hours: 1 });
    const h = body.meters.find((m) => m.meterId === "h-1");
    expect(h).toMatchObject({ energyImportedWh: 0, powerMaxW: null });
  });

  it("the costs are the electricity meter's; the heat meter has none under the electricity tariff", async () => {
    const res = await meterCosts.handle({
      ...call,
      services,
      params: { id: "e-1" },
      query: { ...DAY, resolution: "interval" },
    });
    const page = CostPage.strict().parse(res.body);
    // at-fixed, 0.25 kWh imported and 0.001 kWh exported a quarter hour: energy 0.049750 + grid
    // 0.021250 + levy 0.003750 + VAT 20 % 0.014950 - export 0.001 x 0.0600 = 0.089640 (the hand
    // computation of functions/test/costs.test.ts)
    expect(page.items.map((i) => i.total)).toEqual(Array(4).fill("0.089640"));
    const heatCosts = meterCosts.handle({
      ...call,
      services,
      params: { id: "h-1" },
      query: { ...DAY, resolution: "P1D" },
    });
    await expect(heatCosts).rejects.toSatisfy((e) => e instanceof ProblemError && e.status === 404);
  });
});
