/**
 * The reader's module end to end on the local edge hub: simulated DLMS meters on an M-Bus/TCP gateway,
 * `modules/mbusReader` as a child process started by the hub (its real main.ts, runModule, ModuleClient),
 * its `readings` output routed by `readerToSharing` to a stand-in `sharing` module on the real SDK.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connectModule, type InboundMessage, type SdkModuleHost } from "@omdp/edge-module";
import { createLogger } from "@omdp/logger";
import { MeterReading } from "@omdp/model";
import { afterAll, describe, expect, it } from "vitest";
import { type EdgeHub, startEdgeHub } from "../../simulator/src/edgehub/index";
import {
  createMeterFleet,
  type MeterFleet,
  serveTcp,
  type TcpGateway,
} from "../../simulator/src/meters/index";
import { until } from "../support/until";

const quiet = createLogger("test", { level: "error" });

describe("mbusReader module on the local edge hub", () => {
  const dir = mkdtempSync(join(tmpdir(), "omdp-edge-reader-"));
  let fleet: MeterFleet | undefined;
  let gw: TcpGateway | undefined;
  let hub: EdgeHub | undefined;
  let sharing: SdkModuleHost | undefined;
  afterAll(async () => {
    await sharing?.close();
    await hub?.stop();
    fleet?.stop();
    await gw?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads pushes from the meters and routes them to sharing's readings input", async () => {
    fleet = createMeterFleet({ meters: [{ id: "KFM1000000001", kind: "dlms", seed: 1 }], speed: 5 });
    gw = await serveTcp(fleet, 0);
    const keysFile = join(dir, "keys.json");
    writeFileSync(keysFile, JSON.stringify(fleet.keys()), { mode: 0o600 });
    hub = await startEdgeHub({
      dataDir: dir,
      mqttPort: 0,
      adminPort: null,
      upstream: null,
      runModules: ["mbusReader"],
      simulatorTcp: `127.0.0.1:${gw.port}`,
      moduleEnv: { OMDP_READER_KEYS_FILE: keysFile, OMDP_LOG_LEVEL: "error" },
      logger: quiet,
    });
    const got: InboundMessage[] = [];
    sharing = await connectModule({
      connectionString: hub.connectionStringFor("sharing"),
      ca: hub.ca,
      logger: quiet,
    });
    sharing.onInput("readings", (m) => {
      got.push(m);
    });
    await until(() => gw!.clients === 1, 30_000, "reader connected to the meters", 50);
    fleet.start();
    await until(() => got.length >= 2, 30_000, "two readings", 50);

    const first = got[0]!;
    expect(first.properties.kind).toBe("reading");
    expect(first.properties.meterId).toBe("KFM1000000001");
    expect(first.properties["$.cmid"]).toBe("mbusReader");
    expect(first.contentType).toBe("application/json");
    const reading = MeterReading.parse(first.body);
    expect(reading.meterId).toBe("KFM1000000001");
    expect(reading.source.gatewayId).toBe("edge-local");
    expect(reading.values.some((v) => v.property === "1-0:1.8.0" && v.unit === "Wh")).toBe(true);
  });
});
