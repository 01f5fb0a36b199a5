/**
 * The real ModuleClient's link state as `SdkModuleHost.isConnected()` reports it (the sharing health
 * check answers from it): up once connected, down when the hub goes away (the SDK is still retrying,
 * so the client itself emits no `disconnect`), up again when a hub is back on the same port.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningModule, startModule } from "@omdp/edge-module";
import { createLogger } from "@omdp/logger";
import { afterAll, describe, expect, it } from "vitest";
import { type EdgeHub, startEdgeHub } from "../../simulator/src/edgehub/index";
import { until } from "../support/until";

const quiet = createLogger("test", { level: "error" });

describe("module link state", () => {
  const dir = mkdtempSync(join(tmpdir(), "omdp-link-"));
  let hub: EdgeHub | undefined;
  let mod: RunningModule | undefined;
  afterAll(async () => {
    await mod?.stop();
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("is down while the hub is gone and up again when it is back", async () => {
    const start = (mqttPort: number) =>
      startEdgeHub({
        dataDir: dir,
        mqttPort,
        adminPort: null,
        upstream: null,
        runModules: false,
        logger: quiet,
      });
    hub = await start(0);
    const port = hub.mqttPort;
    mod = await startModule("sharing", () => {}, {
      connectionString: hub.connectionStringFor("sharing"),
      ca: hub.ca,
      logger: quiet,
    });
    const host = mod.host;
    expect(host.isConnected()).toBe(true);

    await hub.stop();
    hub = undefined;
    await until(() => !host.isConnected(), 10_000, "the link reported down");

    hub = await start(port);
    await until(() => host.isConnected(), 30_000, "the link reported up again");
  });
});
