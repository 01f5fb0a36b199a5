/**
 * `npm run cost-model`: monthly Azure cost per meter at 10k, 100k and 1M meters (IoT Hub units,
 * Functions, Cosmos DB RU/s and storage), from message and document sizes MEASURED here: an
 * IntervalRecord serialised as the edge sends it, and the Cosmos documents the real adapter writes
 * (a month of one meter's intervals ingested into the in-process emulator, read back with their
 * system properties). Prices and load assumptions are listed below and printed with the result.
 * `--json` prints the model as JSON.
 */
import https from "node:https";
import type { AddressInfo } from "node:net";
import type { Database } from "@azure/cosmos";
import { type IntervalRecord, intervalId } from "@omdp/model";
import { packIntervals } from "@omdp/series";
import { createHttpsServer } from "@vercel/cosmosdb-server";
import { rowFromInterval } from "../functions/src/series/types";
import { createCosmosStore } from "../functions/src/store/cosmos";
import { type DayBucketDoc, mergeDay } from "../functions/src/store/cosmos-bucket";
import { COSMOS_CONTAINERS } from "../functions/src/store/cosmos-containers";

/** List prices (USD, pay-as-you-go, single region, 2025) and load assumptions. */
export const ASSUMPTIONS = {
  intervalsPerMeterPerDay: 96, // PT15M, one IoT Hub message each (sharing sends one interval per message)
  eventsPerMeterPerDay: 0.5,
  apiRequestsPerMeterPerDay: 20, // app history views
  ruPerApiRequest: 12, // a meter-day at PT15M (~96 docs) or a year at P1D
  iotHub: [
    { tier: "S1", messagesPerDay: 400_000, usdPerMonth: 25 },
    { tier: "S2", messagesPerDay: 6_000_000, usdPerMonth: 250 },
    { tier: "S3", messagesPerDay: 300_000_000, usdPerMonth: 2_500 },
  ],
  iotHubBillingBlockBytes: 4096,
  functions: {
    usdPerMillionExecutions: 0.2,
    usdPerGbSecond: 0.000016,
    freeExecutionsPerMonth: 1_000_000,
    freeGbSecondsPerMonth: 400_000,
    memoryGb: 0.25,
    meanEventHubBatch: 64,
    msPerInterval: 4, // wall time per interval inside a batch (Cosmos round trips, 16 meters in parallel)
    msPerApiRequest: 40,
  },
  cosmos: {
    usdPer100RuPerHour: 0.008, // standard provisioned throughput (database-level, shared by the containers)
    minimumRuPerSecond: 400,
    headroom: 1.5, // Event Hubs buffers the quarter-hour bursts; ingest runs at the mean rate x headroom
    usdPerGbMonth: 0.25,
    indexOverhead: 1.1, // lean indexing policy: 3 indexed paths per document
    systemRetentionDays: { intervals: 730, rollups: 3650, events: 730 },
  },
  fixedUsdPerMonth: 10, // storage account (host, exports), Key Vault, small Application Insights
  /** The bucketed design (docs/cosmos-design.md, "Bucketed documents"). */
  bucketed: {
    upstreamPeriodHours: 2, // sharing cloud.batchSeconds = 7200: eight quarter hours per message
    retentionDays: 1826, // 5 years, intervals and roll-ups alike
    contributionRetentionDays: 7, // hourly aggregate inputs: released within hours, kept a week
    msPerBatchMessage: 12, // bucket read + replace, day row read + replace, latest, contribution
    indexOverhead: 1.02, // buckets index nothing; day rows index /start only
  },
} as const;

/**
 * Rule of thumb for request units: a point read costs 1 RU per started KB; a write (create, upsert,
 * replace) costs about 5.5 RU per started KB with a lean indexing policy (Microsoft quotes ~5.7 RU
 * for a 1 KB item with default indexing); a single-partition indexed query about 3 RU + 1 RU per KB
 * returned.
 */
