import type { Agent } from "node:http";
import {
  BulkOperationType,
  type Container,
  CosmosClient,
  type Database,
  type JSONObject,
  type OperationInput,
  type SqlQuerySpec,
} from "@azure/cosmos";
import { DefaultAzureCredential } from "@azure/identity";
import type { MeterReading } from "@omdp/model";
import { type ChildSummary, levelsAbove, ROLLUP_LEVELS, type RollupKey, summarize } from "../series/rollup";
import type { IntervalWrite, SeriesResolution, SeriesRow } from "../series/types";
import { calendarBucket } from "../series/tz";
import { COSMOS_CONTAINERS, type ContainerName } from "./cosmos-containers";
import {
  fromSlot,
  rowFromDoc,
  type SeriesDoc,
  type Slot,
  safeId,
  seriesDoc,
  seriesDocId,
  toSlot,
  withoutSystem,
} from "./cosmos-docs";
import {
  eventsQuery,
  householdBucketsQuery,
  metersQuery,
  partitionIdsQuery,
  readingsQuery,
  seriesQuery,
} from "./cosmos-query";
import {
  type DeadLetter,
  type DeletionReport,
  decodeToken,
  type EventQuery,
  encodeToken,
  type HouseholdBucket,
  InvalidContinuationError,
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

/** A failed Cosmos operation, with the status code and what was being done (no keys, no bodies). */
export class CosmosStoreError extends Error {
  constructor(
    readonly operation: string,
    readonly statusCode: number | undefined,
  ) {
    super(`cosmos ${operation} failed (status ${statusCode ?? "unknown"})`);
    this.name = "CosmosStoreError";
  }
}

const statusOf = (err: unknown): number | undefined => (err as { code?: unknown }).code as number | undefined;
const ttl = (days: number): number | undefined => (days > 0 ? days * 86_400 : undefined);
const isCosmosCursor = (v: unknown): v is { c: string } =>
  typeof v === "object" && v !== null && typeof (v as { c: unknown }).c === "string";
const MAX_RMW_ATTEMPTS = 8;

async function pool<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(runners);
}

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

  constructor(
    private readonly client: CosmosClient,
    database: Database,
    private readonly opts: CosmosStoreOptions,
  ) {
    this.c = Object.fromEntries(
      Object.entries(COSMOS_CONTAINERS).map(([name, spec]) => [name, database.container(spec.id)]),
    ) as Record<ContainerName, Container>;
  }

  // ---- generic helpers ----

  private async read<T>(
    name: ContainerName,
    id: string,
    pk: string,
  ): Promise<(T & { _etag?: string }) | undefined> {
    try {
      const res = await this.c[name].item(id, pk).read<T & { _etag?: string }>();
      if (res.statusCode === 404) return undefined;
      return res.resource;
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw new CosmosStoreError(`read ${name}`, statusOf(err));
    }
  }

  /**
   * Bulk operations through `items.bulk` (at most 100 operations per call, each with its partition
   * key); statuses in `tolerate` (404 on delete, 409 on create) count as not done, others throw.
   */
  private async bulk(name: ContainerName, ops: OperationInput[], tolerate: number[] = []): Promise<number> {
    let done = 0;
    for (let i = 0; i < ops.length; i += 100) {
      let results: { statusCode: number }[];
      try {
        results = await this.c[name].items.bulk(ops.slice(i, i + 100), { continueOnError: true });
      } catch (err) {
        throw new CosmosStoreError(`bulk ${name}`, statusOf(err));
      }
      for (const r of results) {
        if (r.statusCode < 400) done++;
        else if (!tolerate.includes(r.statusCode)) throw new CosmosStoreError(`bulk ${name}`, r.statusCode);
      }
    }
    return done;
  }

  private async all<T>(name: ContainerName, spec: SqlQuerySpec, partitionKey?: string): Promise<T[]> {
    try {
      const it = this.c[name].items.query<T>(spec, partitionKey === undefined ? {} : { partitionKey });
      return (await it.fetchAll()).resources;
    } catch (err) {
      throw new CosmosStoreError(`query ${name}`, statusOf(err));
    }
  }

  private async page<T>(
    name: ContainerName,
    spec: SqlQuerySpec,
    limit: number,
    token: string | undefined,
    partitionKey?: string,
  ): Promise<Page<T>> {
    const continuationToken = token ? decodeToken(token, isCosmosCursor).c : undefined;
    try {
      const it = this.c[name].items.query<T>(spec, {
        maxItemCount: limit,
        ...(partitionKey === undefined ? {} : { partitionKey }),
        ...(continuationToken ? { continuationToken } : {}),
      });
      const items: T[] = [];
      let next: string | undefined;
      // One request can return fewer items than asked: keep fetching until the page is full (bounded).
      for (let i = 0; i < 50 && items.length < limit; i++) {
        const res = await it.fetchNext();
        items.push(...res.resources);
        next = res.continuationToken;
        if (!res.hasMoreResults || !next) {
          next = undefined;
          break;
        }
      }
      return next ? { items, continuationToken: encodeToken({ c: next }) } : { items };
    } catch (err) {
      if (statusOf(err) === 400 && token) throw new InvalidContinuationError(token);
      throw new CosmosStoreError(`query ${name}`, statusOf(err));
    }
  }

  /**
   * Read-modify-write with optimistic concurrency (If-Match on the etag; create when missing). The
   * mutation must be idempotent: a retry after a conflict applies it to the newer document.
   */
  private async rmw<T extends { id: string }>(
    name: ContainerName,
    id: string,
    pk: string,
    mutate: (current: T | undefined) => T,
  ): Promise<T> {
    for (let attempt = 0; attempt < MAX_RMW_ATTEMPTS; attempt++) {
      const current = await this.read<T>(name, id, pk);
      const base = current ? withoutSystem(current) : undefined;
      const next = mutate(base);
      if (base && JSON.stringify(base) === JSON.stringify(next)) return next;
      try {
        if (current?._etag) {
          await this.c[name]
            .item(id, pk)
            .replace(next, { accessCondition: { type: "IfMatch", condition: current._etag } });
        } else {
          await this.c[name].items.create(next);
        }
        return next;
      } catch (err) {
        const status = statusOf(err);
        if (status !== 412 && status !== 409) throw new CosmosStoreError(`write ${name}`, status);
      }
    }
    throw new CosmosStoreError(`write ${name} (contention)`, 412);
  }

  // ---- registry ----

  async putMeter(m: MeterRecord): Promise<void> {
    await this.c.meters.items.upsert({ ...m, id: safeId(m.id), meterId: m.id });
  }

  async getMeter(id: string): Promise<MeterRecord | undefined> {
    const doc = await this.read<MeterRecord>("meters", safeId(id), safeId(id));
    return doc ? meterFromDoc(doc) : undefined;
  }

  async listMeters(filter?: { householdIds?: readonly string[] }): Promise<MeterRecord[]> {
    if (filter?.householdIds && filter.householdIds.length === 0) return [];
    const docs = await this.all<MeterRecord & { meterId?: string }>(
      "meters",
      metersQuery(filter?.householdIds),
    );
    return docs.map(meterFromDoc).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  // ---- writes ----

  async writeIntervals(writes: readonly IntervalWrite[]): Promise<void> {
    if (writes.length === 0) return;
    const keep = ttl(this.opts.retentionDays.intervals);
    await this.bulk(
      "series",
      writes.map(
        (w): OperationInput => ({
          operationType: BulkOperationType.Upsert,
          partitionKey: w.meterId,
          resourceBody: seriesDoc(w, keep) as unknown as JSONObject,
        }),
      ),
    );
    const byMeter = new Map<string, IntervalWrite[]>();
    for (const w of writes) byMeter.set(w.meterId, [...(byMeter.get(w.meterId) ?? []), w]);
    await pool([...byMeter.values()], this.opts.concurrency ?? 16, (ws) => this.rollUpMeter(ws));
  }

  /** Sets the written intervals into their hour slots, the hours into days, the days into months. */
  private async rollUpMeter(writes: readonly IntervalWrite[]): Promise<void> {
    const first = writes[0]!;
    type Pending = {
      key: RollupKey;
      children: Map<number, { child: ChildSummary; registers: Record<string, number> }>;
    };
    const pending = new Map<SeriesResolution, Map<number, Pending>>();
    const add = (level: (typeof ROLLUP_LEVELS)[number], child: SeriesRow) => {
      const bucket = calendarBucket(child.start, first.timeZone, level.unit);
      let byStart = pending.get(level.resolution);
      if (!byStart) {
        byStart = new Map();
        pending.set(level.resolution, byStart);
      }
      let p = byStart.get(bucket.start);
      if (!p) {
        p = {
          key: {
            meterId: first.meterId,
            householdId: child.householdId,
            timeZone: first.timeZone,
            resolution: level.resolution,
            ...bucket,
          },
          children: new Map(),
        };
        byStart.set(bucket.start, p);
      }
      p.children.set(child.start, { child, registers: { ...child.registers } });
    };
    for (const w of writes) {
      const level = levelsAbove(w.resolution)[0];
      if (level) add(level, w);
    }
    // Hourly rollups live as long as the intervals; day and month rollups as long as RETENTION_ROLLUPS_DAYS.
    const keepHours = ttl(this.opts.retentionDays.intervals);
    const keepLonger = ttl(this.opts.retentionDays.rollups);
    for (const [i, level] of ROLLUP_LEVELS.entries()) {
      const keep = level.resolution === "PT1H" ? keepHours : keepLonger;
      const byStart = pending.get(level.resolution);
      if (!byStart) continue;
      for (const p of byStart.values()) {
        const doc = await this.rmw<SeriesDoc>(
          "series",
          seriesDocId(p.key.resolution, p.key.start),
          p.key.meterId,
          (cur) => {
            const slots: Record<string, Slot> = { ...(cur?.slots ?? {}) };
            let registers = cur?.registers ?? {};
            let registersEnd = cur?.registersEnd ?? Number.NEGATIVE_INFINITY;
            for (const { child, registers: r } of p.children.values()) {
              slots[String((child.start - p.key.start) / 60_000)] = toSlot(child);
              if (child.end >= registersEnd) {
                registers = r;
                registersEnd = child.end;
              }
            }
            const kids = Object.entries(slots)
              .map(([off, s]) => fromSlot(p.key.start, off, s))
              .sort((a, b) => a.start - b.start);
            const row = summarize(p.key, kids, registers);
            return { ...seriesDoc(row, keep), slots, registersEnd };
          },
        );
        const parent = ROLLUP_LEVELS[i + 1];
        if (parent) add(parent, rowFromDoc(doc));
      }
    }
    const newest = writes.reduce((a, b) => (b.end > a.end ? b : a));
    const { timeZone: _tz, ...interval } = newest;
    await this.advanceLatest({ meterId: newest.meterId, householdId: newest.householdId, interval });
  }

  private async advanceLatest(patch: Parameters<typeof newerLatest>[1]): Promise<void> {
    const id = safeId(patch.meterId);
    await this.rmw<LatestValues & { id: string }>("latest", id, patch.meterId, (cur) => ({
      id,
      ...newerLatest(cur, patch),
    }));
  }

  async writeReadings(readings: readonly StoredReading[]): Promise<void> {
    if (readings.length === 0) return;
    const keep = ttl(this.opts.retentionDays.readings);
    await this.bulk(
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
    await this.bulk(
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
    await this.bulk(
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
    const docs = await this.all<DeadLetter>("deadletters", { query: "SELECT * FROM c" });
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
    const doc = await this.read<LatestValues & { id: string }>("latest", safeId(meterId), meterId);
    if (!doc) return undefined;
    const { id: _id, ...rest } = withoutSystem(doc);
    return rest;
  }

  async querySeries(q: SeriesQuery): Promise<Page<SeriesRow>> {
    const page = await this.page<SeriesDoc>(
      "series",
      seriesQuery(q.meterId, q.resolution, q.from, q.to),
      q.limit,
      q.continuationToken,
      q.meterId,
    );
    return { ...page, items: page.items.map(rowFromDoc) };
  }

  async queryReadings(q: ReadingQuery): Promise<Page<MeterReading>> {
    const page = await this.page<{ reading: MeterReading }>(
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
    const page = await this.page<StoredEvent & { eventId: string; atMs: number; ttl?: number }>(
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
    const spec = householdBucketsQuery(q.resolution, q.from, q.to, this.opts.groupBy);
    type Row = {
      householdId: string;
      start: number;
      meters?: number;
      importWh: number;
      exportWh: number;
      powerAvgW?: number | null;
    };
    const rows = await this.all<Row>("series", spec);
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
      const series = await this.all<{ id: string; derived: boolean }>(
        "series",
        partitionIdsQuery("meterId", m.id),
        m.id,
      );
      report.intervals += await this.bulk("series", series.filter((s) => !s.derived).map(del(m.id)), [404]);
      report.rollups += await this.bulk("series", series.filter((s) => s.derived).map(del(m.id)), [404]);
      const readings = await this.all<{ id: string }>("readings", partitionIdsQuery("meterId", m.id), m.id);
      report.readings += await this.bulk("readings", readings.map(del(m.id)), [404]);
      report.latest += await this.bulk("latest", [del(m.id)({ id: safeId(m.id) })], [404]);
      const letters = await this.all<{ id: string; deviceId: string }>("deadletters", {
        query: "SELECT c.id, c.deviceId FROM c WHERE c.meterId = @m",
        parameters: [{ name: "@m", value: m.id }],
      });
      for (const l of letters)
        report.deadLetters += await this.bulk("deadletters", [del(l.deviceId)(l)], [404]);
    }
    const events = await this.all<{ id: string }>(
      "events",
      partitionIdsQuery("householdId", householdId),
      householdId,
    );
    report.events += await this.bulk("events", events.map(del(householdId)), [404]);
    report.meters += await this.bulk(
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
  };
}
