import { describe, expect, it } from "vitest";
import { initial, step } from "../src/hysteresis";

describe("hysteresis", () => {
  it("fires after onFor, holds between the thresholds, resolves after offFor, then can fire again", () => {
    const s = initial();
    const timing = { onForMs: 10, offForMs: 20 };
    const trace = [
      step(s, 0, true, false, timing), // pending
      step(s, 5, true, false, timing),
      step(s, 10, true, false, timing), // held 10: fire
      step(s, 11, true, false, timing), // still on: nothing
      step(s, 15, false, false, timing), // in the band: nothing
      step(s, 16, false, true, timing), // clearing
      step(s, 30, false, false, timing), // back in the band: firing again, no event
      step(s, 31, false, true, timing), // clearing anew
      step(s, 51, false, true, timing), // held 20: resolve
      step(s, 52, true, false, timing), // pending again
      step(s, 62, true, false, timing), // fire again
    ];
    expect(trace).toEqual([null, null, "fire", null, null, null, null, null, "resolve", null, "fire"]);
  });

  it("a short spike does not fire", () => {
    const s = initial();
    const timing = { onForMs: 60, offForMs: 60 };
    expect([
      step(s, 0, true, false, timing),
      step(s, 30, false, false, timing),
      step(s, 70, true, false, timing),
    ]).toEqual([null, null, null]);
    expect(s.phase).toBe("pending");
    expect(s.since).toBe(70);
  });
});
