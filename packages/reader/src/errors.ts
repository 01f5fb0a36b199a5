/**
 * What the reader reports on its "error" channel: a typed code, a message with any key scrubbed, and
 * the evidence (byte offset, meter). None of these stops the reader.
 */
export type ReaderErrorCode =
  | "FRAME"
  | "CHECKSUM"
  | "LENGTH"
  | "DECRYPT"
  | "NO_KEY"
  | "DECODE"
  | "NO_ANSWER"
  | "LINK"
  | "UNKNOWN_METER"
  | "CONFIG";

export class ReaderError extends Error {
  override readonly name = "ReaderError";
  constructor(
    readonly code: ReaderErrorCode,
    message: string,
    readonly details: { offset?: number; meterId?: string; cause?: string } = {},
  ) {
    super(message);
  }

  toJSON(): Record<string, unknown> {
    return { code: this.code, message: this.message, ...this.details };
  }
}
