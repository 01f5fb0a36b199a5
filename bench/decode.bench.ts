/**
 * Decode benchmark (issue 2 section 5, issue 12 section 3): full M-Bus decoding (link layer, header, every
 * record with quantity, unit and scaled value) over the valid corpus, single core, side by side with
 * libmbus on the same telegrams. Writes bench/results/decode.json. Run: `npm run bench -- decode` (~1.5 min).
 *  - library: in this process (through tsx, as before), and bundled by esbuild in its own process
 *    (bench/decode/library-loop.ts), against libmbus's mbus_parse + mbus_frame_data_parse +
 *    mbus_parse_variable_record per record (bench/libmbus/harness.c, compiled here into a temp dir
 *    against the sources of the node-mbus dev dependency);
 *  - whole process: `omdp decode --batch` (JSON out; from its prebuilt bundle, and through tsx) against
 *    the harness printing mbus_frame_data_xml_normalized, both over 100,000 telegrams on stdin, from spawn
 *    to exit.
 * The machine is shared: each ratio's two sides run alternately (A B A B ..., PAIRS times), and the
 * figures are medians (a ratio: the median of the pairs' ratios); the load average is recorded at the
 * start and at the end.
 *
 * DLMS: if `@omdp/dlms` exports `benchDlms(): Promise<Record<string, number>> | Record<string, number>`,
 * its figures are merged into the same result under `figures.dlms*`; if not, that part is skipped.
 * `dlmsDecryptedDecodesPerSecond` is the rate over the encrypted telegrams of that mix alone.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeFrame, decodeTelegram, parseHex, toHex } from "@omdp/mbus";
import { build } from "esbuild";
import { buildHarness, libmbusValues } from "./decode/libmbus";
import { bestOf, median, type ProcessRun, runOnce } from "./decode/whole-process";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
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

interface DlmsBench {
  benchDlms?: () => unknown;
  dlmsBenchTelegrams?: () => { name: string; key?: string | null }[];
}

/**
 * DLMS figures of `benchDlms` (the mix of the DLMS corpus, some telegrams encrypted) and, beside them,
 * the rate over the encrypted telegrams alone (AES-GCM decryption in every decode): the harmonic mean
 * of their per-telegram rates, i.e. decodes per second when each is decoded in turn.
 */
async function optionalDlms(): Promise<Record<string, number>> {
  try {
    // a variable specifier: the DLMS package may not export benchDlms (or exist) yet, and that is fine
    const specifier = "@omdp/dlms";
    const mod = (await import(specifier)) as DlmsBench;
    if (typeof mod.benchDlms !== "function") return {};
    const figures = (await mod.benchDlms()) as Record<string, unknown>;
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(figures ?? {}))
      if (typeof v === "number") out[`dlms${k[0]!.toUpperCase()}${k.slice(1)}`] = v;
    const per = figures.perTelegram as Record<string, number> | undefined;
    const encrypted = (mod.dlmsBenchTelegrams?.() ?? []).filter((t) => t.key).map((t) => per?.[t.name]);
    if (per && encrypted.length > 0 && encrypted.every((r) => typeof r === "number" && r > 0)) {
      out.dlmsDecryptedDecodesPerSecond = Math.round(
        encrypted.length / encrypted.reduce((a: number, r) => a + 1 / r!, 0),
      );
      out.dlmsDecryptedTelegrams = encrypted.length;
    }
    return out;
  } catch {
    return {};
  }
}

const WHOLE_PROCESS_TELEGRAMS = 100_000;
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The corpus as hex lines: once (for the loops), and repeated to 100,000 lines (whole process). */
function inputs(tmp: string): { corpus: string; batch: string } {
  const lines = telegrams.map((t) => toHex(t));
  const corpus = join(tmp, "corpus.hex");
  writeFileSync(corpus, `${lines.join("\n")}\n`);
  const many: string[] = [];
  for (let i = 0; i < WHOLE_PROCESS_TELEGRAMS; i++) many.push(lines[i % lines.length]!);
  const batch = join(tmp, "batch.hex");
  writeFileSync(batch, `${many.join("\n")}\n`);
  return { corpus, batch };
}

