/**
 * EN 13757-3:2013 clause 6.2: the fixed headers of a variable data response.
 *   long header  (CI 0x72, 12 bytes): id (4 BCD, LSB first), manufacturer (2), version, medium,
 *                                     access number, status, signature (2)
 *   short header (CI 0x7A, 4 bytes):  access number, status, signature (2)
 */

import { mediumName } from "../tables/medium";
import { manufacturerLetters } from "./manufacturer";
import { bcdDigits } from "./values";

export const LONG_HEADER_LENGTH = 12;
export const SHORT_HEADER_LENGTH = 4;

/** Status byte (clause 6.2.6, table 7). */
export interface StatusFlags {
  /** Bits 1-0: 0 no error, 1 application busy, 2 any application error, 3 abnormal condition / alarm. */
  application: "ok" | "busy" | "error" | "alarm";
  powerLow: boolean;
  permanentError: boolean;
  temporaryError: boolean;
  /** Bits 7-5, manufacturer specific. */
  manufacturerBits: number;
}

export interface Medium {
  code: number;
  name: string;
}

export interface LongHeader {
  kind: "long";
  /** Identification number: 8 BCD digits, most significant first (non-decimal nibbles as hex letters). */
  id: string;
  manufacturer: string;
  manufacturerCode: number;
  version: number;
  medium: Medium;
  accessNumber: number;
  status: number;
  statusFlags: StatusFlags;
  signature: number;
}

export interface ShortHeader {
  kind: "short";
  accessNumber: number;
  status: number;
  statusFlags: StatusFlags;
  signature: number;
}

const APPLICATION = ["ok", "busy", "error", "alarm"] as const;

export function statusFlags(status: number): StatusFlags {
  return {
    application: APPLICATION[status & 0x03]!,
    powerLow: (status & 0x04) !== 0,
    permanentError: (status & 0x08) !== 0,
    temporaryError: (status & 0x10) !== 0,
    manufacturerBits: status >> 5,
  };
}

/** Caller guarantees 12 bytes at `at`. */
export function readLongHeader(b: Uint8Array, at: number): LongHeader {
  const man = b[at + 4]! | (b[at + 5]! << 8);
  const mediumCode = b[at + 7]!;
  const status = b[at + 9]!;
  return {
    kind: "long",
    id: bcdDigits(b, at, 4),
    manufacturer: manufacturerLetters(man),
    manufacturerCode: man,
    version: b[at + 6]!,
    medium: { code: mediumCode, name: mediumName(mediumCode) },
    accessNumber: b[at + 8]!,
    status,
    statusFlags: statusFlags(status),
    signature: b[at + 10]! | (b[at + 11]! << 8),
  };
}

/** Caller guarantees 4 bytes at `at`. */
export function readShortHeader(b: Uint8Array, at: number): ShortHeader {
  const status = b[at + 1]!;
  return {
    kind: "short",
    accessNumber: b[at]!,
    status,
    statusFlags: statusFlags(status),
    signature: b[at + 2]! | (b[at + 3]! << 8),
  };
}
