/**
 * Money without floating point. Every amount is an integer count of micro-units of its currency
 * (1 EUR = 1,000,000 µEUR; 1 NOK = 1,000,000 µNOK). Prices per kWh are integer micro-units per kWh,
 * so 0.2745 EUR/kWh is 274,500 and 87.45 EUR/MWh (ENTSO-E) is 87,450 µEUR/kWh exactly. Energy is in
 * integer Wh. Wh × µ/kWh is an exact integer in nano-units; the products are taken in BigInt and
 * rounded once per interval and component, half to even, to micro-units. Rates (VAT, multipliers) are
 * integer parts per million. Decimal text is parsed digit by digit, never through `Number`.
 */
import { fail, ok, type Result } from "./errors";

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/**
 * A decimal text (or a number, through its shortest decimal text) scaled by 10^`scale` to an exact
 * integer: `scaled("0.2745", 6)` = 274500, `scaled("-12.5", 3)` = -12500. More fractional digits than
 * `scale` are refused unless they are zeros; so are exponents and results past 2^53.
 */
export function scaled(text: string | number, scale: number, field = "amount"): Result<number> {
  const s = typeof text === "number" ? String(text) : text.trim();
  const m = DECIMAL.exec(s);
  if (!m) return fail("BAD_DECIMAL", `not a decimal number: ${JSON.stringify(s)}`, { field, actual: s });
  const [, sign, whole = "0", frac = ""] = m;
  const extra = frac.slice(scale);
  if (/[1-9]/.test(extra)) {
    return fail("BAD_DECIMAL", `more than ${scale} decimal places`, { field, actual: s, expected: scale });
  }
  const digits = BigInt(whole + frac.slice(0, scale).padEnd(scale, "0"));
  const value = sign === "-" ? -digits : digits;
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    return fail("BAD_DECIMAL", "amount out of range", { field, actual: s });
  }
  return ok(Number(value));
}

/** Micro-units from a decimal amount of the currency (`"4.50"` → 4,500,000). */
export function micros(text: string | number, field?: string): Result<number> {
  return scaled(text, 6, field);
}

/** `n / d` rounded half to even (banker's rounding), for any signs; `d` must not be 0. */
export function divRound(n: bigint, d: bigint): bigint {
  if (d < 0n) return divRound(-n, -d);
  let q = n / d; // truncates toward zero
  let r = n % d;
  if (r < 0n) {
    // floor division
    q -= 1n;
    r += d;
  }
  const twice = 2n * r;
  if (twice > d || (twice === d && q % 2n !== 0n)) q += 1n;
  return q;
}

/** `amount × ppm / 1e6`, rounded half to even (VAT on an amount, a multiplier on a price). */
export function applyPpm(amount: number, ppm: number): number {
  return Number(divRound(BigInt(amount) * BigInt(ppm), 1_000_000n));
}

/** Micro-units as a decimal text with all six places (`-1234567` → `"-1.234567"`), for display and CSV. */
export function formatMicros(amount: number): string {
  const sign = amount < 0 ? "-" : "";
  const a = Math.abs(amount);
  return `${sign}${Math.floor(a / 1_000_000)}.${String(a % 1_000_000).padStart(6, "0")}`;
}
