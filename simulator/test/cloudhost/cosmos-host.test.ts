import type { AddressInfo } from "node:net";
import { createHttpsServer } from "@vercel/cosmosdb-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { get, ingest, interval, message, startTestHost, type TestHost } from "./helpers";

// The local host with OMDP_STORE=cosmos against the in-process emulator: the same handlers, the same answers.
let server: ReturnType<typeof createHttpsServer>;
let host: TestHost;

beforeAll(async () => {
  server = createHttpsServer({ keepAlive: true });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  host = await startTestHost({
    OMDP_STORE: "cosmos",
    COSMOS_ENDPOINT: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    COSMOS_KEY: "bG9jYWwtZW11bGF0b3Ita2V5",
    COSMOS_GROUP_BY: "false",
  });
});
afterAll(async () => {
  await host?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("local host on the Cosmos adapter", () => {
  it("ingests and serves readings and rollups", async () => {
    const t = Date.parse("2026-07-01T00:00:00Z");
    const msgs = [0, 1, 2, 3].map((i) =>
      message(interval("m-3", new Date(t + i * 900_000).toISOString(), 10 + i), "interval"),
    );
    const res = await ingest(host, msgs);
    expect(await res.json()).toEqual({ accepted: 4, rejected: 0, parked: 0 });
    const q = "from=2026-07-01T00:00:00Z&to=2026-07-02T00:00:00Z";
    const r15 = await get(host, `/api/meters/m-3/readings?${q}&resolution=PT15M`, host.admin);
    expect(r15.body.items.map((i: { energyImportedWh: number }) => i.energyImportedWh)).toEqual([
      10, 11, 12, 13,
    ]);
    const r1h = await get(host, `/api/meters/m-3/readings?${q}&resolution=PT1H`, host.admin);
    expect(r1h.body.items[0]).toMatchObject({ energyImportedWh: 46, quality: "complete", derived: true });
    expect((await get(host, "/api/health")).body.store).toBe("cosmos");
  });
});
