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
export { GENERIC_NAMES, genericName } from "./generic";
export { DRIVERS } from "./registry";
export { recordMatches, selectRecord } from "./select";
export type {
  DriverField,
  DriverMatch,
  FieldUnit,
  GoldenTelegram,
  MeterDriver,
  RecordSelector,
} from "./types";
export { conversion } from "./units";
