/**
 * Sharing's durable upstream outbox and the hub's `$upstream` backpressure, on the real SDK
 * (startModule, ModuleClient) against the local edge hub; intervals reach sharing's `intervals` input
 * from a second real module client (the `analytics` identity, route `analyticsToSharing`), and what
 * sharing sends on `upstream` is routed to `$upstream` and collected by the sink.
 *
 * 1. The hub stopped while sharing handles intervals: everything reaches the sink once the hub is
 *    back, in order.
 * 2. A tiny `$upstream` quota and a sink that is down: the queue fills, further upstream sends are
 *    refused (counted `refusedFull`), nothing stored is dropped; the sink back, every interval arrives
 *    exactly once, in order.
 * 3. The same with sharing's real process (main.ts) SIGKILLed while its outbox holds refused messages:
 *    the next process sends them.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type InboundMessage, type ModuleHost, type RunningModule, startModule } from "@omdp/edge-module";
import { createLogger } from "@omdp/logger";
import type { IntervalRecord } from "@omdp/model";
import { afterAll, describe, expect, it } from "vitest";
import { type SharingModule, startSharing } from "../../modules/sharing/src/index";
import { interval } from "../../modules/sharing/test/support/fixtures";
import {
  type EdgeHub,
  type EdgeHubOptions,
  loadManifest,
  REPO_ROOT,
  startEdgeHub,
  type UpstreamMessage,
} from "../../simulator/src/edgehub/index";
import { idsInOutbox } from "../support/outbox";
import { until } from "../support/until";

const quiet = createLogger("test", { level: "error" });
const T0 = Date.parse("2026-06-15T00:00:00Z");
const QUARTER = 15 * 60_000;
/** N consecutive quarter-hour records of one meter, from `T0 + from` quarters. */
const quarters = (n: number, from = 0): IntervalRecord[] =>
  Array.from({ length: n }, (_, i) => interval("KFM1000000001", T0 + (from + i) * QUARTER));

const manifest = {
  ...loadManifest(join(REPO_ROOT, "deployment.template.json")),
  routes: {
    analyticsToSharing:
      'FROM /messages/modules/analytics/outputs/intervals INTO BrokeredEndpoint("/modules/sharing/inputs/intervals")',
    sharingToUpstream: "FROM /messages/modules/sharing/outputs/upstream INTO $upstream",
  },
};
const sharingDesired = {
  cloud: { enabled: true },
  api: { host: "127.0.0.1", port: 0 },
  households: { "hh-1": { timeZone: "UTC" } },
};

/** A sink the test switches off (the cloud away: every batch refused) and on. */
function switchableSink() {
  const got: UpstreamMessage[] = [];
  const state = { up: true };
  return {
    got,
    state,
    sink: async (messages: readonly UpstreamMessage[]) => {
      if (!state.up) return false;
      got.push(...messages);
      return true;
    },
    ids: () => got.map((m) => (m.body as { id: string }).id),
  };
}

function hubOn(dir: string, sink: EdgeHubOptions["upstream"], extra: Partial<EdgeHubOptions> = {}) {
  return (mqttPort: number) =>
    startEdgeHub({
      dataDir: join(dir, "hub"),
      mqttPort,
      adminPort: null,
      runModules: false,
      manifest,
      upstream: sink,
      forwarder: { minBackoffMs: 20, maxBackoffMs: 200 },
      desiredOverrides: { sharing: sharingDesired },
      logger: quiet,
      ...extra,
    });
}

/** A real module client of the `analytics` identity whose `intervals` output feeds sharing. */
async function feeder(hub: EdgeHub): Promise<{ mod: RunningModule; host: ModuleHost }> {
  let host: ModuleHost | undefined;
  const mod = await startModule(
    "analytics",
    (h) => {
      host = h;
    },
    { connectionString: hub.connectionStringFor("analytics"), ca: hub.ca, logger: quiet },
  );
  return { mod, host: host! };
}

