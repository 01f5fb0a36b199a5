/**
 * Fuzz (STYLE.md principle 6), seeded so a failure reproduces: no exception but D0Error escapes
 * decodeReadout, whatever the bytes, and the reader never throws (errors are actions). 10,000 (bench: 100,000) mutated
 * corpus readouts (each re-framed with a correct BCC so the data-set parser is reached), 20,000 mutated
 * framed readouts with their BCC left as it was (each must fail or decode to a BCC that checks), 20,000
 * random byte strings through the reader in random chunks.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bcc, D0Error, decodeReadout, encodeReadout, feedReader, startReader } from "../src/index";
import { fixtureBytes, fixtures } from "./support/fixtures";

/**
 * Mutated-corpus cases per run: 10,000 here (a test stays fast); `npm run bench -- d0` runs this file
 * with OMDP_FUZZ_RUNS=100000, the 100,000 cases per run, and records the time.
 */
const FUZZ_RUNS = Number(process.env.OMDP_FUZZ_RUNS ?? 10_000);

const corpus = fixtures().map(fixtureBytes);
const framed = fixtures().map((f) => {
  const r = decodeReadout(fixtureBytes(f));
  const dataSets = r.dataSets.map((s) => ({
    address: s.address,
    groups: s.values.map((v) => (v.unitWritten === "" ? v.text : `${v.text}*${v.unitWritten}`)),
  }));
  return encodeReadout({ ...r.identification, dataSets });
});

function outcome(bytes: Uint8Array): string {
  try {
    decodeReadout(bytes);
    return "ok";
  } catch (e) {
    if (e instanceof D0Error) {
      expect(Number.isInteger(e.offset)).toBe(true);
      return e.code;
    }
    throw e;
  }
}

const mutation = fc.array(
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom("set", "insert", "delete")),
  { minLength: 1, maxLength: 4 },
);

function mutate(src: Uint8Array, ops: [number, number, string][]): Uint8Array {
  const b = [...src];
  for (const [pos, value, op] of ops) {
    const i = pos % (b.length + 1);
    if (op === "set" && i < b.length) b[i] = value;
    else if (op === "insert") b.splice(i, 0, value);
    else if (op === "delete") b.splice(i, 1);
  }
  return new Uint8Array(b);
}

/** Recomputes the BCC of a block ending in ETX BCC, when there is one. */
function reframe(b: Uint8Array): Uint8Array {
  const stx = b.indexOf(0x02);
  const etx = b.lastIndexOf(0x03);
  if (stx < 0 || etx !== b.length - 2 || etx < stx) return b;
  const out = b.slice();
  out[etx + 1] = bcc(out, stx + 1, etx);
  return out;
}

describe("fuzz", () => {
  it(`${FUZZ_RUNS.toLocaleString("en")} mutated corpus readouts with the BCC recomputed: only D0Error`, () => {
    const sources = [...corpus, ...framed];
    fc.assert(
      fc.property(fc.nat(sources.length - 1), mutation, (k, ops) => {
        outcome(reframe(mutate(sources[k] as Uint8Array, ops)));
      }),
      { numRuns: FUZZ_RUNS, seed: 21 },
    );
  });

  it("20,000 single-byte changes of framed readouts, BCC kept: detected or harmless", () => {
    fc.assert(
      fc.property(fc.nat(framed.length - 1), fc.nat(), fc.integer({ min: 1, max: 255 }), (k, pos, flip) => {
        const src = framed[k] as Uint8Array;
        const stx = src.indexOf(0x02);
        const i = stx + 1 + (pos % (src.length - stx - 2)); // a byte the BCC covers (not the BCC itself)
        const b = src.slice();
        b[i] = (b[i] as number) ^ flip;
        // XOR of one changed byte always changes the XOR sum: the change is caught unless the change
        // moved the ETX or STX (then the frame is no longer the same frame): either way no BCC passes
        // silently over changed data.
        const r = outcome(b);
        if (r === "ok") expect(decodeReadout(b).bcc).toBeNull();
      }),
      { numRuns: 20_000, seed: 7 },
    );
  });

  it("20,000 random byte strings through the reader in random chunks: never throws", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        (bytes, chunk, push) => {
          let s = startReader({ push, maxBytes: 256 }).state;
          for (let i = 0; i < bytes.length; i += chunk) s = feedReader(s, bytes.subarray(i, i + chunk)).state;
          expect(["identification", "data", "done", "failed"]).toContain(s.phase);
        },
      ),
      { numRuns: 20_000, seed: 3 },
    );
  });
});
