import type { z } from "zod";
import { checkRange, meterFor, scopeOf } from "../http/access";
import { type RouteDef, registerHttp } from "../http/route";
import { AlertsPage, AlertsQuery, range } from "../http/schemas";

/** GET /api/alerts: events of the caller's households (or one meter), oldest first, paged. */
export const alerts: RouteDef<unknown, z.infer<typeof AlertsQuery>> = {
  name: "alerts",
  method: "GET",
  route: "alerts",
  summary: "Alerts (events) of the caller's meters",
  roles: ["household", "admin"],
  query: AlertsQuery,
  response: AlertsPage,
  handle: async ({ services, principal, query }) => {
    const r = range(query, 7 * 86_400_000);
    checkRange(r, 400);
    if (query.meterId) await meterFor(services, principal, query.meterId);
    const households = scopeOf(principal);
    const page = await services.store.queryEvents({
      ...(households ? { householdIds: households } : {}),
      ...(query.meterId ? { meterId: query.meterId } : {}),
      from: r.from,
      to: r.to,
      limit: query.limit,
      ...(query.continuationToken ? { continuationToken: query.continuationToken } : {}),
    });
    const items = page.items.map(({ householdId: _h, ...event }) => event);
    return {
      body: { items, ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}) },
    };
  },
};

registerHttp(alerts);
