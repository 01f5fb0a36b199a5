/**
 * EN 13757-3:2013 table 15 "Combinable (orthogonal) VIFE-code extension table", as data. Index: VIFE & 0x7F.
 * Each entry says what the extension does to the record:
 *  - "error":      a record error code (slave to master), 0x00-0x1F (table 16)
 *  - "per":        the quantity per a unit; `suffix` is appended to the unit ("/h")
 *  - "scale":      multiplies the value by 10^exponent (multiplicative correction factor)
 *  - "offset":     additive correction constant 10^exponent x unit (reported, not applied)
 *  - "note":       changes the meaning only (limits, accumulation direction, date of ...)
 *  - "manufacturer": the following VIFEs and the data of this record are manufacturer specific
 */
export type VifeEffect = "error" | "per" | "scale" | "offset" | "note" | "manufacturer";

export interface VifeEntry {
  effect: VifeEffect;
  description: string;
  suffix?: string;
  exponent?: number;
}

interface VifeRange {
  first: number;
  last: number;
  effect: VifeEffect;
  description: string;
  suffix?: string;
  expBase?: number;
}

export const COMBINABLE_VIFE_RANGES: readonly VifeRange[] = [
  { first: 0x00, last: 0x1f, effect: "error", description: "Record error" },
  { first: 0x20, last: 0x20, effect: "per", description: "per second", suffix: "/s" },
  { first: 0x21, last: 0x21, effect: "per", description: "per minute", suffix: "/min" },
  { first: 0x22, last: 0x22, effect: "per", description: "per hour", suffix: "/h" },
  { first: 0x23, last: 0x23, effect: "per", description: "per day", suffix: "/d" },
  { first: 0x24, last: 0x24, effect: "per", description: "per week", suffix: "/week" },
  { first: 0x25, last: 0x25, effect: "per", description: "per month", suffix: "/month" },
  { first: 0x26, last: 0x26, effect: "per", description: "per year", suffix: "/year" },
  { first: 0x27, last: 0x27, effect: "per", description: "per revolution / measurement", suffix: "/rev" },
  { first: 0x28, last: 0x29, effect: "note", description: "increment per input pulse on input channel" },
  { first: 0x2a, last: 0x2b, effect: "note", description: "increment per output pulse on output channel" },
  { first: 0x2c, last: 0x2c, effect: "per", description: "per litre", suffix: "/l" },
  { first: 0x2d, last: 0x2d, effect: "per", description: "per m3", suffix: "/m3" },
  { first: 0x2e, last: 0x2e, effect: "per", description: "per kg", suffix: "/kg" },
  { first: 0x2f, last: 0x2f, effect: "per", description: "per K", suffix: "/K" },
  { first: 0x30, last: 0x30, effect: "per", description: "per kWh", suffix: "/kWh" },
  { first: 0x31, last: 0x31, effect: "per", description: "per GJ", suffix: "/GJ" },
  { first: 0x32, last: 0x32, effect: "per", description: "per kW", suffix: "/kW" },
  { first: 0x33, last: 0x33, effect: "per", description: "per (K*l)", suffix: "/(K*l)" },
  { first: 0x34, last: 0x34, effect: "per", description: "per V", suffix: "/V" },
  { first: 0x35, last: 0x35, effect: "per", description: "per A", suffix: "/A" },
  { first: 0x36, last: 0x36, effect: "note", description: "multiplied by s" },
  { first: 0x37, last: 0x37, effect: "note", description: "multiplied by s/V" },
  { first: 0x38, last: 0x38, effect: "note", description: "multiplied by s/A" },
  { first: 0x39, last: 0x39, effect: "note", description: "start date(/time) of" },
  { first: 0x3a, last: 0x3a, effect: "note", description: "VIF contains uncorrected unit" },
  { first: 0x3b, last: 0x3b, effect: "note", description: "accumulation only if positive contributions" },
  {
    first: 0x3c,
    last: 0x3c,
    effect: "note",
    description: "accumulation of abs value only if negative contributions",
  },
  { first: 0x40, last: 0x40, effect: "note", description: "lower limit value" },
  { first: 0x48, last: 0x48, effect: "note", description: "upper limit value" },
  { first: 0x41, last: 0x41, effect: "note", description: "number of exceeds of lower limit" },
  { first: 0x49, last: 0x49, effect: "note", description: "number of exceeds of upper limit" },
  {
    first: 0x42,
    last: 0x43,
    effect: "note",
    description: "date(/time) of begin/end of first lower limit exceed",
  },
  {
    first: 0x46,
    last: 0x47,
    effect: "note",
    description: "date(/time) of begin/end of last lower limit exceed",
  },
  {
    first: 0x4a,
    last: 0x4b,
    effect: "note",
    description: "date(/time) of begin/end of first upper limit exceed",
  },
  {
    first: 0x4e,
    last: 0x4f,
    effect: "note",
    description: "date(/time) of begin/end of last upper limit exceed",
  },
  { first: 0x50, last: 0x53, effect: "note", description: "duration of first lower limit exceed" },
  { first: 0x54, last: 0x57, effect: "note", description: "duration of last lower limit exceed" },
  { first: 0x58, last: 0x5b, effect: "note", description: "duration of first upper limit exceed" },
  { first: 0x5c, last: 0x5f, effect: "note", description: "duration of last upper limit exceed" },
  { first: 0x60, last: 0x63, effect: "note", description: "duration of first" },
  { first: 0x64, last: 0x67, effect: "note", description: "duration of last" },
  { first: 0x6a, last: 0x6b, effect: "note", description: "date(/time) of begin/end of first" },
  { first: 0x6e, last: 0x6f, effect: "note", description: "date(/time) of begin/end of last" },
  { first: 0x70, last: 0x77, effect: "scale", description: "multiplicative correction factor", expBase: -6 },
  { first: 0x78, last: 0x7b, effect: "offset", description: "additive correction constant", expBase: -3 },
  {
    first: 0x7d,
    last: 0x7d,
    effect: "scale",
    description: "multiplicative correction factor 1000",
    expBase: 3,
  },
  { first: 0x7e, last: 0x7e, effect: "note", description: "future value" },
  {
    first: 0x7f,
    last: 0x7f,
    effect: "manufacturer",
    description: "next VIFEs and data of this block are manufacturer specific",
  },
];

