/**
 * Typed errors with evidence (STYLE.md principle 5): a code, the byte offset in the readout where
 * decoding stopped, and where it helps the expected and actual values and the field.
 */
import { CodecError, type CodecErrorDetails } from "@omdp/model";
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

export type D0ErrorDetails = CodecErrorDetails;

export class D0Error extends CodecError<D0ErrorCode> {
  override readonly name = "D0Error";
}
