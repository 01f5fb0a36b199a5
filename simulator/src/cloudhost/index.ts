import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import {
  createAuthenticator,
  createExportTarget,
  createStore,
  loadOrCreateLocalKey,
  MeterRegistry,
  ROUTE_TABLE,
  type Role,
  readSettings,
  type Services,
  type Settings,
  SqliteStore,
  type Store,
  signLocalToken,
} from "@omdp/functions";
import { createLogger, type Logger } from "@omdp/logger";
import { loadPlatformConfig, registryFromConfig } from "./config";
import { cloudMetrics } from "./metrics";
import { createHandler } from "./server";

export { DEFAULT_CONFIG, loadPlatformConfig, type PlatformConfig, registryFromConfig } from "./config";

export interface CloudHostOptions {
  /** Default `OMDP_CLOUD_PORT` or 7071; 0 picks a free port (tests). */
  readonly port?: number;
  /** Default 127.0.0.1 (the local host never listens beyond loopback unless asked). */
  readonly host?: string;
  /** App settings (names as in functions/local.settings.example.json); default `process.env`. */
  readonly env?: Record<string, string | undefined>;
  /** An already-open store to serve (tests inject the Cosmos adapter); default from the settings. */
  readonly store?: Store;
  /** Platform config to seed the meter registry from; default `./omdp.config.json` (if present). */
  readonly configPath?: string;
  readonly log?: Logger;
}

export interface CloudHost {
  readonly port: number;
  readonly url: string;
  readonly store: Store;
  readonly settings: Settings;
  /** Signs a token this host accepts (what `omdp token` prints). */
  issueToken(req: { sub: string; role: Role; households?: string[]; ttl?: string }): Promise<string>;
  stop(): Promise<void>;
}

/** Starts the local Functions host: the same handlers as Azure, on 127.0.0.1:7071 by default. */
export async function startCloudHost(opts: CloudHostOptions = {}): Promise<CloudHost> {
  const env = opts.env ?? process.env;
  const settings = readSettings(env);
  const log = opts.log ?? createLogger("cloudhost");
  const store = opts.store ?? (await createStore(settings));
  const ownsStore = !opts.store;
  const key = await loadOrCreateLocalKey(settings.dataDir);
  const auth = settings.auth.jwksUri
    ? createAuthenticator({
        issuer: settings.auth.issuer,
        audience: settings.auth.audience,
        jwks: { uri: settings.auth.jwksUri },
      })
    : createAuthenticator({
        issuer: settings.auth.issuer,
        audience: settings.auth.audience,
        jwks: { keys: key.jwks },
      });
  const exporter = createExportTarget(settings.export);
  const services: Services = {
    settings,
    store,
    registry: new MeterRegistry(store, settings.registryCacheSeconds * 1000),
    auth,
    ...(exporter ? { exporter } : {}),
    log,
  };

  const config = loadPlatformConfig(opts.configPath ?? path.resolve("omdp.config.json"));
  const now = new Date().toISOString();
  for (const m of registryFromConfig(config)) {
    const existing = await store.getMeter(m.id);
    // a registry from before the meter role learns it from the config
    if (!existing || (existing.role === "sub") !== (m.role === "sub"))
      await store.putMeter({ ...m, updatedAt: now });
  }

  // Retention: Cosmos DB expires items by TTL; the embedded store purges at start and then hourly.
  let purgeTimer: NodeJS.Timeout | undefined;
  if (store instanceof SqliteStore) {
    const purge = () => {
      const removed = store.purgeExpired(settings.retentionDays);
      if (removed > 0) log.info("retention purge", { removed });
    };
    purge();
    purgeTimer = setInterval(purge, 3_600_000);
    purgeTimer.unref();
  }

  // GET /metrics: ingest rate, parked messages, API latency (metrics.ts)
  const server = http.createServer(createHandler(services, ROUTE_TABLE, cloudMetrics()));
  server.keepAliveTimeout = 5_000;
  const port = opts.port ?? Number(env.OMDP_CLOUD_PORT || 7071);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, opts.host ?? "127.0.0.1", () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  const url = `http://${opts.host ?? "127.0.0.1"}:${bound}`;
  log.info("cloud host listening", { url, store: store.kind, meters: registryFromConfig(config).length });
  return {
    port: bound,
    url,
    store,
    settings,
    issueToken: (req) =>
      signLocalToken(key, { ...req, issuer: settings.auth.issuer, audience: settings.auth.audience }),
    async stop() {
      if (purgeTimer) clearInterval(purgeTimer);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (ownsStore) await store.close();
    },
  };
}
