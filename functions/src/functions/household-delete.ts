import type { z } from "zod";
import { type RouteDef, registerHttp } from "../http/route";
import { DeletionResult, HouseholdIdParams } from "../http/schemas";

/** DELETE /api/households/{id}/data (admin): erases the household everywhere and reports the counts. */
export const householdDelete: RouteDef<z.infer<typeof HouseholdIdParams>> = {
  name: "householdDelete",
  method: "DELETE",
  route: "households/{id}/data",
  summary: "Delete all of a household's data, registry entries and exports (admin)",
  roles: ["admin"],
  params: HouseholdIdParams,
  response: DeletionResult,
  handle: async ({ services, params }) => {
    const report = await services.store.deleteHousehold(params.id);
    services.registry.invalidate();
    const exports = services.exporter ? await services.exporter.deletePrefix(`${params.id}/`) : 0;
    services.log.info("household data deleted", { householdId: params.id, ...report, exports });
    return { body: { householdId: params.id, deleted: { ...report, exports } } };
  },
};

registerHttp(householdDelete);
