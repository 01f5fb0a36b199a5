/**
 * tidy (src/drivers/units.ts) rounds a converted value to 12 significant digits. Its definition is
 * `Number.parseFloat(x.toPrecision(12))` (ECMA-262 Number.prototype.toPrecision, then parseFloat); the
 * arithmetic fast path must give that for every double, so the reference here is the definition itself,
 * over seeded random values of the shapes meters produce (integers x 10^e, then x a unit factor) and
 * over arbitrary magnitudes, ties and edge cases.
 */
import { describe, expect, it } from "vitest";
import { tidy } from "../../src/drivers/units";

const reference = (x: number): number => Number.parseFloat(x.toPrecision(12));

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

// the factors of units.ts FACTORS that are not 1 (Wh->kWh, J->kWh, s->h, ...)
const FACTORS = [1e-3, 1e-6, 3.6e-6, 1 / 3_600_000, 1 / 3_600_000_000, 1e-9, 1 / 3600, 60, 3600];

describe("tidy", () => {
  it("rounds binary noise away (hand-computed)", () => {
    // 19.1 Wh * 1e-3 = 0.019100000000000002 in binary; to 12 digits 0.0191000000000 -> 0.0191
    expect(19.1 * 1e-3).not.toBe(0.0191);
    expect(tidy(19.1 * 1e-3)).toBe(0.0191);
    // 1 h in seconds: 3600 * (1/3600) = 1
    expect(tidy(3600 * (1 / 3600))).toBe(1);
    expect(tidy(-54321 * 1e-3)).toBe(-54.321);
  });

  it("equals parseFloat(toPrecision(12)) for 200,000 seeded values", () => {
    const next = rng(0x7d1d);
    let mismatches = 0;
    for (let i = 0; i < 100_000; i++) {
      const raw = Math.floor(next() * 10 ** Math.floor(next() * 15)) * (next() < 0.1 ? -1 : 1);
      const e = Math.floor(next() * 13) - 6;
      const value = e < 0 ? raw / 10 ** -e : raw * 10 ** e;
      const x = value * FACTORS[i % FACTORS.length]!;
      const y = next() * 10 ** (Math.floor(next() * 44) - 22);
      if (!Object.is(tidy(x), reference(x))) mismatches++;
      if (!Object.is(tidy(y), reference(y))) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it("equals the definition at ties, powers of ten and the edges", () => {
    const xs = [
      0,
      -0,
      1,
      0.5,
      9.999999999995,
      99999999999.95,
      999999999999.5,
      1.0000000000005,
      1e11,
      1e12,
      1e21,
      1e-10,
      9.99999999999e-11,
      5e-324,
      Number.MAX_VALUE,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      0.1 + 0.2,
    ];
    for (let k = -22; k <= 22; k++) xs.push(10 ** k, 10 ** k * (1 - 2 ** -52), 10 ** k * (1 + 2 ** -52));
    for (const x of xs) expect(Object.is(tidy(x), reference(x)), String(x)).toBe(true);
  });
});
