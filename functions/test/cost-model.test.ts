import { describe, expect, it } from "vitest";
import { bucketedCostAt, RU, ruPerBatch } from "../../scripts/cost-model";

/** Sizes of the order `npm run cost-model` measures (fixed here: the arithmetic is what is tested). */
const measured = {
  messageBytes: 517,
  batchMessageBytes: 3745,
  intervalsPerFullBatch: 8,
  bucketMeanBytes: 3136,
  bucketFullBytes: 5572,
  dayRowBytes: 649,
  contributionBytes: 357,
  latestDocBytes: 720,
  meterDocBytes: 350,
  requestsPerBatch: 6,
};

describe("cost model", () => {
  it("applies the RU rule of thumb per started KB", () => {
    expect(RU.read(1024)).toBe(1);
    expect(RU.read(1025)).toBe(2);
    expect(RU.write(2480)).toBe(16.5);
  });

  it("prices the bucketed design per service (hand arithmetic)", () => {
    // bucket 3,136 B: read 4 + replace 4 x 5.5; day row upsert 5.5; 2 contributions 5.5 each; latest 1 + 5.5
    expect(ruPerBatch(measured, 2)).toBe(4 + 22 + 5.5 + 11 + 6.5);
    const b = bucketedCostAt(1_000_000, measured, 2);
    // 12 batch messages (8 quarter hours each) + 0.5 events per meter-day = 12.5 M/day: 3 S2 units (6 M each)
    expect(b.messagesPerDay).toBe(12_500_000);
    expect(b.services.iotHub).toEqual({ tier: "S2", units: 3, usd: 750 });
    // storage: 1,826 x (5,572 + 649) B + 350 + 720 + 0.5 x 730 x 600 + 7 x 24 x 357 = 11,639,592 B/meter, x 1.02
    expect(b.services.cosmosStorage.gb).toBe(Math.round((11_639_592 * 1.02 * 1e6) / 1e9));
    const s = b.services;
    const sum = s.iotHub.usd + s.functions.usd + s.cosmosThroughput.usd + s.cosmosStorage.usd + s.fixed.usd;
    expect(b.usdPerMonth).toBeCloseTo(sum, 1);
    // a 1 h period sends twice the messages: 24.5 M/day needs 5 S2 units
    expect(bucketedCostAt(1_000_000, measured, 1).services.iotHub.units).toBe(5);
    // small fleets pay the fixed minimums: more per meter
    expect(bucketedCostAt(10_000, measured).usdPerMeterPerMonth).toBeGreaterThan(b.usdPerMeterPerMonth);
  });
});
