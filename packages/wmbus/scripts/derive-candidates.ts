/**
 * The candidates derive-drivers.ts weighs for one printed value of one telegram: the data records
 * that hold it (converted to the field's unit, scaled where the record has no unit of its own), and the
 * payload positions (integer or BCD, decimal or 1/256 scale) of the manufacturer bytes that hold it.
 */
import {
  conversion,
  type DataRecord,
  type DriverField,
  type FieldUnit,
  type RecordSelector,
  recordMatches,
  selectRecord,
  valueIn,
} from "@omdp/mbus";
import { type PayloadField, readPayloadField } from "../src/drivers/payload";
import type { WmbusTelegram } from "../src/index";

export const UNITS: readonly FieldUnit[] = [
  "m3h",
  "m3c",
  "m3",
  "kwh",
  "mwh",
  "gj",
  "kvarh",
  "kvah",
  "c",
  "k",
  "kw",
  "w",
  "v",
  "a",
  "hz",
  "h",
  "s",
  "bar",
  "rh",
  "pct",
  "ppm",
  "y",
  "hca",
  "counter",
  "factor",
];

/** wmbusmeters prints at most 6 decimals (the corpus has no more): a value equals its print rounded. */
export function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= 5e-7 + 1e-9 * Math.max(1, Math.abs(b));
}

export function split(name: string): [string, FieldUnit] | null {
  const i = name.lastIndexOf("_");
  if (i < 0) return null;
  const u = name.slice(i + 1) as FieldUnit;
  return UNITS.includes(u) ? [name.slice(0, i), u] : null;
}

export function selectorOf(r: DataRecord): RecordSelector {
  const s: RecordSelector = {
    function: r.function,
    storage: r.storage,
    tariff: r.tariff,
    subunit: r.subunit,
    quantity: r.quantity,
  };
  if (r.table === "plainText" && r.plainText !== undefined) s.plainText = r.plainText;
  if (r.vif !== null) {
    if (r.table === "primary") s.vif = { table: "primary", code: r.vif & 0x7f };
    else if ((r.table === "fd" || r.table === "fb" || r.table === "manufacturer") && r.vife.length > 0)
      s.vif = { table: r.table, code: r.vife[0]! & 0x7f };
    const rest = r.table === "primary" ? r.vife : r.vife.slice(1);
    if (s.vif !== undefined) s.vife = rest.map((v) => v & 0x7f);
  }
  return s;
}

export const HISTORIC =
  /target|set_date|due|prev|history|last|previous|historic|ago|month|year|at_date|_at_|delta|consumption_\d/;
/** Decimal scales, and binary fixed point with 8 fraction bits (1/256, also of litres). */
export const SCALES = [
  1,
  10,
  100,
  1000,
  0.1,
  0.01,
  0.001,
  1e-4,
  1e-5,
  1e-6,
  1e4,
  1e5,
  1e6,
  1 / 256,
  0.001 / 256,
];
const CODINGS: readonly PayloadField["coding"][] = ["uint", "bcd"];

export interface Candidate {
  key: string;
  field?: DriverField;
  payload?: PayloadField;
  /** A payload field that reads a whole standard record (not a position found by chance). */
  whole?: boolean;
  score: number;
}

export function recordCandidates(t: WmbusTelegram, base: string, unit: FieldUnit, v: number): Candidate[] {
  const wantHistoric = HISTORIC.test(base);
  const out: Candidate[] = [];
  for (const [i, r] of t.records.entries()) {
    const custom = r.table === "manufacturer" || r.table === "plainText";
    for (const scale of custom ? SCALES : [1]) {
      const got = valueIn(r, unit, scale);
      if (typeof got !== "number" || !near(got, v)) continue;
      const s = selectorOf(r);
      const index = t.records.slice(0, i).filter((q) => recordMatches(q, s)).length;
      if (index > 0) s.index = index;
      const field: DriverField = {
        name: base,
        unit,
        quantity: r.quantity,
        from: s,
        ...(scale === 1 ? {} : { scale }),
      };
      const score = (r.storage > 0 === wantHistoric ? 2 : 0) + (custom ? 0 : 1) - i / 1000;
      out.push({ key: JSON.stringify(field), field, score });
      break;
    }
  }
  return out;
}

