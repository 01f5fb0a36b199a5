// @omdp/mbus: EN 13757-2 link layer and EN 13757-3 application layer codec.

// application layer (EN 13757-3)
export { manufacturerCode, manufacturerLetters } from "./app/manufacturer";
// errors
export {
  type DecodeResult,
  ERROR_CODES,
  MbusError,
  type MbusErrorCode,
  type MbusErrorDetails,
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
