/**
 * EN 13757-3 data records to OBIS properties (IEC 62056-61 value groups A = medium: 1 electricity,
 * 6 heat, 7 gas, 8 cold water, 9 hot water), as data. Only current values map (function
 * "instantaneous", storage 0, tariff 0, subunit 0); historic values and tariffs are left out of the
 * reading rather than mislabelled.
 */

/** Media by EN 13757-3 table 3 code, to the OBIS A group. */
export const MEDIUM_TO_OBIS_A: Readonly<Record<number, number>> = {
  2: 1, // electricity
  32: 1, // breaker: electricity
  4: 6, // heat: outlet
  12: 6, // heat: inlet
  13: 6, // heat / cooling
  3: 7, // gas
  7: 8, // water
  22: 8, // cold water
  6: 9, // warm water
  21: 9, // hot water
  8: 4, // heat cost allocator
};

export interface ObisRule {
  /** OBIS A group (from the medium). */
  readonly a: number;
  /** Record quantity as @omdp/mbus names it (VIF table "quantity"). */
  readonly quantity: string;
  /** Record unit as @omdp/mbus gives it (SI, the VIF exponent already applied). */
  readonly unit: string;
  readonly property: string;
  /** Unit in the reading (the platform's: SI without prefix). */
  readonly readingUnit: string;
  /** Factor from the record unit to the reading unit. */
  readonly factor?: number;
}

export const OBIS_RULES: readonly ObisRule[] = [
  // electricity (sub-meters)
  { a: 1, quantity: "energy", unit: "Wh", property: "1-0:1.8.0", readingUnit: "Wh" },
  { a: 1, quantity: "energy", unit: "J", property: "1-0:1.8.0", readingUnit: "Wh", factor: 1 / 3600 },
  { a: 1, quantity: "power", unit: "W", property: "1-0:1.7.0", readingUnit: "W" },
  { a: 1, quantity: "voltage", unit: "V", property: "1-0:32.7.0", readingUnit: "V" },
  { a: 1, quantity: "current", unit: "A", property: "1-0:31.7.0", readingUnit: "A" },
  // heat
  { a: 6, quantity: "energy", unit: "Wh", property: "6-0:1.0.0", readingUnit: "Wh" },
  { a: 6, quantity: "energy", unit: "J", property: "6-0:1.0.0", readingUnit: "Wh", factor: 1 / 3600 },
  { a: 6, quantity: "volume", unit: "m3", property: "6-0:2.0.0", readingUnit: "m3" },
  { a: 6, quantity: "power", unit: "W", property: "6-0:8.0.0", readingUnit: "W" },
  { a: 6, quantity: "volumeFlow", unit: "m3/h", property: "6-0:9.0.0", readingUnit: "m3/h" },
  { a: 6, quantity: "flowTemperature", unit: "degC", property: "6-0:10.0.0", readingUnit: "degC" },
  { a: 6, quantity: "returnTemperature", unit: "degC", property: "6-0:11.0.0", readingUnit: "degC" },
  // gas
  { a: 7, quantity: "volume", unit: "m3", property: "7-0:3.0.0", readingUnit: "m3" },
  // water
  { a: 8, quantity: "volume", unit: "m3", property: "8-0:1.0.0", readingUnit: "m3" },
  { a: 9, quantity: "volume", unit: "m3", property: "9-0:1.0.0", readingUnit: "m3" },
  { a: 8, quantity: "volumeFlow", unit: "m3/h", property: "8-0:2.0.0", readingUnit: "m3/h" },
  { a: 9, quantity: "volumeFlow", unit: "m3/h", property: "9-0:2.0.0", readingUnit: "m3/h" },
  // heat cost allocators (EN 13757-3 VIF 0x6E, units for H.C.A.)
  { a: 4, quantity: "hcaUnits", unit: "", property: "4-0:1.0.0", readingUnit: "HCA" },
];

const BY_KEY = new Map(OBIS_RULES.map((r) => [`${r.a}|${r.quantity}|${r.unit}`, r]));

export interface RecordLike {
  readonly function: string;
  readonly storage: number;
  readonly tariff: number;
  readonly subunit: number;
  readonly quantity: string;
  readonly unit: string;
  readonly value: number | string | null;
}

/** The property a record maps to, with its value in reading units, or undefined. */
export function recordToProperty(
  mediumCode: number,
  r: RecordLike,
): { property: string; value: number; unit: string } | undefined {
  if (r.function !== "instantaneous" || r.storage !== 0 || r.tariff !== 0 || r.subunit !== 0)
    return undefined;
  if (typeof r.value !== "number") return undefined;
  const a = MEDIUM_TO_OBIS_A[mediumCode];
  if (a === undefined) return undefined;
  const rule = BY_KEY.get(`${a}|${r.quantity}|${r.unit}`);
  if (!rule) return undefined;
  const v = rule.factor ? r.value * rule.factor : r.value;
  // clean up float noise of decimal scaling (0.1 steps): 12 significant digits are plenty for a meter
  return { property: rule.property, value: Number.parseFloat(v.toPrecision(12)), unit: rule.readingUnit };
}
