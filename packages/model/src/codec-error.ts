/**
 * The typed error every codec throws or returns (M-Bus, DSMR, SML, D0): a code from the codec's own
 * list and the evidence: where (byte offset), what was expected against what was found (e.g. the
 * checksum sent against the one computed), and which field. Each codec subclasses it with its name.
 */
export interface CodecErrorDetails {
  offset: number;
  expected?: number | string;
  actual?: number | string;
  field?: string;
}

export class CodecError<Code extends string> extends Error {
  readonly code: Code;
  readonly offset: number;
  readonly expected?: number | string;
  readonly actual?: number | string;
  readonly field?: string;
  /** The message without the offset suffix. */
  readonly reason: string;

  constructor(code: Code, message: string, details: CodecErrorDetails) {
    super(`${message} (at offset ${details.offset})`);
    this.code = code;
    this.reason = message;
    this.offset = details.offset;
    if (details.expected !== undefined) this.expected = details.expected;
    if (details.actual !== undefined) this.actual = details.actual;
    if (details.field !== undefined) this.field = details.field;
  }
}
