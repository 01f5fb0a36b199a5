/**
 * The app's figures: time to first meaningful paint (from navigation start to the first values on
 * screen, marked by the app with `performance.mark`) of the live view and of a one-year history view,
 * and the size of the JS bundle gzipped. History comes from the real local cloud (startCloudHost, SQLite)
 * holding one meter x 1 year of 15-minute intervals ingested through `/runtime/ingest` (rollups included);
 * the live view talks to a stand-in edge API serving the contract's shapes (the edge itself is measured
 * in bench/sharing). Browser: Debian's Chromium (playwright-core). Writes bench/results/app.json.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { startCloudHost } from "../simulator/src/cloudhost/index";
import { ensureAppBuilt } from "../simulator/src/platform/build";
import { REPO_ROOT, startAppServer } from "../simulator/src/platform/index";
import { CHROMIUM, CHROMIUM_ARGS } from "../tests/e2e/support";

const METER = "KFM1000000001";
const HOUSEHOLD = "hh-1";
const RUNS = 5;
const TARGETS = { liveTtfmpMs: 1500, yearHistoryTtfmpMs: 1500, bundleGzipKb: 300 };

function bundleSize(): { jsGzipBytes: number; jsBytes: number; cssGzipBytes: number } {
  const dir = join(REPO_ROOT, "app", "dist", "assets");
  let js = 0;
  let jsGz = 0;
  let cssGz = 0;
  for (const f of readdirSync(dir)) {
    const buf = readFileSync(join(dir, f));
    if (f.endsWith(".js")) {
      js += buf.length;
      jsGz += gzipSync(buf, { level: 9 }).length;
    } else if (f.endsWith(".css")) cssGz += gzipSync(buf, { level: 9 }).length;
  }
  return { jsGzipBytes: jsGz, jsBytes: js, cssGzipBytes: cssGz };
}

/** One year of 15-minute intervals: a daily load shape, exact integer Wh, registers that add up. */
function yearOfIntervals(end: number): unknown[] {
  const step = 900_000;
  const start = end - 365 * 86_400_000;
  const out: unknown[] = [];
  let register = 10_000_000;
  for (let t = Math.ceil(start / step) * step; t + step <= end; t += step) {
    const hour = new Date(t).getUTCHours();
    const wh = 40 + ((hour >= 6 && hour < 9) || (hour >= 17 && hour < 22) ? 120 : 0) + ((t / step) % 7);
    register += wh;
    const s = new Date(t).toISOString();
    out.push({
      schemaVersion: 1,
      id: `${METER}|PT15M|${s}`,
      meterId: METER,
      resolution: "PT15M",
      intervalStart: s,
      intervalEnd: new Date(t + step).toISOString(),
      energyImportedWh: wh,
      energyExportedWh: 0,
      powerMinW: wh * 2,
      powerAvgW: wh * 4,
      powerMaxW: wh * 6,
      registers: { "1-0:1.8.0": register, "1-0:2.8.0": 0 },
      sampleCount: 180,
      quality: "complete",
      flags: [],
    });
  }
  return out;
}

async function ingest(cloudUrl: string, bodies: unknown[]): Promise<number> {
  const t0 = performance.now();
  let seq = 0;
  for (let i = 0; i < bodies.length; i += 2000) {
    const messages = bodies.slice(i, i + 2000).map((body) => ({
      body,
      properties: { kind: "interval", meterId: METER, householdId: HOUSEHOLD },
      systemProperties: {
        "iothub-connection-device-id": "edge-local",
        "iothub-connection-module-id": "sharing",
        "iothub-enqueuedtime": new Date().toISOString(),
        "message-id": randomUUID(),
        "x-opt-sequence-number": seq++,
      },
    }));
    const res = await fetch(`${cloudUrl}/runtime/ingest`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ messages }),
    });
    if (!res.ok) throw new Error(`ingest failed: HTTP ${res.status} ${await res.text()}`);
    const r = (await res.json()) as { accepted: number };
    if (r.accepted !== messages.length)
      throw new Error(`ingest accepted ${r.accepted} of ${messages.length}`);
  }
  return performance.now() - t0;
}

