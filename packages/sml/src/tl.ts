/**
 * The SML type-length field (SML 1.04 §6.3.1): bit 7 says another TL byte follows, bits 6..4 the type,
 * bits 3..0 the length (more significant nibbles first when continued). For strings and numbers the
 * length counts the TL bytes too; for lists it is the number of elements. 0x00 ends a message, 0x01 is
 * an optional element that is not set.
 */
import { SmlError } from "./errors";

export const TL_TYPE = { octets: 0, boolean: 4, integer: 5, unsigned: 6, list: 7 } as const;
export type TlType = keyof typeof TL_TYPE;
const TYPE_BY_CODE: Record<number, TlType> = {
  0: "octets",
  4: "boolean",
  5: "integer",
  6: "unsigned",
  7: "list",
};

export interface Tl {
  readonly type: TlType;
  /** Data bytes (strings, numbers) or element count (lists). */
  readonly length: number;
  /** Bytes the TL field itself took. */
  readonly size: number;
}

/** At most 4 TL bytes: lengths up to 2^16 - 1, more than any meter file. */
const MAX_TL_BYTES = 4;

/** `offsetOf` maps a data index to the input offset reported in errors. */
export function readTl(b: Uint8Array, at: number, offsetOf: (i: number) => number = (i) => i): Tl {
  let byte = b[at];
  if (byte === undefined)
    throw new SmlError("TRUNCATED", "data ends before a TL field", { offset: offsetOf(at), field: "tl" });
  const code = (byte >> 4) & 0x07;
  const type = TYPE_BY_CODE[code];
  if (type === undefined)
    throw new SmlError("BAD_TL", "unknown TL type", { offset: offsetOf(at), actual: code, field: "tl" });
  let len = byte & 0x0f;
  let size = 1;
  while (byte & 0x80) {
    if (size >= MAX_TL_BYTES)
      throw new SmlError("BAD_TL", "TL field too long", { offset: offsetOf(at), field: "tl" });
    byte = b[at + size];
    if (byte === undefined)
      throw new SmlError("TRUNCATED", "data ends inside a TL field", {
        offset: offsetOf(at + size),
        field: "tl",
      });
    if ((byte & 0x70) !== 0) {
      throw new SmlError("BAD_TL", "TL continuation byte carries a type", {
        offset: offsetOf(at + size),
        actual: byte,
        field: "tl",
      });
    }
    len = (len << 4) | (byte & 0x0f);
    size++;
  }
  if (type === "list") return { type, length: len, size };
  if (len < size)
    throw new SmlError("BAD_LENGTH", "TL length shorter than the TL field", {
      offset: offsetOf(at),
      actual: len,
      field: "tl",
    });
  return { type, length: len - size, size };
}

/** The TL bytes for a type and a data length (or element count for lists). */
export function encodeTl(type: TlType, length: number): number[] {
  const code = TL_TYPE[type];
  for (let size = 1; size <= MAX_TL_BYTES; size++) {
    const total = type === "list" ? length : length + size;
    if (total < 16 ** size) return tlBytes(code, total, size);
  }
  throw new SmlError("ENCODE", "length too large for a TL field", { offset: 0, actual: length, field: "tl" });
}

function tlBytes(code: number, total: number, size: number): number[] {
  const out: number[] = [];
  for (let k = size - 1; k >= 0; k--) {
    const nibble = (total >> (4 * k)) & 0x0f;
    const more = k > 0 ? 0x80 : 0;
    out.push(more | (k === size - 1 ? code << 4 : 0) | nibble);
  }
  return out;
}
