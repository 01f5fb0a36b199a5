import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyPpm, divRound, formatMicros, scaled } from "../src/money";

describe("scaled: decimal text to exact integers", () => {
  // [text, scale, expected] - expected values written out by hand
  const good: [string | number, number, number][] = [
    ["0.2745", 6, 274_500],
    ["87.45", 3, 87_450], // EUR/MWh → µEUR/kWh
    ["-12.34", 3, -12_340],
    ["+1", 6, 1_000_000],
    ["0", 6, 0],
    ["4.500000000", 6, 4_500_000], // extra zeros are fine
    [0.1, 6, 100_000], // a JSON number through its shortest text "0.1"
    ["40.4", 6, 40_400_000],
  ];
  it.each(good)("%s at scale %i is %i", (text, scale, expected) => {
    expect(scaled(text, scale)).toEqual({ ok: true, value: expected });
  });

  const bad: [string | number, number, string][] = [
    ["0.1234567", 6, "BAD_DECIMAL"], // a 7th non-zero place
    ["1e3", 6, "BAD_DECIMAL"],
    ["12,5", 6, "BAD_DECIMAL"],
    ["", 6, "BAD_DECIMAL"],
    ["99999999999", 6, "BAD_DECIMAL"], // 9.9e16 µ > 2^53
  ];
  it.each(bad)("%s at scale %i is refused", (text, scale, code) => {
    const r = scaled(text, scale, "price");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.field).toBe("price");
    }
  });
});

describe("divRound: half to even", () => {
  const cases: [bigint, bigint, bigint][] = [
    [5n, 2n, 2n], // 2.5 → 2
    [7n, 2n, 4n], // 3.5 → 4
    [-5n, 2n, -2n], // -2.5 → -2
    [-7n, 2n, -4n], // -3.5 → -4
    [617_285n, 1000n, 617n], // 617.285 → 617
    [617_500n, 1000n, 618n], // 617.5 → 618 (618 even)
    [616_500n, 1000n, 616n], // 616.5 → 616
    [-1n, 3n, 0n], // -0.33 → 0
    [2n, 3n, 1n],
    [5n, -2n, -2n],
  ];
  it.each(cases)("%i / %i = %i", (n, d, q) => {
    expect(divRound(n, d)).toBe(q);
  });

  it("is the nearest integer to the exact quotient (10,000 random cases)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        (n, d) => {
          const q = divRound(n, d);
          // |n - q d| ≤ d / 2, compared in integers: 2 |n - q d| ≤ d
          const r = n - q * d;
          const twice = 2n * (r < 0n ? -r : r);
          expect(twice <= d).toBe(true);
          if (twice === d) expect(q % 2n).toBe(0n);
        },
      ),
      { numRuns: 10_000 },
    );
  });
});

describe("applyPpm and formatMicros", () => {
  it("takes VAT on an amount", () => {
    // 456,580 µ × 21 % = 95,881.8 → 95,882
    expect(applyPpm(456_580, 210_000)).toBe(95_882);
    // -20,000 µ × 20 % = -4,000
    expect(applyPpm(-20_000, 200_000)).toBe(-4_000);
  });
  it("prints six places", () => {
    expect(formatMicros(51_130_000)).toBe("51.130000");
    expect(formatMicros(-100_000)).toBe("-0.100000");
    expect(formatMicros(5)).toBe("0.000005");
  });
});
