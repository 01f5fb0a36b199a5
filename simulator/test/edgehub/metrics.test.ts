/**
 * `GET /metrics` on the edge hub's admin port (issue 16 section 4), read with a Prometheus text-format
 * parser: every value below follows from what the test did (messages sent, twin reported, a module that
 * keeps exiting, a cloud that is away).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMetrics, scrape, value } from "../support/prometheus";
import { startTestHub, type TestHub, until } from "./helpers";

describe("edge hub /metrics", () => {
  let t: TestHub;
  let shiftMs = 0;
  let url: string;

  beforeAll(async () => {
    t = await startTestHub({
      // the cloud refuses every batch: what goes to $upstream stays queued
      upstream: async () => false,
      forwarder: { minBackoffMs: 60_000, maxBackoffMs: 60_000 },
      now: () => Date.now() + shiftMs,
      hubRestarts: 2,
      // `events` is a module that exits at once: its supervisor restarts it (policy always, backoff 1 s)
      runModules: ["events"],
      moduleCommand: () => ({ command: process.execPath, args: ["-e", "process.exit(3)"] }),
    });
    url = `http://127.0.0.1:${t.hub.adminPort}/metrics`;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("counts readings, messages by route, queue depths and upstream lag", async () => {
    const reader = await t.connect("mbusReader");
    const sharing = await t.connect("sharing");
    for (let i = 0; i < 3; i++)
      await reader.send("readings", { meterId: "m-1", n: i }, { kind: "reading", meterId: "m-1" });
    await reader.send("diagnostics", { kind: "diagnostics" }, { kind: "diagnostics" });
    for (let i = 0; i < 2; i++)
      await sharing.send("upstream", { n: i }, { kind: "interval", meterId: "m-1" });
    // the two upstream messages were enqueued at (shifted) now; 90 s later they are 90 s old
    shiftMs = 90_000;

    const { contentType, families } = await scrape(url);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(families.get("omdp_edge_messages_received_total")?.type).toBe("COUNTER");
    expect(value(families, "omdp_edge_messages_received_total")).toBe(6); // 3 + 1 + 2
    expect(value(families, "omdp_edge_readings_received_total")).toBe(3);
    // deployment.template.json: readings go to analytics, sharing and events; diagnostics to events
    for (const route of ["readerToAnalytics", "readerToSharing", "readerToEvents"])
      expect(value(families, "omdp_edge_route_messages_total", { route }), route).toBe(3);
    expect(value(families, "omdp_edge_route_messages_total", { route: "readerDiagnosticsToEvents" })).toBe(1);
    expect(value(families, "omdp_edge_route_messages_total", { route: "sharingToUpstream" })).toBe(2);
    // no module consumes its inputs in this test: everything routed is still queued
    expect(value(families, "omdp_edge_queue_messages", { endpoint: "$upstream" })).toBe(2);
    expect(
      value(families, "omdp_edge_queue_messages", { endpoint: "input:edge-local/analytics/readings" }),
    ).toBe(3);
    expect(
      value(families, "omdp_edge_queue_messages", { endpoint: "input:edge-local/events/diagnostics" }),
    ).toBe(1);
    expect(value(families, "omdp_edge_queue_bytes", { endpoint: "$upstream" })).toBeGreaterThan(0);
    const lag = value(families, "omdp_edge_upstream_lag_seconds");
    expect(lag).toBeGreaterThanOrEqual(90);
    expect(lag).toBeLessThan(120);
    expect(value(families, "omdp_edge_connections")).toBe(2);
    expect(value(families, "omdp_edge_hub_restarts_total")).toBe(2);
  });

  it("shows the reader module's reported error counters by code", async () => {
    const reader = await t.connect("mbusReader");
    await reader.report({
      reader: {
        counters: { framesOk: 40, checksumErrors: 2, lengthErrors: 0, decryptFailures: 1, decodeErrors: 5 },
        codecErrors: { "dsmr.crc": 3 },
      },
    });
    await until(
      () => (t.hub.twin("mbusReader").reported.reader as { counters?: unknown } | undefined) !== undefined,
      5_000,
      "reported twin",
    );
    const { families } = await scrape(url);
    const errors = (code: string) =>
      value(families, "omdp_edge_reader_decode_errors_total", { module: "mbusReader", code });
    expect([
      errors("checksum"),
      errors("length"),
      errors("decrypt"),
      errors("decode"),
      errors("dsmr.crc"),
    ]).toEqual([2, 0, 1, 5, 3]);
    expect(value(families, "omdp_edge_reader_frames_total", { module: "mbusReader" })).toBe(40);
  });

  it("counts the supervisor's module restarts", async () => {
    await until(() => (t.hub.modules()[0]?.restarts ?? 0) >= 1, 10_000, "a restart of events");
    const families = parseMetrics(await (await fetch(url)).text());
    const restarts = value(families, "omdp_edge_module_restarts_total", { module: "events" });
    expect(restarts).toBeGreaterThanOrEqual(1);
    // backoff 1 s, 2 s, 4 s ...: within the few ms since the condition held, still the same count
    expect(restarts).toBe(t.hub.modules()[0]!.restarts);
  });
});
