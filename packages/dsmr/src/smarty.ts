/**
 * Luxembourg Smarty P1 encryption (Smarty P1 specification v1.1.3 §3.2.5, a DLMS general-glo-ciphering
 * frame): `DB | 08 | system title (8) | 82 | length (2, big-endian) | 30 | frame counter (4) |
 * ciphertext | GCM tag (12)`. Length counts security byte, frame counter, ciphertext and tag.
 * AES-128-GCM with IV = system title || frame counter and AAD = 0x30 || authentication key (the AAD is
 * the security byte alone when no authentication key is given). The plaintext is an ordinary P1
 * telegram. Keys never appear in errors.
 */
import { createCipheriv, createDecipheriv } from "node:crypto";
import { DsmrError } from "./errors";

export const SMARTY_TAG = 0xdb;
const SECURITY_BYTE = 0x30;
const TAG_LENGTH = 12;

export interface SmartyKeys {
  /** AES-128 key, 16 bytes or 32 hex digits. */
  readonly key: Uint8Array | string;
  readonly authKey?: Uint8Array | string;
}

export interface SmartyFrame {
  readonly systemTitle: Uint8Array;
  readonly frameCounter: number;
  readonly ciphertext: Uint8Array;
  readonly tag: Uint8Array;
  /** Bytes the frame occupies. */
  readonly length: number;
}

export function isSmartyFrame(bytes: Uint8Array): boolean {
  return bytes[0] === SMARTY_TAG;
}

/** Split a Smarty frame into its fields (no key needed). */
export function parseSmartyFrame(bytes: Uint8Array): SmartyFrame {
  need(bytes, 2, "header");
  if (bytes[0] !== SMARTY_TAG)
    throw frameError(`frame starts 0x${hex1(bytes[0])}, not 0xDB`, 0, "0xDB", hex1(bytes[0]));
  const titleLength = bytes[1] as number;
  if (titleLength !== 8) throw frameError("system title length is not 8", 1, 8, titleLength);
  need(bytes, 13, "length");
  if (bytes[10] !== 0x82)
    throw frameError("length field is not the two-byte form 0x82", 10, "0x82", hex1(bytes[10]));
  const length = ((bytes[11] as number) << 8) | (bytes[12] as number);
  if (length < 5 + TAG_LENGTH)
    throw frameError("length too small for security byte, counter and tag", 11, 5 + TAG_LENGTH, length);
  need(bytes, 13 + length, "payload");
  if (bytes[13] !== SECURITY_BYTE) throw frameError("security byte is not 0x30", 13, "0x30", hex1(bytes[13]));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = 13 + length;
  return {
    systemTitle: bytes.subarray(2, 10),
    frameCounter: view.getUint32(14),
    ciphertext: bytes.subarray(18, end - TAG_LENGTH),
    tag: bytes.subarray(end - TAG_LENGTH, end),
    length: end,
  };
}

/** Decrypt and authenticate; a wrong key or a changed byte is DECRYPT_FAILED, never garbage. */
export function decryptSmarty(bytes: Uint8Array, keys: SmartyKeys): Uint8Array {
  const frame = parseSmartyFrame(bytes);
  const key = keyBytes(keys.key, "key");
  const decipher = createDecipheriv("aes-128-gcm", key, iv(frame.systemTitle, frame.frameCounter), {
    authTagLength: TAG_LENGTH,
  });
  decipher.setAAD(aad(keys.authKey));
  decipher.setAuthTag(frame.tag);
  const body = decipher.update(frame.ciphertext);
  try {
    return new Uint8Array(Buffer.concat([body, decipher.final()]));
  } catch {
    throw new DsmrError(
      "DECRYPT_FAILED",
      "GCM tag check failed: wrong key or authentication key, or a changed byte",
      {
        offset: frame.length - TAG_LENGTH,
        field: "tag",
        actual: `frame counter ${frame.frameCounter}, system title ${Buffer.from(frame.systemTitle).toString("hex")}`,
      },
    );
  }
}

export interface SmartyEncryptOptions extends SmartyKeys {
  readonly systemTitle: Uint8Array;
  readonly frameCounter: number;
}

/** The inverse, for tests and the simulator. */
export function encryptSmarty(plaintext: Uint8Array, o: SmartyEncryptOptions): Uint8Array {
  if (o.systemTitle.length !== 8)
    throw new DsmrError("ENCODE", "system title must be 8 bytes", {
      offset: 2,
      actual: o.systemTitle.length,
    });
  const cipher = createCipheriv("aes-128-gcm", keyBytes(o.key, "key"), iv(o.systemTitle, o.frameCounter), {
    authTagLength: TAG_LENGTH,
  });
  cipher.setAAD(aad(o.authKey));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const tag = cipher.getAuthTag();
  const length = 5 + ct.length + TAG_LENGTH;
  if (length > 0xffff)
    throw new DsmrError("ENCODE", "telegram too long for a Smarty frame", { offset: 11, actual: length });
  const head = Buffer.alloc(18);
  head[0] = SMARTY_TAG;
  head[1] = 8;
  head.set(o.systemTitle, 2);
  head[10] = 0x82;
  head.writeUInt16BE(length, 11);
  head[13] = SECURITY_BYTE;
  head.writeUInt32BE(o.frameCounter >>> 0, 14);
  return new Uint8Array(Buffer.concat([head, ct, tag]));
}

function iv(systemTitle: Uint8Array, frameCounter: number): Buffer {
  const b = Buffer.alloc(12);
  b.set(systemTitle, 0);
  b.writeUInt32BE(frameCounter >>> 0, 8);
  return b;
}

function aad(authKey: Uint8Array | string | undefined): Buffer {
  return authKey === undefined
    ? Buffer.of(SECURITY_BYTE)
    : Buffer.concat([Buffer.of(SECURITY_BYTE), keyBytes(authKey, "authKey")]);
}

function keyBytes(k: Uint8Array | string, field: string): Buffer {
  const b =
    typeof k === "string"
      ? /^[0-9A-Fa-f]{32}$/.test(k)
        ? Buffer.from(k, "hex")
        : Buffer.alloc(0)
      : Buffer.from(k);
  if (b.length !== 16) {
    // the length only: the key itself never goes into an error
    throw new DsmrError("BAD_KEY", `${field} must be 16 bytes (32 hex digits)`, {
      offset: 0,
      field,
      expected: 16,
      actual: typeof k === "string" ? `${k.length} characters` : `${k.length} bytes`,
    });
  }
  return b;
}

function need(bytes: Uint8Array, n: number, field: string): void {
  if (bytes.length < n) throw frameError(`frame truncated in ${field}`, bytes.length, n, bytes.length);
}

function frameError(
  message: string,
  offset: number,
  expected: number | string,
  actual: number | string,
): DsmrError {
  return new DsmrError("BAD_FRAME", message, { offset, expected, actual });
}

function hex1(b: number | undefined): string {
  return (b ?? 0).toString(16).padStart(2, "0").toUpperCase();
}
