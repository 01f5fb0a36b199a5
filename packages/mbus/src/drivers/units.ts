/**
 * Conversion from the codec's record units (tables/vif-*.ts, already scaled to the base unit) to the
 * units of normalised fields. One table: record unit -> field unit -> factor.
 */
import type { FieldUnit } from "./types";

const J_PER_KWH = 3_600_000;
/** Seconds of a (Gregorian mean) year of 365.2425 days. */
const S_PER_YEAR = 365.2425 * 86_400;

const FACTORS: Readonly<Record<string, Partial<Record<FieldUnit, number>>>> = {
  Wh: { kwh: 1e-3, mwh: 1e-6, gj: 3.6e-6 },
  J: { kwh: 1 / J_PER_KWH, mwh: 1 / (J_PER_KWH * 1000), gj: 1e-9 },
  varh: { kvarh: 1e-3 },
  m3: { m3: 1 },
  degC: { c: 1 },
  K: { k: 1, c: 1 },
  W: { w: 1, kw: 1e-3 },
  "J/h": { w: 1 / 3600, kw: 1 / 3_600_000 },
  "m3/h": { m3h: 1 },
  "m3/min": { m3h: 60 },
  "m3/s": { m3h: 3600 },
  V: { v: 1 },
  A: { a: 1 },
  Hz: { hz: 1 },
  s: { s: 1, h: 1 / 3600, y: 1 / S_PER_YEAR },
  bar: { bar: 1 },
  "%": { rh: 1, pct: 1 },
  "": { counter: 1, factor: 1, hca: 1, m3c: 1 },
};

/** Factor from `recordUnit` to `fieldUnit`, or null when they measure different things. */
export function conversion(recordUnit: string, fieldUnit: FieldUnit): number | null {
  return FACTORS[recordUnit]?.[fieldUnit] ?? null;
}

/** Exact powers of ten as doubles (10^0 .. 10^22). */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * Rounds away binary noise of the conversion (1234.5 * 1e-3 = 1.2345000000000002): the double nearest
 * to `x` rounded to 12 significant digits, i.e. `Number.parseFloat(x.toPrecision(12))`, which it returns
 * for every x. The arithmetic way (decode-rate path; the strings cost most of a driver's time): with d
 * the decimal exponent of x, p = x * 10^(11-d) has 12 integer digits and is exact to half an ulp
 * (< 2^-13 below 2^40); when p is not within 1e-3 of a rounding tie, round(p) is the 12-digit mantissa
 * M, and M / 10^(11-d) (or M * 10^(d-11)) is the nearest double to M x 10^(d-11), one correctly rounded
 * IEEE operation on exact operands, as parsing the digits is. Anything else takes the string way.
 */
export function tidy(x: number): number {
  const ax = Math.abs(x);
  if (ax >= 1e-10 && ax < 1e21) {
    let s = 11 - Math.floor(Math.log10(ax));
    let p = s >= 0 ? ax * POW10[s]! : ax / POW10[-s]!;
    // log10 may be one off next to a power of ten: bring p into [1e11, 1e12)
    if (p >= 1e12) {
      s--;
      p = s >= 0 ? ax * POW10[s]! : ax / POW10[-s]!;
    } else if (p < 1e11) {
      s++;
      p = s >= 0 ? ax * POW10[s]! : ax / POW10[-s]!;
    }
    const frac = p - Math.floor(p);
    if (p >= 1e11 && p < 1e12 && s <= 22 && s >= -22 && Math.abs(frac - 0.5) > 1e-3) {
      const m = Math.round(p);
      // M = 10^12 (p rounded up past the last 12-digit mantissa) is still exact: 10^12 x 10^-s
      const v = s >= 0 ? m / POW10[s]! : m * POW10[-s]!;
      return x < 0 ? -v : v;
    }
  }
  return Number.parseFloat(x.toPrecision(12));
}
