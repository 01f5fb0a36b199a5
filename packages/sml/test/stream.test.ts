/**
 * SmlStreamParser: files out of a byte stream cut anywhere (every fixture, garbage between, random
 * chunk sizes), an escaped 1B1B1B1B inside the data kept, a file cut short by a new start dropped, and a
 * start without an end bounded by maxBytes. Fuzz: random bytes and chunkings never throw, never loop.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeSml, encodeSml, SmlStreamParser } from "../src/index";
import { fixtureBytes, fixtures } from "./support/fixtures";

function feed(p: SmlStreamParser, bytes: Uint8Array, cuts: number[]) {
  const out = [];
  let at = 0;
  for (const c of [...cuts.filter((x) => x > 0 && x < bytes.length)].sort((a, b) => a - b)) {
    out.push(...p.push(bytes.subarray(at, c)));
    at = c;
  }
  out.push(...p.push(bytes.subarray(at)));
  return out;
}

const files = fixtures().map(fixtureBytes);
const garbage = Uint8Array.from([0x00, 0x1b, 0x1b, 0x01, 0xff, 0x1a]);
const stream = Buffer.concat(files.flatMap((f) => [garbage, f]));

describe("SmlStreamParser", () => {
  it("every fixture file, byte for byte, whatever the chunking (fast-check)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: stream.length }), { maxLength: 40 }), (cuts) => {
        const ev = feed(new SmlStreamParser(), stream, cuts);
        const got = ev.filter((e) => e.type === "file").map((e) => Buffer.from(e.bytes).toString("hex"));
        expect(got).toEqual(files.map((f) => Buffer.from(f).toString("hex")));
      }),
      { numRuns: 300 },
    );
  });

  it("an escaped 1B1B1B1B in the data is data, not an end", () => {
    const bytes = encodeSml([
      {
        transactionId: Uint8Array.of(0x1b, 0x1b, 0x1b, 0x1b, 0x1b, 0x1b, 0x1b, 0x1b),
        groupNo: 0,
        abortOnError: 0,
        body: { kind: "closeResponse" },
      },
    ]);
    const ev = new SmlStreamParser().push(bytes);
    expect(ev).toHaveLength(1);
    expect(ev[0]?.type === "file" && decodeSml(ev[0].bytes).messages).toHaveLength(1);
  });

  it("a file cut short by the next start is dropped (RESTARTED), the next one read", () => {
    const f = files[0] as Uint8Array;
    const ev = new SmlStreamParser().push(Buffer.concat([f.subarray(0, 40), f]));
    expect(ev.map((e) => e.type)).toEqual(["dropped", "file"]);
    expect(ev[0]).toMatchObject({ reason: "RESTARTED", bytes: 40 });
  });

  it("a start without an end is dropped past maxBytes (bounded memory)", () => {
    const p = new SmlStreamParser(256);
    const ev = p.push(Buffer.concat([Buffer.from("1b1b1b1b01010101", "hex"), Buffer.alloc(300, 0x76)]));
    expect(ev.some((e) => e.type === "dropped" && e.reason === "TOO_LONG")).toBe(true);
    expect(p.push(files[0] as Uint8Array).filter((e) => e.type === "file")).toHaveLength(1);
  });

  it("fuzz: 10,000 random streams in random chunks never throw", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 8 }),
        (b, cuts) => {
          const p = new SmlStreamParser(128);
          const withStarts = Buffer.concat([b, Buffer.from("1b1b1b1b01010101", "hex"), b]);
          feed(p, withStarts, cuts);
          expect(p.stats.bytesIn).toBe(withStarts.length);
        },
      ),
      { numRuns: 10_000 },
    );
  });
});
