import { describe, expect, it } from "vitest";
import { COSMOS_CONTAINERS } from "../src/store/cosmos-containers";
import { fromSlot, toSlot } from "../src/store/cosmos-docs";
import { eventsQuery, householdBucketsQuery, seriesQuery } from "../src/store/cosmos-query";

describe("Cosmos query builder", () => {
  it("builds the GROUP BY aggregate that real Cosmos DB runs (the emulator cannot)", () => {
    const q = householdBucketsQuery("P1D", 1, 2, true);
    expect(q.query).toBe(
      "SELECT c.householdId, c.start, COUNT(1) AS meters, SUM(c.importWh) AS importWh, SUM(c.exportWh) AS exportWh, " +
        "SUM(c.powerAvgW) AS powerAvgW FROM c WHERE c.resolution = @resolution AND c.start >= @from AND c.start < @to " +
        "GROUP BY c.householdId, c.start",
    );
    expect(q.parameters).toEqual([
      { name: "@resolution", value: "P1D" },
      { name: "@from", value: 1 },
      { name: "@to", value: 2 },
    ]);
    expect(householdBucketsQuery("P1D", 1, 2, false).query).not.toContain("GROUP BY");
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
    for (const spec of Object.values(COSMOS_CONTAINERS)) {
      expect(["/meterId", "/householdId", "/deviceId", "/id"]).toContain(spec.partitionKey);
    }
    expect(COSMOS_CONTAINERS.series.partitionKey).toBe("/meterId");
  });

  it("round-trips a rollup slot", () => {
    const child = {
      start: 3_600_000,
      end: 4_500_000,
      importWh: 12,
      exportWh: 0,
      powerMinW: 10,
      powerAvgW: 48,
      powerMaxW: null,
      sampleCount: 15,
      quality: "estimated" as const,
      flags: ["gap"],
    };
    expect(fromSlot(0, "60", toSlot(child))).toEqual(child);
  });
});
