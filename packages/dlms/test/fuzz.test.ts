import { describe, expect, it } from "vitest";
import { decodeApdu } from "../src/apdu/apdu";
import { encryptGloCiphering } from "../src/apdu/ciphering";
import { encodeHdlcPush } from "../src/encode";
import { DlmsError } from "../src/errors";
import { HdlcStreamParser } from "../src/hdlc/stream";
import { encodeMbusPush } from "../src/mbus/segments";
import { MAX_MBUS_DLMS_FRAME, MbusDlmsStreamParser } from "../src/mbus/stream";
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

  it("the M-Bus stream reader on mutated pushes with wrapped lengths, in random chunks (3,000 cases)", () => {
    const r = rng(5);
    const noe = bytes(fixtures.find((f) => f.name === "mbus_netz_noe_p1")!.hex);
    // a first frame of 256 bytes of user data: 68 00 00 68 (L wrapped), checksum by hand
    const seg = new Uint8Array(251).fill(0x11);
    const wrapped = new Uint8Array(262);
    wrapped.set([0x68, 0x00, 0x00, 0x68, 0x53, 0xff, 0x00, 0x01, 0x67]);
    wrapped.set(seg, 9);
    let cs = 0;
    for (let i = 4; i < 260; i++) cs = (cs + wrapped[i]!) & 0xff;
    wrapped[260] = cs;
    wrapped[261] = 0x16;
    const seeds = [noe, Uint8Array.from([...wrapped, ...noe.subarray(256)])];
    const p = new MbusDlmsStreamParser();
    let apdus = 0;
    for (let i = 0; i < 3000; i++) {
      const src = i % 3 === 0 ? seeds[i % 2]! : mutate(seeds[i % 2]!, r);
      let off = 0;
      while (off < src.length) {
        const n = 1 + Math.floor(r() * 80);
        for (const e of p.push(src.subarray(off, off + n))) {
          if (e.kind === "error") expect(e.error).toBeInstanceOf(DlmsError);
          if (e.kind === "apdu") {
            apdus++;
            const d = decodeApdu(e.apdu, { key: KEY });
            expect(d.ok || d.error instanceof DlmsError).toBe(true);
          }
        }
        off += n;
      }
    }
    // unmutated pushes among the mutated ones still come through
    expect(apdus).toBeGreaterThanOrEqual(900);
    expect(p.bytesSkipped).toBeGreaterThan(0);
  });

  it("the stream reader keeps its memory bounded on endless 68-led garbage", () => {
    const r = rng(6);
    const p = new MbusDlmsStreamParser();
    for (let i = 0; i < 200; i++) {
      const chunk = Uint8Array.from({ length: 512 }, (_, k) => (k % 7 === 0 ? 0x68 : Math.floor(r() * 256)));
      for (const e of p.push(chunk)) if (e.kind === "error") expect(e.error).toBeInstanceOf(DlmsError);
    }
    expect((p as unknown as { buf: Uint8Array }).buf.length).toBeLessThanOrEqual(MAX_MBUS_DLMS_FRAME);
  });

  it("decodeApdu on random bytes behind every tag of the APDU table (20,000 cases)", () => {
    const r = rng(7);
    const tags = [
      0x0f, 0xc2, 0xc4, 0xca, 0xcc, 0xd2, 0xd4, 0xd8, 0x60, 0x61, 0xdb, 0xdc, 0xdd, 0xe0, 0x0e, 0xc0,
    ];
    const st = bytes("4D4D4D0000BC614E");
    for (let i = 0; i < 20000; i++) {
      const body = Uint8Array.from({ length: Math.floor(r() * 40) }, () => Math.floor(r() * 256));
      const d = decodeApdu(Uint8Array.from([tags[i % tags.length]!, ...body]), { key: KEY, systemTitle: st });
      expect(d.ok || d.error instanceof DlmsError).toBe(true);
    }
  });
});
