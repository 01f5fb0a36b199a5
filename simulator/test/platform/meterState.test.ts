/**
 * A second `omdp start` on the same data dir continues the simulated meters' registers (issue 16
 * section 5: "16,760.882 kWh, then 16,760.868 kWh"): the registers saved to <data>/sim/registers.json
 * are where the next run's meters start, never their seed values.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createMeterFleet } from "../../src/meters/fleet";
import { IntegratingRegister, RegisterBank, useRegisterBank } from "../../src/meters/registers";
import type { MeterSpec } from "../../src/meters/types";
import {
  keepRegisterState,
  loadRegisterState,
  MeterStateError,
  REGISTERS_FILE,
  saveRegisterState,
} from "../../src/platform/meterState";

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), "omdp-meterstate-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  useRegisterBank(undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

// The embedded defaults' meters (seed 42 + index), as run-meters builds them.
const SPECS: MeterSpec[] = [
  { id: "KFM1000000001", kind: "dlms", seed: 42, pv: false },
  { id: "SAG1000000002", kind: "dlms", seed: 43, pv: true },
  { id: "12345678", kind: "mbus", seed: 44, pv: false },
];
const T0 = Date.parse("2026-11-30T08:00:00Z");
const HOUR = 3_600_000;

/** A+ (Wh) of each meter at meter time `at`, from a fleet that starts at `start` (no timers, no line). */
function importWh(start: number, at: number): Record<string, number> {
  const fleet = createMeterFleet({ meters: SPECS, start, answerDelayMs: 0, wallClock: () => 0 });
  return Object.fromEntries(
    SPECS.map((s) => {
      const v = fleet.registers(s.id, at).values.find((x) => x.property === "1-0:1.8.0");
      return [s.id, v?.value as number];
    }),
  );
}

describe("register state across starts", () => {
  it("the second run's registers start where the first run's ended, and only grow", () => {
    const data = temp();
    const first = keepRegisterState(data, SPECS);
    useRegisterBank(first.bank);
    const ended = importWh(T0, T0 + HOUR); // one simulated hour of the first run
    first.stop(); // saves
    useRegisterBank(undefined);

    // Without the saved state a meter started at T0 + 1 h shows its seed value: below where run 1 ended
    // (an hour of a household's import is > 0 Wh): this is the bug the state file fixes.
    const fresh = importWh(T0 + HOUR, T0 + HOUR);
    for (const s of SPECS) expect(fresh[s.id]!, s.id).toBeLessThan(ended[s.id]!);

    const second = keepRegisterState(data, SPECS);
    useRegisterBank(second.bank);
    const resumed = importWh(T0 + HOUR, T0 + HOUR); // the clock continues from the recorded time
    const later = importWh(T0 + HOUR, T0 + 2 * HOUR);
    // Same accumulator, nothing integrated yet: exactly the value run 1 ended with.
    expect(resumed).toEqual(ended);
    for (const s of SPECS) expect(later[s.id]!, s.id).toBeGreaterThan(ended[s.id]!);
  });

  it("writes the file atomically, 0600, with the meters by id and seed", () => {
    const data = temp();
    const bank = new RegisterBank();
    useRegisterBank(bank);
    const r = new IntegratingRegister(5, 3600, "44:importWh"); // 5 Wh = 18,000 W s
    r.add(1800); // 1800 W for one second = 0.5 Wh
    saveRegisterState(data, SPECS, bank.snapshot());
    const path = join(data, REGISTERS_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(data, "sim"))).toEqual(["registers.json"]); // no temp file left
    const file = JSON.parse(readFileSync(path, "utf8"));
    expect(file.meters).toEqual({ "12345678": { seed: 44, registers: { importWh: 19_800 } } });
    expect(loadRegisterState(data, SPECS)).toEqual({ "44:importWh": 19_800 });
  });

  it("a meter whose seed changed starts afresh; a saved value below the seed value is not taken", () => {
    const data = temp();
    saveRegisterState(data, SPECS, { "44:importWh": 7_200, "42:importWh": 3_600 });
    const reseeded = SPECS.map((s) => (s.id === "12345678" ? { ...s, seed: 99 } : s));
    expect(loadRegisterState(data, reseeded)).toEqual({ "42:importWh": 3_600 });
    useRegisterBank(new RegisterBank({ "42:importWh": 3_600 }));
    // seed value 10 Wh = 36,000 W s > saved 3,600 W s: the register never starts below its seed value
    expect(new IntegratingRegister(10, 3600, "42:importWh").value).toBe(10);
  });

  it("a damaged state file is a typed error that names the file", () => {
    const data = temp();
    saveRegisterState(data, SPECS, {});
    const path = join(data, REGISTERS_FILE);
    writeFileSync(path, "{not json");
    expect(() => loadRegisterState(data, SPECS)).toThrow(MeterStateError);
    writeFileSync(
      path,
      JSON.stringify({ meters: { "12345678": { seed: 44, registers: { importWh: -1 } } } }),
    );
    expect(() => loadRegisterState(data, SPECS)).toThrow(/12345678\/importWh is not a non-negative number/);
    expect(existsSync(path)).toBe(true);
  });
});
