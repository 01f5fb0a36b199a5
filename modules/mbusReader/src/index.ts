export { DesiredConfig, defaultTransport, SetKeyRequest } from "./config";
export { type MbusReaderOptions, readerConfigFor, setupMbusReader } from "./module";
