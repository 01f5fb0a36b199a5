/**
 * The M-Bus electricity sub-meter's instantaneous values are physically consistent (issue 16 section 5:
 * it showed 0.131 kW at 231 V x 0.22 A = 51 VA): for a single-phase meter the active power can never
 * exceed the apparent power, P <= V x I, and with the curve's reactive power Q = 0.2 x load
 * (loadCurve.ts) the power factor P / (V x I) is about 1 / sqrt(1 + 0.2^2) = 0.98, not far below.
 */
import { describe, expect, it } from "vitest";
import { createMeterFleet } from "../../src/meters/fleet";

const ID = "12345678";
const START = Date.parse("2026-11-30T00:00:00Z");

describe("M-Bus sub-meter per-phase values", () => {
  it("P <= V x I at every 5 minutes of a day, and V x I is the apparent power (pf ~0.98)", () => {
    const fleet = createMeterFleet({
      meters: [{ id: ID, kind: "mbus", seed: 44, pv: false }],
      start: START,
      answerDelayMs: 0,
      wallClock: () => 0,
    });
    let loaded = 0;
    for (let i = 1; i <= 288; i++) {
      const values = fleet.registers(ID, START + i * 300_000).values;
      const get = (p: string) => values.find((v) => v.property === p)?.value as number;
      const p = get("1-0:1.7.0");
      const v = get("1-0:32.7.0");
      const a = get("1-0:31.7.0");
      const va = v * a;
      expect(va + 1e-9, `t+${i * 5} min: ${p} W at ${v} V x ${a} A`).toBeGreaterThanOrEqual(p);
      if (p > 50) {
        loaded++;
        // S <= V x I < S + V x 0.01 A (the current is rounded up to 0.01 A), and P / S = 1 / sqrt(1 +
        // (Q/P)^2) with Q = round(0.2 x P): Q/P in [0.19, 0.21] for P > 50 W, so P / S in [0.978, 0.983]
        expect(p / va).toBeLessThanOrEqual(0.983);
        expect(p / (va - v * 0.01)).toBeGreaterThanOrEqual(0.978);
      }
    }
    expect(loaded).toBeGreaterThan(200); // a household draws > 50 W nearly all day
  });
});
