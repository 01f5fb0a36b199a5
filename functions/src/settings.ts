import path from "node:path";

/**
 * Every app setting the functions read, as data: name, default and meaning. The Bicep templates and
 * `functions/local.settings.example.json` use exactly these names (a test keeps them in sync).
 */
export const SETTINGS = {
  OMDP_STORE: { default: "sqlite", doc: "Store adapter: `cosmos` (Azure) or `sqlite` (embedded default)." },
  SQLITE_PATH: { default: "", doc: "SQLite file for OMDP_STORE=sqlite (default `$OMDP_DATA_DIR/cloud.db`)." },
  OMDP_DATA_DIR: { default: ".data", doc: "Runtime state directory of the local host (db, JWT key)." },
  COSMOS_ENDPOINT: {
    default: "",
    doc: "Cosmos DB account endpoint, e.g. https://acct.documents.azure.com:443/.",
  },
  COSMOS_DATABASE: { default: "omdp", doc: "Cosmos DB database name." },
  COSMOS_KEY: {
    default: "",
    doc: "Account key: ONLY for the local emulator/tests. Empty in Azure (managed identity is used).",
  },
  COSMOS_GROUP_BY: {
    default: "true",
    doc: "Whether the Cosmos endpoint runs GROUP BY (false for emulators).",
  },
  IOTHUB_EVENTHUB_NAME: { default: "", doc: "Event Hub-compatible name of the IoT Hub built-in endpoint." },
  IOTHUB_CONSUMER_GROUP: { default: "omdp-ingest", doc: "Consumer group of the ingest function (its own)." },
  IotHubEventHub__fullyQualifiedNamespace: {
    default: "",
    doc: "Identity-based connection `IotHubEventHub`: the Event Hubs-compatible namespace host name.",
  },
  AUTH_ISSUER: {
    default: "omdp-local",
    doc: "Expected `iss` (Entra ID: https://login.microsoftonline.com/{tenant}/v2.0).",
  },
  AUTH_AUDIENCE: {
    default: "omdp-api",
    doc: "Expected `aud` (Entra ID: the API app's client id or App ID URI).",
  },
  AUTH_JWKS_URI: {
    default: "",
    doc: "JWKS URL (Entra ID: https://login.microsoftonline.com/{tenant}/discovery/v2.0/keys). Empty = local key.",
  },
  AGGREGATE_MIN_HOUSEHOLDS: {
    default: "10",
    doc: "k of k-anonymity: smallest group /api/aggregates returns.",
  },
  AGGREGATE_RELEASE_DELAY_HOURS: {
    default: "48",
    doc: "Hours after an hour ends before /api/aggregates releases it (once, never recomputed): data arriving later is not in aggregates.",
  },
  EXPORT_STORAGE_URL: {
    default: "",
    doc: "Blob service URL for exports (identity-based, user delegation SAS).",
  },
  EXPORT_STORAGE_CONNECTION_STRING: {
    default: "",
    doc: "Blob connection string: ONLY for Azurite/local (account-key SAS). Empty in Azure.",
  },
  EXPORT_CONTAINER: { default: "exports", doc: "Blob container of household exports." },
  EXPORT_SAS_MINUTES: { default: "15", doc: "Lifetime of the export download link (SAS), minutes." },
  RETENTION_INTERVALS_DAYS: {
    default: "1826",
    doc: "TTL of intervals (Cosmos day buckets; hours are computed from them), days; -1 keeps forever. 1826 = 5 years.",
  },
  RETENTION_ROLLUPS_DAYS: {
    default: "1826",
    doc: "TTL of day rollups (months are computed from them), days; -1 keeps forever. 1826 = 5 years.",
  },
  RETENTION_READINGS_DAYS: { default: "31", doc: "TTL of raw meter readings (days)." },
  RETENTION_EVENTS_DAYS: { default: "730", doc: "TTL of events/alerts (days)." },
  RETENTION_DEADLETTERS_DAYS: { default: "30", doc: "TTL of parked (dead-letter) messages (days)." },
  REGISTRY_CACHE_SECONDS: { default: "60", doc: "How long ingest caches a meter's registry entry." },
  TARIFFS_FILE: {
    default: "",
    doc: "JSON file mapping household ids to tariff files (`{\"hh-1\": \"at-dynamic.json\"}`; relative paths, and a tariff's relative `prices.file`, against the file's folder) for GET /api/meters/{id}/costs. Empty: the local platform's example tariffs by the meter's time zone (Europe/Vienna: examples/tariffs/at-dynamic.json, Europe/Brussels: be-flanders.json), as the edge's local profile.",
  },
  CORS_ORIGINS: {
    default: "http://127.0.0.1:7070,http://localhost:7070",
    doc: "Origins allowed by the local host (in Azure: the Function App CORS setting).",
  },
} as const;

