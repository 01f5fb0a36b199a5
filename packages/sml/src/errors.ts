/**
 * Typed errors with evidence (STYLE.md principle 5): a code, the byte offset in the file where decoding
 * stopped and, where it helps, the expected and actual values and the field.
 */
export const SML_ERROR_CODES = [
  "NO_START",
  "NO_END",
  "BAD_ESCAPE",
  "BAD_PADDING",
  "FILE_CRC_MISMATCH",
  "MESSAGE_CRC_MISMATCH",
  "TRUNCATED",
  "BAD_TL",
  "BAD_TYPE",
  "BAD_LENGTH",
  "BAD_CHOICE",
  "BAD_MESSAGE",
  "NO_CLOSE",
  "TOO_DEEP",
  "ENCODE",
] as const;

export type SmlErrorCode = (typeof SML_ERROR_CODES)[number];

export interface SmlErrorDetails {
  offset: number;
  expected?: number | string;
  actual?: number | string;
  field?: string;
}

export class SmlError extends Error {
  override readonly name = "SmlError";
  readonly code: SmlErrorCode;
  readonly offset: number;
  readonly expected?: number | string;
  readonly actual?: number | string;
  readonly field?: string;
  /** The message without the offset suffix. */
  readonly reason: string;

  constructor(code: SmlErrorCode, message: string, details: SmlErrorDetails) {
    super(`${message} (at offset ${details.offset})`);
    this.code = code;
    this.reason = message;
    this.offset = details.offset;
    if (details.expected !== undefined) this.expected = details.expected;
    if (details.actual !== undefined) this.actual = details.actual;
    if (details.field !== undefined) this.field = details.field;
  }
}
