/**
 * e2e support: the platform started in-process by the same supervisor as `npm start` (free ports, a temp
 * data dir, fast simulated time), Debian's Chromium through playwright-core (never a downloaded browser),
 * and readers for the simulator's telegram log and the two APIs.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import {
  loadConfigFile,
  type PlatformHandle,
  REPO_ROOT,
  resolveConfig,
  startPlatform,
} from "../../simulator/src/platform/index";
import type { LoggedTelegram } from "../chaos/count";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium from Debian with a new empty profile; fails (never skips) when it is not installed. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does it). The e2e tests never download a browser.`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), "omdp-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    timezoneId: "UTC",
    timeout: 30_000,
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface TestPlatform {
  readonly handle: PlatformHandle;
  readonly dataDir: string;
  readonly logFile: string;
  readonly simStart: number;
  close(): Promise<void>;
}

/**
 * Starts the platform with every port free-chosen and meter time running `speed` times faster, starting
 * `leadSeconds` of wall time in the past (so meter time never runs ahead of the clock during the test).
 */
export async function startTestPlatform(opts: {
  speed: number;
  leadSeconds: number;
  detached?: boolean;
  /** The parsed settings file to run (default: the repository's omdp.config.json). */
  config?: unknown;
}): Promise<TestPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), "omdp-e2e-"));
  const logFile = join(dataDir, "platform.log");
  const simStart = Math.floor((Date.now() - opts.speed * opts.leadSeconds * 1000) / 1000) * 1000;
  const cfg = resolveConfig(
    opts.config ?? loadConfigFile(join(REPO_ROOT, "omdp.config.json")),
    { ...process.env, COSMOS_ENDPOINT: undefined, OMDP_DETACHED: undefined },
    {
      ports: { app: 0, cloud: 0, edgeApi: 0, edgeMqtt: 0, edgeAdmin: 0, simTcp: 0 },
      dataDir,
      speed: opts.speed,
      start: new Date(simStart).toISOString(),
      telegramLog: true,
      detached: opts.detached ?? false,
      logFormat: "json",
    },
    REPO_ROOT,
  );
  const lines: string[] = [];
  const handle = await startPlatform(cfg, {
    write: (l) => {
      lines.push(l);
      if (lines.length > 5000) lines.splice(0, 1000);
    },
    readyTimeoutMs: 60_000,
  });
  const flush = () => writeFileSync(logFile, lines.join(""));
  return {
    handle,
    dataDir,
    logFile,
    simStart,
    close: async () => {
      await handle.stop();
      flush();
      if (!process.env.OMDP_E2E_KEEP) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Telegram {
  readonly meterId: string;
  readonly meterTime: number;
  readonly registers: Record<string, number>;
  readonly fault?: string;
}

/** Every line of the simulator's log of what it put on the bus, in the order written. */
export function readTelegramLog(dataDir: string): LoggedTelegram[] {
  const file = join(dataDir, "sim", "telegrams.jsonl");
  if (!existsSync(file)) return [];
  const out: LoggedTelegram[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const t = JSON.parse(line) as {
      meterId: string;
      meterTime: string;
      sentAt?: number;
      clients?: number;
      fault?: string;
      master?: string;
      values: { property: string; value: number }[];
    };
    out.push({
      meterId: t.meterId,
      meterTime: Date.parse(t.meterTime),
      ...(t.sentAt !== undefined ? { sentAt: t.sentAt } : {}),
      ...(t.clients !== undefined ? { clients: t.clients } : {}),
      ...(t.fault ? { fault: t.fault } : {}),
      ...(t.master ? { master: t.master } : {}),
      registers: Object.fromEntries(t.values.map((v) => [v.property, v.value])),
    });
  }
  return out;
}

/** The intact telegrams one meter sent to the reader (not the second master's), by meter time. */
export function readTelegrams(dataDir: string, meterId: string): Telegram[] {
  return readTelegramLog(dataDir)
    .filter((t) => t.meterId === meterId && !t.fault && t.master !== "second")
    .map((t) => ({ meterId: t.meterId, meterTime: t.meterTime, registers: { ...t.registers } }))
    .sort((a, b) => a.meterTime - b.meterTime);
}

export async function getJson<T>(url: string, token: string): Promise<T> {
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export interface ApiInterval {
  id: string;
  meterId: string;
  intervalStart: string;
  intervalEnd: string;
  energyImportedWh: number;
  energyExportedWh: number;
  registers: Record<string, number>;
}

/** Every interval of a meter in [from, to) from the cloud API (all pages). */
export async function cloudIntervals(
  p: PlatformHandle,
  householdId: string,
  meterId: string,
  from: number,
  to: number,
  resolution = "PT15M",
): Promise<ApiInterval[]> {
  const token = p.cloudTokens()[householdId] ?? "";
  const out: ApiInterval[] = [];
  let cont: string | undefined;
  for (let page = 0; page < 50; page++) {
    const q = new URLSearchParams({
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      resolution,
      ...(cont ? { continuationToken: cont } : {}),
    });
    const body = await getJson<{ items: ApiInterval[]; continuationToken?: string }>(
      `http://127.0.0.1:${p.config.ports.cloud}/api/meters/${encodeURIComponent(meterId)}/intervals?${q}`,
      token,
    );
    out.push(...body.items);
    if (!body.continuationToken) break;
    cont = body.continuationToken;
  }
  return out;
}

/** Every interval of a meter from the edge's local API. */
export async function edgeIntervals(
  p: PlatformHandle,
  meterId: string,
  from: number,
  to: number,
): Promise<ApiInterval[]> {
  const q = new URLSearchParams({
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    resolution: "PT15M",
  });
  const body = await getJson<unknown>(
    `http://127.0.0.1:${p.config.ports.edgeApi}/api/meters/${encodeURIComponent(meterId)}/intervals?${q}`,
    p.edgeToken(),
  );
  if (Array.isArray(body)) return body as ApiInterval[];
  const o = body as { items?: ApiInterval[]; intervals?: ApiInterval[] };
  return o.intervals ?? o.items ?? [];
}

/** Polls `check` until it returns a value (not undefined), at most `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  timeoutMs: number,
  check: () => Promise<T | undefined>,
  everyMs = 500,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(
    `timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? `: ${(last as Error).message}` : ""}`,
  );
}
