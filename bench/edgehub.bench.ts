/**
 * Edge hub figures with the real SDK on both ends (ModuleClient over MQTT/TLS):
 * - throughput: messages/s through one route (mbusReader `readings` -> sharing `readings`), many in flight;
 * - latency: output -> routed input at a steady 500 msg/s (p50, p99), and p99 while saturated.
 * Writes bench/results/edgehub.json. Targets: 2,000 msg/s, p99 < 50 ms.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { connectModule } from "@omdp/edge-module";
import { createLogger } from "@omdp/logger";
import { parseManifest, startEdgeHub } from "../simulator/src/edgehub/index";

const here = dirname(fileURLToPath(import.meta.url));
const quiet = createLogger("bench", { level: "error" });
const out = (s: string) => process.stdout.write(`${s}\n`);

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

async function main(): Promise<void> {
  const full = parseManifest(JSON.parse(readFileSync(join(here, "..", "deployment.template.json"), "utf8")));
  const manifest = { ...full, routes: { readerToSharing: full.routes.readerToSharing! } };
  const dir = mkdtempSync(join(tmpdir(), "omdp-bench-edgehub-"));
  const hub = await startEdgeHub({
    manifest,
    dataDir: dir,
    mqttPort: 0,
    adminPort: null,
    upstream: null,
    runModules: false,
    logger: quiet,
  });
  const reader = await connectModule({
    connectionString: hub.connectionStringFor("mbusReader"),
    ca: hub.ca,
    logger: quiet,
  });
  const sharing = await connectModule({
    connectionString: hub.connectionStringFor("sharing"),
    ca: hub.ca,
    logger: quiet,
  });

  let received = 0;
  let latencies: number[] = [];
  let waiter: { n: number; resolve: () => void } | undefined;
  sharing.onInput("readings", (m) => {
    const sentAt = (m.body as { sentAt: number }).sentAt;
    latencies.push(performance.now() - sentAt);
    received += 1;
    if (waiter && received >= waiter.n) waiter.resolve();
  });
  const receivedAll = (n: number, ms: number) =>
    new Promise<void>((resolve, reject) => {
      if (received >= n) return resolve();
      const t = setTimeout(() => reject(new Error(`only ${received} of ${n} arrived in ${ms} ms`)), ms);
      waiter = {
        n,
        resolve: () => {
          clearTimeout(t);
          resolve();
        },
      };
    });
  const body = (i: number) => ({
    kind: "reading",
    meterId: "bench-1",
    readingTime: new Date().toISOString(),
    values: [{ property: "1-0:1.7.0", value: 1000 + i, unit: "W" }],
    sentAt: performance.now(),
  });
  const props = { kind: "reading", meterId: "bench-1" };

  // Warm-up (subscriptions, JIT).
  for (let i = 0; i < 200; i++) await reader.send("readings", body(i), props);
  await receivedAll(200, 10_000);

  // Throughput: N messages, W in flight.
  const N = 20_000;
  const W = 256;
  received = 0;
  latencies = [];
  const t0 = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < N) {
      const i = next++;
      await reader.send("readings", body(i), props);
    }
  };
  await Promise.all(Array.from({ length: W }, lane));
  await receivedAll(N, 50_000);
  const seconds = (performance.now() - t0) / 1000;
  const throughput = N / seconds;
  const saturated = [...latencies].sort((a, b) => a - b);

  // Latency at a steady 500 msg/s for 4 s.
  received = 0;
  latencies = [];
  const RATE = 500;
  const M = 2_000;
  const start = performance.now();
  for (let i = 0; i < M; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    void reader.send("readings", body(i), props);
  }
  await receivedAll(M, 20_000);
  const steady = [...latencies].sort((a, b) => a - b);

  await reader.close();
  await sharing.close();
  await hub.stop();
  rmSync(dir, { recursive: true, force: true });

  const figures = {
    routeMessagesPerSecond: Math.round(throughput),
    throughputMessages: N,
    throughputInFlight: W,
    latencyRateMsgPerSecond: RATE,
    latencyP50Ms: round(pct(steady, 50)),
    latencyP99Ms: round(pct(steady, 99)),
    latencyMaxMs: round(steady.at(-1) ?? Number.NaN),
    saturatedLatencyP50Ms: round(pct(saturated, 50)),
    saturatedLatencyP99Ms: round(pct(saturated, 99)),
    route: "mbusReader/outputs/readings -> sharing/inputs/readings (readerToSharing)",
    transport: "azure-iot-device ModuleClient, MQTT 3.1.1 over TLS, QoS 1, both ends in one process",
  };
  const targets = { routeMessagesPerSecond: ">= 2000", latencyP99Ms: "< 50" };
  for (const [k, v] of Object.entries(figures)) out(`${k}: ${v}`);
  mkdirSync(join(here, "results"), { recursive: true });
  writeFileSync(
    join(here, "results", "edgehub.json"),
    `${JSON.stringify(
      {
        name: "edgehub",
        date: new Date().toISOString(),
        machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version },
        figures,
        targets,
      },
      null,
      2,
    )}\n`,
  );
  out("written: bench/results/edgehub.json");
}

await main();
