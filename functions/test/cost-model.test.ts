import { describe, expect, it } from "vitest";
import { costAt, RU, ruPerInterval } from "../../scripts/cost-model";

const measured = {
  messageBytes: 520,
  intervalDocBytes: 650,
  hourDocBytes: 870,
  dayDocBytes: 1940,
  monthDocBytes: 2480,
  latestDocBytes: 720,
  meterDocBytes: 350,
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
});
