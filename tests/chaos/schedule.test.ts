import { describe, expect, it } from "vitest";
import { chaosSchedule, FAULT_KINDS } from "./schedule";

describe("chaos schedule", () => {
  it("is the same for the same seed and differs for another", () => {
    expect(chaosSchedule(11, 600, 20)).toEqual(chaosSchedule(11, 600, 20));
    expect(chaosSchedule(12, 600, 20).map((f) => f.kind)).not.toEqual(
      chaosSchedule(11, 600, 20).map((f) => f.kind),
    );
  });

  it("brings every kind round once per round, inside the run, with a gap before its end", () => {
    // 600 s at one fault per 20 s: floor(600 / 20) - 1 = 29 faults, rounds of 9 kinds: 3 whole rounds
    const s = chaosSchedule(11, 600, 20);
    expect(s).toHaveLength(29);
    for (let r = 0; r < 3; r++)
      expect(new Set(s.slice(r * 9, r * 9 + 9).map((f) => f.kind))).toEqual(new Set(FAULT_KINDS));
    // slot i at (i + 1) * 20 s, jitter within +-20 % of the gap: the last (slot 28) by 580 + 4 = 584 s
    for (const [i, f] of s.entries()) expect(Math.abs(f.at - (i + 1) * 20)).toBeLessThanOrEqual(4);
    expect(s.at(-1)!.at).toBeLessThanOrEqual(584);
  });

  it("gives outages and fills a duration, kills none", () => {
    for (const f of chaosSchedule(3, 200, 10))
      expect(f.lasts > 0).toBe(f.kind === "outage:cloud" || f.kind === "fill:upstream");
  });
});
