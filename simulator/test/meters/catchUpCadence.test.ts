/**
 * A backfill's catch-up: DLMS meters push once per 5 minutes of meter time on whole 5-minute marks (so
 * each quarter hour ends on a reading), then on their own 5 s grid; the meter clock follows the shared
 * piecewise epoch. Expected times are hand computed in the comments.
 */
import { describe, expect, it } from "vitest";
import { EpochMeterClock } from "../../src/meters/clock";
import { createDlmsMeter } from "../../src/meters/dlmsMeter";

const T = Date.parse("2026-03-01T00:00:00Z");
const MIN = 60_000;

describe("catch-up cadence", () => {
  it("pushes on 5-minute marks until the catch-up ends, then every 5 s", () => {
    const m = createDlmsMeter({ id: "KFM1000000001", kind: "dlms", seed: 42 }, T, {
      untilMs: T + 60 * MIN,
      intervalS: 300,
    });
    const times: number[] = [];
    for (let i = 0; i < 14; i++) times.push(m.push().meterTime);
    // 00:05, 00:10, ... 00:55 (11 pushes; 01:00 is not before the end of the catch-up)
    expect(times.slice(0, 11)).toEqual(Array.from({ length: 11 }, (_, i) => T + (i + 1) * 5 * MIN));
    // then the meter's own grid (a phase of 0..4 s within 5 s): the first slot after 00:55, 5 s apart
    expect(times[11]! - (T + 55 * MIN)).toBeGreaterThan(0);
    expect(times[11]! - (T + 55 * MIN)).toBeLessThanOrEqual(5_000);
    expect(times[12]! - times[11]!).toBe(5_000);
    expect(times[13]! - times[12]!).toBe(5_000);
  });

  it("without a catch-up the meter pushes every 5 s as before", () => {
    const m = createDlmsMeter({ id: "KFM1000000001", kind: "dlms", seed: 42 }, T);
    const a = m.push().meterTime;
    expect(m.push().meterTime - a).toBe(5_000);
  });

  it("the meter clock follows the shared epoch (held, fast, then 1x)", () => {
    let wall = T;
    // held at T - 1 d until T; at 1001x the catch-up of 1 d lasts 86.4 s and ends at T + 86.4 s
    const epoch = {
      wallMs: T,
      simMs: T - 86_400_000,
      speed: 1,
      catchUp: { speed: 1001, untilSimMs: T + 86_400 },
    };
    const clock = new EpochMeterClock(epoch, () => wall);
    expect(clock.now()).toBe(T - 86_400_000);
    wall = T + 10_000; // 10 s x 1001 = 10,010 s
    expect(clock.now()).toBe(T - 86_400_000 + 10_010_000);
    // 1,001 s of meter time more is 1 s of wall time
    expect(clock.wallDelayUntil(clock.now() + 1_001_000)).toBeCloseTo(1_000, 3);
    wall = T + 100_000;
    expect(clock.now()).toBe(T + 100_000);
    expect(clock.wallDelayUntil(T + 105_000)).toBeCloseTo(5_000, 3);
  });
});
