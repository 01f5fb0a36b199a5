/**
 * Hex text to bytes and back. Accepts spaces, newlines, tabs, `-` line continuations, `:` separators and
 * an optional `0x` prefix per token; returns a typed error at the first character that is not hex.
 */
import { type DecodeResult, fail, ok } from "./errors";

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  if (l >= 0x61 && l <= 0x66) return l - 0x61 + 10;
  return -1;
}

function isSeparator(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x2d || c === 0x3a || c === 0x2c;
}

export function parseHex(text: string): DecodeResult<Uint8Array> {
  const out = new Uint8Array(text.length >> 1);
  let n = 0;
  let i = 0;
  const len = text.length;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (isSeparator(c)) {
      i++;
      continue;
    }
    if (c === 0x30 && (text.charCodeAt(i + 1) | 0x20) === 0x78) {
      i += 2; // 0x prefix
      continue;
    }
    const hi = hexValue(c);
    const lo = i + 1 < len ? hexValue(text.charCodeAt(i + 1)) : -1;
    if (hi < 0 || lo < 0)
      return fail("BAD_HEX", hi < 0 ? "not a hex digit" : "odd number of hex digits in a byte", {
        offset: hi < 0 ? i : i + 1,
        actual: text.slice(i, i + 2),
        field: "hex",
      });
    out[n++] = (hi << 4) | lo;
    i += 2;
  }
  return ok(out.slice(0, n));
}

export function toHex(bytes: Uint8Array, sep = " "): string {
  let s = "";
  for (let i = 0; i < bytes.length; i++) {
    if (i > 0) s += sep;
    s += (bytes[i]! < 16 ? "0" : "") + bytes[i]!.toString(16).toUpperCase();
  }
  return s.toUpperCase();
}
