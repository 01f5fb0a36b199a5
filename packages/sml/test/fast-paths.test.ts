/**
 * The decoder's fast paths against the plain definitions they replace: scale (value x 10^scaler) against
 * parsing the decimal text `${v}e${scaler}` (rounded once by the parser), decodeInt against the
 * big-endian two's complement computed bit by bit in BigInt, the memoised OBIS names against the
 * names written out here from the bytes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeInt } from "../src/cursor";
import { scale } from "../src/entry";
import { dottedObis, propertyObis } from "../src/obis-names";

function referenceInt(bytes: Uint8Array, signed: boolean): bigint {
  let v = 0n;
  for (const x of bytes) v = v * 256n + BigInt(x);
  const bits = BigInt(8 * bytes.length);
  return signed && bytes.length > 0 && bytes[0]! >= 0x80 ? v - 2n ** bits : v;
}

describe("SML fast paths", () => {
  it("scale is parseFloat of the decimal text, for any 64-bit value and scaler", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n }),
        fc.integer({ min: -30, max: 30 }),
        (v, s) => {
          expect(Object.is(scale(v, s), Number.parseFloat(`${v}e${s}`))).toBe(true);
        },
      ),
      { numRuns: 3000, seed: 14 },
    );
    // by hand: 123456 Wh at scaler -1 is 12345.6; -5 W at scaler 2 is -500
    expect(scale(123456n, -1)).toBe(12345.6);
    expect(scale(-5n, 2)).toBe(-500);
  });

  it("decodeInt of 1..8 bytes, signed and unsigned", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 8 }), fc.boolean(), (bytes, signed) => {
        const r = decodeInt(bytes, signed);
        expect(r.value).toBe(referenceInt(bytes, signed));
        expect(r.width).toBe(bytes.length);
      }),
      { numRuns: 3000, seed: 14 },
    );
    // by hand: FF FE signed is -2, unsigned 65534
    expect(decodeInt(Uint8Array.of(0xff, 0xfe), true).value).toBe(-2n);
    expect(decodeInt(Uint8Array.of(0xff, 0xfe), false).value).toBe(65534n);
  });

  it("OBIS names: memoised, the same text as written out from the bytes, past the table's bound too", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 6, maxLength: 6 }), (b) => {
        const [a, bb, c, d, e, f] = b;
        expect(dottedObis(b)).toBe(`${a}.${bb}.${c}.${d}.${e}.${f}`);
        expect(propertyObis(b)).toBe(`${a}-${bb}:${c}.${d}.${e}${f === 255 ? "" : `*${f}`}`);
        expect(dottedObis(Uint8Array.from(b))).toBe(`${a}.${bb}.${c}.${d}.${e}.${f}`); // from the table
      }),
      { numRuns: 5000, seed: 14 },
    );
    // by hand: 01 00 01 08 00 FF is 1.0.1.8.0.255 and 1-0:1.8.0
    expect(propertyObis(Uint8Array.of(1, 0, 1, 8, 0, 255))).toBe("1-0:1.8.0");
  });
});
