/**
 * Typed errors with evidence (STYLE.md principle 5): a code, the character offset in the telegram text
 * (or byte offset in an encrypted frame) where decoding stopped, and where it helps the expected and
 * actual values and the field. Keys never appear in an error.
 */
import { CodecError, type CodecErrorDetails } from "@omdp/model";
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

export type DsmrErrorDetails = CodecErrorDetails;

export class DsmrError extends CodecError<DsmrErrorCode> {
  override readonly name = "DsmrError";
}
