import { describe, expect, it } from "vitest";
import { releaseClosedHours } from "../src/functions/aggregates-release";
import { MeterRegistry } from "../src/ingest/registry";
import type { Services } from "../src/services";
import { readSettings } from "../src/settings";
import { SqliteStore } from "../src/store/sqlite";
import { writes } from "./fixtures";

const quiet = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };
const HOUR = 3_600_000;
const T = Date.parse("2026-06-01T10:00:00Z");

describe("hourly aggregate release (timer)", () => {
  it("releases each closed hour once, from what was ingested; later data does not change a release", async () => {
    const store = new SqliteStore(":memory:");
    const services: Services = {
      settings: readSettings({ AGGREGATE_MIN_HOUSEHOLDS: "2", AGGREGATE_RELEASE_DELAY_HOURS: "1" }),
      store,
      registry: new MeterRegistry(store, 0),
      auth: { verify: async () => Promise.reject(new Error("unused")) },
      log: quiet,
    };
    try {
      for (const [m, hh] of [
        ["m-1", "hh-1"],
        ["m-2", "hh-2"],
      ] as const) {
        await store.putMeter({ id: m, householdId: hh, deviceId: "e", timeZone: "UTC", updatedAt: "x" });
        await store.writeIntervals(writes(m, hh, "UTC", T, 8, () => 10)); // 10:00-12:00, 40 Wh an hour
      }
      // at 12:30 with a 1 h delay only the 10:00 hour is closed
      expect(await releaseClosedHours(services, T + 2.5 * HOUR)).toBe(1);
      const first = await store.getReleases({ from: 0, to: 4e12 });
      expect(first.map((r) => r.start)).toEqual([T]);
      // two households x 40 Wh in the hour (k = 2 met)
      expect(first[0]!.cells.find((c) => c.group === "all")).toMatchObject({ households: 2, importWh: 80 });
      // late data for 10:00, then the next run (13:30): 11:00 is released, 10:00 stays as first released
      await store.writeIntervals(writes("m-1", "hh-1", "UTC", T, 1, () => 99));
      expect(await releaseClosedHours(services, T + 3.5 * HOUR)).toBe(2);
      const second = await store.getReleases({ from: 0, to: 4e12 });
      expect(second.map((r) => r.start)).toEqual([T, T + HOUR]);
      expect(second[0]).toEqual(first[0]);
    } finally {
      await store.close();
    }
  });
});
