// Meter drivers as data: types, the registry, the matcher and the generic fallback.
export {
  type DecodedBody,
  type DriverReading,
  driverMatches,
  pickDriver,
  printedName,
  readValues,
  valueIn,
} from "./apply";
export { HEAT_STANDARD } from "./fieldsets/heat";
export { type Place, repeated, standard } from "./fieldsets/standard";
export { WATER_DUE_DATE } from "./fieldsets/water";
export { GENERIC_NAMES, genericName, type RecordPlace, standardName } from "./generic";
export { DRIVERS } from "./registry";
export { recordMatches, selectRecord } from "./select";
export type {
  DriverField,
  DriverMatch,
  FieldUnit,
  GoldenTelegram,
  MeterDriver,
  PayloadField,
  RecordSelector,
  SumField,
} from "./types";
export { conversion } from "./units";
