import { parseArgs } from "node:util";
import { deriveDeviceKey, ProvisioningError, registerDevice } from "@omdp/provisioning";

const HELP = `Usage:
  omdp dps derive-key --group-key BASE64 --registration-id ID
      Prints the device key DPS derives for a member of a symmetric-key enrollment group
      (base64 HMAC-SHA256 of the registration id under the group key).
  omdp dps register --scope ID_SCOPE --registration-id ID (--device-key BASE64 | --group-key BASE64)
                    [--host global.azure-devices-provisioning.net] [--gateway HOST]
      Registers the device with DPS over MQTT and prints { assignedHub, deviceId }. With --gateway
      (a leaf device behind an edge gateway) the connection string gets GatewayHostName. The key
      is never printed; --connection-string-out FILE writes the connection string (mode 600).`;

export async function run(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv.includes("--help") || argv.includes("-h") || argv[0] === "help") {
    process.stdout.write(`${HELP}\n`);
    return argv.length === 0 ? 1 : 0;
  }
  const [verb, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      "group-key": { type: "string" },
      "device-key": { type: "string" },
      "registration-id": { type: "string" },
      scope: { type: "string" },
      host: { type: "string", default: "global.azure-devices-provisioning.net" },
      gateway: { type: "string" },
      "connection-string-out": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help || !verb) {
    process.stdout.write(`${HELP}\n`);
    return verb ? 0 : 1;
  }
  try {
    const registrationId = required(values["registration-id"], "--registration-id");
    if (verb === "derive-key") {
      process.stdout.write(
        `${deriveDeviceKey(required(values["group-key"], "--group-key"), registrationId)}\n`,
      );
      return 0;
    }
    if (verb === "register") {
      const key =
        values["device-key"] ??
        deriveDeviceKey(required(values["group-key"], "--group-key or --device-key"), registrationId);
      const a = await registerDevice({
        provisioningHost: values.host!,
        idScope: required(values.scope, "--scope"),
        registrationId,
        symmetricKey: key,
      });
      const cs = values.gateway
        ? `${a.connectionString};GatewayHostName=${values.gateway}`
        : a.connectionString;
      if (values["connection-string-out"]) {
        const { writeFileSync } = await import("node:fs");
        writeFileSync(values["connection-string-out"], `${cs}\n`, { mode: 0o600 });
      }
      process.stdout.write(`${JSON.stringify({ assignedHub: a.assignedHub, deviceId: a.deviceId })}\n`);
      return 0;
    }
    process.stderr.write(`omdp dps: unknown action '${verb}'\n${HELP}\n`);
    return 2;
  } catch (e) {
    if (e instanceof ProvisioningError) {
      process.stderr.write(`omdp dps: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new ProvisioningError(`${flag} is required`, flag);
  return value;
}
