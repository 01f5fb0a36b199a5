export { crc16, formatCrc } from "./crc16";
export { type EncodeInput, type EncodeLine, encodeTelegram, hexText, register } from "./encode";
export { DSMR_ERROR_CODES, DsmrError, type DsmrErrorCode, type DsmrErrorDetails } from "./errors";
export { type DsmrCrc, type DsmrFrame, type DsmrHeader, decodeFrame, type FrameLine } from "./frame";
export { type DataLine, parseLine } from "./line";
export { type DsmrBufferEntry, type DsmrNumber, type DsmrObject, toObject } from "./objects";
export { decodeP1, type P1Options, type P1Result, tryDecodeP1 } from "./p1";
export { type DsmrReadingContext, toMeterReading } from "./reading";
export {
  decryptSmarty,
  encryptSmarty,
  isSmartyFrame,
  parseSmartyFrame,
  SMARTY_TAG,
  type SmartyEncryptOptions,
  type SmartyFrame,
  type SmartyKeys,
} from "./smarty";
export { type P1StreamEvent, P1StreamParser, type P1StreamStats } from "./stream";
export {
  DSMR_OBJECTS,
  type DsmrObjectDef,
  type DsmrShape,
  MBUS_DEVICE_TYPES,
  objectDef,
} from "./tables/obis";
export { type DecodeOptions, type DsmrTelegram, decodeTelegram, findObject } from "./telegram";
export { type DsmrTime, formatTimestamp, parseTimestamp } from "./timestamp";
export { derivedProperties, toReadingValues } from "./values";
