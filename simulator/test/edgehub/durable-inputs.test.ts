import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { connectModule, type InboundMessage, type SdkModuleHost, startModule } from "@omdp/edge-module";
import mqtt from "mqtt";
import { afterEach, describe, expect, it } from "vitest";
import { createSasToken, type EdgeHub, startEdgeHub } from "../../src/edgehub/index";
import { quiet, startTestHub, type TestHub, until } from "./helpers";

const HOST = "omdp-local.azure-devices.net";
const SHARING = "input:edge-local/sharing/readings";
const range = (n: number, from = 0) => [...Array(n).keys()].map((k) => k + from);
const numbers = (got: readonly InboundMessage[]) => got.map((m) => (m.body as { n: number }).n);

/** Sends `n` readings from `from` on, each awaited: the hub's PUBACK means it accepted the message. */
async function sendReadings(reader: SdkModuleHost, n: number, from = 0): Promise<void> {
  for (const i of range(n, from)) await reader.send("readings", { n: i }, { kind: "reading" });
}

/** The first stdout line of the hub process: its port, CA and the modules' connection strings. */
function hubInfo(
  child: ReturnType<typeof spawn>,
): Promise<{ mqttPort: number; ca: string; connectionStrings: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", (l) => resolve(JSON.parse(l)));
    child.once("exit", (code) => reject(new Error(`hub process exited (${code}) before it listened`)));
  });
}

describe("durable module inputs", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const hubFor = async (opts: Parameters<typeof startTestHub>[0] = {}): Promise<TestHub> => {
    const t = await startTestHub(opts);
    cleanups.push(() => t.close());
    return t;
  };

  it("(a) keeps 100 messages for a module that is not connected and delivers them in order when it comes", async () => {
    const t = await hubFor();
    await sendReadings(await t.connect("mbusReader"), 100);
    expect(t.hub.inputStats()[SHARING]).toMatchObject({ queued: 100, enqueued: 100 });
    const sharing = await t.connect("sharing");
    const got: InboundMessage[] = [];
    sharing.onInput("readings", (m) => {
      got.push(m);
    });
    await until(() => got.length >= 100, 10_000, "100 readings");
    expect(numbers(got)).toEqual(range(100));
    await until(() => t.hub.inputStats()[SHARING]!.queued === 0, 5_000, "acked messages removed");
    expect(t.hub.inputStats()[SHARING]).toMatchObject({ delivered: 100, dropped: 0, expired: 0 });
  });

  it("(b) delivers every message at least once when the module's connection drops with messages in flight", {
    timeout: 60_000,
  }, async () => {
    const t = await hubFor();
    const got: InboundMessage[] = [];
    // startModule: the module runtime's reconnect logic (the SDK alone sometimes gives up after a drop).
    const sharing = await startModule(
      "sharing",
      (host) => {
        host.onInput("readings", (m) => {
          got.push(m);
        });
      },
      { connectionString: t.hub.connectionStringFor("sharing"), ca: t.hub.ca, logger: quiet },
    );
    cleanups.push(() => sharing.stop());
    await until(() => t.hub.connected().includes("edge-local/sharing"), 5_000, "sharing");
    const reader = await t.connect("mbusReader");
    const total = 300;
    const sends: Promise<void>[] = [];
    for (const i of range(total)) {
      sends.push(reader.send("readings", { n: i }, { kind: "reading" }));
      if (i === 100) {
        await until(() => got.length > 0, 5_000, "first deliveries");
        expect(t.hub.dropConnection("sharing")).toBe(true); // network drop mid-stream
      }
    }
    await until(
      () => new Set(numbers(got)).size === total,
      45_000,
      "every reading after the module's reconnect (backoff can take seconds)",
    );
    await Promise.all(sends);
    expect([...new Set(numbers(got))].sort((a, b) => a - b)).toEqual(range(total));
    await until(() => t.hub.inputStats()[SHARING]!.queued === 0, 10_000, "store drained");
  });

  it("(b') redelivers what a module received but never acknowledged (killed before its PUBACK)", async () => {
    const t = await hubFor();
    await sendReadings(await t.connect("mbusReader"), 20);
    // A module client (mqtt.js) that takes messages and never PUBACKs them, then dies.
    const dead = await rawModule(t, "sharing");
    const unacked: string[] = [];
    dead.handleMessage = (packet) => {
      unacked.push(Buffer.from(packet.payload).toString("utf8")); // no callback: no PUBACK
    };
    await dead.subscribeAsync("devices/edge-local/modules/sharing/inputs/#", { qos: 1 });
    await until(() => unacked.length > 0, 5_000, "a message received without PUBACK");
    dead.stream.destroy();
    await until(() => !t.hub.connected().includes("edge-local/sharing"), 5_000, "the first client gone");
    expect(JSON.parse(unacked[0]!)).toEqual({ n: 0 });
    expect(t.hub.inputStats()[SHARING]!.queued).toBe(20);

    // The module back (same session): all 20, in order, the unacked first.
    const got: number[] = [];
    const back = await rawModule(t, "sharing", (payload) => got.push(JSON.parse(payload).n));
    cleanups.push(() => back.endAsync(true));
    await back.subscribeAsync("devices/edge-local/modules/sharing/inputs/#", { qos: 1 });
    await until(() => got.length >= 20, 10_000, "all 20 after the restart");
    expect(got).toEqual(range(20));
    await until(() => t.hub.inputStats()[SHARING]!.queued === 0, 5_000, "acked messages removed");
  });

  it("(e) a restarted module (a new SDK client on its persistent session) loses nothing sent before it registered its handler", async () => {
    const t = await hubFor();
    const first = await t.connect("sharing");
    first.onInput("readings", () => {});
    await until(() => t.hub.connected().includes("edge-local/sharing"), 5_000, "sharing");
    await first.close(); // the module process ends; its MQTT session (with the input subscription) stays
    await sendReadings(await t.connect("mbusReader"), 10);
    // The new process: connect (CONNACK, twin), then register the input handler, as runModule does.
    const got = await receive(t.hub, "sharing", "readings", 10, cleanups);
    expect(numbers(got)).toEqual(range(10));
  });

  it("(c) delivers after a hub restart on the same data dir what was accepted before it", async () => {
    const first = await startTestHub();
    const reader = await first.connect("mbusReader");
    await sendReadings(reader, 50);
    await reader.close();
    await first.hub.stop();
    const second = await startEdgeHub({
      dataDir: first.dir,
      mqttPort: 0,
      adminPort: null,
      upstream: null,
      runModules: false,
      logger: quiet,
    });
    cleanups.push(async () => {
      await second.stop();
      await first.close();
    });
    expect(second.inputStats()[SHARING]).toMatchObject({ queued: 50 });
    const got = await receive(second, "sharing", "readings", 50, cleanups);
    expect(numbers(got)).toEqual(range(50));
  });

  it("(c') delivers after a SIGKILL of the hub process what it had PUBACKed", {
    timeout: 60_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "omdp-edgehub-kill-"));
    const fixture = fileURLToPath(new URL("./fixtures/hub-process.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", fixture, dir], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    cleanups.push(async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    });
    const info = await hubInfo(child);
    const reader = await connectModule({
      connectionString: info.connectionStrings.mbusReader!,
      ca: info.ca,
      logger: quiet,
    });
    await sendReadings(reader, 40); // each one PUBACKed by the hub process
    await reader.close();
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await exited;

    const hub = await startEdgeHub({
      dataDir: dir,
      mqttPort: 0,
      adminPort: null,
      upstream: null,
      runModules: false,
      logger: quiet,
    });
    cleanups.push(() => hub.stop());
    const got = await receive(hub, "sharing", "readings", 40, cleanups);
    expect(numbers(got)).toEqual(range(40));
  });

  it("(d) bounds each input: past the max count the oldest are dropped and counted", async () => {
    const t = await hubFor({ inputMaxMessages: 5 });
    await sendReadings(await t.connect("mbusReader"), 8);
    expect(t.hub.inputStats()[SHARING]).toMatchObject({ queued: 5, dropped: 3 });
    const got = await receive(t.hub, "sharing", "readings", 5, cleanups);
    expect(numbers(got)).toEqual([3, 4, 5, 6, 7]);
  });

  it("(d') drops messages older than the TTL when the module returns, and counts them", async () => {
    let skewMs = 0;
    const t = await hubFor({ inputTtlSecs: 60, now: () => Date.now() + skewMs });
    const reader = await t.connect("mbusReader");
    await sendReadings(reader, 4);
    skewMs = 120_000; // two minutes later: past the 60 s TTL
    const got = await receive(t.hub, "sharing", "readings", 0, cleanups);
    await until(() => t.hub.inputStats()[SHARING]!.expired === 4, 5_000, "expiry on reconnect");
    expect(t.hub.inputStats()[SHARING]).toMatchObject({ queued: 0, expired: 4, delivered: 0 });
    await sendReadings(reader, 1, 100);
    await until(() => got.length === 1, 5_000, "a fresh message still arrives");
    expect(numbers(got)).toEqual([100]);
  });
});

