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

  /** A view into the data (the unescaped copy readTransport made, never the caller's input). */
  octets(field: string): Uint8Array {
    const byte = this.b[this.pos]!;
    // fast path: a one-byte TL of type octets (0x0L, L >= 1 counts itself) whose data is all there
    if ((byte & 0xf0) === 0 && byte >= 1 && this.pos + byte <= this.b.length) {
      const out = this.b.subarray(this.pos + 1, this.pos + byte);
      this.pos += byte;
      return out;
    }
    const tl = this.tl(field, "octets");
    return this.take(tl.length, field);
  }

  optOctets(field: string): Uint8Array | undefined {
    return this.absent() ? undefined : this.octets(field);
  }

  list(field: string, expected?: number): number {
    const byte = this.b[this.pos]!;
    // fast path: a one-byte list TL 0x7N of the expected length
    if (byte >> 4 === 7 && (expected === undefined || (byte & 0x0f) === expected)) {
      this.pos++;
      return byte & 0x0f;
    }
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
    const byte = this.b[at]!;
    // fast path: a one-byte TL 0x5L (integer) or 0x6L (unsigned) of the wanted type, 1..8 data bytes there
    const kind = byte >> 4;
    const width = (byte & 0x0f) - 1;
    if (
      (kind === 5 || kind === 6) &&
      width >= 1 &&
      width <= 8 &&
      (want === undefined || (want === "integer") === (kind === 5)) &&
      at + 1 + width <= this.b.length
    ) {
      this.pos = at + 1 + width;
      return decodeIntAt(this.b, at + 1, width, kind === 5);
    }
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
    if (this.pos + tl.length > this.b.length) this.take(tl.length, field); // TRUNCATED
    const v = decodeIntAt(this.b, this.pos, tl.length, tl.type === "integer");
    this.pos += tl.length;
    return v;
  }

  /** Number(this.int(field, want).value), without a BigInt for integers of up to 6 bytes. */
  num(field: string, want?: "integer" | "unsigned"): number {
    const at = this.pos;
    const byte = this.b[at]!;
    const kind = byte >> 4;
    const width = (byte & 0x0f) - 1;
    if (
      (kind === 5 || kind === 6) &&
      width >= 1 &&
      width <= 6 &&
      (want === undefined || (want === "integer") === (kind === 5)) &&
      at + 1 + width <= this.b.length
    ) {
      this.pos = at + 1 + width;
      return smallIntAt(this.b, at + 1, width, kind === 5);
    }
    return Number(this.int(field, want).value);
  }

  optNum(field: string, want?: "integer" | "unsigned"): number | undefined {
    return this.absent() ? undefined : this.num(field, want);
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
  return decodeIntAt(bytes, 0, bytes.length, signed);
}

/** decodeInt of `b[at, at + width)`, read in place. */
function decodeIntAt(b: Uint8Array, at: number, width: number, signed: boolean): SmlInt {
  // up to 6 bytes (48 bits) the value is exact in a double: one BigInt at the end instead of one per byte
  if (width <= 6) return { value: BigInt(smallIntAt(b, at, width, signed)), signed, width };
  const bytes = b.subarray(at, at + width);
  let v = 0n;
  for (const x of bytes) v = (v << 8n) | BigInt(x);
  if (signed && bytes.length > 0 && (bytes[0]! & 0x80) !== 0) v -= 1n << BigInt(8 * bytes.length);
  return { value: v, signed, width: bytes.length };
}

/** The integer of `b[at, at + width)` for width <= 6 (48 bits: exact in a double). */
function smallIntAt(b: Uint8Array, at: number, width: number, signed: boolean): number {
  let n = 0;
  for (let k = 0; k < width; k++) n = n * 256 + b[at + k]!;
  if (signed && width > 0 && (b[at]! & 0x80) !== 0) n -= 2 ** (8 * width);
  return n;
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
