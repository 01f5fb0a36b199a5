/**
 * The series contract end to end: the same meter readings go through the edge (analytics engine ->
 * sharing module, its store and local API, in process) and through the cloud (functions ingest ->
 * SQLite store -> query API of the local cloud host), and both APIs must answer the same intervals
 * for every resolution and range: the same ids, bounds, energy, power, registers, quality and flags.
 * The readings span the autumn DST day in Vienna (a 25-hour day), a month end, and a 40-minute
 * silence (gap -> partial intervals and roll-ups) and a register reset (-> estimated; its flag sends the
 * SQLite store's roll-up to its JS path, so both of its paths are compared). The costs resource too:
 * the edge prices with the tariff the local profile gives a Vienna household, the cloud with its default
 * (TARIFFS_FILE empty: the same example by time zone); both answers must be identical.
 * Two more meters carry consumption instead of electricity: a water meter of the Vienna household and
 * a heat meter of a UTC household (medium, consumption per register), the same at both sides, their
 * days equal to the register differences of the readings fed (computed here, not by the code).
 */
import type { IntervalRecord, MeterReading } from "@omdp/model";
import { type Interval, IntervalsPage, PricesPage } from "@omdp/series";
import { CostPage, HouseholdCostPage } from "@omdp/tariffs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest as analyticsIngest, newTrack, tick } from "../../modules/analytics/src/engine";
import { type Harness, startHarness } from "../../modules/sharing/test/support/harness";
import { sharingTariff } from "../../simulator/src/edgehub/local-profile";
import { message, startTestHost, type TestHost } from "../../simulator/test/cloudhost/helpers";

const TZ = "Europe/Vienna";
const METER = "m-1";
const FROM = Date.parse("2026-10-24T20:00:00Z");
const TO = Date.parse("2026-11-02T01:00:00Z");
const STEP = 5 * 60_000;
const SILENCE = [Date.parse("2026-10-25T09:50:00Z"), Date.parse("2026-10-25T10:30:00Z")];
/** The register restarts from zero here (a reset: analytics flags it and the quarter is estimated). */
const RESET = Date.parse("2026-10-28T12:05:00Z");

/** Readings every 5 minutes with a deterministic load; the import register is their running sum. */
function readings(): MeterReading[] {
  const out: MeterReading[] = [];
  let importWh = 4_000_000;
  for (let t = FROM, i = 0; t <= TO; t += STEP, i++) {
    const powerW = 300 + ((i * 7919) % 2500);
    importWh += Math.round((powerW * STEP) / 3_600_000);
    if (t === RESET) importWh = 50;
    if (t > SILENCE[0]! && t < SILENCE[1]!) continue;
    const at = new Date(t).toISOString();
    out.push({
      schemaVersion: 1,
      meterId: METER,
      readingTime: at,
      receivedAt: at,
      source: { protocol: "dlms", transport: "raw", gatewayId: "gw-contract" },
      values: [
        { property: "1-0:1.8.0", value: importWh, unit: "Wh" },
        { property: "1-0:2.8.0", value: 0, unit: "Wh" },
        { property: "1-0:1.7.0", value: powerW, unit: "W" },
      ],
    });
  }
  return out;
}

/** The water meter (cloud registry: m-2 of hh-1, Vienna) and the heat meter (m-3 of hh-2, UTC). */
const WATER = "m-2";
const HEAT = "m-3";
const MEDIA_FROM = Date.parse("2026-10-24T20:00:00Z");
const MEDIA_TO = Date.parse("2026-10-26T02:00:00Z");

function mediaReading(meterId: string, t: number, values: MeterReading["values"]): MeterReading {
  const at = new Date(t).toISOString();
  return {
    schemaVersion: 1,
    meterId,
    readingTime: at,
    receivedAt: at,
    source: { protocol: "wmbus", transport: "serial", gatewayId: "gw-contract" },
    values,
  };
}

/** Cold water every 5 minutes (0 to 10 litres each, m3 with 3 decimals as a meter shows it). */
function waterReadings(): MeterReading[] {
  const out: MeterReading[] = [];
  let litres = 123_456;
  for (let t = MEDIA_FROM, i = 0; t <= MEDIA_TO; t += STEP, i++) {
    litres += (i * 37) % 11;
    out.push(mediaReading(WATER, t, [{ property: "8-0:1.0.0", value: litres / 1000, unit: "m3" }]));
  }
  return out;
}

