// @omdp/mbus: EN 13757-2 link layer and EN 13757-3 application layer codec.

export { CI, type CiLayout, ciLayout } from "./app/ci";
export { type DataField, lvarLength, readDataField, scale, type ValueKind } from "./app/data-field";
export { type Dib, readDib } from "./app/dib";
// encoding (EN 13757-3, the simulator and master use these)
export { type RecordSpec, vibFor, vibScaling } from "./app/encode-record";
export {
  type ApplicationErrorSpec,
  defaultCi,
  encodeRecord,
  encodeTelegram,
  encodeUserData,
  type FixedCounterSpec,
  type FixedDataSpec,
  type LongHeaderSpec,
  type SelectionSpec,
  type ShortHeaderSpec,
  telegramFrame,
  type UserDataSpec,
  type VariableDataSpec,
} from "./app/encode-telegram";
export { decodeFixedData, FIXED_DATA_LENGTH, type FixedCounter, type FixedData } from "./app/fixed-data";
export {
  LONG_HEADER_LENGTH,
  type LongHeader,
  type Medium,
  SHORT_HEADER_LENGTH,
  type ShortHeader,
  type StatusFlags,
  statusFlags,
} from "./app/header";
// application layer (EN 13757-3)
export { manufacturerCode, manufacturerLetters } from "./app/manufacturer";
export { type DataRecord, decodeRecord, type RecordDecodeResult } from "./app/record";
export {
  type ApplicationError,
  decodeRecords,
  decodeTelegram,
  decodeTelegramBytes,
  decodeTelegramHex,
  decodeUserData,
  type SelectionData,
  type Telegram,
  type UserData,
  type VariableData,
} from "./app/telegram";
export { readVib, type Vib, type VifTable } from "./app/vib";
// meter drivers as data (drivers/): normalised values by meter type, generic names otherwise
export {
  conversion,
  type DecodedBody,
  DRIVERS,
  type DriverField,
  type DriverMatch,
  type DriverReading,
  driverMatches,
  type FieldUnit,
  GENERIC_NAMES,
  type GoldenTelegram,
  genericName,
  type MeterDriver,
  type PayloadField,
  pickDriver,
  printedName,
  type RecordSelector,
  readValues,
  recordMatches,
  selectRecord,
  valueIn,
} from "./drivers/index";
// errors
export {
  type DecodeOptions,
  type DecodeResult,
  ERROR_CODES,
  MbusError,
  type MbusErrorCode,
  type MbusErrorDetails,
  type RecordError,
} from "./errors";
export { parseHex, toHex } from "./hex";
// link layer (EN 13757-2)
export { checksum } from "./link/checksum";
export { ADDRESS, BYTE, C, C_BITS, isFromMaster } from "./link/control";
export {
  type DecodedFrame,
  decodeFrame,
  decodeSingleFrame,
  encodeFrame,
  type Frame,
  MAX_L,
  MIN_L,
} from "./link/frame";
export {
  encodeRequest,
  FcbTracker,
  MASTER_CI,
  matchesSecondary,
  parseSelection,
  reqUd1,
  reqUd2,
  type SecondaryIdentity,
  type SecondaryPattern,
  selectSecondary,
  sndNke,
  sndUd,
} from "./link/master";
export { type FrameEvent, FrameParser, type FrameParserStats } from "./link/stream";
// code tables (EN 13757-3), as data
export { APPLICATION_ERRORS, applicationErrorName } from "./tables/app-errors";
export {
  type DataCoding,
  DIF_CODING,
  DIF_FUNCTION,
  DIF_SPECIAL,
  MAX_DIFE,
  MAX_VIFE,
  type RecordFunction,
} from "./tables/dif";
export { FIXED_UNITS, type FixedUnit } from "./tables/fixed";
export { MEDIUM, mediumName } from "./tables/medium";
export type { VifEntry, VifRange, VifValueKind } from "./tables/types";
export { FB_VIF, FB_VIF_RANGES } from "./tables/vif-fb";
export { FD_VIF, FD_VIF_RANGES } from "./tables/vif-fd";
export { PRIMARY_VIF, PRIMARY_VIF_RANGES, VIF_SPECIAL } from "./tables/vif-primary";
export { COMBINABLE_VIFE, RECORD_ERRORS, type VifeEntry } from "./tables/vife-combinable";
