/**
 * Diehl (IZAR, Sappel, Hydrometer) PRIOS scrambling of the proprietary payload after a manufacturer CI
 * (0xA0-0xA3): a 32-bit linear-feedback shift register seeded from the key and the frame header,
 * stepped 8 times per byte (feedback = bits 1, 2, 11 and 31), whose low byte is XORed onto each payload
 * byte from frame byte 15 on; the first plain byte is the check byte 0x4B. Facts from the public write-ups
 * of the scheme (wmbusmeters issue #20, Jacek Tomasiak; the IZAR PRIOS collector of Erwan Martin),
 * including the two publicly known default keys. Frames are without CRCs (L at byte 0).
 */

/** The publicly known default PRIOS keys (8 bytes each). */
export const PRIOS_DEFAULT_KEYS: readonly Uint8Array[] = [
  Uint8Array.of(0x39, 0xbc, 0x8a, 0x10, 0xe6, 0x6d, 0x83, 0xf8),
  Uint8Array.of(0x51, 0x72, 0x89, 0x10, 0xe6, 0x6d, 0x83, 0xf8),
];

/** Manufacturers whose manufacturer-CI payload is PRIOS scrambled. */
export const PRIOS_MANUFACTURERS: ReadonlySet<string> = new Set(["DME", "HYD", "SAP"]);

export const PRIOS_CHECK = 0x4b;
export const PRIOS_START = 15;

function be32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}

/** The plain payload (from frame byte 15 on), or null when no key gives the check byte. */
export function descramblePrios(
  frame: Uint8Array,
  keys: readonly Uint8Array[] = PRIOS_DEFAULT_KEYS,
): Uint8Array | null {
  if (frame.length <= PRIOS_START) return null;
  for (const k of keys) {
    let key = (be32(k, 0) ^ be32(k, 4) ^ be32(frame, 2) ^ be32(frame, 6) ^ be32(frame, 10)) >>> 0;
    const out = new Uint8Array(frame.length - PRIOS_START);
    let good = true;
    for (let i = 0; i < out.length; i++) {
      for (let j = 0; j < 8; j++) {
        const bit = ((key >>> 1) ^ (key >>> 2) ^ (key >>> 11) ^ (key >>> 31)) & 1;
        key = ((key << 1) | bit) >>> 0;
      }
      out[i] = frame[PRIOS_START + i]! ^ (key & 0xff);
      if (out[0] !== PRIOS_CHECK) {
        good = false;
        break;
      }
    }
    if (good) return out;
  }
  return null;
}
