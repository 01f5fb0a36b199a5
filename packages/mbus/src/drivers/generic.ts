/**
 * The fallback when no driver matches (and for the records a driver does not name): standard records
 * (EN 13757-3 VIF table 10-14 quantities) to normalised names, wmbusmeters' names where they exist.
 * A name is qualified by function, storage, tariff and subunit so that no two records share one.
 */
import type { DataRecord } from "../app/record";
import type { FieldUnit } from "./types";

interface GenericName {
  name: string;
  unit: FieldUnit;
  /** Name used for storage 1 (the value at the last due date), where wmbusmeters has one. */
  target?: string;
}

/** Codec quantity id -> normalised name and unit (one table). */
export const GENERIC_NAMES: Readonly<Record<string, GenericName>> = {
  energy: { name: "total_energy_consumption", unit: "kwh", target: "target_energy" },
  reactiveEnergy: { name: "total_reactive_energy_consumption", unit: "kvarh" },
  volume: { name: "total_volume", unit: "m3", target: "target_volume" },
  power: { name: "current_power", unit: "w" },
  volumeFlow: { name: "volume_flow", unit: "m3h" },
  flowTemperature: { name: "flow_temperature", unit: "c" },
  returnTemperature: { name: "return_temperature", unit: "c" },
  temperatureDifference: { name: "flow_return_temperature_difference", unit: "c" },
  externalTemperature: { name: "external_temperature", unit: "c" },
  voltage: { name: "voltage", unit: "v" },
  current: { name: "current", unit: "a" },
  frequency: { name: "frequency", unit: "hz" },
  onTime: { name: "on_time", unit: "h" },
  operatingTime: { name: "operating_time", unit: "h" },
  hcaUnits: { name: "current_consumption", unit: "hca", target: "consumption_at_set_date" },
  relativeHumidity: { name: "current_relative_humidity", unit: "rh" },
  pressure: { name: "pressure", unit: "bar" },
  dateTime: { name: "meter_datetime", unit: "datetime", target: "target_datetime" },
  date: { name: "meter_date", unit: "date", target: "target_date" },
  fabricationNumber: { name: "fabrication_no", unit: "text" },
};

const PREFIX: Partial<Record<DataRecord["function"], string>> = {
  maximum: "max_",
  minimum: "min_",
  error: "at_error_",
};

const FUNCTIONS: readonly DataRecord["function"][] = ["instantaneous", "maximum", "minimum", "error"];
/** Names already made, by quantity and then function, storage, tariff and subunit (decode-rate path). */
const CACHE = new Map<string, Map<number, { name: string; unit: FieldUnit } | null>>();
/** Bound of the cache: hostile telegrams with ever new storage numbers must not grow it without end. */
const CACHE_LIMIT = 4096;
let cached = 0;

/** The generic name of a record, or null when the record has no standard quantity. */
export function genericName(r: DataRecord): { name: string; unit: FieldUnit } | null {
  if (r.table === "manufacturer") return null;
  const f = FUNCTIONS.indexOf(r.function);
  if (f < 0 || r.storage >= 0x10000 || r.tariff >= 0x100 || r.subunit >= 0x100) return makeName(r);
  const key = f + 4 * (r.subunit + 0x100 * (r.tariff + 0x100 * r.storage));
  let byKey = CACHE.get(r.quantity);
  if (byKey === undefined) {
    byKey = new Map();
    CACHE.set(r.quantity, byKey);
  }
  let n = byKey.get(key);
  if (n === undefined) {
    n = makeName(r);
    if (cached < CACHE_LIMIT) {
      byKey.set(key, n);
      cached++;
    }
  }
  return n;
}

function makeName(r: DataRecord): { name: string; unit: FieldUnit } | null {
  if (r.table === "manufacturer") return null;
  return standardName(r);
}

/** Where a standard record stands: its function, storage, tariff and subunit (EN 13757-3 clause 6.3). */
export interface RecordPlace {
  quantity: string;
  function: DataRecord["function"];
  storage: number;
  tariff: number;
  subunit: number;
}

/**
 * The normalised name of a standard quantity at a place: `max_`/`min_`/`at_error_` by function, the
 * target name for storage 1 where there is one, then `_storage_N`, `_tariff_N`, `_subunit_N`.
 * Null for a quantity without a name or a function with no prefix.
 */
export function standardName(p: RecordPlace): { name: string; unit: FieldUnit } | null {
  const g = GENERIC_NAMES[p.quantity];
  if (g === undefined) return null;
  const prefix = PREFIX[p.function];
  if (prefix === undefined && p.function !== "instantaneous") return null;
  let name = p.storage === 1 && g.target !== undefined ? g.target : g.name;
  if (p.storage > 1 || (p.storage === 1 && g.target === undefined)) name += `_storage_${p.storage}`;
  if (p.tariff > 0) name += `_tariff_${p.tariff}`;
  if (p.subunit > 0) name += `_subunit_${p.subunit}`;
  return { name: `${prefix ?? ""}${name}`, unit: g.unit };
}
