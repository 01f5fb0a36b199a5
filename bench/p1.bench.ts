/**
 * `npm run bench -- p1`: DSMR P1 telegram decodes per CPU-second over the corpus's plain telegrams
 * (packages/dsmr/test/fixtures, NL/BE/IE/SE meters), side by side in the same process: @omdp/dsmr
 * (decodeP1: frame, CRC-16, every line to typed objects, + toMeterReading) and the npm package
 * dsmr-parser (2.x: lines to objects and CRC check, no unit normalisation). Also the Smarty frame
 * (AES-128-GCM) alone, which dsmr-parser does not read. Then the 100,000-case fuzz run of @omdp/dsmr
 * (mutated corpus telegrams with the CRC recomputed, as packages/dsmr/test/fuzz.test.ts runs 10,000):
 * only DsmrError may escape decodeP1. Writes bench/results/p1.json (~20-40 s).
 */
import { loadavg } from "node:os";
import { crc16, DsmrError, decodeP1, formatCrc, toMeterReading } from "@omdp/dsmr";
// @ts-expect-error: dsmr-parser ships no types (a devDependency of the benchmarks only)
import dsmrParser from "dsmr-parser";
import fc from "fast-check";
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

/** 100,000 mutated telegrams with their CRC recomputed: each decodes or is a DsmrError (seeded). */
function fuzz(runs: number): { runs: number; ok: number; seconds: number } {
  const src = candidates;
  const withCrc = (b: Uint8Array): Uint8Array => {
    const slash = b.indexOf(0x2f);
    const bang = b.indexOf(0x21, Math.max(slash, 0));
    if (slash < 0 || bang < 0) return b;
    const crc = Buffer.from(formatCrc(crc16(b, slash, bang + 1)), "latin1");
    return Uint8Array.from([...b.subarray(0, bang + 1), ...crc, 0x0d, 0x0a]);
  };
  let ok = 0;
  const t0 = performance.now();
  fc.assert(
    fc.property(
      fc.nat(src.length - 1),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
      (k, ops) => {
        const b = Buffer.from(src[k] as Uint8Array);
        for (const [at, v] of ops) b[at % b.length] = v;
        try {
          decodeP1(withCrc(b));
          ok++;
        } catch (e) {
          if (!(e instanceof DsmrError)) throw e;
        }
      },
    ),
    { numRuns: runs, seed: 1402 },
  );
  return { runs, ok, seconds: Math.round((performance.now() - t0) / 100) / 10 };
}
const fuzzed = fuzz(100_000);

const figures = {
  fuzzCases: fuzzed.runs,
  fuzzDecodedOk: fuzzed.ok,
  fuzzSeconds: fuzzed.seconds,
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
    `fuzz: ${fuzzed.runs.toLocaleString("en")} mutated telegrams (CRC recomputed) in ${fuzzed.seconds} s, ` +
    `${fuzzed.ok.toLocaleString("en")} decoded, the rest DsmrError\n` +
    "written: bench/results/p1.json\n",
);
