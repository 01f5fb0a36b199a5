import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { clockFromEnv, encodeSimEpoch, parseSimEpoch, SimClockError, simNow } from "@omdp/edge-module";
import { afterEach, describe, expect, it } from "vitest";
import { preparePrivateDir } from "../../src/platform/dataDir";
import { ClockFileError, chooseEpoch, recordedSimTime, writeSimTime } from "../../src/platform/simClock";

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), "omdp-simclock-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const T = Date.parse("2026-03-01T10:00:00Z");

describe("the simulated epoch", () => {
  it("runs `speed` times the wall clock from its start (hand computed: 90 s of wall at 60x = 90 min)", () => {
    const epoch = { wallMs: T, simMs: Date.parse("2026-01-01T00:00:00Z"), speed: 60 };
    expect(new Date(simNow(epoch, T + 90_000)).toISOString()).toBe("2026-01-01T01:30:00.000Z");
    // From the environment: the same epoch (wall now is after T, so simulated now is after 01:30).
    const now = clockFromEnv({ OMDP_SIM_CLOCK: encodeSimEpoch(epoch) })();
    expect(now).toBeGreaterThan(simNow(epoch, T + 90_000));
    expect(clockFromEnv({})).toBe(Date.now);
  });

  it("rejects a malformed OMDP_SIM_CLOCK with the value as evidence", () => {
    for (const raw of ["nope", '{"wallMs":1,"simMs":2,"speed":0}', '{"wallMs":"x","simMs":2,"speed":1}']) {
      let err: unknown;
      try {
        parseSimEpoch(raw);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(SimClockError);
      expect((err as SimClockError).value).toBe(raw);
    }
  });

  it("continues from the data dir's recorded time when the requested start is earlier, never goes back", () => {
    const recorded = T + 3_600_000;
    expect(chooseEpoch("now", 60, recorded, T)).toMatchObject({
      epoch: { wallMs: T, simMs: recorded, speed: 60 },
      continued: true,
    });
    expect(chooseEpoch("2026-01-01T00:00:00Z", 1, recorded, T).epoch.simMs).toBe(recorded);
    // A later request (or no record) starts where asked.
    expect(chooseEpoch("now", 1, T - 1_000, T)).toMatchObject({ epoch: { simMs: T }, continued: false });
    expect(chooseEpoch("2026-06-01T00:00:00Z", 1, undefined, T).epoch.simMs).toBe(
      Date.parse("2026-06-01T00:00:00Z"),
    );
  });

  it("records the simulated time in a 0600 file and refuses a damaged one", () => {
    const d = temp();
    expect(recordedSimTime(d)).toBeUndefined();
    writeSimTime(d, T);
    expect(recordedSimTime(d)).toBe(T);
    expect(statSync(join(d, "sim", "clock.json")).mode & 0o777).toBe(0o600);
    writeFileSync(join(d, "sim", "clock.json"), "{garbage");
    expect(() => recordedSimTime(d)).toThrow(ClockFileError);
  });
});

describe("the private data dir", () => {
  it("tightens an existing data dir and what an earlier run left in it", () => {
    const d = join(temp(), "data");
    mkdirSync(join(d, "edge"), { recursive: true });
    chmodSync(d, 0o755);
    chmodSync(join(d, "edge"), 0o755);
    writeFileSync(join(d, "edge", "upstream.db"), "x");
    chmodSync(join(d, "edge", "upstream.db"), 0o644);
    preparePrivateDir(d);
    expect(statSync(d).mode & 0o777).toBe(0o700);
    expect(statSync(join(d, "edge")).mode & 0o777).toBe(0o700);
    expect(statSync(join(d, "edge", "upstream.db")).mode & 0o777).toBe(0o600);
  });
});
