import { describe, expect, it } from "vitest";
import { peakWarning } from "../src/peak-warning";

describe("peak warning (projected 15-minute average against the month's peak)", () => {
  it("continues the quarter's rate so far when no current power is given", () => {
    // 600 Wh in the first 5 minutes = 7200 W; 10 minutes more at it: 600 + 1200 = 1800 Wh → 7200 W avg
    // headroom to the 4 kW peak: 1000 Wh - 600 = 400 Wh over 10 min → at most 2400 W
    expect(peakWarning({ monthPeakW: 4000, quarterEnergyWh: 600, minutesLeft: 10 })).toEqual({
      projectedW: 7200,
      thresholdW: 4000,
      wouldSetNewPeak: true,
      headroomWh: 400,
      maxPowerW: 2400,
    });
  });

  it("continues the current power when given", () => {
    // 600 Wh + 1200 W × 10 min (200 Wh) = 800 Wh → 3200 W: under the 4 kW peak
    const w = peakWarning({ monthPeakW: 4000, quarterEnergyWh: 600, minutesLeft: 10, currentPowerW: 1200 });
    expect(w.projectedW).toBeCloseTo(3200, 9);
    expect(w.wouldSetNewPeak).toBe(false);
  });

  it("does not warn below the floor", () => {
    // peak so far 1 kW, floor 2.5 kW; 500 Wh + 600 W × 10 min (100 Wh) = 600 Wh → 2400 W ≤ 2500
    const w = peakWarning({
      monthPeakW: 1000,
      quarterEnergyWh: 500,
      minutesLeft: 10,
      currentPowerW: 600,
      floorW: 2500,
    });
    expect(w.thresholdW).toBe(2500);
    expect(w.projectedW).toBeCloseTo(2400, 9);
    expect(w.wouldSetNewPeak).toBe(false);
  });

  it("at the end of the quarter the projection is the energy itself", () => {
    // 1100 Wh in the whole quarter = 4400 W, above 4 kW; headroom -100 Wh; no minutes left
    expect(peakWarning({ monthPeakW: 4000, quarterEnergyWh: 1100, minutesLeft: 0 })).toEqual({
      projectedW: 4400,
      thresholdW: 4000,
      wouldSetNewPeak: true,
      headroomWh: -100,
      maxPowerW: null,
    });
  });

  it("at the start of the quarter with nothing yet, projects 0", () => {
    expect(peakWarning({ monthPeakW: 4000, quarterEnergyWh: 0, minutesLeft: 15 })).toMatchObject({
      projectedW: 0,
      wouldSetNewPeak: false,
      maxPowerW: 4000,
    });
  });
});
