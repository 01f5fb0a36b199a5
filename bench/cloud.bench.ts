/**
 * Cloud benchmark: intervals ingested per second (SQLite, and the in-process Cosmos DB emulator), and
 * query latency p50/p99 for one meter-day at PT15M and one meter-year at P1D over a SQLite store
 * loaded with 1,000 meters x 1 year of 15-minute intervals (35,040,000 intervals plus their hour, day
 * and month rollups, ~6.5 GB in os.tmpdir(), deleted at the end).
 *
 * The year is bulk-loaded inside SQLite (INSERT ... SELECT into the store's own tables, rollups by
 * GROUP BY with the store's rollup expressions), then checked: a few meters are ingested again through
 * the store's own write path into a fresh store and every row read back through the store must be
 * equal, or the bench fails. OMDP_BENCH_CLOUD_METERS (default 1000) shrinks the load for quick runs.
 * Run: npx tsx bench/cloud.bench.ts   Writes: bench/results/cloud.json   Takes ~4 minutes on 2 cores.
 */
import fs from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { intervalId } from "@omdp/model";
import { createHttpsServer } from "@vercel/cosmosdb-server";
import Database from "better-sqlite3";
import { ingestBatch } from "../functions/src/ingest/process";
import { MeterRegistry } from "../functions/src/ingest/registry";
import { type IntervalWrite, SERIES_RESOLUTIONS } from "../functions/src/series/types";
import { calendarBucket } from "../functions/src/series/tz";
import { createCosmosStore } from "../functions/src/store/cosmos";
import type { Store } from "../functions/src/store/port";
import { SqliteStore } from "../functions/src/store/sqlite";
import { SQLITE_SCHEMA } from "../functions/src/store/sqlite-schema";
import { startCloudHost } from "../simulator/src/cloudhost/index";

const QUARTER = 900_000;
const YEAR_START = Date.parse("2025-01-01T00:00:00Z");
const INTERVALS_PER_YEAR = 365 * 96;
const METERS = Number(process.env.OMDP_BENCH_CLOUD_METERS ?? 1000);
const TZ = "Europe/Vienna";

const meterIdOf = (meter: number) => `m-${String(meter).padStart(5, "0")}`;
/** The registers of slot `slot` (every meter has the same register values). */
const registersOf = (slot: number) => ({ "1-0:1.8.0": 1_000_000 + slot * 120 });

/** The 15-minute interval `slot` of the year of meter `meter` (bulkLoadYear makes the same in SQL). */
function write(meter: number, slot: number): IntervalWrite {
  const meterId = meterIdOf(meter);
  const start = YEAR_START + slot * QUARTER;
  const wh = 50 + ((meter * 7 + slot * 13) % 200);
  return {
    id: intervalId(meterId, "PT15M", new Date(start).toISOString()),
    meterId,
    householdId: `hh-${meter}`,
    resolution: "PT15M",
    start,
    end: start + QUARTER,
    importWh: wh,
    exportWh: 0,
    powerMinW: wh * 2,
    powerAvgW: wh * 4,
    powerMaxW: wh * 6,
    registers: registersOf(slot),
    sampleCount: 15,
    quality: "complete",
    flags: [],
    derived: false,
    timeZone: TZ,
  };
}

/** The IntervalRecord (wire shape) of a write. */
function recordOf(w: IntervalWrite) {
  return {
    schemaVersion: 1,
    id: w.id,
    meterId: w.meterId,
    resolution: "PT15M",
    intervalStart: new Date(w.start).toISOString(),
    intervalEnd: new Date(w.end).toISOString(),
    energyImportedWh: w.importWh,
    energyExportedWh: 0,
    powerMinW: w.powerMinW,
    powerAvgW: w.powerAvgW,
    powerMaxW: w.powerMaxW,
    registers: w.registers,
    sampleCount: 15,
    quality: "complete",
    flags: [],
  };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Number(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(3));
};
const round = (x: number) => Math.round(x);
const say = (s: string) => process.stdout.write(`${s}\n`);

