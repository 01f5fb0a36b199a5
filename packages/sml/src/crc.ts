/**
 * SML checksums (SML 1.04 §8.1 and the transport, BSI TR-03109-1 Anlage "SML"): CRC-16/X.25 (the HDLC FCS,
 * written once in @omdp/dlms), sent least significant byte first. Meters that deviate are quirks
 * (quirks.ts); the variants they use are listed here as data.
 */
import { crc16x25 } from "@omdp/dlms";

const KERMIT_TABLE = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x8408 : c >>> 1;
    t[i] = c;
  }
  return t;
})();

/** CRC-16/KERMIT (reflected 0x1021, init 0, no final xor): what Holley DTZ541 meters compute (quirks.ts). */
export function crc16kermit(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0;
  for (let i = start; i < end; i++) crc = (crc >>> 8) ^ KERMIT_TABLE[(crc ^ bytes[i]!) & 0xff]!;
  return crc;
}

export const swap16 = (v: number): number => ((v & 0xff) << 8) | ((v >>> 8) & 0xff);

/**
 * How a checksum appears on the wire, as the 16-bit big-endian number formed by its two bytes
 * (the per-message crc16 field is an Unsigned16, the file CRC the last two bytes).
 */
export const CRC_VARIANTS = {
  /** SML 1.04: X.25, low byte first. */
  standard: (b: Uint8Array, s: number, e: number) => swap16(crc16x25(b, s, e)),
  /** X.25 with its two bytes in the other order (high byte first). */
  swapped: (b: Uint8Array, s: number, e: number) => crc16x25(b, s, e),
  /** CRC-16/KERMIT, low byte first. */
  kermit: (b: Uint8Array, s: number, e: number) => swap16(crc16kermit(b, s, e)),
} as const;

export type CrcVariant = keyof typeof CRC_VARIANTS;

export { crc16x25 };
