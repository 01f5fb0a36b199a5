/**
 * EN 13757-4:2019 clause 12.6.2 (frame format A) / 12.7.2 (format B): the block CRC, polynomial
 * x^16 + x^13 + x^12 + x^11 + x^10 + x^8 + x^6 + x^5 + x^2 + 1 (0x3D65), initial value 0, not reflected,
 * the result complemented; sent most significant byte first. The same CRC is the ELL payload CRC
 * (clause 13.2.6) and the format signature of EN 13757-3 Annex (compact frames).
 */

const TABLE = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 8;
    for (let k = 0; k < 8; k++) c = c & 0x8000 ? ((c << 1) ^ 0x3d65) & 0xffff : (c << 1) & 0xffff;
    t[i] = c;
  }
  return t;
})();

/** CRC of b[from, to). */
export function crc16(b: Uint8Array, from = 0, to = b.length): number {
  let c = 0;
  for (let i = from; i < to; i++) c = ((c << 8) & 0xffff) ^ TABLE[((c >> 8) ^ b[i]!) & 0xff]!;
  return ~c & 0xffff;
}
