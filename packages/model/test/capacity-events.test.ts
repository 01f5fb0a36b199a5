import { describe, expect, it } from "vitest";
import {
  CAPACITY_EVENT_TYPES,
  CapacityPeakSetDetails,
  CapacityPeakWarningDetails,
  Event,
} from "../src/index";

const common = {
  ruleId: "capacity-peak",
  householdId: "hh-be",
  month: "2026-03",
  quarterStart: "2026-03-10T09:00:00.000Z",
  monthPeakKw: 3,
  floorKw: 2.5,
  currency: "EUR",
  costIncrease: 3.568667,
};

describe("capacity events", () => {
  it("the two types are valid Event types and the details parse", () => {
    expect(Object.values(CAPACITY_EVENT_TYPES)).toEqual(["capacity.peak.warning", "capacity.peak.set"]);
    const warning = {
      ...common,
      projectedKw: 4,
      minutesLeft: 12,
      quarterEnergyWh: 200,
      maxPowerKw: 2.75,
    };
    for (const type of Object.values(CAPACITY_EVENT_TYPES)) {
      const ev = Event.safeParse({
        schemaVersion: 1,
        id: "x",
        type,
        severity: "warning",
        meterId: "m1",
        at: "2026-03-10T09:03:00Z",
        details: warning,
      });
      expect(ev.success).toBe(true);
    }
    expect(CapacityPeakWarningDetails.parse(warning)).toEqual(warning);
    expect(CapacityPeakWarningDetails.safeParse({ ...warning, maxPowerKw: null }).success).toBe(true);
    expect(CapacityPeakSetDetails.safeParse({ ...common, peakKw: 4, quarterEnergyWh: 1000 }).success).toBe(
      true,
    );
  });

  it("refuses details out of their range", () => {
    const warning = { ...common, projectedKw: 4, minutesLeft: 16, quarterEnergyWh: 200, maxPowerKw: 1 };
    expect(CapacityPeakWarningDetails.safeParse(warning).error?.issues[0]?.path).toEqual(["minutesLeft"]);
    expect(
      CapacityPeakSetDetails.safeParse({ ...common, month: "2026-3", peakKw: 4, quarterEnergyWh: 1 }).success,
    ).toBe(false);
  });
});
