import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHex } from "./hex";
import { decodePush } from "./push";

export interface BenchTelegram {
  readonly name: string;
  readonly hex: string;
  readonly key?: string | null;
  readonly authKey?: string | null;
}

export interface DlmsBenchResult {
  /** Full decodes per second (frames, decryption, A-XDR, COSEM values with units) over all telegrams. */
  readonly decodesPerSecond: number;
  readonly megabytesPerSecond: number;
  readonly telegrams: number;
  readonly perTelegram: Readonly<Record<string, number>>;
}

/** The repository's DLMS corpus copy (packages/dlms/test/fixtures), for benchmarks. */
export function dlmsBenchTelegrams(): BenchTelegram[] {
  const dir = join(import.meta.dirname, "..", "test", "fixtures");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as BenchTelegram);
}

const bytesOf = (hex: string | null | undefined): Uint8Array | undefined => {
  if (!hex) return undefined;
  const r = parseHex(hex);
  return r.ok ? r.value : undefined;
};

/**
 * Decodes/s of `decodePush` on one core, each telegram for `msPerTelegram` (bounded), plus the mix.
 * Pure measurement: no output, no files; the caller (bench/decode.bench.ts) prints and writes results.
 */
export function benchDlms(
  opts: { msPerTelegram?: number; telegrams?: BenchTelegram[] } = {},
): DlmsBenchResult {
  const ms = opts.msPerTelegram ?? 500;
  const list = (opts.telegrams ?? dlmsBenchTelegrams()).map((t) => ({
    name: t.name,
    bytes: bytesOf(t.hex)!,
    key: bytesOf(t.key),
    authKey: bytesOf(t.authKey),
  }));
  const perTelegram: Record<string, number> = {};
  let totalTime = 0;
  let totalBytes = 0;
  let totalDecodes = 0;
  for (const t of list) {
    const o = { ...(t.key ? { key: t.key } : {}), ...(t.authKey ? { authKey: t.authKey } : {}) };
    for (let i = 0; i < 200; i++) decodePush(t.bytes, o); // warm-up
    let n = 0;
    const start = performance.now();
    let now = start;
    while (now - start < ms) {
      for (let i = 0; i < 100; i++) {
        const r = decodePush(t.bytes, o);
        if (!r.ok) throw r.error;
      }
      n += 100;
      now = performance.now();
    }
    const sec = (now - start) / 1000;
    perTelegram[t.name] = Math.round(n / sec);
    totalTime += sec;
    totalBytes += n * t.bytes.length;
    totalDecodes += n;
  }
  return {
    decodesPerSecond: Math.round(totalDecodes / totalTime),
    megabytesPerSecond: Math.round((totalBytes / totalTime / 1e6) * 100) / 100,
    telegrams: list.length,
    perTelegram,
  };
}
