import type { IndexingPolicy } from "@azure/cosmos";

/**
 * The Cosmos DB containers, as data: the Bicep templates and docs/cosmos-design.md read these names,
 * partition keys, indexing policies and TTL settings. Indexing is opt-in (`/*` excluded): each
 * container indexes only the paths its queries filter or sort on, which keeps writes cheap.
 */
export interface ContainerSpec {
  readonly id: string;
  readonly partitionKey: string;
  readonly indexingPolicy: IndexingPolicy;
  /** App setting giving the retention in days (container default TTL -1 enables per-item `ttl`). */
  readonly retentionSetting?: string;
  readonly purpose: string;
}

const only = (...paths: string[]): IndexingPolicy => ({
  indexingMode: "consistent",
  automatic: true,
  includedPaths: paths.map((path) => ({ path: `${path}/?` })),
  excludedPaths: [{ path: "/*" }, { path: '/"_etag"/?' }],
});

export const COSMOS_CONTAINERS = {
  meters: {
    id: "meters",
    partitionKey: "/id",
    indexingPolicy: only("/householdId"),
    purpose: "meter registry: meterId -> householdId, deviceId, timeZone (point read at ingest, cached)",
  },
  series: {
    id: "series",
    partitionKey: "/meterId",
    indexingPolicy: only("/kind", "/resolution", "/start", "/householdId"),
    retentionSetting: "RETENTION_INTERVALS_DAYS (day buckets) / RETENTION_ROLLUPS_DAYS (day rows), per item",
    purpose:
      "day buckets (one per meter and local day: every interval as received, in columns) and day roll-up rows; hours and months are computed from them when read",
  },
  hourly: {
    id: "hourly",
    partitionKey: "/h",
    indexingPolicy: only("/start", "/meterId"),
    retentionSetting: "7 days, per item (fixed: the hourly release reads an hour once it is closed)",
    purpose:
      "each meter's totals per local hour (id = meter, partition = the hour): the input of the hourly aggregate release",
  },
  readings: {
    id: "readings",
    partitionKey: "/meterId",
    indexingPolicy: only("/readingTimeMs"),
    retentionSetting: "RETENTION_READINGS_DAYS",
    purpose: "raw MeterReadings (only when a household consents to raw upload)",
  },
  latest: {
    id: "latest",
    partitionKey: "/meterId",
    indexingPolicy: {
      indexingMode: "consistent",
      automatic: true,
      includedPaths: [],
      excludedPaths: [{ path: "/*" }],
    },
    purpose: "each meter's latest reading values and interval (one point read per /latest)",
  },
  events: {
    id: "events",
    partitionKey: "/householdId",
    indexingPolicy: only("/atMs", "/meterId"),
    retentionSetting: "RETENTION_EVENTS_DAYS",
    purpose: "alerts (Event) per household",
  },
  deadletters: {
    id: "deadletters",
    partitionKey: "/deviceId",
    indexingPolicy: only("/meterId", "/receivedAt"),
    retentionSetting: "RETENTION_DEADLETTERS_DAYS",
    purpose: "parked messages with the reason (invalid, or meter not registered to the sending device)",
  },
  releases: {
    id: "releases",
    partitionKey: "/id",
    indexingPolicy: only("/start"),
    purpose:
      "released aggregate hours: id = the hour's start (one small document an hour, written once, never updated)",
  },
} as const satisfies Record<string, ContainerSpec>;

export type ContainerName = keyof typeof COSMOS_CONTAINERS;
