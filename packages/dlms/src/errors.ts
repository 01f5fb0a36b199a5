/**
 * Typed errors with evidence (STYLE.md principle 5): every failure names its layer, the byte offset
 * where decoding stopped, the field, and expected vs actual where there is a comparison.
 * Messages never contain key material.
 */
export type DlmsErrorCode =
  | "EMPTY_INPUT"
  | "HEX_INVALID"
  | "TRANSPORT_UNKNOWN"
  | "HDLC_FLAG"
  | "HDLC_FORMAT"
  | "HDLC_LENGTH"
  | "HDLC_ADDRESS"
  | "HDLC_HCS"
  | "HDLC_FCS"
  | "HDLC_SEGMENT"
  | "HDLC_LLC"
  | "MBUS_FRAME"
  | "MBUS_NOT_DLMS"
  | "MBUS_SEGMENT"
  | "GBT_BLOCK"
  | "APDU_TRUNCATED"
  | "APDU_UNKNOWN"
  | "APDU_LENGTH"
  | "APDU_TRAILING"
  | "KEY_MISSING"
  | "KEY_INVALID"
  | "KEY_WRONG"
  | "AUTH_FAILED"
  | "SECURITY_UNSUPPORTED"
  | "AXDR_TRUNCATED"
  | "AXDR_TYPE"
  | "AXDR_DEPTH"
  | "AXDR_LENGTH"
  | "PROFILE_UNKNOWN"
  | "PROFILE_MISMATCH"
  | "APDU_NOT_DATA"
  | "DATA_ACCESS_RESULT"
  | "GET_BLOCK"
  | "SYSTEM_TITLE_MISSING";

export type DlmsLayer = "input" | "hdlc" | "mbus" | "apdu" | "security" | "axdr" | "cosem" | "profile";

export interface DlmsErrorDetails {
  readonly offset?: number;
  readonly field?: string;
  readonly expected?: string | number;
  readonly actual?: string | number;
}

export class DlmsError extends Error {
  override readonly name = "DlmsError";
  readonly code: DlmsErrorCode;
  readonly layer: DlmsLayer;
  readonly offset: number | undefined;
  readonly field: string | undefined;
  readonly expected: string | number | undefined;
  readonly actual: string | number | undefined;

  constructor(code: DlmsErrorCode, layer: DlmsLayer, message: string, details: DlmsErrorDetails = {}) {
    super(message);
    this.code = code;
    this.layer = layer;
    this.offset = details.offset;
    this.field = details.field;
    this.expected = details.expected;
    this.actual = details.actual;
  }

  /** A copy whose offset is shifted by `base` (errors of an inner buffer reported in outer coordinates). */
  at(base: number): DlmsError {
    return new DlmsError(this.code, this.layer, this.message, {
      offset: this.offset === undefined ? undefined : this.offset + base,
      field: this.field,
      expected: this.expected,
      actual: this.actual,
    });
  }

  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      layer: this.layer,
      message: this.message,
      offset: this.offset,
      field: this.field,
      expected: this.expected,
      actual: this.actual,
    };
  }
}

export type DlmsResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: DlmsError };

export const ok = <T>(value: T): DlmsResult<T> => ({ ok: true, value });
export const fail = <T = never>(error: DlmsError): DlmsResult<T> => ({ ok: false, error });
