/**
 * sharing store benchmark (issue 5 section 4): readings stored per second, and p99 latency of a one-day
 * 15-minute query and a one-year daily query over a store holding 10 meters x 1 year of 5-second data.
 *
 * What is loaded (63M readings as full JSON rows would be ~20 GB and take far longer than the budget):
 * - the interval tables hold a full year for 10 meters, computed from 63,072,000 synthetic 5-second
 *   samples (10 meters x 365 days x 17,280) folded into 350,400 PT15M records, stored through the
 *   module's own insert path (which keeps the PT1H, P1D and P1M roll-ups);
 * - the raw readings table holds the readings of the throughput run (full MeterReading JSON rows),
 *   stored through the module's insert path in batches.
 * Queries run both against the store and end to end over HTTP (local API, bearer token, keep-alive).
 * Usage: npx tsx bench/sharing.bench.ts [--readings N]
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createLogger } from "@omdp/logger";
import type { IntervalRecord, MeterReading } from "@omdp/model";
import { DesiredConfig, LiveFeed, SharingStore, startApiServer } from "../modules/sharing/src";

const { values: args } = parseArgs({ options: { readings: { type: "string", default: "1000000" } } });
const READINGS = Number(args.readings);
const METERS = 10;
const DAYS = 365;
const STEP_S = 5;
const PER_QUARTER = 900 / STEP_S;
const YEAR_START = Date.parse("2025-01-01T00:00:00Z");
const TZ = "UTC";
const QUERIES = 500;
const WARMUP = 30;

const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "omdp-sharing-bench-"));
const dbFile = join(dir, "sharing.db");
const store = new SharingStore(dbFile);
const out = (s: string) => process.stdout.write(`${s}\n`);

/** Deterministic household-like power in W for meter m at second t (daily shape plus noise). */
function power(m: number, t: number): number {
  const hour = (t / 3600) % 24;
  const shape = 250 + 150 * m + 900 * Math.max(0, Math.sin(((hour - 6) / 24) * 2 * Math.PI));
  const noise = ((Math.imul(t ^ (m * 2654435761), 2246822519) >>> 0) % 200) - 100;
  return Math.max(50, Math.round(shape + noise));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

// 1. readings stored per second (full MeterReading rows through ReadingsRepo.insert, batches of 5,000)
const registers = new Float64Array(METERS);
function makeReading(m: number, t: number): MeterReading {
  const p = power(m, t);
  registers[m] = registers[m]! + (p * STEP_S) / 3600;
  const time = new Date(YEAR_START + t * 1000).toISOString();
  return {
    schemaVersion: 1,
    meterId: `meter-${m}`,
    readingTime: time,
    receivedAt: time,
    source: { protocol: "dlms", transport: "raw", gatewayId: "bench" },
    values: [
      { property: "1-0:1.8.0", value: Math.round(registers[m]!), unit: "Wh" },
      { property: "1-0:2.8.0", value: 0, unit: "Wh" },
      { property: "1-0:1.7.0", value: p, unit: "W" },
      { property: "1-0:32.7.0", value: 230.4, unit: "V" },
    ],
  };
}
const BATCH = 5_000;
let stored = 0;
let insertMs = 0;
for (let i = 0; i < READINGS; i += BATCH) {
  const batch: MeterReading[] = [];
  for (let j = i; j < Math.min(READINGS, i + BATCH); j++)
    batch.push(makeReading(j % METERS, Math.floor(j / METERS) * STEP_S));
  const t0 = performance.now();
  stored += store.readings.insert(batch).length;
  insertMs += performance.now() - t0;
}
const readingsPerSecond = Math.round(stored / (insertMs / 1000));
out(`readings: ${stored} stored in ${(insertMs / 1000).toFixed(1)} s -> ${readingsPerSecond} readings/s`);

// 2. a year of intervals for 10 meters, folded from 63M synthetic 5-second samples
const loadStart = performance.now();
let samples = 0;
const regs = new Float64Array(METERS);
for (let d = 0; d < DAYS; d++) {
  const recs: IntervalRecord[] = [];
  for (let m = 0; m < METERS; m++) {
    for (let q = 0; q < 96; q++) {
      const t0 = d * 86_400 + q * 900;
      let wh = 0;
      let min = Number.POSITIVE_INFINITY;
      let max = 0;
      let sum = 0;
      for (let k = 0; k < PER_QUARTER; k++) {
        const p = power(m, t0 + k * STEP_S);
        wh += (p * STEP_S) / 3600;
        sum += p;
        if (p < min) min = p;
        if (p > max) max = p;
      }
      samples += PER_QUARTER;
      regs[m] = regs[m]! + wh;
      const start = new Date(YEAR_START + t0 * 1000).toISOString();
      recs.push({
        schemaVersion: 1,
        id: `meter-${m}|PT15M|${start}`,
        meterId: `meter-${m}`,
        resolution: "PT15M",
        intervalStart: start,
        intervalEnd: new Date(YEAR_START + (t0 + 900) * 1000).toISOString(),
        energyImportedWh: Math.round(wh),
        energyExportedWh: 0,
        powerMinW: min,
        powerAvgW: Math.round(sum / PER_QUARTER),
        powerMaxW: max,
        registers: { "1-0:1.8.0": Math.round(regs[m]!), "1-0:2.8.0": 0 },
        sampleCount: PER_QUARTER,
        quality: "complete",
        flags: [],
      });
    }
  }
  store.intervals.insert(recs, () => TZ);
}
const loadSeconds = (performance.now() - loadStart) / 1000;
const count = (res: string) =>
  (store.db.prepare("SELECT COUNT(*) AS n FROM intervals WHERE resolution = ?").get(res) as { n: number }).n;
const loaded = { PT15M: count("PT15M"), PT1H: count("PT1H"), P1D: count("P1D"), P1M: count("P1M") };
out(`intervals: ${samples} samples -> ${JSON.stringify(loaded)} in ${loadSeconds.toFixed(1)} s`);
store.db.pragma("wal_checkpoint(TRUNCATE)");

// 3. query latency, store level and over HTTP
const DAY = 86_400_000;
function sample(fn: (i: number) => void): number[] {
  for (let i = 0; i < WARMUP; i++) fn(i);
  const times: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const t0 = performance.now();
    fn(i);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}
// let the collector take the garbage of the load before timing
await new Promise((r) => setTimeout(r, 1000));
const dayOf = (i: number) => YEAR_START + ((i * 7919) % DAYS) * DAY;
const storeDay = sample((i) => {
  const rows = store.intervals.queryJson(`meter-${i % METERS}`, "PT15M", dayOf(i), dayOf(i) + DAY, TZ);
  if (rows.length !== 96) throw new Error(`day query returned ${rows.length} rows`);
  rows.join(",");
});
const storeYear = sample((i) => {
  const rows = store.intervals.queryJson(
    `meter-${i % METERS}`,
    "P1D",
    YEAR_START,
    YEAR_START + DAYS * DAY,
    TZ,
  );
  if (rows.length !== DAYS) throw new Error(`year query returned ${rows.length} rows`);
  rows.join(",");
});

const config = DesiredConfig.parse({ api: { port: 0 }, households: { "hh-1": { timeZone: TZ } } });
const { token } = store.tokens.create("bench", null, Date.now());
const api = await startApiServer(
  {
    store,
    feed: new LiveFeed(),
    config: () => config,
    now: Date.now,
    sendControl: async () => {},
    // the bench measures the API alone: its hub link counts as up
    hubConnected: () => true,
    log: createLogger("bench", { write: () => {} }),
  },
  "127.0.0.1",
  0,
);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
function get(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(
      { host: "127.0.0.1", port: api.port, path, agent, headers: { authorization: `Bearer ${token}` } },
      (res) => {
        res.on("data", () => {});
        res.on("end", () =>
          res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error(`${res.statusCode}`)),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}
async function sampleHttp(path: (i: number) => string): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await get(path(i));
  const times: number[] = [];
  for (let i = 0; i < QUERIES; i++) times.push(await get(path(i)));
  return times.sort((a, b) => a - b);
}
const iso = (ms: number) => new Date(ms).toISOString();
const httpDay = await sampleHttp(
  (i) =>
    `/api/meters/meter-${i % METERS}/intervals?resolution=PT15M&from=${iso(dayOf(i))}&to=${iso(dayOf(i) + DAY)}`,
);
const httpYear = await sampleHttp(
  (i) =>
    `/api/meters/meter-${i % METERS}/intervals?resolution=P1D&from=${iso(YEAR_START)}&to=${iso(YEAR_START + DAYS * DAY)}`,
);
agent.destroy();
await api.close();

const round = (x: number) => Math.round(x * 1000) / 1000;
const dbBytes = statSync(dbFile).size;
store.close();
rmSync(dir, { recursive: true, force: true });

const figures = {
  readingsStoredPerSecond: readingsPerSecond,
  readingsStored: stored,
  readingsDaysPerMeter: round(((stored / METERS) * STEP_S) / 86_400),
  intervalSamplesFolded: samples,
  intervalRows: loaded,
  intervalLoadSeconds: round(loadSeconds),
  dbBytes,
  loadAverage1m: round(loadavg()[0]!),
  dayQuery15min: {
    p50Ms: round(percentile(storeDay, 50)),
    p99Ms: round(percentile(storeDay, 99)),
    queries: QUERIES,
  },
  yearQueryDaily: {
    p50Ms: round(percentile(storeYear, 50)),
    p99Ms: round(percentile(storeYear, 99)),
    queries: QUERIES,
  },
  httpDayQuery15min: {
    p50Ms: round(percentile(httpDay, 50)),
    p99Ms: round(percentile(httpDay, 99)),
    queries: QUERIES,
  },
  httpYearQueryDaily: {
    p50Ms: round(percentile(httpYear, 50)),
    p99Ms: round(percentile(httpYear, 99)),
    queries: QUERIES,
  },
  loaded:
    "interval tables: 10 meters x 365 days folded from 63,072,000 synthetic 5-second samples (PT15M + PT1H/P1D/P1M roll-ups); " +
    `raw readings table: ${stored} full MeterReading rows (the throughput run)`,
};
const targets = {
  readingsStoredPerSecond: ">= 50000",
  dayQuery15minP99Ms: "< 50",
  yearQueryDailyP99Ms: "< 50",
};
for (const [k, v] of Object.entries(figures)) out(`${k}: ${typeof v === "object" ? JSON.stringify(v) : v}`);
mkdirSync(join(here, "results"), { recursive: true });
writeFileSync(
  join(here, "results", "sharing.json"),
  `${JSON.stringify(
    {
      name: "sharing",
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version },
      figures,
      targets,
      met: {
        readingsStoredPerSecond: readingsPerSecond >= 50_000,
        dayQuery15minP99: percentile(httpDay, 99) < 50 && percentile(storeDay, 99) < 50,
        yearQueryDailyP99: percentile(httpYear, 99) < 50 && percentile(storeYear, 99) < 50,
      },
    },
    null,
    2,
  )}\n`,
);
out("written bench/results/sharing.json");
