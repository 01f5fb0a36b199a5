import type { z } from "zod";
import { isAdmin } from "../auth/principal";
import { type RouteDef, registerHttp } from "../http/route";
import { MeterList, MetersQuery } from "../http/schemas";

/** GET /api/meters: the caller's meters (admins: all, or one household with ?householdId). */
export const metersList: RouteDef<unknown, z.infer<typeof MetersQuery>> = {
  name: "metersList",
  method: "GET",
  route: "meters",
  summary: "List the meters the caller may see",
  roles: ["household", "admin"],
  query: MetersQuery,
  response: MeterList,
  handle: async ({ services, principal, query }) => {
    let households: readonly string[] | undefined = isAdmin(principal) ? undefined : principal.households;
    if (query.householdId) {
      households = households && !households.includes(query.householdId) ? [] : [query.householdId];
    }
    const items = await services.store.listMeters(households ? { householdIds: households } : undefined);
    return { body: { items } };
  },
};

registerHttp(metersList);
