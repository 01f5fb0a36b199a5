/**
 * The Norwegian capacity rule's warning, hand-computed. Brackets of examples/tariffs/no-elvia.json
 * (Elvia 2023 as published): 0-2 kW 110 NOK, 2-5 kW 170 NOK, 5-10 kW 270 NOK a month; the level is the
 * mean of the three highest hourly imports on three different days of the month (the file's note).
 */
import { describe, expect, it } from "vitest";
import noElvia from "../../../examples/tariffs/no-elvia.json" with { type: "json" };
import { bracketWarning } from "../src/bracket-warning";
import { tariff } from "./support/tariffs";

const t = tariff(noElvia as never);
if (t.capacity?.rule !== "no") throw new Error("no-elvia.json has the Norwegian rule");
const rule = t.capacity;

describe("bracketWarning (Norwegian rule)", () => {
  it("warns when the hour, continued at the power now, lifts the level into the next bracket", () => {
    // earlier days' highest hours 4, 3, 1 kWh, today's so far 2 kWh: level (4 + 3 + 2) / 3 = 3 kW, 2-5 kW
    // this hour: 3 kWh in 30 min, 12 kW now for 30 min more: 3 + 6 = 9 kWh
    // level with today at 9: (9 + 4 + 3) / 3 = 5.333 kW, the 5-10 kW bracket: 270 - 170 = 100 NOK more
    const w = bracketWarning({
      rule,
      otherDaysMaxWh: [4000, 3000, 1000],
      todayMaxWh: 2000,
      hourEnergyWh: 3000,
      minutesLeft: 30,
      currentPowerW: 12_000,
    });
    expect(w).toMatchObject({ projectedWh: 9000, levelW: 3000, bracket: 1, projectedBracket: 2 });
    expect(w.projectedLevelW).toBeCloseTo(16_000 / 3, 9);
    expect(w.wouldRaiseBracket).toBe(true);
    expect(w.costIncrease).toBe(100_000_000); // 100 NOK in µ-units
    // staying below 5 kW needs today's hour under 3 x 5 - 4 - 3 = 8 kWh: 5 kWh more in 30 min = 10 kW
    expect(w.maxPowerW).toBeCloseTo(10_000, 6);
  });

  it("continues the hour's average when no power is known; adds VAT to the increase", () => {
    // 3 kWh in 30 min = 6 kW: 6 kWh; level (6 + 4 + 3) / 3 = 4.333 kW, still 2-5 kW
    const same = bracketWarning({
      rule,
      otherDaysMaxWh: [4000, 3000, 1000],
      todayMaxWh: 2000,
      hourEnergyWh: 3000,
      minutesLeft: 30,
    });
    expect(same).toMatchObject({
      projectedWh: 6000,
      bracket: 1,
      projectedBracket: 1,
      wouldRaiseBracket: false,
      costIncrease: 0,
    });
    // the month's first hour: 1.5 kWh in 45 min, 4 kW for 15 min: 2.5 kWh, level 2.5 kW (one day):
    // 0-2 kW -> 2-5 kW, 170 - 110 = 60 NOK, with 25 % VAT 75 NOK
    const first = bracketWarning({
      rule,
      otherDaysMaxWh: [],
      todayMaxWh: 0,
      hourEnergyWh: 1500,
      minutesLeft: 15,
      currentPowerW: 4000,
      vatPpm: 250_000,
    });
    expect(first).toMatchObject({
      projectedWh: 2500,
      levelW: 0,
      bracket: 0,
      projectedBracket: 1,
      costIncrease: 75_000_000,
    });
    // below 2 kW: 0.5 kWh more in 15 min = 2 kW
    expect(first.maxPowerW).toBeCloseTo(2000, 6);
  });

  it("a high hour on a day that is not among the top three does not lift the level", () => {
    // days 9, 8, 7 kWh (level 8 kW, 5-10 kW); today 6.5 kWh projected: top three unchanged
    const w = bracketWarning({
      rule,
      otherDaysMaxWh: [9000, 8000, 7000],
      todayMaxWh: 0,
      hourEnergyWh: 6000,
      minutesLeft: 10,
      currentPowerW: 3000,
    });
    expect(w).toMatchObject({
      projectedWh: 6500,
      levelW: 8000,
      projectedLevelW: 8000,
      wouldRaiseBracket: false,
    });
    // to leave 5-10 kW today's hour must reach 3 x 10 - 9 - 8 = 13 kWh: 7 kWh more in 10 min = 42 kW
    expect(w.maxPowerW).toBeCloseTo(42_000, 6);
  });
});
