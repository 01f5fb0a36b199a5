/**
 * Decode benchmark (issue 2, section 5): full M-Bus decoding (link layer, header, every record with
 * quantity, unit and scaled value) over the valid corpus, single core. Writes bench/results/decode.json.
 * Run alone: `npx tsx bench/decode.bench.ts` (about 10 s).
 *
 * DLMS: if `@omdp/dlms` exports `benchDlms(): Promise<Record<string, number>> | Record<string, number>`,
 * its figures are merged into the same result under `figures.dlms*`; if not, that part is skipped.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeFrame, decodeTelegram, parseHex } from "@omdp/mbus";

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, "..", "packages", "mbus", "test", "fixtures", "valid");

const telegrams: Uint8Array[] = readdirSync(fixtures)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => {
    const r = parseHex(JSON.parse(readFileSync(join(fixtures, f), "utf8")).hex);
    if (!r.ok) throw r.error;
    return r.value;
  });
const totalBytes = telegrams.reduce((n, t) => n + t.length, 0);

/** One full decode of every corpus telegram; returns a checksum over the values so nothing is optimised away. */
function decodeAll(): number {
  let sink = 0;
  for (const bytes of telegrams) {
    const f = decodeFrame(bytes, 0);
    if (!f.ok) throw f.error;
    const t = decodeTelegram(f.value.frame);
    if (!t.ok) throw t.error;
    const v = t.value;
    if (v.type === "variable") {
      for (const r of v.records) if (typeof r.value === "number") sink += r.value;
      sink += v.records.length;
    }
  }
  return sink;
}

/**
 * Runs for `seconds` of wall time. Throughput is reported per second of this process's CPU time (user +
 * system; the loop is single-threaded, so that is one core) and per second of wall time. The machine is
 * shared: CPU time is the figure that does not drop when other processes take the core away.
 */
function measure(seconds: number): {
  perCpuSec: number;
  perWallSec: number;
  mbPerCpuSec: number;
  sink: number;
} {
  let rounds = 0;
  let sink = 0;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const limit = BigInt(Math.round(seconds * 1e9));
  let elapsed = 0n;
  while (elapsed < limit) {
    for (let i = 0; i < 50; i++) sink += decodeAll();
    rounds += 50;
    elapsed = process.hrtime.bigint() - t0;
  }
  const c = process.cpuUsage(c0);
  const cpuS = (c.user + c.system) / 1e6;
  const wallS = Number(elapsed) / 1e9;
  return {
    perCpuSec: (rounds * telegrams.length) / cpuS,
    perWallSec: (rounds * telegrams.length) / wallS,
    mbPerCpuSec: (rounds * totalBytes) / cpuS / 1e6,
    sink,
  };
}

async function optionalDlms(): Promise<Record<string, number>> {
  try {
    // a variable specifier: the DLMS package may not export benchDlms (or exist) yet, and that is fine
    const specifier = "@omdp/dlms";
    const mod = (await import(specifier)) as { benchDlms?: () => unknown };
    if (typeof mod.benchDlms !== "function") return {};
    const figures = (await mod.benchDlms()) as Record<string, number>;
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(figures ?? {}))
      if (typeof v === "number") out[`dlms${k[0]!.toUpperCase()}${k.slice(1)}`] = v;
    return out;
  } catch {
    return {};
  }
}

async function main(): Promise<void> {
  measure(2); // warm-up: let the JIT settle
  const runs = [measure(3), measure(3)];
  const best = runs.reduce((a, b) => (b.perCpuSec > a.perCpuSec ? b : a));
  const figures: Record<string, number> = {
    mbusTelegramsPerSecond: Math.round(best.perCpuSec),
    mbusMBPerSecond: Math.round(best.mbPerCpuSec * 100) / 100,
    mbusTelegramsPerWallSecond: Math.round(best.perWallSec),
    loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
    mbusCorpusTelegrams: telegrams.length,
    mbusCorpusBytes: totalBytes,
    mbusAvgTelegramBytes: Math.round(totalBytes / telegrams.length),
    ...(await optionalDlms()),
  };
  const result = {
    name: "decode",
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? "unknown", node: process.version },
    figures,
    targets: { mbusTelegramsPerSecond: 300_000, libmbusReference: 220_000 },
  };
  writeFileSync(join(here, "results", "decode.json"), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(
    `M-Bus full decode: ${figures.mbusTelegramsPerSecond!.toLocaleString("en")} telegrams/s, ` +
      `${figures.mbusMBPerSecond} MB/s per CPU-second of one core ` +
      `(${figures.mbusTelegramsPerWallSecond!.toLocaleString("en")}/s wall clock at load ${figures.loadAverage1m}; ` +
      `${telegrams.length} corpus telegrams, avg ${figures.mbusAvgTelegramBytes} bytes; target 300,000/s)\n`,
  );
  for (const [k, v] of Object.entries(figures))
    if (k.startsWith("dlms")) process.stdout.write(`${k}: ${v}\n`);
  process.stdout.write("written: bench/results/decode.json\n");
}

await main();
