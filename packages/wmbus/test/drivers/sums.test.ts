/** Sum fields (MeterDriver.sums): a value the meter sends in parts, added from the printed parts. */
import { describe, expect, it } from "vitest";
import { sumOf } from "../../src/drivers/apply";

describe("sumOf", () => {
  it("adds the parts (Techem compact V: 120 + 375 kWh = 495 kWh, the corpus' total_kwh)", () => {
    expect(sumOf({ current_kwh: 120, previous_kwh: 375 }, ["current_kwh", "previous_kwh"])).toBe(495);
  });

  it("rounds binary noise away: 0.09471 + 0.10602 + 0.01606 kW = 0.21679 kW (EBZ phases, by hand)", () => {
    const phases = { p1_kw: 0.09471, p2_kw: 0.10602, p3_kw: 0.01606 };
    expect(sumOf(phases, ["p1_kw", "p2_kw", "p3_kw"])).toBe(0.21679);
  });

  it("gives nothing when a part is missing or no number", () => {
    expect(sumOf({ a_kwh: 1 }, ["a_kwh", "b_kwh"])).toBeUndefined();
    expect(sumOf({ a_kwh: 1, b_kwh: "x" }, ["a_kwh", "b_kwh"])).toBeUndefined();
  });
});
