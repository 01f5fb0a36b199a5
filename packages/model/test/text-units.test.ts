import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDecimal, scaleDecimal, unitRule, unscale } from "../src/text-units";

describe("units meters write as text", () => {
  it.each([
    // written value and unit -> project value and unit (shift by hand: kWh x 10^3, MWh x 10^6, GJ x 10^9)
    ["12345.678", "kWh", 12_345_678, "Wh"],
    ["29.055", "MWh", 29_055_000, "Wh"],
    ["0.07", "kW", 70, "W"],
    ["00.123", "kVArh", 123, "varh"],
    ["1.5", "GJ", 1_500_000_000, "J"],
    ["230.1", "V", 230.1, "V"],
    ["-0.001", "kW", -1, "W"],
    ["50.0", "Hz", 50, "Hz"],
  ])("%s %s is %d %s, exactly", (text, written, value, unit) => {
    const rule = unitRule(written);
    expect(rule.unit).toBe(unit);
    expect(scaleDecimal(text, rule.shift)).toBe(value);
  });

  it("is exact where binary floating point is not (1.005 x 1000 in doubles is 1004.9999999999999)", () => {
    expect(1.005 * 1000).not.toBe(1005);
    expect(scaleDecimal("1.005", 3)).toBe(1005);
  });

  it("tells decimals from other text, and round-trips through unscale", () => {
    expect(["1", "-1.5", "+0.25"].every(isDecimal)).toBe(true);
    expect(["1e3", "", ".5", "1.", "abc"].some(isDecimal)).toBe(false);
    expect(scaleDecimal("1e3", 0)).toBeNaN();
    expect(unscale(12_345_678, "kWh", 3)).toBe("012345.678");
    expect(unscale(70, "kW", 3, 2)).toBe("00.070");
  });

  it("scales as Number() of the shifted decimal text does, for any digits, sign and shift", () => {
    // the reference moves the point in the text (no arithmetic) and lets Number() round once
    const shifted = (sign: string, int: string, frac: string, shift: number): number => {
      const digits = int + frac;
      const decimals = frac.length - shift;
      if (decimals <= 0) return Number(sign + digits + "0".repeat(-decimals));
      const cut = digits.length - decimals;
      return Number(`${sign}${digits.slice(0, cut) || "0"}.${digits.slice(cut).padStart(decimals, "0")}`);
    };
    const digits = (min: number) =>
      fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: 20 });
    fc.assert(
      fc.property(
        fc.constantFrom("", "-", "+"),
        digits(1),
        digits(0),
        fc.integer({ min: 0, max: 9 }),
        (sign, int, frac, shift) => {
          const text = frac === "" ? `${sign}${int}` : `${sign}${int}.${frac}`;
          expect(isDecimal(text)).toBe(true);
          expect(
            Object.is(scaleDecimal(text, shift), shifted(sign === "-" ? "-" : "", int, frac, shift)),
          ).toBe(true);
        },
      ),
      { numRuns: 2000, seed: 14 },
    );
  });
});