/** Steady state: every meter sends its next 15-minute interval; one batch holds `batch` meters. */
async function steadyRate(
  store: Store,
  meters: number,
  slots: number,
  batch: number,
  firstSlot = 0,
): Promise<number> {
  const t0 = performance.now();
  let n = 0;
  for (let slot = firstSlot; slot < firstSlot + slots; slot++) {
    for (let m = 0; m < meters; m += batch) {
      const ws: IntervalWrite[] = [];
      for (let k = m; k < Math.min(meters, m + batch); k++) ws.push(write(k, slot));
      await store.writeIntervals(ws);
      n += ws.length;
    }
  }
  return n / ((performance.now() - t0) / 1000);
}

const SERIES_COLUMNS =
  "meter_id, resolution, start, end, id, household_id, import_wh, export_wh, pmin, pavg, pmax, registers, samples, quality, flags, derived";

/**
 * One rollup level of one meter by GROUP BY, over the calendar buckets of the `buckets` temp table:
 * the expressions of the store's own rollup (rollupSqlText in functions/src/store/sqlite-rows.ts),
 * one statement per meter and level instead of one per bucket.
 */
function rollupByGroup(db: Database.Database, res: string, children: string): Database.Statement {
  const range = "c.meter_id = m.meter_id AND c.resolution = '%' AND c.start >= b.start AND c.start < b.end";
  return db.prepare(`INSERT INTO series (${SERIES_COLUMNS})
    SELECT m.meter_id, '${res}', b.start, b.end, m.meter_id || '|${res}|' || b.iso, m.hh, SUM(c.import_wh),
      SUM(c.export_wh), MIN(c.pmin),
      ROUND(SUM(c.pavg * (c.end - c.start)) / SUM(CASE WHEN c.pavg IS NULL THEN 0 ELSE c.end - c.start END), 3),
      MAX(c.pmax),
      (SELECT x.registers FROM series x WHERE ${range.replaceAll("c.", "x.").replace("%", children)}
        ORDER BY x.start DESC LIMIT 1),
      SUM(c.samples),
      CASE WHEN SUM(c.quality = 'estimated') > 0 THEN 'estimated'
           WHEN SUM(c.quality = 'partial') > 0 OR SUM(c.end - c.start) < b.end - b.start THEN 'partial'
           ELSE 'complete' END,
      CASE WHEN MAX(c.flags NOT IN ('[]', '["gap"]')) = 1 THEN '?'
           WHEN MAX(c.flags = '["gap"]') = 1 OR SUM(c.end - c.start) < b.end - b.start THEN '["gap"]'
           ELSE '[]' END,
      1
    FROM mtr m CROSS JOIN buckets b CROSS JOIN series c
    WHERE m.meter = ? AND b.res = '${res}' AND ${range.replace("%", children)}
    GROUP BY b.start ORDER BY b.start`);
}

/**
 * Bulk-loads `meters` meters x 1 year of the bench's 15-minute intervals (write()) with their hour,
 * day and month rollups into a new SQLite file made by SqliteStore: rows generated inside SQLite
 * (INSERT ... SELECT from small temp tables of slots, meters and calendar buckets), meter after meter
 * so that the clustered primary key is filled in order; journal off during the load; the rollup index
 * is rebuilt at the end from the store's schema. Returns the number of rows written per resolution.
 */
