/**
 * The piecewise simulated clock of a backfill: held at now - B, fast until it reaches the wall clock,
 * then the configured speed. Expected values are hand computed in the comments.
 */
import {
  catchingUp,
  catchUpEndWall,
  encodeSimEpoch,
  parseSimEpoch,
  SimClockError,
  simNow,
  speedAt,
  wallAt,
} from "@omdp/edge-module";
import { describe, expect, it } from "vitest";
import { chooseEpoch, DurationError, parseBackfill } from "../../src/platform/simClock";

const T = Date.parse("2026-03-01T10:00:00Z");
const DAY = 86_400_000;

describe("the backfill clock", () => {
  it("holds, catches up to the wall clock, then runs at the configured speed", () => {
    // B = 2 days at 1001x after a 5 s hold: the catch-up lasts B / 1000 = 172.8 s of wall time and ends
    // where the wall clock is (go + 172.8 s), then runs at 1x.
    const { epoch, backfillMs } = chooseEpoch("now", 1, undefined, T, {
      ms: 2 * DAY,
      holdMs: 5_000,
      speed: 1001,
    });
    const go = T + 5_000;
    expect(backfillMs).toBe(2 * DAY);
    expect(epoch).toEqual({
      wallMs: go,
      simMs: go - 2 * DAY,
      speed: 1,
      catchUp: { speed: 1001, untilSimMs: go + 172_800 },
    });
    expect(simNow(epoch, T)).toBe(go - 2 * DAY); // held before go
    expect(simNow(epoch, go)).toBe(go - 2 * DAY);
    // 100 s after go: 100 s x 1001 = 100,100 s of simulated time = 1 d 3 h 48 m 20 s
    expect(simNow(epoch, go + 100_000)).toBe(go - 2 * DAY + 100_100_000);
    expect(catchingUp(epoch, go + 100_000)).toBe(true);
    expect(speedAt(epoch, go + 100_000)).toBe(1001);
    expect(catchUpEndWall(epoch)).toBeCloseTo(go + 172_800, 3);
    // after the switch the simulated clock equals the wall clock (10 s later: wall + 10 s at 1x)
    expect(simNow(epoch, go + 172_800 + 10_000)).toBe(go + 172_800 + 10_000);
    expect(catchingUp(epoch, go + 172_801)).toBe(false);
    expect(speedAt(epoch, go + 172_801)).toBe(1);
    // the inverse: a meter time of the catch-up and one after it
    expect(wallAt(epoch, go - 2 * DAY + 100_100_000)).toBeCloseTo(go + 100_000, 3);
    expect(wallAt(epoch, go + 200_000)).toBeCloseTo(go + 200_000, 3);
  });

  it("at 60x after the catch-up, the clock runs 60x from where it met the wall clock", () => {
    const { epoch } = chooseEpoch("now", 60, undefined, T, { ms: DAY, speed: 601 });
    // catch-up: 86,400 s / 600 = 144 s; then 1 s of wall = 60 s simulated
    expect(simNow(epoch, T + 145_000)).toBe(T + 144_000 + 60_000);
  });

  it("backfills only on a new data dir with start now", () => {
    expect(chooseEpoch("now", 1, T - 1_000, T, { ms: DAY }).epoch.catchUp).toBeUndefined();
    expect(chooseEpoch("2026-01-01T00:00:00Z", 1, undefined, T, { ms: DAY }).epoch.catchUp).toBeUndefined();
    expect(chooseEpoch("now", 1, undefined, T, { ms: 0 }).epoch).toEqual({ wallMs: T, simMs: T, speed: 1 });
  });

  it("goes through OMDP_SIM_CLOCK and rejects a bad catch-up with the value", () => {
    const { epoch } = chooseEpoch("now", 1, undefined, T, { ms: DAY });
    expect(parseSimEpoch(encodeSimEpoch(epoch))).toEqual(epoch);
    for (const raw of [
      '{"wallMs":1,"simMs":2,"speed":1,"catchUp":{"speed":0,"untilSimMs":5}}',
      '{"wallMs":1,"simMs":2,"speed":1,"catchUp":{"speed":10,"untilSimMs":1}}',
    ])
      expect(() => parseSimEpoch(raw)).toThrow(SimClockError);
  });

  it("reads ISO 8601 durations (P30D = 2,592,000,000 ms) and 0; rejects the rest", () => {
    expect(parseBackfill("P30D")).toBe(2_592_000_000);
    expect(parseBackfill("P1W")).toBe(604_800_000);
    expect(parseBackfill("PT1H30M")).toBe(5_400_000);
    expect(parseBackfill("P1DT12H")).toBe(129_600_000);
    expect(parseBackfill("0")).toBe(0);
    for (const bad of ["P", "PT", "30D", "P1M2", "-P1D", "P1Y"])
      expect(() => parseBackfill(bad)).toThrow(DurationError);
  });
});

describe("the go file", () => {
  it("holds the clock until the supervisor writes it, then catches up from then to the wall clock", async () => {
    const { epochSource, goAt } = await import("@omdp/edge-module");
    const planned = {
      wallMs: T,
      simMs: T - DAY,
      speed: 1,
      catchUp: { speed: 1001, untilSimMs: T + 86_400, goFile: "/go" },
    };
    let file: string | undefined;
    const source = epochSource(planned, () => file);
    const held = source();
    // no file yet: the clock stays at T - 1 d however late it is, and it is catching up
    expect(simNow(held, T + 3_600_000)).toBe(T - DAY);
    expect(catchingUp(held, T + 3_600_000)).toBe(true);
    // go 20 s late: the catch-up covers 1 d + 20 s; (86,420 s) / 1000 = 86.42 s, ending at go + 86.42 s
    const go = T + 20_000;
    expect(goAt(planned, go)).toEqual({
      wallMs: go,
      simMs: T - DAY,
      speed: 1,
      catchUp: { speed: 1001, untilSimMs: go + 86_420 },
    });
    file = JSON.stringify({ wallMs: go });
    // the source looks at the file at most every 50 ms: wait (bounded) until it has
    let fixed = source();
    for (let i = 0; i < 100 && fixed.wallMs !== go; i++) {
      await new Promise((r) => setTimeout(r, 10));
      fixed = source();
    }
    expect(fixed.wallMs).toBe(go);
    expect(simNow(fixed, go + 86_420 + 1_000)).toBe(go + 86_420 + 1_000);
  });
});
