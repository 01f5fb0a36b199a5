/**
 * EN 13757-3:2013 clause 6.5 and annex A: the data field of a record, read as the DIF's coding and the
 * VIF's kind say: integers (type B), BCD (type A), real32 (type H), LVAR (table A.1: text, BCD, binary),
 * dates and times (types F, G, I, J, K). Values are scaled by the VIB's factor and decimal exponent.
 * Fills a caller-owned scratch object; returns an error or null.
 */
import { hex2, MbusError } from "../errors";
import type { DataCoding } from "../tables/dif";
import type { VifValueKind } from "../tables/types";
import {
  readBcd,
  readInt,
  readReal32,
  readReversedText,
  typeF,
  typeFInvalid,
  typeFSummerTime,
  typeG,
  typeI,
  typeIInvalid,
  typeJ,
  typeK,
} from "./values";

export type ValueKind = VifValueKind | "none";

export interface DataField {
  coding: DataCoding;
  lvar: number | undefined;
  /** Start and end of the data bytes (after the LVAR byte). */
  at: number;
  next: number;
  value: number | string | null;
  valueKind: ValueKind;
  invalid: boolean;
  summerTime: boolean;
  rawYear: number | undefined;
  dateExtra: number | undefined;
}

export function newDataField(): DataField {
  return {
    coding: "none",
    lvar: undefined,
    at: 0,
    next: 0,
    value: null,
    valueKind: "none",
    invalid: false,
    summerTime: false,
    rawYear: undefined,
    dateExtra: undefined,
  };
}

/** Annex A table A.1: length of variable-length data from its LVAR byte; -1 when reserved. */
export function lvarLength(lvar: number): number {
  if (lvar <= 0xbf) return lvar; // 8-bit text
  if (lvar <= 0xcf) return lvar <= 0xc9 ? lvar - 0xc0 : -1; // positive BCD, LVAR-C0h bytes
  if (lvar <= 0xdf) return lvar <= 0xd9 ? lvar - 0xd0 : -1; // negative BCD
  if (lvar <= 0xef) return lvar - 0xe0; // binary number, LVAR-E0h bytes
  if (lvar <= 0xf4) return 4 * (lvar - 0xec); // binary number, 4*(LVAR-ECh) bytes: F0h = 16 .. F4h = 32
  if (lvar === 0xf5) return 48;
  if (lvar === 0xf6) return 64;
  return -1; // F7h-FFh reserved
}

const POW10: readonly number[] = (() => {
  const a: number[] = [];
  for (let i = 0; i <= 24; i++) a.push(10 ** i);
  return a;
})();

/** raw x factor x 10^exponent; negative exponents divide (the nearest double to e.g. 707/10^6). */
export function scale(raw: number, factor: number, exponent: number): number {
  const v = factor === 1 ? raw : raw * factor;
  if (exponent === 0) return v;
  return exponent < 0 ? v / POW10[-exponent]! : v * POW10[exponent]!;
}

/** Per date/time type: the bits of each byte that the value string does not carry. */
const EXTRA_MASK = {
  G: [0, 0],
  F: [0x40, 0x60, 0, 0],
  I: [0xc0, 0x40, 0xe0, 0, 0, 0xff],
  J: [0xc0, 0xc0, 0xe0],
  K: [0x20, 0, 0, 0],
} as const;

function extraBits(b: Uint8Array, at: number, mask: readonly number[]): number | undefined {
  let v = 0;
  for (let i = mask.length - 1; i >= 0; i--) v = v * 256 + (b[at + i]! & mask[i]!);
  return v === 0 ? undefined : v;
}

/** The 7-bit year of a type F/G/I date whose day byte is at `at`, when beyond 99. */
function yearBeyond99(b: Uint8Array, at: number): number | undefined {
  const y = ((b[at]! & 0xe0) >> 5) | ((b[at + 1]! & 0xf0) >> 1);
  return y > 99 ? y : undefined;
}

function numeric(
  b: Uint8Array,
  at: number,
  len: number,
  coding: DataCoding,
  factor: number,
  exponent: number,
): number | null {
  switch (coding) {
    case "int8":
    case "int16":
    case "int24":
    case "int32":
    case "int48":
    case "int64":
      return scale(readInt(b, at, len), factor, exponent);
    case "real32": {
      // NaN has many bit patterns; report it as no value (the raw data field keeps the bits)
      const f = readReal32(b, at);
      return Number.isNaN(f) ? null : scale(f, factor, exponent);
    }
    case "bcd2":
    case "bcd4":
    case "bcd6":
    case "bcd8":
    case "bcd12": {
      const v = readBcd(b, at, len);
      return Number.isNaN(v) ? null : scale(v, factor, exponent);
    }
    default:
      return null;
  }
}

