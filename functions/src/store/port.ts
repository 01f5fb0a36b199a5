import type { Event, MeterReading, PropertyValue } from "@omdp/model";
import type { IntervalWrite, SeriesResolution, SeriesRow } from "../series/types";

/** The meter registry entry: which household a meter belongs to and which edge device may send for it. */
export interface MeterRecord {
  readonly id: string;
  readonly householdId: string;
  readonly deviceId: string;
  readonly timeZone: string;
  readonly updatedAt: string;
  /** `sub`: measures part of a main meter of the household (household costs leave it out); default main. */
  readonly role?: "main" | "sub";
}

/** A meter's latest values, kept at ingest (no scans at query time). Times are data times, not wall time. */
export interface LatestValues {
  readonly meterId: string;
  readonly householdId: string;
  readonly updatedAt: string;
  readonly reading?: { readonly readingTime: string; readonly values: readonly PropertyValue[] };
  readonly interval?: SeriesRow;
}

export interface StoredReading {
  readonly householdId: string;
  readonly reading: MeterReading;
}

export type StoredEvent = Event & { readonly householdId: string };

/** A message ingest could not accept, with the reason (parked, never blocking its batch). */
export interface DeadLetter {
  /** Deterministic (device, message id, body hash): a redelivered poison message is parked once. */
  readonly id: string;
  readonly deviceId: string;
  readonly receivedAt: string;
  readonly reason: string;
  readonly issues: readonly string[];
  readonly kind?: string;
  readonly meterId?: string;
  /** The raw body, truncated to 8 KiB. */
  readonly body: string;
}

export interface Page<T> {
  readonly items: T[];
  readonly continuationToken?: string;
}

/** Rows with `from <= start < to`, oldest first. */
export interface SeriesQuery {
  readonly meterId: string;
  readonly resolution: SeriesResolution;
  readonly from: number;
  readonly to: number;
  readonly limit: number;
  readonly continuationToken?: string;
}

export interface EventQuery {
  /** Undefined: every household (admin). */
  readonly householdIds?: readonly string[];
  readonly meterId?: string;
  readonly from: number;
  readonly to: number;
  readonly limit: number;
  readonly continuationToken?: string;
}

export interface ReadingQuery {
  readonly meterId: string;
  readonly from: number;
  readonly to: number;
  readonly limit: number;
  readonly continuationToken?: string;
}

/**
 * One household's electricity totals over one rollup bucket (input of the k-anonymous aggregates):
 * its electricity meters only (rows without a medium; water, heat, gas and HCA meters are not counted).
 */
export interface HouseholdBucket {
  readonly householdId: string;
  readonly start: number;
  readonly meters: number;
  readonly importWh: number;
  readonly exportWh: number;
  /** Sum of the household's meters' average power over the bucket (W); null without power data. */
  readonly powerAvgW: number | null;
}

/** One released cell of an hour: a group (`all` or a time zone) with >= k households. */
export interface AggregateCell {
  readonly group: string;
  readonly households: number;
  readonly importWh: number;
  readonly exportWh: number;
  /** Null when a contributor has no power data (the cell's power is withheld). */
  readonly powerAvgW: number | null;
}

/**
 * An hour of aggregates as released to analysts, once: it is never recomputed, so late data, new
 * and deleted households cannot be differenced out of repeated answers (see http/aggregate.ts).
 */
export interface AggregateRelease {
  /** The hour bucket's start (households' local hours; zones with a :30 offset have their own). */
  readonly start: number;
  readonly cells: readonly AggregateCell[];
  /** What was withheld: `all` (fewer than k households) and how many zones. */
  readonly withheld: { readonly all: boolean; readonly zones: number };
  readonly releasedAt: string;
}

export interface DeletionReport {
  meters: number;
  intervals: number;
  rollups: number;
  readings: number;
  latest: number;
  events: number;
  deadLetters: number;
}

/** A continuation token the store did not issue (reported as a 400 on `continuationToken`). */
export class InvalidContinuationError extends Error {
  readonly parameter = "continuationToken";
  constructor(readonly token: string) {
    super("continuationToken is not a token this API issued");
    this.name = "InvalidContinuationError";
  }
}

/**
 * The store port. Adapters: SQLite (embedded default, `sqlite.ts`) and Cosmos DB (`cosmos.ts`); both
 * pass `functions/test/store/contract.ts`. Every write is idempotent (deterministic ids, upserts whose
 * content depends only on the data), so a redelivered batch leaves the store unchanged.
 */
export interface Store {
  readonly kind: "sqlite" | "cosmos";
  putMeter(meter: MeterRecord): Promise<void>;
  getMeter(id: string): Promise<MeterRecord | undefined>;
  listMeters(filter?: { householdIds?: readonly string[] }): Promise<MeterRecord[]>;
  /** Upserts intervals, recomputes the hour/day/month rollups they touch, advances latest values. */
  writeIntervals(writes: readonly IntervalWrite[]): Promise<void>;
  /** Upserts raw readings and advances latest values. */
  writeReadings(readings: readonly StoredReading[]): Promise<void>;
  writeEvents(events: readonly StoredEvent[]): Promise<void>;
  park(letters: readonly DeadLetter[]): Promise<void>;
  listDeadLetters(limit: number): Promise<DeadLetter[]>;
  getLatest(meterId: string): Promise<LatestValues | undefined>;
  querySeries(q: SeriesQuery): Promise<Page<SeriesRow>>;
  queryReadings(q: ReadingQuery): Promise<Page<MeterReading>>;
  queryEvents(q: EventQuery): Promise<Page<StoredEvent>>;
  householdBuckets(q: { resolution: SeriesResolution; from: number; to: number }): Promise<HouseholdBucket[]>;
  /** Released hours with `from <= start < to`, oldest first. */
  getReleases(q: { from: number; to: number }): Promise<AggregateRelease[]>;
  /** Stores releases of hours not yet released; an hour already released keeps its first release. */
  putReleases(releases: readonly AggregateRelease[]): Promise<void>;
  /** Removes everything stored for a household (registry entries included) and counts it. */
  deleteHousehold(householdId: string): Promise<DeletionReport>;
  close(): Promise<void>;
}

export function encodeToken(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function decodeToken<T>(token: string, check: (v: unknown) => v is T): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    throw new InvalidContinuationError(token);
  }
  if (!check(value)) throw new InvalidContinuationError(token);
  return value;
}

/** The latest of two values by data time (ties keep the existing one: redelivery changes nothing). */
export function newerLatest(
  current: LatestValues | undefined,
  patch: { householdId: string; meterId: string; reading?: LatestValues["reading"]; interval?: SeriesRow },
): LatestValues {
  const reading =
    patch.reading &&
    (!current?.reading || Date.parse(patch.reading.readingTime) > Date.parse(current.reading.readingTime))
      ? patch.reading
      : current?.reading;
  const interval =
    patch.interval && (!current?.interval || patch.interval.end > current.interval.end)
      ? patch.interval
      : current?.interval;
  const times = [reading ? Date.parse(reading.readingTime) : 0, interval ? interval.end : 0];
  return {
    meterId: patch.meterId,
    householdId: patch.householdId,
    updatedAt: new Date(Math.max(...times)).toISOString(),
    ...(reading ? { reading } : {}),
    ...(interval ? { interval } : {}),
  };
}
