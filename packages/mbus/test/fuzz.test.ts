/**
 * Fuzz (STYLE.md principle 6): >= 100,000 cases per run, seeded so a failure reproduces. Properties:
 *  - no exception escapes decodeFrame / decodeTelegram / FrameParser; every input gives a result or a
 *    typed MbusError with a numeric offset inside the input;
 *  - whatever decodes re-encodes, and decoding that again gives the same bytes (parse, generate, parse);
 *  - a mutated corpus frame that decodes re-encodes to exactly its own bytes, except where a 64-bit
 *    integer is 2^51 or more: a JavaScript number holds 53 bits, and scaling by the VIF can cost two more
 *    (beyond 2^53 the encoder refuses with MbusError ENCODE; documented in docs/mbus.md).
 * Inputs: random bytes, random bytes behind a valid long-frame header (so the application layer is
 * reached), and valid corpus frames with 1-4 mutated bytes and a recomputed checksum.
 */
import { describe, expect, it } from "vitest";
import {
  checksum,
  type DataRecord,
  decodeFrame,
  decodeTelegram,
  encodeTelegram,
  FrameParser,
  MbusError,
  parseHex,
  type Telegram,
  toHex,
  type UserDataSpec,
} from "../src/index";
import { validFixtures } from "./support/fixtures";

/** xorshift32: small, fast, deterministic. */
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

const SEED = Number(process.env.MBUS_FUZZ_SEED ?? 0x13757);
const CORPUS = validFixtures().map((f) => {
  const r = parseHex(f.hex);
  if (!r.ok) throw r.error;
  return r.value;
});

function toSpec(t: Telegram): UserDataSpec & { control: number; address: number } {
  if (t.type !== "variable") return t;
  return {
    ...t,
    records: t.records.map((r: DataRecord) => {
      const { data, ...rest } = r;
      return r.value === null ? { ...rest, data } : rest;
    }),
  };
}

interface Tally {
  cases: number;
  frames: number;
  telegrams: number;
  errors: number;
  reencoded: number;
  exact: number;
  beyond53: number;
  degraded: number;
}

const tally = (): Tally => ({
  cases: 0,
  frames: 0,
  telegrams: 0,
  errors: 0,
  reencoded: 0,
  exact: 0,
  beyond53: 0,
  degraded: 0,
});

