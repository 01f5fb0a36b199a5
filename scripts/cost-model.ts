/**
 * `npm run cost-model`: monthly Azure cost per meter at 10k, 100k and 1M meters (IoT Hub units,
 * Functions, Cosmos DB RU/s and storage, per service), from message and document sizes MEASURED here:
 * the `intervals` batch message as sharing packs it (@omdp/series packIntervals), and the Cosmos
 * documents the real adapter writes (a month of one meter's intervals ingested in upstream-period
 * batches into the in-process emulator, read back with their system properties), plus the requests
 * one steady-state batch makes (counted at the emulator, which reports a flat 1 RU per request, so
 * RU come from the rule of thumb below applied to the measured bytes). Prices and load assumptions
 * are listed below and printed with the result. `--json` prints the model as JSON.
 */
import { readFileSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { type IntervalRecord, intervalId } from "@omdp/model";
import { packIntervals } from "@omdp/series";
import { createHttpsServer } from "@vercel/cosmosdb-server";
import { rowFromInterval } from "../functions/src/series/types";
import { createCosmosStore } from "../functions/src/store/cosmos";
import { COSMOS_CONTAINERS } from "../functions/src/store/cosmos-containers";

/** List prices (USD, pay-as-you-go, single region, 2025) and load assumptions. */
export const ASSUMPTIONS = {
  intervalsPerMeterPerDay: 96, // PT15M
  eventsPerMeterPerDay: 0.5,
  apiRequestsPerMeterPerDay: 20, // app history views
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
    msPerApiRequest: 40,
  },
  cosmos: {
    usdPer100RuPerHour: 0.008, // standard provisioned throughput (database-level, shared by the containers)
    minimumRuPerSecond: 400,
    headroom: 1.5, // Event Hubs buffers the quarter-hour bursts; ingest runs at the mean rate x headroom
    usdPerGbMonth: 0.25,
    eventRetentionDays: 730,
  },
  fixedUsdPerMonth: 10, // storage account (host, exports), Key Vault, small Application Insights
  /** The bucketed design (docs/cosmos-design.md, "Bucketed documents"). */
  bucketed: {
    upstreamPeriodHours: 2, // default of the functions below; main() takes the period from deployment.template.json
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

const HOURS_PER_MONTH = 730;

/** The production edge deployment the cloud admin applies; its sharing upstream period is what the model prices. */
export const PRODUCTION_MANIFEST = "deployment.template.json";

/** The upstream period a deployment manifest gives sharing, and where it came from. */
export interface UpstreamPeriodSetting {
  batchSeconds: number;
  /** Hours per upstream batch for the model; 0 s (each interval at once) is a quarter hour. */
  periodHours: number;
  source: string;
}

/**
 * Reads `cloud.batchSeconds` of the sharing module's desired properties from a deployment manifest
 * (absent: sharing's own default, 0). Pure: the caller reads the file.
 */
export function upstreamPeriodOf(manifest: unknown, source: string): UpstreamPeriodSetting {
  const desired = (manifest as { modulesContent?: Record<string, Record<string, unknown>> })?.modulesContent
    ?.sharing?.["properties.desired"] as { cloud?: { batchSeconds?: unknown } } | undefined;
  const raw = desired?.cloud?.batchSeconds;
  const batchSeconds = raw === undefined ? 0 : raw;
  if (typeof batchSeconds !== "number" || !Number.isInteger(batchSeconds) || batchSeconds < 0)
    throw new Error(`${source}: sharing cloud.batchSeconds is not a whole number of seconds: ${String(raw)}`);
  return { batchSeconds, periodHours: Math.max(batchSeconds, 900) / 3600, source };
}

function productionUpstreamPeriod(): UpstreamPeriodSetting {
  const url = new URL(`../${PRODUCTION_MANIFEST}`, import.meta.url);
  return upstreamPeriodOf(JSON.parse(readFileSync(url, "utf8")), PRODUCTION_MANIFEST);
}

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
  /** The original single-interval message (IntervalRecord + application properties), for reference. */
  messageBytes: number;
  /** One upstream period's quarter hours as one `intervals` batch message (body + properties). */
  batchMessageBytes: number;
  /** Quarter hours per full 4 KB batch message (packIntervals over a day, as after an outage). */
  intervalsPerFullBatch: number;
  /** Day bucket document as stored, mean over the day as it fills batch by batch, and full. */
  bucketMeanBytes: number;
  bucketFullBytes: number;
  /** A P1D row (upserted per batch; hours and months are computed from buckets and day rows). */
  dayRowBytes: number;
  /** One meter's contribution to an hour's aggregates (container `hourly`, partition = the hour). */
  contributionBytes: number;
  latestDocBytes: number;
  meterDocBytes: number;
  /** HTTP requests one steady-state batch of one meter makes (counted at the emulator). */
  requestsPerBatch: number;
}

/**
 * Ingests one meter-month through the Cosmos adapter into the emulator, one upstream period per
 * write (as ingest receives the batch messages), and measures what it stored.
 */
export async function measure(
  periodHours: number = ASSUMPTIONS.bucketed.upstreamPeriodHours,
): Promise<Measured> {
  const meterId = "KFM1234567890123"; // 16 characters, as a DLMS meter serial
  const householdId = "hh-0001234";
  const first = sampleInterval(meterId, Date.parse("2026-01-01T00:00:00Z"), 0);
  const message = JSON.stringify(first);
  const appProperties = JSON.stringify({ kind: "interval", meterId, householdId });
  const server = createHttpsServer({ keepAlive: true });
  let requests = 0;
  server.on("request", () => {
    requests++;
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });
  const store = await createCosmosStore({
    endpoint: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    key: "Y29zdC1tb2RlbA==",
    database: "cost",
    groupBy: false,
    agent,
    retentionDays: { intervals: 1826, rollups: 1826, readings: 31, events: 730, deadletters: 30 },
  });
  try {
    await store.putMeter({
      id: meterId,
      householdId,
      deviceId: "edge-0001234",
      timeZone: "Europe/Vienna",
      updatedAt: new Date().toISOString(),
    });
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

    const start = Date.parse("2025-12-31T23:00:00Z"); // January in Vienna
    const perBatch = periodHours * 4;
    const firstDay: number[] = [];
    let steadyRequests = 0;
    for (let b = 0; b < (31 * 96) / perBatch; b++) {
      const batch = Array.from({ length: perBatch }, (_, k) => {
        const i = b * perBatch + k;
        return {
          ...rowFromInterval(sampleInterval(meterId, start + i * 900_000, i), householdId),
          timeZone: "Europe/Vienna",
        };
      });
      const before = requests;
      await store.writeIntervals(batch);
      if (b === 96 / perBatch + 1) steadyRequests = requests - before; // a batch of the second day
      if (b < 96 / perBatch) firstDay.push(size((await docs("series", `WHERE c.id = "d|${start}"`))[0]));
    }
    const series = await docs("series");
    const buckets = series.filter((d) => d.kind === "d");
    const days = series.filter((d) => d.resolution === "P1D");
    const batchRecords = Array.from({ length: perBatch }, (_, i) =>
      sampleInterval(meterId, start + i * 900_000, i),
    );
    const batchProps = JSON.stringify({ kind: "intervals", meterId, householdId });
    const dayOfRecords = Array.from({ length: 96 }, (_, i) =>
      sampleInterval(meterId, start + i * 900_000, i),
    );
    const groups = packIntervals(dayOfRecords);
    return {
      messageBytes: Buffer.byteLength(message) + Buffer.byteLength(appProperties),
      batchMessageBytes:
        Buffer.byteLength(JSON.stringify({ schemaVersion: 1, intervals: batchRecords })) +
        Buffer.byteLength(batchProps),
      intervalsPerFullBatch: Math.min(...groups.slice(0, -1).map((g) => g.length)),
      bucketMeanBytes: Math.round(firstDay.reduce((a, x) => a + x, 0) / firstDay.length),
      bucketFullBytes: Math.max(...buckets.map(size)),
      dayRowBytes: Math.max(...days.map(size)),
      contributionBytes: mean(await docs("hourly")),
      latestDocBytes: mean(await docs("latest")),
      meterDocBytes: mean(await docs("meters")),
      requestsPerBatch: steadyRequests,
    };
  } finally {
    await store.close();
    agent.destroy();
    await new Promise<void>((r) => server.close(() => r()));
  }
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
 * One batch message's ingest RU for one meter (the requests cosmos-series.ts makes, six in all, as
 * counted at the emulator): the day bucket read and replaced (mean size over the day), the P1D row
 * upserted, one hourly contribution per hour of the batch upserted (one bulk request), the latest
 * values read and replaced; the registry read is cached.
 */
export function ruPerBatch(m: Measured, periodHours: number): number {
  const rmw = (b: number) => RU.read(b) + RU.write(b);
  return (
    rmw(m.bucketMeanBytes) +
    RU.write(m.dayRowBytes) +
    periodHours * RU.write(m.contributionBytes) +
    rmw(m.latestDocBytes)
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
    a.eventsPerMeterPerDay * c.eventRetentionDays * 600 +
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
  const setting = productionUpstreamPeriod();
  const p = setting.periodHours;
  const measured = await measure(p);
  const scales = [10_000, 100_000, 1_000_000].map((n) => bucketedCostAt(n, measured, p));
  if (process.argv.includes("--json")) {
    const model = { upstreamPeriod: setting, measured, assumptions: ASSUMPTIONS, scales };
    process.stdout.write(`${JSON.stringify(model, null, 2)}\n`);
    return;
  }
  const out: string[] = [];
  out.push(
    `Upstream period assumed: sharing cloud.batchSeconds = ${setting.batchSeconds} (${p} h) from ${setting.source}, the production edge deployment;`,
  );
  out.push("  sharing's own default (the local platform, tests) is 0: each interval leaves at once.");
  out.push("Measured (bytes: serialised JSON incl. Cosmos system properties; requests at the emulator):");
  for (const [k, v] of Object.entries(measured)) out.push(`  ${k.padEnd(22)} ${v}`);
  out.push(
    `Cosmos containers: ${Object.values(COSMOS_CONTAINERS)
      .map((c) => `${c.id} (${c.partitionKey})`)
      .join(", ")}`,
  );
  out.push(
    `RU per batch message and meter (${p} h: bucket read+replace, day row, ${p} hour contributions, latest): ${ruPerBatch(measured, p).toFixed(1)}`,
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
    "fixed $",
    "total $/mo",
    "$/meter/mo",
  ];
  const rows = scales.map((s) => [
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
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padStart(widths[i]!)).join("  ");
  out.push(line(head));
  for (const r of rows) out.push(line(r));
  const hourly = bucketedCostAt(1_000_000, measured, 1);
  out.push("");
  out.push("Trade-offs users see:");
  out.push(
    `  - cloud history (app History, exports, aggregates) is up to ${p} h behind the meter, plus ingest`,
  );
  out.push("    seconds; the edge's local API, Live and alerts are not delayed (events leave at once).");
  out.push(
    `  - a 1 h upstream period halves that delay for $${hourly.usdPerMeterPerMonth.toFixed(4)} per meter-month at 1M meters.`,
  );
  out.push(
    "  - after an outage the backlog leaves in full 4 KB messages at once; nothing is lost (durable outbox).",
  );
  out.push(
    "  - aggregates are released hourly from precomputed hour contributions; late data after a release",
  );
  out.push("    does not change it (as before).");
  out.push("");
  out.push(
    `Storage at full retention: ${ASSUMPTIONS.bucketed.retentionDays} days (5 years) of day buckets and day rows. Prices: USD list, single region;`,
  );
  out.push("assumptions in scripts/cost-model.ts (ASSUMPTIONS). Run with --json for the whole model.");
  process.stdout.write(`${out.join("\n")}\n`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  await main();
}
