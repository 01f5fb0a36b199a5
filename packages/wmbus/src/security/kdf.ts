/**
 * OMS Vol. 2 (issue 4.x) clause 9.5: derived keys of security mode 7 and the ELL.
 *   K = CMAC(Kmsg, DC || C || ID || 0x07 x 7), truncated to 16 bytes, with
 *   DC (derivation constant) 0x00 = Kenc (encryption, meter to other) and 0x01 = Kmac (MAC, meter to
 *   other); C = the AFL message counter (4 bytes, LSB first); ID = the meter's identification number
 *   (4 bytes as sent, LSB first); the padding 0x07 fills the input to one 16-byte block.
 */
import { cmac } from "./cmac";

export const DC_ENC_FROM_METER = 0x00;
export const DC_MAC_FROM_METER = 0x01;

export function deriveKey(key: Uint8Array, dc: number, counter: number, id: Uint8Array): Uint8Array {
  const input = new Uint8Array(16).fill(0x07);
  input[0] = dc;
  input[1] = counter & 0xff;
  input[2] = (counter >>> 8) & 0xff;
  input[3] = (counter >>> 16) & 0xff;
  input[4] = (counter >>> 24) & 0xff;
  input.set(id.subarray(0, 4), 5);
  return cmac(key, input);
}
