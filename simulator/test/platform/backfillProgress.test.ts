import { describe, expect, it } from "vitest";
import { backfillLine, backfillQuarter } from "../../src/platform/backfillProgress";

// 30 days of meter time caught up in 40 s of wall time after a hold: start 1,000, end 41,000 (wall ms);
// the catch-up ends on the wall clock, so fromSimMs = end - 30 days.
const span = { fromSimMs: 41_000 - 30 * 86_400_000, startWallMs: 1_000, endWallMs: 41_000 };

describe("backfill progress", () => {
  it("draws a 30-character bar, the days reached and the seconds left", () => {
    expect(backfillLine(span, 500)).toBe(
      `backfill [${".".repeat(30)}]   0%  0 of 30 days, waiting for the components`,
    );
    // 21,000: half of 40 s -> 15 of 30 characters, 15 of 30 days, 20 s left
    expect(backfillLine(span, 21_000)).toBe(
      `backfill [${"#".repeat(15)}${".".repeat(15)}]  50%  15 of 30 days, 20 s left`,
    );
    expect(backfillLine(span, 50_000)).toBe(`backfill [${"#".repeat(30)}] 100%  30 of 30 days, 0 s left`);
  });

  it("reports quarters for a log that is not a terminal", () => {
    // 10,999 is 24.9975 % (quarter 0); 11,000 is 25 % (quarter 1); 41,000 is 100 % (quarter 4)
    expect([500, 10_999, 11_000, 31_000, 41_000].map((w) => backfillQuarter(span, w))).toEqual([
      0, 0, 1, 3, 4,
    ]);
  });
});
