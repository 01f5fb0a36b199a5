import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { event, interval, reading, stats } from "./support/fixtures";
import { type Harness, startHarness, T0 } from "./support/harness";
import { call } from "./support/http";

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ cloud: { enabled: true } });
});
afterEach(async () => {
  await h.dispose();
});

const iso = (ms: number) => new Date(ms).toISOString();

describe("auth", () => {
  it("serves /api/health without a token", async () => {
    const r = await call(h.base, "GET", "/api/health");
    expect(r.status).toBe(200);
    expect(r.json.status).toBe("ok");
    expect(r.json.detached).toBe(false);
  });

  it("answers 401 without a token, with a wrong token, and with a revoked token", async () => {
    expect((await call(h.base, "GET", "/api/meters")).status).toBe(401);
    const wrong = await call(h.base, "GET", "/api/meters", {
      headers: { authorization: "Bearer omdp_nope" },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.code).toBe("unauthorized");
    expect(wrong.headers["www-authenticate"]).toContain("Bearer");
    expect((await call(h.base, "GET", "/api/meters", { headers: h.auth })).status).toBe(200);
    const revoked = await h.host.invoke("revokeToken", { id: h.tokenId });
    expect(revoked).toEqual({ status: 200, payload: { id: h.tokenId, revoked: true } });
    expect((await call(h.base, "GET", "/api/meters", { headers: h.auth })).status).toBe(401);
  });

  it("keeps only a hash of each token", async () => {
    const rows = h.module.store.db.prepare("SELECT * FROM tokens").all() as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(h.token);
    expect(rows[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("rejects a createToken payload without a name (400)", async () => {
    expect((await h.host.invoke("createToken", {})).status).toBe(400);
  });

  it("accepts ?access_token= on the stream only", async () => {
    const q = `?access_token=${encodeURIComponent(h.token)}`;
    expect((await call(h.base, "GET", `/api/meters${q}`)).status).toBe(401);
  });
});

describe("CORS", () => {
  it("answers a preflight from a configured origin with CORS headers", async () => {
    const r = await call(h.base, "OPTIONS", "/api/meters", {
      headers: { origin: "http://localhost:7070", "access-control-request-method": "GET" },
    });
    expect(r.status).toBe(204);
    expect(r.headers["access-control-allow-origin"]).toBe("http://localhost:7070");
    expect(r.headers["access-control-allow-headers"]).toContain("Authorization");
  });

  it("adds the origin to a normal response from a configured origin", async () => {
    const r = await call(h.base, "GET", "/api/meters", {
      headers: { ...h.auth, origin: "http://127.0.0.1:7070" },
    });
    expect(r.status).toBe(200);
    expect(r.headers["access-control-allow-origin"]).toBe("http://127.0.0.1:7070");
  });

  it("refuses another origin with 403 and no CORS headers, preflight included", async () => {
    for (const method of ["GET", "OPTIONS"]) {
      const r = await call(h.base, method, "/api/meters", {
        headers: { ...h.auth, origin: "http://evil.example" },
      });
      expect(r.status).toBe(403);
      expect(r.headers["access-control-allow-origin"]).toBeUndefined();
      expect(r.headers["access-control-allow-methods"]).toBeUndefined();
    }
  });

  it("follows the configured origins from the twin", async () => {
    await h.host.setDesired({
      api: { port: h.module.apiAddress!.port },
      cloud: { enabled: true },
      retention: {},
    });
    await h.host.setDesired({
      api: { port: h.module.apiAddress!.port, corsOrigins: "http://nas.local:7070" },
    });
    const ok = await call(h.base, "GET", "/api/meters", {
      headers: { ...h.auth, origin: "http://nas.local:7070" },
    });
    expect(ok.status).toBe(200);
    const old = await call(h.base, "GET", "/api/meters", {
      headers: { ...h.auth, origin: "http://localhost:7070" },
    });
    expect(old.status).toBe(403);
  });
});

describe("parameters", () => {
  const cases: [string, string][] = [
    ["/api/meters/m1/readings?from=yesterday", "from"],
    ["/api/meters/m1/readings?to=2026-06-15", "to"],
    ["/api/meters/m1/readings?limit=0", "limit"],
    ["/api/meters/m1/readings?limit=abc", "limit"],
    ["/api/meters/m1/readings?from=2026-06-15T12:00:00Z&to=2026-06-15T11:00:00Z", "from"],
    ["/api/meters/m1/intervals?resolution=PT7M", "resolution"],
    ["/api/meters/m1/intervals?resolution=PT1M&from=2020-01-01T00:00:00Z", "from"],
    ["/api/events?from=1", "from"],
    ["/api/stats?to=x", "to"],
    ["/api/export?from=2026-13-01T00:00:00Z", "from"],
  ];
  it.each(cases)("GET %s gives 400 naming %s", async (path, parameter) => {
    const r = await call(h.base, "GET", path, { headers: h.auth });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("invalid_parameter");
    expect(r.json.error.parameter).toBe(parameter);
    expect(r.json.error.message).toContain(parameter);
  });

  it("names the bad field of a consent body", async () => {
    const bad = [
      [{ recipient: "cloud", properties: ["energy"], resolution: "PT5M" }, "resolution"],
      [{ recipient: "cloud", properties: ["secrets"], resolution: "PT15M" }, "properties"],
      [{ recipient: "", properties: ["energy"], resolution: "PT15M" }, "recipient"],
      [{ recipient: "cloud", properties: ["energy"], resolution: "PT15M", until: "soon" }, "until"],
      ["{not json", "body"],
    ] as const;
    for (const [body, parameter] of bad) {
      const r = await call(h.base, "POST", "/api/consents", { headers: h.auth, body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error.parameter).toBe(parameter);
    }
  });

  it("gives 404 for an unknown route and 405 for a wrong method", async () => {
    expect((await call(h.base, "GET", "/api/nothing", { headers: h.auth })).status).toBe(404);
    expect((await call(h.base, "DELETE", "/api/meters", { headers: h.auth })).status).toBe(405);
  });
});

describe("data routes", () => {
  beforeEach(async () => {
    for (let i = 0; i < 5; i++)
      await h.host.deliver("readings", reading("m1", T0 - 60_000 + i * 5_000, 1000 + i));
    await h.host.deliver("readings", reading("m2", T0 - 30_000));
    for (let q = 0; q < 8; q++)
      await h.host.deliver("intervals", interval("m1", T0 - 2 * 3_600_000 + q * 900_000, 15, 10 + q));
    await h.host.deliver("alerts", event("m1", T0 - 1000, "ev-1"));
    await h.host.deliver("stats", stats("m1", "2026-06-15", iso(T0 - 12 * 3_600_000), 5));
  });

  it("lists meters with their household and latest reading", async () => {
    const r = await call(h.base, "GET", "/api/meters", { headers: h.auth });
    expect(r.json.meters.map((m: { meterId: string }) => m.meterId)).toEqual(["m1", "m2"]);
    expect(r.json.meters[0].householdId).toBe("hh-1");
    expect(r.json.meters[0].latestReadingTime).toBe(iso(T0 - 40_000));
  });

  it("returns the latest reading, and 404 for an unknown meter", async () => {
    const r = await call(h.base, "GET", "/api/meters/m1/latest", { headers: h.auth });
    expect(r.json.reading.values[0].value).toBe(1004);
    expect((await call(h.base, "GET", "/api/meters/zz/latest", { headers: h.auth })).status).toBe(404);
  });

  it("returns readings in a range with a limit", async () => {
    const r = await call(
      h.base,
      "GET",
      `/api/meters/m1/readings?from=${iso(T0 - 55_000)}&to=${iso(T0)}&limit=2`,
      {
        headers: h.auth,
      },
    );
    expect(r.status).toBe(200);
    expect(r.json.readings.map((x: { readingTime: string }) => x.readingTime)).toEqual([
      iso(T0 - 55_000),
      iso(T0 - 50_000),
    ]);
  });

  it("returns stored intervals and hourly roll-ups", async () => {
    const from = iso(T0 - 2 * 3_600_000);
    const q15 = await call(h.base, "GET", `/api/meters/m1/intervals?from=${from}&to=${iso(T0)}`, {
      headers: h.auth,
    });
    expect(q15.json.items).toHaveLength(8);
    const q1h = await call(
      h.base,
      "GET",
      `/api/meters/m1/intervals?from=${from}&to=${iso(T0)}&resolution=PT1H`,
      {
        headers: h.auth,
      },
    );
    expect(q1h.json.items.map((i: { energyImportedWh: number }) => i.energyImportedWh)).toEqual([
      10 + 11 + 12 + 13,
      14 + 15 + 16 + 17,
    ]);
    expect(q1h.json.items[0].quality).toBe("complete");
  });

  it("returns events and acknowledges one, telling the events module", async () => {
    const r = await call(h.base, "GET", `/api/events?from=${iso(T0 - 3_600_000)}&to=${iso(T0)}`, {
      headers: h.auth,
    });
    expect(r.json.events.map((e: { id: string }) => e.id)).toEqual(["ev-1"]);
    const ack = await call(h.base, "POST", "/api/events/ev-1/ack", { headers: h.auth });
    expect(ack.status).toBe(200);
    expect(ack.json.ackedAt).toBe(iso(T0));
    expect(h.host.sentOn("control").map((s) => s.body)).toEqual([
      { kind: "control", action: "ackEvent", eventId: "ev-1" },
    ]);
    expect((await call(h.base, "POST", "/api/events/nope/ack", { headers: h.auth })).status).toBe(404);
  });

  it("returns stats by meter and time", async () => {
    const r = await call(h.base, "GET", `/api/stats?meterId=m1&from=${iso(T0 - 86_400_000)}&to=${iso(T0)}`, {
      headers: h.auth,
    });
    expect(r.json.stats).toEqual([
      expect.objectContaining({ meterId: "m1", day: expect.objectContaining({ importedWh: 5 }) }),
    ]);
    const other = await call(
      h.base,
      "GET",
      `/api/stats?meterId=m2&from=${iso(T0 - 86_400_000)}&to=${iso(T0)}`,
      {
        headers: h.auth,
      },
    );
    expect(other.json.stats).toEqual([]);
  });

  it("exports everything stored as JSON Lines", async () => {
    const r = await call(h.base, "GET", "/api/export", { headers: h.auth });
    expect(r.headers["content-type"]).toContain("application/x-ndjson");
    const lines = r.text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const count = (k: string) => lines.filter((l) => l.kind === k).length;
    expect([count("reading"), count("interval"), count("event"), count("stats")]).toEqual([6, 8, 1, 1]);
  });
});

describe("recipient export with a raw consent", () => {
  it("holds the consented values of readings in the range, and events only with `events`", async () => {
    for (let i = 0; i < 3; i++)
      await h.host.deliver("readings", reading("m1", T0 - 3_600_000 + i * 1_200_000));
    await h.host.deliver("alerts", event("m1", T0 - 1000, "ev-x"));
    const t = (await h.host.invoke("createToken", { name: "grid-op", recipient: "supplier" })).payload as {
      token: string;
    };
    await call(h.base, "POST", "/api/consents", {
      headers: h.auth,
      body: { recipient: "supplier", properties: ["grid"], resolution: "raw" },
    });
    const from = iso(T0 - 3_000_000);
    const r = await call(h.base, "GET", `/api/export?from=${from}&to=${iso(T0)}`, {
      headers: { authorization: `Bearer ${t.token}` },
    });
    const lines = r.text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(
      lines.map((l) => [
        l.kind,
        l.body.readingTime,
        l.body.values.map((v: { property: string }) => v.property),
      ]),
    ).toEqual([
      ["reading", iso(T0 - 2_400_000), ["1-0:32.7.0"]],
      ["reading", iso(T0 - 1_200_000), ["1-0:32.7.0"]],
    ]);
  });
});

describe("rules", () => {
  it("keeps the last rules and sends them to the events module", async () => {
    expect((await call(h.base, "GET", "/api/rules", { headers: h.auth })).json.rules).toEqual([]);
    const rules = [
      { id: "r1", kind: "meterSilent", enabled: true, meterId: "*", severity: "warning", minutes: 15 },
    ];
    const put = await call(h.base, "PUT", "/api/rules", { headers: h.auth, body: { rules } });
    expect(put.status).toBe(200);
    expect((await call(h.base, "GET", "/api/rules", { headers: h.auth })).json.rules).toEqual(rules);
    const control = h.host.sentOn("control");
    expect(control).toEqual([
      {
        output: "control",
        body: { kind: "control", action: "setRules", rules },
        properties: { kind: "control" },
      },
    ]);
    const bad = await call(h.base, "PUT", "/api/rules", { headers: h.auth, body: { rules: "all" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.parameter).toBe("rules");
  });
});

describe("consents", () => {
  it("grants, lists, revokes and audits with the token's name", async () => {
    const list0 = await call(h.base, "GET", "/api/consents", { headers: h.auth });
    expect(list0.json.consents).toEqual([
      expect.objectContaining({ id: "default-cloud", recipient: "cloud", resolution: "PT15M", active: true }),
    ]);
    const post = await call(h.base, "POST", "/api/consents", {
      headers: h.auth,
      body: {
        recipient: "energy-community",
        properties: ["energy"],
        resolution: "P1D",
        until: "2027-01-01T00:00:00Z",
      },
    });
    expect(post.status).toBe(201);
    expect(post.json).toMatchObject({
      recipient: "energy-community",
      grantedBy: "household-app",
      active: true,
    });
    const del = await call(h.base, "DELETE", `/api/consents/${post.json.id}`, { headers: h.auth });
    expect(del.json).toMatchObject({ revokedBy: "household-app", active: false });
    expect((await call(h.base, "DELETE", "/api/consents/unknown", { headers: h.auth })).status).toBe(404);
    const audit = await call(h.base, "GET", "/api/consents/audit", { headers: h.auth });
    expect(
      audit.json.entries.map((e: { action: string; actor: string; recipient: string }) => [
        e.action,
        e.actor,
        e.recipient,
      ]),
    ).toEqual([
      ["grant", "default", "cloud"],
      ["grant", "household-app", "energy-community"],
      ["revoke", "household-app", "energy-community"],
    ]);
    expect(audit.json.entries[1]).toMatchObject({
      at: iso(T0),
      until: "2027-01-01T00:00:00Z",
      resolution: "P1D",
    });
  });

  it("gives a recipient token only that recipient's consented export", async () => {
    await h.host.deliver("readings", reading("m1", T0 - 1000));
    await h.host.deliver("alerts", event("m1", T0 - 1000, "ev-9"));
    for (let q = 0; q < 4; q++)
      await h.host.deliver("intervals", interval("m1", T0 - 3_600_000 + q * 900_000, 15, 7));
    const t = (await h.host.invoke("createToken", { name: "coop", recipient: "energy-community" }))
      .payload as {
      token: string;
    };
    const auth = { authorization: `Bearer ${t.token}` };
    const refused = await call(h.base, "GET", "/api/meters", { headers: auth });
    expect(refused.status).toBe(403);
    // The routes a recipient may call, written out by hand (influx and ha exports included).
    for (const route of ["/api/export", "/api/export/influx", "/api/export/ha", "/api/health"])
      expect(refused.text).toContain(route);
    for (const route of ["/api/export/influx", "/api/export/ha"])
      expect((await call(h.base, "GET", route, { headers: auth })).status).not.toBe(403);
    const none = await call(h.base, "GET", "/api/export", { headers: auth });
    expect(none.status).toBe(200);
    expect(none.text).toBe("");
    await call(h.base, "POST", "/api/consents", {
      headers: h.auth,
      body: { recipient: "energy-community", properties: ["energy"], resolution: "PT1H" },
    });
    const some = await call(h.base, "GET", "/api/export", { headers: auth });
    const lines = some.text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      kind: "interval",
      body: { resolution: "PT1H", energyImportedWh: 28, powerAvgW: null },
    });
    expect(lines[0].body.registers).toEqual({ "1-0:1.8.0": 50_007 });
  });
});
