import https from "node:https";
import type { AddressInfo } from "node:net";
import type { IntervalRecord } from "@omdp/model";
import { createHttpsServer } from "@vercel/cosmosdb-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventHubMessage } from "../../src/ingest/message";
import { ingestBatch } from "../../src/ingest/process";
import { MeterRegistry } from "../../src/ingest/registry";
import { createCosmosStore } from "../../src/store/cosmos";
import type { Store } from "../../src/store/port";
import { SqliteStore } from "../../src/store/sqlite";
import { interval } from "../fixtures";

/** Local midnight 2026-03-10 in Vienna (UTC+1) is 2026-03-09T23:00Z. */
const VIENNA_MIDNIGHT = Date.parse("2026-03-09T23:00:00Z");
const Q = 900_000;
const DAY = 86_400_000;

const batch = (records: IntervalRecord[], deviceId = "edge-a"): EventHubMessage => ({
  body: JSON.stringify({ schemaVersion: 1, intervals: records }),
  properties: { kind: "intervals" },
  systemProperties: {
    "iothub-connection-device-id": deviceId,
    "iothub-enqueuedtime": "2026-03-10T01:00:00Z",
  },
});
const single = (r: IntervalRecord): EventHubMessage => ({
  body: r,
  properties: { kind: "interval" },
  systemProperties: { "iothub-connection-device-id": "edge-a" },
});
/** Eight quarter hours 22:00..24:00Z, importWh 10..17: four before the local midnight, four after. */
const eight = Array.from({ length: 8 }, (_, i) => interval("m-1", VIENNA_MIDNIGHT - 4 * Q + i * Q, 10 + i));

let server: ReturnType<typeof createHttpsServer>;
let endpoint = "";
const agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });
let n = 0;
beforeAll(async () => {
  server = createHttpsServer({ keepAlive: true });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  agent.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const STORES: [string, () => Promise<Store>][] = [
  ["SQLite", async () => new SqliteStore(":memory:")],
  [
    "Cosmos DB (cosmosdb-server)",
    () =>
      createCosmosStore({
        endpoint,
        key: "dGVzdC1rZXktZm9yLXRoZS1lbXVsYXRvcg==",
        database: `batch${++n}`,
        groupBy: false,
        agent,
        retentionDays: { intervals: 1826, rollups: 1826, readings: 31, events: 730, deadletters: 30 },
      }),
  ],
];

describe.each(STORES)("ingest of interval batches: %s", (_name, open) => {
  const setup = async () => {
    const store = await open();
    await store.putMeter({
      id: "m-1",
      householdId: "hh-1",
      deviceId: "edge-a",
      timeZone: "Europe/Vienna",
      updatedAt: "2026-01-01T00:00:00.000Z",
    });
    return { store, deps: { store, registry: new MeterRegistry(store, 0) } };
  };
  const series = async (store: Store, resolution: "PT15M" | "PT1H" | "P1D") =>
    (await store.querySeries({ meterId: "m-1", resolution, from: 0, to: 4e12, limit: 1000 })).items;
  const snapshot = async (store: Store) => ({
    q: await series(store, "PT15M"),
    h: await series(store, "PT1H"),
    d: await series(store, "P1D"),
    latest: await store.getLatest("m-1"),
  });

  it("writes a batch spanning local midnight into both days; a redelivery changes nothing", async () => {
    const { store, deps } = await setup();
    try {
      expect(await ingestBatch([batch(eight)], deps)).toEqual({ accepted: 1, rejected: 0, parked: 0 });
      expect((await series(store, "PT15M")).map((r) => r.importWh)).toEqual([10, 11, 12, 13, 14, 15, 16, 17]);
      // by hand: 9 March (local) holds 10+11+12+13 = 46 Wh, 10 March holds 14+15+16+17 = 62 Wh
      const days = await series(store, "P1D");
      expect(days.map((d) => [d.start, d.importWh])).toEqual([
        [VIENNA_MIDNIGHT - DAY, 46],
        [VIENNA_MIDNIGHT, 62],
      ]);
      const before = await snapshot(store);
      expect(await ingestBatch([batch(eight), batch(eight)], deps)).toEqual({
        accepted: 2,
        rejected: 0,
        parked: 0,
      });
      expect(await snapshot(store)).toEqual(before);
      // the same intervals again as the original single-interval messages: nothing counted twice
      await ingestBatch(eight.slice(2, 5).map(single), deps);
      expect(await snapshot(store)).toEqual(before);
    } finally {
      await store.close();
    }
  });

  it("ends the same whichever order the batches arrive in", async () => {
    const { store, deps } = await setup();
    try {
      await ingestBatch([batch(eight.slice(4))], deps); // the later hour first
      await ingestBatch([batch(eight.slice(0, 4))], deps);
      expect((await series(store, "PT1H")).map((h) => h.importWh)).toEqual([46, 62]);
      const latest = await store.getLatest("m-1");
      expect(latest?.interval?.end).toBe(VIENNA_MIDNIGHT + 4 * Q); // the newest by data time, not arrival
      const other = await setup();
      try {
        await ingestBatch([batch(eight)], other.deps);
        expect(await snapshot(store)).toEqual(await snapshot(other.store));
      } finally {
        await other.store.close();
      }
    } finally {
      await store.close();
    }
  });

  it("parks a batch with a bad record whole and refuses meters of another device", async () => {
    const { store, deps } = await setup();
    try {
      const bad = { ...eight[1]!, id: "wrong" };
      expect(await ingestBatch([batch([eight[0]!, bad])], deps)).toEqual({
        accepted: 0,
        rejected: 0,
        parked: 1,
      });
      expect(await ingestBatch([batch(eight.slice(0, 2), "edge-b")], deps)).toEqual({
        accepted: 0,
        rejected: 1,
        parked: 0,
      });
      expect(await series(store, "PT15M")).toEqual([]);
      const letters = await store.listDeadLetters(10);
      expect(letters.map((l) => l.reason).sort()).toEqual([
        "meter-not-registered-to-device",
        "schema-violation",
      ]);
      expect(letters.find((l) => l.reason === "schema-violation")?.issues).toEqual([
        `intervals.1.id: expected ${eight[1]!.id}, got wrong`,
      ]);
    } finally {
      await store.close();
    }
  });
});
