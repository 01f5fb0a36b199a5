/**
 * The library's full M-Bus decode (link layer, header, every record with quantity, unit and scaled
 * value) in a loop, as its own process: bench/decode.bench.ts bundles this file with esbuild and runs it,
 * so that the library runs as compiled JavaScript, as the libmbus harness runs as compiled C.
 *   node library-loop.mjs SECONDS FILE   (FILE: one hex frame a line) -> {"telegrams", "cpuSeconds"}
 */
import { readFileSync } from "node:fs";
import { decodeFrame, decodeTelegram, parseHex } from "@omdp/mbus";

const [seconds, file] = [Number(process.argv[2] ?? 3), process.argv[3] ?? ""];
const telegrams = readFileSync(file, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => {
    const r = parseHex(l);
    if (!r.ok) throw r.error;
    return r.value;
  });

/** One full decode of every telegram; the checksum over the values keeps the work from being optimised away. */
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
    } else if (v.type === "fixed") for (const c of v.counters) sink += c.value ?? 0;
  }
  return sink;
}

function run(limitS: number): { telegrams: number; cpuSeconds: number; sink: number } {
  let rounds = 0;
  let sink = 0;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const limit = BigInt(Math.round(limitS * 1e9));
  while (process.hrtime.bigint() - t0 < limit) {
    for (let i = 0; i < 50; i++) sink += decodeAll();
    rounds += 50;
  }
  const c = process.cpuUsage(c0);
  return { telegrams: rounds * telegrams.length, cpuSeconds: (c.user + c.system) / 1e6, sink };
}

run(1); // warm-up: let the JIT settle
process.stdout.write(`${JSON.stringify(run(seconds))}\n`);