/**
 * A module connection made with mqtt.js (a client written outside the project), persistent session;
 * `onPayload` is wired before CONNECT, so messages of a restored session are not missed.
 */
async function rawModule(
  t: TestHub,
  module: string,
  onPayload?: (payload: string) => void,
): Promise<mqtt.MqttClient> {
  const key = /SharedAccessKey=([^;]+)/.exec(t.hub.connectionStringFor(module))![1]!;
  const client = mqtt.connect(`mqtts://127.0.0.1:${t.hub.mqttPort}`, {
    clientId: `edge-local/${module}`,
    username: `${HOST}/edge-local/${module}/?api-version=2021-04-12`,
    password: createSasToken(
      `${HOST}/devices/edge-local/modules/${module}`,
      key,
      Math.floor(Date.now() / 1000) + 3600,
    ),
    ca: t.hub.ca,
    clean: false,
    reconnectPeriod: 0,
  });
  if (onPayload) client.on("message", (_topic, payload) => onPayload(payload.toString("utf8")));
  await new Promise<void>((resolve, reject) => {
    client.once("connect", () => resolve());
    client.once("error", reject);
  });
  return client;
}

/** Connects `module` (real ModuleClient, closed by `cleanups`) and resolves once `n` messages arrived on `input`. */
async function receive(
  hub: EdgeHub,
  module: string,
  input: string,
  n: number,
  cleanups: (() => Promise<void>)[],
): Promise<InboundMessage[]> {
  const host = await connectModule({
    connectionString: hub.connectionStringFor(module),
    ca: hub.ca,
    logger: quiet,
  });
  cleanups.push(() => host.close().catch(() => {}));
  const got: InboundMessage[] = [];
  host.onInput(input, (m) => {
    got.push(m);
  });
  await until(() => hub.connected().includes(`edge-local/${module}`), 5_000, module);
  await until(() => got.length >= n, 10_000, `${n} messages on ${module}/${input}`);
  return got;
}