/**
 * The byte sources a payload field can read: the 0x0F block and each manufacturer record's data (any
 * position), and every other record's data read whole as an unsigned number (`whole`: a record whose
 * coding the meter uses otherwise than EN 13757-3 says, e.g. an 8-bit access number above 127).
 */
function sources(t: WmbusTelegram): Source[] {
  const out: Source[] = [];
  if (t.manufacturerData !== null) out.push({ data: t.manufacturerData, whole: false });
  for (const [i, r] of t.records.entries()) {
    // a manufacturer record, or a standard one whose data is no number (a block of values the meter packs)
    const custom = r.table === "manufacturer" || (typeof r.value !== "number" && r.data.length > 4);
    if (custom ? r.data.length < 4 : r.data.length === 0 || r.data.length > 4) continue;
    const s = selectorOf(r);
    const index = t.records.slice(0, i).filter((q) => recordMatches(q, s)).length;
    if (index > 0) s.index = index;
    out.push({ data: r.data, from: s, whole: !custom, unit: r.unit });
  }
  return out;
}

interface Source {
  data: Uint8Array;
  from?: RecordSelector;
  whole: boolean;
  /** The record's unit (whole reads). */
  unit?: string;
}

/** Units without a dimension: counts and ratios, which a whole record may give whatever its unit. */
const RATIOS: readonly FieldUnit[] = ["counter", "factor", "pct", "ppm", "hca"];

/**
 * A whole record read as a number of `unit`: a ratio from any record, a physical unit only from a
 * record whose unit the conversion table does not know (never watt-hours read as amperes).
 */
function wholeReadable(src: Source, unit: FieldUnit): boolean {
  if (!src.whole || RATIOS.includes(unit)) return true;
  return UNITS.every((u) => conversion(src.unit ?? "", u) === null);
}

/**
 * Earlier positions first, and decimal scales before binary fixed point: a value read one byte later
 * with 1/256 is the same number whenever the byte before is zero, and is then not the meter's coding.
 */
function payloadScore(offset: number, scale: number): number {
  const binary = !Number.isInteger(Math.log10(scale));
  return -1 - offset / 1000 - (binary ? 0.5 : 0);
}

export function payloadCandidates(t: WmbusTelegram, base: string, unit: FieldUnit, v: number): Candidate[] {
  const out: Candidate[] = [];
  if (!Number.isFinite(v)) return out;
  for (const src of sources(t)) {
    if (!wholeReadable(src, unit)) continue;
    const data = src.data;
    for (const length of src.whole ? [data.length] : [4, 3, 2, 1]) {
      for (const coding of src.whole ? (["uint"] as const) : CODINGS) {
        for (let offset = 0; offset + length <= (src.whole ? length : data.length); offset++) {
          for (const scale of SCALES) {
            const f: PayloadField = {
              name: base,
              unit,
              offset,
              length,
              coding,
              ...(scale === 1 ? {} : { scale }),
              ...(src.from === undefined ? {} : { from: src.from }),
            };
            const got = readPayloadField(data, f);
            if (got !== undefined && near(got, v))
              out.push({
                key: JSON.stringify(f),
                payload: f,
                whole: src.whole,
                score: payloadScore(offset, scale),
              });
          }
        }
      }
    }
  }
  return out;
}

export function valueOk(t: WmbusTelegram, c: Candidate, v: number): boolean {
  if (c.field !== undefined) {
    const r = selectRecord(t.records, c.field.from);
    const got = r === undefined ? undefined : valueIn(r, c.field.unit, c.field.scale);
    return typeof got === "number" && near(got, v);
  }
  const p = c.payload!;
  const data = p.from === undefined ? t.manufacturerData : (selectRecord(t.records, p.from)?.data ?? null);
  const got = data === null ? undefined : readPayloadField(data, p);
  return got !== undefined && near(got, v);
}

export function payloadValue(t: WmbusTelegram, p: PayloadField): number | undefined {
  const data = p.from === undefined ? t.manufacturerData : (selectRecord(t.records, p.from)?.data ?? null);
  return data === null ? undefined : readPayloadField(data, p);
}

export function candidateValue(t: WmbusTelegram, c: Candidate): number | string | undefined {
  if (c.payload !== undefined) return payloadValue(t, c.payload);
  const r = selectRecord(t.records, c.field!.from);
  return r === undefined ? undefined : valueIn(r, c.field!.unit, c.field!.scale);
}
