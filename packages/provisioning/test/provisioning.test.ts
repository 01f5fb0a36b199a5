import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deriveDeviceKey, ProvisioningError } from "../src";
import { type DpsStandIn, startDpsStandIn } from "./support/dps-standin";

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));

describe("deriveDeviceKey", () => {
  it("matches the known vector from the DPS symmetric-key documentation", () => {
    expect(
      deriveDeviceKey(
        "8isrFI1sGsIlvvFSSFRiMfCNzv21fjbE/+ah/lSh3lF8e2YG1Te7w1KpZhJFFXJrqYKi9yegxkqIChbqOS9Egw==",
        "sn-007-888-abc-mac-a1-b2-c3-d4-e5-f6",
      ),
    ).toBe("Jsm0lyGpjaVYVP2g3FnmnmG9dI/9qU24wNoykUmermc=");
  });

  it("names the bad input", () => {
    expect(() => deriveDeviceKey("", "dev-1")).toThrow(ProvisioningError);
    try {
      deriveDeviceKey("AAAA", "bad id with spaces");
    } catch (e) {
      expect((e as ProvisioningError).field).toBe("registrationId");
    }
    expect.assertions(2);
  });
});

describe("registerDevice through a DPS stand-in (the unchanged SDK over MQTT/TLS)", () => {
  const groupKey = Buffer.alloc(64, 7).toString("base64");
  const idScope = "0ne00ABCDEF";
  let dps: DpsStandIn;
  let dir: string;

  beforeAll(async () => {
    dps = await startDpsStandIn({ idScope, groupKey, assignedHub: "omdp-dev-iothub.azure-devices.net" });
    dir = mkdtempSync(join(tmpdir(), "omdp-dps-"));
    writeFileSync(join(dir, "ca.pem"), dps.caPem);
  });
  afterAll(async () => {
    await dps.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const register = (registrationId: string, key: string) =>
    run(process.execPath, ["--import", "tsx", join(here, "support/register-child.ts")], {
      env: {
        ...process.env,
        NODE_EXTRA_CA_CERTS: join(dir, "ca.pem"),
        DPS_HOST: `127.0.0.1:${dps.port}`,
        DPS_SCOPE: idScope,
        DPS_REGISTRATION_ID: registrationId,
        DPS_DEVICE_KEY: key,
      },
      timeout: 20_000,
    });

  it("sends the registration DPS specifies and gets the assignment", async () => {
    const registrationId = "edge-hh-1";
    const { stdout } = await register(registrationId, deriveDeviceKey(groupKey, registrationId));
    expect(JSON.parse(stdout)).toEqual({
      assignedHub: "omdp-dev-iothub.azure-devices.net",
      deviceId: registrationId,
      keyInConnectionString: true,
    });
    const connect = dps.connects.at(-1)!;
    expect(connect.clientId).toBe(registrationId);
    expect(connect.username).toMatch(
      new RegExp(
        `^${idScope}/registrations/${registrationId}/api-version=2019-03-31&ClientVersion=azure-iot-provisioning-device%2F\\d+\\.\\d+\\.\\d+$`,
      ),
    );
    expect(connect.password).toMatch(
      new RegExp(
        `^SharedAccessSignature sr=${idScope}/registrations/${registrationId}&sig=[^&]+&skn=registration&se=\\d+$`,
      ),
    );
    const put = dps.publishes.find((p) =>
      p.topic.startsWith("$dps/registrations/PUT/iotdps-register/?$rid="),
    )!;
    expect(JSON.parse(put.payload)).toEqual({ registrationId, payload: { householdId: "hh-1" } });
    expect(
      dps.publishes.some((p) =>
        /^\$dps\/registrations\/GET\/iotdps-get-operationstatus\/\?\$rid=[^&]+&operationId=op-/.test(p.topic),
      ),
    ).toBe(true);
  });

  it("is refused with a key that was not derived from the group key", async () => {
    const failure = await register("edge-hh-2", Buffer.alloc(32, 1).toString("base64")).then(
      () => undefined,
      (e: { stderr: string }) => e.stderr,
    );
    expect(failure).toMatch(/DPS registration failed|Not authorized|Unauthorized|Connection refused/i);
    expect(dps.connects.some((c) => c.clientId === "edge-hh-2")).toBe(true);
  });
});
