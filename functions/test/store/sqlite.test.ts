import { describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/store/sqlite";
import { writes } from "../fixtures";
import { storeContract } from "./contract";

storeContract("SQLite", async () => new SqliteStore(":memory:"));

describe("SQLite retention", () => {
  it("purges by data time what is older than each retention, keeping forever with -1", async () => {
    const store = new SqliteStore(":memory:");
    const now = Date.parse("2026-06-01T00:00:00Z");
    const old = Date.parse("2026-01-01T00:00:00Z");
    await store.writeIntervals(writes("m-1", "hh-1", "UTC", old, 4));
    await store.writeIntervals(writes("m-1", "hh-1", "UTC", now - 3_600_000, 4));
    const count = async (resolution: "PT15M" | "PT1H" | "P1D" | "P1M") =>
      (await store.querySeries({ meterId: "m-1", resolution, from: 0, to: 4e12, limit: 100 })).items.length;
    const removed = store.purgeExpired(
      { intervals: 30, rollups: -1, readings: 30, events: 30, deadletters: 30 },
      now,
    );
    expect(removed).toBe(4 + 1); // January's intervals and its hour; days and months are kept
    expect(await count("PT15M")).toBe(4);
    expect(await count("PT1H")).toBe(1);
    expect(await count("P1D")).toBe(2);
    expect(await count("P1M")).toBe(2);
    await store.close();
  });
});
