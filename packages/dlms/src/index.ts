// @omdp/dlms: DLMS/COSEM push telegrams over M-Bus, HDLC or as bare APDUs; AES-GCM; A-XDR; COSEM;
// per-meter profiles; normalisation to MeterReading.

export { DATA_ACCESS_RESULTS, dataAccessResultName } from "./apdu/access-result";
export { type ApduSecurity, type ApduService, type DecodedApdu, decodeApdu } from "./apdu/apdu";
export {
  type CipheredApdu,
  type DecipherKeys,
  decipher,
  encryptGloCiphering,
  type GloCipheringInput,
  readCiphered,
} from "./apdu/ciphering";
export {
  type CosemAttribute,
  type EventNotification,
  readEventNotification,
} from "./apdu/event-notification";
export { GbtAssembler, type GbtBlock, readGbtBlock } from "./apdu/gbt";
export { type AccessResult, GET_RESPONSE, type GetResponse, readGetResponse } from "./apdu/get-response";
export { describeNonData, type NonDataApdu } from "./apdu/non-data";
export { type DataNotification, INVOKE_ID_BITS, readDataNotification } from "./apdu/notification";
export { parseSecurityControl, SC_BITS, type SecurityControl } from "./apdu/security";
export { readServiceCiphered } from "./apdu/service-ciphering";
export { APDU_NAMES, APDU_TABLE, APDU_TAG, type ApduCategory, type ApduTagInfo, apduTag } from "./apdu/tags";
export { type AxdrDecoded, decodeData, MAX_DEPTH } from "./axdr/decode";
export { type AxdrInput, type CompactDescription, encodeData } from "./axdr/encode";
export { encodeLength, readLength } from "./axdr/length";
export { DATA_TYPE_LIST, type DataType, dataType, dataTypeByName } from "./axdr/types";
export type { AxdrValue } from "./axdr/value";
export { type BenchTelegram, benchDlms, type DlmsBenchResult, dlmsBenchTelegrams } from "./bench";
export {
  CLOCK_STATUS,
  type DateTimeInput,
  type DlmsDateTime,
  dateTimeToRfc3339,
  decodeDateTime,
  encodeDateTime,
  formatDateTime,
} from "./cosem/datetime";
export { formatObis, LOGICAL_NAME, obisToPropertyId, parseObis } from "./cosem/obis";
export { meterIdFromSystemTitle } from "./cosem/system-title";
export { DLMS_UNITS, dlmsUnit } from "./cosem/units";
export { applyScaler, type CosemValue, type JsonValue } from "./cosem/value";
export { CONVENTIONS, walkBody } from "./cosem/walk";
export {
  type DataNotificationInput,
  encodeDataNotification,
  encodeHdlcPush,
  type HdlcPushOptions,
} from "./encode";
export { DlmsError, type DlmsErrorCode, type DlmsLayer, type DlmsResult } from "./errors";
export { type HdlcApdu, HdlcApduAssembler } from "./hdlc/assemble";
export { crc16x25 } from "./hdlc/crc16";
export { decodeHdlcFrame, encodeHdlcFrame, type HdlcEncodeOptions, type HdlcFrame } from "./hdlc/frame";
export { type HdlcStreamEvent, HdlcStreamParser } from "./hdlc/stream";
export { parseHex, toHex } from "./hex";
export {
  findWrappedLength,
  type LongFrameScan,
  scanLongFrame,
  WRAPPED_L,
} from "./mbus/long-frame";
export {
  encodeMbusPush,
  isDlmsSegment,
  MBUS_DLMS,
  MbusDlmsAssembler,
  type MbusPushOptions,
  readMbusPush,
} from "./mbus/segments";
export { MAX_MBUS_DLMS_FRAME, type MbusDlmsStreamEvent, MbusDlmsStreamParser } from "./mbus/stream";
export { type NormaliseContext, toMeterReading } from "./normalise";
export { type DlmsProfile, findProfile, matchProfile, PROFILES, type ProfileElement } from "./profiles/index";
export {
  type DecodePushOptions,
  decodePush,
  decodePushApdu,
  type PushSecurity,
  type PushTelegram,
} from "./push";
export { type DlmsTransport, detectTransport } from "./transport";
