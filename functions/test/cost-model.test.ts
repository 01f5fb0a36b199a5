import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ASSUMPTIONS,
  bucketedCostAt,
  PRODUCTION_MANIFEST,
  RU,
  ruPerBatch,
  upstreamPeriodOf,
} from "../../scripts/cost-model";
import { SETTINGS } from "../src/settings";

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

describe("upstream period the cost model assumes", () => {
  it("reads sharing cloud.batchSeconds from a manifest; 0 or absent is a quarter hour per message", () => {
    const manifest = (cloud: object) => ({
      modulesContent: { sharing: { "properties.desired": { cloud } } },
    });
    // 7200 s / 3600 = 2 h
    expect(upstreamPeriodOf(manifest({ enabled: true, batchSeconds: 7200 }), "m").periodHours).toBe(2);
    // 0 s: each PT15M interval on its own, 900 s = 0.25 h
    expect(upstreamPeriodOf(manifest({ enabled: true, batchSeconds: 0 }), "m").periodHours).toBe(0.25);
    expect(upstreamPeriodOf(manifest({ enabled: true }), "m").batchSeconds).toBe(0);
    expect(() => upstreamPeriodOf(manifest({ batchSeconds: "2h" }), "x.json")).toThrow(/x\.json/);
  });

  it("the production deployment template sets a period that reaches <= $0.005 per meter-month at 1M", () => {
    const doc = JSON.parse(readFileSync(new URL(`../../${PRODUCTION_MANIFEST}`, import.meta.url), "utf8"));
    const setting = upstreamPeriodOf(doc, PRODUCTION_MANIFEST);
    expect(setting.batchSeconds).toBe(7200);
    expect(bucketedCostAt(1_000_000, measured, setting.periodHours).usdPerMeterPerMonth).toBeLessThanOrEqual(
      0.005,
    );
    // one message per quarter hour (sharing's own default 0) misses the target
    expect(bucketedCostAt(1_000_000, measured, 0.25).usdPerMeterPerMonth).toBeGreaterThan(0.005);
  });

  it("the debug deployment and sharing's default keep the short period the local platform tests rely on", () => {
    const doc = JSON.parse(
      readFileSync(new URL("../../deployment.debug.template.json", import.meta.url), "utf8"),
    );
    expect(upstreamPeriodOf(doc, "deployment.debug.template.json").batchSeconds).toBe(0);
  });
});

describe("retention defaults", () => {
  it("are the same 5 years (1826 days) in the functions settings, the Bicep parameters and the cost model", () => {
    const bicep = readFileSync(new URL("../../infra-bicep/main.bicep", import.meta.url), "utf8");
    const param = (name: string) => Number(new RegExp(`param ${name} int = (-?\\d+)`).exec(bicep)?.[1]);
    // 5 years = 5 x 365 + 1 leap day = 1826
    expect(param("retentionIntervalsDays")).toBe(1826);
    expect(param("retentionRollupsDays")).toBe(1826);
    expect(Number(SETTINGS.RETENTION_INTERVALS_DAYS.default)).toBe(1826);
    expect(Number(SETTINGS.RETENTION_ROLLUPS_DAYS.default)).toBe(1826);
    expect(ASSUMPTIONS.bucketed.retentionDays).toBe(1826);
    expect(param("retentionEventsDays")).toBe(Number(SETTINGS.RETENTION_EVENTS_DAYS.default));
    expect(ASSUMPTIONS.cosmos.eventRetentionDays).toBe(Number(SETTINGS.RETENTION_EVENTS_DAYS.default));
  });
});
