/**
 * The meters component (run-meters.ts, as `omdp start` runs it) saves its registers at stop and the
 * next start on the same data dir continues them: with one simulated clock going on across the two runs
 * (3600x: a wall second is a simulated hour), every register the second run saves is at least what the
 * first saved, and the import registers of the households without PV have grown (at night, base load
 * >= 120 W: loadCurve.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodeSimEpoch, SIM_CLOCK_ENV } from "@omdp/edge-module";
import { afterAll, describe, expect, it } from "vitest";
import { spawnComponent } from "../../src/platform/child";
import { resolveConfig } from "../../src/platform/config";
import { REGISTERS_FILE } from "../../src/platform/meterState";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const dataDir = mkdtempSync(join(tmpdir(), "omdp-meters-state-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const config = resolveConfig(undefined, {}, { dataDir }, ROOT);
// the meters' clock runs at the platform's speed from the epoch's simulated now (as under omdp start)
const platform = {
  ...config,
  ports: { ...config.ports, simTcp: 0 },
  simulator: { ...config.simulator, speed: 3600 },
};
const epoch = { wallMs: Date.now(), simMs: Date.parse("2026-11-30T21:00:00Z"), speed: 3600 };

type Saved = { meters: Record<string, { seed: number; registers: Record<string, number> }> };

async function runOnce(): Promise<Saved> {
  const c = spawnComponent({
    name: "meters",
    script: join(ROOT, "simulator", "src", "platform", "run-meters.ts"),
    cwd: ROOT,
    env: { ...process.env, OMDP_PLATFORM: JSON.stringify(platform), [SIM_CLOCK_ENV]: encodeSimEpoch(epoch) },
    readyTimeoutMs: 30_000,
    onLine: () => {},
  });
  const ready = await c.ready;
  expect(ready.type).toBe("ready");
  await c.stop(5_000); // SIGTERM: the clean stop saves the registers
  return JSON.parse(readFileSync(join(dataDir, REGISTERS_FILE), "utf8")) as Saved;
}

describe("meters component across two starts", () => {
  it("continues every register from the saved state", async () => {
    const first = await runOnce();
    // The state file is what the second run starts from: 1 MWh (3.6e9 W s) more on one register of it
    // shows up in the second run, which a run starting from the seed values could not show.
    const MWH = 3_600_000_000;
    const edited = structuredClone(first);
    edited.meters["12345678"]!.registers.importWh! += MWH;
    writeFileSync(join(dataDir, REGISTERS_FILE), JSON.stringify(edited));
    const second = await runOnce();
    expect(second.meters["12345678"]!.registers.importWh!).toBeGreaterThanOrEqual(
      first.meters["12345678"]!.registers.importWh! + MWH,
    );
    const ids = Object.keys(first.meters).sort();
    expect(ids).toEqual(config.households.flatMap((h) => h.meters.map((m) => m.id)).sort());
    for (const id of ids)
      for (const [name, acc] of Object.entries(first.meters[id]!.registers))
        expect(second.meters[id]!.registers[name]!, `${id} ${name}`).toBeGreaterThanOrEqual(acc);
    const noPv = config.households.flatMap((h) => h.meters.filter((m) => !m.pv).map((m) => m.id));
    for (const id of noPv)
      expect(second.meters[id]!.registers.importWh!, id).toBeGreaterThan(
        first.meters[id]!.registers.importWh!,
      );
  });
});
