import provisioningDevice from "azure-iot-provisioning-device";
import provisioningMqtt from "azure-iot-provisioning-device-mqtt";
import symmetricKey from "azure-iot-security-symmetric-key";
import { ProvisioningError } from "./derive-key";

export interface RegistrationRequest {
  /** DPS endpoint; `global.azure-devices-provisioning.net` in Azure (host[:port]). */
  provisioningHost: string;
  idScope: string;
  registrationId: string;
  /** The device's own (derived) symmetric key, base64. */
  symmetricKey: string;
  /** Optional custom payload the allocation policy sees (e.g. { modelId, householdId }). */
  payload?: Record<string, unknown>;
}

export interface Assignment {
  assignedHub: string;
  deviceId: string;
  /** Device connection string for the assigned hub. Contains the key: never log it. */
  connectionString: string;
}

/**
 * Registers a device with DPS over MQTT (symmetric key attestation) and returns its assignment.
 * A leaf device adds `;GatewayHostName=<edge>` to the connection string to connect through the edge.
 */
// The SDK packages are CommonJS: take their named exports from the default export.
const { ProvisioningDeviceClient } = provisioningDevice;
const { Mqtt } = provisioningMqtt;
const { SymmetricKeySecurityClient } = symmetricKey;

export function registerDevice(req: RegistrationRequest): Promise<Assignment> {
  const security = new SymmetricKeySecurityClient(req.registrationId, req.symmetricKey);
  const client = ProvisioningDeviceClient.create(
    req.provisioningHost,
    req.idScope,
    new Mqtt(),
    // Same class; the packages each pin their own copy of azure-iot-common, so the types differ.
    security as unknown as Parameters<typeof ProvisioningDeviceClient.create>[3],
  );
  if (req.payload) client.setProvisioningPayload(req.payload);
  return new Promise((resolve, reject) => {
    client.register((err, result) => {
      if (err || !result) {
        const status = (err as { responseBody?: unknown } | undefined)?.responseBody;
        reject(
          new ProvisioningError(
            `DPS registration failed: ${err?.message ?? "no result"}${status ? ` (${JSON.stringify(status)})` : ""}`,
          ),
        );
        return;
      }
      const { assignedHub, deviceId } = result as { assignedHub: string; deviceId: string };
      resolve({
        assignedHub,
        deviceId,
        connectionString: `HostName=${assignedHub};DeviceId=${deviceId};SharedAccessKey=${req.symmetricKey}`,
      });
    });
  });
}
