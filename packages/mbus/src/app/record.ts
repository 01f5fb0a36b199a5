/**
 * EN 13757-3:2013 clause 6.3-6.5: one data record = DIB (dib.ts) + VIB (vib.ts) + data field
 * (data-field.ts). Decoding is a single pass with no exceptions; the three readers fill scratch objects
 * owned by this module (decoding is synchronous, so one set serves every call) and the record is built
 * as one object literal with every field, so all records share one shape.
 */
import type { MbusError } from "../errors";
import type { DataCoding, RecordFunction } from "../tables/dif";
import { RECORD_ERRORS } from "../tables/vife-combinable";
import { type DataField, lvarLength, newDataField, readDataField, type ValueKind } from "./data-field";
import { EMPTY_BYTES, newDib, readDib } from "./dib";
import { NO_EXTENSIONS, newVib, readVib, type VifTable } from "./vib";

export type { ValueKind } from "./data-field";
export type { VifTable } from "./vib";

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

export interface RecordDecodeOk {
  record: DataRecord;
  next: number;
}

/**
 * A record's outcome. On failure `next` is where the next record starts when this record's length is
 * still known (its DIB and VIB were read and the DIF gives the data length), else null.
 */
export type RecordDecodeResult =
  | { ok: true; value: RecordDecodeOk }
  | { ok: false; error: MbusError; next: number | null };

const dib = newDib();
const vib = newVib();
const field: DataField = newDataField();

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
): RecordDecodeResult {
  const start = pos;
  let e = readDib(b, pos, end, base, dib);
  // a broken DIB (chain past the data or beyond 10 DIFEs, reserved DIF) leaves the length unknown
  if (e) return { ok: false, error: e, next: null };
  if (dib.function === "globalReadout") {
    const record = bare(
      base + start,
      fillers,
      dib.dif,
      dib.dife,
      "globalReadout",
      dib.storage,
      dib.tariff,
      dib.subunit,
      b.subarray(dib.next, dib.next),
    );
    return { ok: true, value: { record, next: dib.next } };
  }
  e = readVib(b, dib.next, end, base, vib);
  if (e)
    return { ok: false, error: e, next: e.code === "MISSING_VIFE" ? afterData(b, dib.next + 1, end) : null };
  e = readDataField(
    b,
    vib.next,
    end,
    base,
    dib.coding,
    dib.length,
    vib.entry.kind,
    vib.factor,
    vib.exponent,
    field,
  );
  // data field errors (premature end, reserved LVAR) leave the length unknown
  if (e) return { ok: false, error: e, next: null };
  const errorCode = vib.errorCode;
  const record: DataRecord = {
    offset: base + start,
    fillers,
    dif: dib.dif,
    dife: dib.dife,
    vif: vib.vif,
    vife: vib.vife,
    plainText: vib.plainText,
    function: dib.function,
    storage: dib.storage,
    tariff: dib.tariff,
    subunit: dib.subunit,
    coding: field.coding,
    table: vib.table,
    quantity: vib.entry.quantity,
    description: vib.entry.description,
    unit: vib.unit,
    exponent: vib.exponent,
    factor: vib.factor,
    value: field.value,
    valueKind: field.valueKind,
    data: b.subarray(field.at, field.next),
    lvar: field.lvar,
    extensions: vib.extensions,
    errorCode,
    error: errorCode === undefined ? undefined : RECORD_ERRORS[errorCode]!,
    invalid: field.invalid ? true : undefined,
    summerTime: field.summerTime ? true : undefined,
    rawYear: field.rawYear,
    dateExtra: field.dateExtra,
    length: field.next - start,
  };
  return { ok: true, value: { record, next: field.next } };
}

/**
 * Where the record whose data field starts at `at` ends (clause 6.3.2 table 4: the DIF gives the data
 * length; 0xD: an LVAR byte gives it, annex A table A.1), or null when it cannot be known or passes `end`.
 */
function afterData(b: Uint8Array, at: number, end: number): number | null {
  let len = dib.length;
  let pos = at;
  if (len < 0) {
    if (pos >= end) return null;
    len = lvarLength(b[pos++]!);
    if (len < 0) return null;
  }
  return pos + len <= end ? pos + len : null;
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
  const coding: DataCoding = "none";
  return {
    offset,
    fillers,
    dif,
    dife: dife.length === 0 ? EMPTY_BYTES : dife,
    vif: null,
    vife: EMPTY_BYTES,
    plainText: undefined,
    function: fn,
    storage,
    tariff,
    subunit,
    coding,
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
    extensions: NO_EXTENSIONS,
    errorCode: undefined,
    error: undefined,
    invalid: undefined,
    summerTime: undefined,
    rawYear: undefined,
    dateExtra: undefined,
    length: 1 + dife.length + data.length,
  };
}
