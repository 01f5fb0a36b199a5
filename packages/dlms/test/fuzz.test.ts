import { describe, expect, it } from "vitest";
import { decodeApdu } from "../src/apdu/apdu";
import { encryptGloCiphering } from "../src/apdu/ciphering";
import { encodeHdlcPush } from "../src/encode";
import { DlmsError } from "../src/errors";
import { HdlcStreamParser } from "../src/hdlc/stream";
import { encodeMbusPush } from "../src/mbus/segments";
import { decodePush } from "../src/push";
import { bytes, fixtureKeys, loadFixtures } from "./helpers";

/** A small seeded PRNG (mulberry32) so that a failure is reproducible from its case number. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fixtures = loadFixtures();
const KEY = bytes("36C66639E48A8CA4D6BC8B282A793BBB");
const ST = bytes("4B464D6750000009");

/** Plaintext APDUs of every fixture (decrypted where needed), the seeds for structural mutation. */
const plaintexts: Uint8Array[] = fixtures.flatMap((f) => {
  const r = decodePush(bytes(f.hex), fixtureKeys(f));
  if (!r.ok) return [];
  const b = bytes(f.hex);
  if (f.transport === "raw") return [b];
  if (f.name === "hdlc_norway_han_1phase" || f.name === "hdlc_kaifa_ma304h3e")
    return [b.subarray(12, b.length - 3)];
  return [];
});

function mutate(src: Uint8Array, r: () => number): Uint8Array {
  const b = Uint8Array.from(src);
  const n = 1 + Math.floor(r() * 4);
  let out = b;
  for (let i = 0; i < n; i++) {
    const op = Math.floor(r() * 4);
    const at = Math.floor(r() * out.length);
    if (op === 0) out[at] = Math.floor(r() * 256);
    else if (op === 1) out[at]! ^= 1 << Math.floor(r() * 8);
    else if (op === 2) out = out.subarray(0, at);
    else out = Uint8Array.from([...out.subarray(0, at), Math.floor(r() * 256), ...out.subarray(at)]);
  }
  return out;
}

/** No exception escapes: every input yields a telegram or a typed error. */
function check(input: Uint8Array, opts: Parameters<typeof decodePush>[1] = {}): "ok" | "error" {
  const r = decodePush(input, opts);
  if (r.ok) {
    expect(Array.isArray(r.value.cosem)).toBe(true);
    return "ok";
  }
  expect(r.error).toBeInstanceOf(DlmsError);
  expect(typeof r.error.code).toBe("string");
  return "error";
}

describe("fuzz: no exception escapes the decoders", () => {
  it("random bytes with transport-like starts (8,000 cases)", () => {
    const r = rng(1);
    const starts = [0x68, 0x7e, 0x0f, 0xdb, 0xdc, 0xdd, 0xe0, 0x00];
    for (let i = 0; i < 8000; i++) {
      const len = Math.floor(r() * 300);
      const b = new Uint8Array(len);
      for (let k = 0; k < len; k++) b[k] = Math.floor(r() * 256);
      if (len > 0) b[0] = starts[i % starts.length]!;
      if (len > 3 && b[0] === 0x68) {
        b[1] = b[2] = Math.max(3, len - 6) & 0xff;
        b[3] = 0x68;
      }
      if (len > 1 && b[0] === 0x7e) b[1] = 0xa0 | (b[1]! & 0x0f);
      check(b, { key: KEY });
    }
  });

  it("mutated fixtures as sent (6,000 cases)", () => {
    const r = rng(2);
    const raw = fixtures.map((f) => ({ b: bytes(f.hex), keys: fixtureKeys(f) }));
    for (let i = 0; i < 6000; i++) {
      const f = raw[i % raw.length]!;
      check(mutate(f.b, r), f.keys);
    }
  });

  it("mutated APDUs re-framed with valid checksums, encrypted and plain (8,000 cases)", () => {
    const r = rng(3);
    const results = { ok: 0, error: 0 };
    for (let i = 0; i < 8000; i++) {
      const pt = mutate(plaintexts[i % plaintexts.length]!, r);
      const kind = i % 4;
      let input: Uint8Array;
      if (kind === 0) input = pt;
      else if (kind === 1 && pt.length > 0) {
        const apdu = encryptGloCiphering({
          plaintext: pt,
          key: KEY,
          systemTitle: ST,
          frameCounter: i,
          securityControl: 0x20,
        });
        input = Uint8Array.from(Buffer.concat(encodeMbusPush(apdu, { maxSegment: 120 })));
      } else if (kind === 2 && pt.length > 0) {
        input = Uint8Array.from(
          Buffer.concat(encodeHdlcPush(pt, { maxInfo: 64, mode: i % 8 === 2 ? "gbt" : "segments" })),
        );
      } else input = Uint8Array.from([0xe0, 0xc0, 0, 1, 0, 0, pt.length & 0x7f, ...pt]);
      results[check(input, { key: KEY })]++;
    }
    // the mutations reach past the frames: some decode, some fail deep inside
    expect(results.ok).toBeGreaterThan(100);
    expect(results.error).toBeGreaterThan(100);
  });

  it("decodeApdu and the HDLC stream parser on random chunks (3,000 cases)", () => {
    const r = rng(4);
    const hdlc = fixtures.filter((f) => f.transport === "hdlc").map((f) => bytes(f.hex));
    const p = new HdlcStreamParser();
    for (let i = 0; i < 3000; i++) {
      const src = mutate(hdlc[i % hdlc.length]!, r);
      let off = 0;
      while (off < src.length) {
        const n = 1 + Math.floor(r() * 40);
        for (const e of p.push(src.subarray(off, off + n))) {
          if (e.kind === "error") expect(e.error).toBeInstanceOf(DlmsError);
          if (e.kind === "apdu") {
            const d = decodeApdu(e.apdu, { key: KEY });
            expect(d.ok || d.error instanceof DlmsError).toBe(true);
          }
        }
        off += n;
      }
      const d = decodeApdu(src);
      expect(d.ok || d.error instanceof DlmsError).toBe(true);
    }
  });
});