export type SettingName = keyof typeof SETTINGS;

export interface Settings {
  readonly store: "sqlite" | "cosmos";
  readonly dataDir: string;
  readonly sqlitePath: string;
  readonly cosmos: { endpoint: string; database: string; key: string; groupBy: boolean };
  readonly auth: { issuer: string; audience: string; jwksUri: string };
  readonly aggregateMinHouseholds: number;
  readonly aggregateReleaseDelayHours: number;
  readonly export: { url: string; connectionString: string; container: string; sasMinutes: number };
  readonly retentionDays: {
    intervals: number;
    rollups: number;
    readings: number;
    events: number;
    deadletters: number;
  };
  readonly registryCacheSeconds: number;
  /** TARIFFS_FILE, absolute; "" for the local platform's example tariffs by time zone. */
  readonly tariffsFile: string;
  readonly corsOrigins: readonly string[];
}

export class SettingsError extends Error {
  constructor(
    readonly setting: SettingName,
    readonly value: string,
    readonly expected: string,
  ) {
    super(`app setting ${setting}=${JSON.stringify(value)}: expected ${expected}`);
    this.name = "SettingsError";
  }
}

/** Reads the settings from an environment (default `process.env`), applying the defaults above. */
export function readSettings(env: Record<string, string | undefined> = process.env): Settings {
  const get = (name: SettingName): string => {
    const v = env[name];
    return v === undefined || v === "" ? SETTINGS[name].default : v;
  };
  const int = (name: SettingName, min: number): number => {
    const raw = get(name);
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new SettingsError(name, raw, `an integer >= ${min}`);
    return n;
  };
  const store = get("OMDP_STORE");
  if (store !== "sqlite" && store !== "cosmos")
    throw new SettingsError("OMDP_STORE", store, "sqlite or cosmos");
  const dataDir = path.resolve(get("OMDP_DATA_DIR"));
  return {
    store,
    dataDir,
    sqlitePath: get("SQLITE_PATH") || path.join(dataDir, "cloud.db"),
    cosmos: {
      endpoint: get("COSMOS_ENDPOINT"),
      database: get("COSMOS_DATABASE"),
      key: get("COSMOS_KEY"),
      groupBy: get("COSMOS_GROUP_BY") !== "false",
    },
    auth: { issuer: get("AUTH_ISSUER"), audience: get("AUTH_AUDIENCE"), jwksUri: get("AUTH_JWKS_URI") },
    aggregateMinHouseholds: int("AGGREGATE_MIN_HOUSEHOLDS", 1),
    aggregateReleaseDelayHours: int("AGGREGATE_RELEASE_DELAY_HOURS", 0),
    export: {
      url: get("EXPORT_STORAGE_URL"),
      connectionString: get("EXPORT_STORAGE_CONNECTION_STRING"),
      container: get("EXPORT_CONTAINER"),
      sasMinutes: int("EXPORT_SAS_MINUTES", 1),
    },
    retentionDays: {
      intervals: int("RETENTION_INTERVALS_DAYS", -1),
      rollups: int("RETENTION_ROLLUPS_DAYS", -1),
      readings: int("RETENTION_READINGS_DAYS", -1),
      events: int("RETENTION_EVENTS_DAYS", -1),
      deadletters: int("RETENTION_DEADLETTERS_DAYS", -1),
    },
    registryCacheSeconds: int("REGISTRY_CACHE_SECONDS", 0),
    tariffsFile: get("TARIFFS_FILE") && path.resolve(get("TARIFFS_FILE")),
    corsOrigins: get("CORS_ORIGINS")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  };
}