/**
 * Reads the data field at `pos`: `length` bytes as the DIF says (-1 = an LVAR byte first), interpreted
 * by `kind` (the VIF's value kind), scaled by `factor` and `exponent`.
 */
export function readDataField(
  b: Uint8Array,
  pos: number,
  end: number,
  base: number,
  coding: DataCoding,
  length: number,
  kind: VifValueKind,
  factor: number,
  exponent: number,
  out: DataField,
): MbusError | null {
  let len = length;
  let lvar: number | undefined;
  if (len < 0) {
    if (pos >= end)
      return new MbusError("PREMATURE_END", "data ended before the LVAR byte", {
        offset: base + pos,
        field: "lvar",
      });
    lvar = b[pos++]!;
    len = lvarLength(lvar);
    if (len < 0)
      return new MbusError("BAD_LVAR", `reserved LVAR ${hex2(lvar)} (annex A, table A.1)`, {
        offset: base + pos - 1,
        actual: lvar,
        field: "lvar",
      });
  }
  if (pos + len > end)
    return new MbusError("PREMATURE_END", "data ended inside the data field", {
      offset: base + pos,
      expected: len,
      actual: end - pos,
      field: "data",
    });
  const at = pos;
  let value: number | string | null = null;
  let valueKind: ValueKind = len === 0 ? "none" : "number";
  let invalid = false;
  let summerTime = false;
  let rawYear: number | undefined;
  let dateExtra: number | undefined;
  if (len > 0) {
    if (lvar !== undefined) {
      if (lvar < 0xc0) {
        value = readReversedText(b, at, len);
        valueKind = "text";
      } else if (lvar < 0xe0) {
        const v = readBcd(b, at, len);
        if (Number.isNaN(v)) invalid = true;
        else value = scale(lvar >= 0xd0 ? -v : v, factor, exponent);
      } else if (len <= 8) {
        value = scale(readInt(b, at, len), factor, exponent);
      } else {
        valueKind = "bytes";
      }
    } else if (kind === "date" || kind === "dateTime" || kind === "time" || kind === "dst") {
      if (len === 2 && coding === "int16") {
        value = typeG(b, at);
        valueKind = "date";
        rawYear = yearBeyond99(b, at);
        dateExtra = extraBits(b, at, EXTRA_MASK.G);
      } else if (len === 4 && coding === "int32" && kind !== "dst") {
        value = typeF(b, at);
        valueKind = "dateTime";
        invalid = typeFInvalid(b, at);
        summerTime = typeFSummerTime(b, at);
        rawYear = yearBeyond99(b, at + 2);
        dateExtra = extraBits(b, at, EXTRA_MASK.F);
      } else if (len === 4 && coding === "int32") {
        value = typeK(b, at);
        valueKind = "dst";
        dateExtra = extraBits(b, at, EXTRA_MASK.K);
      } else if (len === 6 && coding === "int48") {
        value = typeI(b, at);
        valueKind = "dateTime";
        invalid = typeIInvalid(b, at);
        rawYear = yearBeyond99(b, at + 3);
        dateExtra = extraBits(b, at, EXTRA_MASK.I);
      } else if (len === 3 && coding === "int24") {
        value = typeJ(b, at);
        valueKind = "time";
        dateExtra = extraBits(b, at, EXTRA_MASK.J);
      } else {
        value = numeric(b, at, len, coding, factor, exponent);
        if (value === null) invalid = true;
      }
    } else if (kind === "bytes") {
      valueKind = "bytes";
    } else {
      value = numeric(b, at, len, coding, factor, exponent);
      if (value === null) invalid = true;
    }
  }
  out.coding = lvar === undefined ? coding : "lvar";
  out.lvar = lvar;
  out.at = at;
  out.next = at + len;
  out.value = value;
  out.valueKind = valueKind;
  out.invalid = invalid;
  out.summerTime = summerTime;
  out.rawYear = rawYear;
  out.dateExtra = dateExtra;
  return null;
}
