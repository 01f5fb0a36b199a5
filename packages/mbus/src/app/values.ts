/**
 * EN 13757-3:2013 annex A data types, decoding side: integers (type B), BCD (type A, incl. negative BCD),
 * real32 (type H), dates and times (types F, G, I, J, K), strings (LVAR, bytes reversed).
 * Pure functions over (bytes, offset, length); no allocation except the result strings.
 */

/** Little-endian two's complement integer of 1..8 bytes (type B). Exact up to 2^53. */
export function readInt(b: Uint8Array, at: number, len: number): number {
  switch (len) {
    case 1:
      return (b[at]! << 24) >> 24;
    case 2:
      return ((b[at]! | (b[at + 1]! << 8)) << 16) >> 16;
    case 3:
      return ((b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) << 8) >> 8;
    case 4:
      return b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24);
    case 6: {
      const lo = (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
      const hi = ((b[at + 4]! | (b[at + 5]! << 8)) << 16) >> 16;
      return hi * 4294967296 + lo;
    }
    case 8: {
      const lo = (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
      const hi = b[at + 4]! | (b[at + 5]! << 8) | (b[at + 6]! << 16) | (b[at + 7]! << 24);
      return hi * 4294967296 + lo;
    }
    default: {
      // other lengths (LVAR binary numbers of 5 or 7 bytes)
      let v = 0;
      for (let i = len - 1; i >= 0; i--) v = v * 256 + b[at + i]!;
      const top = 2 ** (8 * len);
      return v >= top / 2 ? v - top : v;
    }
  }
}

/** Little-endian unsigned integer of 1..6 bytes. */
export function readUint(b: Uint8Array, at: number, len: number): number {
  let v = 0;
  for (let i = len - 1; i >= 0; i--) v = v * 256 + b[at + i]!;
  return v;
}

/**
 * BCD, least significant byte first (type A). A most significant nibble of 0xF means negative (EN
 * 13757-3 annex A, "negative BCD"). Returns NaN when another nibble is not a decimal digit.
 */
export function readBcd(b: Uint8Array, at: number, len: number): number {
  let v = 0;
  let sign = 1;
  for (let i = len - 1; i >= 0; i--) {
    const x = b[at + i]!;
    let hi = x >> 4;
    const lo = x & 0x0f;
    if (i === len - 1 && hi === 0x0f) {
      sign = -1;
      hi = 0;
    }
    if (hi > 9 || lo > 9) return Number.NaN;
    v = v * 100 + hi * 10 + lo;
  }
  return sign * v;
}

/** BCD digits as text, most significant first, non-decimal nibbles as hex letters (ids like "0500023E"). */
export function bcdDigits(b: Uint8Array, at: number, len: number): string {
  let s = "";
  for (let i = len - 1; i >= 0; i--) {
    const x = b[at + i]!;
    s += HEX[x >> 4]! + HEX[x & 0x0f]!;
  }
  return s;
}
const HEX = "0123456789ABCDEF";

const F32 = new DataView(new ArrayBuffer(4));
/** IEEE 754 single precision, little endian (type H). */
export function readReal32(b: Uint8Array, at: number): number {
  F32.setUint8(0, b[at]!);
  F32.setUint8(1, b[at + 1]!);
  F32.setUint8(2, b[at + 2]!);
  F32.setUint8(3, b[at + 3]!);
  return F32.getFloat32(0, true);
}

/** Latin-1 text of an M-Bus string: characters are sent last first (EN 13757-3 annex A, LVAR). */
export function readReversedText(b: Uint8Array, at: number, len: number): string {
  let s = "";
  for (let i = at + len - 1; i >= at; i--) s += String.fromCharCode(b[i]!);
  return s;
}

/** "00" .. "99", made once: the date and time fields of types F-K are at most 63. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, n) => (n < 10 ? `0${n}` : String(n)));

function p2(n: number): string {
  return n < 100 ? TWO_DIGITS[n]! : String(n);
}

/** Two-digit year to a full year, the way libmbus and most meters read it: 0-80 -> 20xx, 81-99 -> 19xx. */
export function fullYear(y: number): number {
  return y < 81 ? 2000 + y : 1900 + y;
}

/** Date fields shared by types F, G and I: day in the low 5 bits, year split over two bytes. */
function dateOf(dayByte: number, monthByte: number): string {
  const day = dayByte & 0x1f;
  const month = monthByte & 0x0f;
  const year = YEAR_TEXT[((dayByte & 0xe0) >> 5) | ((monthByte & 0xf0) >> 1)]!;
  return `${year}-${p2(month)}-${p2(day)}`;
}

/** The full year of each 7-bit year field (0 .. 127), as text, made once. */
const YEAR_TEXT: readonly string[] = Array.from({ length: 128 }, (_, y) => String(fullYear(y)));

/** Type G (2 bytes): date. */
export function typeG(b: Uint8Array, at: number): string {
  return dateOf(b[at]!, b[at + 1]!);
}

/** Type F (4 bytes): date and time to the minute. Bit 7 of the minute byte flags an invalid time. */
export function typeF(b: Uint8Array, at: number): string {
  const min = b[at]! & 0x3f;
  const hour = b[at + 1]! & 0x1f;
  return `${dateOf(b[at + 2]!, b[at + 3]!)}T${p2(hour)}:${p2(min)}`;
}
export function typeFInvalid(b: Uint8Array, at: number): boolean {
  return (b[at]! & 0x80) !== 0;
}
export function typeFSummerTime(b: Uint8Array, at: number): boolean {
  return (b[at + 1]! & 0x80) !== 0;
}

/** Type I (6 bytes): date and time to the second; bit 7 of the minute byte flags an invalid time. */
export function typeI(b: Uint8Array, at: number): string {
  const sec = b[at]! & 0x3f;
  const min = b[at + 1]! & 0x3f;
  const hour = b[at + 2]! & 0x1f;
  return `${dateOf(b[at + 3]!, b[at + 4]!)}T${p2(hour)}:${p2(min)}:${p2(sec)}`;
}
export function typeIInvalid(b: Uint8Array, at: number): boolean {
  return (b[at + 1]! & 0x80) !== 0;
}

/** Type J (3 bytes): time of day. */
export function typeJ(b: Uint8Array, at: number): string {
  return `${p2(b[at + 2]! & 0x1f)}:${p2(b[at + 1]! & 0x3f)}:${p2(b[at]! & 0x3f)}`;
}

/**
 * Type K (4 bytes): daylight saving: begin (hour, day, month), end (hour, day, month) and the deviation
 * in hours (signed, 2 bits + sign). Layout as read here: byte 0 begin hour (bits 0-4) and deviation
 * magnitude (bits 6-7); byte 1 begin day (0-4), byte 1 bit 5 deviation sign; byte 2 begin month (0-3),
 * end month (4-7); byte 3 end day (0-4) and end hour in byte 3 bits 5-7 + byte 1 bits 6-7.
 * Rendered as "MM-DDTHH/MM-DDTHH/+N".
 */
export function typeK(b: Uint8Array, at: number): string {
  const b0 = b[at]!;
  const b1 = b[at + 1]!;
  const b2 = b[at + 2]!;
  const b3 = b[at + 3]!;
  const beginHour = b0 & 0x1f;
  const deviation = b0 >> 6;
  const sign = (b1 & 0x20) !== 0 ? "-" : "+";
  const beginDay = b1 & 0x1f;
  const beginMonth = b2 & 0x0f;
  const endMonth = b2 >> 4;
  const endDay = b3 & 0x1f;
  const endHour = (b3 >> 5) | ((b1 >> 6) << 3);
  return `${p2(beginMonth)}-${p2(beginDay)}T${p2(beginHour)}/${p2(endMonth)}-${p2(endDay)}T${p2(endHour)}/${sign}${deviation}`;
}
