/**
 * Compact writing of wireless driver fields (the wired format of @omdp/mbus, drivers/types.ts): a field
 * or a selector is given by its quantity, the VIF as the telegram codes it and where it differs from the
 * current value its place, instead of every selector property spelt out. The selector made is exact:
 * VIF code and the further VIFEs (none unless given) must match, as the derived drivers require.
 */
import type { DataRecord, DriverField, FieldUnit, PayloadField, RecordSelector } from "@omdp/mbus";

/** Function, storage, tariff and subunit (EN 13757-3 clause 6.3); each defaults to the current value. */
export type Place = Partial<Pick<DataRecord, "function" | "storage" | "tariff" | "subunit">>;

/**
 * A VIF as the selector compares it (bit 7 cleared): a primary VIF (EN 13757-3 table 12, e.g. 0x13,
 * volume in litres), or the table of an extension (0xFD, 0xFB, 0xFF manufacturer) and its first VIFE;
 * null for a record without a VIF.
 */
export type Vif = number | readonly ["fd" | "fb" | "manufacturer", number] | null;

/** Where the record stands (function, storage, tariff, subunit; default the current value), its
 * further VIFEs, the unit text of a plain-text record, the n-th (0-based) of several matching records. */
export interface At extends Place {
  vife?: readonly number[];
  /** The unit text of a plain-text VIF (0x7C/0xFC). */
  plainText?: string;
  index?: number;
}

/** The selector of the record with `quantity` and `vif` at place `at`. */
export function sel(quantity: string, vif: Vif, at: At = {}): RecordSelector {
  const { vife, index, plainText, ...place } = at;
  const s: RecordSelector = {
    function: "instantaneous",
    storage: 0,
    tariff: 0,
    subunit: 0,
    ...place,
    quantity,
  };
  if (vif !== null) {
    s.vif = typeof vif === "number" ? { table: "primary", code: vif } : { table: vif[0], code: vif[1] };
    s.vife = vife ?? [];
  }
  if (plainText !== undefined) s.plainText = plainText;
  if (index !== undefined) s.index = index;
  return s;
}

/** A field `<name>_<unit>` read from the record `sel` picks, its value times `scale`. */
export function rec(
  name: string,
  unit: FieldUnit,
  quantity: string,
  vif: Vif,
  at: At = {},
  scale?: number,
): DriverField {
  return { name, unit, quantity, from: sel(quantity, vif, at), ...(scale === undefined ? {} : { scale }) };
}

/** A payload field: `length` bytes at `offset` of the manufacturer bytes (or of the record `from`). */
export function bytes(
  name: string,
  unit: FieldUnit,
  offset: number,
  length: number,
  coding: PayloadField["coding"],
  scale?: number,
  from?: RecordSelector,
): PayloadField {
  return {
    name,
    unit,
    offset,
    length,
    coding,
    ...(scale === undefined ? {} : { scale }),
    ...(from === undefined ? {} : { from }),
  };
}
