/**
 * Meter drivers as data (issue 12, section 2): one file per meter type under meters/, like wmbusmeters'
 * drivers. A driver sees only the decoded EN 13757-3 header and data records (never the wired link
 * layer), so the same drivers serve wireless M-Bus (EN 13757-4) once its link layer is decoded.
 */

import type { VifTable } from "../app/vib";
import type { RecordFunction } from "../tables/dif";

/**
 * Units of normalised fields; a field prints as `<name>_<unit>` (wmbusmeters' convention, e.g.
 * `total_energy_consumption_kwh`). "counter", "factor" and "none" are dimensionless; "pct" (percent) and
 * "ppm" (parts per million) are ratios; "y" is years of 365.2425 days.
 */
export type FieldUnit =
  | "kwh"
  | "mwh"
  | "gj"
  | "m3"
  | "c"
  | "k"
  | "w"
  | "kw"
  | "m3h"
  | "v"
  | "a"
  | "hz"
  | "h"
  | "s"
  | "bar"
  | "kvarh"
  | "kvah"
  | "m3c"
  | "hca"
  | "rh"
  | "pct"
  | "ppm"
  | "y"
  | "counter"
  | "factor"
  | "date"
  | "datetime"
  | "text";

/**
 * Which data record a field reads (EN 13757-3 clauses 6.3-6.5). Every given property must match;
 * `index` picks the n-th (0-based) of several matching records.
 *   vif: the value information: `primary` with the VIF code (bit 7 cleared); `fd`/`fb` with the code of
 *   the first VIFE after 0xFD/0xFB; `manufacturer` with the first VIFE after 0xFF (a manufacturer code).
 *   vife: further VIFE codes (bit 7 cleared) that must follow the VIF, in order.
 *   plainText: the unit text of a plain-text VIF (0x7C/0xFC), e.g. "bat. time".
 */
export interface RecordSelector {
  function?: RecordFunction;
  storage?: number;
  tariff?: number;
  subunit?: number;
  quantity?: string;
  vif?: { table: Exclude<VifTable, "none" | "plainText">; code: number };
  vife?: readonly number[];
  plainText?: string;
  index?: number;
}

export interface DriverField {
  /** Normalised name without the unit (wmbusmeters' field name where it has one). */
  name: string;
  unit: FieldUnit;
  /** What is measured, in the codec's quantity ids (energy, volume, power, ...). */
  quantity: string;
  from: RecordSelector;
  /** Multiplies the record's value after unit conversion (manufacturer records with no VIF exponent). */
  scale?: number;
}

export interface GoldenTelegram {
  /** A whole wired long frame (hex), or the EN 13757-3 user data from the CI on. */
  hex: string;
  /** AES-128 key (hex) of an encrypted wireless telegram (@omdp/wmbus). */
  key?: string;
  /** Where the bytes and the expected values come from. */
  source: string;
  /** Printed field name (`<name>_<unit>`) to value. */
  expect: Readonly<Record<string, number | string>>;
}

export interface DriverMatch {
  /** Three-letter manufacturer (EN 13757-3 clause 6.2.2 / FLAG association). */
  manufacturer: string;
  version?: number | readonly number[];
  /** Medium code (EN 13757-3 table 6). */
  medium?: number | readonly number[];
}

export interface MeterDriver {
  /** Unique, lower case, like wmbusmeters' driver names. */
  name: string;
  /** The meter type in words. */
  meter: string;
  /** Where the record layout is documented: the corpus file or the manufacturer's document. */
  source: string;
  match: DriverMatch;
  /**
   * What the generic fallback does not give: the meter's own records and names, and the standard
   * fields (fieldsets/) that must print before them to keep the record order. Empty when the generic
   * names are the meter's names; the driver then names the meter type and pins its golden telegrams.
   */
  fields: readonly DriverField[];
  /** Fields read from manufacturer bytes instead of records (@omdp/wmbus reads them; wired ignores). */
  payload?: readonly PayloadField[];
  /** Fields that are the sum of other printed fields of the reading (@omdp/wmbus adds them; wired ignores). */
  sums?: readonly SumField[];
  golden: readonly GoldenTelegram[];
}

/**
 * A value in manufacturer-specific bytes (a proprietary wireless payload after a manufacturer CI
 * 0xA0-0xB7, the data after DIF 0x0F, or the data of the record `from` selects): `length` bytes at `offset`, LSB first, as an unsigned
 * integer or BCD, times `scale`.
 */
export interface PayloadField {
  name: string;
  unit: FieldUnit;
  offset: number;
  length: number;
  coding: "uint" | "bcd";
  scale?: number;
  /**
   * Register-coded payloads (one id byte, then data of a size fixed per id): walk from `start`, skipping
   * each register by `sizes`, to the register `id`; `offset` then counts from its first data byte.
   */
  register?: { id: number; start: number; sizes: Readonly<Record<number, number>> };
  /** The bytes are the data of this record (e.g. a manufacturer VIF record) instead of the 0x0F block. */
  from?: RecordSelector;
}

/**
 * A value the meter sends in parts: the sum of other printed fields (`of`, printed names such as
 * `current_kwh`), e.g. a total sent as the previous and the current period, or the power of three phases.
 * Printed only when every part is a number.
 */
export interface SumField {
  name: string;
  unit: FieldUnit;
  of: readonly string[];
}
