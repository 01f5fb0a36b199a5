import { obisFromBytes } from "@omdp/model";

/**
 * OBIS codes (IEC 62056-61): six value groups A..F. The telegram carries them as a 6-byte octet string
 * (the COSEM logical name); we write them `A.B.C.D.E.F` (as the corpus does) and `A-B:C.D.E` as property ids.
 */
export function formatObis(b: ArrayLike<number>): string {
  return `${b[0]}.${b[1]}.${b[2]}.${b[3]}.${b[4]}.${b[5]}`;
}

const DOTTED = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const REDUCED = /^(\d{1,3})-(\d{1,3}):(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\*(\d{1,3}))?$/;

/** `1.0.1.8.0.255`, `1-0:1.8.0*255` or `1-0:1.8.0` (F = 255) to the six bytes; undefined if malformed. */
export function parseObis(text: string): Uint8Array | undefined {
  const m = DOTTED.exec(text) ?? REDUCED.exec(text);
  if (!m) return undefined;
  const groups = m.slice(1, 7).map((g) => (g === undefined ? 255 : Number(g)));
  if (groups.some((g) => g > 255)) return undefined;
  return Uint8Array.from(groups);
}

/** `A.B.C.D.E.F` to the platform's property id `A-B:C.D.E` (F = 255 implied, kept as `*F` otherwise). */
export function obisToPropertyId(obis: string): string | undefined {
  const b = parseObis(obis);
  return b ? obisFromBytes(b) : undefined;
}

/** Well-known logical names used by the conventions and the normaliser. */
export const LOGICAL_NAME = {
  clock: "0.0.1.0.0.255",
  deviceId1: "0.0.96.1.0.255",
  deviceId2: "0.0.96.1.1.255",
  meterType: "0.0.96.1.7.255",
  listVersion: "1.1.0.2.129.255",
  logicalDeviceName: "0.0.42.0.0.255",
} as const;
