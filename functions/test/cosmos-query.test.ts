import { describe, expect, it } from "vitest";
import { COSMOS_CONTAINERS } from "../src/store/cosmos-containers";
import {
  eventsQuery,
  hourlyBucketsQuery,
  householdBucketsQuery,
  seriesQuery,
} from "../src/store/cosmos-query";
import { HOURLY_SHARDS, hourlyPartition } from "../src/store/cosmos-series";

describe("Cosmos query builder", () => {
  it("builds the GROUP BY aggregate that real Cosmos DB runs (the emulator cannot)", () => {
    const q = householdBucketsQuery("P1D", 1, 2, true);
    expect(q.query).toBe(
      "SELECT c.householdId, c.start, COUNT(1) AS meters, SUM(c.importWh) AS importWh, SUM(c.exportWh) AS exportWh, " +
        "SUM(c.powerAvgW) AS powerAvgW FROM c WHERE c.resolution = @resolution AND c.start >= @from AND c.start < @to " +
        "AND NOT IS_DEFINED(c.medium) GROUP BY c.householdId, c.start",
    );
    expect(q.parameters).toEqual([
      { name: "@resolution", value: "P1D" },
      { name: "@from", value: 1 },
      { name: "@to", value: 2 },
    ]);
    expect(householdBucketsQuery("P1D", 1, 2, false).query).not.toContain("GROUP BY");
  });

  it("sums the hourly contributions with GROUP BY on real Cosmos DB, without it on the emulator", () => {
    expect(hourlyBucketsQuery(1, 2, true).query).toBe(
      "SELECT c.householdId, c.start, COUNT(1) AS meters, SUM(c.importWh) AS importWh, SUM(c.exportWh) AS exportWh, " +
        "SUM(c.powerAvgW) AS powerAvgW FROM c WHERE c.start >= @from AND c.start < @to GROUP BY c.householdId, c.start",
    );
    expect(hourlyBucketsQuery(1, 2, false).query).not.toContain("GROUP BY");
    expect(hourlyBucketsQuery(1, 2, false).parameters).toEqual([
      { name: "@from", value: 1 },
      { name: "@to", value: 2 },
    ]);
  });

  it("keeps every value in parameters, never in the SQL text", () => {
    const q = eventsQuery({ householdIds: ["hh-1'--"], meterId: "m' OR 1=1", from: 0, to: 9 });
    expect(q.query).not.toContain("hh-1");
    expect(q.query).not.toContain("OR 1=1");
    expect(q.parameters).toContainEqual({ name: "@households", value: ["hh-1'--"] });
    expect(seriesQuery("m-1", "PT15M", 0, 1).query).toContain("c.meterId = @meterId");
  });

  it("filters and sorts only on indexed paths", () => {
    const indexed = (c: keyof typeof COSMOS_CONTAINERS) =>
      (COSMOS_CONTAINERS[c].indexingPolicy.includedPaths ?? []).map((p) => p.path.replace("/?", "").slice(1));
    const fields = (sql: string) => [...sql.matchAll(/c\.(\w+) (?:=|>=|<)/g)].map((m) => m[1]);
    for (const f of fields(seriesQuery("m", "P1D", 0, 1).query)) {
      if (f !== "meterId") expect(indexed("series")).toContain(f);
    }
    for (const f of fields(eventsQuery({ meterId: "m", from: 0, to: 1 }).query))
      expect(indexed("events")).toContain(f);
  });

  it("spreads load: every container is partitioned by meter, household, device or id", () => {
    // `hourly` by hour and meter shard (hourlyPartition): an hour's contributions in 16 partitions
    for (const spec of Object.values(COSMOS_CONTAINERS)) {
      expect(["/meterId", "/householdId", "/deviceId", "/id", "/h"]).toContain(spec.partitionKey);
    }
    expect(COSMOS_CONTAINERS.series.partitionKey).toBe("/meterId");
  });

  it("spreads an hour's contributions over 16 partitions, a meter always in the same one", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 1600; i++) {
      const p = hourlyPartition(3_600_000, `KFM${String(i).padStart(13, "0")}`);
      counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    expect(counts.size).toBe(HOURLY_SHARDS);
    // 100 expected per shard; a fair hash stays well within 50..150
    for (const n of counts.values()) expect(n).toBeGreaterThan(50);
    for (const n of counts.values()) expect(n).toBeLessThan(150);
    expect(hourlyPartition(7_200_000, "m-1")).toBe(hourlyPartition(7_200_000, "m-1"));
    expect(hourlyPartition(7_200_000, "m-1").startsWith("7200000|")).toBe(true);
  });
});
