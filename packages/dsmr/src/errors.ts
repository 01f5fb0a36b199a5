/**
 * Typed errors with evidence (STYLE.md principle 5): a code, the character offset in the telegram text
 * (or byte offset in an encrypted frame) where decoding stopped, and where it helps the expected and
 * actual values and the field. Keys never appear in an error.
 */
export const DSMR_ERROR_CODES = [
  "NO_HEADER",
  "BAD_HEADER",
  "NO_END",
  "BAD_CRC_FIELD",
  "CRC_MISMATCH",
  "BAD_LINE",
  "BAD_OBIS",
  "BAD_TIMESTAMP",
  "BAD_NUMBER",
  "BAD_PROFILE",
  "BAD_FRAME",
  "KEY_REQUIRED",
  "BAD_KEY",
  "DECRYPT_FAILED",
  "ENCODE",
] as const;

export type DsmrErrorCode = (typeof DSMR_ERROR_CODES)[number];

export interface DsmrErrorDetails {
  offset: number;
  expected?: number | string;
  actual?: number | string;
  field?: string;
}

export class DsmrError extends Error {
  override readonly name = "DsmrError";
  readonly code: DsmrErrorCode;
  readonly offset: number;
  readonly expected?: number | string;
  readonly actual?: number | string;
  readonly field?: string;
  /** The message without the offset suffix. */
  readonly reason: string;

  constructor(code: DsmrErrorCode, message: string, details: DsmrErrorDetails) {
    super(`${message} (at offset ${details.offset})`);
    this.code = code;
    this.reason = message;
    this.offset = details.offset;
    if (details.expected !== undefined) this.expected = details.expected;
    if (details.actual !== undefined) this.actual = details.actual;
    if (details.field !== undefined) this.field = details.field;
  }
}
