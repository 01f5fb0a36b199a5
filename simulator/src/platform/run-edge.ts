/**
 * Component: the local edge hub with the four modules (mbusReader, analytics, events, sharing) as its
 * own child processes, upstream to the local cloud's ingest (none when detached). Asks `sharing` for an
 * API token for the app (direct method `createToken`).
 */
import { join } from "node:path";
import { usePrivateUmask } from "./dataDir";
import { type LineLeaf, startLineLeaf } from "./lineLeaf";
import { type MbusLeaf, startMbusLeaf } from "./mbusLeaf";
import { fail, importOrMissing, onShutdown, platformFromEnv, runnerLogger, tell } from "./runner";

const log = runnerLogger("edge");

interface EdgeHubLike {
  readonly ca: string;
  connectionStringFor(deviceId: string): string;
  close(): Promise<void>;
  invoke(
    target: string,
    method: string,
    payload: unknown,
    timeoutMs?: number,
  ): Promise<{ status: number; payload: unknown }>;
  connected(): string[];
  modules(): { name: string; running: boolean; restarts: number }[];
}

type StartEdgeHub = (opts: Record<string, unknown>) => Promise<EdgeHubLike>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Asks `sharing` for an API token for the app, retrying while the module connects (bounded). */
async function edgeToken(hub: EdgeHubLike, deadlineMs: number): Promise<string> {
  while (Date.now() < deadlineMs) {
    const out = await hub
      .invoke("sharing", "createToken", { name: "dashboard" }, 5_000)
      .catch(() => undefined);
    const p = (out?.payload ?? {}) as { token?: unknown };
    if (out && out.status === 200 && typeof p.token === "string") return p.token;
    await sleep(500);
  }
  return "";
}

/** Waits until the sharing module's local API answers its health check (bounded). */
async function apiUp(port: number, deadlineMs: number): Promise<boolean> {
  while (Date.now() < deadlineMs) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return true;
    await sleep(300);
  }
  return false;
}

/** `OMDP_EDGE_UPSTREAM_MAX_BYTES`: the `$upstream` quota (a positive integer), else the hub's default. */
function upstreamMaxBytes(env: NodeJS.ProcessEnv = process.env): { upstreamMaxBytes?: number } {
  const raw = env.OMDP_EDGE_UPSTREAM_MAX_BYTES;
  if (raw === undefined || raw === "") return {};
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) {
    log.warn("OMDP_EDGE_UPSTREAM_MAX_BYTES is not a positive integer; the default applies", { value: raw });
    return {};
  }
  return { upstreamMaxBytes: n };
}

async function main(): Promise<void> {
  usePrivateUmask();
  const cfg = platformFromEnv();
  const startEdgeHub = await importOrMissing<StartEdgeHub>(
    "../edgehub",
    "startEdgeHub",
    "local edge hub (simulator/src/edgehub startEdgeHub)",
  );
  const hub = await startEdgeHub({
    dataDir: cfg.dataDir,
    deviceId: cfg.edge.deviceId,
    mqttPort: cfg.ports.edgeMqtt,
    adminPort: cfg.ports.edgeAdmin,
    apiPort: cfg.ports.edgeApi,
    ...upstreamMaxBytes(),
    // restarts of this component by the platform supervisor (omdp_edge_hub_restarts_total on /metrics)
    ...(Number.isSafeInteger(Number(process.env.OMDP_COMPONENT_RESTARTS))
      ? { hubRestarts: Number(process.env.OMDP_COMPONENT_RESTARTS) }
      : {}),
    ...(cfg.detached
      ? { upstreamUrl: undefined }
      : { upstreamUrl: `http://127.0.0.1:${cfg.ports.cloud}/runtime/ingest` }),
    households: cfg.households.map((h) => ({
      id: h.id,
      timeZone: h.timeZone,
      meters: h.meters.map((m) => ({ id: m.id, ...(m.role ? { role: m.role } : {}) })),
    })),
    // The reader module (listen mode: the DLMS meters push) reads the simulator's M-Bus/TCP gateway with
    // the simulator's keys. Meter ids of the form KFM1000000001 are their system titles, so pushes map to
    // the configured ids without further configuration.
    moduleEnv: {
      OMDP_READER_TCP: `127.0.0.1:${cfg.ports.simTcp}`,
      OMDP_READER_KEYS_FILE: join(cfg.dataDir, "keys.json"),
      OMDP_READER_MODE: "listen",
    },
  });
  let leaf: MbusLeaf | undefined;
  let lineLeaf: LineLeaf | undefined;
  onShutdown(log, async () => {
    await leaf?.stop().catch(() => {});
    await lineLeaf?.stop().catch(() => {});
    await hub.close();
  });
  const deadline = Date.now() + 45_000;
  const up = await apiUp(cfg.ports.edgeApi, deadline);
  const token = up ? await edgeToken(hub, deadline) : "";
  try {
    leaf = await startMbusLeaf(hub, cfg, log.child("mbusLeaf"));
  } catch (err) {
    log.warn("the M-Bus leaf reader did not start; M-Bus meters are not read", {
      error: (err as Error).message,
    });
  }
  try {
    lineLeaf = await startLineLeaf(hub, cfg, log.child("lineLeaf"));
  } catch (err) {
    log.warn("the P1/SML/D0 line readers did not start; those meters are not read", {
      error: (err as Error).message,
    });
  }
  const modules = hub.modules().map((m) => `${m.name}${m.running ? "" : " (not running)"}`);
  log.info("edge running", {
    apiPort: cfg.ports.edgeApi,
    api: up ? "up" : "not answering",
    modules,
    upstream: cfg.detached ? "none (detached)" : "cloud",
  });
  tell({ type: "ready", info: { apiPort: cfg.ports.edgeApi, edgeToken: token, api: up, modules } });
}

main().catch((err) => fail(log, err));
