/**
 * GET /api/export/influx: the line protocol is parsed by a real InfluxDB server (influxd 1.x, the
 * parser of the InfluxDB project; support/influxd.ts) and every point read back is compared field by
 * field with the intervals delivered to the module (quarter hours) or served by the intervals resource
 * (hours, the series package's roll-up). Escaping per the InfluxDB line protocol reference, "Special
 * characters": measurement comma and space; tag keys/values and field keys comma, equals sign, space;
 * string field values double quote and backslash.
 */
import type { IntervalRecord } from "@omdp/model";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { escapeKey, escapeMeasurement, pointLine, quoteString } from "../src/api/export-influx";
import { interval } from "./support/fixtures";
import { type Harness, startHarness, T0 } from "./support/harness";
import { call } from "./support/http";
import { type Influxd, type InfluxSeries, startInfluxd } from "./support/influxd";

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
/** A meter id with every character the line protocol escapes in tags. */
const ODD = "flat 3,meter=A";

/** A cold-water meter's quarter hour: 12.5 litres, no energy, no power (as analytics sends it). */
function water(meterId: string, start: number, litres: number): IntervalRecord {
  return {
    ...interval(meterId, start, 15, 0),
    powerMinW: null,
    powerAvgW: null,
    powerMaxW: null,
    registers: { "8-0:1.0.0": 100 + litres / 1000 },
    sampleCount: 3,
    medium: "water",
    consumption: { "8-0:1.0.0": litres / 1000 },
  };
}

describe("line protocol escaping (InfluxDB line protocol reference, special characters)", () => {
  it("escapes what the spec names and nothing else", () => {
    expect(escapeMeasurement("my measurement,x=y")).toBe("my\\ measurement\\,x=y"); // = is literal here
    expect(escapeKey("tag Key1")).toBe("tag\\ Key1");
    expect(escapeKey("a,b=c d")).toBe("a\\,b\\=c\\ d");
    expect(escapeKey("C:\\path")).toBe("C:\\path"); // a backslash is literal
    expect(quoteString('"string" within a string')).toBe('"\\"string\\" within a string"');
    expect(quoteString("back\\slash")).toBe('"back\\\\slash"');
  });

  it("writes integers with i, booleans as words, tags sorted, ns timestamps", () => {
    const line = pointLine(
      "m",
      { b: "2", a: "1", empty: "" },
      { f: 1.5, n: { int: 42 }, ok: false },
      1_556_813_561_098,
    );
    expect(line).toBe("m,a=1,b=2 f=1.5,n=42i,ok=false 1556813561098000000");
  });
});

describe("GET /api/export/influx against influxd", () => {
  let influx: Influxd;
  let h: Harness;
  const quarters: IntervalRecord[] = [];

  beforeAll(async () => {
    influx = await startInfluxd();
  }, 20_000);
  afterAll(async () => {
    await influx?.stop();
  });
  beforeEach(async () => {
    h = await startHarness({ cloud: { enabled: false } });
    quarters.length = 0;
    const start = T0 - HOUR;
    for (let q = 0; q < 4; q++) {
      const e = interval(ODD, start + q * 900_000, 15, 7 + q);
      if (q === 3) e.quality = "estimated";
      quarters.push(e, water("w1", start + q * 900_000, 12.5 + q));
    }
    for (const rec of quarters) await h.host.deliver("intervals", rec);
  });
  afterEach(async () => {
    await h.dispose();
  });

  async function exportTo(db: string, query: string): Promise<InfluxSeries> {
    const r = await call(h.base, "GET", `/api/export/influx?${query}`, { headers: h.auth });
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toContain("text/plain");
    await influx.query("", `CREATE DATABASE "${db}"`);
    const w = await influx.write(db, r.text);
    expect(w).toEqual({ status: 204, text: "" });
    const [series] = await influx.query(db, 'SELECT * FROM "omdp_interval"');
    return series!;
  }

  /** The rows as objects: column name to value. */
  const rows = (s: InfluxSeries) =>
    s.values.map((v) => Object.fromEntries(s.columns.map((c, i) => [c, v[i]])));

  /** What influxd must hold for an interval: each field and tag the export promises. */
  function expected(i: IntervalRecord & { derived?: boolean }): Record<string, unknown> {
    const out: Record<string, unknown> = {
      time: Date.parse(i.intervalStart),
      meter: i.meterId,
      resolution: i.resolution,
      medium: i.medium ?? "electricity",
      quality: i.quality,
      energy_imported_wh: i.energyImportedWh,
      energy_exported_wh: i.energyExportedWh,
      power_min_w: i.powerMinW,
      power_avg_w: i.powerAvgW,
      power_max_w: i.powerMaxW,
      sample_count: i.sampleCount,
      derived: i.derived ?? false,
    };
    for (const [k, v] of Object.entries(i.registers)) out[`register.${k}`] = v;
    for (const [k, v] of Object.entries(i.consumption ?? {})) out[`consumption.${k}`] = v;
    return out;
  }

  /** Columns a point of the other meter has are null in this one's row (influxd's SELECT *). */
  const present = (row: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null));
  const withoutNulls = (o: Record<string, unknown>) => present(o);

  it("writes every quarter hour as a point influxd accepts, equal field by field to the delivered ones", async () => {
    const s = await exportTo("quarters", `from=${iso(T0 - HOUR)}&to=${iso(T0)}&resolution=PT15M`);
    const got = rows(s).map(present);
    expect(got).toHaveLength(8);
    const byKey = (o: Record<string, unknown>) => `${o.meter}|${o.time}`;
    const want = new Map(quarters.map((q) => [byKey(expected(q)), withoutNulls(expected(q))]));
    for (const row of got) expect(row).toEqual(want.get(byKey(row)));
    // the odd meter id came back whole from its escaped tag
    expect(new Set(got.map((r) => r.meter))).toEqual(new Set([ODD, "w1"]));
  });

  it("writes the hours the intervals resource serves (the series roll-up), one meter when asked", async () => {
    const s = await exportTo("hours", `meter=w1&from=${iso(T0 - HOUR)}&to=${iso(T0)}&resolution=PT1H`);
    const page = await call(
      h.base,
      "GET",
      `/api/meters/w1/intervals?resolution=PT1H&from=${iso(T0 - HOUR)}&to=${iso(T0)}`,
      { headers: h.auth },
    );
    expect(page.json.items).toHaveLength(1);
    const hour = page.json.items[0];
    // 12.5 + 13.5 + 14.5 + 15.5 litres = 56 litres
    expect(hour.consumption).toEqual({ "8-0:1.0.0": 0.056 });
    expect(rows(s).map(present)).toEqual([withoutNulls(expected(hour))]);
  });
});

