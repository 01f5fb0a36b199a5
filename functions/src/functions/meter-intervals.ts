import { DEPRECATED_CLOUD_INTERVALS_PATH, INTERVALS_PATH, toInterval } from "@omdp/series";
import type { z } from "zod";
import { checkRange, meterFor } from "../http/access";
import { type RouteDef, registerHttp } from "../http/route";
import { IntervalsPage, IntervalsQuery, MeterIdParams, range } from "../http/schemas";

/** Longest range per resolution (days): bounds what one request can ask for. */
const MAX_DAYS = { PT15M: 93, PT1H: 400, P1D: 3700, P1M: 3700 } as const;

type Params = z.infer<typeof MeterIdParams>;
type Query = z.infer<typeof IntervalsQuery>;

const handle: RouteDef<Params, Query>["handle"] = async ({ services, principal, params, query }) => {
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
      items: page.items.map(toInterval),
      ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
    },
  };
};

const route = (path: string) => path.replace(/^\/api\//, "");

/** GET /api/meters/{id}/intervals: intervals and roll-ups, oldest first, paged (the edge serves the same). */
export const meterIntervals: RouteDef<Params, Query> = {
  name: "meterIntervals",
  method: "GET",
  route: route(INTERVALS_PATH),
  summary: "A meter's intervals at PT15M, PT1H, P1D or P1M",
  roles: ["household", "admin"],
  params: MeterIdParams,
  query: IntervalsQuery,
  response: IntervalsPage,
  handle,
};

/** GET /api/meters/{id}/readings: the former name of meterIntervals, kept answering (deprecated). */
export const meterReadings: RouteDef<Params, Query> = {
  ...meterIntervals,
  name: "meterReadings",
  route: route(DEPRECATED_CLOUD_INTERVALS_PATH),
  summary: "Deprecated alias of /api/meters/{id}/intervals (at the edge, /readings are raw readings)",
  deprecated: true,
  only: "cloud",
};

registerHttp(meterIntervals);
registerHttp(meterReadings);
