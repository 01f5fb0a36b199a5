import { type RouteDef, registerHttp } from "../http/route";
import { Health } from "../http/schemas";

/** GET /api/health: liveness plus a store round trip (no token). */
export const health: RouteDef = {
  name: "health",
  method: "GET",
  route: "health",
  summary: "Liveness and store reachability",
  roles: "public",
  response: Health,
  handle: async ({ services }) => {
    await services.store.getMeter("__health__");
    return { body: { status: "ok", store: services.store.kind, time: new Date().toISOString() } };
  },
};

registerHttp(health);
