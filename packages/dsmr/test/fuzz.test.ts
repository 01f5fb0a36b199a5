/**
 * Fuzz (STYLE.md principle 6), seeded so a failure reproduces: no exception but DsmrError escapes
 * decodeP1, whatever the bytes. 10,000 mutated corpus telegrams with the CRC recomputed (so the line
 * parser is reached, not only the CRC check; the 100,000-case run is in `npm run bench -- p1`, it takes
 * 10-35 s on this machine), 20,000 mutated telegrams with their CRC left as it was
 * (each must be a CRC_MISMATCH unless the mutation left the checked bytes unchanged), 20,000 random
 * byte strings and 2,000 mutated Smarty frames.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crc16, DsmrError, decodeP1, formatCrc } from "../src/index";
import { fixtureBytes, fixtures } from "./support/fixtures";

const all = fixtures();
const plain = all.filter((f) => f.key === undefined).map(fixtureBytes);
const smarty = all.find((f) => f.key !== undefined);
if (smarty === undefined) throw new Error("no Smarty fixture");
const keys = { key: smarty.key as string, authKey: smarty.authKey as string };
const frame = fixtureBytes(smarty);

/** Decodes, or throws only DsmrError; returns the error code or "ok". */
function outcome(bytes: Uint8Array, withKeys = false): string {
  try {
    decodeP1(bytes, withKeys ? { keys } : {});
    return "ok";
  } catch (e) {
    if (e instanceof DsmrError) {
      expect(Number.isInteger(e.offset)).toBe(true);
      return e.code;
    }
    throw e;
  }
}

const mutation = fc.array(
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom("set", "insert", "delete")),
  {
    minLength: 1,
    maxLength: 4,
  },
);

function mutate(src: Uint8Array, ops: [number, number, string][]): Uint8Array {
  let b = Array.from(src);
  for (const [at, v, op] of ops) {
    const i = at % (b.length + 1);
    if (op === "set" && i < b.length) b[i] = v;
    else if (op === "insert") b.splice(i, 0, v);
    else b = b.slice(0, i).concat(b.slice(i + 1));
  }
  return Uint8Array.from(b);
}

function withCrc(b: Uint8Array): Uint8Array {
  const slash = b.indexOf(0x2f);
  const bang = b.indexOf(0x21, Math.max(slash, 0));
  if (slash < 0 || bang < 0) return b;
  const crc = Buffer.from(formatCrc(crc16(b, slash, bang + 1)), "latin1");
  return Uint8Array.from([...b.subarray(0, bang + 1), ...crc, 0x0d, 0x0a]);
}

describe("fuzz", () => {
  it("10,000 mutated telegrams with the CRC recomputed decode or give a DsmrError", () => {
    const codes = new Map<string, number>();
    fc.assert(
      fc.property(fc.nat(plain.length - 1), mutation, (k, ops) => {
        const c = outcome(withCrc(mutate(plain[k] as Uint8Array, ops)));
        codes.set(c, (codes.get(c) ?? 0) + 1);
      }),
      { numRuns: 10_000, seed: 1402 },
    );
    expect(codes.get("ok")).toBeGreaterThan(0);
  });

  it("20,000 mutated telegrams with the old CRC: a changed checked byte is always caught", () => {
    fc.assert(
      fc.property(fc.nat(plain.length - 1), fc.nat(), fc.integer({ min: 1, max: 255 }), (k, at, x) => {
        const src = plain[k] as Uint8Array;
        const bang = src.indexOf(0x21);
        if (bang < 0 || src[bang + 1] === 0x0d) return; // DSMR 3: no CRC
        const i = src.indexOf(0x2f) + 1 + (at % (bang - src.indexOf(0x2f) - 1));
        const b = Uint8Array.from(src);
        b[i] = (b[i] as number) ^ x;
        const c = outcome(b);
        // a byte turned into '/' or '!' moves the frame; otherwise CRC-16 detects every single-byte change
        if (b[i] !== 0x2f && b[i] !== 0x21) expect(c).toBe("CRC_MISMATCH");
      }),
      { numRuns: 20_000, seed: 1403 },
    );
  });

  it("20,000 random byte strings", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        outcome(b);
      }),
      { numRuns: 20_000, seed: 1404 },
    );
  });

  it("2,000 mutated Smarty frames never decrypt to garbage", () => {
    fc.assert(
      fc.property(mutation, (ops) => {
        const m = mutate(frame, ops);
        // bytes appended after the frame are not part of it: only a change inside the frame must fail
        const same = m.length >= frame.length && frame.every((v, i) => v === m[i]);
        const c = outcome(m, true);
        if (!same && m[0] === 0xdb) expect(c).not.toBe("ok");
      }),
      { numRuns: 2_000, seed: 1405 },
    );
  });
});
