import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { get, ingest, interval, message, startTestHost, type TestHost } from "./helpers";

let host: TestHost;

const put = (id: string, body: unknown, token: string) =>
  fetch(`${host.url}/api/meters/${id}`, {
    method: "PUT",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  host = await startTestHost({ AGGREGATE_MIN_HOUSEHOLDS: "3" });
  // households hh-3, hh-4 with one meter each; hh-1 (m-1) and hh-2 (m-3) come from the config
  expect((await put("m-4", { householdId: "hh-3", deviceId: "edge-local" }, host.admin)).status).toBe(200);
  expect(
    (await put("m-5", { householdId: "hh-4", deviceId: "edge-local", timeZone: "UTC" }, host.admin)).status,
  ).toBe(200);
  const at = (h: number) => new Date(Date.parse("2026-04-01T00:00:00Z") + h * 3_600_000).toISOString();
  const msgs = [];
  // hour 0: three households (m-1, m-3, m-4); hour 1: only two (m-1, m-3)
  for (const [meter, hours] of [
    ["m-1", [0, 1]],
    ["m-3", [0, 1]],
    ["m-4", [0]],
  ] as const) {
    for (const h of hours) msgs.push(message(interval(meter, at(h), 100, 60), "interval"));
  }
  const res = await ingest(host, msgs);
  expect(await res.json()).toEqual({ accepted: 5, rejected: 0, parked: 0 });
});
afterAll(async () => host.close());

describe("admin and analyst operations", () => {
  it("registers meters with validated bodies", async () => {
    const bad = await put(
      "m-6",
      { householdId: "hh-3", deviceId: "edge-local", timeZone: "Mars/Olympus" },
      host.admin,
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { parameter: string }).parameter).toBe("timeZone");
    const missing = await put("m-6", { deviceId: "edge-local" }, host.admin);
    expect(((await missing.json()) as { parameter: string }).parameter).toBe("householdId");
    const m4 = await get(host, "/api/meters/m-4", host.admin);
    expect(m4.body).toMatchObject({ householdId: "hh-3", deviceId: "edge-local", timeZone: "UTC" });
  });

  it("returns only aggregate buckets with at least k households", async () => {
    const analyst = await host.issueToken({ sub: "ana", role: "analyst" });
    const r = await get(
      host,
      "/api/aggregates?property=1-0:1.8.0&resolution=PT1H&from=2026-04-01T00:00:00Z&to=2026-04-02T00:00:00Z",
      analyst,
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ k: 3, suppressed: 1 });
    expect(r.body.buckets).toEqual([
      { group: "all", start: "2026-04-01T00:00:00.000Z", households: 3, sum: 300, mean: 100, hours: 1 },
    ]);
    const bad = await get(host, "/api/aggregates?property=1-0:1.8.0&resolution=PT15M&from=x&to=y", analyst);
    expect(bad.status).toBe(400);
    expect(bad.body.parameter).toBe("resolution");
  });

  it("deletes a household's data everywhere and reports what it deleted", async () => {
    const hh = await host.issueToken({ sub: "bob", role: "household", households: ["hh-2"] });
    const res = await fetch(`${host.url}/api/households/hh-2/data`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${host.admin}` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      householdId: "hh-2",
      deleted: {
        meters: 1,
        intervals: 2,
        rollups: 2,
        readings: 0,
        latest: 1,
        events: 0,
        deadLetters: 0,
        exports: 0,
      },
    });
    expect((await get(host, "/api/meters", hh)).body.items).toEqual([]);
    expect((await get(host, "/api/meters/m-3", host.admin)).status).toBe(404);
    // a message for the deleted meter is now refused
    const again = await ingest(host, [message(interval("m-3", "2026-04-01T05:00:00Z", 1, 60), "interval")]);
    expect(await again.json()).toEqual({ accepted: 0, rejected: 1, parked: 0 });
  });
});