describe("sharing's upstream outbox across an edge hub outage", () => {
  const dir = mkdtempSync(join(tmpdir(), "omdp-sharing-outbox-"));
  let hub: EdgeHub | undefined;
  let mod: RunningModule | undefined;
  afterAll(async () => {
    await mod?.stop();
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps what it handled while the hub is away and delivers all of it, in order, when it is back", async () => {
    const sink = switchableSink();
    const start = hubOn(dir, sink.sink);
    hub = await start(0);
    const port = hub.mqttPort;
    // The hub delivers nothing while it is down, so the test hands sharing its input itself (the
    // handler the module registered); the upstream path is the real one: outbox, ModuleClient, hub.
    const handlers = new Map<string, (m: InboundMessage) => Promise<void> | void>();
    let sharing: SharingModule | undefined;
    mod = await startModule(
      "sharing",
      (host, log) => {
        const tapped: ModuleHost = {
          deviceId: host.deviceId,
          moduleId: host.moduleId,
          send: (o, b, p) => host.send(o, b, p),
          onInput: (input, h) => {
            handlers.set(input, h);
            host.onInput(input, h);
          },
          onDesired: (schema, apply) => host.onDesired(schema, apply),
          report: (patch) => host.report(patch),
          onMethod: (name, schema, h) => host.onMethod(name, schema, h),
          isConnected: () => host.isConnected(),
          close: () => host.close(),
        };
        sharing = startSharing(tapped, {
          dataDir: join(dir, "sharing"),
          log,
          sender: { retryMinMs: 50, retryMaxMs: 500 },
        });
        return sharing;
      },
      { connectionString: hub.connectionStringFor("sharing"), ca: hub.ca, logger: quiet },
    );
    const deliver = (r: IntervalRecord) => handlers.get("intervals")!({ body: r, properties: {} });
    const before = quarters(3);
    for (const r of before) await deliver(r);
    await until(() => sink.got.length >= 3, 20_000, "intervals through the hub", 50);

    await hub.stop();
    const during = quarters(6, 3);
    for (const r of during) await deliver(r); // handled: stored, and written to the outbox
    expect(sharing!.status().upstreamPending).toBeGreaterThanOrEqual(5); // kept (one may be in flight)
    hub = await start(port); // same data dir and port: same CA and keys
    const after = quarters(2, 9);
    for (const r of after) await deliver(r);

    const expected = [...before, ...during, ...after].map((r) => r.id);
    const unique = () => [...new Set(sink.ids())];
    await until(() => unique().length >= expected.length, 60_000, "every interval delivered", 50);
    expect(unique()).toEqual(expected);
    await until(() => sharing!.status().upstreamPending === 0, 10_000, "outbox drained", 50);
  });
});

