/**
 * The cloud's prices and costs from a tariff's `prices.url`: a loopback HTTP server this test starts
 * serves the CSV (src/csv.ts format); the document is cached under OMDP_DATA_DIR/prices-cache.
 * Amounts hand-computed below.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
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
const START = Date.parse("2026-06-15T10:00:00Z"); // four quarter hours of 250 Wh from 12:00 Vienna
const DAY = { from: "2026-06-14T22:00:00Z", to: "2026-06-15T22:00:00Z" };
const CSV = "# currency=EUR unit=MWh resolution=PT60M\nstart,price\n2026-06-15T10:00Z,100.00\n";

let dir: string;
let server: http.Server;
let served = 0;
let services: Services;

function tariffDoc(id: string, url: string) {
  return {
    id,
    currency: "EUR",
    timeZone: "Europe/Vienna",
    import: { energy: { kind: "dynamic", multiplier: "1", markup: "0.015" } },
    prices: { format: "csv", url },
  };
}

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    served++;
    res.end(CSV);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as AddressInfo).port;
  const closed = http.createServer();
  await new Promise<void>((ok) => closed.listen(0, "127.0.0.1", ok));
  const deadPort = (closed.address() as AddressInfo).port;
  await new Promise((ok) => closed.close(ok));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "omdp-prices-url-"));
  fs.writeFileSync(
    path.join(dir, "up.json"),
    JSON.stringify(tariffDoc("t-up", `http://127.0.0.1:${port}/p.csv`)),
  );
  fs.writeFileSync(
    path.join(dir, "down.json"),
    JSON.stringify(tariffDoc("t-down", `http://127.0.0.1:${deadPort}/p.csv?securityToken=S3CRET`)),
  );
  fs.writeFileSync(
    path.join(dir, "tariffs.json"),
    JSON.stringify({ "hh-up": "up.json", "hh-down": "down.json" }),
  );
  const store = new SqliteStore(":memory:");
  for (const [id, hh] of [
    ["m-up", "hh-up"],
    ["m-down", "hh-down"],
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
  services = {
    settings: readSettings({
      TARIFFS_FILE: path.join(dir, "tariffs.json"),
      OMDP_DATA_DIR: path.join(dir, "data"),
    }),
    store,
    registry: new MeterRegistry(store, 0),
    auth: { verify: async () => Promise.reject(new Error("unused")) },
    log: quiet,
  };
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
  fs.rmSync(dir, { recursive: true, force: true });
});

const call = (route: typeof meterCosts | typeof meterPrices, id: string, query: Record<string, string>) =>
  (route as typeof meterCosts).handle({
    services,
    principal: admin,
    params: { id },
    query: query as never,
    body: undefined,
    request: undefined as never,
  });

describe("cloud prices.url", () => {
  it("answers the URL's prices and costs, fetching the document once (disk cache)", async () => {
    const prices = await call(meterPrices, "m-up", DAY);
    // 100.00 EUR/MWh = 0.100000 EUR/kWh
    expect((prices.body as { items: unknown[] }).items).toEqual([
      { start: "2026-06-15T10:00:00.000Z", end: "2026-06-15T11:00:00.000Z", price: "0.100000" },
    ]);
    const page = CostPage.parse((await call(meterCosts, "m-up", { ...DAY, resolution: "interval" })).body);
    // (0.100 + 0.015) EUR/kWh x 0.25 kWh = 0.028750, minus 1 Wh exported (no export tariff: 0)
    expect(page.items.map((i) => i.energy)).toEqual(Array(4).fill("0.028750"));
    expect(served).toBe(1);
    expect(fs.readdirSync(path.join(dir, "data", "prices-cache"))).toHaveLength(1);
  });

  it("answers 503 without the URL's query when the URL is unreachable and nothing is cached", async () => {
    const e = await call(meterPrices, "m-down", DAY).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ProblemError);
    expect((e as ProblemError).status).toBe(503);
    expect((e as ProblemError).message).toContain("PRICES_URL_UNREACHABLE");
    expect(JSON.stringify(e) + String((e as Error).message)).not.toContain("S3CRET");
  });
});