/** Heat every 5 minutes: energy (Wh) and volume (m3). */
function heatReadings(): MeterReading[] {
  const out: MeterReading[] = [];
  let wh = 5_000_000;
  let ml = 80_250_000;
  for (let t = MEDIA_FROM, i = 0; t <= MEDIA_TO; t += STEP, i++) {
    wh += (i * 53) % 300;
    ml += ((i * 13) % 17) * 1000;
    out.push(
      mediaReading(HEAT, t, [
        { property: "6-0:1.0.0", value: wh, unit: "Wh" },
        { property: "6-0:2.0.0", value: ml / 1e6, unit: "m3" },
        { property: "6-0:10.0.0", value: 55, unit: "degC" },
      ]),
    );
  }
  return out;
}

/** A register's value in the reading at `t` (the readings fed, not the code under test). */
function registerAt(rs: readonly MeterReading[], t: number, property: string): number {
  const r = rs.find((x) => Date.parse(x.readingTime) === t);
  const v = r?.values.find((x) => x.property === property)?.value;
  if (typeof v !== "number") throw new Error(`no ${property} at ${new Date(t).toISOString()}`);
  return v;
}

/** The analytics engine's quarter hours of the readings (the same records feed both sides). */
function intervals(rs: readonly MeterReading[], meterId = METER, timeZone = TZ): IntervalRecord[] {
  const settings = {
    resolutions: ["PT15M" as const],
    timeZone,
    maxGapMs: 10 * 60_000,
    closeGraceMs: 120_000,
    maxPowerW: 100_000,
    maxFutureMs: 300_000,
  };
  const track = newTrack(meterId);
  const out: IntervalRecord[] = [];
  for (const r of rs)
    out.push(...analyticsIngest(track, r, TO + 3_600_000, settings).closed.map((c) => c.record));
  out.push(...tick(track, TO + 3_600_000, settings).map((c) => c.record));
  return out;
}

/** The fields every interval has; `medium` and `consumption` only a water, heat, gas or HCA meter's. */
const MEDIA_KEYS = ["medium", "consumption"];
const INTERVAL_KEYS = Object.keys(IntervalsPage.shape.items.element.shape)
  .filter((k) => !MEDIA_KEYS.includes(k))
  .sort();

let edge: Harness;
let cloud: TestHost;
let sent: IntervalRecord[];
let water: MeterReading[];
let heat: MeterReading[];

beforeAll(async () => {
  sent = intervals(readings());
  water = waterReadings();
  heat = heatReadings();
  const all = [...sent, ...intervals(water, WATER, TZ), ...intervals(heat, HEAT, "UTC")];
  edge = await startHarness({
    households: {
      "hh-1": { timeZone: TZ, tariff: sharingTariff({ id: "hh-1", timeZone: TZ, meters: [{ id: METER }] }) },
      "hh-2": { timeZone: "UTC" },
    },
    meters: {
      [METER]: { householdId: "hh-1" },
      [WATER]: { householdId: "hh-1" },
      [HEAT]: { householdId: "hh-2" },
    },
  });
  for (const rec of all) await edge.host.deliver("intervals", rec);
  cloud = await startTestHost();
  for (let i = 0; i < all.length; i += 200) {
    const batch = all.slice(i, i + 200).map((rec, j) => message(rec, "interval", "edge-local", i + j));
    const res = await fetch(`${cloud.url}/runtime/ingest`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ messages: batch }),
    });
    expect(res.status).toBeLessThan(300);
  }
}, 30_000);

afterAll(async () => {
  await edge?.dispose();
  await cloud?.close();
});

