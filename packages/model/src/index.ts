export { intervalId, resolutionMs } from "./ids";
export {
  OBIS,
  obisFromBytes,
  PROPERTIES,
  type PropertyDefinition,
  type PropertyKind,
  propertyDefinition,
} from "./obis";
export {
  Event,
  IntervalRecord,
  MessageKind,
  MeterReading,
  PropertyValue,
  Quality,
  Resolution,
  Rfc3339,
  SCHEMA_VERSION,
  Severity,
} from "./schemas";
