import type { z } from "zod";
import { type RouteDef, registerHttp } from "../http/route";
import { Meter, MeterIdParams, PutMeterBody } from "../http/schemas";

/** PUT /api/meters/{id} (admin): registers a meter to a household and the edge device that may send for it. */
export const meterPut: RouteDef<z.infer<typeof MeterIdParams>, unknown, z.infer<typeof PutMeterBody>> = {
  name: "meterPut",
  method: "PUT",
  route: "meters/{id}",
  summary: "Register or move a meter (admin)",
  roles: ["admin"],
  params: MeterIdParams,
  body: PutMeterBody,
  response: Meter,
  handle: async ({ services, params, body }) => {
    const meter = { id: params.id, ...body, updatedAt: new Date().toISOString() };
    await services.store.putMeter(meter);
    services.registry.invalidate(params.id);
    return { body: meter };
  },
};

registerHttp(meterPut);
