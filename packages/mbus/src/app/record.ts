/**
 * EN 13757-3:2013 clause 6.3-6.5: one data record = DIB (DIF + up to 10 DIFE) + VIB (VIF + up to 10 VIFE)
 * + data. Decoding is a single pass over the bytes with no exceptions and no per-byte allocation; VIF
 * meanings come from the precomputed 128-entry tables in ../tables.
 */
import { type DecodeResult, fail, hex2 } from "../errors";
import {
  type DataCoding,
  DIF_CODING,
  DIF_FUNCTION,
  DIF_SPECIAL,
  MAX_DIFE,
  MAX_VIFE,
  type RecordFunction,
} from "../tables/dif";
import type { VifEntry, VifValueKind } from "../tables/types";
import { FB_VIF } from "../tables/vif-fb";
import { FD_VIF } from "../tables/vif-fd";
import { PRIMARY_VIF, VIF_SPECIAL } from "../tables/vif-primary";
import { COMBINABLE_VIFE, RECORD_ERRORS } from "../tables/vife-combinable";
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

/** Which table gave the record its meaning. */
export type VifTable = "primary" | "fd" | "fb" | "plainText" | "manufacturer" | "none";

export type ValueKind = VifValueKind | "none";

export interface DataRecord {
  /** Offset of the DIF (in the frame when decoded through decodeTelegram, else in the user data). */
  offset: number;
  /** Idle filler bytes (DIF 0x2F) right before this record. */
  fillers: number;
  dif: number;
  dife: readonly number[];
  /** null for the manufacturer data block (DIF 0x0F/0x1F), which has no VIF. */
  vif: number | null;
  vife: readonly number[];
  /** The unit text of a plain-text VIF (0x7C/0xFC), in reading order. */
  plainText?: string;
  function: RecordFunction;
  storage: number;
  tariff: number;
  subunit: number;
  coding: DataCoding;
  table: VifTable;
  quantity: string;
  description: string;
  unit: string;
  /** Decimal exponent and factor applied to the raw value (incl. multiplicative VIFEs). */
  exponent: number;
  factor: number;
  /** Number (scaled), text, date `YYYY-MM-DD`, date-time `YYYY-MM-DDTHH:MM[:SS]`, time `HH:MM:SS`, or null. */
  value: number | string | null;
  valueKind: ValueKind;
  /** Raw data field (after the LVAR byte for variable length data): a view, not a copy. */
  data: Uint8Array;
  /** LVAR byte of variable-length data (coding "lvar"). */
  lvar?: number;
  /** Meanings of combinable VIFEs (EN 13757-3 table 15), e.g. "per hour". */
  extensions: readonly string[];
  /** Record error code from a VIFE 0x00-0x1F (table 16) and its text. */
  errorCode?: number;
  error?: string;
  /** Time marked invalid (IV bit of types F/I), or BCD with a non-decimal digit. */
  invalid?: boolean;
  summerTime?: boolean;
  /** The 7-bit year field of a type F/G/I date when it is beyond 99 (out of range; kept to re-encode). */
  rawYear?: number;
  /**
   * Bits of a date/time field that the value string does not carry (type F hundred-year and reserved
   * bits, type I day of week and week number, ...), little endian; kept so that encoding is byte-exact.
   */
  dateExtra?: number;
  /** Bytes of the record from its DIF to the end of its data (fillers before it not included). */
  length: number;
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

const EMPTY: readonly number[] = Object.freeze([]);
const NO_EXT: readonly string[] = Object.freeze([]);
const POW10: readonly number[] = (() => {
  const a: number[] = [];
  for (let i = 0; i <= 24; i++) a.push(10 ** i);
  return a;
})();

function scale(raw: number, factor: number, exponent: number): number {
  const v = factor === 1 ? raw : raw * factor;
  if (exponent === 0) return v;
  return exponent < 0 ? v / POW10[-exponent]! : v * POW10[exponent]!;
}

const RESERVED_ENTRY: VifEntry = Object.freeze({
  quantity: "reserved",
  description: "Reserved",
  unit: "",
  exponent: 0,
  factor: 1,
  kind: "number",
});
const PLAIN_ENTRY: VifEntry = Object.freeze({
  quantity: "plainText",
  description: "Plain text unit",
  unit: "",
  exponent: 0,
  factor: 1,
  kind: "number",
});
const MANUFACTURER_ENTRY: VifEntry = PRIMARY_VIF[VIF_SPECIAL.MANUFACTURER]!;

export interface RecordDecodeOk {
  record: DataRecord;
  next: number;
}

/**
 * Decodes the record whose DIF is at `pos` (the caller has skipped idle fillers and handled 0x0F/0x1F).
 * `base` is added to every offset (evidence points into the frame).
 */
export function decodeRecord(
  b: Uint8Array,
  pos: number,
  end: number,
  base: number,
  fillers: number,
): DecodeResult<RecordDecodeOk> {
  const start = pos;
  const dif = b[pos++]!;
  // clause 6.3.2: DIF = extension bit, storage LSB, function (2 bits), data field (4 bits)
  let storage = (dif >> 6) & 1;
  let tariff = 0;
  let subunit = 0;
  let dife: readonly number[] = EMPTY;
  if (dif & 0x80) {
    const list: number[] = [];
    let ext = true;
    while (ext) {
      if (pos >= end)
        return fail("PREMATURE_END", "data ended inside the DIFE chain", {
          offset: base + pos,
          field: "dife",
        });
      if (list.length === MAX_DIFE)
        return fail("TOO_MANY_DIFE", "more than 10 DIFEs (clause 6.3.4)", {
          offset: base + pos,
          expected: MAX_DIFE,
          actual: list.length + 1,
          field: "dife",
        });
      const e = b[pos++]!;
      const n = list.length;
      // clause 6.3.4: DIFE = extension, subunit bit, tariff (2 bits), storage (4 bits)
      storage += (e & 0x0f) * 2 ** (1 + 4 * n);
      tariff += ((e >> 4) & 0x03) * 2 ** (2 * n);
      subunit += ((e >> 6) & 1) * 2 ** n;
      list.push(e);
      ext = (e & 0x80) !== 0;
    }
    dife = list;
  }
  if (dif === DIF_SPECIAL.GLOBAL_READOUT) {
    return {
      ok: true,
      value: {
        record: bare(
          start + base,
          fillers,
          dif,
          dife,
          "globalReadout",
          storage,
          tariff,
          subunit,
          b.subarray(pos, pos),
        ),
        next: pos,
      },
    };
  }
  const dataField = dif & 0x0f;
  if (dataField === 0x0f)
    return fail("BAD_VALUE", `reserved special DIF ${hex2(dif)} (table 6)`, {
      offset: base + start,
      actual: dif,
      field: "dif",
    });
  const codingInfo = DIF_CODING[dataField]!;
  const fn = DIF_FUNCTION[(dif >> 4) & 0x03]!;

  // clause 6.4: VIF and VIFEs
  if (pos >= end)
    return fail("PREMATURE_END", "data ended before the VIF", { offset: base + pos, field: "vif" });
  const vif = b[pos++]!;
  const v7 = vif & 0x7f;
  let entry: VifEntry | undefined;
  let table: VifTable = "primary";
  let plainText: string | undefined;
  let vifeStartsCombinable = 0; // index in vife[] from which VIFEs are combinable (table 15)
  let manufacturerVifes = false;
  const vife: number[] | null = vif & 0x80 ? [] : null;

  if (v7 === VIF_SPECIAL.PLAIN_TEXT) {
    // clause 6.4.3: the unit follows as text: length byte, then the characters (last first)
    if (pos >= end)
      return fail("PREMATURE_END", "data ended before the plain-text VIF length", {
        offset: base + pos,
        field: "plainText",
      });
    const len = b[pos++]!;
    if (pos + len > end)
      return fail("PREMATURE_END", "plain-text VIF longer than the remaining data", {
        offset: base + pos - 1,
        expected: len,
        actual: end - pos,
        field: "plainText",
      });
    plainText = readReversedText(b, pos, len);
    pos += len;
    entry = PLAIN_ENTRY;
    table = "plainText";
  } else if (v7 === VIF_SPECIAL.EXTENSION_FD || v7 === VIF_SPECIAL.EXTENSION_FB) {
    if (!vife || pos >= end)
      return fail("PREMATURE_END", "extension VIF without its VIFE", { offset: base + pos, field: "vife" });
    const x = b[pos++]!;
    vife.push(x);
    table = v7 === VIF_SPECIAL.EXTENSION_FD ? "fd" : "fb";
    entry = (table === "fd" ? FD_VIF : FB_VIF)[x & 0x7f] ?? RESERVED_ENTRY;
    vifeStartsCombinable = 1;
  } else if (v7 === VIF_SPECIAL.MANUFACTURER) {
    entry = MANUFACTURER_ENTRY;
    table = "manufacturer";
    manufacturerVifes = true;
  } else {
    entry = PRIMARY_VIF[v7] ?? RESERVED_ENTRY;
  }

  let exponent = entry.exponent;
  const factor = entry.factor;
  let unit = entry.unit;
  let extensions: string[] | null = null;
  let errorCode: number | undefined;
  if (vife) {
    let ext = vife.length === 0 ? true : (vife[0]! & 0x80) !== 0;
    while (ext) {
      if (pos >= end)
        return fail("PREMATURE_END", "data ended inside the VIFE chain", {
          offset: base + pos,
          field: "vife",
        });
      if (vife.length === MAX_VIFE)
        return fail("TOO_MANY_VIFE", "more than 10 VIFEs (clause 6.4.1)", {
          offset: base + pos,
          expected: MAX_VIFE,
          actual: vife.length + 1,
          field: "vife",
        });
      const x = b[pos++]!;
      vife.push(x);
      ext = (x & 0x80) !== 0;
    }
    // table 15: combinable VIFEs
    for (let i = vifeStartsCombinable; i < vife.length && !manufacturerVifes; i++) {
      const e = COMBINABLE_VIFE[vife[i]! & 0x7f]!;
      if (extensions === null) extensions = [];
      extensions.push(e.description);
      switch (e.effect) {
        case "error":
          errorCode = vife[i]! & 0x1f;
          break;
        case "per":
          unit = unit === "" ? `1${e.suffix}` : unit + e.suffix;
          break;
        case "scale":
          exponent += e.exponent!;
          break;
        case "manufacturer":
          manufacturerVifes = true;
          break;
        default:
          break;
      }
    }
  }

  // clause 6.5: data field
  let len = codingInfo.length;
  let lvar: number | undefined;
  let coding = codingInfo.coding;
  if (len < 0) {
    if (pos >= end)
      return fail("PREMATURE_END", "data ended before the LVAR byte", { offset: base + pos, field: "lvar" });
    lvar = b[pos++]!;
    len = lvarLength(lvar);
    if (len < 0)
      return fail("BAD_LVAR", `reserved LVAR ${hex2(lvar)} (annex A, table A.1)`, {
        offset: base + pos - 1,
        actual: lvar,
        field: "lvar",
      });
    coding = "lvar";
  }
  if (pos + len > end)
    return fail("PREMATURE_END", "data ended inside the data field", {
      offset: base + pos,
      expected: len,
      actual: end - pos,
      field: "data",
    });
  const at = pos;
  pos += len;

  let value: number | string | null = null;
  let valueKind: ValueKind = len === 0 ? "none" : "number";
  let invalid: boolean | undefined;
  let summerTime: boolean | undefined;
  let dateAt = -1;
  let dateExtra: number | undefined;
  const kind = entry.kind;
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
        dateAt = at;
        dateExtra = extraBits(b, at, EXTRA_MASK.G);
      } else if (len === 4 && coding === "int32" && kind !== "dst") {
        value = typeF(b, at);
        valueKind = "dateTime";
        invalid = typeFInvalid(b, at);
        summerTime = typeFSummerTime(b, at);
        dateAt = at + 2;
        dateExtra = extraBits(b, at, EXTRA_MASK.F);
      } else if (len === 4 && coding === "int32") {
        value = typeK(b, at);
        valueKind = "dst";
        dateExtra = extraBits(b, at, EXTRA_MASK.K);
      } else if (len === 6 && coding === "int48") {
        value = typeI(b, at);
        valueKind = "dateTime";
        invalid = typeIInvalid(b, at);
        dateAt = at + 3;
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

  let rawYear: number | undefined;
  if (dateAt >= 0) {
    const y = ((b[dateAt]! & 0xe0) >> 5) | ((b[dateAt + 1]! & 0xf0) >> 1);
    if (y > 99) rawYear = y;
  }
  // every field in one literal, optional ones possibly undefined: one object shape for all records
  const record: DataRecord = {
    offset: base + start,
    fillers,
    dif,
    dife,
    vif,
    vife: vife ?? EMPTY,
    plainText,
    function: fn,
    storage,
    tariff,
    subunit,
    coding,
    table,
    quantity: entry.quantity,
    description: entry.description,
    unit: plainText === undefined ? unit : unit === "" ? plainText : plainText + unit.slice(1),
    exponent,
    factor,
    value,
    valueKind,
    data: b.subarray(at, pos),
    lvar,
    extensions: extensions ?? NO_EXT,
    errorCode,
    error: errorCode === undefined ? undefined : RECORD_ERRORS[errorCode]!,
    invalid: invalid ? true : undefined,
    summerTime: summerTime ? true : undefined,
    rawYear,
    dateExtra,
    length: pos - start,
  };
  return { ok: true, value: { record, next: pos } };
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

/** A record without VIF and value: manufacturer data block or global readout request. */
export function bare(
  offset: number,
  fillers: number,
  dif: number,
  dife: readonly number[],
  fn: RecordFunction,
  storage: number,
  tariff: number,
  subunit: number,
  data: Uint8Array,
): DataRecord {
  const manufacturer = fn === "manufacturer" || fn === "moreRecordsFollow";
  return {
    offset,
    fillers,
    dif,
    dife,
    vif: null,
    vife: EMPTY,
    plainText: undefined,
    function: fn,
    storage,
    tariff,
    subunit,
    coding: "none",
    table: "none",
    quantity: manufacturer ? "manufacturerData" : "globalReadout",
    description: manufacturer ? "Manufacturer specific data" : "Global readout request",
    unit: "",
    exponent: 0,
    factor: 1,
    value: null,
    valueKind: data.length > 0 ? "bytes" : "none",
    data,
    lvar: undefined,
    extensions: NO_EXT,
    errorCode: undefined,
    error: undefined,
    invalid: undefined,
    summerTime: undefined,
    rawYear: undefined,
    dateExtra: undefined,
    length: 1 + data.length,
  };
}
