export { CRC_VARIANTS, type CrcVariant, crc16kermit, crc16x25 } from "./crc";
export { decodeInt, encodeIntBytes, type SmlInt } from "./cursor";
export {
  type EncodeOptions,
  encodeMessage,
  encodeSml,
  type SmlEntryInput,
  type SmlMessageInput,
} from "./encode";
export { manufacturer, scale } from "./entry";
export { SML_ERROR_CODES, SmlError, type SmlErrorCode, type SmlErrorDetails } from "./errors";
export { type DecodeOptions, decodeSml, type SmlResult, tryDecodeSml } from "./file";
export { BODY_TAG } from "./message";
export { DZG_POWER_REGISTERS, type QuirkUse, SML_QUIRKS, type SmlQuirk, type SmlQuirkId } from "./quirks";
export { type SmlReadingContext, toMeterReading } from "./reading";
export { type SmlStreamEvent, SmlStreamParser, type SmlStreamStats } from "./stream";
export { encodeTl, readTl, type Tl, type TlType } from "./tl";
export { readTransport, type TransportFrame } from "./transport";
export type {
  SmlBody,
  SmlCloseResponse,
  SmlFile,
  SmlGetListResponse,
  SmlListEntry,
  SmlMessage,
  SmlOpenResponse,
  SmlOtherBody,
  SmlTime,
  SmlValue,
} from "./types";
export { toReadingValues } from "./values";
