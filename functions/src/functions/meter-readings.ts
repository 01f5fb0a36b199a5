import type { z } from "zod";
import { checkRange, meterFor } from "../http/access";
import { type RouteDef, registerHttp } from "../http/route";
import { MeterIdParams, ReadingsPage, ReadingsQuery, range } from "../http/schemas";
import { apiInterval } from "../series/types";

/** Longest range per resolution (days): bounds what one request can ask for. */
const MAX_DAYS = { PT15M: 93, PT1H: 400, P1D: 3700, P1M: 3700 } as const;

/** GET /api/meters/{id}/readings: intervals or rollups, oldest first, paged with a continuation token. */
export const meterReadings: RouteDef<z.infer<typeof MeterIdParams>, z.infer<typeof ReadingsQuery>> = {
  name: "meterReadings",
  method: "GET",
  route: "meters/{id}/readings",
  summary: "A meter's time series at PT15M, PT1H, P1D or P1M",
  roles: ["household", "admin"],
  params: MeterIdParams,
  query: ReadingsQuery,
  response: ReadingsPage,
  handle: async ({ services, principal, params, query }) => {
    const meter = await meterFor(services, principal, params.id);
    const r = range(query, 86_400_000);
    checkRange(r, MAX_DAYS[query.resolution]);
    const page = await services.store.querySeries({
      meterId: meter.id,
      resolution: query.resolution,
      from: r.from,
      to: r.to,
      limit: query.limit,
      ...(query.continuationToken ? { continuationToken: query.continuationToken } : {}),
    });
    return {
      body: {
        meterId: meter.id,
        resolution: query.resolution,
        items: page.items.map(apiInterval),
        ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
      },
    };
  },
};

registerHttp(meterReadings);
