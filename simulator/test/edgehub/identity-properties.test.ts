import { connectLeafDevice, type InboundMessage, type SdkModuleHost } from "@omdp/edge-module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionProperties, type UpstreamMessage } from "../../src/edgehub/index";
import { quiet, startTestHub, type TestHub, until } from "./helpers";

describe("connectionProperties", () => {
  it("drops client-supplied $.cdid/$.cmid and sets them from the session identity", () => {
    const claimed = { "$.cdid": "edge-local", "$.cmid": "mbusReader", "$.mid": "m-1" };
    expect(connectionProperties(claimed, { deviceId: "leaf-1" })).toEqual({
      "$.mid": "m-1",
      "$.cdid": "leaf-1",
    });
    expect(connectionProperties(claimed, { deviceId: "edge-local", moduleId: "events" })).toEqual({
      "$.mid": "m-1",
      "$.cdid": "edge-local",
      "$.cmid": "events",
    });
  });
});

describe("identity properties of routed messages come from the authenticated connection only", () => {
  let t: TestHub;
  let leaf: SdkModuleHost;
  const upstream: UpstreamMessage[] = [];
  beforeAll(async () => {
    t = await startTestHub({
      upstream: async (messages) => {
        upstream.push(...messages);
        return true;
      },
      forwarder: { minBackoffMs: 10, maxBackoffMs: 20 },
    });
    leaf = await connectLeafDevice({
      connectionString: t.hub.connectionStringFor("reader-leaf-1"),
      ca: t.hub.ca,
      logger: quiet,
    });
  });
  afterAll(async () => {
    await leaf?.close();
    await t?.close();
  });

  it("a leaf device claiming $.cmid/$.cdid reaches the module input with its own $.cdid and no $.cmid", async () => {
    const analytics = await t.connect("analytics");
    const got: InboundMessage[] = [];
    analytics.onInput("readings", (m) => {
      got.push(m);
    });
    await until(() => t.hub.connected().includes("edge-local/analytics"), 5_000, "analytics");
    // The SDK encodes `$` as %24; the hub decodes it into the system property it claims to be.
    await leaf.send(
      "readings",
      { n: 1 },
      { kind: "reading", "$.cmid": "mbusReader", "$.cdid": "edge-local" },
    );
    await until(() => got.length === 1, 5_000, "leaf reading routed");
    expect(got[0]!.properties["$.cdid"]).toBe("reader-leaf-1");
    expect(got[0]!.properties).not.toHaveProperty("$.cmid");
  });

  it("a module claiming another $.cdid/$.cmid reaches inputs and $upstream as itself", async () => {
    const sharing = await t.connect("sharing");
    const events = await t.connect("events");
    const got: InboundMessage[] = [];
    events.onInput("control", (m) => {
      got.push(m);
    });
    await until(() => t.hub.connected().includes("edge-local/events"), 5_000, "events");
    const claim = { "$.cdid": "other-edge", "$.cmid": "mbusReader" };
    await sharing.send("control", { op: "x" }, { kind: "control", ...claim });
    await sharing.send("upstream", { n: 2 }, { kind: "interval", ...claim });
    await until(() => got.length === 1 && upstream.length === 1, 5_000, "control and upstream message");
    expect(got[0]!.properties).toMatchObject({ "$.cdid": "edge-local", "$.cmid": "sharing" });
    expect(upstream[0]!.systemProperties).toMatchObject({
      "iothub-connection-device-id": "edge-local",
      "iothub-connection-module-id": "sharing",
    });
    expect(upstream[0]!.properties).toEqual({ kind: "interval" });
  });
});
