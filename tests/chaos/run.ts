/**
 * `npm run chaos [-- --minutes N] [--seed S] [--speed X] [--every SECONDS]`: the bounded chaos soak
 * (default 10 minutes of wall time). Prints each fault and the accounting, writes
 * bench/results/chaos.json, exits 1 when anything was lost or duplicated or the energy differs.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { REPO_ROOT } from "../../simulator/src/platform/index";
import { runSoak } from "./soak";

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "10" },
    seed: { type: "string", default: "11" },
    speed: { type: "string", default: "120" },
    every: { type: "string", default: "20" },
  },
});
const minutes = Number(values.minutes);
if (!(minutes > 0 && minutes <= 24 * 60)) throw new Error("--minutes must be in (0, 1440]");

const result = await runSoak({
  seconds: Math.round(minutes * 60),
  every: Number(values.every),
  seed: Number(values.seed),
  speed: Number(values.speed),
  log: (l) => process.stdout.write(`${l}\n`),
});
const out = { measuredAt: new Date().toISOString(), loadavg: loadavg(), ...result };
const dir = join(REPO_ROOT, "bench", "results");
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "chaos.json"), `${JSON.stringify(out, null, 2)}\n`);
const r = result.readings;
const i = result.intervals;
process.stdout.write(
  [
    `faults: ${result.faults.length} (${[...new Set(result.faults.map((f) => f.kind))].join(", ")})`,
    `readings: ${r.expected} expected, ${r.lost} lost, ${r.duplicated} duplicated (${r.damaged} damaged on the line, ${r.unreceivable} sent while no reader could hear)`,
    `lost after: ${JSON.stringify(result.lostAfter)}`,
    `upstream queue full (fill:upstream): ${result.upstreamRefusals} messages refused, kept by sharing's outbox`,
    `intervals: ${i.expected} at the edge, ${i.lost} lost in the cloud, ${i.duplicated} duplicated, ${i.differing} differing`,
    ...result.energy.map(
      (e) =>
        `energy ${e.meterId}: intervals ${e.intervalsWh} Wh, register ${e.registerWh} Wh, difference ${e.differenceWh}`,
    ),
    `verdict: ${result.ok ? "zero loss, zero duplicates, energy equal" : "FAILED"} (${result.wallSeconds.toFixed(0)} s)`,
    "",
  ].join("\n"),
);
process.exit(result.ok ? 0 : 1);
