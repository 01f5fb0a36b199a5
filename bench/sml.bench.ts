/**
 * `npm run bench -- sml`: SML file decodes per CPU-second over the corpus's files (packages/sml/test/
 * fixtures: DZG DVS 7412, eBZ DD3), side by side in the same process: @omdp/sml (decodeSml: transport,
 * file and message CRC-16/X.25, message tree, scaled values; + toMeterReading) and the npm package
 * open-sml (SmlFile.parse, as ioBroker's smartmeter-obis uses it). The eBZ dump's message CRCs were not
 * redone by its source, so @omdp/sml reads it in "report" mode (the file CRC still checked). Then
 * packages/sml/test/fuzz.test.ts with 100,000 mutated files. Writes bench/results/sml.json (~20 s).
 */
import { loadavg } from "node:os";
import { decodeSml, toMeterReading } from "@omdp/sml";
// @ts-expect-error: open-sml ships no types (a devDependency of the benchmarks only)
import openSml from "open-sml";
import { fixtures, fuzzRun, sideBySide, writeResult } from "./p1-sml-common";

const loadAtStart = Math.round(loadavg()[0]! * 100) / 100;
const files = fixtures("sml").map((f) => Buffer.from(f.hex, "hex"));
const ctx = { gatewayId: "bench", transport: "serial" as const, receivedAt: new Date() };
const opts = { messageCrc: "report" as const, quirks: ["dzg-unsigned-power" as const] };
const { SmlFile } = openSml as { SmlFile: new () => { parse(b: Buffer): void; getMessages(): unknown[] } };

const openSmlParse = (b: Buffer) => {
  const f = new SmlFile();
  f.parse(b);
  return f.getMessages();
};
const openSmlMessages = files.map((b) => openSmlParse(b).length);

const rates = sideBySide({
  omdp: { inputs: files, run: (b: Uint8Array) => toMeterReading(decodeSml(b, opts), ctx) },
  omdpDecodeOnly: { inputs: files, run: (b: Uint8Array) => decodeSml(b, opts) },
  openSml: { inputs: files, run: openSmlParse },
});

const fuzzed = fuzzRun("packages/sml/test/fuzz.test.ts");

const figures = {
  fuzzCases: fuzzed.runs,
  fuzzPassed: fuzzed.passed,
  fuzzSecondsWholeVitestRun: fuzzed.seconds,
  files: files.length,
  avgFileBytes: Math.round(files.reduce((n, b) => n + b.length, 0) / files.length),
  openSmlMessagesPerFile: openSmlMessages,
  omdpFilesPerSecond: rates.omdp,
  omdpDecodeOnlyFilesPerSecond: rates.omdpDecodeOnly,
  openSmlFilesPerSecond: rates.openSml,
  ratioOmdpToOpenSml: Math.round(((rates.omdp ?? 0) / (rates.openSml ?? 1)) * 100) / 100,
  peer: "open-sml@1.0.4 (npm), same process, same files, medians of 5 alternating 0.4 s runs",
};
writeResult("sml", figures, loadAtStart);
if (!fuzzed.passed) process.exitCode = 1;
process.stdout.write(
  `SML over ${files.length} corpus files, decodes per CPU-second (medians, alternating):\n` +
    `@omdp/sml decode + MeterReading ${figures.omdpFilesPerSecond.toLocaleString("en")}/s ` +
    `(decode only ${figures.omdpDecodeOnlyFilesPerSecond.toLocaleString("en")}/s); ` +
    `open-sml ${figures.openSmlFilesPerSecond.toLocaleString("en")}/s; ratio ${figures.ratioOmdpToOpenSml}\n` +
    `fuzz: ${fuzzed.runs.toLocaleString("en")} mutated files ${fuzzed.passed ? "passed" : "FAILED"} ` +
    `(whole vitest run ${fuzzed.seconds} s)\n` +
    "written: bench/results/sml.json\n",
);
