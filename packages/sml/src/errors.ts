/**
 * Typed errors with evidence (STYLE.md principle 5): a code, the byte offset in the file where decoding
 * stopped and, where it helps, the expected and actual values and the field.
 */
import { CodecError, type CodecErrorDetails } from "@omdp/model";
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

export type SmlErrorDetails = CodecErrorDetails;

export class SmlError extends CodecError<SmlErrorCode> {
  override readonly name = "SmlError";
}

/**
 * An SmlError that is collected, not thrown (messageCrc "report"): built without a stack trace, which
 * V8 captures on every Error construction (most of a report-mode decode's time) and which an error
 * handed back in a list never shows. Synchronous, so the limit is restored before anything else runs.
 */
export function collectedError(code: SmlErrorCode, message: string, details: SmlErrorDetails): SmlError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new SmlError(code, message, details);
  } finally {
    Error.stackTraceLimit = limit;
  }
}
