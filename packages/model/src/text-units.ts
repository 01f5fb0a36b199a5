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

/**
 * Spellings met so far (kWh, KWH, kwh, ...) to their rule, so each is lowered once; only units of the
 * table enter, so it stays finite (the case variants of 19 short units).
 */
const SPELLED = new Map<string, TextUnitRule>();

/** The rule for a written unit; unknown units pass through unchanged. */
export function unitRule(written: string): TextUnitRule {
  const seen = SPELLED.get(written);
  if (seen !== undefined) return seen;
  const rule = TEXT_UNITS.get(written.toLowerCase());
  if (rule === undefined) return { unit: written, shift: 0 };
  SPELLED.set(written, rule);
  return rule;
}

const DECIMAL = /^([-+]?)(\d+)(?:\.(\d+))?$/;
const NOT_DECIMAL = -2;
const NO_POINT = -1;
/** 10^0 .. 10^22, each exact in binary64. */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Whether `text` is a decimal number as meters write it (digits, an optional fraction and sign). */
export function isDecimal(text: string): boolean {
  return decimalPoint(text) !== NOT_DECIMAL;
}

/**
 * One scan of `text` as DECIMAL reads it: NOT_DECIMAL, NO_POINT for digits alone, else the index of
 * the `.` (digits on both sides).
 */
function decimalPoint(text: string): number {
  const n = text.length;
  const c0 = text.charCodeAt(0);
  let i = c0 === 0x2d || c0 === 0x2b ? 1 : 0;
  const intStart = i;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  if (i === intStart) return NOT_DECIMAL;
  if (i === n) return NO_POINT;
  if (text.charCodeAt(i) !== 0x2e) return NOT_DECIMAL;
  const point = i++;
  const fracStart = i;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  return i === n && i > fracStart ? point : NOT_DECIMAL;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * `text * 10^shift`, computed on the digits so that "12345.678" kWh gives exactly 12345678 Wh (no
 * binary floating-point rounding). NaN when `text` is not a decimal (check isDecimal first).
 * Up to 15 digits (below 2^53) the digits are read as an integer and scaled by one multiplication or
 * division by an exact power of ten: one correctly rounded operation on exact values, so the same
 * number as Number() of the shifted decimal text, which longer inputs still go through.
 */
export function scaleDecimal(text: string, shift: number): number {
  const point = decimalPoint(text);
  if (point === NOT_DECIMAL) return Number.NaN;
  const c0 = text.charCodeAt(0);
  const first = c0 === 0x2d || c0 === 0x2b ? 1 : 0;
  const n = text.length;
  const decimals = (point === NO_POINT ? 0 : n - point - 1) - shift;
  const digitCount = n - first - (point === NO_POINT ? 0 : 1);
  if (digitCount > 15 || Math.abs(decimals) >= POW10.length) return scaleDecimalText(text, shift);
  let v = 0;
  for (let i = first; i < n; i++) if (i !== point) v = v * 10 + text.charCodeAt(i) - 0x30;
  const scaled = decimals <= 0 ? v * (POW10[-decimals] as number) : v / (POW10[decimals] as number);
  return c0 === 0x2d ? -scaled : scaled;
}

/** scaleDecimal through the text of the shifted decimal (any length). */
function scaleDecimalText(text: string, shift: number): number {
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
