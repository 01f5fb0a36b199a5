/**
 * Typed errors with evidence (STYLE.md principle 5): every failure names a code, the byte offset where
 * decoding stopped, and where it helps the expected and actual values and the field.
 */
import { CodecError, type CodecErrorDetails } from "@omdp/model";

/** Error codes of the link layer (EN 13757-2) and the application layer (EN 13757-3). */
export const ERROR_CODES = [
  // link layer
  "TRUNCATED",
  "BAD_START",
  "BAD_LENGTH",
  "LENGTH_MISMATCH",
  "BAD_SECOND_START",
  "BAD_CHECKSUM",
  "BAD_STOP",
  "TRAILING_BYTES",
  "BAD_HEX",
  // application layer
  "NO_USER_DATA",
  "WRONG_DIRECTION",
  "UNSUPPORTED_CI",
  "HEADER_TOO_SHORT",
  "FIXED_DATA_LENGTH",
  "PREMATURE_END",
  "MISSING_VIFE",
  "TOO_MANY_DIFE",
  "TOO_MANY_VIFE",
  "BAD_LVAR",
  "BAD_VALUE",
  "ENCODE",
] as const;

export type MbusErrorCode = (typeof ERROR_CODES)[number];

export type MbusErrorDetails = CodecErrorDetails;

export class MbusError extends CodecError<MbusErrorCode> {
  override readonly name = "MbusError";

  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      offset: this.offset,
      expected: this.expected,
      actual: this.actual,
      field: this.field,
    };
  }
}

/**
 * A data record the decoder could not read, inside an otherwise decoded telegram (per-record degradation:
 * only a broken header fails the telegram). `bytes` are the skipped bytes, from the record's DIF to where
 * the next record starts (or to the end of the records when that cannot be known).
 */
export interface RecordError {
  /** Offset of the record's DIF. */
  offset: number;
  /** The skipped bytes, hex ("0C 7B 02 03 00 00"). */
  bytes: string;
  /** How many bytes were skipped. */
  length: number;
  code: MbusErrorCode;
  reason: string;
  /** Offset where decoding stopped inside the record. */
  at: number;
  field?: string;
  /** True when the rest of the records was skipped (the record's length could not be known). */
  toEnd: boolean;
}

/** Decoder options. */
export interface DecodeOptions {
  /**
   * Fail the whole telegram on the first record error (the behaviour before per-record degradation);
   * default false: report it in `recordErrors` and decode the other records.
   */
  strict?: boolean;
}

export type DecodeResult<T> = { ok: true; value: T } | { ok: false; error: MbusError };

export function ok<T>(value: T): DecodeResult<T> {
  return { ok: true, value };
}

export function fail<T>(code: MbusErrorCode, message: string, details: MbusErrorDetails): DecodeResult<T> {
  return { ok: false, error: new MbusError(code, message, details) };
}

/** Hex rendering for evidence in messages. */
export function hex2(n: number): string {
  return `0x${n.toString(16).padStart(2, "0").toUpperCase()}`;
}
