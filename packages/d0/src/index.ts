export { isDecimal, scaleDecimal, unitRule, unscale } from "@omdp/model";
export { type IdDefaults, matchesPattern, type ObisCode, obisId, parseAddress } from "./address";
export {
  BAUD_MODE_B,
  BAUD_MODE_C,
  type BaudInfo,
  baudCharModeC,
  baudInfo,
  type D0Mode,
  INITIAL_BAUD,
} from "./baud";
export { bcc } from "./bcc";
export { type D0Value, type DataSet, parseDataSets } from "./dataset";
export { type EncodeDataSet, type EncodeInput, encodeDataMessage, encodeReadout, register } from "./encode";
export { D0_ERROR_CODES, D0Error, type D0ErrorCode, type D0ErrorDetails } from "./errors";
export { formatIdentification, type Identification, parseIdentification } from "./identification";
export {
  feedReader,
  optionSelect,
  type ReaderAction,
  type ReaderOptions,
  type ReaderPhase,
  type ReaderState,
  type ReaderStep,
  signOnRequest,
  startReader,
  transmitMs,
} from "./reader";
export { type D0ReadingContext, d0MeterId, toMeterReading } from "./reading";
export {
  type BccCheck,
  type D0Readout,
  type DataMessage,
  type DecodeOptions,
  decodeDataMessage,
  decodeReadout,
} from "./readout";
export { toReadingValues } from "./values";
