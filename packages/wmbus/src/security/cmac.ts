/**
 * AES-CMAC (NIST SP 800-38B, RFC 4493), used by OMS Vol. 2 for the AFL MAC (security mode 7) and the
 * key derivation of mode 7 and the ELL (OMS Vol. 2 clause 9.5). node:crypto has no CMAC, so it is
 * built on the single-block AES of aes.ts.
 */
import { ecbBlock } from "./aes";

const RB = 0x87;

function shiftLeft(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = ((b[i]! << 1) | (i < 15 ? b[i + 1]! >> 7 : 0)) & 0xff;
  if (b[0]! & 0x80) out[15]! ^= RB;
  return out;
}

/** RFC 4493 clause 2.4: the 16-byte CMAC of `msg` under `key`. */
export function cmac(key: Uint8Array, msg: Uint8Array): Uint8Array {
  const l = ecbBlock(key, new Uint8Array(16));
  const k1 = shiftLeft(l);
  const k2 = shiftLeft(k1);
  const n = Math.max(1, Math.ceil(msg.length / 16));
  const complete = msg.length > 0 && msg.length % 16 === 0;
  let x: Uint8Array = new Uint8Array(16);
  for (let i = 0; i < n; i++) {
    const block = new Uint8Array(16);
    const part = msg.subarray(i * 16, i * 16 + 16);
    block.set(part);
    if (i === n - 1) {
      if (complete) for (let j = 0; j < 16; j++) block[j]! ^= k1[j]!;
      else {
        block[part.length] = 0x80;
        for (let j = 0; j < 16; j++) block[j]! ^= k2[j]!;
      }
    }
    for (let j = 0; j < 16; j++) block[j]! ^= x[j]!;
    x = ecbBlock(key, block);
  }
  return x;
}