export const RU = {
  read: (bytes: number) => Math.ceil(bytes / 1024),
  write: (bytes: number) => 5.5 * Math.ceil(bytes / 1024),
  query: (bytesReturned: number) => 3 + bytesReturned / 1024,
};

const HOUR_MS = 3_600_000;
const HOURS_PER_MONTH = 730;

function sampleInterval(meterId: string, start: number, i: number): IntervalRecord {
  const wh = 40 + ((i * 37) % 300);
  const intervalStart = new Date(start).toISOString();
  return {
    schemaVersion: 1,
    id: intervalId(meterId, "PT15M", intervalStart),
    meterId,
    resolution: "PT15M",
    intervalStart,
    intervalEnd: new Date(start + 900_000).toISOString(),
    energyImportedWh: wh,
    energyExportedWh: i % 7 === 0 ? 12 : 0,
    powerMinW: wh * 2.1,
    powerAvgW: wh * 4,
    powerMaxW: wh * 9.3,
    registers: {
      "1-0:1.8.0": 18_234_567 + i * 120,
      "1-0:2.8.0": 1_204_331,
      "1-0:3.8.0": 2_311_004,
      "1-0:4.8.0": 912_345,
    },
    sampleCount: 90,
    quality: "complete",
    flags: [],
  };
}

export interface Measured {
  messageBytes: number;
  /** An hour's four quarter hours as one `intervals` batch message (body + application properties). */
  batchMessageBytes: number;
  /** Quarter hours per full 4 KB batch message (packIntervals over a day, after an outage). */
  intervalsPerFullBatch: number;
  /** Day bucket document (cosmos-bucket.ts) after each hour of the day, mean and final, as stored. */
  bucketMeanBytes: number;
  bucketFullBytes: number;
  /** A P1D row without the hour slots (the hours come from the bucket). */
  dayRowBytes: number;
  /** One meter's contribution to an hour's aggregates (container `hourly`, partition = the hour). */
  contributionBytes: number;
  intervalDocBytes: number;
  hourDocBytes: number;
  dayDocBytes: number;
  monthDocBytes: number;
  latestDocBytes: number;
  meterDocBytes: number;
}

