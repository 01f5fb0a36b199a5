/**
 * First start on a new data dir: a short backfill (PT6H) goes through the real pipeline (meters ->
 * reader -> analytics -> sharing -> upstream -> cloud), then the live run continues. The independent
 * source is the simulator's telegram log: each quarter hour's energy in the cloud must be the register
 * delta between the last telegrams at or before its start and its end.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { catchUpEndWall } from "@omdp/edge-module";
import { afterAll, describe, expect, it } from "vitest";
import {
  type PlatformHandle,
  REPO_ROOT,
  resolveConfig,
  startPlatform,
} from "../../simulator/src/platform/index";
import { cloudIntervals, getJson, readTelegrams, waitFor } from "./support";

const QUARTER = 900_000;
const METERS = [
  { householdId: "hh-1", meterId: "KFM1000000001" },
  { householdId: "hh-2", meterId: "SAG1000000002" },
];
const dataDir = mkdtempSync(join(tmpdir(), "omdp-backfill-"));
let p: PlatformHandle | undefined;

afterAll(async () => {
  await p?.stop();
  if (!process.env.OMDP_E2E_KEEP) rmSync(dataDir, { recursive: true, force: true });
});

/** Register value (Wh) of the last telegram at or before `t`. */
function registerAt(
  telegrams: ReturnType<typeof readTelegrams>,
  t: number,
  obis: string,
): number | undefined {
  let v: number | undefined;
  for (const tg of telegrams)
    if (tg.meterTime <= t && tg.registers[obis] !== undefined) v = tg.registers[obis];
  return v;
}

describe("first start backfills (PT6H) through the pipeline, then runs live", () => {
  it("the cloud has every quarter hour of the backfill, energy = register delta", {
    timeout: 90_000,
  }, async () => {
    const cfg = resolveConfig(
      undefined,
      { PATH: process.env.PATH, HOME: process.env.HOME },
      {
        ports: { app: 0, cloud: 0, edgeApi: 0, edgeMqtt: 0, edgeAdmin: 0, simTcp: 0 },
        dataDir,
        build: false,
        logFormat: "json",
        telegramLog: true,
        backfill: "PT6H",
        // live at 10x after the catch-up (the meters' 5 s pushes come every 0.5 s of wall time)
        speed: 10,
      },
      REPO_ROOT,
    );
    const t0 = Date.now();
    p = await startPlatform(cfg, { write: () => {}, readyTimeoutMs: 60_000 });
    const h = p;
    const bf = h.backfill;
    expect(bf).toBeDefined();
    // held at (start - 6 h) while the components came up, so the span is at least 6 h
    expect(bf!.fromSimMs).toBeLessThanOrEqual(t0 - 6 * 3_600_000 + 1_000);
    const untilSim = h.simEpoch.catchUp!.untilSimMs;
    // quarters wholly inside the catch-up, after the first one (which has no baseline reading)
    const first = Math.ceil(bf!.fromSimMs / QUARTER) * QUARTER + QUARTER;
    const last = Math.floor(untilSim / QUARTER) * QUARTER; // exclusive end
    const expected = (last - first) / QUARTER;
    expect(expected).toBeGreaterThanOrEqual(20); // 6 h = 24 quarters, less the two at the edges
    for (const { householdId, meterId } of METERS) {
      const got = await waitFor(`${meterId}: ${expected} quarter hours in the cloud`, 45_000, async () => {
        const items = await cloudIntervals(h, householdId, meterId, first, last);
        return items.length >= expected ? items : undefined;
      });
      const telegrams = readTelegrams(dataDir, meterId);
      const starts = got.map((i) => Date.parse(i.intervalStart)).sort((a, b) => a - b);
      expect(starts).toEqual(Array.from({ length: expected }, (_, i) => first + i * QUARTER));
      for (const iv of got) {
        const s = Date.parse(iv.intervalStart);
        const a = registerAt(telegrams, s, "1-0:1.8.0");
        const b = registerAt(telegrams, s + QUARTER, "1-0:1.8.0");
        expect(a, `${meterId} ${iv.intervalStart}: a telegram at or before the start`).toBeDefined();
        expect(iv.energyImportedWh, `${meterId} ${iv.intervalStart}`).toBe(Math.round(b!) - Math.round(a!));
        // nothing in the catch-up is an anomaly (no gap, no meter replacement)
        expect((iv as unknown as { quality?: string }).quality, `${meterId} ${iv.intervalStart}`).toBe(
          "complete",
        );
      }
    }
    // the live run continues from now: pushes after the catch-up on the meter's own 5 s cadence, read by the edge
    const live = await waitFor("three live pushes", 30_000, async () => {
      const after = readTelegrams(dataDir, "KFM1000000001").filter((t) => t.meterTime > untilSim);
      return after.length >= 3 ? after : undefined;
    });
    expect(live[1]!.meterTime - live[0]!.meterTime).toBe(5_000);
    // live meter time starts where the catch-up met the wall clock and runs 10x from there
    expect(live[0]!.meterTime).toBeGreaterThan(untilSim);
    expect(live[0]!.meterTime).toBeLessThan(
      untilSim + 10 * (Date.now() - catchUpEndWall(h.simEpoch)) + 10_000,
    );
    await waitFor("the edge's latest reading is live", 20_000, async () => {
      const body = await getJson<{ reading: { readingTime: string } }>(
        `http://127.0.0.1:${h.config.ports.edgeApi}/api/meters/KFM1000000001/latest`,
        h.edgeToken(),
      );
      return Date.parse(body.reading.readingTime) > untilSim ? true : undefined;
    });
  });
});
