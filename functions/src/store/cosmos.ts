import type { Agent } from "node:http";
import {
  BulkOperationType,
  type Container,
  CosmosClient,
  type Database,
  type JSONObject,
  type OperationInput,
} from "@azure/cosmos";
import { DefaultAzureCredential } from "@azure/identity";
import type { MeterReading } from "@omdp/model";
import type { IntervalWrite, SeriesResolution, SeriesRow } from "../series/types";
import { COSMOS_CONTAINERS, type ContainerName } from "./cosmos-containers";
import { rowFromDoc, type SeriesDoc, safeId, withoutSystem } from "./cosmos-docs";
import { CosmosIo, pool } from "./cosmos-io";
import {
  eventsQuery,
  hourlyBucketsQuery,
  householdBucketsQuery,
  metersQuery,
  partitionIdsQuery,
  readingsQuery,
} from "./cosmos-query";
import { BucketSeries, type HourContribution, monthsOf } from "./cosmos-series";
import {
  type AggregateRelease,
  type DeadLetter,
  type DeletionReport,
  type EventQuery,
  type HouseholdBucket,
  type LatestValues,
  type MeterRecord,
  newerLatest,
  type Page,
  type ReadingQuery,
  type SeriesQuery,
  type Store,
  type StoredEvent,
  type StoredReading,
} from "./port";

export interface CosmosStoreOptions {
  readonly endpoint: string;
  readonly database: string;
  /** Account key: emulator/tests only. Without it the client uses DefaultAzureCredential (managed identity). */
  readonly key?: string;
  /** Real Cosmos DB runs GROUP BY; the in-process emulator does not. */
  readonly groupBy: boolean;
  readonly retentionDays: {
    intervals: number;
    rollups: number;
    readings: number;
    events: number;
    deadletters: number;
  };
  /** Create the database and containers if missing (emulator/tests; in Azure, Bicep creates them). */
  readonly createIfMissing?: boolean;
  /** HTTP agent (tests: the emulator's self-signed certificate, keep-alive). */
  readonly agent?: Agent;
  /** Concurrent meters in one write (default 16). */
  readonly concurrency?: number;
}

/** Hour contributions to aggregates: the release reads an hour once it is closed; kept a week. */
const HOURLY_TTL_SECONDS = 7 * 86_400;

const ttl = (days: number): number | undefined => (days > 0 ? days * 86_400 : undefined);

