/**
 * `GET /metrics` of the local cloud host (issue 16 section 4), read with a Prometheus text-format
 * parser: ingest counts by outcome and the API latency histogram follow from the requests the test made.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { histogram, parseMetrics, scrape, value } from "../support/prometheus";
import { get, ingest, interval, message, startTestHost, type TestHost } from "./helpers";

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => host.close());

describe("cloud host /metrics", () => {
  it("starts with every ingest outcome at 0", async () => {
    const { contentType, families } = await scrape(`${host.url}/metrics`);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    for (const outcome of ["accepted", "rejected", "parked"])
      expect(value(families, "omdp_cloud_ingest_messages_total", { outcome })).toBe(0);
    expect(value(families, "omdp_cloud_ingest_batches_total")).toBe(0);
  });

  it("counts ingested messages by outcome and the parked ones", async () => {
    const good = [0, 1, 2].map((i) =>
      message(
        interval("m-1", new Date(Date.parse("2026-02-01T00:00:00Z") + i * 900_000).toISOString(), 4),
        "interval",
        "edge-local",
        i,
      ),
    );
    // not JSON: parked; m-1 from another device: rejected (and kept among the dead letters for audit)
    const bad = [
      message("{not json", "interval", "edge-local", 10),
      message(interval("m-1", "2026-02-01T01:00:00Z", 4), "interval", "edge-other", 11),
    ];
    const r1 = await ingest(host, [...good, ...bad]);
    expect(await r1.json()).toEqual({ accepted: 3, rejected: 1, parked: 1 });
    const r2 = await ingest(host, [good[0]!]);
    expect(r2.status).toBe(200);

    const { families } = await scrape(`${host.url}/metrics`);
    expect(families.get("omdp_cloud_ingest_messages_total")?.type).toBe("COUNTER");
    expect(value(families, "omdp_cloud_ingest_batches_total")).toBe(2);
    expect(value(families, "omdp_cloud_ingest_messages_total", { outcome: "accepted" })).toBe(4);
    expect(value(families, "omdp_cloud_ingest_messages_total", { outcome: "rejected" })).toBe(1);
    expect(value(families, "omdp_cloud_ingest_messages_total", { outcome: "parked" })).toBe(1);
    expect(value(families, "omdp_cloud_parked_messages_total")).toBe(2);
  });

  it("has an API latency histogram per route, method and status", async () => {
    for (let i = 0; i < 3; i++)
      expect((await get(host, "/api/meters/m-1/latest", host.admin)).status).toBe(200);
    expect((await get(host, "/api/meters/m-1/latest")).status).toBe(401); // no token
    const text = await (await fetch(`${host.url}/metrics`)).text();
    expect(parseMetrics(text).get("omdp_cloud_request_duration_seconds")?.type).toBe("HISTOGRAM");
    const name = "omdp_cloud_request_duration_seconds";
    const ok = histogram(text, name, { route: "meterLatest", method: "GET", status: "200" });
    expect(ok.count).toBe(3);
    expect(ok.buckets.map(([le]) => le)).toEqual([
      "0.001",
      "0.0025",
      "0.005",
      "0.01",
      "0.025",
      "0.05",
      "0.1",
      "0.25",
      "0.5",
      "1",
      "2.5",
      "+Inf",
    ]);
    const counts = ok.buckets.map(([, n]) => n);
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1]!);
    expect(counts.at(-1)).toBe(3);
    // three answers took more than 0 s, and (loopback, one SQLite point read) each less than 2.5 s
    expect(ok.sum).toBeGreaterThan(0);
    expect(ok.sum).toBeLessThan(7.5);
    expect(histogram(text, name, { route: "meterLatest", status: "401" }).count).toBe(1);
  });
});
