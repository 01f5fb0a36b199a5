/**
 * EN 13757-4:2019 clause 13.2: the extended link layer (ELL).
 *   CI 0x8C: CC, ACC                                  (2 bytes)
 *   CI 0x8D: CC, ACC, SN (4), PayloadCRC (2)          (8 bytes; session encryption possible)
 *   CI 0x8E: CC, ACC, M2 (2), A2 (6)                  (10 bytes)
 *   CI 0x8F: CC, ACC, M2, A2, SN, PayloadCRC          (16 bytes; session encryption possible)
 * SN (clause 13.2.7, LSB first): bits 31-29 ENC (0 none, 1 AES-128-CTR), 28-4 session, 3-0 time.
 * With ENC 1 the PayloadCRC and everything after it are encrypted in AES-CTR (clause 13.2.8) with the
 * counter block M || A || CC || SN || FN (2 bytes, 0) || BC (1 byte, block counter from 0), M and A
 * being the ELL's own address where present, else the link layer's. PayloadCRC (clause 13.2.6) is the
 * link CRC over the payload after it.
 */
import { fail, hex4, ok, type WmbusResult } from "../errors";
import { type LinkAddress, readAddress } from "../link/address";
import { crc16 } from "../link/crc";
import { ctr } from "../security/aes";

export const ELL_LENGTH: Readonly<Record<number, number>> = { 140: 2, 141: 8, 142: 10, 143: 16 };

export interface Ell {
  ci: number;
  cc: number;
  accessNumber: number;
  address: LinkAddress | null;
  sessionNumber: number | null;
  /** ENC bits of SN: 0 none, 1 AES-CTR. */
  encryption: number;
  payloadCrc: number | null;
  /** Where the payload after the ELL (the next CI) starts. */
  end: number;
}

export function readEll(b: Uint8Array, ci: number, at: number): WmbusResult<Ell> {
  const n = ELL_LENGTH[ci]!;
  if (at + n > b.length) {
    return fail("HEADER_TOO_SHORT", `ELL CI ${ci.toString(16)} needs ${n} bytes`, {
      offset: at,
      expected: n,
      actual: b.length - at,
      field: "ELL",
    });
  }
  const long = ci === 0x8e || ci === 0x8f;
  const address = long ? readAddress(b, at + 2) : null;
  const snAt = ci === 0x8d ? at + 2 : ci === 0x8f ? at + 10 : -1;
  const sn =
    snAt < 0 ? null : (b[snAt]! | (b[snAt + 1]! << 8) | (b[snAt + 2]! << 16) | (b[snAt + 3]! << 24)) >>> 0;
  return ok({
    ci,
    cc: b[at]!,
    accessNumber: b[at + 1]!,
    address,
    sessionNumber: sn,
    encryption: sn === null ? 0 : sn >>> 29,
    payloadCrc: snAt < 0 ? null : b[snAt + 4]! | (b[snAt + 5]! << 8),
    end: at + n,
  });
}

/** The CTR counter block (clause 13.2.8). `ma` = M (2) and A (6) bytes. */
export function ellIv(ma: Uint8Array, cc: number, sn: number): Uint8Array {
  const iv = new Uint8Array(16);
  iv.set(ma.subarray(0, 8), 0);
  iv[8] = cc;
  iv[9] = sn & 0xff;
  iv[10] = (sn >>> 8) & 0xff;
  iv[11] = (sn >>> 16) & 0xff;
  iv[12] = (sn >>> 24) & 0xff;
  return iv;
}

/** PayloadCRC (LSB first) of the bytes after it matches: the payload is (already) plain text. */
export function payloadCrcOk(b: Uint8Array, crcAt: number): boolean {
  const sent = b[crcAt]! | (b[crcAt + 1]! << 8);
  return sent === crc16(b, crcAt + 2);
}

/**
 * Decrypts the ELL session encryption in place of a copy: returns the frame with PayloadCRC and payload
 * decrypted, or the typed error (no key, wrong key = PayloadCRC mismatch after decryption).
 */
export function decryptEll(
  b: Uint8Array,
  ell: Ell,
  ma: Uint8Array,
  key: Uint8Array | undefined,
): WmbusResult<Uint8Array> {
  const crcAt = ell.end - 2;
  if (payloadCrcOk(b, crcAt)) return ok(b); // a replayed, already decrypted telegram
  if (key === undefined) {
    return fail("NO_KEY", "the ELL payload is AES-CTR encrypted and no key is known for this meter", {
      offset: crcAt,
      field: "key",
    });
  }
  const plain = ctr(key, ellIv(ma, ell.cc, ell.sessionNumber!), b.subarray(crcAt));
  const out = new Uint8Array(b);
  out.set(plain, crcAt);
  const sent = out[crcAt]! | (out[crcAt + 1]! << 8);
  const computed = crc16(out, crcAt + 2);
  if (sent !== computed) {
    return fail("WRONG_KEY", "ELL PayloadCRC after decryption does not match: wrong key", {
      offset: crcAt,
      expected: hex4(sent),
      actual: hex4(computed),
      field: "PayloadCRC",
    });
  }
  return ok(out);
}
