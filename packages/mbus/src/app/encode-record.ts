/**
 * EN 13757-3 clause 6.3-6.5, encoding side: typed record -> DIB + VIB + data. The DIF/DIFE bits are
 * computed from function, storage, tariff and subunit; the data field from the typed value (scaled back
 * by the VIB's exponent). The VIB is given as its VIF/VIFE bytes (extension bits are set here), or looked
 * up from quantity + unit + exponent with vibFor().
 */
import { MbusError } from "../errors";
import { type DataCoding, DIF_CODING, DIF_SPECIAL, MAX_DIFE, type RecordFunction } from "../tables/dif";
import type { VifEntry } from "../tables/types";
import { FB_VIF } from "../tables/vif-fb";
import { FD_VIF } from "../tables/vif-fd";
import { PRIMARY_VIF, VIF_SPECIAL } from "../tables/vif-primary";
import { COMBINABLE_VIFE } from "../tables/vife-combinable";
import { lvarLength } from "./data-field";
import {
  writeBcd,
  writeInt,
  writeReal32,
  writeReversedText,
  writeTypeF,
  writeTypeG,
  writeTypeI,
  writeTypeJ,
  writeTypeK,
} from "./encode-values";
import type { ByteWriter } from "./writer";

/** What encodeRecord needs; a decoded DataRecord satisfies it. */
export interface RecordSpec {
  function?: RecordFunction;
  storage?: number;
  tariff?: number;
  subunit?: number;
  coding?: DataCoding;
  /** DIFEs a meter sent (only their count is used: at least this many DIFEs are written). */
  dife?: readonly number[];
  /** Primary VIF (0xFD/0xFB for the extension tables, 0x7C plain text, 0x7F manufacturer). */
  vif?: number | null;
  vife?: readonly number[];
  plainText?: string;
  /** Used with vibFor() when `vif` is absent. */
  quantity?: string;
  unit?: string;
  exponent?: number;
  value?: number | string | null;
  /** Raw data bytes, used only when there is no value (manufacturer data, undecodable BCD). */
  data?: Uint8Array;
  /** LVAR byte for variable-length numbers (C0h-C9h BCD, D0h-D9h negative BCD, E0h-EFh binary). */
  lvar?: number;
  invalid?: boolean;
  summerTime?: boolean;
  /** Year field beyond 99 of a date (see DataRecord.rawYear). */
  rawYear?: number;
  /** Date/time bits the value string does not carry (see DataRecord.dateExtra). */
  dateExtra?: number;
  /** Idle filler bytes (0x2F) to write before the record. */
  fillers?: number;
}

const FN_BITS: Readonly<Record<string, number>> = { instantaneous: 0, maximum: 1, minimum: 2, error: 3 };
const CODING_NIBBLE: Readonly<Record<string, number>> = Object.fromEntries(
  DIF_CODING.map((c, i) => [c.coding, i] as const),
);

function err(message: string, field: string, actual?: string | number): MbusError {
  return new MbusError("ENCODE", message, { offset: 0, field, ...(actual !== undefined ? { actual } : {}) });
}

/** Exponent and factor a VIB applies, as the decoder computes them. */
export function vibScaling(
  vif: number,
  vife: readonly number[],
): { entry: VifEntry | undefined; exponent: number; factor: number } {
  const v7 = vif & 0x7f;
  let entry: VifEntry | undefined;
  let first = 0;
  if (v7 === VIF_SPECIAL.EXTENSION_FD || v7 === VIF_SPECIAL.EXTENSION_FB) {
    entry =
      vife.length > 0 ? (v7 === VIF_SPECIAL.EXTENSION_FD ? FD_VIF : FB_VIF)[vife[0]! & 0x7f] : undefined;
    first = 1;
  } else if (v7 === VIF_SPECIAL.PLAIN_TEXT) {
    entry = undefined;
  } else {
    entry = PRIMARY_VIF[v7];
  }
  let exponent = entry?.exponent ?? 0;
  const factor = entry?.factor ?? 1;
  if (v7 !== VIF_SPECIAL.MANUFACTURER) {
    for (let i = first; i < vife.length; i++) {
      const e = COMBINABLE_VIFE[vife[i]! & 0x7f]!;
      if (e.effect === "manufacturer") break;
      if (e.effect === "scale") exponent += e.exponent!;
    }
  }
  return { entry, exponent, factor };
}