describe("a full $upstream refuses instead of dropping; sharing's outbox keeps the rest", () => {
  const dir = mkdtempSync(join(tmpdir(), "omdp-upstream-full-"));
  let hub: EdgeHub | undefined;
  const mods: RunningModule[] = [];
  afterAll(async () => {
    for (const m of mods) await m.stop();
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("fills the quota, refuses (counted), drops nothing; the sink back, each of the N arrives once, in order", async () => {
    const sink = switchableSink();
    sink.state.up = false; // the cloud is unreachable from the start
    // An interval weighs about 900 bytes in the queue (message JSON with its properties): 4 KiB holds
    // a handful, so 20 must overflow it.
    hub = await hubOn(dir, sink.sink, { upstreamMaxBytes: 4096 })(0);
    let sharing: SharingModule | undefined;
    mods.push(
      await startModule(
        "sharing",
        (host, log) => {
          sharing = startSharing(host, {
            dataDir: join(dir, "sharing"),
            log,
            sender: { retryMinMs: 50, retryMaxMs: 300 },
          });
          return sharing;
        },
        { connectionString: hub.connectionStringFor("sharing"), ca: hub.ca, logger: quiet },
      ),
    );
    const feed = await feeder(hub);
    mods.push(feed.mod);
    const N = 20;
    const records = quarters(N);
    for (const r of records) await feed.host.send("intervals", r, { kind: "interval" });

    // every interval reached sharing; what the queue could not take waits in sharing's outbox
    await until(() => (sharing?.counters.intervalsStored ?? 0) === N, 30_000, "all handled", 50);
    await until(() => (hub!.upstreamStats()?.refusedFull ?? 0) > 0, 30_000, "a refusal", 50);
    const full = hub.upstreamStats()!;
    expect(full.queued).toBeGreaterThan(0);
    expect(full.queued).toBeLessThan(N);
    expect(full.bytes).toBeLessThanOrEqual(4096);
    expect(full.dropped).toBe(0);
    expect(sharing!.status().upstreamPending).toBeGreaterThanOrEqual(N - full.queued - 1);

    sink.state.up = true;
    await until(() => sink.got.length >= N, 60_000, "every interval at the sink", 50);
    expect(sink.ids()).toEqual(records.map((r) => r.id)); // exactly once each, in order
    const end = hub.upstreamStats()!;
    expect(end).toMatchObject({ dropped: 0, expired: 0, queued: 0 });
    expect(end.delivered).toBe(N);
    await until(() => sharing!.status().upstreamPending === 0, 10_000, "outbox drained", 50);
  });
});

describe("sharing process SIGKILLed with a non-empty outbox", () => {
  const dir = mkdtempSync(join(tmpdir(), "omdp-sharing-kill-"));
  let hub: EdgeHub | undefined;
  let feed: RunningModule | undefined;
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    await feed?.stop();
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("the next process sends what the killed one had written, in order", async () => {
    const sink = switchableSink();
    sink.state.up = false;
    hub = await hubOn(dir, sink.sink, { upstreamMaxBytes: 4096 })(0);
    const sharingData = join(dir, "sharing");
    const outboxFile = join(sharingData, "sharing-outbox.db");
    const spawnSharing = (h: EdgeHub) => {
      const child = spawn(process.execPath, ["--import", "tsx", "modules/sharing/src/main.ts"], {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          OMDP_DATA_DIR: sharingData,
          OMDP_LOG_LEVEL: "error",
          EdgeHubConnectionString: h.connectionStringFor("sharing"),
          EdgeModuleCACertificateFile: h.caFile,
        },
        stdio: ["ignore", "ignore", "inherit"],
      });
      children.push(child);
      return child;
    };
    const first = spawnSharing(hub);
    await until(() => hub!.connected().some((c) => c.includes("sharing")), 30_000, "sharing up", 50);
    const f = await feeder(hub);
    feed = f.mod;
    const N = 16;
    const records = quarters(N);
    for (const r of records) await f.host.send("intervals", r, { kind: "interval" });
    const expected = records.map((r) => r.id);
    // each record is in the hub's queue or in sharing's outbox: then the process is killed
    const queuedIds = () => hub!.upstreamStats()?.queued ?? 0;
    await until(
      () =>
        (hub!.upstreamStats()?.refusedFull ?? 0) > 0 &&
        queuedIds() + new Set(idsInOutbox(outboxFile)).size >= N,
      30_000,
      "a refusal, and every interval queued or in the outbox",
      50,
    );
    expect(idsInOutbox(outboxFile).length).toBeGreaterThan(0);
    first.kill("SIGKILL");
    await until(() => first.signalCode === "SIGKILL", 10_000, "first sharing process gone", 20);

    sink.state.up = true;
    spawnSharing(hub);
    await until(() => new Set(sink.ids()).size >= N, 60_000, "every interval at the sink", 50);
    expect([...new Set(sink.ids())]).toEqual(expected);
    expect(hub.upstreamStats()).toMatchObject({ dropped: 0 });
    await until(() => idsInOutbox(outboxFile).length === 0, 20_000, "outbox drained", 50);
  });
});