/** True when a record carries a 64-bit integer of magnitude 2^51 or more (cannot round-trip exactly). */
function hugeInt(t: Telegram): boolean {
  if (t.type !== "variable") return false;
  return t.records.some((r) => {
    if (r.data.length < 7 || (r.coding !== "int64" && !(r.coding === "lvar" && (r.lvar ?? 0) >= 0xe0)))
      return false;
    let v = 0n;
    for (let i = r.data.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(r.data[i]!);
    const signed = BigInt.asIntN(8 * r.data.length, v);
    return (signed < 0n ? -signed : signed) >= 2n ** 51n;
  });
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
}

/** Decodes one input; returns what happened. Throws only on a property violation. */
function check(bytes: Uint8Array, t: Tally, exact = false): void {
  t.cases++;
  const f = decodeFrame(bytes, 0);
  if (!f.ok) {
    if (!(f.error instanceof MbusError)) throw new Error("untyped error");
    if (!(f.error.offset >= 0 && f.error.offset <= bytes.length)) throw new Error(`offset ${f.error.offset}`);
    t.errors++;
    return;
  }
  t.frames++;
  const r = decodeTelegram(f.value.frame);
  if (!r.ok) {
    if (!(r.error instanceof MbusError)) throw new Error("untyped error");
    if (!(r.error.offset >= 0 && r.error.offset <= bytes.length)) throw new Error(`offset ${r.error.offset}`);
    t.errors++;
    return;
  }
  t.telegrams++;
  // parse -> generate -> parse: the generated frame decodes to the same bytes again
  let again: Uint8Array;
  try {
    again = encodeTelegram(toSpec(r.value));
  } catch (e) {
    if (!(e instanceof MbusError && e.code === "ENCODE")) throw e;
    // the only value the encoder may refuse after a successful decode: an int64 beyond 2^53
    if (!/beyond 2\^53/.test(e.message)) throw new Error(`unexpected encode failure: ${e.message}`);
    t.beyond53++;
    return;
  }
  // a telegram with record errors leaves the unreadable bytes out, so it cannot re-encode to itself;
  // its properties (evidence inside the frame, records and errors tiling the data) are in degrade.test.ts
  if (r.value.type === "variable" && r.value.recordErrors.length > 0) {
    t.degraded++;
    return;
  }
  if (exact && hugeInt(r.value)) {
    t.beyond53++;
  } else if (exact) {
    if (!same(again, bytes))
      throw new Error(`encode(decode(x)) differs from x: ${toHex(bytes)} / ${toHex(again)}`);
    t.exact++;
  }
  const r2 = decodeFrame(again, 0);
  if (!r2.ok) throw new Error(`re-encoded frame does not decode: ${r2.error.message}`);
  const t2 = decodeTelegram(r2.value.frame);
  if (!t2.ok) throw new Error(`re-encoded telegram does not decode: ${t2.error.message}`);
  const third = encodeTelegram(toSpec(t2.value));
  if (Buffer.compare(Buffer.from(third), Buffer.from(again)) !== 0)
    throw new Error("generate/parse is not stable");
  t.reencoded++;
}

function longFrame(next: () => number, data: Uint8Array, control = 0x08): Uint8Array {
  const l = data.length + 3;
  const out = new Uint8Array(l + 6);
  out.set([0x68, l, l, 0x68, control, next() & 0xff, [0x72, 0x78, 0x7a, 0x70, 0x73][next() % 5]!], 0);
  out.set(data, 7);
  out[l + 4] = checksum(out, 4, l + 4);
  out[l + 5] = 0x16;
  return out;
}

describe("fuzz", () => {
  it("random bytes: 30,000 cases", () => {
    const next = rng(SEED);
    const t = tally();
    for (let i = 0; i < 30_000; i++) {
      const len = next() % 300;
      const b = new Uint8Array(len);
      for (let j = 0; j < len; j++) b[j] = next() & 0xff;
      if (len > 0 && i % 3 === 0) b[0] = [0x68, 0x10, 0xe5][i % 9 === 0 ? 1 : 0]!;
      check(b, t);
    }
    expect(t.cases).toBe(30_000);
    expect(t.errors).toBeGreaterThan(0);
  });

  it("random user data in valid long frames: 30,000 cases reach the application layer", () => {
    const next = rng(SEED + 1);
    const t = tally();
    for (let i = 0; i < 30_000; i++) {
      const len = next() % 253;
      const data = new Uint8Array(len);
      for (let j = 0; j < len; j++) data[j] = next() & 0xff;
      check(longFrame(next, data), t);
    }
    expect(t.frames).toBe(30_000);
    expect(t.telegrams).toBeGreaterThan(100);
    expect(t.errors).toBeGreaterThan(100);
  });

  it("mutated corpus frames with recomputed checksum: 45,000 cases", () => {
    const next = rng(SEED + 2);
    const t = tally();
    for (let i = 0; i < 45_000; i++) {
      const src = CORPUS[next() % CORPUS.length]!;
      const b = src.slice();
      const n = 1 + (next() % 4);
      for (let k = 0; k < n; k++) {
        const at = 7 + (next() % Math.max(1, b.length - 9)); // somewhere in the user data
        b[at] = next() & 0x0f ? next() & 0xff : b[at]! ^ (1 << (next() % 8));
      }
      if (i % 10 === 0 && b.length > 30) {
        // also cut the user data short and fix L, L and the checksum
        const cut = 9 + (next() % (b.length - 20));
        const f = longFrame(next, b.subarray(7, cut));
        f[6] = b[6]!;
        f[f.length - 2] = checksum(f, 4, f.length - 2);
        check(f, t, true);
        continue;
      }
      b[b.length - 2] = checksum(b, 4, b.length - 2);
      check(b, t, true);
    }
    expect(t.frames).toBe(45_000);
    expect(t.exact).toBeGreaterThan(20_000);
    expect(t.beyond53).toBeLessThan(t.exact / 10);
  });

  it("stream parser: 2,000 random streams of frames, garbage and random chunking lose no frame", () => {
    const next = rng(SEED + 3);
    for (let i = 0; i < 2_000; i++) {
      const parts: Uint8Array[] = [];
      const want: number[] = [];
      let total = 0;
      const count = 1 + (next() % 5);
      for (let k = 0; k < count; k++) {
        // garbage without start bytes, so that it cannot swallow the frame behind it
        const g = next() % 8;
        const garbage = new Uint8Array(g);
        for (let j = 0; j < g; j++) {
          let x = next() & 0xff;
          while (x === 0x68 || x === 0x10 || x === 0xe5) x = next() & 0xff;
          garbage[j] = x;
        }
        parts.push(garbage);
        total += g;
        const f = CORPUS[next() % CORPUS.length]!;
        want.push(total);
        parts.push(f);
        total += f.length;
      }
      const stream = new Uint8Array(total);
      let o = 0;
      for (const p of parts) {
        stream.set(p, o);
        o += p.length;
      }
      const parser = new FrameParser();
      const got: number[] = [];
      let at = 0;
      while (at < stream.length) {
        const step = 1 + (next() % 64);
        for (const e of parser.push(stream.subarray(at, at + step)))
          if (e.type === "frame") got.push(e.offset);
        at += step;
      }
      for (const e of parser.flush()) if (e.type === "frame") got.push(e.offset);
      expect(got).toEqual(want);
    }
  });
});