function expand(ranges: readonly VifeRange[]): readonly VifeEntry[] {
  const reserved: VifeEntry = Object.freeze({ effect: "note", description: "reserved" });
  const table: VifeEntry[] = new Array(128).fill(reserved);
  for (const r of ranges) {
    for (let code = r.first; code <= r.last; code++) {
      const e: VifeEntry = { effect: r.effect, description: r.description };
      if (r.suffix !== undefined) e.suffix = r.suffix;
      if (r.expBase !== undefined) e.exponent = r.expBase + (code - r.first);
      table[code] = Object.freeze(e);
    }
  }
  return Object.freeze(table);
}

export const COMBINABLE_VIFE = expand(COMBINABLE_VIFE_RANGES);

/** EN 13757-3 table 16: record error codes carried in a VIFE 0x00-0x1F (slave to master). */
export const RECORD_ERRORS: readonly string[] = [
  "none",
  "too many DIFEs",
  "storage number not implemented",
  "unit number not implemented",
  "tariff number not implemented",
  "function not implemented",
  "data class not implemented",
  "data size not implemented",
  "reserved",
  "reserved",
  "reserved",
  "too many VIFEs",
  "illegal VIF-group",
  "illegal VIF-exponent",
  "VIF/DIF mismatch",
  "unimplemented action",
  "reserved",
  "reserved",
  "reserved",
  "reserved",
  "reserved",
  "no data available (undefined value)",
  "data overflow",
  "data underflow",
  "data error",
  "reserved",
  "reserved",
  "reserved",
  "premature end of record",
  "reserved",
  "reserved",
  "reserved",
];