function bulkLoadYear(file: string, meters: number): Record<string, number> {
  new SqliteStore(file).close();
  const db = new Database(file);
  try {
    db.pragma("journal_mode = OFF");
    db.pragma("synchronous = OFF");
    db.pragma("locking_mode = EXCLUSIVE");
    db.pragma("cache_size = -524288");
    db.pragma("temp_store = MEMORY");
    db.exec("DROP INDEX series_rollups");
    db.exec(`CREATE TEMP TABLE slots (slot INTEGER PRIMARY KEY, start INTEGER, end INTEGER, iso TEXT, reg TEXT);
      CREATE TEMP TABLE mtr (meter INTEGER PRIMARY KEY, meter_id TEXT, hh TEXT);
      CREATE TEMP TABLE buckets (res TEXT, start INTEGER, end INTEGER, iso TEXT, PRIMARY KEY (res, start)) WITHOUT ROWID;`);
    db.transaction(() => {
      const slot = db.prepare("INSERT INTO slots VALUES (?, ?, ?, ?, ?)");
      const bucket = db.prepare("INSERT OR IGNORE INTO buckets VALUES (?, ?, ?, ?)");
      const levels = [
        ["PT1H", "hour"],
        ["P1D", "day"],
        ["P1M", "month"],
      ] as const;
      for (let s = 0; s < INTERVALS_PER_YEAR; s++) {
        const w = write(0, s);
        slot.run(s, w.start, w.end, new Date(w.start).toISOString(), JSON.stringify(registersOf(s)));
        for (const [res, unit] of levels) {
          const b = calendarBucket(w.start, TZ, unit);
          bucket.run(res, b.start, b.end, new Date(b.start).toISOString());
        }
      }
      const meter = db.prepare("INSERT INTO mtr VALUES (?, ?, ?)");
      for (let m = 0; m < meters; m++) meter.run(m, meterIdOf(m), `hh-${m}`);
    })();
    const wh = "(50 + (m.meter * 7 + s.slot * 13) % 200)";
    const steps: [string, Database.Statement][] = [
      [
        "PT15M",
        db.prepare(`INSERT INTO series (${SERIES_COLUMNS})
          SELECT m.meter_id, 'PT15M', s.start, s.end, m.meter_id || '|PT15M|' || s.iso, m.hh, ${wh}, 0,
            ${wh} * 2, ${wh} * 4, ${wh} * 6, s.reg, 15, 'complete', '[]', 0
          FROM mtr m CROSS JOIN slots s WHERE m.meter = ? ORDER BY s.slot`),
      ],
      ["PT1H", rollupByGroup(db, "PT1H", "PT15M")],
      ["P1D", rollupByGroup(db, "P1D", "PT1H")],
      ["P1M", rollupByGroup(db, "P1M", "P1D")],
    ];
    const rows: Record<string, number> = { PT15M: 0, PT1H: 0, P1D: 0, P1M: 0 };
    for (let m0 = 0; m0 < meters; m0 += 50) {
      db.transaction(() => {
        for (let m = m0; m < Math.min(meters, m0 + 50); m++) {
          for (const [res, st] of steps) rows[res]! += st.run(m).changes;
        }
      })();
      if ((m0 + 50) % 250 === 0) say(`  loaded ${Math.min(meters, m0 + 50)} meters`);
    }
    db.exec(SQLITE_SCHEMA.replace(/PRAGMA journal_mode = WAL;/, ""));
    return rows;
  } finally {
    db.close();
  }
}

/** Every series row of a meter, read back through the store (all resolutions, all pages). */
async function seriesOf(store: Store, meterId: string) {
  const out: Record<string, unknown[]> = {};
  for (const resolution of SERIES_RESOLUTIONS) {
    const items: unknown[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await store.querySeries({
        meterId,
        resolution,
        from: 0,
        to: 4e12,
        limit: 10_000,
        ...(continuationToken ? { continuationToken } : {}),
      });
      items.push(...page.items);
      continuationToken = page.continuationToken;
    } while (continuationToken);
    out[resolution] = items;
  }
  return out;
}

/**
 * The spot check of the bulk load: `sample` meters are ingested again through the store's own write
 * path (writeIntervals, a week per call) into a fresh in-memory store; every row of every resolution
 * and the latest values, read back through the store's query methods, must be equal.
 */
