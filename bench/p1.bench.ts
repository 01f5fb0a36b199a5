/**
 * `npm run bench -- p1`: DSMR P1 telegram decodes per CPU-second over the corpus's plain telegrams
 * (packages/dsmr/test/fixtures, NL/BE/IE/SE meters), side by side in the same process: @omdp/dsmr
 * (decodeP1: frame, CRC-16, every line to typed objects, + toMeterReading) and the npm package
 * dsmr-parser (2.x: lines to objects and CRC check, no unit normalisation). Also the Smarty frame
 * (AES-128-GCM) alone, which dsmr-parser does not read. Writes bench/results/p1.json (~10 s).
 */
import { loadavg } from "node:os";
import { decodeP1, toMeterReading } from "@omdp/dsmr";
// @ts-expect-error: dsmr-parser ships no types (a devDependency of the benchmarks only)
import dsmrParser from "dsmr-parser";
import { fixtures, sideBySide, writeResult } from "./p1-sml-common";

const loadAtStart = Math.round(loadavg()[0]! * 100) / 100;
const all = fixtures("dsmr");
const smarty = all.filter((f) => f.key !== undefined);
const ctx = { gatewayId: "bench", transport: "serial" as const, receivedAt: new Date() };
const parses = (t: string): boolean => {
  try {
    const p = dsmrParser.parse(t) as { objects?: Record<string, unknown> };
    return p.objects !== undefined && Object.keys(p.objects).length > 0;
  } catch {
    return false; // dsmr-parser reads DSMR 4+ only and throws INVALID_TELEGRAM on the rest
  }
};
// both decoders get the same telegrams: those dsmr-parser reads (it wants the CRLF after the CRC)
const candidates = all
  .filter((f) => f.key === undefined)
  .map((f) => Buffer.from(f.hex, "hex"))
  .map((b) => (b.subarray(-2).toString("latin1") === "\r\n" ? b : Buffer.concat([b, Buffer.from("\r\n")])));
const plain = candidates.filter((b) => parses(b.toString("latin1")));
const texts = plain.map((b) => b.toString("latin1"));
const readable = plain.length;

const rates = sideBySide({
  omdp: { inputs: plain, run: (b: Uint8Array) => toMeterReading(decodeP1(b), ctx) },
  omdpDecodeOnly: { inputs: plain, run: (b: Uint8Array) => decodeP1(b) },
  dsmrParser: { inputs: texts, run: (t: string) => dsmrParser.parse(t) },
  ...(smarty.length > 0
    ? {
        omdpSmarty: {
          inputs: smarty,
          run: (f: { hex: string; key?: string; authKey?: string }) =>
            decodeP1(Buffer.from(f.hex, "hex"), {
              keys: { key: f.key as string, ...(f.authKey ? { authKey: f.authKey } : {}) },
            }),
        },
      }
    : {}),
});

const figures = {
  telegrams: plain.length,
  corpusPlainTelegrams: candidates.length,
  avgTelegramBytes: Math.round(plain.reduce((n, b) => n + b.length, 0) / plain.length),
  dsmrParserTelegramsWithObjects: readable,
  omdpTelegramsPerSecond: rates.omdp,
  omdpDecodeOnlyTelegramsPerSecond: rates.omdpDecodeOnly,
  dsmrParserTelegramsPerSecond: rates.dsmrParser,
  ratioOmdpToDsmrParser: Math.round(((rates.omdp ?? 0) / (rates.dsmrParser ?? 1)) * 100) / 100,
  ...(rates.omdpSmarty ? { omdpSmartyFramesPerSecond: rates.omdpSmarty } : {}),
  peer: "dsmr-parser@2 (npm), same process, same telegrams, medians of 5 alternating 0.4 s runs",
};
writeResult("p1", figures, loadAtStart);
process.stdout.write(
  `DSMR P1 over ${plain.length} corpus telegrams, decodes per CPU-second (medians, alternating):\n` +
    `@omdp/dsmr decode + MeterReading ${figures.omdpTelegramsPerSecond.toLocaleString("en")}/s ` +
    `(decode only ${figures.omdpDecodeOnlyTelegramsPerSecond.toLocaleString("en")}/s); ` +
    `dsmr-parser ${figures.dsmrParserTelegramsPerSecond.toLocaleString("en")}/s ` +
    `(reads ${readable} of the ${candidates.length} plain corpus telegrams; both timed on those); ratio ${figures.ratioOmdpToDsmrParser}\n` +
    (rates.omdpSmarty ? `Smarty frames (AES-GCM): ${rates.omdpSmarty.toLocaleString("en")}/s\n` : "") +
    "written: bench/results/p1.json\n",
);
