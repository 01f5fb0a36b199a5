/**
 * Reads SML primitives (SML 1.04 §6.3) from the unescaped message data: octet strings, booleans, signed
 * and unsigned integers of any width 1..8 bytes (odd widths too), lists, optional (0x01) elements.
 */
import { SmlError } from "./errors";
import { readTl, type Tl, type TlType } from "./tl";

export interface SmlInt {
  readonly value: bigint;
  readonly signed: boolean;
  /** Bytes on the wire (1..8). */
  readonly width: number;
}

export class Cursor {
  pos: number;
  constructor(
    readonly b: Uint8Array,
    readonly offsetOf: (i: number) => number,
    pos = 0,
  ) {
    this.pos = pos;
  }

  fail(
    code: "BAD_TYPE" | "BAD_LENGTH" | "BAD_CHOICE" | "BAD_MESSAGE" | "TRUNCATED",
    msg: string,
    field: string,
    extra: { expected?: number | string; actual?: number | string } = {},
  ): never {
    throw new SmlError(code, msg, { offset: this.offsetOf(this.pos), field, ...extra });
  }

  peek(): number | undefined {
    return this.b[this.pos];
  }

  tl(field: string, want?: TlType): Tl {
    const tl = readTl(this.b, this.pos, this.offsetOf);
    if (want !== undefined && tl.type !== want) {
      this.fail("BAD_TYPE", `${field}: expected ${want}, got ${tl.type}`, field, {
        expected: want,
        actual: tl.type,
      });
    }
    this.pos += tl.size;
    return tl;
  }

  /** True (and consumed) when the optional element is not set (0x01). */
  absent(): boolean {
    if (this.b[this.pos] !== 0x01) return false;
    this.pos++;
    return true;
  }

  take(n: number, field: string): Uint8Array {
    if (this.pos + n > this.b.length)
      this.fail("TRUNCATED", `${field}: data ends early`, field, {
        expected: n,
        actual: this.b.length - this.pos,
      });
    const out = this.b.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  octets(field: string): Uint8Array {
    const tl = this.tl(field, "octets");
    return Uint8Array.from(this.take(tl.length, field));
  }

  optOctets(field: string): Uint8Array | undefined {
    return this.absent() ? undefined : this.octets(field);
  }

  list(field: string, expected?: number): number {
    const tl = this.tl(field, "list");
    if (expected !== undefined && tl.length !== expected) {
      this.fail("BAD_LENGTH", `${field}: expected a list of ${expected}`, field, {
        expected,
        actual: tl.length,
      });
    }
    return tl.length;
  }

  /** An integer (signed or unsigned per its TL) of 1..8 bytes. */
  int(field: string, want?: "integer" | "unsigned"): SmlInt {
    const at = this.pos;
    const tl = this.tl(field);
    if (tl.type !== "integer" && tl.type !== "unsigned") {
      this.pos = at;
      this.fail("BAD_TYPE", `${field}: expected a number, got ${tl.type}`, field, {
        expected: want ?? "number",
        actual: tl.type,
      });
    }
    if (want !== undefined && tl.type !== want) {
      this.pos = at;
      this.fail("BAD_TYPE", `${field}: expected ${want}, got ${tl.type}`, field, {
        expected: want,
        actual: tl.type,
      });
    }
    return this.number(tl, field);
  }

  number(tl: Tl, field: string): SmlInt {
    if (tl.length < 1 || tl.length > 8)
      this.fail("BAD_LENGTH", `${field}: integer of ${tl.length} bytes`, field, {
        expected: "1..8",
        actual: tl.length,
      });
    return decodeInt(this.take(tl.length, field), tl.type === "integer");
  }

  optInt(field: string, want?: "integer" | "unsigned"): SmlInt | undefined {
    return this.absent() ? undefined : this.int(field, want);
  }

  bool(field: string): boolean {
    const tl = this.tl(field, "boolean");
    if (tl.length !== 1)
      this.fail("BAD_LENGTH", `${field}: boolean of ${tl.length} bytes`, field, {
        expected: 1,
        actual: tl.length,
      });
    return this.take(1, field)[0] !== 0;
  }
}

/** Big-endian two's complement (signed) or plain (unsigned) integer of bytes.length bytes. */
export function decodeInt(bytes: Uint8Array, signed: boolean): SmlInt {
  let v = 0n;
  for (const x of bytes) v = (v << 8n) | BigInt(x);
  if (signed && bytes.length > 0 && (bytes[0]! & 0x80) !== 0) v -= 1n << BigInt(8 * bytes.length);
  return { value: v, signed, width: bytes.length };
}

/** The big-endian bytes of an integer at a width; throws ENCODE when it does not fit. */
export function encodeIntBytes(n: SmlInt): number[] {
  const bits = BigInt(8 * n.width);
  const min = n.signed ? -(1n << (bits - 1n)) : 0n;
  const max = n.signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
  if (n.width < 1 || n.width > 8 || n.value < min || n.value > max) {
    throw new SmlError("ENCODE", "integer does not fit its width", {
      offset: 0,
      actual: n.value.toString(),
      field: "integer",
    });
  }
  let v = n.value < 0n ? n.value + (1n << bits) : n.value;
  const out: number[] = new Array(n.width);
  for (let k = n.width - 1; k >= 0; k--) {
    out[k] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}
