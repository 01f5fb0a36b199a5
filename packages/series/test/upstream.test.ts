import { intervalId } from "@omdp/model";
import { describe, expect, it } from "vitest";
import { IntervalBatch, packIntervals } from "../src/upstream";

const rec = (i: number) => {
  const start = new Date(Date.parse("2026-03-10T00:00:00Z") + i * 900_000).toISOString();
  return {
    schemaVersion: 1 as const,
    id: intervalId("m-1", "PT15M", start),
    meterId: "m-1",
    resolution: "PT15M" as const,
    intervalStart: start,
    intervalEnd: new Date(Date.parse(start) + 900_000).toISOString(),
    energyImportedWh: 100 + i,
    energyExportedWh: 0,
    powerMinW: 1,
    powerAvgW: 2,
    powerMaxW: 3,
    registers: { "1-0:1.8.0": 1_000_000 + i },
    sampleCount: 15,
    quality: "complete" as const,
    flags: [],
  };
};

describe("packIntervals (4 KB IoT Hub blocks)", () => {
  it("keeps order, uses every record once and never exceeds the block unless a record alone does", () => {
    const records = Array.from({ length: 40 }, (_, i) => rec(i));
    const groups = packIntervals(records, 4096 - 256);
    expect(groups.flat()).toEqual(records.map((_, i) => i));
    for (const g of groups) {
      const body = JSON.stringify({ schemaVersion: 1, intervals: g.map((i) => records[i]) });
      expect(Buffer.byteLength(body)).toBeLessThanOrEqual(3840);
      expect(IntervalBatch.safeParse(JSON.parse(body)).success).toBe(true);
    }
    // each record serialises to 380..400 bytes here, so 9 fit in 3,840 and the 40 need 5 messages
    const one = Buffer.byteLength(JSON.stringify(records[0]));
    expect(one).toBeGreaterThan(340);
    expect(one).toBeLessThan(420);
    expect(groups.length).toBe(Math.ceil(40 / Math.floor((3840 - 30) / (one + 1))));
  });

  it("gives a record larger than the block a batch of its own", () => {
    const records = [rec(0), rec(1), rec(2)];
    expect(packIntervals(records, 10)).toEqual([[0], [1], [2]]);
    expect(packIntervals([], 4096)).toEqual([]);
  });
});

describe("a batch of water intervals", () => {
  it("carries medium and consumption through the batch schema unchanged", () => {
    const water = {
      ...rec(0),
      meterId: "w-1",
      medium: "water" as const,
      consumption: { "8-0:1.0.0": 0.0125 },
    };
    const parsed = IntervalBatch.parse({ schemaVersion: 1, intervals: [water, rec(1)] });
    expect(parsed.intervals[0]).toMatchObject({ medium: "water", consumption: { "8-0:1.0.0": 0.0125 } });
    // the electricity record gains nothing
    expect(Object.keys(parsed.intervals[1]!)).not.toContain("medium");
  });
});
