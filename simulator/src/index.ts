export { type CloudHost, type CloudHostOptions, startCloudHost } from "./cloudhost/index";
export * from "./edgehub/index";
export {
  createMeterFleet,
  defaultFleet,
  type FleetFaults,
  type FleetOptions,
  type Medium,
  type MeterFleet,
  type MeterInfo,
  type MeterKind,
  type MeterSpec,
  type PtyLine,
  type PtyOptions,
  type SentTelegram,
  type SentValue,
  servePty,
  serveTcp,
  type TcpGateway,
} from "./meters/index";
