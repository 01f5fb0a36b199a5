/**
 * Readout units to the project's units (DESIGN.md: SI without prefixes), as data: the unit the meter
 * writes (case-insensitive) -> the unit emitted and the decimal shift. Units not listed (V, A, Hz, h,
 * m3, ...) are kept as written.
 */
interface UnitRule {
  readonly unit: string;
  readonly shift: number;
}

const UNITS: ReadonlyMap<string, UnitRule> = new Map([
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
  ["m3ph", { unit: "m3/h", shift: 0 }],
  ["v", { unit: "V", shift: 0 }],
  ["a", { unit: "A", shift: 0 }],
]);

export function unitRule(written: string): UnitRule {
  return UNITS.get(written.toLowerCase()) ?? { unit: written, shift: 0 };
}

const DECIMAL = /^([-+]?)(\d+)(?:\.(\d+))?$/;

export function isDecimal(t: string): boolean {
  return DECIMAL.test(t);
}

/** `t * 10^shift` computed on the digits ("285.4" kWh is exactly 285400 Wh). */
export function scaleDecimal(t: string, shift: number): number {
  const m = DECIMAL.exec(t);
  if (m === null) return Number.NaN;
  const sign = m[1] === "-" ? "-" : "";
  const frac = m[3] ?? "";
  const digits = (m[2] as string) + frac;
  const decimals = frac.length - shift;
  if (decimals <= 0) return Number(sign + digits + "0".repeat(-decimals));
  const cut = digits.length - decimals;
  return Number(`${sign}${digits.slice(0, cut)}.${digits.slice(cut)}`);
}

/** The inverse for the encoder: `value` in project units written in `written` units with `decimals`. */
export function unscale(value: number, written: string, decimals: number, intDigits = 6): string {
  const scaled = value / 10 ** unitRule(written).shift;
  const [int, frac] = Math.abs(scaled).toFixed(decimals).split(".") as [string, string | undefined];
  const sign = scaled < 0 ? "-" : "";
  return `${sign}${int.padStart(intDigits, "0")}${frac === undefined ? "" : `.${frac}`}`;
}
