/**
 * GET /api/households/{id}/costs in the cloud (HOUSEHOLD_COSTS_PATH of @omdp/tariffs, as the edge):
 * the quarter hours of the household's meters (the `meters` query, else every electricity meter
 * registered for it but its sub-meters, the registry's `role`) priced together under its tariff (TARIFFS_FILE or the example by the meters'
 * time zone, see costs.ts) - fixed fees once, the capacity peak on their summed import.
 */
import { COSTS_MAX_DAYS, type IntervalValues } from "@omdp/series";
import {
  capacityHistory,
  capacityWindow,
  HOUSEHOLD_COSTS_PATH,
  HouseholdCostPage,
  HouseholdCostQuery,
  householdCostMeters,
  householdCostPage,
  type MonthPeak,
} from "@omdp/tariffs";
import type { z } from "zod";
import { checkRange, householdFor } from "../http/access";
import { notFound } from "../http/problem";
import { type RouteDef, registerHttp } from "../http/route";
import { HouseholdIdParams } from "../http/schemas";
import { pricesOf, quarters, tariffFor, tariffProblem } from "./costs";

type Params = z.infer<typeof HouseholdIdParams>;
type Query = z.infer<typeof HouseholdCostQuery>;

const handle: RouteDef<Params, Query>["handle"] = async ({ services, principal, params, query }) => {
  const householdId = householdFor(principal, params.id);
  const r = { from: Date.parse(query.from), to: Date.parse(query.to) };
  checkRange(r, COSTS_MAX_DAYS);
  const registered = await services.store.listMeters({ householdIds: [householdId] });
  const first = registered[0];
  if (!first) throw notFound(`meters of household ${householdId}`);
  const located = tariffFor(services.settings, householdId, first.timeZone);
  if (!located) throw notFound(`tariff of household ${householdId}`);
  const known = registered.map((m) => m.id);
  const rows = new Map<string, IntervalValues[]>();
  for (const id of known) rows.set(id, await quarters(services.store, id, r.from, r.to));
  // a meter is electric unless its intervals carry a medium (water, heat, gas, HCA)
  const chosen = householdCostMeters(
    known,
    (m) => !rows.get(m)?.some((q) => q.medium !== undefined),
    query.meters,
    (m) => registered.find((r) => r.id === m)?.role === "sub",
  );
  if (!chosen.ok) throw tariffProblem(chosen.error);
  const prices = await pricesOf(located, services.settings.dataDir);
  if (prices && !prices.ok) throw tariffProblem(prices.error);
  const win = query.resolution === "P1M" ? capacityWindow(located.tariff, r.from) : undefined;
  let history: MonthPeak[] = [];
  if (win) {
    const earlier: IntervalValues[] = [];
    for (const id of chosen.value) earlier.push(...(await quarters(services.store, id, win.from, win.to)));
    const peaks = capacityHistory(located.tariff, earlier);
    if (!peaks.ok) throw tariffProblem(peaks.error);
    history = peaks.value;
  }
  const intervals = chosen.value.flatMap((id) => rows.get(id)!);
  const page = householdCostPage(householdId, chosen.value, located.tariff, intervals, query, {
    ...(prices ? { prices: prices.value } : {}),
    capacityHistory: history,
  });
  if (!page.ok) throw tariffProblem(page.error);
  return { body: page.value };
};

/** GET /api/households/{id}/costs: the household's meters priced together. */
export const householdCosts: RouteDef<Params, Query> = {
  name: "householdCosts",
  method: "GET",
  route: HOUSEHOLD_COSTS_PATH.replace(/^\/api\//, ""),
  summary: "A household's energy costs over several meters (fixed fees once, capacity on the summed import)",
  roles: ["household", "admin"],
  params: HouseholdIdParams,
  query: HouseholdCostQuery,
  response: HouseholdCostPage,
  handle,
};

registerHttp(householdCosts);
