/**
 * EN 13757-3:2013 annex (informative) "Fixed data structure" (CI 0x73; 0x77 with MSB first is not
 * supported): id (4 BCD), access number, status, medium+units (2 bytes), counter 1 (4), counter 2 (4).
 * Status bit 7: counters binary (1) or BCD (0); bit 6: stored values (1) or actual values (0).
 * Medium: 2 bits from the top of each unit byte; unit: the low 6 bits (table of FIXED_UNITS).
 */
import { type DecodeResult, fail, ok } from "../errors";
import { FIXED_UNITS } from "../tables/fixed";
import { mediumName } from "../tables/medium";
import type { Medium } from "./header";
import { bcdDigits, readBcd, readUint } from "./values";

export const FIXED_DATA_LENGTH = 16;

export interface FixedCounter {
  /** Raw 6-bit unit code. */
  unitCode: number;
  quantity: string;
  unit: string;
  /** Scaled to the unit; null when a BCD counter holds a non-decimal digit. */
  value: number | null;
  raw: number | null;
  /** The 4 counter bytes as sent (a view). */
  bytes: Uint8Array;
}

export interface FixedData {
  type: "fixed";
  ci: number;
  id: string;
  accessNumber: number;
  status: number;
  function: "actual" | "stored";
  counterCoding: "bcd" | "binary";
  medium: Medium;
  counters: [FixedCounter, FixedCounter];
}

export function decodeFixedData(ci: number, b: Uint8Array, base: number): DecodeResult<FixedData> {
  if (b.length !== FIXED_DATA_LENGTH)
    return fail("FIXED_DATA_LENGTH", "fixed data structure must be 16 bytes", {
      offset: base + Math.min(b.length, FIXED_DATA_LENGTH),
      expected: FIXED_DATA_LENGTH,
      actual: b.length,
      field: "data",
    });
  const status = b[5]!;
  const binary = (status & 0x80) !== 0;
  const u1 = b[6]!;
  const u2 = b[7]!;
  const mediumCode = ((u1 & 0xc0) >> 6) | ((u2 & 0xc0) >> 4);
  const counter = (unitCode: number, at: number): FixedCounter => {
    const unit = FIXED_UNITS[unitCode]!;
    const raw = binary ? readUint(b, at, 4) : readBcd(b, at, 4);
    const valid = !Number.isNaN(raw);
    return {
      unitCode,
      quantity: unit.quantity,
      unit: unit.unit,
      value: valid ? (unit.factor < 1 ? raw / Math.round(1 / unit.factor) : raw * unit.factor) : null,
      raw: valid ? raw : null,
      bytes: b.subarray(at, at + 4),
    };
  };
  return ok({
    type: "fixed",
    ci,
    id: bcdDigits(b, 0, 4),
    accessNumber: b[4]!,
    status,
    function: (status & 0x40) !== 0 ? "stored" : "actual",
    counterCoding: binary ? "binary" : "bcd",
    medium: { code: mediumCode, name: mediumName(mediumCode) },
    counters: [counter(u1 & 0x3f, 8), counter(u2 & 0x3f, 12)],
  });
}
