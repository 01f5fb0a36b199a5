import type { z } from "zod";
import { meterFor } from "../http/access";
import { type RouteDef, registerHttp } from "../http/route";
import { Meter, MeterIdParams } from "../http/schemas";

/** GET /api/meters/{id}: one meter's registry entry. */
export const meterGet: RouteDef<z.infer<typeof MeterIdParams>> = {
  name: "meterGet",
  method: "GET",
  route: "meters/{id}",
  summary: "One meter",
  roles: ["household", "admin"],
  params: MeterIdParams,
  response: Meter,
  handle: async ({ services, principal, params }) => ({
    body: await meterFor(services, principal, params.id),
  }),
};

registerHttp(meterGet);
