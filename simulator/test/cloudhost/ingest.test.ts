import { SqliteStore } from "@omdp/functions";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { day, get, ingest, interval, message, startTestHost, type TestHost } from "./helpers";

const reading = (meterId: string, t: string) => ({
  schemaVersion: 1,
  meterId,
  readingTime: t,
  receivedAt: t,
  source: { protocol: "dlms", transport: "serial", gatewayId: "edge-local" },
  values: [{ property: "1-0:1.7.0", value: 812, unit: "W" }],
});
const alert = (id: string, meterId: string, at: string) => ({
  schemaVersion: 1,
  id,
  type: "threshold.power.exceeded",
  severity: "warning",
  meterId,
  at,
  details: { limitW: 500 },
});

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => host.close());

describe("POST /runtime/ingest", () => {
  it("leaves the store unchanged when the same batch is delivered again", async () => {
    const batch = [
      ...day("m-2", "2026-02-01T00:00:00Z").map((r, i) => message(r, "interval", "edge-local", i)),
      message(reading("m-2", "2026-02-01T12:00:00Z"), "reading", "edge-local", 200),
      message(alert("ev-1", "m-2", "2026-02-01T12:00:00Z"), "event", "edge-local", 201),
    ];
    const first = await ingest(host, batch);
    expect(await first.json()).toEqual({ accepted: 98, rejected: 0, parked: 0 });
    const snap = async () => {
      const out: unknown[] = [];
      for (const res of ["PT15M", "PT1H", "P1D", "P1M"]) {
        const r = await get(
          host,
          `/api/meters/m-2/readings?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&resolution=${res}&limit=5000`,
          host.admin,
        );
        out.push(r.body);
      }
      out.push((await get(host, "/api/meters/m-2/latest", host.admin)).body);
      out.push(
        (await get(host, "/api/alerts?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z", host.admin)).body,
      );
      return out;
    };
    const before = await snap();
    const again = await ingest(host, batch);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ accepted: 98, rejected: 0, parked: 0 });
    expect(await snap()).toEqual(before);
    const latest = (await get(host, "/api/meters/m-2/latest", host.admin)).body;
    expect(latest.reading.values[0].value).toBe(812);
  });

  it("parks a poisoned message and keeps the good ones of its batch", async () => {
    const good = Array.from({ length: 8 }, (_, i) =>
      message(
        interval("m-3", new Date(Date.parse("2026-02-02T00:00:00Z") + i * 900_000).toISOString(), 5),
        "interval",
        "edge-local",
        300 + i,
      ),
    );
    const broken = { ...interval("m-3", "2026-02-02T05:00:00Z", 5), energyImportedWh: -3 };
    const batch = [
      ...good.slice(0, 4),
      { ...message("{not json", "interval", "edge-local", 400) },
      message(broken, "interval", "edge-local", 401),
      message({ kind: "stats" }, "stats", "edge-local", 402),
      message(interval("m-3", "2026-02-02T06:00:00Z", 5), "interval", "edge-evil", 403),
      { body: interval("m-3", "2026-02-02T07:00:00Z", 5), properties: { kind: "interval" } },
      ...good.slice(4),
    ];
    const res = await ingest(host, batch);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 8, rejected: 1, parked: 4 });
    const stored = await get(
      host,
      "/api/meters/m-3/readings?from=2026-02-02T00:00:00Z&to=2026-02-03T00:00:00Z&resolution=PT15M",
      host.admin,
    );
    expect(stored.body.items).toHaveLength(8);
    const letters = await host.store.listDeadLetters(100);
    const reasons = letters.map((l) => l.reason).sort();
    expect(reasons).toEqual([
      "invalid-json",
      "meter-not-registered-to-device",
      "missing-device-identity",
      "schema-violation",
      "unsupported-kind",
    ]);
    const schema = letters.find((l) => l.reason === "schema-violation")!;
    expect(schema.issues.join(" ")).toContain("energyImportedWh");
    expect(schema.deviceId).toBe("edge-local");
    // redelivery of the poisoned batch parks nothing twice
    await ingest(host, batch);
    expect(await host.store.listDeadLetters(100)).toHaveLength(5);
  });

  it("takes the sender from the system properties, not from the body", async () => {
    // a body claiming another device changes nothing: m-1 belongs to edge-local
    const spoof = { ...interval("m-1", "2026-02-03T00:00:00Z", 7), deviceId: "edge-local" };
    const res = await ingest(host, [message(spoof, "interval", "edge-other", 500)]);
    expect(await res.json()).toEqual({ accepted: 0, rejected: 1, parked: 0 });
  });

  it("rejects a request that is not a batch", async () => {
    const res = await fetch(`${host.url}/runtime/ingest`, {
      method: "POST",
      body: JSON.stringify({ nope: 1 }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { parameter: string }).parameter).toBe("messages");
  });
});

describe("ingest failures", () => {
  let failing: TestHost | undefined;
  afterEach(async () => failing?.close());

  it("answers non-2xx when the store fails, so that the edge hub retries", async () => {
    const store = new SqliteStore(":memory:");
    store.writeIntervals = async () => {
      throw new Error("disk full");
    };
    failing = await startTestHost({}, store);
    const res = await ingest(failing, [message(interval("m-1", "2026-02-01T00:00:00Z", 1), "interval")]);
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });
});
