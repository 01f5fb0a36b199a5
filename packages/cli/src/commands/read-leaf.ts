/**
 * `omdp read --leaf`: the reader as its own small device (the "completely divided" arrangement). It
 * provisions itself through DPS (symmetric key derived from the enrollment group) when given a scope,
 * or uses a device connection string, and sends its readings and diagnostics through the edge gateway
 * (`GatewayHostName`), where the `leafTo*` routes deliver them to analytics, events and sharing.
 */
import { readFileSync } from "node:fs";
import { connectLeafDevice, type ModuleHost } from "@omdp/edge-module";
import type { Logger } from "@omdp/logger";
import { registerDevice } from "@omdp/provisioning";

export interface LeafOptions {
  /** File holding a device connection string (with or without GatewayHostName). */
  connectionStringFile?: string;
  /** DPS: id scope, registration id, the file holding the derived device key, and the DPS host. */
  dpsScope?: string;
  registrationId?: string;
  deviceKeyFile?: string;
  dpsHost?: string;
  /** The edge gateway's host name (GatewayHostName); its CA certificate file. */
  gateway?: string;
  caFile?: string;
}

export class LeafOptionError extends Error {}

/** Builds the leaf device's connection string from a file or a DPS registration. Keys stay in files. */
export async function leafConnectionString(o: LeafOptions, log: Logger): Promise<string> {
  let cs: string;
  if (o.connectionStringFile) cs = readFileSync(o.connectionStringFile, "utf8").trim();
  else if (o.dpsScope) {
    if (!o.registrationId || !o.deviceKeyFile)
      throw new LeafOptionError("--dps-scope needs --registration-id and --device-key-file");
    const a = await registerDevice({
      provisioningHost: o.dpsHost ?? "global.azure-devices-provisioning.net",
      idScope: o.dpsScope,
      registrationId: o.registrationId,
      symmetricKey: readFileSync(o.deviceKeyFile, "utf8").trim(),
    });
    log.info("provisioned through DPS", { assignedHub: a.assignedHub, deviceId: a.deviceId });
    cs = a.connectionString;
  } else
    throw new LeafOptionError(
      "--leaf needs --connection-string-file FILE or --dps-scope with --registration-id",
    );
  if (o.gateway) cs = `${cs.replace(/;GatewayHostName=[^;]*/i, "")};GatewayHostName=${o.gateway}`;
  if (!/;GatewayHostName=/i.test(cs))
    throw new LeafOptionError("a leaf device needs --gateway HOST (GatewayHostName)");
  return cs;
}

export async function connectLeaf(o: LeafOptions, log: Logger): Promise<ModuleHost> {
  const connectionString = await leafConnectionString(o, log);
  return connectLeafDevice({
    connectionString,
    ...(o.caFile ? { ca: readFileSync(o.caFile, "utf8") } : {}),
    logger: log.child("leaf"),
  });
}
