/**
 * The capacity warning under the Norwegian rule, hand-computed. Brackets as examples/tariffs/no-elvia.json
 * (Elvia 2023: 0-2 kW 110 NOK, 2-5 kW 170 NOK, 5-10 kW 270 NOK a month), here with 25 % VAT; the level is
 * the mean of the three highest hourly imports on three different days, the household's meters summed.
 * March 2026 in Oslo is UTC+1: the local hour 18:00 starts at 17:00Z.
 */
import { CapacityBracketWarningDetails, type MeterReading } from "@omdp/model";
import { describe, expect, it } from "vitest";
import { DesiredConfig } from "../src/config";
import { RuleEngine } from "../src/engine";
import { emptyState } from "../src/state";
import { quarter } from "./helpers";

const TARIFF = {
  id: "no-test",
  currency: "NOK",
  timeZone: "Europe/Oslo",
  import: { energy: { kind: "fixed", price: "1.00" } },
  vat: { rate: "0.25" },
  capacity: {
    rule: "no",
    brackets: [
      { fromKw: "0", toKw: "2", perMonth: "110" },
      { fromKw: "2", toKw: "5", perMonth: "170" },
      { fromKw: "5", toKw: "10", perMonth: "270" },
    ],
  },
};

function engine(): RuleEngine {
  const c = DesiredConfig.parse({
    rules: [{ id: "cap", kind: "capacityPeak" }],
    households: { "hh-no": { meters: ["m1", "m2"], tariff: TARIFF } },
  });
  return new RuleEngine(emptyState(), {
    rules: () => c.rules,
    timeZone: () => "Europe/Oslo",
    households: () => c.households,
  });
}

function reading(meterId: string, iso: string, registerWh: number, powerW: number): MeterReading {
  return {
    schemaVersion: 1,
    meterId,
    readingTime: iso,
    receivedAt: iso,
    source: { protocol: "dsmr", transport: "stream", gatewayId: "gw" },
    values: [
      { property: "1-0:1.8.0", value: registerWh, unit: "Wh" },
      { property: "1-0:1.7.0", value: powerW, unit: "W" },
    ],
  };
}

/** Four quarters of `wh` each from `iso`: one hour of 4 x wh. */
function hour(e: RuleEngine, meterId: string, iso: string, wh: number): void {
  for (let q = 0; q < 4; q++) e.interval(quarter(meterId, Date.parse(iso) + q * 900_000, wh));
}

/** Earlier days: 2 Mar 4 kWh (m1 2 + m2 2, summed), 3 Mar 3 kWh, 4 Mar 1 kWh; today (5 Mar) 2 kWh at 10:00. */
function earlierHours(e: RuleEngine): void {
  hour(e, "m1", "2026-03-02T17:00:00Z", 500);
  hour(e, "m2", "2026-03-02T17:00:00Z", 500);
  hour(e, "m1", "2026-03-03T17:00:00Z", 750);
  hour(e, "m1", "2026-03-04T17:00:00Z", 250);
  hour(e, "m1", "2026-03-05T09:00:00Z", 500);
}

describe("capacity bracket warning (Norwegian rule)", () => {
  it("warns once per hour when the hour, at the power now, lifts the level into a dearer bracket", () => {
    const e = engine();
    earlierHours(e);
    // level now: (4 + 3 + 2) / 3 = 3 kW, the 2-5 kW bracket. Both meters at 6 kW, +1 kWh per 10 min each.
    const made = [
      reading("m1", "2026-03-05T17:00:00Z", 10_000, 6000),
      reading("m2", "2026-03-05T17:00:00Z", 20_000, 6000),
      // m1 at 17:10: 1 kWh so far; m2's power is 10 min old (over 5 min), so 6 kW now:
      // 1 + 6 x 50/60 = 6 kWh, level (6 + 4 + 3) / 3 = 4.333 kW: same bracket
      reading("m1", "2026-03-05T17:10:00Z", 11_000, 6000),
      // m2 at 17:10: 2 kWh so far, 12 kW now: 2 + 12 x 50/60 = 12 kWh, level (12 + 4 + 3) / 3 = 6.333 kW
      reading("m2", "2026-03-05T17:10:00Z", 21_000, 6000),
      // the same hour again above: no second warning
      reading("m1", "2026-03-05T17:20:00Z", 12_000, 6000),
      reading("m2", "2026-03-05T17:20:00Z", 22_000, 6000),
    ].flatMap((r) => e.reading(r));
    const warnings = made.filter((ev) => ev.type === "capacity.bracket.warning");
    expect(warnings.map((w) => w.at)).toEqual(["2026-03-05T17:10:00.000Z"]);
    const w = warnings[0]!;
    expect(w.meterId).toBe("m1");
    expect(w.severity).toBe("warning");
    expect(CapacityBracketWarningDetails.strict().parse(w.details)).toEqual({
      ruleId: "cap",
      householdId: "hh-no",
      month: "2026-03",
      hourStart: "2026-03-05T17:00:00.000Z",
      projectedKwh: 12,
      hourEnergyWh: 2000,
      minutesLeft: 50,
      levelKw: 3,
      projectedLevelKw: 6.333,
      bracket: 1,
      projectedBracket: 2,
      // below 5 kW today's hour must stay under 3 x 5 - 4 - 3 = 8 kWh: 6 kWh more in 50 min = 7.2 kW
      maxPowerKw: 7.2,
      currency: "NOK",
      // 270 - 170 = 100 NOK, + 25 % VAT
      costIncrease: 125,
    });
    expect(Object.keys(e.state.active)).toEqual(["cap|hh-no"]);
    // the next hour ends the warning's alert
    e.reading(reading("m1", "2026-03-05T18:01:00Z", 16_100, 100));
    expect(Object.keys(e.state.active)).toEqual([]);
  });

  it("stays quiet while the projected hour keeps the bracket", () => {
    const e = engine();
    earlierHours(e);
    // each meter 1.5 kW: at 17:10 0.5 kWh so far, 3 kW now: 0.5 + 3 x 50/60 = 3 kWh; level stays 3 kW
    const made = [
      reading("m1", "2026-03-05T17:00:00Z", 10_000, 1500),
      reading("m2", "2026-03-05T17:00:00Z", 20_000, 1500),
      reading("m1", "2026-03-05T17:10:00Z", 10_250, 1500),
      reading("m2", "2026-03-05T17:10:00Z", 20_250, 1500),
    ].flatMap((r) => e.reading(r));
    expect(made.filter((ev) => ev.type.startsWith("capacity."))).toEqual([]);
  });
});
