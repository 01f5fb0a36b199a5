/**
 * GET /api/households/{id}/costs in the cloud: the household's registered meters priced together
 * (the edge's resource, modules/sharing/test/costs-household.test.ts, with the same figures). Tariff
 * examples/tariffs/fixed.json via TARIFFS_FILE (energy 0.1990, grid 0.0850, levy 0.015 EUR/kWh, VAT 20 %,
 * base fee 3.50 EUR a month, export 0.0600 EUR/kWh); the fixtures' intervals export 1 Wh each.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { HouseholdCostPage } from "@omdp/tariffs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../src/auth/principal";
import { householdCosts } from "../src/functions/costs-household";
import { ProblemError } from "../src/http/problem";
import { MeterRegistry } from "../src/ingest/registry";
import type { Services } from "../src/services";
import { readSettings } from "../src/settings";
import { SqliteStore } from "../src/store/sqlite";
import { writes } from "./fixtures";

const quiet = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };
const admin: Principal = { sub: "a", roles: new Set(["admin"]), households: [] };
const START = Date.parse("2026-06-15T10:00:00Z"); // 12:00 in Vienna
const DAY = { from: "2026-06-14T22:00:00Z", to: "2026-06-15T22:00:00Z", resolution: "P1D" as const };

let dir: string;
let services: Services;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "omdp-costs-household-"));
  fs.copyFileSync(
    path.join(import.meta.dirname, "../../examples/tariffs/fixed.json"),
    path.join(dir, "fixed.json"),
  );
  fs.writeFileSync(
    path.join(dir, "tariffs.json"),
    JSON.stringify({ "hh-1": "fixed.json", "hh-3": "fixed.json" }),
  );
  const store = new SqliteStore(":memory:");
  for (const [id, hh, wh] of [
    ["m-1", "hh-1", 250],
    ["m-2", "hh-1", 100],
    ["x", "hh-2", 999],
    ["m-3", "hh-3", 250],
    ["s-3", "hh-3", 100],
  ] as const) {
    await store.putMeter({
      id,
      householdId: hh,
      deviceId: "edge-a",
      timeZone: "Europe/Vienna",
      updatedAt: "x",
      ...(id === "s-3" ? { role: "sub" as const } : {}),
    });
    await store.writeIntervals(writes(id, hh, "Europe/Vienna", START, 4, () => wh));
  }
  services = {
    settings: readSettings({ TARIFFS_FILE: path.join(dir, "tariffs.json"), OMDP_DATA_DIR: dir }),
    store,
    registry: new MeterRegistry(store, 0),
    auth: { verify: async () => Promise.reject(new Error("unused")) },
    log: quiet,
  };
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const call = (id: string, query: Record<string, string>, principal: Principal = admin) =>
  householdCosts.handle({
    services,
    principal,
    params: { id },
    query: query as never,
    body: undefined,
    request: undefined as never,
  });

describe("cloud household costs", () => {
  it("sums the household's meters with the monthly fee once", async () => {
    const page = HouseholdCostPage.strict().parse((await call("hh-1", DAY)).body);
    expect(page).toMatchObject({ householdId: "hh-1", meters: ["m-1", "m-2"], tariffId: "at-fixed" });
    // as the edge: 1,400 Wh, energy 0.278600, grid 0.119000, levy 0.021000, fee 0.116667 once,
    // VAT 0.083720 + 0.023333 = 0.107053; minus 8 x 1 Wh exported x 0.0600 = 0.000480:
    // 0.642320 - 0.000480 = 0.641840
    expect(page.items[0]).toMatchObject({
      importWh: 1400,
      exportWh: 8,
      energy: "0.278600",
      fixedFees: "0.116667",
    });
    expect(page.items[0]).toMatchObject({
      vat: "0.107053",
      exportCompensation: "0.000480",
      total: "0.641840",
    });
    // only the main meter: the meter resource's day (0.498560, functions/test/costs.test.ts)
    const one = HouseholdCostPage.parse((await call("hh-1", { ...DAY, meters: "m-1" })).body);
    expect(one.items[0]).toMatchObject({ importWh: 1000, total: "0.498560" });
  });

  it("refuses another household's meter (400 naming meters), an unseen household (404)", async () => {
    await expect(call("hh-1", { ...DAY, meters: "m-1,x" })).rejects.toSatisfy(
      (e) => e instanceof ProblemError && e.status === 400 && JSON.stringify(e).includes("meters"),
    );
    const stranger: Principal = { sub: "s", roles: new Set(["household"]), households: ["hh-2"] };
    await expect(call("hh-1", DAY, stranger)).rejects.toSatisfy(
      (e) => e instanceof ProblemError && e.status === 404,
    );
    // hh-2 is not in TARIFFS_FILE
    await expect(call("hh-2", DAY)).rejects.toSatisfy((e) => e instanceof ProblemError && e.status === 404);
  });

  it("leaves a registered sub-meter out by default: the main meter's answer alone, as the edge", async () => {
    const page = HouseholdCostPage.parse((await call("hh-3", DAY)).body);
    // m-3 alone: 4 x 250 = 1,000 Wh, 0.498800 before export (the edge's meter resource test), minus
    // 4 x 1 Wh exported x 0.0600 = 0.000240: 0.498560 (as m-1 above); s-3's 400 Wh are already in m-3's
    expect(page.meters).toEqual(["m-3"]);
    expect(page.items[0]).toMatchObject({ importWh: 1000, total: "0.498560" });
    const alone = HouseholdCostPage.parse((await call("hh-3", { ...DAY, meters: "s-3" })).body);
    expect(alone.items[0]).toMatchObject({ importWh: 400 });
    await expect(call("hh-3", { ...DAY, meters: "m-3,s-3" })).rejects.toSatisfy(
      (e) => e instanceof ProblemError && e.status === 400 && JSON.stringify(e).includes("s-3"),
    );
  });
});