/** A stand-in for the edge's local API: latest reading, today's first reading, and an SSE stream. */
function stubEdge(): Promise<Server> {
  const reading = (t: number, w: number) => ({
    schemaVersion: 1,
    meterId: METER,
    readingTime: new Date(t).toISOString(),
    receivedAt: new Date(t).toISOString(),
    source: { protocol: "dlms", transport: "tcp", gatewayId: "bench" },
    values: [
      { property: "1-0:1.8.0", value: 12_345_678 + Math.round(t / 1000), unit: "Wh" },
      { property: "1-0:2.8.0", value: 0, unit: "Wh" },
      { property: "1-0:1.7.0", value: w, unit: "W" },
      { property: "1-0:2.7.0", value: 0, unit: "W" },
      { property: "1-0:32.7.0", value: 231.4, unit: "V" },
      { property: "1-0:31.7.0", value: 2.1, unit: "A" },
    ],
  });
  const srv = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const json = (body: unknown) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === "/api/stream") {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      let n = 0;
      const timer = setInterval(
        () =>
          res.write(`id: ${++n}\nevent: reading\ndata: ${JSON.stringify(reading(Date.now(), 500 + n))}\n\n`),
        1000,
      );
      req.on("close", () => clearInterval(timer));
      return;
    }
    if (url.pathname.endsWith("/latest")) return json({ seq: 1, reading: reading(Date.now(), 480) });
    if (url.pathname.endsWith("/readings")) return json({ readings: [reading(Date.now() - 3_600_000, 300)] });
    if (url.pathname === "/api/events") return json({ events: [] });
    if (url.pathname === "/api/health") return json({ ok: true });
    res.writeHead(404).end();
  });
  return new Promise((r) => srv.listen(0, "127.0.0.1", () => r(srv)));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  await ensureAppBuilt(join(REPO_ROOT, "app"), (m) => process.stderr.write(`${m}\n`));
  const bundle = bundleSize();
  const dataDir = mkdtempSync(join(tmpdir(), "omdp-bench-app-"));
  const env = { ...process.env, OMDP_DATA_DIR: dataDir, OMDP_STORE: "sqlite", COSMOS_ENDPOINT: "" };
  const cloud = await startCloudHost({ port: 0, env, configPath: join(REPO_ROOT, "omdp.config.json") });
  const edge = await stubEdge();
  const bodies = yearOfIntervals(Date.now());
  const ingestMs = await ingest(cloud.url, bodies);
  const token = await cloud.issueToken({
    sub: "bench",
    role: "household",
    households: [HOUSEHOLD],
    ttl: "1h",
  });
  const app = await startAppServer({
    distDir: join(REPO_ROOT, "app", "dist"),
    port: 0,
    proxies: {
      "/edge": `http://127.0.0.1:${(edge.address() as { port: number }).port}`,
      "/cloud": cloud.url,
    },
    config: () => ({
      cloudUrl: "cloud",
      edgeUrl: "edge",
      edgeToken: "bench",
      cloudToken: token,
      detached: false,
      households: [
        { id: HOUSEHOLD, name: "Bench", timeZone: "Europe/Vienna", meters: [{ id: METER, kind: "dlms" }] },
      ],
    }),
  });
  const profile = mkdtempSync(join(tmpdir(), "omdp-bench-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  const paint = async (hash: string, mark: string): Promise<{ ms: number; records: number }> => {
    const page = await context.newPage();
    await page.goto(`${app.url}/${hash}`);
    const ms = await page.waitForFunction(
      (name) => {
        const e = performance.getEntriesByName(name)[0];
        return e ? e.startTime : undefined;
      },
      mark,
      { timeout: 20_000 },
    );
    const value = (await ms.jsonValue()) as number;
    const records = Number((await page.locator("main").getAttribute("data-records")) ?? 0);
    await page.close();
    return { ms: value, records };
  };
  const live: number[] = [];
  const year: number[] = [];
  let yearRecords = 0;
  try {
    for (let i = 0; i < RUNS; i++) {
      live.push((await paint("#/live", "omdp:live-painted")).ms);
      const y = await paint(`#/history?kind=year&meter=${METER}`, "omdp:history-painted");
      year.push(y.ms);
      yearRecords = y.records;
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await app.close();
    await new Promise((r) => edge.close(r));
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (yearRecords === 0) throw new Error("the year view showed no data");
  const figures = {
    liveTtfmpMsCold: Math.round(live[0]!),
    liveTtfmpMsMedian: Math.round(median(live)),
    yearHistoryTtfmpMsCold: Math.round(year[0]!),
    yearHistoryTtfmpMsMedian: Math.round(median(year)),
    yearHistoryDailyRecordsShown: yearRecords,
    intervalsInCloud: bodies.length,
    ingestSeconds: Math.round(ingestMs / 100) / 10,
    bundleJsGzipKb: Math.round(bundle.jsGzipBytes / 102.4) / 10,
    bundleJsKb: Math.round(bundle.jsBytes / 102.4) / 10,
    bundleCssGzipKb: Math.round(bundle.cssGzipBytes / 102.4) / 10,
    runs: RUNS,
  };
  const result = {
    name: "app",
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version },
    figures,
    targets: TARGETS,
    met: {
      live: figures.liveTtfmpMsCold < TARGETS.liveTtfmpMs,
      yearHistory: figures.yearHistoryTtfmpMsCold < TARGETS.yearHistoryTtfmpMs,
      bundle: figures.bundleJsGzipKb < TARGETS.bundleGzipKb,
    },
  };
  mkdirSync(join(REPO_ROOT, "bench", "results"), { recursive: true });
  writeFileSync(join(REPO_ROOT, "bench", "results", "app.json"), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((err) => {
  process.stderr.write(`app bench failed: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
