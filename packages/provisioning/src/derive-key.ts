import { createHmac } from "node:crypto";

/**
 * The device key of an enrollment-group member, as DPS computes it for symmetric-key attestation:
 * base64(HMAC-SHA256(key = base64decode(groupKey), message = UTF-8 registration id)).
 * (Azure DPS, "Symmetric key attestation", section "Derive a device key".)
 */
export function deriveDeviceKey(groupKeyBase64: string, registrationId: string): string {
  const key = Buffer.from(groupKeyBase64, "base64");
  if (key.length === 0) throw new ProvisioningError("group key is empty or not base64", "groupKey");
  if (!/^[a-z0-9.\-_:]{1,128}$/i.test(registrationId))
    throw new ProvisioningError(
      "registration id must be 1-128 characters of letters, digits, '.', '-', '_' or ':'",
      "registrationId",
    );
  return createHmac("sha256", key).update(registrationId, "utf8").digest("base64");
}

/** A provisioning input or service error; `field` names the offending input. Keys never appear in it. */
export class ProvisioningError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "ProvisioningError";
  }
}
