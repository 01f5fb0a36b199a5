/** EN 13757-3 clause 6.3.3 (manufacturer id as in EN 62056-21): three letters packed 5 bits each. */
import { MbusError } from "../errors";

/** 2-byte manufacturer code to its three letters. */
export function manufacturerLetters(code: number): string {
  return String.fromCharCode(((code >> 10) & 0x1f) + 64, ((code >> 5) & 0x1f) + 64, (code & 0x1f) + 64);
}

/**
 * Three letters to the 2-byte code; throws MbusError("ENCODE") on characters outside "@A-Z[\\]^_" (the 32
 * values a 5-bit field can hold; only A-Z are assigned, the others appear in damaged or test frames).
 */
export function manufacturerCode(letters: string): number {
  if (letters.length !== 3)
    throw new MbusError("ENCODE", "manufacturer needs 3 letters", {
      offset: 0,
      field: "manufacturer",
      actual: letters,
    });
  let code = 0;
  for (let i = 0; i < 3; i++) {
    let c = letters.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) c -= 0x20; // lower case letters
    if (c < 0x40 || c > 0x5f)
      throw new MbusError("ENCODE", "manufacturer letters must be A-Z", {
        offset: 0,
        field: "manufacturer",
        actual: letters,
      });
    code = (code << 5) | (c - 64);
  }
  return code;
}
