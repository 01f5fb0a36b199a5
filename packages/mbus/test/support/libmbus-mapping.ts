/**
 * How the reference decoder (libmbus, normalised output) names things, mapped to this codec's ids.
 * The codec stays on its own vocabulary (DESIGN.md units, camelCase quantities); the mapping lives here,
 * in the test, and is the only place where the two are reconciled.
 */

/** libmbus quantity name -> our `quantity`. Plain-text VIFs are handled separately (libmbus prints the text). */
export const QUANTITY: Readonly<Record<string, string>> = {
  Energy: "energy",
  Volume: "volume",
  Power: "power",
  "Volume flow": "volumeFlow",
  "Flow temperature": "flowTemperature",
  "Return temperature": "returnTemperature",
  "External temperature": "externalTemperature",
  "Temperature difference": "temperatureDifference",
  "Time point (date)": "date",
  "Time point (date & time)": "dateTime",
  "H.C.A.": "hcaUnits",
  "Fabrication No": "fabricationNumber",
  Reserved: "reserved",
  "Manufacturer specific": "manufacturerSpecific",
  "On time": "onTime",
  "Operating time": "operatingTime",
  "Averaging Duration": "averagingDuration",
  "Actuality Duration": "actualityDuration",
  "Error flags": "errorFlags",
  "Digital Input": "digitalInput",
  "Firmware version": "firmwareVersion",
  "Software version": "softwareVersion",
  "Model / Version": "modelVersion",
  "Parameter set identification": "parameterSet",
  "Customer location": "customerLocation",
  Voltage: "voltage",
  Current: "current",
  "": "manufacturerData",
};

/** libmbus unit spelling -> ours (DESIGN.md: m3, degC; libmbus prints Latin-1 "°C" read as UTF-8 "Â°C"). */
export const UNIT: Readonly<Record<string, string>> = {
  Wh: "Wh",
  W: "W",
  "m^3": "m3",
  "m^3/h": "m3/h",
  "\u00c2\u00b0C": "degC",
  K: "K",
  V: "V",
  A: "A",
  s: "s",
  J: "J",
  "Units for H.C.A.": "",
  Reserved: "",
  "-": "",
  "": "",
};

/** libmbus function names -> ours. */
export const FUNCTION: Readonly<Record<string, string>> = {
  "Instantaneous value": "instantaneous",
  "Maximum value": "maximum",
  "Minimum value": "minimum",
  "Value during error state": "error",
  "Manufacturer specific": "manufacturer",
  "More records follow": "moreRecordsFollow",
  "Actual value": "actual",
  "Stored value": "stored",
};

/** Fixed data structure (CI 0x73): libmbus prints prefixed units; ours are SI without prefix. */
export const FIXED_UNIT: Readonly<Record<string, { unit: string; factor: number }>> = {
  kWh: { unit: "Wh", factor: 1000 },
  l: { unit: "m3", factor: 0.001 },
};

/** libmbus' own medium names for the fixed structure, by code. */
export const FIXED_MEDIUM: Readonly<Record<string, number>> = { Heat: 4 };

/** libmbus medium names use the Latin-1 degree sign; ours spell degC. */
export function mediumName(libmbus: string): string {
  return libmbus.replace("\u00c2\u00b0C", " degC");
}

/** libmbus prints date-times with seconds and a Z; ours carry seconds only when the telegram has them. */
export function dateTimeToLibmbus(ours: string): string {
  return ours.length === 16 ? `${ours}:00Z` : `${ours}Z`;
}

/** What libmbus prints for a date-time whose IV (invalid) bit is set. */
export const LIBMBUS_INVALID_DATETIME = "1900-01-00T00:00:00Z";