export async function createCosmosStore(opts: CosmosStoreOptions): Promise<CosmosStore> {
  const client = new CosmosClient({
    endpoint: opts.endpoint,
    ...(opts.key ? { key: opts.key } : { aadCredentials: new DefaultAzureCredential() }),
    ...(opts.agent ? { agent: opts.agent } : {}),
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  let database: Database;
  if (opts.createIfMissing ?? Boolean(opts.key)) {
    database = (await client.databases.createIfNotExists({ id: opts.database })).database;
    for (const spec of Object.values(COSMOS_CONTAINERS)) {
      await database.containers.createIfNotExists({
        id: spec.id,
        partitionKey: { paths: [spec.partitionKey] },
        indexingPolicy: spec.indexingPolicy,
        ...("retentionSetting" in spec ? { defaultTtl: -1 } : {}),
      });
    }
  } else {
    database = client.database(opts.database);
  }
  return new CosmosStore(client, database, opts);
}

/** The Cosmos DB for NoSQL adapter (see docs/cosmos-design.md for documents, keys and RU). */
export class CosmosStore implements Store {
  readonly kind = "cosmos" as const;
  private readonly c: Record<ContainerName, Container>;
  private readonly io: CosmosIo;
  private readonly series: BucketSeries;

  constructor(
    private readonly client: CosmosClient,
    database: Database,
    private readonly opts: CosmosStoreOptions,
  ) {
    this.c = Object.fromEntries(
      Object.entries(COSMOS_CONTAINERS).map(([name, spec]) => [name, database.container(spec.id)]),
    ) as Record<ContainerName, Container>;
    this.io = new CosmosIo(this.c);
    this.series = new BucketSeries(
      this.io,
      {
        intervals: ttl(opts.retentionDays.intervals),
        rollups: ttl(opts.retentionDays.rollups),
        hourly: HOURLY_TTL_SECONDS,
      },
      opts.concurrency ?? 16,
    );
  }

  // ---- registry ----

  async putMeter(m: MeterRecord): Promise<void> {
    await this.c.meters.items.upsert({ ...m, id: safeId(m.id), meterId: m.id });
  }

  async getMeter(id: string): Promise<MeterRecord | undefined> {
    const doc = await this.io.read<MeterRecord>("meters", safeId(id), safeId(id));
    return doc ? meterFromDoc(doc) : undefined;
  }

  async listMeters(filter?: { householdIds?: readonly string[] }): Promise<MeterRecord[]> {
    if (filter?.householdIds && filter.householdIds.length === 0) return [];
    const docs = await this.io.all<MeterRecord & { meterId?: string }>(
      "meters",
      metersQuery(filter?.householdIds),
    );
    return docs.map(meterFromDoc).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  // ---- writes ----

  async writeIntervals(writes: readonly IntervalWrite[]): Promise<void> {
    if (writes.length === 0) return;
    await this.series.write(writes);
    const newest = new Map<string, IntervalWrite>();
    for (const w of writes) {
      const seen = newest.get(w.meterId);
      if (!seen || w.end > seen.end) newest.set(w.meterId, w);
    }
    await pool([...newest.values()], this.opts.concurrency ?? 16, async (w) => {
      const { timeZone: _tz, ...interval } = w;
      await this.advanceLatest({ meterId: w.meterId, householdId: w.householdId, interval });
    });
  }

  private async advanceLatest(patch: Parameters<typeof newerLatest>[1]): Promise<void> {
    const id = safeId(patch.meterId);
    await this.io.rmw<LatestValues & { id: string }>("latest", id, patch.meterId, (cur) => ({
      id,
      ...newerLatest(cur, patch),
    }));
  }

  async writeReadings(readings: readonly StoredReading[]): Promise<void> {
    if (readings.length === 0) return;
    const keep = ttl(this.opts.retentionDays.readings);
    await this.io.bulk(
      "readings",
      readings.map(({ householdId, reading }): OperationInput => {
        const t = Date.parse(reading.readingTime);
        return {
          operationType: BulkOperationType.Upsert,
          partitionKey: reading.meterId,
          resourceBody: {
            id: String(t),
            meterId: reading.meterId,
            householdId,
            readingTimeMs: t,
            reading: reading as unknown as JSONObject,
            ...(keep ? { ttl: keep } : {}),
          },
        };
      }),
    );
    const newest = new Map<string, StoredReading>();
    for (const r of readings) {
      const seen = newest.get(r.reading.meterId);
      if (!seen || Date.parse(r.reading.readingTime) > Date.parse(seen.reading.readingTime)) {
        newest.set(r.reading.meterId, r);
      }
    }
    await pool([...newest.values()], this.opts.concurrency ?? 16, ({ householdId, reading }) =>
      this.advanceLatest({
        meterId: reading.meterId,
        householdId,
        reading: { readingTime: reading.readingTime, values: reading.values },
      }),
    );
  }

  async writeEvents(events: readonly StoredEvent[]): Promise<void> {
    if (events.length === 0) return;
    const keep = ttl(this.opts.retentionDays.events);
    await this.io.bulk(
      "events",
      events.map((e) => ({
        operationType: BulkOperationType.Upsert,
        partitionKey: e.householdId,
        resourceBody: {
          ...(e as unknown as Record<string, unknown>),
          id: safeId(e.id),
          eventId: e.id,
          atMs: Date.parse(e.at),
          ...(keep ? { ttl: keep } : {}),
        },
      })),
    );
  }

  async park(letters: readonly DeadLetter[]): Promise<void> {
    if (letters.length === 0) return;
    const keep = ttl(this.opts.retentionDays.deadletters);
    // Create, not upsert: a redelivered poison message keeps its first record (409 tolerated).
    await this.io.bulk(
      "deadletters",
      letters.map((d) => ({
        operationType: BulkOperationType.Create,
        partitionKey: d.deviceId,
        resourceBody: { ...(d as unknown as Record<string, unknown>), ...(keep ? { ttl: keep } : {}) },
      })),
      [409],
    );
  }

  async listDeadLetters(limit: number): Promise<DeadLetter[]> {
    const docs = await this.io.all<DeadLetter>("deadletters", { query: "SELECT * FROM c" });
    return docs
      .map((d) => {
        const { ttl: _t, ...rest } = withoutSystem(d as DeadLetter & { ttl?: number });
        return rest;
      })
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id))
      .slice(0, limit);
  }

  // ---- reads ----

  async getLatest(meterId: string): Promise<LatestValues | undefined> {
    const doc = await this.io.read<LatestValues & { id: string }>("latest", safeId(meterId), meterId);
    if (!doc) return undefined;
    const { id: _id, ...rest } = withoutSystem(doc);
    return rest;
  }

  async querySeries(q: SeriesQuery): Promise<Page<SeriesRow>> {
    return this.series.query(q, async () => (await this.getMeter(q.meterId))?.timeZone);
  }

  async queryReadings(q: ReadingQuery): Promise<Page<MeterReading>> {
    const page = await this.io.page<{ reading: MeterReading }>(
      "readings",
      readingsQuery(q.meterId, q.from, q.to),
      q.limit,
      q.continuationToken,
      q.meterId,
    );
    return { ...page, items: page.items.map((d) => d.reading) };
  }

  async queryEvents(q: EventQuery): Promise<Page<StoredEvent>> {
    if (q.householdIds && q.householdIds.length === 0) return { items: [] };
    const single = q.householdIds?.length === 1 ? q.householdIds[0] : undefined;
    const page = await this.io.page<StoredEvent & { eventId: string; atMs: number; ttl?: number }>(
      "events",
      eventsQuery(q),
      q.limit,
      q.continuationToken,
      single,
    );
    return {
      ...page,
      items: page.items.map((d) => {
        const { eventId, atMs: _a, ttl: _t, ...rest } = withoutSystem(d);
        return { ...rest, id: eventId };
      }),
    };
  }

  async householdBuckets(q: {
    resolution: SeriesResolution;
    from: number;
    to: number;
  }): Promise<HouseholdBucket[]> {
    type Row = {
      householdId: string;
      start: number;
      meters?: number;
      importWh: number;
      exportWh: number;
      powerAvgW?: number | null;
    };
    let rows: Row[];
    if (q.resolution === "P1M") {
      const zone = new Map((await this.listMeters()).map((m) => [m.id, m.timeZone]));
      // every meter's day rows around the range (cross-partition), months computed per meter
      const days = (
        await this.io.all<SeriesDoc>("series", {
          query: "SELECT * FROM c WHERE c.resolution = 'P1D' AND c.start >= @from AND c.start < @to",
          parameters: [
            { name: "@from", value: q.from - 32 * 86_400_000 },
            { name: "@to", value: q.to + 32 * 86_400_000 },
          ],
        })
      )
        .map(rowFromDoc)
        .filter((d) => d.medium === undefined); // electricity only, as the hours and days
      const byMeter = new Map<string, SeriesRow[]>();
      for (const d of days) byMeter.set(d.meterId, [...(byMeter.get(d.meterId) ?? []), d]);
      rows = [...byMeter]
        .flatMap(([m, ds]) => monthsOf(ds, zone.get(m) ?? "UTC"))
        .filter((r) => r.start >= q.from && r.start < q.to);
    } else {
      // PT1H: precomputed at ingest (each meter's hour totals in `hourly`); P1D: the day rows
      rows =
        q.resolution === "PT1H"
          ? await this.io.all<Row>("hourly", hourlyBucketsQuery(q.from, q.to, this.opts.groupBy))
          : await this.io.all<Row>(
              "series",
              householdBucketsQuery(q.resolution, q.from, q.to, this.opts.groupBy),
            );
      if (this.opts.groupBy) {
        return rows.map((r) => ({
          householdId: r.householdId,
          start: r.start,
          meters: r.meters ?? 0,
          importWh: r.importWh,
          exportWh: r.exportWh,
          powerAvgW: r.powerAvgW ?? null,
        }));
      }
    }
    const acc = new Map<string, HouseholdBucket & { powerAvgW: number | null }>();
    for (const r of rows) {
      const key = `${r.householdId}\u0000${r.start}`;
      const b = acc.get(key) ?? {
        householdId: r.householdId,
        start: r.start,
        meters: 0,
        importWh: 0,
        exportWh: 0,
        powerAvgW: null,
      };
      const p = r.powerAvgW ?? null;
      acc.set(key, {
        ...b,
        meters: b.meters + 1,
        importWh: b.importWh + r.importWh,
        exportWh: b.exportWh + r.exportWh,
        powerAvgW: p === null ? b.powerAvgW : (b.powerAvgW ?? 0) + p,
      });
    }
    return [...acc.values()].sort((a, b) => a.start - b.start || a.householdId.localeCompare(b.householdId));
  }

  // ---- privacy ----

  async getReleases(q: { from: number; to: number }): Promise<AggregateRelease[]> {
    // About 9,000 small documents a year, read by a range of `start` (indexed).
    const docs = await this.io.all<AggregateRelease & { id: string }>("releases", {
      query: "SELECT * FROM c WHERE c.start >= @from AND c.start < @to",
      parameters: [
        { name: "@from", value: q.from },
        { name: "@to", value: q.to },
      ],
    });
    return docs
      .map((d) => {
        const { id: _i, ...release } = withoutSystem(d);
        return release as AggregateRelease;
      })
      .sort((a, b) => a.start - b.start);
  }

  async putReleases(releases: readonly AggregateRelease[]): Promise<void> {
    if (releases.length === 0) return;
    // Create, not upsert: the first release of an hour stays (409 tolerated, never replaced).
    await this.io.bulk(
      "releases",
      releases.map((r) => ({
        operationType: BulkOperationType.Create,
        partitionKey: String(r.start),
        resourceBody: { ...(r as unknown as JSONObject), id: String(r.start) },
      })),
      [409],
    );
  }

  async deleteHousehold(householdId: string): Promise<DeletionReport> {
    const meters = await this.listMeters({ householdIds: [householdId] });
    const report: DeletionReport = {
      meters: 0,
      intervals: 0,
      rollups: 0,
      readings: 0,
      latest: 0,
      events: 0,
      deadLetters: 0,
    };
    const del = (pk: string) => (d: { id: string }) => ({
      operationType: BulkOperationType.Delete,
      id: d.id,
      partitionKey: pk,
    });
    for (const m of meters) {
      const series = await this.series.count(m.id, m.timeZone);
      report.intervals += series.intervals;
      report.rollups += series.rollups;
      await this.io.bulk(
        "series",
        series.ids.map((id) => del(m.id)({ id })),
        [404],
      );
      const hours = await this.io.all<HourContribution>("hourly", {
        query: "SELECT c.id, c.h FROM c WHERE c.meterId = @m",
        parameters: [{ name: "@m", value: m.id }],
      });
      await this.io.bulk(
        "hourly",
        hours.map((h) => del(h.h)(h)),
        [404],
      );
      const readings = await this.io.all<{ id: string }>(
        "readings",
        partitionIdsQuery("meterId", m.id),
        m.id,
      );
      report.readings += await this.io.bulk("readings", readings.map(del(m.id)), [404]);
      report.latest += await this.io.bulk("latest", [del(m.id)({ id: safeId(m.id) })], [404]);
      const letters = await this.io.all<{ id: string; deviceId: string }>("deadletters", {
        query: "SELECT c.id, c.deviceId FROM c WHERE c.meterId = @m",
        parameters: [{ name: "@m", value: m.id }],
      });
      for (const l of letters)
        report.deadLetters += await this.io.bulk("deadletters", [del(l.deviceId)(l)], [404]);
    }
    const events = await this.io.all<{ id: string }>(
      "events",
      partitionIdsQuery("householdId", householdId),
      householdId,
    );
    report.events += await this.io.bulk("events", events.map(del(householdId)), [404]);
    report.meters += await this.io.bulk(
      "meters",
      meters.map((m) => del(safeId(m.id))({ id: safeId(m.id) })),
      [404],
    );
    return report;
  }

  async close(): Promise<void> {
    this.client.dispose();
  }
}

function meterFromDoc(d: MeterRecord & { meterId?: string }): MeterRecord {
  return {
    id: d.meterId ?? d.id,
    householdId: d.householdId,
    deviceId: d.deviceId,
    timeZone: d.timeZone,
    updatedAt: d.updatedAt,
    ...(d.role === "sub" ? { role: "sub" as const } : {}),
  };
}
