import { readFileSync } from "node:fs";
import { createLogger, type Logger } from "@omdp/logger";
import iotDevice from "azure-iot-device";
import iotDeviceMqtt from "azure-iot-device-mqtt";
import { devicePort, modulePort } from "./client-port";
import { SdkModuleHost } from "./sdk-host";

// The SDK packages are CommonJS; Node's ESM loader sees only some of their named exports.
const { Client: DeviceClient, ModuleClient } = iotDevice;
const { Mqtt } = iotDeviceMqtt;
type ModuleClient = InstanceType<typeof ModuleClient>;

export interface ConnectOptions {
  /** A module connection string; default: the environment (see `fromEnvironment`). */
  readonly connectionString?: string;
  /** PEM of the CA that signed the gateway's certificate (local hub); default `EdgeModuleCACertificateFile`. */
  readonly ca?: string;
  readonly logger?: Logger;
}

/** Error raised when the configuration needed to reach the gateway is missing or malformed. */
export class EdgeConfigError extends Error {
  override readonly name = "EdgeConfigError";
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** Parses `Key=value;Key=value` (values may contain `=`, as base64 keys do). */
export function parseConnectionString(cs: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of cs.split(";")) {
    const at = part.indexOf("=");
    if (at > 0) out[part.slice(0, at)] = part.slice(at + 1);
  }
  return out;
}

function readCa(explicit: string | undefined, file: string | undefined): string | undefined {
  if (explicit) return explicit;
  return file ? readFileSync(file, "utf8") : undefined;
}

/**
 * Connects a module. In a real IoT Edge, `ModuleClient.fromEnvironment` uses the workload API
 * (IOTEDGE_WORKLOADURI, ...); locally it reads `EdgeHubConnectionString` (with `GatewayHostName`) and the
 * CA from `EdgeModuleCACertificateFile`. An explicit connection string (tests) takes precedence.
 */
export async function connectModule(opts: ConnectOptions = {}): Promise<SdkModuleHost> {
  let client: ModuleClient;
  let ids: { deviceId: string; moduleId: string };
  if (opts.connectionString) {
    const cs = parseConnectionString(opts.connectionString);
    if (!cs.DeviceId || !cs.ModuleId)
      throw new EdgeConfigError("module connection string lacks DeviceId or ModuleId", "connectionString");
    client = ModuleClient.fromConnectionString(opts.connectionString, Mqtt);
    const ca = readCa(opts.ca, process.env.EdgeModuleCACertificateFile);
    if (ca) await client.setOptions({ ca });
    ids = { deviceId: cs.DeviceId, moduleId: cs.ModuleId };
  } else {
    client = await ModuleClient.fromEnvironment(Mqtt);
    if (opts.ca) await client.setOptions({ ca: opts.ca });
    const envCs = process.env.EdgeHubConnectionString || process.env.IotHubConnectionString;
    const cs = envCs ? parseConnectionString(envCs) : {};
    ids = {
      deviceId: cs.DeviceId ?? process.env.IOTEDGE_DEVICEID ?? "",
      moduleId: cs.ModuleId ?? process.env.IOTEDGE_MODULEID ?? "",
    };
  }
  const log = opts.logger ?? createLogger(ids.moduleId || "module");
  const host = new SdkModuleHost(modulePort(client), ids.deviceId, ids.moduleId, log);
  await host.open();
  return host;
}

export interface LeafOptions {
  /** Device connection string with `GatewayHostName` (default env `OMDP_LEAF_CONNECTION_STRING`). */
  readonly connectionString?: string;
  /** Gateway CA PEM (default: the file named by `OMDP_LEAF_CA_FILE` or `EdgeModuleCACertificateFile`). */
  readonly ca?: string;
  readonly logger?: Logger;
}

/**
 * Connects a leaf device (a `DeviceClient` through the gateway named by `GatewayHostName`). The result is
 * a `ModuleHost`: `send(output, ...)` becomes a device-to-cloud event with application property
 * `output`, routed by the gateway's `FROM /messages/* WHERE NOT IS_DEFINED($connectionModuleId)` routes;
 * twin and direct methods work as for a module. `moduleId` is the empty string.
 */
export async function connectLeafDevice(opts: LeafOptions = {}): Promise<SdkModuleHost> {
  const connectionString = opts.connectionString ?? process.env.OMDP_LEAF_CONNECTION_STRING;
  if (!connectionString)
    throw new EdgeConfigError("no leaf device connection string", "OMDP_LEAF_CONNECTION_STRING");
  const cs = parseConnectionString(connectionString);
  if (!cs.DeviceId) throw new EdgeConfigError("connection string lacks DeviceId", "connectionString");
  if (!cs.GatewayHostName)
    throw new EdgeConfigError(
      "a leaf device needs GatewayHostName in its connection string",
      "GatewayHostName",
    );
  const client = DeviceClient.fromConnectionString(connectionString, Mqtt);
  const ca = readCa(opts.ca, process.env.OMDP_LEAF_CA_FILE || process.env.EdgeModuleCACertificateFile);
  if (ca) await client.setOptions({ ca });
  const log = opts.logger ?? createLogger(cs.DeviceId);
  const host = new SdkModuleHost(devicePort(client), cs.DeviceId, "", log);
  await host.open();
  return host;
}
