import { describe, expect, it } from "vitest";
import { bucketedCostAt, costAt, RU, ruPerBatch, ruPerInterval } from "../../scripts/cost-model";

const measured = {
  messageBytes: 520,
  intervalDocBytes: 650,
  hourDocBytes: 870,
  dayDocBytes: 1940,
  monthDocBytes: 2480,
  latestDocBytes: 720,
  meterDocBytes: 350,
  batchMessageBytes: 1922,
  intervalsPerFullBatch: 8,
  bucketMeanBytes: 3136,
  bucketFullBytes: 5572,
  dayRowBytes: 649,
  contributionBytes: 357,
};

describe("cost model", () => {
  it("applies the RU rule of thumb per started KB", () => {
    expect(RU.read(1024)).toBe(1);
    expect(RU.read(1025)).toBe(2);
    expect(RU.write(2480)).toBe(16.5);
    // upsert + (read + write) for hour, day, month and latest + registry read
    expect(ruPerInterval(measured)).toBe(5.5 + 6.5 + 13 + 19.5 + 6.5 + 1);
  });

  it("picks the cheapest IoT Hub tier and scales Cosmos with the meters", () => {
    const small = costAt(10_000, measured);
    const large = costAt(1_000_000, measured);
    expect(small.iotHub).toEqual({ tier: "S1", units: 3, usd: 75 });
    expect(large.iotHub.tier).toBe("S3");
    expect(large.cosmos.ruPerSecond).toBeGreaterThan(50 * small.cosmos.ruPerSecond);
    expect(large.usdPerMeterPerMonth).toBeLessThan(small.usdPerMeterPerMonth);
    expect(large.usdPerMonth).toBeCloseTo(large.usdPerMeterPerMonth * 1_000_000, -2);
  });

  it("prices the bucketed design per service (hand arithmetic)", () => {
    // bucket 3,136 B: read 4 + write 4 x 5.5; day row and latest (<1 KB): 1 + 5.5 each; 2 contributions 5.5 each
    expect(ruPerBatch(measured, 2)).toBe(4 + 22 + 6.5 + 6.5 + 11);
    const b = bucketedCostAt(1_000_000, measured, 2);
    // 12 batch messages (8 quarter hours each) + 0.5 events per meter-day = 12.5 M/day: 3 S2 units (6 M each)
    expect(b.messagesPerDay).toBe(12_500_000);
    expect(b.services.iotHub).toEqual({ tier: "S2", units: 3, usd: 750 });
    // storage: 1,826 x (5,572 + 649) B + 350 + 721 + 0.5 x 730 x 600 + 7 x 24 x 357 = 11,639,593 B/meter, x 1.02
    expect(b.services.cosmosStorage.gb).toBe(Math.round((11_639_593 * 1.02 * 1e6) / 1e9));
    const parts = b.services;
    const sum =
      parts.iotHub.usd +
      parts.functions.usd +
      parts.cosmosThroughput.usd +
      parts.cosmosStorage.usd +
      parts.fixed.usd;
    expect(b.usdPerMonth).toBeCloseTo(sum, 1);
    // a 1 h period sends twice the messages: 24.5 M/day needs 5 S2 units
    expect(bucketedCostAt(1_000_000, measured, 1).services.iotHub.units).toBe(5);
  });
});
