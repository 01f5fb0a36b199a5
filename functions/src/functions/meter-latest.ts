import type { z } from "zod";
import { meterFor } from "../http/access";
import { type RouteDef, registerHttp } from "../http/route";
import { Latest, MeterIdParams } from "../http/schemas";
import { apiInterval } from "../series/types";

/** GET /api/meters/{id}/latest: the newest reading values and interval, kept at ingest (one point read). */
export const meterLatest: RouteDef<z.infer<typeof MeterIdParams>> = {
  name: "meterLatest",
  method: "GET",
  route: "meters/{id}/latest",
  summary: "A meter's latest values",
  roles: ["household", "admin"],
  params: MeterIdParams,
  response: Latest,
  handle: async ({ services, principal, params }) => {
    const meter = await meterFor(services, principal, params.id);
    const latest = await services.store.getLatest(meter.id);
    if (!latest) return { body: { meterId: meter.id, householdId: meter.householdId, updatedAt: null } };
    return {
      body: {
        meterId: meter.id,
        householdId: meter.householdId,
        updatedAt: latest.updatedAt,
        ...(latest.reading ? { reading: latest.reading } : {}),
        ...(latest.interval ? { interval: apiInterval(latest.interval) } : {}),
      },
    };
  },
};

registerHttp(meterLatest);