async function verifyLoad(loaded: Store, sample: readonly number[]): Promise<number> {
  let compared = 0;
  for (const m of sample) {
    const reference = new SqliteStore(":memory:");
    for (let slot = 0; slot < INTERVALS_PER_YEAR; slot += 96 * 7) {
      const ws: IntervalWrite[] = [];
      for (let s = slot; s < Math.min(INTERVALS_PER_YEAR, slot + 96 * 7); s++) ws.push(write(m, s));
      await reference.writeIntervals(ws);
    }
    const want = await seriesOf(reference, meterIdOf(m));
    const got = await seriesOf(loaded, meterIdOf(m));
    for (const res of SERIES_RESOLUTIONS) {
      const a = got[res]!;
      const b = want[res]!;
      if (a.length !== b.length)
        throw new Error(`bulk load differs: ${meterIdOf(m)} ${res}: ${a.length} rows vs ${b.length}`);
      for (let i = 0; i < a.length; i++) {
        if (!isDeepStrictEqual(a[i], b[i])) {
          throw new Error(
            `bulk load differs: ${meterIdOf(m)} ${res} row ${i}: ${JSON.stringify(a[i])} vs ${JSON.stringify(b[i])}`,
          );
        }
      }
      compared += a.length;
    }
    const latest = [await loaded.getLatest(meterIdOf(m)), await reference.getLatest(meterIdOf(m))];
    if (!latest[0] || !isDeepStrictEqual(latest[0], latest[1])) {
      throw new Error(`bulk load differs: latest of ${meterIdOf(m)}: ${JSON.stringify(latest)}`);
    }
    await reference.close();
  }
  return compared;
}

