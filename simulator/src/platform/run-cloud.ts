/**
 * Component: the local cloud (the Functions handlers on 127.0.0.1, SQLite by default, Cosmos DB when
 * COSMOS_ENDPOINT is set). Registers the configured meters to their households and the edge device, and
 * hands the supervisor a dev token per household (for the app on this machine).
 */
import { meterRegistry } from "./config";
import { usePrivateUmask } from "./dataDir";
import { fail, importOrMissing, onShutdown, platformFromEnv, runnerLogger, tell } from "./runner";

const log = runnerLogger("cloud");

interface CloudHostLike {
  readonly port: number;
  readonly url: string;
  issueToken(req: { sub: string; role: string; households?: string[]; ttl?: string }): Promise<string>;
  stop(): Promise<void>;
}

type StartCloudHost = (opts: Record<string, unknown>) => Promise<CloudHostLike>;

async function main(): Promise<void> {
  usePrivateUmask();
  const cfg = platformFromEnv();
  const startCloudHost = await importOrMissing<StartCloudHost>(
    "../cloudhost",
    "startCloudHost",
    "local cloud host (simulator/src/cloudhost startCloudHost)",
  );
  const env: Record<string, string | undefined> = { ...process.env, OMDP_DATA_DIR: cfg.dataDir };
  // Cosmos DB when COSMOS_ENDPOINT is set (unless OMDP_STORE says otherwise); SQLite otherwise.
  if (cfg.cosmosEndpoint && !env.OMDP_STORE) env.OMDP_STORE = "cosmos";
  const host = await startCloudHost({ port: cfg.ports.cloud, host: "127.0.0.1", env });
  onShutdown(log, () => host.stop());
  const admin = await host.issueToken({ sub: "omdp-start", role: "admin", ttl: "12h" });
  // The meter registry: which household each meter belongs to and which edge device may send for it.
  const tz = new Map(cfg.households.map((h) => [h.id, h.timeZone]));
  for (const m of meterRegistry(cfg)) {
    const res = await fetch(`${host.url}/api/meters/${encodeURIComponent(m.meterId)}`, {
      method: "PUT",
      headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
      body: JSON.stringify({
        householdId: m.householdId,
        deviceId: cfg.edge.deviceId,
        timeZone: tz.get(m.householdId),
      }),
    });
    if (!res.ok)
      throw new Error(`registering meter ${m.meterId} failed: HTTP ${res.status} ${await res.text()}`);
  }
  const tokens: Record<string, string> = {};
  for (const h of cfg.households) {
    tokens[h.id] = await host.issueToken({
      sub: `dashboard-${h.id}`,
      role: "household",
      households: [h.id],
      ttl: "12h",
    });
  }
  log.info("cloud running", {
    url: host.url,
    store: env.OMDP_STORE ?? "sqlite",
    meters: meterRegistry(cfg).length,
  });
  tell({ type: "ready", info: { port: host.port, url: host.url, tokens, adminToken: admin } });
}

main().catch((err) => fail(log, err));
