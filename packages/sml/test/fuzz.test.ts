/**
 * Fuzz (STYLE.md principle 6), seeded so a failure reproduces: nothing but SmlError escapes decodeSml,
 * whatever the bytes, and every error carries an integer offset. 10,000 (bench: 100,000) mutated corpus files with the
 * file CRC redone (so the message parser is reached), 10,000 with the CRC left as it was (each must be
 * refused unless the mutation left the file unchanged) and 10,000 random byte strings.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CRC_VARIANTS, decodeSml, SmlError } from "../src/index";
import { fixtureBytes, fixtures } from "./support/fixtures";

/**
 * Mutated-corpus cases per run: 10,000 here (a test stays fast); `npm run bench -- sml` runs this file
 * with OMDP_FUZZ_RUNS=100000, the 100,000 cases per run, and records the time.
 */
const FUZZ_RUNS = Number(process.env.OMDP_FUZZ_RUNS ?? 10_000);

const files = fixtures().map(fixtureBytes);

function outcome(bytes: Uint8Array): string {
  try {
    decodeSml(bytes, { messageCrc: "report", quirks: ["dzg-unsigned-power", "missing-close"] });
    return "ok";
  } catch (e) {
    if (!(e instanceof SmlError)) throw e;
    expect(Number.isInteger(e.offset)).toBe(true);
    return e.code;
  }
}

const mutation = fc.array(
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom("set", "insert", "delete")),
  { minLength: 1, maxLength: 4 },
);

function mutate(src: Uint8Array, ops: [number, number, string][]): Uint8Array {
  const b = Array.from(src);
  for (const [at, v, op] of ops) {
    // Mutate the messages, not the 8-byte start escape.
    const i = 8 + (at % Math.max(1, b.length - 16));
    if (op === "set") b[i] = v;
    else if (op === "insert") b.splice(i, 0, v);
    else b.splice(i, 1);
  }
  return Uint8Array.from(b);
}

function recrc(b: Uint8Array): Uint8Array {
  if (b.length < 2) return b;
  const crc = CRC_VARIANTS.standard(b, 0, b.length - 2);
  b.set([crc >> 8, crc & 0xff], b.length - 2);
  return b;
}

describe("fuzz", () => {
  it(`${FUZZ_RUNS.toLocaleString("en")} mutated files with the CRC redone: only SmlError`, () => {
    const codes = new Map<string, number>();
    fc.assert(
      fc.property(fc.nat(files.length - 1), mutation, (k, ops) => {
        const c = outcome(recrc(mutate(files[k]!, ops)));
        codes.set(c, (codes.get(c) ?? 0) + 1);
      }),
      { numRuns: FUZZ_RUNS, seed: 1404 },
    );
    // The parser was reached: message-level errors, not only transport ones.
    expect([...codes.keys()].some((c) => ["BAD_TYPE", "BAD_LENGTH", "TRUNCATED", "BAD_TL"].includes(c))).toBe(
      true,
    );
  });

  it("10,000 mutated files with the CRC as it was: refused", () => {
    fc.assert(
      fc.property(fc.nat(files.length - 1), mutation, (k, ops) => {
        const m = mutate(files[k]!, ops);
        const same = m.length === files[k]!.length && m.every((x, i) => x === files[k]![i]);
        if (!same) expect(outcome(m)).not.toBe("ok");
      }),
      { numRuns: 10_000, seed: 1405 },
    );
  });

  it("10,000 random byte strings, some behind a start escape: only SmlError", () => {
    const start = [0x1b, 0x1b, 0x1b, 0x1b, 1, 1, 1, 1];
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (b, framed) => {
        outcome(framed ? recrc(Uint8Array.from([...start, ...b])) : b);
      }),
      { numRuns: 10_000, seed: 1406 },
    );
  });
});
