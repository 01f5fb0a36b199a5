/**
 * Typed errors with evidence (STYLE.md principle 5): a code from the list below, the field or position
 * where the input went wrong, and where it helps the expected and actual values. Pure functions of this
 * package return `Result`s carrying these; nothing here throws on bad input.
 */
export const TARIFF_ERROR_CODES = [
  /** A decimal amount that is not a plain decimal, or has more fractional digits than its scale. */
  "BAD_DECIMAL",
  /** A tariff document that does not match the schema (zod's path is the field). */
  "BAD_TARIFF",
  /** An interval that cannot be priced: end not after start, energy not a non-negative integer in Wh. */
  "BAD_INTERVAL",
  /** No dynamic price covers an instant that needs one. */
  "NO_PRICE",
  /** The price series and the tariff are in different currencies. */
  "CURRENCY_MISMATCH",
  /** Price slots that overlap with different prices, or are not aligned to quarter hours. */
  "BAD_PRICES",
  /** Text that is not well-formed XML. */
  "BAD_XML",
  /** XML that is not an ENTSO-E Publication_MarketDocument of day-ahead prices as documented. */
  "BAD_ENTSOE",
  /** The platform answered with an Acknowledgement_MarketDocument (e.g. no matching data). */
  "ENTSOE_ACKNOWLEDGEMENT",
  /** A CSV line that is not `start,price`. */
  "BAD_CSV",
  /** A query parameter that does not fit the resource (a meter that is not the household's, or not electric). */
  "BAD_QUERY",
  /** Intervals longer than the capacity rule's measuring period (15 min in Belgium, 1 h in Norway). */
  "RESOLUTION_TOO_COARSE",
] as const;

export type TariffErrorCode = (typeof TARIFF_ERROR_CODES)[number];

export interface TariffErrorDetails {
  /** The field (dotted path), line (`line 12`), or element (`TimeSeries[0].Period[1].Point[3]`). */
  field?: string;
  expected?: number | string;
  actual?: number | string;
  /** The instant concerned, RFC 3339 UTC. */
  at?: string;
}

export class TariffError extends Error {
  override readonly name = "TariffError";
  readonly code: TariffErrorCode;
  readonly field?: string;
  readonly expected?: number | string;
  readonly actual?: number | string;
  readonly at?: string;

  constructor(code: TariffErrorCode, message: string, details: TariffErrorDetails = {}) {
    super(details.field ? `${message} (${details.field})` : message);
    this.code = code;
    if (details.field !== undefined) this.field = details.field;
    if (details.expected !== undefined) this.expected = details.expected;
    if (details.actual !== undefined) this.actual = details.actual;
    if (details.at !== undefined) this.at = details.at;
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: TariffError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(code: TariffErrorCode, message: string, details?: TariffErrorDetails): Result<T> {
  return { ok: false, error: new TariffError(code, message, details) };
}
