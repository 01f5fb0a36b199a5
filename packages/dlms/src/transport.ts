import { isKnownApduTag } from "./apdu/tags";
import { HDLC_FLAG, HDLC_FORMAT_TYPE } from "./hdlc/frame";

export type DlmsTransport = "mbus" | "hdlc" | "raw";

/**
 * Picks the transport by structure (first bytes), never by trying decoders:
 * - M-Bus long frame `68 L L 68` (EN 13757-2 5.4) whose CI is a DLMS segment (0x00-0x1F) -> mbus
 * - HDLC flag 7E and frame format type 0xA (IEC 62056-46 6.4.4.1) -> hdlc
 * - a push APDU tag (0F, DB, DC, DD, E0) -> raw
 */
export function detectTransport(b: Uint8Array): DlmsTransport | undefined {
  if (b.length >= 7 && b[0] === 0x68 && b[3] === 0x68 && b[1] === b[2] && b[6]! <= 0x1f) return "mbus";
  if (b.length >= 3 && b[0] === HDLC_FLAG && b[1]! >> 4 === HDLC_FORMAT_TYPE) return "hdlc";
  if (isKnownApduTag(b[0])) return "raw";
  return undefined;
}
