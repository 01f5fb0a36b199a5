import { describe, expect, it } from "vitest";
import { InvocationContext } from "../src/azf";
import { batchFromTrigger, ingest } from "../src/functions/ingest";
import { MeterRegistry } from "../src/ingest/registry";
import type { Services } from "../src/services";
import { readSettings } from "../src/settings";
import { SqliteStore } from "../src/store/sqlite";
import { interval } from "./fixtures";

const quiet = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };

function context(sys: Record<string, unknown>[], props: Record<string, unknown>[]) {
  return new InvocationContext({
    functionName: "ingest",
    invocationId: "inv-1",
    triggerMetadata: { systemPropertiesArray: sys, propertiesArray: props },
  });
}

describe("ingest Function (Event Hub trigger, cardinality many)", () => {
  it("pairs each body with its properties and IoT Hub system properties", () => {
    const ctx = context([{ "iothub-connection-device-id": "edge-a" }, {}], [{ kind: "interval" }]);
    const batch = batchFromTrigger([{ a: 1 }, "text"], ctx);
    expect(batch).toEqual([
      {
        body: { a: 1 },
        properties: { kind: "interval" },
        systemProperties: { "iothub-connection-device-id": "edge-a" },
      },
      { body: "text", systemProperties: {} },
    ]);
  });

  it("writes the valid messages of registered meters and parks the rest", async () => {
    const store = new SqliteStore(":memory:");
    await store.putMeter({
      id: "m-1",
      householdId: "hh-1",
      deviceId: "edge-a",
      timeZone: "UTC",
      updatedAt: "x",
    });
    const services: Services = {
      settings: readSettings({}),
      store,
      registry: new MeterRegistry(store, 0),
      auth: { verify: async () => Promise.reject(new Error("unused")) },
      log: quiet,
    };
    const t = Date.parse("2026-06-01T00:00:00Z");
    const bodies = [interval("m-1", t, 5), interval("m-1", t + 900_000, 6), { nonsense: true }];
    const sys = bodies.map(() => ({
      "iothub-connection-device-id": "edge-a",
      "iothub-enqueuedtime": "2026-06-01T00:20:00Z",
    }));
    const result = await ingest(
      bodies,
      context(
        sys,
        bodies.map(() => ({ kind: "interval" })),
      ),
      services,
    );
    expect(result).toEqual({ accepted: 2, rejected: 0, parked: 1 });
    const rows = await store.querySeries({
      meterId: "m-1",
      resolution: "PT15M",
      from: 0,
      to: 4e12,
      limit: 10,
    });
    expect(rows.items.map((r) => r.importWh)).toEqual([5, 6]);
    const [letter] = await store.listDeadLetters(10);
    expect(letter).toMatchObject({
      reason: "schema-violation",
      deviceId: "edge-a",
      receivedAt: "2026-06-01T00:20:00.000Z",
    });
    await store.close();
  });
});
