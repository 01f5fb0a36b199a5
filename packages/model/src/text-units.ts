/**
 * Units as text meters write them (DSMR P1, IEC 62056-21 readouts) to the project's units (SI without
 * prefixes, DESIGN.md), as data: the written unit, matched case-insensitively (meters write kVArh and
 * kvarh) -> the unit emitted and the decimal shift (1 GJ = 10^9 J). Units not listed (Hz, h, ...) pass
 * through as written. Values are scaled on their digits, never through binary floating point.
 */
export interface TextUnitRule {
  readonly unit: string;
  readonly shift: number;
}

const TEXT_UNITS: ReadonlyMap<string, TextUnitRule> = new Map([
  ["mwh", { unit: "Wh", shift: 6 }],
  ["kwh", { unit: "Wh", shift: 3 }],
  ["wh", { unit: "Wh", shift: 0 }],
  ["mw", { unit: "W", shift: 6 }],
  ["kw", { unit: "W", shift: 3 }],
  ["w", { unit: "W", shift: 0 }],
  ["kvarh", { unit: "varh", shift: 3 }],
  ["varh", { unit: "varh", shift: 0 }],
  ["kvar", { unit: "var", shift: 3 }],
  ["var", { unit: "var", shift: 0 }],
  ["kvah", { unit: "VAh", shift: 3 }],
  ["kva", { unit: "VA", shift: 3 }],
  ["gj", { unit: "J", shift: 9 }],
  ["mj", { unit: "J", shift: 6 }],
  ["m3", { unit: "m3", shift: 0 }],
  ["m3ph", { unit: "m3/h", shift: 0 }],
  ["v", { unit: "V", shift: 0 }],
  ["a", { unit: "A", shift: 0 }],
  ["s", { unit: "s", shift: 0 }],
]);

/** The rule for a written unit; unknown units pass through unchanged. */
export function unitRule(written: string): TextUnitRule {
  return TEXT_UNITS.get(written.toLowerCase()) ?? { unit: written, shift: 0 };
}

const DECIMAL = /^([-+]?)(\d+)(?:\.(\d+))?$/;

/** Whether `text` is a decimal number as meters write it (digits, an optional fraction and sign). */
export function isDecimal(text: string): boolean {
  return DECIMAL.test(text);
}

/**
 * `text * 10^shift`, computed on the digits so that "12345.678" kWh gives exactly 12345678 Wh (no
 * binary floating-point rounding). NaN when `text` is not a decimal (check isDecimal first).
 */
export function scaleDecimal(text: string, shift: number): number {
  const m = DECIMAL.exec(text);
  if (m === null) return Number.NaN;
  const sign = m[1] === "-" ? "-" : "";
  const frac = m[3] ?? "";
  const digits = (m[2] as string) + frac;
  const decimals = frac.length - shift;
  if (decimals <= 0) return Number(sign + digits + "0".repeat(-decimals));
  const cut = digits.length - decimals;
  return Number(`${sign}${digits.slice(0, cut)}.${digits.slice(cut)}`);
}

/** The inverse, for encoders: a normalised value written in `written` units with `decimals`. */
export function unscale(value: number, written: string, decimals: number, intDigits = 6): string {
  const scaled = value / 10 ** unitRule(written).shift;
  const [int, frac] = Math.abs(scaled).toFixed(decimals).split(".") as [string, string | undefined];
  const sign = scaled < 0 ? "-" : "";
  return `${sign}${int.padStart(intDigits, "0")}${frac === undefined ? "" : `.${frac}`}`;
}
