/**
 * Reader benchmark: 100 simulated DLMS push meters at 10x speed (200 telegrams/s, two M-Bus frames
 * each, AES-128-GCM) through the M-Bus/TCP path into a reader running alone in a child process, so its
 * CPU (process.cpuUsage over the measured window) and RSS are its own. A second, short run at 100x shows
 * the headroom. Writes bench/results/reader.json.
 *
 *   npx tsx bench/reader.bench.ts
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const METERS = 100;

interface ChildResult {
  readings: number;
  seconds: number;
  cpuPercent: number;
  rssMb: number;
  maxRssMb: number;
  errors: number;
  framesOk: number;
}

/**
 * The reader alone, run as production runs it (the module's Dockerfile bundles with esbuild and runs
 * plain node): connect, warm up, measure a window, print one JSON line.
 */
const CHILD_SOURCE = `
import { createReader } from "@omdp/reader";
const [, , port, keysFile, warmupMs, measureMs] = process.argv;
const reader = createReader({
  transport: { kind: "tcp", host: "127.0.0.1", port: Number(port) },
  mode: "listen",
  keysFile,
  diagnosticsIntervalS: 3600,
});
let readings = 0;
let errors = 0;
reader.on("reading", () => { readings++; });
reader.on("error", () => { errors++; });
await reader.start();
process.stdout.write("ready\\n");
await new Promise((r) => setTimeout(r, Number(warmupMs)));
const r0 = readings;
const c0 = process.cpuUsage();
const t0 = performance.now();
await new Promise((r) => setTimeout(r, Number(measureMs)));
const c1 = process.cpuUsage(c0);
const seconds = (performance.now() - t0) / 1000;
const result = {
  readings: readings - r0,
  seconds,
  cpuPercent: ((c1.user + c1.system) / 1e6 / seconds) * 100,
  rssMb: process.memoryUsage().rss / 2 ** 20,
  maxRssMb: process.resourceUsage().maxRSS / 1024,
  errors,
  framesOk: reader.diagnostics().counters.framesOk,
};
await reader.stop();
process.stdout.write(JSON.stringify(result) + "\\n");
process.exit(0);
`;

/** Bundles the child like the module's Dockerfile does (serialport stays external). */
async function bundleChild(): Promise<string> {
  const { build } = await import("esbuild");
  const dir = join(here, "..", "node_modules", ".cache", "omdp-bench");
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, "reader-child.mjs");
  await build({
    stdin: { contents: CHILD_SOURCE, resolveDir: here, loader: "ts", sourcefile: "reader-child.ts" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: ["serialport"],
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    outfile,
    logLevel: "error",
  });
  return outfile;
}

async function phase(childFile: string, speed: number, warmupMs: number, measureMs: number) {
  const { createMeterFleet, defaultFleet, serveTcp } = await import("@omdp/simulator");
  const fleet = createMeterFleet({ meters: defaultFleet({ meters: METERS, kind: "dlms", seed: 42 }), speed });
  const gw = await serveTcp(fleet, 0);
  const dir = mkdtempSync(join(tmpdir(), "omdp-bench-reader-"));
  const keysFile = join(dir, "keys.json");
  writeFileSync(keysFile, JSON.stringify(fleet.keys()), { mode: 0o600 });
  let sentInWindow = 0;
  let measuring = false;
  fleet.onTelegram(() => {
    if (measuring) sentInWindow++;
  });
  const proc = spawn(
    process.execPath,
    [childFile, String(gw.port), keysFile, String(warmupMs), String(measureMs)],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  let started = false;
  const result = await new Promise<ChildResult>((resolve, reject) => {
    const kill = setTimeout(
      () => {
        proc.kill("SIGKILL");
        reject(new Error("reader child did not finish"));
      },
      warmupMs + measureMs + 30_000,
    );
    proc.stdout.on("data", (d: Buffer) => {
      out += String(d);
      if (out.startsWith("ready\n") && !started) {
        started = true;
        fleet.start();
        setTimeout(() => {
          measuring = true;
        }, warmupMs).unref();
        setTimeout(() => {
          measuring = false;
        }, warmupMs + measureMs).unref();
      }
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) {
        clearTimeout(kill);
        resolve(JSON.parse(line) as ChildResult);
      }
    });
    proc.on("exit", (code) => {
      if (code !== 0) reject(new Error(`reader child exited with ${code}`));
    });
  });
  fleet.stop();
  await gw.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    ...result,
    sentPerSecond: sentInWindow / result.seconds,
    telegramsPerSecond: result.readings / result.seconds,
  };
}

async function main() {
  const childFile = await bundleChild();
  const sustained = await phase(childFile, 10, 3000, 20_000);
  const burst = await phase(childFile, 100, 2000, 6000);
  const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
  const figures = {
    meters: METERS,
    speed: 10,
    telegramsPerSecond: round(sustained.telegramsPerSecond),
    framesPerSecond: round((sustained.telegramsPerSecond * 2) as number),
    simulatorTelegramsPerSecond: round(sustained.sentPerSecond),
    readerCpuPercentOfOneCore: round(sustained.cpuPercent, 2),
    readerRssMb: round(sustained.rssMb),
    readerMaxRssMb: round(sustained.maxRssMb),
    readerErrors: sustained.errors,
    burstSpeed: 100,
    burstTelegramsPerSecond: round(burst.telegramsPerSecond),
    burstSimulatorTelegramsPerSecond: round(burst.sentPerSecond),
    burstReaderCpuPercentOfOneCore: round(burst.cpuPercent, 2),
    burstReaderMaxRssMb: round(burst.maxRssMb),
    measuredSeconds: round(sustained.seconds),
    readerRuntime: "esbuild bundle on plain node, as the mbusReader Dockerfile runs it",
  };
  const targets = { cpuPercentOfOneCore: 5, rssMb: 120, meters: 100, speed: 10 };
  const met = {
    cpu: figures.readerCpuPercentOfOneCore < targets.cpuPercentOfOneCore,
    rss: figures.readerMaxRssMb < targets.rssMb,
    keptUp: sustained.telegramsPerSecond >= 0.95 * sustained.sentPerSecond,
  };
  const result = {
    name: "reader",
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version },
    figures,
    targets,
    met,
  };
  mkdirSync(join(here, "results"), { recursive: true });
  writeFileSync(join(here, "results", "reader.json"), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

await main();