/** Ingests one meter-month through the Cosmos adapter into the emulator and measures what it stored. */
export async function measure(): Promise<Measured> {
  const meterId = "KFM1234567890123"; // 16 characters, as a DLMS meter serial
  const first = sampleInterval(meterId, Date.parse("2026-01-01T00:00:00Z"), 0);
  const message = JSON.stringify(first);
  const appProperties = JSON.stringify({ kind: "interval", meterId, householdId: "hh-0001234" });
  const server = createHttpsServer({ keepAlive: true });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });
  const store = await createCosmosStore({
    endpoint: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    key: "Y29zdC1tb2RlbA==",
    database: "cost",
    groupBy: false,
    agent,
    retentionDays: { intervals: 730, rollups: 3650, readings: 31, events: 730, deadletters: 30 },
  });
  try {
    await store.putMeter({
      id: meterId,
      householdId: "hh-0001234",
      deviceId: "edge-0001234",
      timeZone: "Europe/Vienna",
      updatedAt: new Date().toISOString(),
    });
    const start = Date.parse("2025-12-31T23:00:00Z"); // January in Vienna
    for (let day = 0; day < 31; day++) {
      const batch = Array.from({ length: 96 }, (_, i) => {
        const rec = sampleInterval(meterId, start + (day * 96 + i) * 900_000, day * 96 + i);
        return { ...rowFromInterval(rec, "hh-0001234"), timeZone: "Europe/Vienna" };
      });
      await store.writeIntervals(batch);
    }
    const client = (
      store as unknown as {
        c: Record<
          string,
          {
            items: {
              query: (q: string) => { fetchAll(): Promise<{ resources: Record<string, unknown>[] }> };
            };
          }
        >;
      }
    ).c;
    const docs = async (container: string, where = "") =>
      (await client[container]!.items.query(`SELECT * FROM c ${where}`).fetchAll()).resources;
    const size = (d: unknown) => Buffer.byteLength(JSON.stringify(d));
    const mean = (ds: unknown[]) => Math.round(ds.reduce<number>((a, d) => a + size(d), 0) / ds.length);
    const series = await docs("series");
    const by = (res: string) => series.filter((d) => d.resolution === res);
    const days = by("P1D").filter((d) => (d.end as number) - (d.start as number) >= 23 * HOUR_MS);
    const hour = Array.from({ length: 4 }, (_, i) => sampleInterval(meterId, start + i * 900_000, i));
    const batchProps = JSON.stringify({ kind: "intervals", meterId, householdId: "hh-0001234" });
    const dayOfRecords = Array.from({ length: 96 }, (_, i) =>
      sampleInterval(meterId, start + i * 900_000, i),
    );
    const groups = packIntervals(dayOfRecords);
    const { slots: _s, registersEnd: _e, ...dayRow } = days[0]! as Record<string, unknown>;
    const database = (client.series as unknown as { database: Database }).database;
    const bucketed = await measureBucketed(database, meterId, start, dayRow);
    return {
      messageBytes: Buffer.byteLength(message) + Buffer.byteLength(appProperties),
      batchMessageBytes:
        Buffer.byteLength(JSON.stringify({ schemaVersion: 1, intervals: hour })) +
        Buffer.byteLength(batchProps),
      intervalsPerFullBatch: Math.min(...groups.slice(0, -1).map((g) => g.length)),
      ...bucketed,
      intervalDocBytes: mean(by("PT15M")),
      hourDocBytes: mean(by("PT1H")),
      dayDocBytes: Math.max(...days.map(size)),
      monthDocBytes: Math.max(...by("P1M").map(size)),
      latestDocBytes: mean(await docs("latest")),
      meterDocBytes: mean(await docs("meters")),
    };
  } finally {
    await store.close();
    agent.destroy();
    await new Promise<void>((r) => server.close(() => r()));
  }
}

/**
 * The bucketed design's documents, written through the SDK into the emulator and read back with their
 * system properties: a meter's first Vienna day as the day bucket grows hour by hour (mergeDay, the
 * encoder of cosmos-bucket.ts), the P1D row without slots, one hourly aggregate contribution.
 */
async function measureBucketed(
  database: Database,
  meterId: string,
  start: number,
  dayRow: Record<string, unknown>,
): Promise<Pick<Measured, "bucketMeanBytes" | "bucketFullBytes" | "dayRowBytes" | "contributionBytes">> {
  const noIndex = {
    indexingMode: "consistent" as const,
    automatic: true,
    includedPaths: [],
    excludedPaths: [{ path: "/*" }],
  };
  const { container } = await database.containers.createIfNotExists({
    id: "buckets",
    partitionKey: { paths: ["/meterId"] },
    indexingPolicy: noIndex,
  });
  const stored = async (doc: { id: string; meterId: string }): Promise<number> => {
    await container.items.upsert(doc);
    const { resource } = await container.item(doc.id, doc.meterId).read();
    return Buffer.byteLength(JSON.stringify(resource));
  };
  const key = { meterId, householdId: "hh-0001234", start, end: start + 86_400_000 };
  const ttl = 1826 * 86_400;
  let doc: DayBucketDoc | undefined;
  const sizes: number[] = [];
  for (let hour = 0; hour < 24; hour++) {
    const rows = Array.from({ length: 4 }, (_, q) => {
      const i = hour * 4 + q;
      return rowFromInterval(sampleInterval(meterId, start + i * 900_000, i), "hh-0001234");
    });
    doc = mergeDay(doc, key, rows, ttl);
    sizes.push(await stored(doc));
  }
  const strip = (d: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(d).filter(([k]) => !k.startsWith("_")));
  const dayRowBytes = await stored({ ...(strip(dayRow) as { meterId: string }), id: `P1D|${start}` });
  const contributionBytes = await stored({
    id: `h|${start}`,
    meterId,
    householdId: "hh-0001234",
    start,
    tz: "Europe/Vienna",
    importWh: 1234,
    exportWh: 56,
    powerAvgW: 4936.5,
    ttl: 7 * 86_400,
  } as { id: string; meterId: string });
  return {
    bucketMeanBytes: Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length),
    bucketFullBytes: sizes.at(-1)!,
    dayRowBytes,
    contributionBytes,
  };
}