/** The library bundled (as deployed code runs, without tsx's module interop), for its own process. */
async function libraryLoop(tmp: string): Promise<string> {
  const out = join(tmp, "library-loop.mjs");
  await build({
    entryPoints: [join(here, "decode", "library-loop.ts")],
    outfile: out,
    bundle: true,
    platform: "node",
    format: "esm",
    logLevel: "warning",
  });
  return out;
}

/** One run of the bundled library loop (~2 s of CPU after a 1 s warm-up): telegrams per CPU-second. */
function runLoop(loop: string, corpus: string): number {
  const r = spawnSync(process.execPath, [loop, "2", corpus], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`library loop: ${r.stderr}`);
  const { telegrams: n, cpuSeconds } = JSON.parse(r.stdout) as { telegrams: number; cpuSeconds: number };
  return n / cpuSeconds;
}

/** Runs of each side of a ratio, alternating (A B A B ...) so that both see the same load. */
const PAIRS = 5;

async function sideBySide(tmp: string): Promise<Record<string, number | string>> {
  const { corpus, batch } = inputs(tmp);
  const figures: Record<string, number | string> = {};
  const bin = join(root, "packages", "cli", "bin", "omdp.js");
  const dist = join(tmp, "cli-dist");
  const bundled = spawnSync(
    process.execPath,
    [join(root, "packages", "cli", "scripts", "bundle.mjs"), dist],
    {
      encoding: "utf8",
    },
  );
  if (bundled.status !== 0) throw new Error(`cli bundle: ${bundled.stderr}`);
  const omdp = [process.execPath, bin, "decode", "--batch"];
  const loop = await libraryLoop(tmp);
  const harness = buildHarness(root, tmp);
  if ("missing" in harness) {
    figures.mbusBundledTelegramsPerSecond = Math.round(runLoop(loop, corpus));
    const fast = await bestOf(3, omdp, batch, { OMDP_BUNDLE_DIR: dist });
    figures.omdpBatchTelegramsPerSecond = Math.round(WHOLE_PROCESS_TELEGRAMS / fast.wallSeconds);
    figures.libmbus = `not measured: ${harness.missing}`;
    return figures;
  }
  // library loop against libmbus value decoding: pairs, back to back, each ~2 s of CPU
  const lib: number[] = [];
  const values: number[] = [];
  const valueRatios: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    lib.push(runLoop(loop, corpus));
    values.push(libmbusValues(harness.bin, 2, corpus));
    valueRatios.push(lib.at(-1)! / values.at(-1)!);
  }
  // whole processes over 100,000 telegrams: omdp decode --batch (bundle) against libmbus printing XML
  const omdpRuns: ProcessRun[] = [];
  const xmlRuns: ProcessRun[] = [];
  for (let i = 0; i < PAIRS; i++) {
    omdpRuns.push(await runOnce(omdp, batch, { OMDP_BUNDLE_DIR: dist }));
    xmlRuns.push(await runOnce([harness.bin, "xml"], batch));
  }
  const viaTsx = await bestOf(2, omdp, batch, { OMDP_NO_BUNDLE: "1" });
  const wall = (runs: ProcessRun[]) => median(runs.map((r) => r.wallSeconds));
  const cpu = (runs: ProcessRun[]) => median(runs.map((r) => r.cpuSeconds));
  figures.mbusBundledTelegramsPerSecond = Math.round(median(lib));
  figures.libmbusValuesTelegramsPerSecond = Math.round(median(values));
  figures.ratioLibraryBundledToLibmbus = round2(median(valueRatios));
  figures.omdpBatchTelegramsPerSecond = Math.round(WHOLE_PROCESS_TELEGRAMS / wall(omdpRuns));
  figures.omdpBatchTelegramsPerCpuSecond = Math.round(WHOLE_PROCESS_TELEGRAMS / cpu(omdpRuns));
  figures.omdpBatchTsxTelegramsPerSecond = Math.round(WHOLE_PROCESS_TELEGRAMS / viaTsx.wallSeconds);
  figures.libmbusXmlTelegramsPerSecond = Math.round(WHOLE_PROCESS_TELEGRAMS / wall(xmlRuns));
  figures.libmbusXmlTelegramsPerCpuSecond = Math.round(WHOLE_PROCESS_TELEGRAMS / cpu(xmlRuns));
  figures.ratioOmdpBatchToLibmbusXml = round2(
    median(omdpRuns.map((r, i) => xmlRuns[i]!.wallSeconds / r.wallSeconds)),
  );
  figures.ratioOmdpBatchToLibmbusXmlCpu = round2(
    median(omdpRuns.map((r, i) => xmlRuns[i]!.cpuSeconds / r.cpuSeconds)),
  );
  figures.ratioOmdpBatchTsxToLibmbusXml = round2(wall(xmlRuns) / viaTsx.wallSeconds);
  figures.sideBySidePairs = PAIRS;
  return figures;
}