describe("GET /api/export/influx parameters and consent", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ cloud: { enabled: false } });
    for (let q = 0; q < 4; q++)
      await h.host.deliver("intervals", interval("m1", T0 - HOUR + q * 900_000, 15, 7));
  });
  afterEach(async () => {
    await h.dispose();
  });

  it("answers problems for a bad resolution, a reversed range and an unknown meter", async () => {
    const bad = await call(h.base, "GET", "/api/export/influx?resolution=PT7M", { headers: h.auth });
    expect(bad.status).toBe(400);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
    expect(bad.json.invalidParams.map((p: { name: string }) => p.name)).toEqual(["resolution"]);
    const reversed = await call(h.base, "GET", `/api/export/influx?from=${iso(T0)}&to=${iso(T0 - HOUR)}`, {
      headers: h.auth,
    });
    expect([reversed.status, reversed.json.parameter]).toEqual([400, "from"]);
    const unknown = await call(h.base, "GET", "/api/export/influx?meter=nope", { headers: h.auth });
    expect(unknown.status).toBe(404);
    expect((await call(h.base, "GET", "/api/export/influx")).status).toBe(401);
  });

  it("gives a recipient only the resolutions its consent covers", async () => {
    const t = (await h.host.invoke("createToken", { name: "coop", recipient: "energy-community" }))
      .payload as {
      token: string;
    };
    const auth = { authorization: `Bearer ${t.token}` };
    const range = `from=${iso(T0 - HOUR)}&to=${iso(T0)}`;
    expect(
      (await call(h.base, "GET", `/api/export/influx?${range}&resolution=PT1H`, { headers: auth })).text,
    ).toBe("");
    await call(h.base, "POST", "/api/consents", {
      headers: h.auth,
      body: { recipient: "energy-community", properties: ["energy"], resolution: "PT1H" },
    });
    const quarter = await call(h.base, "GET", `/api/export/influx?${range}&resolution=PT15M`, {
      headers: auth,
    });
    expect(quarter.text).toBe("");
    const hour = await call(h.base, "GET", `/api/export/influx?${range}&resolution=PT1H`, { headers: auth });
    // 4 x 7 Wh and 4 x 180 samples; no power (not consented), the energy register only (the voltage is "grid")
    expect(hour.text).toBe(
      `omdp_interval,medium=electricity,meter=m1,quality=complete,resolution=PT1H energy_imported_wh=28,energy_exported_wh=0,register.1-0:1.8.0=50007,sample_count=720i,derived=true ${BigInt(T0 - HOUR) * 1_000_000n}\n`,
    );
  });
});
