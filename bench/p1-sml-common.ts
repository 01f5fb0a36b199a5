/**
 * Shared by bench/p1.bench.ts and bench/sml.bench.ts: the corpus fixtures of a codec package, a timed
 * loop (runs of `ms` each, alternating the decoders, medians), and the result file.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const here = dirname(fileURLToPath(import.meta.url));

export function fixtures(pkg: "dsmr" | "sml"): { name: string; hex: string; key?: string }[] {
  const dir = join(here, "..", "packages", pkg, "test", "fixtures");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
}

/** Decodes per second of `run` over `inputs`, for about `ms` wall ms (CPU time measured). */
export function rate(inputs: readonly unknown[], run: (x: never) => unknown, ms: number): number {
  let n = 0;
  const t0 = process.cpuUsage();
  const w0 = performance.now();
  // bounded by the clock: at most ms of wall time
  while (performance.now() - w0 < ms) {
    for (const x of inputs) run(x as never);
    n += inputs.length;
  }
  const cpu = process.cpuUsage(t0);
  return n / ((cpu.user + cpu.system) / 1e6);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** Alternates the decoders `pairs` times (so both see the same machine load); medians per decoder. */
export function sideBySide(
  decoders: Record<string, { inputs: readonly unknown[]; run: (x: never) => unknown }>,
  pairs = 5,
  ms = 400,
): Record<string, number> {
  const runs: Record<string, number[]> = Object.fromEntries(Object.keys(decoders).map((k) => [k, []]));
  for (const d of Object.values(decoders)) rate(d.inputs, d.run, 100); // warm up
  for (let i = 0; i < pairs; i++)
    for (const [k, d] of Object.entries(decoders)) runs[k]!.push(rate(d.inputs, d.run, ms));
  return Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, Math.round(median(v))]));
}

export function writeResult(name: string, figures: Record<string, unknown>, loadAtStart: number): void {
  const result = {
    name,
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? "unknown", node: process.version },
    figures: {
      ...figures,
      loadAverage1mAtStart: loadAtStart,
      loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
    },
  };
  writeFileSync(join(here, "results", `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
}

/**
 * Runs a codec's fuzz test file with OMDP_FUZZ_RUNS (the 100,000-case run the test itself does at
 * 10,000), in its own vitest process; whether it passed and how long it took.
 */
export function fuzzRun(file: string, runs = 100_000): { runs: number; passed: boolean; seconds: number } {
  const t0 = performance.now();
  const r = spawnSync("npx", ["vitest", "run", file], {
    cwd: join(here, ".."),
    env: { ...process.env, OMDP_FUZZ_RUNS: String(runs) },
    encoding: "utf8",
    timeout: 600_000,
  });
  if (r.status !== 0) process.stderr.write(`${r.stdout}\n${r.stderr}\n`);
  return { runs, passed: r.status === 0, seconds: Math.round((performance.now() - t0) / 100) / 10 };
}
