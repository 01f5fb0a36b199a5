/** EN 13757-3:2013 table 3 "Device type identification" (medium), as data. */
export const MEDIUM: Readonly<Record<number, string>> = Object.freeze({
  0: "Other",
  1: "Oil",
  2: "Electricity",
  3: "Gas",
  4: "Heat: Outlet",
  5: "Steam",
  6: "Warm water (30-90 degC)",
  7: "Water",
  8: "Heat Cost Allocator",
  9: "Compressed Air",
  10: "Cooling load meter: Outlet",
  11: "Cooling load meter: Inlet",
  12: "Heat: Inlet",
  13: "Heat / Cooling load meter",
  14: "Bus / System",
  15: "Unknown Medium",
  16: "Irrigation water",
  17: "Water data logger",
  18: "Gas data logger",
  19: "Gas converter",
  20: "Calorific value",
  21: "Hot water (>=90 degC)",
  22: "Cold water",
  23: "Dual water",
  24: "Pressure",
  25: "A/D Converter",
  26: "Smoke detector",
  27: "Room sensor",
  28: "Gas detector",
  32: "Breaker: Electricity",
  33: "Valve: Gas or water",
  37: "Customer unit: Display device",
  40: "Waste water",
  41: "Garbage",
  42: "Carbon dioxide",
  49: "Communication controller",
  50: "Unidirectional repeater",
  51: "Bidirectional repeater",
  54: "Radio converter: system side",
  55: "Radio converter: meter side",
});

const NAMES: readonly string[] = (() => {
  const a: string[] = [];
  for (let i = 0; i < 256; i++) a.push(MEDIUM[i] ?? "Reserved");
  return Object.freeze(a);
})();

export function mediumName(code: number): string {
  return NAMES[code & 0xff]!;
}