/**
 * The VIF (and VIFE) that express `quantity` in `unit` with decimal `exponent`, from the tables (first
 * match: primary table, then 0xFD, then 0xFB). Throws MbusError("ENCODE") when no table has it.
 */
export function vibFor(quantity: string, unit: string, exponent = 0): { vif: number; vife: number[] } {
  const match = (t: readonly (VifEntry | undefined)[]): number =>
    t.findIndex(
      (e) => e !== undefined && e.quantity === quantity && e.unit === unit && e.exponent === exponent,
    );
  let i = match(PRIMARY_VIF);
  if (i >= 0 && i !== VIF_SPECIAL.MANUFACTURER && i !== VIF_SPECIAL.ANY) return { vif: i, vife: [] };
  i = match(FD_VIF);
  if (i >= 0) return { vif: 0xfd, vife: [i] };
  i = match(FB_VIF);
  if (i >= 0) return { vif: 0xfb, vife: [i] };
  throw err(`no VIF for ${quantity} in ${unit} x 10^${exponent}`, "vif", quantity);
}

function toRaw(value: number, factor: number, exponent: number): number {
  let v = factor === 1 ? value : value / factor;
  if (exponent < 0) v *= 10 ** -exponent;
  else if (exponent > 0) v /= 10 ** exponent;
  return Math.round(v);
}

/** Writes one record into `w`. Throws MbusError("ENCODE") on a value that does not fit its coding. */
export function writeRecord(w: ByteWriter, spec: RecordSpec): void {
  for (let i = 0; i < (spec.fillers ?? 0); i++) w.byte(DIF_SPECIAL.IDLE_FILLER);
  const fn = spec.function ?? "instantaneous";
  if (fn === "manufacturer" || fn === "moreRecordsFollow") {
    w.byte(fn === "manufacturer" ? DIF_SPECIAL.MANUFACTURER_DATA : DIF_SPECIAL.MORE_RECORDS_FOLLOW);
    if (spec.data) w.bytes(spec.data);
    return;
  }
  const storage = spec.storage ?? 0;
  const tariff = spec.tariff ?? 0;
  const subunit = spec.subunit ?? 0;
  if (fn === "globalReadout") {
    w.byte(DIF_SPECIAL.GLOBAL_READOUT);
    return;
  }

  // DIB: how many DIFEs do storage (1 + 4n bits), tariff (2n bits) and subunit (n bits) need?
  let n = spec.dife?.length ?? 0;
  while (storage >= 2 ** (1 + 4 * n) || tariff >= 2 ** (2 * n) || subunit >= 2 ** n) n++;
  if (n > MAX_DIFE) throw err("storage/tariff/subunit need more than 10 DIFEs", "dife");
  const coding = spec.coding ?? "none";
  const nibble = CODING_NIBBLE[coding];
  if (nibble === undefined) throw err(`unknown coding ${coding}`, "coding", coding);
  const fnBits = FN_BITS[fn];
  if (fnBits === undefined) throw err(`unknown function ${fn}`, "function", fn);
  w.byte((n > 0 ? 0x80 : 0) | ((storage & 1) << 6) | (fnBits << 4) | nibble);
  for (let i = 0; i < n; i++) {
    const st = Math.floor(storage / 2 ** (1 + 4 * i)) & 0x0f;
    const ta = Math.floor(tariff / 2 ** (2 * i)) & 0x03;
    const su = Math.floor(subunit / 2 ** i) & 0x01;
    w.byte((i < n - 1 ? 0x80 : 0) | (su << 6) | (ta << 4) | st);
  }

  // VIB
  let vif: number;
  let vife: readonly number[];
  if (spec.vif !== undefined && spec.vif !== null) {
    vif = spec.vif;
    vife = spec.vife ?? [];
  } else {
    if (spec.quantity === undefined || spec.unit === undefined)
      throw err("record needs vif or quantity+unit", "vif");
    ({ vif, vife } = vibFor(spec.quantity, spec.unit, spec.exponent ?? 0));
  }
  const plain = (vif & 0x7f) === VIF_SPECIAL.PLAIN_TEXT;
  w.byte((vif & 0x7f) | (vife.length > 0 ? 0x80 : 0));
  if (plain) {
    const text = spec.plainText ?? "";
    if (text.length > 0xff) throw err("plain-text VIF longer than 255 characters", "plainText");
    const tmp = new Uint8Array(text.length);
    const e = writeReversedText(tmp, 0, text);
    if (e) throw err(e, "plainText");
    w.byte(text.length);
    w.bytes(tmp);
  }
  for (let i = 0; i < vife.length; i++) w.byte((vife[i]! & 0x7f) | (i < vife.length - 1 ? 0x80 : 0));

  // data field
  const { entry, exponent, factor } = vibScaling(vif, vife);
  writeData(w, spec, coding, entry, exponent, factor);
}

