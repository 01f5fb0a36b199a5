import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { day, get, ingest, message, startTestHost, type TestHost } from "./helpers";

let host: TestHost;
let hh1: string;

beforeAll(async () => {
  host = await startTestHost();
  hh1 = await host.issueToken({ sub: "alice", role: "household", households: ["hh-1"] });
  // 2026-01-10 in Vienna is 2026-01-09T23:00Z .. 2026-01-10T23:00Z
  const msgs = day("m-1", "2026-01-09T23:00:00Z").map((r, i) => message(r, "interval", "edge-local", i));
  const res = await ingest(host, msgs);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ accepted: 96, rejected: 0, parked: 0 });
});
afterAll(async () => host.close());

describe("cloud API through the local host", () => {
  it("serves health without a token", async () => {
    const r = await get(host, "/api/health");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: "ok", store: "sqlite" });
  });

  it("lists only the caller's meters", async () => {
    const mine = await get(host, "/api/meters", hh1);
    expect(mine.body.items.map((m: { id: string }) => m.id)).toEqual(["m-1", "m-2"]);
    const all = await get(host, "/api/meters", host.admin);
    expect(all.body.items.map((m: { id: string }) => m.id)).toEqual(["m-1", "m-2", "m-3"]);
  });

  it("returns 15-minute readings paged with a continuation token", async () => {
    const base =
      "/api/meters/m-1/readings?from=2026-01-09T23:00:00Z&to=2026-01-10T23:00:00Z&resolution=PT15M&limit=40";
    const p1 = await get(host, base, hh1);
    expect(p1.status).toBe(200);
    expect(p1.body.items).toHaveLength(40);
    expect(p1.body.items[0].intervalStart).toBe("2026-01-09T23:00:00.000Z");
    const seen = [...p1.body.items];
    let token = p1.body.continuationToken;
    for (let i = 0; token && i < 5; i++) {
      const p = await get(host, `${base}&continuationToken=${encodeURIComponent(token)}`, hh1);
      seen.push(...p.body.items);
      token = p.body.continuationToken;
    }
    expect(seen).toHaveLength(96);
    expect(new Set(seen.map((s) => s.id)).size).toBe(96);
  });

  it("serves hourly, local-day and local-month rollups", async () => {
    const q = "from=2026-01-01T00:00:00%2B01:00&to=2026-02-01T00:00:00%2B01:00";
    const hours = await get(host, `/api/meters/m-1/readings?${q}&resolution=PT1H&limit=1000`, hh1);
    expect(hours.body.items).toHaveLength(24);
    // first hour: intervals 0..3 -> 100+101+102+103
    expect(hours.body.items[0]).toMatchObject({ energyImportedWh: 406, quality: "complete", derived: true });
    const days = await get(host, `/api/meters/m-1/readings?${q}&resolution=P1D`, hh1);
    expect(days.body.items).toHaveLength(1);
    const total = Array.from({ length: 96 }, (_, i) => 100 + i).reduce((a, b) => a + b, 0);
    expect(days.body.items[0]).toMatchObject({
      intervalStart: "2026-01-09T23:00:00.000Z",
      intervalEnd: "2026-01-10T23:00:00.000Z",
      energyImportedWh: total,
      quality: "complete",
      powerMaxW: 195 * 6,
    });
    const months = await get(host, `/api/meters/m-1/readings?${q}&resolution=P1M`, hh1);
    expect(months.body.items[0]).toMatchObject({
      intervalStart: "2025-12-31T23:00:00.000Z",
      energyImportedWh: total,
      quality: "partial",
    });
    expect(months.body.items[0].flags).toContain("gap");
  });

  it("keeps the latest values", async () => {
    const r = await get(host, "/api/meters/m-1/latest", hh1);
    expect(r.body.interval.intervalStart).toBe("2026-01-10T22:45:00.000Z");
    expect(r.body.updatedAt).toBe("2026-01-10T23:00:00.000Z");
  });

  it("summarises a household", async () => {
    const r = await get(
      host,
      "/api/households/hh-1/summary?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z",
      hh1,
    );
    expect(r.status).toBe(200);
    expect(r.body.totals.energyImportedWh).toBe(
      Array.from({ length: 96 }, (_, i) => 100 + i).reduce((a, b) => a + b),
    );
    expect(r.body.totals.hours).toBe(24);
    expect(r.body.meters.map((m: { meterId: string }) => m.meterId)).toEqual(["m-1", "m-2"]);
  });

  it("answers bad parameters with 400 problem+json naming the parameter", async () => {
    const r = await get(host, "/api/meters/m-1/readings?resolution=PT7M", hh1);
    expect(r.status).toBe(400);
    expect(r.type).toContain("application/problem+json");
    expect(r.body).toMatchObject({ status: 400, parameter: "resolution" });
    const t = await get(
      host,
      "/api/meters/m-1/readings?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z",
      hh1,
    );
    expect(t.body.parameter).toBe("to");
    const c = await get(host, "/api/meters/m-1/readings?continuationToken=garbage", hh1);
    expect(c.status).toBe(400);
    expect(c.body.parameter).toBe("continuationToken");
  });

  it("reads an unencoded '+' of a time offset as '+'", async () => {
    const r = await get(
      host,
      "/api/meters/m-1/readings?from=2026-01-10T00:00:00+01:00&to=2026-01-10T01:00:00+01:00",
      hh1,
    );
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(4);
  });

  it("serves an OpenAPI 3.1 document generated from the request schemas", async () => {
    const r = await get(host, "/api/openapi.json");
    expect(r.body.openapi).toBe("3.1.0");
    const op = r.body.paths["/api/meters/{id}/readings"].get;
    const resolution = op.parameters.find((p: { name: string }) => p.name === "resolution");
    expect(resolution.schema.enum).toEqual(["PT15M", "PT1H", "P1D", "P1M"]);
    expect(r.body.paths["/api/households/{id}/data"].delete.operationId).toBe("householdDelete");
  });

  it("sends CORS headers to the app's origin only", async () => {
    const ok = await fetch(`${host.url}/api/health`, { headers: { origin: "http://127.0.0.1:7070" } });
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:7070");
    const other = await fetch(`${host.url}/api/health`, { headers: { origin: "http://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const pre = await fetch(`${host.url}/api/meters`, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:7070", "access-control-request-method": "GET" },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-headers")).toContain("authorization");
  });
});
