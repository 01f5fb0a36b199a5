/**
 * EN 13757-3 annex A data types, encoding side (the inverse of values.ts). Each writer fills `len` bytes
 * at `out[at]` and returns an error text, or null on success. No exceptions here; the record encoder
 * turns the text into an MbusError.
 */

/** Two's complement little endian; `raw` must be an integer that fits. */
export function writeInt(out: Uint8Array, at: number, len: number, raw: number): string | null {
  if (!Number.isInteger(raw)) return `not an integer: ${raw}`;
  const half = 2 ** (8 * len - 1);
  if (raw < -half || raw >= half) return `${raw} does not fit in ${len} bytes`;
  if (!Number.isSafeInteger(raw)) return `${raw} is beyond 2^53 and cannot be encoded exactly`;
  // BigInt keeps negative 48/64-bit values exact (2^64 - 1 is not a double)
  let v = BigInt.asUintN(8 * len, BigInt(raw));
  for (let i = 0; i < len; i++) {
    out[at + i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return null;
}

/** BCD least significant byte first; negative values put 0xF in the top nibble (annex A, type A). */
export function writeBcd(out: Uint8Array, at: number, len: number, raw: number): string | null {
  if (!Number.isInteger(raw)) return `not an integer: ${raw}`;
  const neg = raw < 0 || Object.is(raw, -0); // "F0" is a negative zero on the wire
  let v = Math.abs(raw);
  const digits = 2 * len - (neg ? 1 : 0);
  if (v >= 10 ** digits) return `${raw} does not fit in ${digits} BCD digits`;
  for (let i = 0; i < len; i++) {
    const lo = v % 10;
    v = Math.floor(v / 10);
    const hi = v % 10;
    v = Math.floor(v / 10);
    out[at + i] = (hi << 4) | lo;
  }
  if (neg) out[at + len - 1] = 0xf0 | (out[at + len - 1]! & 0x0f);
  return null;
}

const F32 = new DataView(new ArrayBuffer(4));
export function writeReal32(out: Uint8Array, at: number, v: number): void {
  F32.setFloat32(0, v, true);
  for (let i = 0; i < 4; i++) out[at + i] = F32.getUint8(i);
}

/** Latin-1 characters, last character first (LVAR strings). */
export function writeReversedText(out: Uint8Array, at: number, text: string): string | null {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) return `character ${text[i]} is not Latin-1`;
    out[at + n - 1 - i] = c;
  }
  return null;
}

/** The 7-bit year field: the inverse of values.ts fullYear(); `rawYear` (beyond 99) wins when given. */
function yearField(year: number, rawYear: number | undefined): number {
  if (rawYear !== undefined) return rawYear & 0x7f;
  return year >= 2000 && year <= 2080 ? year - 2000 : (year - 1900) & 0x7f;
}

function num(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Parses YYYY-MM-DD[THH:MM[:SS]] into numbers; null when malformed. */
export function parseDateTime(
  s: string,
): { y: number; mo: number; d: number; h: number; mi: number; s: number } | null {
  if (s.length !== 10 && s.length !== 16 && s.length !== 19) return null;
  const y = num(s, 0, 4);
  const mo = num(s, 5, 7);
  const d = num(s, 8, 10);
  const h = s.length > 10 ? num(s, 11, 13) : 0;
  const mi = s.length > 10 ? num(s, 14, 16) : 0;
  const sec = s.length > 16 ? num(s, 17, 19) : 0;
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0) return null;
  return { y, mo, d, h, mi, s: sec };
}

function dateBytes(out: Uint8Array, at: number, y: number, mo: number, d: number, rawYear?: number): void {
  const yy = yearField(y, rawYear);
  out[at] = (d & 0x1f) | ((yy & 0x07) << 5);
  out[at + 1] = (mo & 0x0f) | ((yy >> 3) << 4);
}

/** Type G (2 bytes). */
export function writeTypeG(out: Uint8Array, at: number, value: string, rawYear?: number): string | null {
  const t = parseDateTime(value);
  if (!t || value.length !== 10) return `not a date YYYY-MM-DD: ${value}`;
  dateBytes(out, at, t.y, t.mo, t.d, rawYear);
  return null;
}

/** Type F (4 bytes): IV flag in bit 7 of the minute byte, summer time in bit 7 of the hour byte. */
export function writeTypeF(
  out: Uint8Array,
  at: number,
  value: string,
  invalid: boolean,
  summer: boolean,
  rawYear?: number,
): string | null {
  const t = parseDateTime(value);
  if (!t || value.length !== 16) return `not a date-time YYYY-MM-DDTHH:MM: ${value}`;
  out[at] = (t.mi & 0x3f) | (invalid ? 0x80 : 0);
  out[at + 1] = (t.h & 0x1f) | (summer ? 0x80 : 0);
  dateBytes(out, at + 2, t.y, t.mo, t.d, rawYear);
  return null;
}

/** Type I (6 bytes): seconds added; the week byte (byte 5) is left 0. */
export function writeTypeI(
  out: Uint8Array,
  at: number,
  value: string,
  invalid: boolean,
  rawYear?: number,
): string | null {
  const t = parseDateTime(value);
  if (!t || value.length !== 19) return `not a date-time YYYY-MM-DDTHH:MM:SS: ${value}`;
  out[at] = t.s & 0x3f;
  out[at + 1] = (t.mi & 0x3f) | (invalid ? 0x80 : 0);
  out[at + 2] = t.h & 0x1f;
  dateBytes(out, at + 3, t.y, t.mo, t.d, rawYear);
  out[at + 5] = 0;
  return null;
}

/** Type J (3 bytes): HH:MM:SS. */
export function writeTypeJ(out: Uint8Array, at: number, value: string): string | null {
  if (value.length !== 8) return `not a time HH:MM:SS: ${value}`;
  const h = num(value, 0, 2);
  const m = num(value, 3, 5);
  const s = num(value, 6, 8);
  if (h < 0 || m < 0 || s < 0) return `not a time HH:MM:SS: ${value}`;
  out[at] = s & 0x3f;
  out[at + 1] = m & 0x3f;
  out[at + 2] = h & 0x1f;
  return null;
}

/** Type K (4 bytes), the inverse of values.ts typeK ("MM-DDTHH/MM-DDTHH/+N"). */
export function writeTypeK(out: Uint8Array, at: number, value: string): string | null {
  // MM-DDTHH/MM-DDTHH/+N
  if (value.length !== 20 || value[8] !== "/" || value[17] !== "/") return `not a DST rule: ${value}`;
  const bm = num(value, 0, 2);
  const bd = num(value, 3, 5);
  const bh = num(value, 6, 8);
  const em = num(value, 9, 11);
  const ed = num(value, 12, 14);
  const eh = num(value, 15, 17);
  const dev = num(value, 19, 20);
  const neg = value[18] === "-";
  if ([bm, bd, bh, em, ed, eh, dev].some((v) => v < 0) || dev > 3) return `not a DST rule: ${value}`;
  out[at] = (bh & 0x1f) | (dev << 6);
  out[at + 1] = (bd & 0x1f) | (neg ? 0x20 : 0) | ((eh >> 3) << 6);
  out[at + 2] = (bm & 0x0f) | ((em & 0x0f) << 4);
  out[at + 3] = (ed & 0x1f) | ((eh & 0x07) << 5);
  return null;
}
