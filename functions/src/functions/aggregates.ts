import type { z } from "zod";
import { checkRange } from "../http/access";
import { answerFromReleases, closedBefore, releaseHour } from "../http/aggregate";
import { type RouteDef, registerHttp } from "../http/route";
import { AGGREGATE_PROPERTIES, Aggregates, AggregatesQuery } from "../http/schemas";
import type { Services } from "../services";
import type { AggregateRelease, HouseholdBucket } from "../store/port";

const MAX_DAYS = { PT1H: 93, P1D: 400, P1M: 1100 } as const;
const HOUR = 3_600_000;
/** How far past `to` the hours of the last bucket reach (a local day is at most 25 h, a month 31 d). */
const BUCKET_REACH = { PT1H: 0, P1D: 26 * HOUR, P1M: 32 * 24 * HOUR } as const;

/**
 * The released hours of [from, to): hours already released as they were, closed hours not yet
 * released are released now (first writer wins: the stored release is what is answered).
 */
export async function releasedHours(
  services: Services,
  from: number,
  to: number,
  closedAt: number,
): Promise<AggregateRelease[]> {
  const { store, settings } = services;
  const have = await store.getReleases({ from, to });
  const known = new Set(have.map((r) => r.start));
  const rows = (await store.householdBuckets({ resolution: "PT1H", from, to })).filter(
    (r) => !known.has(r.start) && r.start + HOUR <= closedAt,
  );
  if (rows.length === 0) return have;
  const zoneOf = new Map((await store.listMeters()).map((m) => [m.householdId, m.timeZone]));
  const byStart = new Map<number, HouseholdBucket[]>();
  for (const row of rows) byStart.set(row.start, [...(byStart.get(row.start) ?? []), row]);
  const now = new Date().toISOString();
  const fresh = [...byStart].map(([start, hourRows]) =>
    releaseHour(start, hourRows, (h) => zoneOf.get(h) ?? "unknown", settings.aggregateMinHouseholds, now),
  );
  await store.putReleases(fresh);
  return store.getReleases({ from, to });
}

/**
 * GET /api/aggregates: totals over groups of households for processing applications, answered only
 * from released hours (see http/aggregate.ts and docs/cloud.md, "Privacy of aggregates").
 */
export const aggregates: RouteDef<unknown, z.infer<typeof AggregatesQuery>> = {
  name: "aggregates",
  method: "GET",
  route: "aggregates",
  summary: "k-anonymous aggregates over groups of households (analyst, admin)",
  roles: ["analyst", "admin"],
  query: AggregatesQuery,
  response: Aggregates,
  handle: async ({ services, query }) => {
    const r = { from: Date.parse(query.from), to: Date.parse(query.to) };
    checkRange(r, MAX_DAYS[query.resolution]);
    const closed = closedBefore(Date.now(), services.settings.aggregateReleaseDelayHours);
    const hoursTo = Math.min(r.to + BUCKET_REACH[query.resolution], closed);
    const releases = hoursTo > r.from ? await releasedHours(services, r.from, hoursTo, closed) : [];
    const result = answerFromReleases(releases, {
      resolution: query.resolution,
      group: query.group,
      field: AGGREGATE_PROPERTIES[query.property],
      from: r.from,
      to: r.to,
      closedBefore: closed,
    });
    const k = services.settings.aggregateMinHouseholds;
    return {
      body: { property: query.property, resolution: query.resolution, group: query.group, k, ...result },
    };
  },
};

registerHttp(aggregates);
