import type { AxdrValue } from "../axdr/value";
import { toHex } from "../hex";
import { type DlmsDateTime, decodeDateTime, formatDate, formatTime } from "./datetime";
import { isPrintable, latin1, utf8Text } from "./text";

/** A plain JSON value (what a COSEM value becomes for output). */
export type JsonValue = number | string | boolean | null | JsonValue[];

/** One COSEM object of a push telegram. */
export interface CosemValue {
  /** Logical name `A.B.C.D.E.F`. */
  readonly obis: string;
  /** Scaled number, text, boolean, or nested values for structures. */
  readonly value: JsonValue;
  /** SI unit without prefix (`Wh`, `V`, `degC`...), from the scaler-unit or a profile. */
  readonly unit?: string;
  /** Text of a printable octet string or of a date-time. */
  readonly text?: string;
  /** Decimal exponent applied to the raw value. */
  readonly scaler?: number;
  /** The A-XDR type of the value (`double-long-unsigned`, `octet-string`...). */
  readonly type: string;
  /** Where the logical name came from: the telegram, a generic convention, or a meter profile. */
  readonly source: "telegram" | "convention" | "profile";
  /** Decoded date-time fields, for date-time values. */
  readonly dateTime?: DlmsDateTime;
}

/** Raw numeric value of an A-XDR number as a JS number (64-bit values outside 2^53 lose precision). */
export function numberOf(v: AxdrValue): number | undefined {
  if (v.kind === "int" || v.kind === "uint" || v.kind === "float") return Number(v.value);
  return undefined;
}

/** raw x 10^scaler, computed by one correctly rounded division for negative scalers (2337, -1 -> 233.7). */
export function applyScaler(raw: number, scaler: number): number {
  if (scaler === 0) return raw;
  return scaler > 0 ? raw * 10 ** scaler : raw / 10 ** -scaler;
}

/** A date-time carried either as type 25 or as a 12-byte octet string that is a valid date-time. */
export function asDateTime(v: AxdrValue): DlmsDateTime | undefined {
  if ((v.kind === "date-time" || v.kind === "octets") && v.bytes.length === 12)
    return decodeDateTime(v.bytes);
  return undefined;
}

/** The text of a value, if it has one: printable octet strings, visible/utf8 strings, dates and times. */
export function textOf(v: AxdrValue): string | undefined {
  switch (v.kind) {
    case "string":
      return v.tag === 12 ? utf8Text(v.bytes) : latin1(v.bytes);
    case "octets":
      return asDateTime(v)?.text ?? (isPrintable(v.bytes) ? latin1(v.bytes) : undefined);
    case "date-time":
      return asDateTime(v)?.text;
    case "date":
      return formatDate(v.bytes);
    case "time":
      return formatTime(v.bytes);
    default:
      return undefined;
  }
}

/** Any A-XDR value as JSON: numbers, text where there is some, hex for other octets, arrays for lists. */
export function toJson(v: AxdrValue): JsonValue {
  switch (v.kind) {
    case "null":
    case "dont-care":
      return null;
    case "boolean":
      return v.value;
    case "int":
    case "uint":
    case "float":
      return typeof v.value === "bigint" ? v.value.toString() : v.value;
    case "array":
    case "structure":
      return v.items.map(toJson);
    case "bit-string":
      return toHex(v.bytes);
    default:
      return textOf(v) ?? toHex(v.bytes);
  }
}
