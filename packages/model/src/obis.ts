/**
 * The OBIS property catalogue (IEC 62056-61): every property id the platform emits, written once as data.
 * Ids are `A-B:C.D.E` (the F group 255 is implied). Units are SI without prefixes (DESIGN.md).
 */
export type PropertyKind =
  | "energy"
  | "power"
  | "voltage"
  | "current"
  | "powerFactor"
  | "volume"
  | "flow"
  | "temperature"
  | "other";

export interface PropertyDefinition {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly kind: PropertyKind;
  /** Registers only ever grow (cumulative counters). */
  readonly cumulative: boolean;
}

const def = (
  id: string,
  name: string,
  unit: string,
  kind: PropertyKind,
  cumulative = false,
): PropertyDefinition => ({
  id,
  name,
  unit,
  kind,
  cumulative,
});

export const PROPERTIES: readonly PropertyDefinition[] = [
  def("1-0:1.8.0", "Active energy import (A+)", "Wh", "energy", true),
  def("1-0:2.8.0", "Active energy export (A-)", "Wh", "energy", true),
  def("1-0:1.8.1", "Active energy import tariff 1", "Wh", "energy", true),
  def("1-0:1.8.2", "Active energy import tariff 2", "Wh", "energy", true),
  def("1-0:2.8.1", "Active energy export tariff 1", "Wh", "energy", true),
  def("1-0:2.8.2", "Active energy export tariff 2", "Wh", "energy", true),
  def("1-0:3.8.0", "Reactive energy import (Q+)", "varh", "energy", true),
  def("1-0:4.8.0", "Reactive energy export (Q-)", "varh", "energy", true),
  def("1-0:1.7.0", "Active power import (P+)", "W", "power"),
  def("1-0:2.7.0", "Active power export (P-)", "W", "power"),
  def("1-0:3.7.0", "Reactive power import", "var", "power"),
  def("1-0:4.7.0", "Reactive power export", "var", "power"),
  def("1-0:21.7.0", "Active power import L1", "W", "power"),
  def("1-0:41.7.0", "Active power import L2", "W", "power"),
  def("1-0:61.7.0", "Active power import L3", "W", "power"),
  def("1-0:32.7.0", "Voltage L1", "V", "voltage"),
  def("1-0:52.7.0", "Voltage L2", "V", "voltage"),
  def("1-0:72.7.0", "Voltage L3", "V", "voltage"),
  def("1-0:31.7.0", "Current L1", "A", "current"),
  def("1-0:51.7.0", "Current L2", "A", "current"),
  def("1-0:71.7.0", "Current L3", "A", "current"),
  def("1-0:13.7.0", "Power factor", "", "powerFactor"),
  def("6-0:1.0.0", "Heat energy", "Wh", "energy", true),
  def("6-0:2.0.0", "Heat volume", "m3", "volume", true),
  def("6-0:8.0.0", "Heat power", "W", "power"),
  def("6-0:9.0.0", "Heat flow", "m3/h", "flow"),
  def("6-0:10.0.0", "Flow temperature", "degC", "temperature"),
  def("6-0:11.0.0", "Return temperature", "degC", "temperature"),
  def("7-0:3.0.0", "Gas volume", "m3", "volume", true),
  def("8-0:1.0.0", "Cold water volume", "m3", "volume", true),
  def("9-0:1.0.0", "Hot water volume", "m3", "volume", true),
  // EN 13757-1 value groups for the media of wireless M-Bus meters (A = 4 heat cost allocator, 8 cold
  // water, 9 hot water; C = 1 integral/volume, C = 2 flow rate) and the error register (0-0:97.97.0)
  def("8-0:2.0.0", "Cold water flow", "m3/h", "flow"),
  def("9-0:2.0.0", "Hot water flow", "m3/h", "flow"),
  // HCA units are unrated heat consumption (EN 834): of kind energy, in the allocator's own units
  def("4-0:1.0.0", "Heat cost allocator units", "HCA", "energy", true),
  def("0-0:97.97.0", "Meter status (error register)", "", "other"),
];

const BY_ID = new Map(PROPERTIES.map((p) => [p.id, p]));

/** The catalogue entry of a property id, or undefined for ids outside the catalogue. */
export function propertyDefinition(id: string): PropertyDefinition | undefined {
  return BY_ID.get(id);
}

/** Well-known property ids, by role. */
export const OBIS = {
  energyImport: "1-0:1.8.0",
  energyExport: "1-0:2.8.0",
  reactiveImport: "1-0:3.8.0",
  reactiveExport: "1-0:4.8.0",
  powerImport: "1-0:1.7.0",
  powerExport: "1-0:2.7.0",
  voltageL1: "1-0:32.7.0",
  voltageL2: "1-0:52.7.0",
  voltageL3: "1-0:72.7.0",
  currentL1: "1-0:31.7.0",
  currentL2: "1-0:51.7.0",
  currentL3: "1-0:71.7.0",
  powerFactor: "1-0:13.7.0",
} as const;

/** `1.0.1.8.0.255` (DLMS logical name bytes) to `1-0:1.8.0` (F=255 dropped, kept otherwise as `*F`). */
export function obisFromBytes(b: ArrayLike<number>): string {
  const base = `${b[0]}-${b[1]}:${b[2]}.${b[3]}.${b[4]}`;
  return b[5] === 255 ? base : `${base}*${b[5]}`;
}
