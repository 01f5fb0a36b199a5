/**
 * AES-128 primitives of OMS Vol. 2 (node:crypto): CBC without padding (security modes 5 and 7),
 * CTR (ELL session encryption, EN 13757-4 clause 13.2.8), and single-block ECB (CMAC, key derivation).
 */
import { createCipheriv, createDecipheriv } from "node:crypto";

export function cbcDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  const d = createDecipheriv("aes-128-cbc", key, iv);
  d.setAutoPadding(false);
  return new Uint8Array(Buffer.concat([d.update(data), d.final()]));
}

export function cbcEncrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  const c = createCipheriv("aes-128-cbc", key, iv);
  c.setAutoPadding(false);
  return new Uint8Array(Buffer.concat([c.update(data), c.final()]));
}

/** CTR is its own inverse. */
export function ctr(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  const c = createCipheriv("aes-128-ctr", key, iv);
  return new Uint8Array(Buffer.concat([c.update(data), c.final()]));
}

export function ecbBlock(key: Uint8Array, block: Uint8Array): Uint8Array {
  const c = createCipheriv("aes-128-ecb", key, null);
  c.setAutoPadding(false);
  return new Uint8Array(Buffer.concat([c.update(block), c.final()]));
}
