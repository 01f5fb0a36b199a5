import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { event, interval, reading, stats } from "./support/fixtures";
import { type Harness, startHarness, T0 } from "./support/harness";
import { call } from "./support/http";

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.dispose();
});
async function harness(desired: Record<string, unknown>): Promise<Harness> {
  const h = await startHarness(desired, undefined);
  open.push(h);
  return h;
}
const HOUR = 3_600_000;

/** A port the OS just handed out on loopback (free at the time of asking). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
const attached = { cloud: { enabled: true }, households: { "hh-1": { timeZone: "UTC" } } };

describe("upstream with the household's default consent (PT15M intervals + events)", () => {
  it("sends intervals and events, never raw readings, with kind, meterId and householdId", async () => {
    const h = await harness({ ...attached, meters: { m7: { householdId: "hh-7" } } });
    await h.host.deliver("readings", reading("m7", T0));
    await h.host.deliver("intervals", interval("m7", T0));
    await h.host.deliver("alerts", event("m7", T0, "e1"));
    await h.host.deliver("alerts", event("m7", T0, "e1")); // duplicate event: stored and sent once
    const up = h.host.sentOn("upstream");
    expect(up.map((s) => s.properties)).toEqual([
      { kind: "interval", meterId: "m7", householdId: "hh-7" },
      { kind: "event", meterId: "m7", householdId: "hh-7" },
    ]);
    expect(up[0]!.body).toMatchObject({ resolution: "PT15M", energyImportedWh: 100, powerAvgW: 400 });
    // the voltage register is not in the default consent (energy, power, events)
    expect((up[0]!.body as { registers: object }).registers).toEqual({ "1-0:1.8.0": 50_100 });
  });

  it("stops sending the moment the consent is revoked through the API, and audits it", async () => {
    const h = await harness(attached);
    await h.host.deliver("intervals", interval("m1", T0));
    const del = await call(h.base, "DELETE", "/api/consents/default-cloud", { headers: h.auth });
    expect(del.status).toBe(200);
    await h.host.deliver("intervals", interval("m1", T0 + 900_000));
    await h.host.deliver("alerts", event("m1", T0, "e2"));
    expect(h.host.sentOn("upstream")).toHaveLength(1);
    const audit = await call(h.base, "GET", "/api/consents/audit", { headers: h.auth });
    expect(audit.json.entries.at(-1)).toMatchObject({
      action: "revoke",
      consentId: "default-cloud",
      actor: "household-app",
    });
    // granting raw energy makes the next reading leave, with only the energy values
    const grant = await call(h.base, "POST", "/api/consents", {
      headers: h.auth,
      body: { recipient: "cloud", properties: ["energy"], resolution: "raw" },
    });
    expect(grant.status).toBe(201);
    await h.host.deliver("readings", reading("m1", T0 + 5000));
    const last = h.host.sentOn("upstream").at(-1)!;
    expect(last.properties.kind).toBe("reading");
    expect((last.body as { values: { property: string }[] }).values.map((v) => v.property)).toEqual([
      "1-0:1.8.0",
    ]);
  });

  it("stops at the consent's end time", async () => {
    const h = await harness(attached);
    await call(h.base, "DELETE", "/api/consents/default-cloud", { headers: h.auth });
    await call(h.base, "POST", "/api/consents", {
      headers: h.auth,
      body: {
        recipient: "cloud",
        properties: ["events"],
        resolution: "PT15M",
        until: new Date(T0 + HOUR).toISOString(),
      },
    });
    await h.host.deliver("alerts", event("m1", T0, "a"));
    h.clock.now = T0 + HOUR;
    await h.host.deliver("alerts", event("m1", T0 + HOUR, "b"));
    expect(h.host.sentOn("upstream").map((s) => (s.body as { id: string }).id)).toEqual(["a"]);
  });
});

describe("roll-up to the consented resolution", () => {
  it("sends one hourly record once the hour is complete, and no quarter hours", async () => {
    const h = await harness(attached);
    await call(h.base, "DELETE", "/api/consents/default-cloud", { headers: h.auth });
    await call(h.base, "POST", "/api/consents", {
      headers: h.auth,
      body: { recipient: "cloud", properties: ["energy"], resolution: "PT1H" },
    });
    const hour = Date.parse("2026-06-15T10:00:00Z");
    for (let q = 0; q < 3; q++)
      await h.host.deliver("intervals", interval("m1", hour + q * 900_000, 15, 10 + q));
    expect(h.host.sentOn("upstream")).toEqual([]);
    await h.host.deliver("intervals", interval("m1", hour + 3 * 900_000, 15, 13));
    const up = h.host.sentOn("upstream");
    expect(up).toHaveLength(1);
    expect(up[0]!.body).toMatchObject({
      id: "m1|PT1H|2026-06-15T10:00:00.000Z",
      resolution: "PT1H",
      intervalStart: "2026-06-15T10:00:00.000Z",
      intervalEnd: "2026-06-15T11:00:00.000Z",
      energyImportedWh: 46,
      powerMinW: null,
      quality: "complete",
      sampleCount: 4 * 180,
    });
  });

  it("rolls up days in the household's time zone", async () => {
    const h = await harness({
      cloud: { enabled: true },
      households: { "hh-1": { timeZone: "Europe/Vienna" } },
    });
    await call(h.base, "DELETE", "/api/consents/default-cloud", { headers: h.auth });
    await call(h.base, "POST", "/api/consents", {
      headers: h.auth,
      body: { recipient: "cloud", properties: ["energy", "power"], resolution: "P1D" },
    });
    const localMidnight = Date.parse("2026-06-14T22:00:00Z"); // 2026-06-15T00:00+02:00
    for (let q = 0; q < 96; q++)
      await h.host.deliver("intervals", interval("m1", localMidnight + q * 900_000, 15, 1));
    const up = h.host.sentOn("upstream");
    expect(up.map((s) => s.body)).toEqual([
      expect.objectContaining({
        intervalStart: "2026-06-14T22:00:00.000Z", // local midnight 2026-06-15T00:00+02:00
        energyImportedWh: 96,
        powerMaxW: 900,
      }),
    ]);
  });
});

describe("detached mode (no cloud configured)", () => {
  it("sends nothing upstream while the API and the store work", async () => {
    const h = await harness({});
    await call(h.base, "POST", "/api/consents", {
      headers: h.auth,
      body: { recipient: "cloud", properties: ["energy", "power", "events"], resolution: "raw" },
    });
    await h.host.deliver("readings", reading("m1", T0));
    await h.host.deliver("intervals", interval("m1", T0));
    await h.host.deliver("alerts", event("m1", T0));
    expect(h.host.sentOn("upstream")).toEqual([]);
    expect((await call(h.base, "GET", "/api/health")).json.detached).toBe(true);
    expect((await call(h.base, "GET", "/api/meters/m1/latest", { headers: h.auth })).status).toBe(200);
    expect(h.host.reported.at(-1)).toMatchObject({ detached: true });
  });
});

describe("inputs and configuration", () => {
  it("drops invalid messages and counts them", async () => {
    const h = await harness({});
    await h.host.deliver("readings", { meterId: "m1" });
    await h.host.deliver("intervals", "{broken");
    await h.host.deliver("readings", JSON.stringify(reading("m1", T0)));
    expect((await h.host.invoke("getStatus", {})).payload).toMatchObject({
      invalidMessages: 2,
      readingsStored: 1,
    });
  });

  it("replaces a day's stats when analytics sends it again", async () => {
    const h = await harness({});
    await h.host.deliver("stats", stats("m1", "2026-06-15", "2026-06-14T22:00:00.000Z", 1));
    await h.host.deliver("stats", stats("m1", "2026-06-15", "2026-06-14T22:00:00.000Z", 2));
    expect(h.module.store.stats.query(0, T0 * 2)).toEqual([
      expect.objectContaining({ day: expect.objectContaining({ importedWh: 2 }) }),
    ]);
    // a body that is not a StatsMessage is dropped and counted, not stored
    await h.host.deliver("stats", { meterId: "m1", date: "2026-06-16", importedWh: 3 });
    expect(h.module.store.stats.query(0, T0 * 2)).toHaveLength(1);
    expect(h.module.counters.invalidMessages).toBe(1);
  });

  it("moves the API when the twin changes its port, and applies retention from the twin", async () => {
    const h = await harness({});
    await h.host.deliver("readings", reading("m1", T0 - 3 * 86_400_000));
    const before = h.module.apiAddress!.port;
    const free = await freePort();
    await h.host.setDesired({ api: { port: free }, retention: { readingsDays: 2 } });
    const after = h.module.apiAddress!.port;
    expect(after).toBe(free);
    expect(after).not.toBe(before);
    const r = await call(`http://127.0.0.1:${after}`, "GET", "/api/meters/m1/latest", { headers: h.auth });
    expect(r.status).toBe(404);
    await expect(call(h.base, "GET", "/api/health")).rejects.toThrow();
  });
});
