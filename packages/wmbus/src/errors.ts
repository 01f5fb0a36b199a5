/**
 * Typed errors with evidence (STYLE.md principle 5) for the wireless M-Bus layers: every failure names
 * a code, the byte offset where decoding stopped and, where it helps, the expected and computed values
 * and the field. Secrets (keys) never appear in a message.
 */
import { CodecError, type CodecErrorDetails } from "@omdp/model";

export const WMBUS_ERROR_CODES = [
  // link layer (EN 13757-4)
  "BAD_HEX",
  "TRUNCATED",
  "BAD_LENGTH",
  "BAD_CRC",
  // extended link layer, AFL, TPL
  "UNSUPPORTED_CI",
  "HEADER_TOO_SHORT",
  "FRAGMENTED",
  // OMS security
  "NO_KEY",
  "WRONG_KEY",
  "BAD_MAC",
  "BAD_ENCRYPTED_LENGTH",
  "UNSUPPORTED_SECURITY",
  // application layer (EN 13757-3 via @omdp/mbus)
  "RECORDS",
  "UNKNOWN_FORMAT",
  "ENCODE",
] as const;

export type WmbusErrorCode = (typeof WMBUS_ERROR_CODES)[number];

export class WmbusError extends CodecError<WmbusErrorCode> {
  override readonly name = "WmbusError";

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

export type WmbusResult<T> = { ok: true; value: T } | { ok: false; error: WmbusError };

export function ok<T>(value: T): WmbusResult<T> {
  return { ok: true, value };
}

export function fail<T>(code: WmbusErrorCode, message: string, details: CodecErrorDetails): WmbusResult<T> {
  return { ok: false, error: new WmbusError(code, message, details) };
}

export function hex4(n: number): string {
  return `0x${n.toString(16).padStart(4, "0").toUpperCase()}`;
}

export function hex2(n: number): string {
  return `0x${n.toString(16).padStart(2, "0").toUpperCase()}`;
}