export interface ScaleCost {
  meters: number;
  messagesPerDay: number;
  iotHub: { tier: string; units: number; usd: number };
  functions: { executionsPerMonth: number; gbSeconds: number; usd: number };
  cosmos: {
    ruPerInterval: number;
    ruPerSecond: number;
    usdThroughput: number;
    storageGb: number;
    usdStorage: number;
  };
  usdPerMonth: number;
  usdPerMeterPerMonth: number;
}

/** The ingest RU of one interval: upsert + three rollup read-modify-writes + latest + registry read. */
export function ruPerInterval(m: Measured): number {
  const rmw = (b: number) => RU.read(b) + RU.write(b);
  return (
    RU.write(m.intervalDocBytes) +
    rmw(m.hourDocBytes) +
    rmw(m.dayDocBytes) +
    rmw(m.monthDocBytes) +
    rmw(m.latestDocBytes) +
    RU.read(m.meterDocBytes)
  );
}

export function costAt(meters: number, m: Measured): ScaleCost {
  const a = ASSUMPTIONS;
  const messagesPerDay = meters * (a.intervalsPerMeterPerDay + a.eventsPerMeterPerDay);
  const blocks = Math.ceil(m.messageBytes / a.iotHubBillingBlockBytes);
  const billedPerDay = messagesPerDay * blocks;
  const iot = a.iotHub
    .map((t) => ({
      tier: t.tier,
      units: Math.max(1, Math.ceil(billedPerDay / t.messagesPerDay)),
      price: t.usdPerMonth,
    }))
    .map((t) => ({ tier: t.tier, units: t.units, usd: t.units * t.price }))
    .sort((x, y) => x.usd - y.usd)[0]!;

  const intervalsPerMonth = meters * a.intervalsPerMeterPerDay * 30.4;
  const apiPerMonth = meters * a.apiRequestsPerMeterPerDay * 30.4;
  const f = a.functions;
  const executions = intervalsPerMonth / f.meanEventHubBatch + apiPerMonth;
  const gbSeconds =
    ((intervalsPerMonth * f.msPerInterval + apiPerMonth * f.msPerApiRequest) / 1000) * f.memoryGb;
  const fnUsd =
    (Math.max(0, executions - f.freeExecutionsPerMonth) / 1e6) * f.usdPerMillionExecutions +
    Math.max(0, gbSeconds - f.freeGbSecondsPerMonth) * f.usdPerGbSecond;

  const c = a.cosmos;
  const ruInterval = ruPerInterval(m);
  const ingestRu = (meters * a.intervalsPerMeterPerDay * ruInterval) / 86_400;
  const apiRu = (meters * a.apiRequestsPerMeterPerDay * a.ruPerApiRequest) / 86_400;
  const eventRu = (meters * a.eventsPerMeterPerDay * RU.write(600)) / 86_400;
  const ruPerSecond = Math.max(
    c.minimumRuPerSecond,
    Math.ceil(((ingestRu + apiRu + eventRu) * c.headroom) / 100) * 100,
  );
  const usdThroughput = (ruPerSecond / 100) * c.usdPer100RuPerHour * HOURS_PER_MONTH;
  const perMeterBytes =
    a.intervalsPerMeterPerDay * c.systemRetentionDays.intervals * m.intervalDocBytes +
    (c.systemRetentionDays.intervals / 365) * 8760 * m.hourDocBytes +
    (c.systemRetentionDays.rollups / 365) * (365 * m.dayDocBytes + 12 * m.monthDocBytes) +
    m.latestDocBytes +
    m.meterDocBytes +
    a.eventsPerMeterPerDay * c.systemRetentionDays.events * 600;
  const storageGb = (meters * perMeterBytes * c.indexOverhead) / 1e9;
  const usdStorage = storageGb * c.usdPerGbMonth;
  const total = iot.usd + fnUsd + usdThroughput + usdStorage + a.fixedUsdPerMonth;
  return {
    meters,
    messagesPerDay,
    iotHub: iot,
    functions: {
      executionsPerMonth: Math.round(executions),
      gbSeconds: Math.round(gbSeconds),
      usd: round2(fnUsd),
    },
    cosmos: {
      ruPerInterval: round2(ruInterval),
      ruPerSecond,
      usdThroughput: round2(usdThroughput),
      storageGb: Math.round(storageGb),
      usdStorage: round2(usdStorage),
    },
    usdPerMonth: round2(total),
    usdPerMeterPerMonth: Number((total / meters).toFixed(4)),
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export interface BucketedCost {
  meters: number;
  upstreamPeriodHours: number;
  messagesPerDay: number;
  ruPerBatch: number;
  services: {
    iotHub: { tier: string; units: number; usd: number };
    functions: { usd: number };
    cosmosThroughput: { ruPerSecond: number; usd: number };
    cosmosStorage: { gb: number; usd: number };
    fixed: { usd: number };
  };
  usdPerMonth: number;
  usdPerMeterPerMonth: number;
}

/**
 * One batch message's ingest RU in the bucketed design, for one meter: the day bucket read and
 * replaced (mean size over the day), the P1D row read and replaced, the latest values read and
 * replaced, one hourly aggregate contribution per hour of the batch written.
 */
export function ruPerBatch(m: Measured, periodHours: number): number {
  const rmw = (b: number) => RU.read(b) + RU.write(b);
  return (
    rmw(m.bucketMeanBytes) +
    rmw(m.dayRowBytes) +
    rmw(m.latestDocBytes) +
    periodHours * RU.write(m.contributionBytes)
  );
}

export function bucketedCostAt(
  meters: number,
  m: Measured,
  periodHours: number = ASSUMPTIONS.bucketed.upstreamPeriodHours,
): BucketedCost {
  const a = ASSUMPTIONS;
  const b = a.bucketed;
  const intervalsPerMessage = Math.min(m.intervalsPerFullBatch, periodHours * 4);
  // a period's quarter hours fill ceil(4h / per-message) messages; each within one 4 KB block
  const batchesPerDay = (24 / periodHours) * Math.ceil((periodHours * 4) / intervalsPerMessage);
  const messagesPerDay = meters * (batchesPerDay + a.eventsPerMeterPerDay);
  const iot = a.iotHub
    .map((t) => ({
      tier: t.tier,
      units: Math.max(1, Math.ceil(messagesPerDay / t.messagesPerDay)),
      price: t.usdPerMonth,
    }))
    .map((t) => ({ tier: t.tier, units: t.units, usd: t.units * t.price }))
    .sort((x, y) => x.usd - y.usd)[0]!;

  const f = a.functions;
  const batchesPerMonth = meters * batchesPerDay * 30.4;
  const apiPerMonth = meters * a.apiRequestsPerMeterPerDay * 30.4;
  const executions = batchesPerMonth / f.meanEventHubBatch + apiPerMonth + 730; // + the hourly release
  const gbSeconds =
    ((batchesPerMonth * b.msPerBatchMessage + apiPerMonth * f.msPerApiRequest) / 1000) * f.memoryGb;
  const fnUsd =
    (Math.max(0, executions - f.freeExecutionsPerMonth) / 1e6) * f.usdPerMillionExecutions +
    Math.max(0, gbSeconds - f.freeGbSecondsPerMonth) * f.usdPerGbSecond;

  const c = a.cosmos;
  const perBatch = ruPerBatch(m, periodHours);
  const ingestRu = (meters * batchesPerDay * perBatch) / 86_400;
  // a history view: a day (one point read of the bucket) or a month of days (31 P1D rows), half each
  const apiRuPerRequest = (RU.read(m.bucketFullBytes) + RU.query(31 * m.dayRowBytes)) / 2;
  const apiRu = (meters * a.apiRequestsPerMeterPerDay * apiRuPerRequest) / 86_400;
  const eventRu = (meters * a.eventsPerMeterPerDay * RU.write(600)) / 86_400;
  // the hourly release reads the hour's partition of contributions once (precomputed, not per query)
  const releaseRu = RU.query(meters * m.contributionBytes) / 3_600;
  const ruPerSecond = Math.max(
    c.minimumRuPerSecond,
    Math.ceil(((ingestRu + apiRu + eventRu + releaseRu) * c.headroom) / 100) * 100,
  );
  const usdThroughput = (ruPerSecond / 100) * c.usdPer100RuPerHour * HOURS_PER_MONTH;
  const perMeterBytes =
    b.retentionDays * (m.bucketFullBytes + m.dayRowBytes) +
    m.latestDocBytes +
    m.meterDocBytes +
    a.eventsPerMeterPerDay * c.systemRetentionDays.events * 600 +
    b.contributionRetentionDays * 24 * m.contributionBytes;
  const storageGb = (meters * perMeterBytes * b.indexOverhead) / 1e9;
  const usdStorage = storageGb * c.usdPerGbMonth;
  const total = iot.usd + fnUsd + usdThroughput + usdStorage + a.fixedUsdPerMonth;
  return {
    meters,
    upstreamPeriodHours: periodHours,
    messagesPerDay,
    ruPerBatch: round2(perBatch),
    services: {
      iotHub: iot,
      functions: { usd: round2(fnUsd) },
      cosmosThroughput: { ruPerSecond, usd: round2(usdThroughput) },
      cosmosStorage: { gb: Math.round(storageGb), usd: round2(usdStorage) },
      fixed: { usd: a.fixedUsdPerMonth },
    },
    usdPerMonth: round2(total),
    usdPerMeterPerMonth: Number((total / meters).toFixed(4)),
  };
}

async function main(): Promise<void> {
  const measured = await measure();
  const scales = [10_000, 100_000, 1_000_000].map((n) => costAt(n, measured));
  const bucketed = [10_000, 100_000, 1_000_000].map((n) => bucketedCostAt(n, measured));
  if (process.argv.includes("--json")) {
    process.stdout.write(
      `${JSON.stringify({ measured, assumptions: ASSUMPTIONS, scales, bucketed }, null, 2)}\n`,
    );
    return;
  }
  const out: string[] = [];
  out.push("Measured sizes (bytes, serialised JSON incl. Cosmos system properties):");
  for (const [k, v] of Object.entries(measured)) out.push(`  ${k.padEnd(18)} ${v}`);
  out.push(
    `Cosmos containers: ${Object.values(COSMOS_CONTAINERS)
      .map((c) => `${c.id} (${c.partitionKey})`)
      .join(", ")}`,
  );
  out.push(
    `RU per ingested interval (rule of thumb, see docs/cosmos-design.md): ${ruPerInterval(measured).toFixed(1)}`,
  );
  out.push("");
  const head = [
    "meters",
    "msgs/day",
    "IoT Hub",
    "IoT $",
    "Fn $",
    "RU/s",
    "RU/s $",
    "GB",
    "GB $",
    "total $/mo",
    "$/meter/mo",
  ];
  const rows = scales.map((s) => [
    s.meters.toLocaleString("en-US"),
    Math.round(s.messagesPerDay).toLocaleString("en-US"),
    `${s.iotHub.units} x ${s.iotHub.tier}`,
    s.iotHub.usd.toFixed(0),
    s.functions.usd.toFixed(0),
    String(s.cosmos.ruPerSecond),
    s.cosmos.usdThroughput.toFixed(0),
    String(s.cosmos.storageGb),
    s.cosmos.usdStorage.toFixed(0),
    s.usdPerMonth.toFixed(0),
    s.usdPerMeterPerMonth.toFixed(4),
  ]);
  const table = (h: string[], rs: string[][]) => {
    const widths = h.map((x, i) => Math.max(x.length, ...rs.map((r) => r[i]!.length)));
    const line = (r: string[]) => r.map((c, i) => c.padStart(widths[i]!)).join("  ");
    out.push(line(h));
    for (const r of rs) out.push(line(r));
  };
  out.push(
    "Design A, as the adapter writes today: one message and one document per interval, 2-year intervals.",
  );
  table(head, rows);
  out.push("");
  const p = ASSUMPTIONS.bucketed.upstreamPeriodHours;
  out.push(
    `Design B, bucketed: ${p} h upstream period (4 KB batch messages), a day bucket per meter-day, 5-year retention.`,
  );
  out.push(
    `  RU per batch message and meter (bucket, day row, latest, contributions): ${ruPerBatch(measured, p).toFixed(1)}`,
  );
  table(
    [
      "meters",
      "msgs/day",
      "IoT Hub",
      "IoT $",
      "Fn $",
      "RU/s",
      "RU/s $",
      "GB",
      "GB $",
      "fixed $",
      "total $/mo",
      "$/meter/mo",
    ],
    bucketed.map((s) => [
      s.meters.toLocaleString("en-US"),
      Math.round(s.messagesPerDay).toLocaleString("en-US"),
      `${s.services.iotHub.units} x ${s.services.iotHub.tier}`,
      s.services.iotHub.usd.toFixed(0),
      s.services.functions.usd.toFixed(0),
      String(s.services.cosmosThroughput.ruPerSecond),
      s.services.cosmosThroughput.usd.toFixed(0),
      String(s.services.cosmosStorage.gb),
      s.services.cosmosStorage.usd.toFixed(0),
      s.services.fixed.usd.toFixed(0),
      s.usdPerMonth.toFixed(0),
      s.usdPerMeterPerMonth.toFixed(4),
    ]),
  );
  const hourly = bucketedCostAt(1_000_000, measured, 1);
  out.push("");
  out.push("Trade-offs users see (design B):");
  out.push(
    `  - cloud history (app History, exports, aggregates) is up to ${p} h behind the meter, plus ingest seconds;`,
  );
  out.push("    the edge's local API, Live and alerts are not delayed (events leave at once).");
  out.push(
    `  - a 1 h upstream period halves that delay for $${hourly.usdPerMeterPerMonth.toFixed(4)} per meter-month at 1M meters.`,
  );
  out.push(
    "  - after an outage the backlog leaves in full 4 KB messages at once; nothing is lost (durable outbox).",
  );
  out.push(
    "  - the day buckets are not yet written by the Cosmos adapter (design A is): their sizes are measured from",
  );
  out.push(
    "    the bucket encoder (functions/src/store/cosmos-bucket.ts) written through the SDK into the emulator.",
  );
  out.push("");
  out.push(
    "Storage is at full retention (A: intervals and hours 2 years, days and months 10 years; B: 5 years).",
  );
  out.push(
    "RU: rule of thumb on measured bytes (the emulator reports a flat 1 RU per request). Prices: USD list, single region;",
  );
  out.push("assumptions in scripts/cost-model.ts (ASSUMPTIONS). Run with --json for the whole model.");
  process.stdout.write(`${out.join("\n")}\n`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  await main();
}
