// @omdp/reader: the M-Bus reader (IoT Device): transports, listen/poll, decoding to MeterReadings.
export { Backoff, type BackoffOptions } from "./backoff";
export {
  D0Settings,
  KeyHex,
  LineProtocol,
  MeterConfig,
  ReaderConfig,
  type ReaderConfigInput,
  SecondaryAddress,
  SerialTransport,
  SystemTitleHex,
  TcpTransport,
  Transport,
  WmbusSettings,
} from "./config";
export { Connection, type ConnectionEvents, type ConnectionOptions } from "./connection";
export { D0PushPipeline } from "./d0Pipeline";
export { D0Requester, type D0RequestIo } from "./d0Request";
export { type Counter, DiagnosticsBook, type ReaderDiagnostics } from "./diagnostics";
export { DsmrPipeline } from "./dsmrPipeline";
export { ReaderError, type ReaderErrorCode } from "./errors";
export { KeyStore, type MeterKeys, type MeterKeysHex } from "./keys";
export {
  addKeyToFile,
  backupPath,
  KEYS_FILE_MODE,
  KeysFileContent,
  KeysFileEntry,
  KeysFileError,
  type KeysFileProblem,
  parseKeysFile,
  readKeysFile,
} from "./keysFile";
export { ListenPipeline, meterIdFromSystemTitle } from "./listen";
export { localToRfc3339 } from "./localTime";
export { type MasterIo, type MasterOptions, MbusMaster, type ProbeResult, ReadoutError } from "./master";
export { MEDIUM_TO_OBIS_A, OBIS_RULES, type ObisRule, recordToProperty } from "./obisMap";
export {
  createPushPipeline,
  type LinePipeline,
  type LineRole,
  lineRole,
  type PipelineDeps,
  type PipelineSink,
  type PushProtocol,
} from "./pipeline";
export { type FoundMeter, Poller, readoutToReading } from "./poll";
export {
  createReader,
  defaultPreset,
  linkFor,
  type Reader,
  type ReaderDeps,
  type ReaderEvents,
  type ReaderLog,
} from "./reader";
export { SmlPipeline } from "./smlPipeline";
export { answerTimeoutMs, answerWindowMs, transmitMs } from "./timing";
export { type ByteLink, type LinkFactory, LinkOpenError } from "./transport/link";
export { SERIAL_PRESETS, type SerialOptions, type SerialPreset, serialLink } from "./transport/serial";
export { streamLink } from "./transport/stream";
export { type TcpOptions, tcpLink } from "./transport/tcp";
export { AmberFraming, amberMessage, amberRssiDbm } from "./wmbus/amber";
export { createFraming, type ReceiverSettings } from "./wmbus/framings";
export { Im871aFraming, im871aMessage, im871aRssiDbm } from "./wmbus/im871a";
export { DUPLICATE_WINDOW_MS, type UnknownMeter, WmbusMeters } from "./wmbus/meters";
export { STATUS_BITS, telegramToReading } from "./wmbus/reading";
export type { ReceivedFrame, ReceiverEvent, ReceiverFraming, ReceiverKind } from "./wmbus/receiver";
export { parseLine as parseRtlWmbusLine, RtlWmbusFraming, rtlWmbusLine } from "./wmbus/rtlWmbus";
export { WmbusPipeline } from "./wmbusPipeline";
