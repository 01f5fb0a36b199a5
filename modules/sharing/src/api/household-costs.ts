/**
 * GET /api/households/{id}/costs at the edge (HOUSEHOLD_COSTS_PATH of @omdp/tariffs, the resource of
 * both APIs): the quarter hours of the household's meters (the `meters` query, else every electricity
 * meter of it but its sub-meters, `meters.{id}.role`) priced together under its tariff - fixed fees once, the capacity peak on their summed
 * import - by `householdCostPage`. Works detached, as the meter's resource.
 */
import { COSTS_MAX_DAYS, fromInterval } from "@omdp/series";
import {
  capacityHistory,
  capacityWindow,
  HOUSEHOLD_COSTS_PATH,
  HouseholdCostQuery,
  householdCostMeters,
  householdCostPage,
  type MonthPeak,
  type PricedInterval,
} from "@omdp/tariffs";
import { type DesiredConfig, householdOf, roleOf } from "../config";
import { tariffPricesAnywhere, tariffProblem } from "./costs";
import type { ApiDeps, Caller } from "./deps";
import { badParameter, invalidFields, issueParam, notFound } from "./errors";
import { sendJson } from "./http-io";
import type { Router } from "./router";

const DAY = 86_400_000;

/** The household's meters as the edge knows them: configured for it, or seen and defaulted to it. */
function householdMeters(cfg: DesiredConfig, seen: readonly string[], householdId: string): string[] {
  const ids = new Set([...Object.keys(cfg.meters), ...seen]);
  return [...ids].filter((m) => householdOf(cfg, m) === householdId);
}

export function addHouseholdCostRoutes(r: Router<Caller | undefined>, deps: ApiDeps, dataDir: string): void {
  r.add("GET", HOUSEHOLD_COSTS_PATH, async (c) => {
    const parsed = HouseholdCostQuery.safeParse(Object.fromEntries(c.url.searchParams.entries()));
    if (!parsed.success) throw invalidFields(parsed.error.issues.map(issueParam));
    const query = parsed.data;
    const from = Date.parse(query.from);
    const to = Date.parse(query.to);
    if (!(to > from)) throw badParameter("to", "must be after 'from'");
    if (to - from > COSTS_MAX_DAYS * DAY)
      throw badParameter("from", `range longer than ${COSTS_MAX_DAYS} days`);
    const householdId = c.params.id!;
    const cfg = deps.config();
    const tariff = cfg.households[householdId]?.tariff;
    if (!tariff) throw notFound(`tariff of household ${householdId}`);
    const tz = tariff.timeZone;
    const known = householdMeters(
      cfg,
      deps.store.meterIds.all().map((m) => m.meterId),
      householdId,
    );
    const rowsOf = (meterId: string, a: number, b: number) =>
      deps.store.intervals.query(meterId, "PT15M", a, b, tz);
    const rows = new Map(known.map((m) => [m, rowsOf(m, from, to)]));
    // a meter is electric unless its intervals carry a medium (water, heat, gas, HCA)
    const chosen = householdCostMeters(
      known,
      (m) => !rows.get(m)?.some((q) => q.medium !== undefined),
      query.meters,
      (m) => roleOf(cfg, m) === "sub",
    );
    if (!chosen.ok) throw tariffProblem(chosen.error);
    const prices = await tariffPricesAnywhere(tariff, dataDir);
    if (prices && !prices.ok) throw tariffProblem(prices.error);
    const intervals: PricedInterval[] = chosen.value.flatMap((m) => rows.get(m)!.map(fromInterval));
    const win = query.resolution === "P1M" ? capacityWindow(tariff, from) : undefined;
    let history: MonthPeak[] = [];
    if (win) {
      const earlier = capacityHistory(
        tariff,
        chosen.value.flatMap((m) => rowsOf(m, win.from, win.to).map(fromInterval)),
      );
      if (!earlier.ok) throw tariffProblem(earlier.error);
      history = earlier.value;
    }
    const page = householdCostPage(householdId, chosen.value, tariff, intervals, query, {
      ...(prices ? { prices: prices.value } : {}),
      capacityHistory: history,
    });
    if (!page.ok) throw tariffProblem(page.error);
    sendJson(c.res, 200, page.value);
  });
}