/** Every page of GET /api/meters/{id}/intervals (bounded: at most 100 pages). */
async function list(
  base: string,
  token: string,
  resolution: string,
  from: number,
  to: number,
  meterId = METER,
): Promise<Interval[]> {
  const items: Interval[] = [];
  let next: string | undefined;
  for (let page = 0; page < 100; page++) {
    const q = new URLSearchParams({
      resolution,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      limit: "250",
      ...(next ? { continuationToken: next } : {}),
    });
    const res = await fetch(`${base}/api/meters/${meterId}/intervals?${q}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const json: unknown = await res.json();
    expect(res.status, JSON.stringify(json)).toBe(200);
    // both sides answer the shared envelope and interval schema, field for field (strict: no extras)
    const body = IntervalsPage.strict().parse(json);
    for (const i of body.items) {
      expect(
        Object.keys(i)
          .filter((k) => !MEDIA_KEYS.includes(k))
          .sort(),
      ).toEqual(INTERVAL_KEYS);
      // electricity intervals stay as they were: no media fields at all
      if (meterId === METER) expect(Object.keys(i)).not.toContain("consumption");
    }
    items.push(...body.items);
    next = body.continuationToken;
    if (!next) return items;
  }
  throw new Error("more than 100 pages");
}

const RANGES: [string, number, number][] = [
  ["everything", FROM - 86_400_000, TO + 86_400_000],
  // the DST day in Vienna, local midnight to local midnight (2026-10-25T00:00+02:00 .. 2026-10-26T00:00+01:00)
  ["the 25-hour day", Date.parse("2026-10-24T22:00:00Z"), Date.parse("2026-10-25T23:00:00Z")],
  [
    "from mid-morning across the month end",
    Date.parse("2026-10-26T07:30:00Z"),
    Date.parse("2026-11-01T12:00:00Z"),
  ],
];

describe("the edge and the cloud answer the same series", () => {
  it("holds the records analytics made: quarter hours with a gap", () => {
    expect(sent.length).toBeGreaterThan(700);
    expect(sent.some((r) => r.quality === "partial")).toBe(true);
    expect(sent.filter((r) => r.flags.includes("reset")).map((r) => [r.intervalStart, r.quality])).toEqual([
      ["2026-10-28T12:00:00.000Z", "estimated"],
    ]);
  });

  for (const resolution of ["PT15M", "PT1H", "P1D", "P1M"]) {
    for (const [name, from, to] of RANGES) {
      it(`${resolution}, ${name}`, async () => {
        const [e, c] = await Promise.all([
          list(edge.base, edge.token, resolution, from, to),
          list(cloud.url, cloud.admin, resolution, from, to),
        ]);
        // intervals are selected by start: no month starts inside the DST day, so that one is empty
        if (resolution === "P1M" && name === "the 25-hour day") expect(e).toEqual([]);
        else expect(e.length).toBeGreaterThan(0);
        expect(e).toEqual(c);
      });
    }
  }

  it("the day roll-up of the DST day covers 25 hours and its energy is the quarter hours' sum", async () => {
    const [day] = await list(edge.base, edge.token, "P1D", RANGES[1]![1], RANGES[1]![2]);
    expect(Date.parse(day!.intervalEnd) - Date.parse(day!.intervalStart)).toBe(25 * 3_600_000);
    const quarters = sent.filter(
      (r) => Date.parse(r.intervalStart) >= RANGES[1]![1] && Date.parse(r.intervalStart) < RANGES[1]![2],
    );
    expect(quarters).toHaveLength(100);
    expect(day!.energyImportedWh).toBe(quarters.reduce((n, r) => n + r.energyImportedWh, 0));
    expect(day!.quality).toBe("partial"); // the silence at 10:50 local
    expect(day!.flags).toContain("gap");
  });
});

const MEDIA_RANGES: [string, number, number][] = [
  // from September: the October month starts inside it (intervals are selected by start)
  ["everything", Date.parse("2026-09-01T00:00:00Z"), MEDIA_TO + 86_400_000],
  ["the 25-hour day", Date.parse("2026-10-24T22:00:00Z"), Date.parse("2026-10-25T23:00:00Z")],
];

describe("the edge and the cloud answer the same water and heat consumption", () => {
  for (const meterId of [WATER, HEAT]) {
    for (const resolution of ["PT15M", "PT1H", "P1D", "P1M"]) {
      for (const [name, from, to] of MEDIA_RANGES) {
        it(`${meterId} ${resolution}, ${name}`, async () => {
          const [e, c] = await Promise.all([
            list(edge.base, edge.token, resolution, from, to, meterId),
            list(cloud.url, cloud.admin, resolution, from, to, meterId),
          ]);
          if (resolution === "P1M" && name === "the 25-hour day") expect(e).toEqual([]);
          else expect(e.length).toBeGreaterThan(0);
          for (const i of e) expect(i.medium).toBe(meterId === WATER ? "water" : "heat");
          expect(e).toEqual(c);
        });
      }
    }
  }

  it("the water meter's 25-hour day (Vienna) is its register's difference over the local day", async () => {
    const [from, to] = [MEDIA_RANGES[1]![1], MEDIA_RANGES[1]![2]];
    const [day] = await list(cloud.url, cloud.admin, "P1D", from, to, WATER);
    expect(Date.parse(day!.intervalEnd) - Date.parse(day!.intervalStart)).toBe(25 * 3_600_000);
    const m3 = registerAt(water, to, "8-0:1.0.0") - registerAt(water, from, "8-0:1.0.0");
    expect(day!.consumption).toEqual({ "8-0:1.0.0": Number(m3.toFixed(6)) });
    expect(day!.energyImportedWh).toBe(0);
    expect(day!.quality).toBe("complete");
  });

  it("the heat meter's UTC day: energy and volume are its registers' differences", async () => {
    const [from, to] = [Date.parse("2026-10-25T00:00:00Z"), Date.parse("2026-10-26T00:00:00Z")];
    const [day] = await list(edge.base, edge.token, "P1D", from, to, HEAT);
    const wh = registerAt(heat, to, "6-0:1.0.0") - registerAt(heat, from, "6-0:1.0.0");
    const m3 = registerAt(heat, to, "6-0:2.0.0") - registerAt(heat, from, "6-0:2.0.0");
    expect(day).toMatchObject({
      intervalStart: "2026-10-25T00:00:00.000Z",
      intervalEnd: "2026-10-26T00:00:00.000Z",
      consumption: { "6-0:1.0.0": wh, "6-0:2.0.0": Number(m3.toFixed(6)) },
      energyImportedWh: 0, // heat is not electricity: its energy is in consumption only
      energyExportedWh: 0,
      powerMaxW: null,
      quality: "complete",
    });
  });
});

/** GET /api/meters/{id}/costs as the shared CostPage (strict: no extra fields). */
async function costs(base: string, token: string, resolution: string, from: number, to: number) {
  const q = new URLSearchParams({
    resolution,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
  });
  const res = await fetch(`${base}/api/meters/${METER}/costs?${q}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const json: unknown = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(200);
  return CostPage.strict().parse(json);
}

describe("the edge and the cloud answer the same costs", () => {
  for (const resolution of ["interval", "P1D", "P1M"]) {
    for (const [name, from, to] of RANGES) {
      it(`${resolution}, ${name}`, async () => {
        const [e, c] = await Promise.all([
          costs(edge.base, edge.token, resolution, from, to),
          costs(cloud.url, cloud.admin, resolution, from, to),
        ]);
        expect(e.tariffId).toBe("at-dynamic");
        expect(e.items.length).toBeGreaterThan(0);
        expect(e).toEqual(c);
      });
    }
  }

  it("the day-ahead prices of the DST day: 25 hourly slots, the same at both sides", async () => {
    const q = new URLSearchParams({
      from: new Date(RANGES[1]![1]).toISOString(),
      to: new Date(RANGES[1]![2]).toISOString(),
    });
    const [e, c] = await Promise.all(
      [
        [edge.base, edge.token],
        [cloud.url, cloud.admin],
      ].map(async ([base, token]) => {
        const res = await fetch(`${base}/api/meters/${METER}/prices?${q}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(res.status).toBe(200);
        return PricesPage.strict().parse(await res.json());
      }),
    );
    // the shipped synthetic file has hourly slots: the 25-hour day has 25
    expect(e!.items).toHaveLength(25);
    // the file's lines 2026-10-24T22:00Z,91.03 and 2026-10-25T22:00Z,98.18 (EUR/MWh) per kWh
    expect(e!.items[0]).toMatchObject({ start: "2026-10-24T22:00:00.000Z", price: "0.091030" });
    expect(e!.items[24]).toMatchObject({ start: "2026-10-25T22:00:00.000Z", price: "0.098180" });
    expect(e).toEqual(c);
  });

  it("prices every quarter hour sent, with its energy", async () => {
    const page = await costs(edge.base, edge.token, "interval", RANGES[0]![1], RANGES[0]![2]);
    expect(page.items.map((i) => [i.start, i.importWh])).toEqual(
      sent.map((r) => [r.intervalStart, r.energyImportedWh]),
    );
  });
});

/** GET /api/households/{id}/costs as the shared HouseholdCostPage (strict). */
async function householdCosts(base: string, token: string, resolution: string, from: number, to: number) {
  const q = new URLSearchParams({
    resolution,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
  });
  const res = await fetch(`${base}/api/households/hh-1/costs?${q}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const json: unknown = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(200);
  return HouseholdCostPage.strict().parse(json);
}

describe("the edge and the cloud answer the same household costs", () => {
  for (const resolution of ["interval", "P1D", "P1M"]) {
    it(`${resolution}, everything: the same page, the water meter left out, equal to its one meter's`, async () => {
      const [, from, to] = RANGES[0]!;
      const [e, c] = await Promise.all([
        householdCosts(edge.base, edge.token, resolution, from, to),
        householdCosts(cloud.url, cloud.admin, resolution, from, to),
      ]);
      expect(e).toEqual(c);
      // hh-1 has the electricity meter and the water meter: only the electricity meter is priced
      expect(e.meters).toEqual([METER]);
      const { householdId, meters, ...page } = e;
      expect(householdId).toBe("hh-1");
      expect(page).toEqual(await costs(edge.base, edge.token, resolution, from, to));
    });
  }
});
