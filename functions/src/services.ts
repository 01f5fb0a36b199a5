import { createLogger, type Logger } from "@omdp/logger";
import { loadOrCreateLocalKey } from "./auth/local-keys";
import { type Authenticator, createAuthenticator } from "./auth/verify";
import { createExportTarget, type ExportTarget } from "./export/blob";
import { MeterRegistry } from "./ingest/registry";
import { readSettings, type Settings } from "./settings";
import { createStore } from "./store/factory";
import type { Store } from "./store/port";

/** Everything a handler needs, injected: the Functions host builds it from app settings, the local host its own. */
export interface Services {
  readonly settings: Settings;
  readonly store: Store;
  readonly registry: MeterRegistry;
  readonly auth: Authenticator;
  readonly exporter?: ExportTarget;
  readonly log: Logger;
}

let shared: Promise<Services> | undefined;

/** The services of the Azure Functions host, built once from `process.env` (app settings). */
export function getServices(): Promise<Services> {
  shared ??= (async () => {
    const settings = readSettings();
    const store = await createStore(settings);
    // Azure: Entra ID's JWKS. `func start` without AUTH_JWKS_URI: the local key (`omdp token` signs with it).
    const jwks = settings.auth.jwksUri
      ? { uri: settings.auth.jwksUri }
      : { keys: (await loadOrCreateLocalKey(settings.dataDir)).jwks };
    const exporter = createExportTarget(settings.export);
    return {
      settings,
      store,
      registry: new MeterRegistry(store, settings.registryCacheSeconds * 1000),
      auth: createAuthenticator({
        issuer: settings.auth.issuer,
        audience: settings.auth.audience,
        jwks,
      }),
      ...(exporter ? { exporter } : {}),
      log: createLogger("functions"),
    };
  })();
  return shared;
}
