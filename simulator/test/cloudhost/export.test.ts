import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Azurite, startAzurite } from "./azurite";
import { day, ingest, message, startTestHost, type TestHost } from "./helpers";

let azurite: Azurite;
let host: TestHost;
let alice: string;

const post = (hh: string, body: unknown, token: string) =>
  fetch(`${host.url}/api/households/${hh}/export`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  azurite = await startAzurite();
  host = await startTestHost({
    EXPORT_STORAGE_CONNECTION_STRING: azurite.connectionString,
    EXPORT_SAS_MINUTES: "5",
  });
  alice = await host.issueToken({ sub: "alice", role: "household", households: ["hh-1"] });
  const msgs = day("m-1", "2026-05-01T00:00:00Z").map((r, i) => message(r, "interval", "edge-local", i));
  msgs.push(
    message(
      {
        schemaVersion: 1,
        id: "ev-9",
        type: "anomaly.baseload",
        severity: "info",
        meterId: "m-1",
        at: "2026-05-01T03:00:00Z",
        details: { baseloadW: 180 },
      },
      "event",
    ),
  );
  expect((await ingest(host, msgs)).status).toBe(200);
}, 60_000);

afterAll(async () => {
  await host?.close();
  await azurite?.stop();
});

describe("household export to Blob Storage (Azurite)", () => {
  it("writes JSON Lines and returns a short-lived read-only SAS link", async () => {
    const res = await post("hh-1", { format: "jsonl" }, alice);
    expect(res.status).toBe(201);
    const out = (await res.json()) as { url: string; expiresAt: string; records: number; blobName: string };
    expect(out.blobName).toMatch(/^hh-1\/.+\.jsonl$/);
    const url = new URL(out.url);
    expect(url.searchParams.get("sp")).toBe("r");
    expect(url.searchParams.get("sig")).toBeTruthy();
    const lifetime = Date.parse(out.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(0);
    expect(lifetime).toBeLessThanOrEqual(5 * 60_000);

    const blob = await fetch(out.url);
    expect(blob.status).toBe(200);
    const lines = (await blob.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { record: string });
    expect(lines).toHaveLength(out.records);
    const count = (kind: string) => lines.filter((l) => l.record === kind).length;
    expect(count("meter")).toBe(2);
    expect(count("interval")).toBe(96);
    // 24 hours; a UTC day spans two Vienna days (UTC+2 in May); one month
    expect(count("rollup")).toBe(24 + 2 + 1);
    expect(count("event")).toBe(1);

    // without the signature the blob is not readable
    const bare = await fetch(`${url.origin}${url.pathname}`);
    expect(bare.status).toBeGreaterThanOrEqual(400);
  });

  it("writes CSV of the time series", async () => {
    const res = await post(
      "hh-1",
      { format: "csv", from: "2026-05-01T00:00:00Z", to: "2026-05-01T01:00:00Z" },
      host.admin,
    );
    expect(res.status).toBe(201);
    const out = (await res.json()) as { url: string };
    const rows = (await (await fetch(out.url)).text()).trim().split("\r\n");
    expect(rows[0]).toBe(
      "meterId,resolution,intervalStart,intervalEnd,energyImportedWh,energyExportedWh,powerMinW,powerAvgW,powerMaxW,sampleCount,quality,derived",
    );
    expect(rows).toContain(
      "m-1,PT15M,2026-05-01T00:00:00.000Z,2026-05-01T00:15:00.000Z,100,0,200,400,600,15,complete,false",
    );
    expect(rows.filter((r) => r.includes(",PT1H,"))).toHaveLength(1);
  });

  it("refuses another household's export with 404", async () => {
    expect((await post("hh-2", {}, alice)).status).toBe(404);
    const bad = await post("hh-1", { format: "xml" }, alice);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { parameter: string }).parameter).toBe("format");
  });

  it("deletes the household's exports with its data", async () => {
    const res = await fetch(`${host.url}/api/households/hh-1/data`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${host.admin}` },
    });
    const report = (await res.json()) as { deleted: { exports: number; intervals: number } };
    expect(report.deleted.exports).toBe(2);
    expect(report.deleted.intervals).toBe(96);
  });
});
