/**
 * EN 13757-3:2013 clause 6.3-6.5: one data record = DIB (dib.ts) + VIB (vib.ts) + data field
 * (data-field.ts). Decoding is a single pass with no exceptions; the three readers fill scratch objects
 * owned by this module (decoding is synchronous, so one set serves every call) and the record is built
 * as one object with every field that has a value (the optional ones are absent when undefined).
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
 * Where a record's data field lies (its bytes, start and end), under symbol keys: JSON.stringify,
 * Object.keys and for-in do not see them (private fields hide them too, but cost a sixth of the decode
 * time to define on every record).
 */
const SRC = Symbol("data source");
const AT = Symbol("data start");
const END = Symbol("data end");

/**
 * A record with a value, filled from the scratch readers. `data` is a view made when read (a getter):
 * creating a typed-array view per record was a fifth of the decode time, and most readers never look.
 */
class ValueRecord implements DataRecord {
  declare offset: number;
  declare fillers: number;
  declare dif: number;
  declare dife: readonly number[];
  declare vif: number | null;
  declare vife: readonly number[];
  declare plainText?: string;
  declare function: RecordFunction;
  declare storage: number;
  declare tariff: number;
  declare subunit: number;
  declare coding: DataCoding;
  declare table: VifTable;
  declare quantity: string;
  declare description: string;
  declare unit: string;
  declare exponent: number;
  declare factor: number;
  declare value: number | string | null;
  declare valueKind: ValueKind;
  declare lvar?: number;
  declare extensions: readonly string[];
  declare errorCode?: number;
  declare error?: string;
  declare invalid?: boolean;
  declare summerTime?: boolean;
  declare rawYear?: number;
  declare dateExtra?: number;
  declare length: number;
  declare readonly [SRC]: Uint8Array;
  declare readonly [AT]: number;
  declare readonly [END]: number;

  constructor(offset: number, fillers: number, src: Uint8Array, at: number, end: number, length: number) {
    this.offset = offset;
    this.fillers = fillers;
    this.dif = dib.dif;
    this.dife = dib.dife;
    this.vif = vib.vif;
    this.vife = vib.vife;
    this.function = dib.function;
    this.storage = dib.storage;
    this.tariff = dib.tariff;
    this.subunit = dib.subunit;
    this.coding = field.coding;
    this.table = vib.table;
    this.quantity = vib.entry.quantity;
    this.description = vib.entry.description;
    this.unit = vib.unit;
    this.exponent = vib.exponent;
    this.factor = vib.factor;
    this.value = field.value;
    this.valueKind = field.valueKind;
    this.extensions = vib.extensions;
    this.length = length;
    this[SRC] = src;
    this[AT] = at;
    this[END] = end;
    // the optional fields only where they have a value (most records have none of them: writing
    // eight undefined fields into every record was a sixth of the decode time)
    if (vib.plainText !== undefined) this.plainText = vib.plainText;
    if (field.lvar !== undefined) this.lvar = field.lvar;
    const errorCode = vib.errorCode;
    if (errorCode !== undefined) {
      this.errorCode = errorCode;
      this.error = RECORD_ERRORS[errorCode]!;
    }
    if (field.invalid) this.invalid = true;
    if (field.summerTime) this.summerTime = true;
    if (field.rawYear !== undefined) this.rawYear = field.rawYear;
    if (field.dateExtra !== undefined) this.dateExtra = field.dateExtra;
  }

  /** Raw data field (after the LVAR byte for variable length data): a view, not a copy. */
  get data(): Uint8Array {
    return this[SRC].subarray(this[AT], this[END]);
  }
}

/** Where readRecord stopped: the next record's offset (null: unknown after an error) and the error. */
export interface RecordScratch {
  next: number | null;
  error: MbusError | null;
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
): RecordDecodeResult {
  const out: RecordScratch = { next: null, error: null };
  const record = readRecord(b, pos, end, base, fillers, out);
  if (record) return { ok: true, value: { record, next: out.next! } };
  return { ok: false, error: out.error!, next: out.next };
}

function failed(out: RecordScratch, error: MbusError, next: number | null): null {
  out.error = error;
  out.next = next;
  return null;
}

/** decodeRecord without result objects (the loop over a telegram's records): the record, or null. */
export function readRecord(
  b: Uint8Array,
  pos: number,
  end: number,
  base: number,
  fillers: number,
  out: RecordScratch,
): DataRecord | null {
  const start = pos;
  let e = readDib(b, pos, end, base, dib);
  // a broken DIB (chain past the data or beyond 10 DIFEs, reserved DIF) leaves the length unknown
  if (e) return failed(out, e, null);
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
    out.next = dib.next;
    return record;
  }
  e = readVib(b, dib.next, end, base, vib);
  if (e) return failed(out, e, e.code === "MISSING_VIFE" ? afterData(b, dib.next + 1, end) : null);
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
  if (e) return failed(out, e, null);
  const record = new ValueRecord(base + start, fillers, b, field.at, field.next, field.next - start);
  out.next = field.next;
  return record;
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
