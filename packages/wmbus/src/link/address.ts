/**
 * EN 13757-4:2019 clause 12.5: the link-layer fields after L.
 *   C (clause 12.5.2): function code in bits 3-0 (table 11: SND-NR 0x44, SND-IR 0x46, ACC-NR 0x47,
 *     ACC-DMD 0x48, RSP-UD 0x08, ...), bit 6 PRM (1 = from the primary station, the meter).
 *   M (clause 12.5.3): manufacturer, EN 13757-3 clause 6.2.2 (three letters, 5 bits each), LSB first.
 *   A (clause 12.5.4): identification number (4 bytes BCD, LSB first), version, device type (medium,
 *     EN 13757-3 table 6).
 */
import { manufacturerLetters, mediumName } from "@omdp/mbus";

/** Names of the C-field values of EN 13757-4 table 11 (and EN 13757-2 for the response). */
export const C_FIELD: Readonly<Record<number, string>> = {
  64: "SND-NKE",
  68: "SND-NR",
  70: "SND-IR",
  71: "ACC-NR",
  72: "ACC-DMD",
  83: "SND-UD",
  115: "SND-UD",
  90: "REQ-UD1",
  122: "REQ-UD1",
  91: "REQ-UD2",
  123: "REQ-UD2",
  0: "ACK",
  6: "CNF-IR",
  8: "RSP-UD",
  24: "RSP-UD",
  40: "RSP-UD",
  56: "RSP-UD",
};

export interface LinkAddress {
  /** The identification number as the meter prints it (8 digits, hex letters lower case). */
  id: string;
  manufacturer: string;
  manufacturerCode: number;
  version: number;
  deviceType: number;
  deviceTypeName: string;
}

export interface LinkHeader extends LinkAddress {
  length: number;
  c: number;
  cName: string;
}

/** `id` of 4 BCD bytes LSB first at `at`: most significant digit first. */
export function idString(b: Uint8Array, at: number): string {
  let s = "";
  for (let i = 3; i >= 0; i--) s += b[at + i]!.toString(16).padStart(2, "0");
  return s;
}

/** Manufacturer (2), id (4), version, device type from `at` (EN 13757-4 order M then A). */
export function readAddress(b: Uint8Array, at: number): LinkAddress {
  const m = b[at]! | (b[at + 1]! << 8);
  const deviceType = b[at + 7]!;
  return {
    id: idString(b, at + 2),
    manufacturer: manufacturerLetters(m),
    manufacturerCode: m,
    version: b[at + 6]!,
    deviceType,
    deviceTypeName: mediumName(deviceType),
  };
}

/** Caller guarantees 10 bytes (L C M A). */
export function readLinkHeader(b: Uint8Array): LinkHeader {
  const c = b[1]!;
  return { length: b[0]!, c, cName: C_FIELD[c] ?? "unknown", ...readAddress(b, 2) };
}
