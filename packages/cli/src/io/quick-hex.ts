/**
 * The fast path of @omdp/dlms `parseHex` for what batch input nearly always is: hex digits with ASCII
 * separators (whitespace, `:`, `-`, `_`, `,`). Returns exactly the bytes `parseHex` returns for such
 * text, or null when the text needs `parseHex` itself (a `0x` prefix, any other character, an odd number
 * of digits: its typed errors come from there). Separators may split a byte, as in `parseHex`, which
 * removes them before pairing the digits.
 */

/** Nibble value of a character code; -1 for a separator; -2 for anything else. */
const NIBBLE: Int8Array = (() => {
  const t = new Int8Array(128).fill(-2);
  for (let c = 0; c < 10; c++) t[0x30 + c] = c;
  for (let c = 0; c < 6; c++) {
    t[0x41 + c] = 10 + c;
    t[0x61 + c] = 10 + c;
  }
  // \s in ASCII (space, \t \n \v \f \r) and the separators of parseHex
  for (const c of [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x3a, 0x2d, 0x5f, 0x2c]) t[c] = -1;
  return t;
})();

export function quickHex(text: string): Uint8Array | null {
  const len = text.length;
  const out = new Uint8Array(len >> 1);
  let n = 0;
  let hi = -1;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? NIBBLE[c]! : -2;
    if (v === -1) continue;
    if (v === -2) return null;
    if (hi < 0) hi = v;
    else {
      out[n++] = (hi << 4) | v;
      hi = -1;
    }
  }
  if (hi >= 0) return null;
  // a copy of the exact length, like parseHex's result (callers may use the whole buffer)
  return n === out.length ? out : out.slice(0, n);
}