function writeData(
  w: ByteWriter,
  spec: RecordSpec,
  coding: DataCoding,
  entry: VifEntry | undefined,
  exponent: number,
  factor: number,
): void {
  const value = spec.value;
  const fixedLen = DIF_CODING[CODING_NIBBLE[coding]!]!.length;
  if (fixedLen === 0) return;
  if (value === undefined || value === null) {
    const data = spec.data;
    if (!data) throw err("record has neither a value nor data bytes", "value");
    if (coding === "lvar") {
      const lvar = spec.lvar ?? data.length;
      if (lvarLength(lvar) !== data.length) throw err("LVAR does not match the data length", "lvar", lvar);
      w.byte(lvar);
    } else if (data.length !== fixedLen) throw err(`data must be ${fixedLen} bytes`, "data", data.length);
    w.bytes(data);
    return;
  }
  if (coding === "lvar") {
    if (typeof value === "string") {
      if (value.length > 0xbf) throw err("LVAR text longer than 191 characters", "value", value.length);
      const tmp = new Uint8Array(value.length);
      const e = writeReversedText(tmp, 0, value);
      if (e) throw err(e, "value");
      w.byte(value.length);
      w.bytes(tmp);
      return;
    }
    const raw = toRaw(value, factor, exponent);
    let lvar = spec.lvar ?? 0xe8;
    const len = lvarLength(lvar);
    if (len < 0 || lvar < 0xc0) throw err("numeric LVAR must be C0h-C9h, D0h-D9h or E0h-EFh", "lvar", lvar);
    const tmp = new Uint8Array(len);
    let e: string | null;
    if (lvar < 0xd0) {
      if (raw < 0) lvar += 0x10;
      e = writeBcd(tmp, 0, len, Math.abs(raw));
    } else if (lvar < 0xe0) {
      if (raw > 0) lvar -= 0x10;
      e = writeBcd(tmp, 0, len, Math.abs(raw));
    } else e = writeInt(tmp, 0, len, raw);
    if (e) throw err(e, "value", raw);
    w.byte(lvar);
    w.bytes(tmp);
    return;
  }
  const tmp = new Uint8Array(fixedLen);
  let e: string | null = null;
  if (typeof value === "string") {
    const kind = entry?.kind;
    if (kind === "dst" && fixedLen === 4) e = writeTypeK(tmp, 0, value);
    else if (fixedLen === 2) e = writeTypeG(tmp, 0, value, spec.rawYear);
    else if (fixedLen === 4)
      e = writeTypeF(tmp, 0, value, spec.invalid === true, spec.summerTime === true, spec.rawYear);
    else if (fixedLen === 6) e = writeTypeI(tmp, 0, value, spec.invalid === true, spec.rawYear);
    else if (fixedLen === 3) e = writeTypeJ(tmp, 0, value);
    else e = `a text value needs LVAR coding, not ${coding}`;
    let extra = spec.dateExtra ?? 0;
    for (let i = 0; i < fixedLen && extra > 0; i++) {
      tmp[i] = tmp[i]! | (extra % 256);
      extra = Math.floor(extra / 256);
    }
  } else if (coding === "real32") {
    const v = factor === 1 ? value : value / factor;
    writeReal32(tmp, 0, exponent < 0 ? v * 10 ** -exponent : exponent > 0 ? v / 10 ** exponent : v);
  } else if (coding.startsWith("bcd")) {
    e = writeBcd(tmp, 0, fixedLen, toRaw(value, factor, exponent));
  } else {
    e = writeInt(tmp, 0, fixedLen, toRaw(value, factor, exponent));
  }
  if (e) throw err(e, "value", typeof value === "number" ? value : value.slice(0, 40));
  w.bytes(tmp);
}
