/**
 * DSMR units to the project's units (DESIGN.md: SI without prefixes), as data: the unit the telegram
 * writes (matched case-insensitively: meters write kVArh and kvarh) -> the unit emitted and the decimal
 * shift (heat meters on an M-Bus channel write GJ: 1 GJ = 10^9 J). Units not listed (V, A, s, m3, ...)
 * are kept as written.
 */
interface UnitRule {
  readonly unit: string;
  readonly shift: number;
}

const UNITS: ReadonlyMap<string, UnitRule> = new Map([
  ["kwh", { unit: "Wh", shift: 3 }],
  ["wh", { unit: "Wh", shift: 0 }],
  ["kw", { unit: "W", shift: 3 }],
  ["w", { unit: "W", shift: 0 }],
  ["kvarh", { unit: "varh", shift: 3 }],
  ["varh", { unit: "varh", shift: 0 }],
  ["kvar", { unit: "var", shift: 3 }],
  ["var", { unit: "var", shift: 0 }],
  ["kva", { unit: "VA", shift: 3 }],
  ["gj", { unit: "J", shift: 9 }],
  ["m3", { unit: "m3", shift: 0 }],
  ["v", { unit: "V", shift: 0 }],
  ["a", { unit: "A", shift: 0 }],
  ["s", { unit: "s", shift: 0 }],
]);

/** The rule for a written unit; unknown units pass through unchanged. */
export function unitRule(written: string): UnitRule {
  return UNITS.get(written.toLowerCase()) ?? { unit: written, shift: 0 };
}

const DECIMAL = /^([-+]?)(\d+)(?:\.(\d+))?$/;

/** Whether `text` is a DSMR decimal number (digits with an optional fraction and sign). */
export function isDecimal(text: string): boolean {
  return DECIMAL.test(text);
}

/**
 * `text * 10^shift`, computed on the digits so that "12345.678" kWh gives exactly 12345678 Wh (no
 * binary floating-point rounding). The caller has checked isDecimal.
 */
export function scaleDecimal(text: string, shift: number): number {
  const m = DECIMAL.exec(text);
  if (m === null) return Number.NaN;
  const sign = m[1] === "-" ? "-" : "";
  const int = m[2] as string;
  const frac = m[3] ?? "";
  const digits = int + frac;
  const decimals = frac.length - shift;
  if (decimals <= 0) return Number(sign + digits + "0".repeat(-decimals));
  return Number(
    `${sign}${digits.slice(0, digits.length - decimals)}.${digits.slice(digits.length - decimals)}`,
  );
}

/** The inverse for the encoder: a normalised value written back in `written` units with `decimals`. */
export function unscale(value: number, written: string, decimals: number, intDigits: number): string {
  const { shift } = unitRule(written);
  const scaled = value / 10 ** shift;
  const [int, frac] = Math.abs(scaled).toFixed(decimals).split(".") as [string, string | undefined];
  const sign = scaled < 0 ? "-" : "";
  return `${sign}${int.padStart(intDigits, "0")}${frac === undefined ? "" : `.${frac}`}`;
}
