/**
 * The reader's outbox across an edge hub outage: simulated DLMS meters push to an M-Bus/TCP gateway,
 * `modules/mbusReader`'s wiring runs on the real SDK (startModule, ModuleClient) against the local edge
 * hub, its `readings` are routed to `$upstream` (the hub's durable queue) and collected by the sink. The
 * hub is stopped while the meters keep pushing and started again on the same port and data dir: every
 * reading the meters sent (the simulator's telegram log) arrives, in the order the reader decoded it.
 * Then the same with the reader's real process (main.ts) SIGKILLed while the hub is away: what it had
 * decoded is in its outbox file, and the next reader process delivers it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningModule, startModule } from "@omdp/edge-module";
import { createLogger } from "@omdp/logger";
import { MeterReading } from "@omdp/model";
import { afterAll, describe, expect, it } from "vitest";
import { setupMbusReader } from "../../modules/mbusReader/src/module";
import {
  type EdgeHub,
  loadManifest,
  REPO_ROOT,
  startEdgeHub,
  type UpstreamMessage,
} from "../../simulator/src/edgehub/index";
import {
  createMeterFleet,
  type MeterFleet,
  type SentTelegram,
  serveTcp,
  type TcpGateway,
} from "../../simulator/src/meters/index";
import { idsInOutbox } from "../support/outbox";
import { until } from "../support/until";

const quiet = createLogger("test", { level: "error" });

describe("mbusReader outbox across an edge hub outage", () => {
  const dir = mkdtempSync(join(tmpdir(), "omdp-edge-outbox-"));
  let fleet: MeterFleet | undefined;
  let gw: TcpGateway | undefined;
  let hub: EdgeHub | undefined;
  let mod: RunningModule | undefined;
  afterAll(async () => {
    fleet?.stop();
    await mod?.stop();
    await hub?.stop();
    await gw?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps every reading while the hub is away and delivers them all, in order, when it is back", async () => {
    fleet = createMeterFleet({
      meters: [
        { id: "KFM1000000001", kind: "dlms", seed: 1 },
        { id: "KFM1000000002", kind: "dlms", seed: 2 },
      ],
      speed: 5, // a push every 5 meter-seconds: one a second per meter
    });
    const sent: SentTelegram[] = [];
    fleet.onTelegram((t) => sent.push(t));
    gw = await serveTcp(fleet, 0);
    const keysFile = join(dir, "keys.json");
    writeFileSync(keysFile, JSON.stringify(fleet.keys()), { mode: 0o600 });

    const got: UpstreamMessage[] = [];
    const manifest = {
      ...loadManifest(join(REPO_ROOT, "deployment.template.json")),
      routes: { readerToUpstream: "FROM /messages/modules/mbusReader/outputs/readings INTO $upstream" },
    };
    const start = (mqttPort: number) =>
      startEdgeHub({
        dataDir: join(dir, "hub"),
        mqttPort,
        adminPort: null,
        runModules: false,
        manifest,
        upstream: async (messages) => {
          got.push(...messages);
          return true;
        },
        forwarder: { minBackoffMs: 20, maxBackoffMs: 200 },
        desiredOverrides: {
          mbusReader: { transport: { kind: "tcp", host: "127.0.0.1", port: gw!.port }, keysFile },
        },
        logger: quiet,
      });
    hub = await start(0);
    const port = hub.mqttPort;

    let outbox: (() => { pending: number }) | undefined;
    mod = await startModule(
      "mbusReader",
      async (host, log) => {
        const m = await setupMbusReader(host, log, {
          dataDir: join(dir, "reader"),
          sender: { retryMinMs: 50, retryMaxMs: 500 },
        });
        outbox = m.outbox;
        return m;
      },
      { connectionString: hub.connectionStringFor("mbusReader"), ca: hub.ca, logger: quiet },
    );
    await until(() => gw!.clients === 1, 20_000, "reader connected to the meters", 50);
    fleet.start();
    await until(() => got.length >= 4, 20_000, "readings through the hub", 50);

    // the hub goes away; the meters keep pushing and the reader keeps decoding
    await hub.stop();
    const sentAtStop = sent.length;
    await until(() => sent.length >= sentAtStop + 10, 30_000, "ten pushes during the outage", 50);
    expect(outbox?.().pending).toBeGreaterThanOrEqual(5); // kept, not dropped
    hub = await start(port); // same data dir: same CA and module keys, same port
    const sentAtRestart = sent.length;
    await until(() => sent.length >= sentAtRestart + 4, 30_000, "pushes after the restart", 50);
    fleet.stop();
    // the expected ids from the simulator's own log: meter id and meter time of every push, in order
    const expected = sent.map((t) => `${t.meterId}|${new Date(t.meterTime).toISOString()}`);

    const ids = () => [...new Set(got.map((m) => MeterReading.parse(m.body).id))];
    await until(() => ids().length >= expected.length, 60_000, "every reading delivered", 50);
    // the consumer can see the last message before its PUBACK reaches the reader: wait for the ack
    await until(() => outbox?.().pending === 0, 10_000, "the outbox drained", 50);
    expect(outbox?.().pending).toBe(0);
    const received = ids();
    // every push the meters sent, in the order they were sent (and decoded), no gaps
    expect(received).toEqual(expected);
    expect(received.length).toBeGreaterThanOrEqual(sentAtStop + 10);
  });
});

describe("mbusReader process SIGKILLed while the hub is away", () => {
  const dir = mkdtempSync(join(tmpdir(), "omdp-edge-outbox-kill-"));
  let fleet: MeterFleet | undefined;
  let gw: TcpGateway | undefined;
  let hub: EdgeHub | undefined;
  const children: ChildProcess[] = [];
  afterAll(async () => {
    fleet?.stop();
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    await hub?.stop();
    await gw?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("loses nothing it decoded: the next reader process delivers it, in order", async () => {
    fleet = createMeterFleet({ meters: [{ id: "KFM1000000001", kind: "dlms", seed: 1 }], speed: 5 });
    const sent: SentTelegram[] = [];
    fleet.onTelegram((t) => sent.push(t));
    gw = await serveTcp(fleet, 0);
    const keysFile = join(dir, "keys.json");
    writeFileSync(keysFile, JSON.stringify(fleet.keys()), { mode: 0o600 });
    const got: UpstreamMessage[] = [];
    const manifest = {
      ...loadManifest(join(REPO_ROOT, "deployment.template.json")),
      routes: { readerToUpstream: "FROM /messages/modules/mbusReader/outputs/readings INTO $upstream" },
    };
    const start = (mqttPort: number) =>
      startEdgeHub({
        dataDir: join(dir, "hub"),
        mqttPort,
        adminPort: null,
        runModules: false,
        manifest,
        upstream: async (messages) => {
          got.push(...messages);
          return true;
        },
        forwarder: { minBackoffMs: 20, maxBackoffMs: 200 },
        desiredOverrides: {
          mbusReader: { transport: { kind: "tcp", host: "127.0.0.1", port: gw!.port }, keysFile },
        },
        logger: quiet,
      });
    hub = await start(0);
    const port = hub.mqttPort;
    const readerData = join(dir, "reader");
    const outboxFile = join(readerData, "reader-outbox.db");
    const spawnReader = (h: EdgeHub) => {
      const child = spawn(process.execPath, ["--import", "tsx", "modules/mbusReader/src/main.ts"], {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          OMDP_DATA_DIR: readerData,
          OMDP_LOG_LEVEL: "error",
          EdgeHubConnectionString: h.connectionStringFor("mbusReader"),
          EdgeModuleCACertificateFile: h.caFile,
        },
        stdio: ["ignore", "ignore", "inherit"],
      });
      children.push(child);
      return child;
    };
    const sinkIds = () => new Set(got.map((m) => MeterReading.parse(m.body).id));

    const first = spawnReader(hub);
    await until(() => gw!.clients === 1, 30_000, "first reader connected to the meters", 50);
    fleet.start();
    await until(() => got.length >= 2, 30_000, "readings through the hub", 50);
    await hub.stop();
    const sentAtStop = sent.length;
    await until(() => sent.length >= sentAtStop + 6, 30_000, "six pushes during the outage", 50);
    fleet.stop();
    const expected = sent.map((t) => `${t.meterId}|${new Date(t.meterTime).toISOString()}`);
    // everything sent is either delivered or in the outbox file: then the process is killed
    await until(
      () => {
        const have = new Set([...sinkIds(), ...idsInOutbox(outboxFile)]);
        return expected.every((id) => have.has(id));
      },
      30_000,
      "every push decoded and written",
      50,
    );
    const inOutbox = idsInOutbox(outboxFile).length;
    expect(inOutbox).toBeGreaterThanOrEqual(6);
    first.kill("SIGKILL");
    await until(() => first.signalCode === "SIGKILL", 10_000, "first reader gone", 20);

    hub = await start(port);
    spawnReader(hub);
    await until(() => expected.every((id) => sinkIds().has(id)), 60_000, "every reading delivered", 50);
    const received = [...new Set(got.map((m) => MeterReading.parse(m.body).id))];
    expect(received).toEqual(expected);
    await until(() => idsInOutbox(outboxFile).length === 0, 20_000, "outbox drained", 50);
  });
});
