/**
 * EN 13757-3:2013 clause 6.4: the value information block, VIF + up to 10 VIFEs.
 *   primary VIF (table 10); 0xFD / 0xFB: the first VIFE selects from the extension tables (14 / 13);
 *   0x7C / 0xFC: plain-text unit (length byte and characters right after the VIF, VIFEs after the text);
 *   0x7F / 0xFF: manufacturer specific (its VIFEs are not interpreted);
 *   further VIFEs are combinable (table 15): per-unit suffixes, scaling, record errors, notes.
 * Fills a caller-owned scratch object; returns an error or null.
 */
import { hex2, MbusError } from "../errors";
import { MAX_VIFE } from "../tables/dif";
import type { VifEntry } from "../tables/types";
import { FB_VIF } from "../tables/vif-fb";
import { FD_VIF } from "../tables/vif-fd";
import { PRIMARY_VIF, VIF_SPECIAL } from "../tables/vif-primary";
import { COMBINABLE_VIFE } from "../tables/vife-combinable";
import { byteList, EMPTY_BYTES, ONE_BYTE } from "./dib";
import { readReversedText } from "./values";

/** Which table gave the record its meaning. */
export type VifTable = "primary" | "fd" | "fb" | "plainText" | "manufacturer" | "none";

export interface Vib {
  vif: number;
  vife: readonly number[];
  entry: VifEntry;
  table: VifTable;
  plainText: string | undefined;
  unit: string;
  exponent: number;
  factor: number;
  extensions: readonly string[];
  errorCode: number | undefined;
  next: number;
}

export const NO_EXTENSIONS: readonly string[] = Object.freeze([]);

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

export function newVib(): Vib {
  return {
    vif: 0,
    vife: EMPTY_BYTES,
    entry: RESERVED_ENTRY,
    table: "primary",
    plainText: undefined,
    unit: "",
    exponent: 0,
    factor: 1,
    extensions: NO_EXTENSIONS,
    errorCode: undefined,
    next: 0,
  };
}

