/**
 * `omdp read --leaf`: the reader as its own device (the "completely divided" arrangement), a real child
 * process reading simulated DLMS meters over M-Bus/TCP and sending through the local gateway with a
 * DeviceClient (GatewayHostName); the gateway's leaf routes deliver the readings to analytics.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
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

const bin = resolve(dirname(fileURLToPath(import.meta.url)), "../../packages/cli/bin/omdp.js");
const quiet = createLogger("test", { level: "error" });

describe("omdp read --leaf", () => {
  const dir = mkdtempSync(join(tmpdir(), "omdp-read-leaf-"));
  let fleet: MeterFleet | undefined;
  let gw: TcpGateway | undefined;
  let hub: EdgeHub | undefined;
  let analytics: SdkModuleHost | undefined;
  let reader: ChildProcess | undefined;
  afterAll(async () => {
    reader?.kill("SIGTERM");
    await analytics?.close();
    await hub?.stop();
    fleet?.stop();
    await gw?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses to start as a leaf without a way to get a connection string", () => {
    const res = spawnSync(process.execPath, [bin, "read", "--tcp", "127.0.0.1:1", "--leaf"], {
      timeout: 20_000,
    });
    expect(res.status).toBe(2);
    expect(res.stderr.toString()).toMatch(/--leaf needs --connection-string-file FILE or --dps-scope/);
  });

  it("sends every reading through the gateway, none to stdout", async () => {
    fleet = createMeterFleet({ meters: [{ id: "KFM1000000007", kind: "dlms", seed: 7 }], speed: 5 });
    gw = await serveTcp(fleet, 0);
    hub = await startEdgeHub({
      dataDir: dir,
      mqttPort: 0,
      adminPort: null,
      upstream: null,
      runModules: false,
      logger: quiet,
    });
    analytics = await connectModule({
      connectionString: hub.connectionStringFor("analytics"),
      ca: hub.ca,
      logger: quiet,
    });
    const got: InboundMessage[] = [];
    analytics.onInput("readings", (m) => {
      got.push(m);
    });
    const files = { keys: join(dir, "keys.json"), cs: join(dir, "leaf.cs"), ca: join(dir, "ca.pem") };
    writeFileSync(files.keys, JSON.stringify(fleet.keys()), { mode: 0o600 });
    writeFileSync(files.cs, hub.connectionStringFor("reader-leaf-7"), { mode: 0o600 });
    writeFileSync(files.ca, hub.ca);
    fleet.start();
    let stdout = "";
    reader = spawn(
      process.execPath,
      [
        bin,
        "read",
        "--tcp",
        `127.0.0.1:${gw.port}`,
        "--mode",
        "listen",
        "--keys",
        files.keys,
        "--leaf",
        "--connection-string-file",
        files.cs,
        "--ca",
        files.ca,
      ],
      { env: { ...process.env, OMDP_LOG_LEVEL: "error" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    reader.stdout!.on("data", (b: Buffer) => {
      stdout += b.toString();
    });
    await until(() => got.length >= 2, 20_000, "two leaf readings at analytics", 50);
    const first = MeterReading.parse(got[0]!.body);
    expect(first.meterId).toBe("KFM1000000007");
    expect(first.values.find((v) => v.property === "1-0:1.8.0")?.unit).toBe("Wh");
    expect(got[0]!.properties["$.cdid"]).toBe("reader-leaf-7");
    expect(got[0]!.properties.kind).toBe("reading");
    expect(stdout).toBe("");
    expect(JSON.stringify(got.map((g) => g.body))).not.toContain(fleet.keys().KFM1000000007!);
  });
});
