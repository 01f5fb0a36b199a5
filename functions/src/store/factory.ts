import type { Settings } from "../settings";
import type { Store } from "./port";

/** The store the settings ask for. Cosmos is imported lazily: the embedded default needs no Azure SDK. */
export async function createStore(settings: Settings): Promise<Store> {
  if (settings.store === "sqlite") {
    const { SqliteStore } = await import("./sqlite");
    return new SqliteStore(settings.sqlitePath);
  }
  const { createCosmosStore } = await import("./cosmos");
  return createCosmosStore({
    endpoint: settings.cosmos.endpoint,
    database: settings.cosmos.database,
    ...(settings.cosmos.key ? { key: settings.cosmos.key } : {}),
    groupBy: settings.cosmos.groupBy,
    retentionDays: settings.retentionDays,
  });
}
