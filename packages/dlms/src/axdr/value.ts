/** A decoded A-XDR `Data` value: its tag, type name and offset (evidence), and its content. */
interface Base {
  readonly tag: number;
  readonly type: string;
  /** Offset of the tag byte in the buffer that was decoded. */
  readonly offset: number;
}

export interface AxdrNull extends Base {
  readonly kind: "null" | "dont-care";
}
export interface AxdrList extends Base {
  readonly kind: "array" | "structure";
  readonly items: readonly AxdrValue[];
}
export interface AxdrBoolean extends Base {
  readonly kind: "boolean";
  readonly value: boolean;
}
export interface AxdrBits extends Base {
  readonly kind: "bit-string";
  readonly bits: number;
  readonly bytes: Uint8Array;
}
export interface AxdrNumber extends Base {
  readonly kind: "int" | "uint" | "float";
  /** 64-bit integers outside the safe range stay bigint. */
  readonly value: number | bigint;
}
export interface AxdrBytes extends Base {
  readonly kind: "octets" | "string" | "date-time" | "date" | "time";
  readonly bytes: Uint8Array;
}

export type AxdrValue = AxdrNull | AxdrList | AxdrBoolean | AxdrBits | AxdrNumber | AxdrBytes;

export function isList(v: AxdrValue | undefined): v is AxdrList {
  return v !== undefined && (v.kind === "array" || v.kind === "structure");
}

export function isNumber(v: AxdrValue | undefined): v is AxdrNumber {
  return v !== undefined && (v.kind === "int" || v.kind === "uint" || v.kind === "float");
}