async function sqliteFigures(dir: string) {
  const figures: Record<string, number | string> = {};
  // 1. Ingest rates on a fresh file store (WAL), through the store port (intervals + rollups + latest).
  const fresh = new SqliteStore(path.join(dir, "rate.db"));
  // Each rate is measured 3 times (the machine is shared): the best and the median are reported.
  const steady: number[] = [];
  for (let rep = 0; rep < 3; rep++) steady.push(await steadyRate(fresh, 1000, 20, 1000, rep * 20));
  const backfill: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    const t0 = performance.now();
    let n = 0;
    for (let m = 2000 + rep * 20; m < 2020 + rep * 20; m++) {
      for (let day = 0; day < 7; day++) {
        const ws = Array.from({ length: 96 }, (_, i) => write(m, day * 96 + i));
        await fresh.writeIntervals(ws);
        n += ws.length;
      }
    }
    backfill.push(n / ((performance.now() - t0) / 1000));
  }
  // The whole ingest path: JSON body, zod validation, registry check, store.
  for (let m = 0; m < 1000; m++) {
    const id = `m-${String(m).padStart(5, "0")}`;
    await fresh.putMeter({ id, householdId: `hh-${m}`, deviceId: "edge-1", timeZone: TZ, updatedAt: "x" });
  }
  const registry = new MeterRegistry(fresh, 60_000);
  const pipeline: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    const t1 = performance.now();
    let accepted = 0;
    for (let slot = 100 + rep * 10; slot < 110 + rep * 10; slot++) {
      const messages = Array.from({ length: 1000 }, (_, m) => ({
        body: JSON.stringify(recordOf(write(m, slot))),
        properties: { kind: "interval" },
        systemProperties: { "iothub-connection-device-id": "edge-1" },
      }));
      accepted += (await ingestBatch(messages, { store: fresh, registry })).accepted;
    }
    pipeline.push(accepted / ((performance.now() - t1) / 1000));
  }
  const best = (xs: number[]) => round(Math.max(...xs));
  const median = (xs: number[]) => round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);
  figures.sqliteSteadyIntervalsPerSecond = best(steady);
  figures.sqliteSteadyIntervalsPerSecondMedian = median(steady);
  figures.sqliteBackfillIntervalsPerSecond = best(backfill);
  figures.sqliteBackfillIntervalsPerSecondMedian = median(backfill);
  figures.sqliteIngestPipelineIntervalsPerSecond = best(pipeline);
  figures.sqliteIngestPipelineIntervalsPerSecondMedian = median(pipeline);
  await fresh.close();

  // 2. The year load: 1,000 meters x 1 year bulk-loaded inside SQLite, then the newest interval of
  // each meter written once more through the store (its latest values), then the spot check.
  const loadFile = path.join(dir, "year.db");
  const freeGB = (fs.statfsSync(dir).bavail * fs.statfsSync(dir).bsize) / 1e9;
  if (freeGB < (METERS * 6.6) / 1000 + 2)
    throw new Error(`year load: only ${freeGB.toFixed(1)} GB free in ${dir}`);
  const tl = performance.now();
  const rows = bulkLoadYear(loadFile, METERS);
  const bulkSeconds = (performance.now() - tl) / 1000;
  const store = new SqliteStore(loadFile);
  await store.writeIntervals(Array.from({ length: METERS }, (_, m) => write(m, INTERVALS_PER_YEAR - 1)));
  const loadSeconds = (performance.now() - tl) / 1000;
  const loadedMeters = METERS;
  const loaded = rows.PT15M!;
  if (loaded !== METERS * INTERVALS_PER_YEAR) throw new Error(`year load wrote ${loaded} intervals`);
  const tv = performance.now();
  const sample = [...new Set([0, Math.floor(METERS / 2), METERS - 1])];
  figures.verifiedRows = await verifyLoad(store, sample);
  figures.verifiedMeters = sample.length;
  figures.verifySeconds = Number(((performance.now() - tv) / 1000).toFixed(1));
  figures.loadedMeters = loadedMeters;
  figures.loadedIntervals = loaded;
  figures.loadedHourRollups = rows.PT1H!;
  figures.loadedDayRollups = rows.P1D!;
  figures.loadedMonthRollups = rows.P1M!;
  figures.loadedRowsIncludingRollups = Object.values(rows).reduce((a, b) => a + b, 0);
  figures.loadSeconds = Number(loadSeconds.toFixed(1));
  figures.loadBulkSeconds = Number(bulkSeconds.toFixed(1));
  figures.loadIntervalsPerSecond = round(loaded / loadSeconds);
  figures.sqliteFileMB = round(
    ["", "-wal"].reduce((a, s) => a + (fs.existsSync(loadFile + s) ? fs.statSync(loadFile + s).size : 0), 0) /
      1e6,
  );
  say(
    `  year load: ${loaded} intervals + rollups in ${loadSeconds.toFixed(1)} s; ${sample.length} meters verified`,
  );

  // 3. Queries over the loaded store.
  const dayMs: number[] = [];
  const yearMs: number[] = [];
  let seed = 42;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let i = 0; i < 2000; i++) {
    const meterId = `m-${String(rnd(loadedMeters)).padStart(5, "0")}`;
    const dayStart = YEAR_START - 3_600_000 + rnd(364) * 86_400_000; // local (UTC+1) midnight
    const a = performance.now();
    const d = await store.querySeries({
      meterId,
      resolution: "PT15M",
      from: dayStart,
      to: dayStart + 86_400_000,
      limit: 1000,
    });
    dayMs.push(performance.now() - a);
    if (d.items.length < 92) throw new Error(`day query returned ${d.items.length} rows`);
    const b = performance.now();
    const y = await store.querySeries({
      meterId,
      resolution: "P1D",
      from: YEAR_START - 86_400_000,
      to: YEAR_START + 366 * 86_400_000,
      limit: 1000,
    });
    yearMs.push(performance.now() - b);
    if (y.items.length < 365) throw new Error(`year query returned ${y.items.length} rows`);
  }
  figures.queryMeterDayPT15MP50Ms = pct(dayMs, 50);
  figures.queryMeterDayPT15MP99Ms = pct(dayMs, 99);
  figures.queryMeterYearP1DP50Ms = pct(yearMs, 50);
  figures.queryMeterYearP1DP99Ms = pct(yearMs, 99);

  // 4. The same queries through the local Functions host over HTTP (auth, validation, JSON).
  for (let m = 0; m < loadedMeters; m++) {
    const id = `m-${String(m).padStart(5, "0")}`;
    await store.putMeter({ id, householdId: `hh-${m}`, deviceId: "edge-1", timeZone: TZ, updatedAt: "x" });
  }
  const host = await startCloudHost({
    port: 0,
    store,
    configPath: path.join(dir, "none.json"),
    env: { OMDP_DATA_DIR: dir, RETENTION_INTERVALS_DAYS: "-1", RETENTION_ROLLUPS_DAYS: "-1" },
    log: {
      debug() {},
      info() {},
      warn() {},
      error() {},
      child() {
        return this;
      },
    },
  });
  const token = await host.issueToken({ sub: "bench", role: "admin" });
  const httpDay: number[] = [];
  const httpYear: number[] = [];
  for (let i = 0; i < 300; i++) {
    const meterId = `m-${String(rnd(loadedMeters)).padStart(5, "0")}`;
    const dayStart = YEAR_START - 3_600_000 + rnd(364) * 86_400_000;
    const iso = (t: number) => new Date(t).toISOString();
    const call = async (q: string, into: number[]) => {
      const a = performance.now();
      const res = await fetch(`${host.url}/api/meters/${meterId}/readings?${q}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await res.json()) as { items: unknown[] };
      into.push(performance.now() - a);
      if (res.status !== 200 || body.items.length < 92) throw new Error(`HTTP query failed: ${res.status}`);
    };
    await call(`from=${iso(dayStart)}&to=${iso(dayStart + 86_400_000)}&resolution=PT15M`, httpDay);
    await call(
      `from=${iso(YEAR_START - 86_400_000)}&to=${iso(YEAR_START + 366 * 86_400_000)}&resolution=P1D`,
      httpYear,
    );
  }
  await host.stop();
  figures.httpMeterDayPT15MP50Ms = pct(httpDay, 50);
  figures.httpMeterDayPT15MP99Ms = pct(httpDay, 99);
  figures.httpMeterYearP1DP50Ms = pct(httpYear, 50);
  figures.httpMeterYearP1DP99Ms = pct(httpYear, 99);
  await store.close();
  return figures;
}

async function cosmosFigures() {
  const server = createHttpsServer({ keepAlive: true });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });
  const store = await createCosmosStore({
    endpoint: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    key: "YmVuY2gta2V5",
    database: "bench",
    groupBy: false,
    agent,
    retentionDays: { intervals: 730, rollups: -1, readings: 31, events: 730, deadletters: 30 },
  });
  const steady = await steadyRate(store, 200, 3, 200);
  const t0 = performance.now();
  let n = 0;
  for (let m = 500; m < 505; m++) {
    const ws = Array.from({ length: 96 }, (_, i) => write(m, i));
    await store.writeIntervals(ws);
    n += ws.length;
  }
  const backfill = n / ((performance.now() - t0) / 1000);
  await store.close();
  agent.destroy();
  await new Promise<void>((r) => server.close(() => r()));
  return {
    cosmosServerSteadyIntervalsPerSecond: round(steady),
    cosmosServerBackfillIntervalsPerSecond: round(backfill),
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "omdp-cloud-bench-"));
try {
  say("cloud bench: SQLite ingest, year load, queries ...");
  const sqlite = await sqliteFigures(dir);
  say("cloud bench: cosmosdb-server ingest ...");
  const cosmos = await cosmosFigures();
  const figures = { ...sqlite, ...cosmos, loadAverage1m: Number(os.loadavg()[0]!.toFixed(2)) };
  const result = {
    name: "cloud",
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? "", node: process.version },
    figures,
    targets: {
      sqliteSteadyIntervalsPerSecond: 20_000,
      queryMeterDayPT15MP99Ms: 50,
      queryMeterYearP1DP99Ms: 50,
      loadedMeters: METERS,
      loadedIntervals: METERS * INTERVALS_PER_YEAR,
    },
    notes:
      "Rates go through the store port (interval upsert + hour/day/month rollup recompute + latest), one transaction per write call. " +
      "Steady = each batch holds one interval of each of N meters; backfill = a day (or week) of one meter per batch. " +
      "cosmosdb-server is an in-process JavaScript emulator, not a figure for Azure Cosmos DB.",
  };
  fs.mkdirSync(path.join(import.meta.dirname, "results"), { recursive: true });
  fs.writeFileSync(
    path.join(import.meta.dirname, "results", "cloud.json"),
    `${JSON.stringify(result, null, 2)}\n`,
  );
  for (const [k, v] of Object.entries(figures)) say(`  ${k}: ${v}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
