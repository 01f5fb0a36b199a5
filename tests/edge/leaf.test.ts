import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connectLeafDevice, connectModule, type InboundMessage, type SdkModuleHost } from "@omdp/edge-module";
import { createLogger } from "@omdp/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type EdgeHub, startEdgeHub } from "../../simulator/src/edgehub/index";
import { until } from "../support/until";

const quiet = createLogger("test", { level: "error" });

describe("the reader as a leaf device behind the gateway (DeviceClient with GatewayHostName)", () => {
  let dir: string;
  let hub: EdgeHub;
  let analytics: SdkModuleHost;
  let leaf: SdkModuleHost;
  const got: InboundMessage[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "omdp-edge-leaf-"));
    hub = await startEdgeHub({
      dataDir: dir,
      mqttPort: 0,
      adminPort: 0,
      upstream: null,
      runModules: false,
      logger: quiet,
    });
    analytics = await connectModule({
      connectionString: hub.connectionStringFor("analytics"),
      ca: hub.ca,
      logger: quiet,
    });
    analytics.onInput("readings", (m) => {
      got.push(m);
    });
    leaf = await connectLeafDevice({
      connectionString: hub.connectionStringFor("reader-leaf-1"),
      ca: hub.ca,
      logger: quiet,
    });
  });
  afterAll(async () => {
    await leaf?.close();
    await analytics?.close();
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("needs GatewayHostName in its connection string", async () => {
    const direct = hub.connectionStringFor("reader-leaf-1").replace(/;GatewayHostName=[^;]+/, "");
    await expect(connectLeafDevice({ connectionString: direct, ca: hub.ca, logger: quiet })).rejects.toThrow(
      /GatewayHostName/,
    );
  });

  it("has its readings routed to the modules by the leaf routes, diagnostics not", async () => {
    await until(() => hub.connected().includes("edge-local/analytics"), 5_000, "analytics");
    await leaf.send("diagnostics", { kind: "diagnostics" }, { kind: "diagnostics" });
    await leaf.send("readings", { meterId: "m-9" }, { kind: "reading", meterId: "m-9" });
    await until(() => got.length >= 1, 5_000, "leaf reading");
    await new Promise((r) => setTimeout(r, 200));
    expect(got).toHaveLength(1);
    expect(got[0]!.body).toEqual({ meterId: "m-9" });
    expect(got[0]!.properties["$.cdid"]).toBe("reader-leaf-1");
    expect(got[0]!.properties["$.cmid"]).toBeUndefined();
    expect(got[0]!.properties.output).toBe("readings");
  });

  it("answers direct methods and reads its twin like a module", async () => {
    leaf.onMethod("getStatus", z.object({}), () => ({ ok: true }));
    leaf.onDesired(z.object({ pollSeconds: z.number().default(10) }), () => {});
    let r = await hub.invoke("reader-leaf-1", "getStatus", {});
    for (let i = 0; i < 20 && r.status === 404; i++) {
      await new Promise((res) => setTimeout(res, 100));
      r = await hub.invoke("reader-leaf-1", "getStatus", {});
    }
    expect(r).toEqual({ status: 200, payload: { ok: true } });
    await until(() => hub.twin("reader-leaf-1").reported.config !== undefined, 5_000, "reported config");
    expect(hub.twin("reader-leaf-1").reported.config).toMatchObject({ status: "applied" });
  });
});
