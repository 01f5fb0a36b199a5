/** EN 13757-3:2013 tables 4-5: DIF function field and data field codings, as data. */

/** DIF bits 5-4 (clause 6.3.2), plus the two special data blocks of clause 6.3.3. */
export type RecordFunction =
  | "instantaneous"
  | "maximum"
  | "minimum"
  | "error"
  | "manufacturer"
  | "moreRecordsFollow"
  | "globalReadout";

export const DIF_FUNCTION: readonly RecordFunction[] = ["instantaneous", "maximum", "minimum", "error"];

export type DataCoding =
  | "none"
  | "int8"
  | "int16"
  | "int24"
  | "int32"
  | "real32"
  | "int48"
  | "int64"
  | "selection"
  | "bcd2"
  | "bcd4"
  | "bcd6"
  | "bcd8"
  | "lvar"
  | "bcd12"
  | "special";

/** DIF bits 3-0 (table 4): coding and data length in bytes (-1 = variable length, LVAR). */
export const DIF_CODING: readonly { coding: DataCoding; length: number }[] = [
  { coding: "none", length: 0 },
  { coding: "int8", length: 1 },
  { coding: "int16", length: 2 },
  { coding: "int24", length: 3 },
  { coding: "int32", length: 4 },
  { coding: "real32", length: 4 },
  { coding: "int48", length: 6 },
  { coding: "int64", length: 8 },
  { coding: "selection", length: 0 },
  { coding: "bcd2", length: 1 },
  { coding: "bcd4", length: 2 },
  { coding: "bcd6", length: 3 },
  { coding: "bcd8", length: 4 },
  { coding: "lvar", length: -1 },
  { coding: "bcd12", length: 6 },
  { coding: "special", length: 0 },
];

/** Special DIF values (clause 6.3.3, table 6). */
export const DIF_SPECIAL = {
  MANUFACTURER_DATA: 0x0f,
  MORE_RECORDS_FOLLOW: 0x1f,
  IDLE_FILLER: 0x2f,
  GLOBAL_READOUT: 0x7f,
} as const;

/** Limits of clause 6.3.1 / 6.4.1: at most 10 DIFEs and 10 VIFEs per record. */
export const MAX_DIFE = 10;
export const MAX_VIFE = 10;
