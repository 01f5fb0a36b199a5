// @omdp/wmbus: wireless M-Bus (EN 13757-4, EN 13757-7, OMS Vol. 2) codec; records via @omdp/mbus.
export { AFL_CI, type Afl, MAC_LENGTH, macInput, readAfl } from "./afl/afl";
export { expand, FormatCache, layoutOf, type RecordLayout, signatureOf } from "./app/compact";
export { descramblePrios, PRIOS_DEFAULT_KEYS, PRIOS_MANUFACTURERS } from "./app/prios";
export { wirelessValues } from "./drivers/apply";
export { KNOWN_FORMATS } from "./drivers/formats";
export { type PayloadField, readPayloadField } from "./drivers/payload";
export { WIRELESS_DRIVERS } from "./drivers/registry";
export type { WirelessDriver } from "./drivers/types";
export { ELL_LENGTH, type Ell, ellIv, readEll } from "./ell/ell";
export { encodeWmbus, type WmbusSpec } from "./encode";
export { hex2, hex4, WMBUS_ERROR_CODES, WmbusError, type WmbusErrorCode, type WmbusResult } from "./errors";
export {
  C_FIELD,
  idString,
  type LinkAddress,
  type LinkHeader,
  readAddress,
  readLinkHeader,
} from "./link/address";
export {
  addCrcsA,
  addCrcsB,
  type BlockOptions,
  type Blocks,
  blocksA,
  type FrameFormat,
  readBlocks,
  wireLengthA,
} from "./link/blocks";
export { crc16 } from "./link/crc";
export { cbcDecrypt, cbcEncrypt, ctr } from "./security/aes";
export { cmac } from "./security/cmac";
export { DC_ENC_FROM_METER, DC_MAC_FROM_METER, deriveKey } from "./security/kdf";
export { type Encryption, mode5Iv } from "./security/tpl";
export {
  decodeWmbus,
  decodeWmbusHex,
  type KeyLookup,
  type WmbusDecodeOptions,
  type WmbusTelegram,
} from "./telegram";
export { type ConfigField, configFor, readConfig } from "./tpl/config";
export { readTpl, TPL_CI, type TplHeader, type TplKind } from "./tpl/header";
