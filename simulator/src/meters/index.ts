export type { BusAttachment, SimBus } from "./bus";
export { MeterClock } from "./clock";
export {
  defaultAuthKeyHex,
  defaultKeyHex,
  dlmsVariantFor,
  meterIdForSystemTitle,
  systemTitleFor,
} from "./dlmsMeter";
export { ElectricityElement, type ElectricityRegisters } from "./electricity";
export { collide, corruptBytes, dropBytes, garbageBytes } from "./faults";
export { createMeterFleet, type FleetFaults, type FleetOptions, type MeterFleet } from "./fleet";
export { type HouseholdProfile, householdProfile, type PowerSample, sampleAt } from "./loadCurve";
export { MEDIUM_CODE, secondaryIdFor } from "./mbusMeter";
export { flowAt, MediumElement, type MediumKind } from "./media";
export type { MeterInfo } from "./meter";
export { defaultFleet, type FleetPreset } from "./presets";
export { IntegratingRegister } from "./registers";
export { encodeSagemcomNotification, type SagemcomNotificationInput } from "./sagemcomT210";
export { defaultPeerPath, type PtyLine, type PtyOptions, servePty } from "./servePty";
export { serveTcp, type TcpGateway } from "./serveTcp";
export type {
  DlmsVariant,
  Medium,
  MeterKeyEntry,
  MeterKind,
  MeterSpec,
  SentTelegram,
  SentValue,
  TelegramFault,
} from "./types";
export {
  createWmbusMeter,
  receiverBytes,
  WH_PER_HCA_UNIT,
  WMBUS_DEVICE_TYPE,
  type WmbusDevice,
  type WmbusReceiver,
  wmbusDeviceOf,
  wmbusIdFor,
} from "./wmbusMeter";
