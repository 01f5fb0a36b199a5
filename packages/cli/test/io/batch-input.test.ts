/**
 * The batch input path: quickHex gives exactly what @omdp/dlms parseHex gives (or defers to it), and
 * TelegramLines, fed in arbitrary chunks, yields exactly the telegrams of the former whole-input
 * algorithm (split on /\r?\n/, trim, `-`/`\` continuations, blank lines skipped), written out below;
 * ByteLines, fed bytes, gives the same telegrams (as bytes where quickHex would have read them).
 */
import { parseHex } from "@omdp/dlms";
import { describe, expect, it } from "vitest";
import { ByteLines, TelegramLines } from "../../src/io/batch-lines";
import { quickHex } from "../../src/io/quick-hex";

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

/** The algorithm `omdp decode --batch` used before streaming (reads everything, then splits). */
function wholeInput(text: string): string[] {
  const telegrams: string[] = [];
  let pending = "";
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (/[-\\]$/.test(t)) {
      pending += `${t.slice(0, -1)} `;
      continue;
    }
    const whole = pending + t;
    pending = "";
    if (whole.trim()) telegrams.push(whole);
  }
  if (pending.trim()) telegrams.push(pending);
  return telegrams;
}

describe("quickHex", () => {
  it("equals parseHex wherever it answers, and defers elsewhere (20,000 random texts)", () => {
    const next = rng(7);
    const alphabet = "0123456789abcdefABCDEF \t\n\r\v\f:-_,xX0g\u00a0\u2003é";
    let answered = 0;
    for (let i = 0; i < 20_000; i++) {
      let s = "";
      const len = next() % 40;
      // mostly hex, sometimes anything of the alphabet
      for (let k = 0; k < len; k++) s += alphabet[next() % (next() % 4 === 0 ? alphabet.length : 22)];
      const q = quickHex(s);
      const p = parseHex(s);
      if (q === null) continue;
      answered++;
      expect(p.ok, s).toBe(true);
      if (p.ok) expect(Array.from(q), JSON.stringify(s)).toEqual(Array.from(p.value));
    }
    expect(answered).toBeGreaterThan(5_000);
  });

  it("defers a 0x prefix, a non-ASCII space and an odd digit count to parseHex", () => {
    expect(quickHex("0x68 16")).toBeNull();
    expect(quickHex("68\u00a016")).toBeNull();
    expect(quickHex("68 1")).toBeNull();
    expect(Array.from(quickHex("6:8-1_6,")!)).toEqual([0x68, 0x16]);
  });
});

describe("TelegramLines", () => {
  it("yields the telegrams of the whole-input algorithm for any chunking (5,000 random inputs)", () => {
    const next = rng(11);
    const pieces = ["68 04", "16", " ", "-", "\\", "\r", "\n", "\r\n", "\t", "", "e5", "  -  "];
    for (let i = 0; i < 5_000; i++) {
      let text = "";
      const n = next() % 30;
      for (let k = 0; k < n; k++) text += pieces[next() % pieces.length];
      const lines = new TelegramLines();
      const got: string[] = [];
      let at = 0;
      while (at < text.length) {
        const step = 1 + (next() % 7);
        lines.push(text.slice(at, at + step), (t) => got.push(t));
        at += step;
      }
      lines.end((t) => got.push(t));
      expect(got, JSON.stringify(text)).toEqual(wholeInput(text));
    }
  });
});

/** A telegram as the batch decodes it: the bytes quickHex reads, else the text that goes to parseHex. */
function canonical(t: string | Uint8Array): string {
  if (t instanceof Uint8Array) return `bytes ${Buffer.from(t).toString("hex")}`;
  const q = quickHex(t);
  return q ? `bytes ${Buffer.from(q).toString("hex")}` : `text ${t}`;
}

describe("ByteLines", () => {
  it("gives the telegrams of the whole-input algorithm over the UTF-8 text, any chunking (5,000 inputs)", () => {
    const next = rng(13);
    const pieces = [
      "68 04",
      "16",
      "A",
      "f",
      " ",
      "-",
      "\\",
      "\r",
      "\n",
      "\r\n",
      "\t",
      ":",
      "_",
      ",",
      "0x",
      "é",
      "\u00a0",
      "g",
      "  -  ",
    ];
    let fastSeen = 0;
    for (let i = 0; i < 5_000; i++) {
      let text = "";
      const n = next() % 30;
      for (let k = 0; k < n; k++) text += pieces[next() % pieces.length];
      const bytes = Buffer.from(text, "utf8");
      const lines = new ByteLines();
      const got: string[] = [];
      const fast = (b: Uint8Array) => {
        fastSeen++;
        got.push(canonical(b));
      };
      const slow = (t: string) => got.push(canonical(t));
      let at = 0;
      while (at < bytes.length) {
        const step = 1 + (next() % 9); // may split a UTF-8 sequence
        lines.push(bytes.subarray(at, at + step), fast, slow);
        at += step;
      }
      lines.end(fast, slow);
      expect(got, JSON.stringify(text)).toEqual(wholeInput(text).map(canonical));
    }
    expect(fastSeen).toBeGreaterThan(300);
  });
});
