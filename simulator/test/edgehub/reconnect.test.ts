import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type InboundMessage, type RunningModule, startModule } from "@omdp/edge-module";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type EdgeHub, startEdgeHub } from "../../src/edgehub/index";
import { quiet, startTestHub, type TestHub, until } from "./helpers";

describe("a module survives an edge hub restart", () => {
  const dir = mkdtempSync(join(tmpdir(), "omdp-edgehub-restart-"));
  let hub: EdgeHub | undefined;
  let mod: RunningModule | undefined;
  afterAll(async () => {
    await mod?.stop();
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reconnects, answers methods again and receives routed input", async () => {
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
    const got: InboundMessage[] = [];
    mod = await startModule(
      "sharing",
      (host) => {
        host.onMethod("ping", z.object({}), () => "pong");
        host.onInput("readings", (m) => {
          got.push(m);
        });
      },
      { connectionString: hub.connectionStringFor("sharing"), ca: hub.ca, logger: quiet },
    );
    expect((await hub.invoke("sharing", "ping", {})).payload).toBe("pong");

    await hub.stop();
    // Same data dir: same certificate and keys, so the module's connection string stays valid.
    hub = await start(port);
    const restarted = hub;
    await until(() => restarted.connected().includes("edge-local/sharing"), 20_000, "reconnect");
    let r = await restarted.invoke("sharing", "ping", {}, 1_000);
    for (let i = 0; i < 50 && r.status !== 200; i++) {
      await new Promise((res) => setTimeout(res, 100));
      r = await restarted.invoke("sharing", "ping", {}, 1_000);
    }
    expect(r).toEqual({ status: 200, payload: "pong" });

    const reader = await startModule("mbusReader", () => {}, {
      connectionString: restarted.connectionStringFor("mbusReader"),
      ca: restarted.ca,
      logger: quiet,
    });
    await reader.host.send("readings", { n: 1 }, { kind: "reading" });
    await until(() => got.length === 1, 5_000, "input after reconnect");
    await reader.stop();
  });
});

describe("a module whose connection drops (same hub, persistent MQTT session)", () => {
  let t: TestHub;
  let mod: RunningModule | undefined;
  afterAll(async () => {
    await mod?.stop();
    await t?.close();
  });

  it("gets its session back: methods and inputs work without resubscribing", async () => {
    t = await startTestHub();
    const got: InboundMessage[] = [];
    mod = await startModule(
      "sharing",
      (host) => {
        host.onMethod("ping", z.object({}), () => "pong");
        host.onInput("readings", (m) => {
          got.push(m);
        });
      },
      { connectionString: t.hub.connectionStringFor("sharing"), ca: t.hub.ca, logger: quiet },
    );
    expect((await t.hub.invoke("sharing", "ping", {})).payload).toBe("pong");
    const before = t.hub.counters().connections;
    expect(t.hub.dropConnection("sharing")).toBe(true);
    await until(() => t.hub.counters().connections > before, 20_000, "reconnect");
    let r = await t.hub.invoke("sharing", "ping", {}, 1_000);
    for (let i = 0; i < 30 && r.status !== 200; i++) {
      await new Promise((res) => setTimeout(res, 100));
      r = await t.hub.invoke("sharing", "ping", {}, 1_000);
    }
    expect(r).toEqual({ status: 200, payload: "pong" });
    const reader = await t.connect("mbusReader");
    await reader.send("readings", { n: 2 }, { kind: "reading" });
    await until(() => got.length === 1, 5_000, "input after the drop");
  });
});
