/**
 * `omdp decode --batch` writes M-Bus lines straight as bytes (src/mbus-output.ts, src/io/byte-sink.ts);
 * they must be exactly `JSON.stringify({ ok: true, ...doc })` of the document the single-telegram mode
 * prints. Checked over the corpus, the degraded fixtures and 5,000 mutated frames (seeded).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checksum, decodeFrame, decodeTelegram, parseHex } from "@omdp/mbus";
import { describe, expect, it } from "vitest";
import { type VariableTelegram, variableDoc, variableLine } from "../src/mbus-output";

const FIXTURES = join(import.meta.dirname, "..", "..", "mbus", "test", "fixtures");
const frames = ["valid", "degraded"].flatMap((d) =>
  readdirSync(join(FIXTURES, d))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const r = parseHex((JSON.parse(readFileSync(join(FIXTURES, d, f), "utf8")) as { hex: string }).hex);
      if (!r.ok) throw r.error;
      return r.value;
    }),
);

function variable(b: Uint8Array): VariableTelegram | null {
  const f = decodeFrame(b, 0);
  if (!f.ok || f.value.frame.kind !== "long") return null;
  const t = decodeTelegram(f.value.frame);
  return t.ok && t.value.type === "variable" ? t.value : null;
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

describe("batch line = JSON.stringify of the document", () => {
  it("every corpus and degraded frame", () => {
    let n = 0;
    for (const b of frames) {
      const t = variable(b);
      if (!t) continue;
      expect(variableLine(t, b)).toBe(JSON.stringify({ ok: true, ...variableDoc(t, b) }));
      n++;
    }
    expect(n).toBeGreaterThan(30);
  });

  it("5,000 mutated frames (texts, odd numbers, record errors, fillers)", () => {
    const next = rng(0x0d15c0de);
    let checked = 0;
    let withErrors = 0;
    for (let i = 0; i < 5_000; i++) {
      const b = frames[next() % frames.length]!.slice();
      const n = 1 + (next() % 4);
      for (let k = 0; k < n; k++) b[7 + (next() % Math.max(1, b.length - 9))] = next() & 0xff;
      b[b.length - 2] = checksum(b, 4, b.length - 2);
      const t = variable(b);
      if (!t) continue;
      checked++;
      if (t.recordErrors.length > 0) withErrors++;
      const want = JSON.stringify({ ok: true, ...variableDoc(t, b) });
      const got = variableLine(t, b);
      if (got !== want) expect(got).toBe(want);
    }
    expect(checked).toBeGreaterThan(2_000);
    expect(withErrors).toBeGreaterThan(100);
  });
});
