import { connectModule } from "@omdp/edge-module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSasToken, generateKey, verifySasToken } from "../../src/edgehub/index";
import { quiet, startTestHub, type TestHub } from "./helpers";

function withKey(cs: string, key: string): string {
  return cs.replace(/SharedAccessKey=[^;]+/, `SharedAccessKey=${key}`);
}

describe("SAS tokens", () => {
  const key = generateKey();
  const uri = "hub.example/devices/edge-local/modules/analytics";
  it("verifies a token it created", () => {
    const token = createSasToken(uri, key, 2_000_000_000);
    expect(verifySasToken(token, uri, key, 1_900_000_000).se).toBe(2_000_000_000);
  });
  it("refuses an expired token, another resource, another key", () => {
    const token = createSasToken(uri, key, 1_000);
    expect(() => verifySasToken(token, uri, key, 1_000)).toThrow(/expired/);
    const fresh = createSasToken(uri, key, 2_000_000_000);
    expect(() => verifySasToken(fresh, `${uri}x`, key, 0)).toThrow(/another resource/);
    expect(() => verifySasToken(fresh, uri, generateKey(), 0)).toThrow(/signature/);
    expect(() => verifySasToken("SharedAccessSignature sr=a&se=1", uri, key, 0)).toThrow(/'sig' missing/);
  });
});

describe("edge hub authentication with the real SDK", () => {
  let t: TestHub;
  let skewMs = 0;
  beforeAll(async () => {
    t = await startTestHub({ now: () => Date.now() + skewMs });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("accepts the module's own connection string", async () => {
    const host = await connectModule({
      connectionString: t.hub.connectionStringFor("events"),
      ca: t.hub.ca,
      logger: quiet,
    });
    expect(t.hub.connected()).toContain("edge-local/events");
    await host.close();
  });

  it("refuses a token signed with the wrong key", async () => {
    const bad = withKey(t.hub.connectionStringFor("events"), generateKey());
    await expect(connectModule({ connectionString: bad, ca: t.hub.ca, logger: quiet })).rejects.toThrow();
    expect(t.hub.connected()).not.toContain("edge-local/events");
  });

  it("refuses an expired token (hub clock two hours ahead of the token's expiry)", async () => {
    skewMs = 2 * 3600 * 1000;
    await expect(
      connectModule({ connectionString: t.hub.connectionStringFor("events"), ca: t.hub.ca, logger: quiet }),
    ).rejects.toThrow();
    skewMs = 0;
  });

  it("refuses an identity the hub does not know", async () => {
    const other = t.hub.connectionStringFor("events").replace("ModuleId=events", "ModuleId=intruder");
    await expect(connectModule({ connectionString: other, ca: t.hub.ca, logger: quiet })).rejects.toThrow();
  });
});
