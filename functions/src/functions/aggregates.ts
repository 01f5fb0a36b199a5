import type { z } from "zod";
import { checkRange } from "../http/access";
import { aggregateBuckets } from "../http/aggregate";
import { type RouteDef, registerHttp } from "../http/route";
import { AGGREGATE_PROPERTIES, Aggregates, AggregatesQuery } from "../http/schemas";

const MAX_DAYS = { PT1H: 93, P1D: 1100, P1M: 3700 } as const;

/**
 * GET /api/aggregates: totals over groups of households for processing applications. Only buckets
 * with at least k households (AGGREGATE_MIN_HOUSEHOLDS, default 10) are returned (k-anonymity).
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
    const k = services.settings.aggregateMinHouseholds;
    const rows = await services.store.householdBuckets({
      resolution: query.resolution,
      from: r.from,
      to: r.to,
    });
    const meters = query.group === "all" ? [] : await services.store.listMeters();
    const zoneOf = new Map(meters.map((m) => [m.householdId, m.timeZone]));
    const groupOf = (householdId: string) =>
      query.group === "all" ? "all" : (zoneOf.get(householdId) ?? "unknown");
    const result = aggregateBuckets(rows, AGGREGATE_PROPERTIES[query.property], groupOf, k);
    return {
      body: { property: query.property, resolution: query.resolution, group: query.group, k, ...result },
    };
  },
};

registerHttp(aggregates);
