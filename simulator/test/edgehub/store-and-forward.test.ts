import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEdgeHub, type UpstreamMessage } from "../../src/edgehub/index";
import { quiet, startTestHub, type TestHub, until } from "./helpers";

/** A stand-in for the local cloud's /runtime/ingest that can be taken down and brought back on its port. */
class Sink {
  received: UpstreamMessage[] = [];
  batches = 0;
  private server: Server | undefined;
  port = 0;

  async up(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", () => {
        if (req.url !== "/runtime/ingest") {
          res.writeHead(404).end();
          return;
        }
        const { messages } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
          messages: UpstreamMessage[];
        };
        this.received.push(...messages);
        this.batches += 1;
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ accepted: messages.length, rejected: 0, parked: 0 }));
      });
    });
    await new Promise<void>((r) => server.listen(this.port, "127.0.0.1", () => r()));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async down(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
}

describe("store-and-forward of $upstream", () => {
  const sink = new Sink();
  let t: TestHub;

  beforeAll(async () => {
    await sink.up();
    t = await startTestHub({
      upstream: `http://127.0.0.1:${sink.port}/runtime/ingest`,
      forwarder: { minBackoffMs: 50, maxBackoffMs: 200, maxBatch: 7 },
    });
  });
  afterAll(async () => {
    await t?.close();
    await sink.down();
  });

  it("delivers every message once, in order, across a sink outage under a steady stream", async () => {
    const sharing = await t.connect("sharing");
    const send = (i: number) =>
      sharing.send("upstream", { n: i }, { kind: "interval", meterId: "m-1", householdId: "hh-1" });
    const total = 60;
    let i = 0;
    for (; i < 15; i++) {
      await send(i);
      await new Promise((r) => setTimeout(r, 5));
    }
    await until(() => t.hub.upstreamStats()!.delivered === 15, 5_000, "first messages acknowledged");
    await sink.down();
    const queuedBefore = t.hub.upstreamStats()!.queued;
    for (; i < 45; i++) {
      await send(i);
      await new Promise((r) => setTimeout(r, 5));
    }
    // Every message sent while the sink was down is held on disk.
    expect(t.hub.upstreamStats()!.queued).toBe(queuedBefore + 30);
    expect(sink.received.length).toBe(15);
    await sink.up();
    for (; i < total; i++) {
      await send(i);
      await new Promise((r) => setTimeout(r, 5));
    }
    await until(() => sink.received.length >= total, 10_000, "all messages");
    await new Promise((r) => setTimeout(r, 300));

    expect(sink.received.map((m) => (m.body as { n: number }).n)).toEqual([...Array(total).keys()]);
    const seqs = sink.received.map((m) => Number(m.systemProperties["x-opt-sequence-number"]));
    for (let k = 1; k < seqs.length; k++) expect(seqs[k]).toBeGreaterThan(seqs[k - 1]!);
    const first = sink.received[0]!;
    expect(first.properties).toEqual({ kind: "interval", meterId: "m-1", householdId: "hh-1" });
    expect(first.systemProperties).toMatchObject({
      "iothub-connection-device-id": "edge-local",
      "iothub-connection-module-id": "sharing",
      "content-type": "application/json",
    });
    expect(String(first.systemProperties["message-id"])).toMatch(/^[0-9a-f-]{36}$/);
    expect(t.hub.upstreamStats()).toMatchObject({ queued: 0, delivered: total, dropped: 0, expired: 0 });
  });
});

describe("store-and-forward across a hub restart", () => {
  it("delivers what was stored before the restart, in order, once the sink is back", async () => {
    const sink = new Sink();
    await sink.up();
    const url = `http://127.0.0.1:${sink.port}/runtime/ingest`;
    await sink.down();
    const first = await startTestHub({ upstream: url, forwarder: { minBackoffMs: 50, maxBackoffMs: 100 } });
    const sharing = await first.connect("sharing");
    for (let i = 0; i < 10; i++) await sharing.send("upstream", { n: i }, { kind: "event" });
    expect(first.hub.upstreamStats()?.queued).toBe(10);
    await sharing.close();
    await first.hub.stop();

    await sink.up();
    const second = await startEdgeHub({
      dataDir: first.dir,
      mqttPort: 0,
      adminPort: null,
      upstream: url,
      runModules: false,
      logger: quiet,
      forwarder: { minBackoffMs: 50, maxBackoffMs: 100 },
    });
    try {
      await until(() => sink.received.length >= 10, 10_000, "stored messages");
      expect(sink.received.map((m) => (m.body as { n: number }).n)).toEqual([...Array(10).keys()]);
      expect(second.upstreamStats()?.queued).toBe(0);
    } finally {
      await second.stop();
      await first.close();
      await sink.down();
    }
  });
});