export function readVib(b: Uint8Array, pos: number, end: number, base: number, out: Vib): MbusError | null {
  if (pos >= end)
    return new MbusError("PREMATURE_END", "data ended before the VIF", { offset: base + pos, field: "vif" });
  const vif = b[pos++]!;
  const v7 = vif & 0x7f;
  let entry: VifEntry;
  let table: VifTable = "primary";
  let plainText: string | undefined;
  let firstCombinable = 0;
  let manufacturer = false;
  // the VIFEs are read in place: `chain` bytes from `first` (no list is made unless a record keeps one)
  let first = pos;
  let chain = 0;
  let ext = (vif & 0x80) !== 0;

  if (v7 === VIF_SPECIAL.PLAIN_TEXT) {
    // clause 6.4.3: length byte, then the characters (last first)
    if (pos >= end)
      return new MbusError("PREMATURE_END", "data ended before the plain-text VIF length", {
        offset: base + pos,
        field: "plainText",
      });
    const len = b[pos++]!;
    if (pos + len > end)
      return new MbusError("PREMATURE_END", "plain-text VIF longer than the remaining data", {
        offset: base + pos - 1,
        expected: len,
        actual: end - pos,
        field: "plainText",
      });
    plainText = readReversedText(b, pos, len);
    pos += len;
    first = pos;
    entry = PLAIN_ENTRY;
    table = "plainText";
  } else if (v7 === VIF_SPECIAL.EXTENSION_FD || v7 === VIF_SPECIAL.EXTENSION_FB) {
    // clause 6.4.1 / table 10: 0xFD and 0xFB select table 14 / 13 through the first VIFE, so their
    // extension bit must be set; without it the record has no VIFE (its length is still known)
    if (!ext)
      return new MbusError("MISSING_VIFE", `extension VIF ${hex2(vif)} without its VIFE (clause 6.4.1)`, {
        offset: base + pos,
        actual: vif,
        field: "vife",
      });
    if (pos >= end)
      return new MbusError("PREMATURE_END", "extension VIF without its VIFE", {
        offset: base + pos,
        field: "vife",
      });
    const x = b[pos++]!;
    chain = 1;
    ext = (x & 0x80) !== 0;
    table = v7 === VIF_SPECIAL.EXTENSION_FD ? "fd" : "fb";
    entry = (table === "fd" ? FD_VIF : FB_VIF)[x & 0x7f] ?? RESERVED_ENTRY;
    firstCombinable = 1;
  } else if (v7 === VIF_SPECIAL.MANUFACTURER) {
    entry = MANUFACTURER_ENTRY;
    table = "manufacturer";
    manufacturer = true;
  } else {
    entry = PRIMARY_VIF[v7] ?? RESERVED_ENTRY;
  }

  while (ext) {
    if (pos >= end)
      return new MbusError("PREMATURE_END", "data ended inside the VIFE chain", {
        offset: base + pos,
        field: "vife",
      });
    if (chain === MAX_VIFE)
      return new MbusError("TOO_MANY_VIFE", "more than 10 VIFEs (clause 6.4.1)", {
        offset: base + pos,
        expected: MAX_VIFE,
        actual: chain + 1,
        field: "vife",
      });
    ext = (b[pos++]! & 0x80) !== 0;
    chain++;
  }

  let exponent = entry.exponent;
  let unit = entry.unit;
  let extensions: readonly string[] = NO_EXTENSIONS;
  let errorCode: number | undefined;
  // table 15: combinable VIFEs, until one says the rest is manufacturer specific
  for (let i = firstCombinable; i < chain && !manufacturer; i++) {
    const x = b[first + i]!;
    const e = COMBINABLE_VIFE[x & 0x7f]!;
    // one extension is the usual case: a shared frozen list per VIFE instead of a new one
    if (extensions === NO_EXTENSIONS) extensions = ONE_EXTENSION[x & 0x7f]!;
    else extensions = [...extensions, e.description];
    switch (e.effect) {
      case "error":
        errorCode = x & 0x1f;
        break;
      case "per":
        unit = perUnit(unit, e.suffix!);
        break;
      case "scale":
        exponent += e.exponent!;
        break;
      case "manufacturer":
        manufacturer = true;
        break;
      default:
        break;
    }
  }
  if (plainText !== undefined) unit = unit === "" ? plainText : plainText + unit.slice(1);

  out.vif = vif;
  out.vife = chain === 0 ? EMPTY_BYTES : chain === 1 ? ONE_BYTE[b[first]!]! : byteList(b, first, pos);
  out.entry = entry;
  out.table = table;
  out.plainText = plainText;
  out.unit = unit;
  out.exponent = exponent;
  out.factor = entry.factor;
  out.extensions = extensions;
  out.errorCode = errorCode;
  out.next = pos;
  return null;
}

/** `[description]` of each combinable VIFE (table 15), frozen (records share them). */
const ONE_EXTENSION: readonly (readonly string[])[] = COMBINABLE_VIFE.map((e) =>
  Object.freeze([e.description]),
);

/** A unit with a "per" suffix (e.g. "m3" + "/h"), made once per unit and suffix. */
const PER_UNIT = new Map<string, Map<string, string>>();

function perUnit(unit: string, suffix: string): string {
  let bySuffix = PER_UNIT.get(unit);
  if (bySuffix === undefined) {
    bySuffix = new Map();
    // units come from the tables (and their suffixes): a bounded set, but plain text can add more
    if (PER_UNIT.size < 1024) PER_UNIT.set(unit, bySuffix);
  }
  let u = bySuffix.get(suffix);
  if (u === undefined) {
    u = unit === "" ? `1${suffix}` : unit + suffix;
    if (bySuffix.size < 64) bySuffix.set(suffix, u);
  }
  return u;
}
