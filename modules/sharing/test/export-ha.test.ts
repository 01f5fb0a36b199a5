/**
 * GET /api/export/ha: Home Assistant long-term statistics as the CSV of the "Import Statistics"
 * integration (klausj1/homeassistant-statistics README, "File Format Requirements": columns
 * statistic_id, unit, start and state, sum for counters or min, max, mean for measurements; full-hour
 * starts; its assets/state_sum.tsv and min_max_mean.tsv show the layout). Expected values by hand from
 * the quarter hours delivered.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HA_COUNTER_HEADER, HA_MEASUREMENT_HEADER, haStart, statisticId } from "../src/api/export-ha";
import { interval } from "./support/fixtures";
import { type Harness, startHarness, T0 } from "./support/harness";
import { call } from "./support/http";

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe("statistic ids and starts", () => {
  it("makes external ids of lower-case letters, digits and underscores; starts in UTC to the minute", () => {
    expect(statisticId("Flat 3/Main", "8-0:1.0.0")).toBe("sensor:omdp_flat_3_main_8_0_1_0_0");
    expect(haStart("2026-06-15T11:00:00.000Z")).toBe("2026-06-15 11:00");
    expect(HA_COUNTER_HEADER.split(",")).toEqual(["statistic_id", "unit", "start", "state", "sum"]);
    expect(HA_MEASUREMENT_HEADER.split(",")).toEqual(["statistic_id", "unit", "start", "min", "max", "mean"]);
  });
});

describe("GET /api/export/ha", () => {
  let h: Harness;
  const from = T0 - 2 * HOUR; // 2026-06-15T10:00Z
  beforeEach(async () => {
    h = await startHarness({ cloud: { enabled: false } });
    // hour 10:00: 4 x 7 Wh (register ends at 50 007 Wh); hour 11:00: 4 x 10 Wh (register 50 010 Wh)
    for (let q = 0; q < 4; q++) await h.host.deliver("intervals", interval("m1", from + q * 900_000, 15, 7));
    for (let q = 0; q < 4; q++)
      await h.host.deliver("intervals", interval("m1", from + HOUR + q * 900_000, 15, 10));
    // a cold-water meter: 10, 20, 30, 40 litres in hour 10:00 (register at 100.1 m3 at its end)
    for (let q = 0; q < 4; q++)
      await h.host.deliver("intervals", {
        ...interval("w1", from + q * 900_000, 15, 0),
        powerMinW: null,
        powerAvgW: null,
        powerMaxW: null,
        registers: { "8-0:1.0.0": 100 + (10 * (q + 1) * (q + 2)) / 2 / 1000 },
        medium: "water",
        consumption: { "8-0:1.0.0": (10 * (q + 1)) / 1000 },
      });
  });
  afterEach(async () => {
    await h.dispose();
  });

  const csv = (text: string) => text.trim().split("\n");

  it("writes counters: kWh state from the register, sum running from 0; water in m³", async () => {
    const r = await call(h.base, "GET", `/api/export/ha?from=${iso(from)}&to=${iso(T0)}`, {
      headers: h.auth,
    });
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toContain("text/csv");
    expect(csv(r.text)).toEqual([
      "statistic_id,unit,start,state,sum",
      // 28 Wh = 0.028 kWh, register 50 007 Wh = 50.007 kWh; then + 40 Wh: sum 0.068, register 50.010
      "sensor:omdp_m1_energy_import,kWh,2026-06-15 10:00,50.007,0.028",
      "sensor:omdp_m1_energy_import,kWh,2026-06-15 11:00,50.01,0.068",
      // 10 + 20 + 30 + 40 = 100 litres = 0.1 m3; the register at the hour's end is 100.1 m3
      "sensor:omdp_w1_8_0_1_0_0,m³,2026-06-15 10:00,100.1,0.1",
    ]);
  });

  it("writes the power measurement of hours with power values (min, max, mean in W)", async () => {
    const r = await call(
      h.base,
      "GET",
      `/api/export/ha?kind=measurement&meter=m1&from=${iso(from)}&to=${iso(T0)}`,
      {
        headers: h.auth,
      },
    );
    // each quarter: min 100 W, max 900 W, mean 4 x 7 Wh / 0.25 h = 28 W, then 40 W
    expect(csv(r.text)).toEqual([
      "statistic_id,unit,start,min,max,mean",
      "sensor:omdp_m1_power,W,2026-06-15 10:00,100,900,28",
      "sensor:omdp_m1_power,W,2026-06-15 11:00,100,900,40",
    ]);
  });

  it("is hourly only, names a bad kind, and asks for a token", async () => {
    const q = await call(h.base, "GET", "/api/export/ha?resolution=PT15M", { headers: h.auth });
    expect([q.status, q.json.parameter]).toEqual([400, "resolution"]);
    const k = await call(h.base, "GET", "/api/export/ha?kind=gauge", { headers: h.auth });
    expect([k.status, k.json.parameter]).toEqual([400, "kind"]);
    expect((await call(h.base, "GET", "/api/export/ha")).status).toBe(401);
  });
});
