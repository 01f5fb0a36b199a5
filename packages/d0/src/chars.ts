/** The control characters of IEC 62056-21 (clause 6.3), as bytes. */
export const SOH = 0x01;
export const STX = 0x02;
export const ETX = 0x03;
export const EOT = 0x04;
export const ACK = 0x06;
export const NAK = 0x15;
export const CR = 0x0d;
export const LF = 0x0a;
export const START = 0x2f; // '/'
export const END = 0x21; // '!'
export const REQUEST = 0x3f; // '?'
export const OPEN = 0x28; // '('
export const CLOSE = 0x29; // ')'
export const STAR = 0x2a; // '*'

export function ascii(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "latin1"));
}

export function text(bytes: Uint8Array, from = 0, to = bytes.length): string {
  return Buffer.from(bytes.subarray(from, to)).toString("latin1");
}
