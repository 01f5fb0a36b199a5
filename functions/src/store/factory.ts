import https from "node:https";
import type { Settings } from "../settings";
import type { Store } from "./port";

/** True for a Cosmos endpoint on this machine (an emulator with a self-signed certificate). */
export function isLocalEmulator(endpoint: string): boolean {
  try {
    return ["127.0.0.1", "localhost", "[::1]"].includes(new URL(endpoint).hostname);
  } catch {
    return false;
  }
}

/** The store the settings ask for. Cosmos is imported lazily: the embedded default needs no Azure SDK. */
export async function createStore(settings: Settings): Promise<Store> {
  if (settings.store === "sqlite") {
    const { SqliteStore } = await import("./sqlite");
    return new SqliteStore(settings.sqlitePath);
  }
  const { createCosmosStore } = await import("./cosmos");
  const { endpoint, key } = settings.cosmos;
  // Emulators on loopback use self-signed certificates; only there, and only with a key, is the
  // certificate not verified. Azure endpoints are always verified.
  const emulator = Boolean(key) && isLocalEmulator(endpoint);
  return createCosmosStore({
    endpoint,
    database: settings.cosmos.database,
    ...(key ? { key } : {}),
    groupBy: settings.cosmos.groupBy,
    retentionDays: settings.retentionDays,
    ...(emulator ? { agent: new https.Agent({ rejectUnauthorized: false, keepAlive: true }) } : {}),
  });
}
