/**
 * Typed errors with evidence (STYLE.md principle 5): a code, the byte offset in the readout where
 * decoding stopped, and where it helps the expected and actual values and the field.
 */
export const D0_ERROR_CODES = [
  "NO_IDENTIFICATION",
  "BAD_IDENTIFICATION",
  "NO_END",
  "NO_ETX",
  "NO_BCC",
  "BCC_MISMATCH",
  "BAD_DATA_SET",
  "UNEXPECTED_BYTE",
  "TOO_LONG",
  "ENCODE",
] as const;

export type D0ErrorCode = (typeof D0_ERROR_CODES)[number];

export interface D0ErrorDetails {
  offset: number;
  expected?: number | string;
  actual?: number | string;
  field?: string;
}

export class D0Error extends Error {
  override readonly name = "D0Error";
  readonly code: D0ErrorCode;
  readonly offset: number;
  readonly expected?: number | string;
  readonly actual?: number | string;
  readonly field?: string;
  /** The message without the offset suffix. */
  readonly reason: string;

  constructor(code: D0ErrorCode, message: string, details: D0ErrorDetails) {
    super(`${message} (at offset ${details.offset})`);
    this.code = code;
    this.reason = message;
    this.offset = details.offset;
    if (details.expected !== undefined) this.expected = details.expected;
    if (details.actual !== undefined) this.actual = details.actual;
    if (details.field !== undefined) this.field = details.field;
  }
}