async function main(): Promise<void> {
  const loadAtStart = round2(loadavg()[0]!);
  measure(2); // warm-up: let the JIT settle
  const runs = [measure(3), measure(3)];
  const best = runs.reduce((a, b) => (b.perCpuSec > a.perCpuSec ? b : a));
  const tmp = mkdtempSync(join(tmpdir(), "omdp-decode-bench-"));
  let side: Record<string, number | string>;
  try {
    side = await sideBySide(tmp);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const figures: Record<string, number | string> = {
    mbusTelegramsPerSecond: Math.round(best.perCpuSec),
    mbusMBPerSecond: round2(best.mbPerCpuSec),
    mbusTelegramsPerWallSecond: Math.round(best.perWallSec),
    ...side,
    loadAverage1mAtStart: loadAtStart,
    loadAverage1m: round2(loadavg()[0]!),
    mbusCorpusTelegrams: telegrams.length,
    mbusCorpusBytes: totalBytes,
    mbusAvgTelegramBytes: Math.round(totalBytes / telegrams.length),
    wholeProcessTelegrams: WHOLE_PROCESS_TELEGRAMS,
    ...(await optionalDlms()),
  };
  const result = {
    name: "decode",
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? "unknown", node: process.version },
    figures,
    targets: {
      mbusTelegramsPerSecond: 300_000,
      ratioLibraryBundledToLibmbus: 1.5,
      ratioOmdpBatchToLibmbusXml: 1.5,
    },
  };
  writeFileSync(join(here, "results", "decode.json"), `${JSON.stringify(result, null, 2)}\n`);
  const n = (k: string) =>
    typeof figures[k] === "number" ? (figures[k] as number).toLocaleString("en") : String(figures[k]);
  process.stdout.write(
    `M-Bus full decode, in process via tsx: ${n("mbusTelegramsPerSecond")} telegrams/s per CPU-second ` +
      `(${figures.mbusMBPerSecond} MB/s; load ${loadAtStart} at start, ${figures.loadAverage1m} at end; ` +
      `${telegrams.length} corpus telegrams)\n` +
      `side by side, medians of ${PAIRS} alternating runs of each:\n` +
      `library bundled: ${n("mbusBundledTelegramsPerSecond")}/s; libmbus values: ${n("libmbusValuesTelegramsPerSecond")}/s; ` +
      `ratio ${n("ratioLibraryBundledToLibmbus")} (target 1.5)\n` +
      `whole process over ${WHOLE_PROCESS_TELEGRAMS.toLocaleString("en")} telegrams: omdp decode --batch ` +
      `${n("omdpBatchTelegramsPerSecond")}/s (via tsx ${n("omdpBatchTsxTelegramsPerSecond")}/s); ` +
      `libmbus XML ${n("libmbusXmlTelegramsPerSecond")}/s; ratio ${n("ratioOmdpBatchToLibmbusXml")} ` +
      `(CPU ${n("ratioOmdpBatchToLibmbusXmlCpu")}; target 1.5)\n`,
  );
  if (typeof figures.libmbus === "string") process.stdout.write(`libmbus: ${figures.libmbus}\n`);
  for (const [k, v] of Object.entries(figures))
    if (k.startsWith("dlms")) process.stdout.write(`${k}: ${v}\n`);
  process.stdout.write("written: bench/results/decode.json\n");
}

await main();
