/**
 * EN 13757-2 clause 5.5: control field (C) codes, as data.
 * Bit 6 (0x40) is PRM: 1 = frame from the primary station (master), 0 = from a secondary (slave).
 * Bit 5 (0x20) is FCB (master frames) or ACD (slave frames); bit 4 (0x10) is FCV (master) or DFC (slave).
 */
export const C = {
  SND_NKE: 0x40,
  SND_UD: 0x53,
  SND_UD_FCB: 0x73,
  REQ_UD1: 0x5a,
  REQ_UD1_FCB: 0x7a,
  REQ_UD2: 0x5b,
  REQ_UD2_FCB: 0x7b,
  RSP_UD: 0x08,
  RSP_UD_ACD: 0x28,
  RSP_UD_DFC: 0x18,
  RSP_UD_ACD_DFC: 0x38,
  ACK: 0xe5,
} as const;

/** Control-field bit masks (EN 13757-2 clause 5.5). */
export const C_BITS = {
  PRM: 0x40,
  FCB: 0x20,
  FCV: 0x10,
  ACD: 0x20,
  DFC: 0x10,
  FUNCTION: 0x0f,
} as const;

/** Frame start, stop and single-character bytes (EN 13757-2 clause 5.4 / IEC 60870-5-1 FT 1.2). */
export const BYTE = {
  ACK: 0xe5,
  SHORT_START: 0x10,
  LONG_START: 0x68,
  STOP: 0x16,
} as const;

/** Reserved primary addresses (EN 13757-2 clause 5.6). */
export const ADDRESS = {
  UNCONFIGURED: 0x00,
  NETWORK_LAYER: 0xfd,
  BROADCAST_REPLY: 0xfe,
  BROADCAST_NO_REPLY: 0xff,
} as const;

/** True when the frame comes from the master (PRM bit set). */
export function isFromMaster(control: number): boolean {
  return (control & C_BITS.PRM) !== 0;
}
