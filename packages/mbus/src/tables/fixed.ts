/**
 * EN 13757-3:2013 annex (fixed data structure, CI 0x73): counter units, as data. Values are converted to
 * SI units without prefix: `factor` multiplies the raw counter.
 */
export interface FixedUnit {
  unit: string;
  factor: number;
  quantity: string;
}

const E = (unit: string, factor: number, quantity: string): FixedUnit =>
  Object.freeze({ unit, factor, quantity });

export const FIXED_UNITS: readonly FixedUnit[] = Object.freeze([
  E("s", 1, "time"), // h,m,s
  E("", 1, "date"), // D,M,Y
  E("Wh", 1, "energy"),
  E("Wh", 10, "energy"),
  E("Wh", 100, "energy"),
  E("Wh", 1e3, "energy"),
  E("Wh", 1e4, "energy"),
  E("Wh", 1e5, "energy"),
  E("Wh", 1e6, "energy"),
  E("Wh", 1e7, "energy"),
  E("Wh", 1e8, "energy"),
  E("J", 1e3, "energy"),
  E("J", 1e4, "energy"),
  E("J", 1e5, "energy"),
  E("J", 1e6, "energy"),
  E("J", 1e7, "energy"),
  E("J", 1e8, "energy"),
  E("J", 1e9, "energy"),
  E("J", 1e10, "energy"),
  E("J", 1e11, "energy"),
  E("W", 1, "power"),
  E("W", 10, "power"),
  E("W", 100, "power"),
  E("W", 1e3, "power"),
  E("W", 1e4, "power"),
  E("W", 1e5, "power"),
  E("W", 1e6, "power"),
  E("W", 1e7, "power"),
  E("W", 1e8, "power"),
  E("J/h", 1e3, "power"),
  E("J/h", 1e4, "power"),
  E("J/h", 1e5, "power"),
  E("J/h", 1e6, "power"),
  E("J/h", 1e7, "power"),
  E("J/h", 1e8, "power"),
  E("J/h", 1e9, "power"),
  E("J/h", 1e10, "power"),
  E("J/h", 1e11, "power"),
  E("m3", 1e-6, "volume"),
  E("m3", 1e-5, "volume"),
  E("m3", 1e-4, "volume"),
  E("m3", 1e-3, "volume"),
  E("m3", 1e-2, "volume"),
  E("m3", 1e-1, "volume"),
  E("m3", 1, "volume"),
  E("m3", 10, "volume"),
  E("m3", 100, "volume"),
  E("m3/h", 1e-6, "volumeFlow"),
  E("m3/h", 1e-5, "volumeFlow"),
  E("m3/h", 1e-4, "volumeFlow"),
  E("m3/h", 1e-3, "volumeFlow"),
  E("m3/h", 1e-2, "volumeFlow"),
  E("m3/h", 1e-1, "volumeFlow"),
  E("m3/h", 1, "volumeFlow"),
  E("m3/h", 10, "volumeFlow"),
  E("m3/h", 100, "volumeFlow"),
  E("degC", 1e-3, "temperature"),
  E("", 1, "hcaUnits"),
  E("", 1, "reserved"),
  E("", 1, "reserved"),
  E("", 1, "reserved"),
  E("", 1, "reserved"),
  E("", 1, "historic"), // same but historic
  E("", 1, "none"), // without units
]);
