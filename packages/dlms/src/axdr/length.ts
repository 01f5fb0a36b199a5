import { DlmsError } from "../errors";

/**
 * The variable-length length of A-XDR (IEC 61334-6 / Green Book 9.5) and of BER (X.690 8.1.3):
 * one byte below 0x80, else 0x80|n followed by n big-endian bytes.
 */
export interface LengthRead {
  readonly length: number;
  /** Offset just after the length bytes. */
  readonly next: number;
}

export function readLength(bytes: Uint8Array, offset: number, field: string): LengthRead {
  if (offset >= bytes.length) {
    throw new DlmsError("AXDR_TRUNCATED", "axdr", `${field}: length missing`, {
      offset,
      field,
      expected: "1 byte",
      actual: 0,
    });
  }
  const first = bytes[offset]!;
  if (first < 0x80) return { length: first, next: offset + 1 };
  const n = first & 0x7f;
  // X.690 8.1.3.5: indefinite form (0x80) is not allowed in A-XDR; lengths beyond 4 bytes cannot fit a frame.
  if (n === 0 || n > 4) {
    throw new DlmsError("AXDR_LENGTH", "axdr", `${field}: unsupported length form 0x${first.toString(16)}`, {
      offset,
      field,
      expected: "0x81..0x84",
      actual: first,
    });
  }
  if (offset + 1 + n > bytes.length) {
    throw new DlmsError("AXDR_TRUNCATED", "axdr", `${field}: length bytes cut off`, {
      offset,
      field,
      expected: n,
      actual: bytes.length - offset - 1,
    });
  }
  let length = 0;
  for (let i = 0; i < n; i++) length = length * 256 + bytes[offset + 1 + i]!;
  return { length, next: offset + 1 + n };
}

export function encodeLength(length: number): number[] {
  if (length < 0x80) return [length];
  if (length < 0x100) return [0x81, length];
  if (length < 0x10000) return [0x82, length >> 8, length & 0xff];
  return [0x84, (length >>> 24) & 0xff, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff];
}
