import type { z } from "zod";
import { checkRange, householdFor } from "../http/access";
import { type RouteDef, registerHttp } from "../http/route";
import { HouseholdIdParams, RangeQuery, Summary } from "../http/schemas";
import type { Store } from "../store/port";

interface Totals {
  energyImportedWh: number;
  energyExportedWh: number;
  powerMaxW: number | null;
  hours: number;
}

/** Sums a meter's hourly rollups over a range (pages through them; a year is 8,760 rows). */
async function meterTotals(store: Store, meterId: string, from: number, to: number): Promise<Totals> {
  const t: Totals = { energyImportedWh: 0, energyExportedWh: 0, powerMaxW: null, hours: 0 };
  let token: string | undefined;
  for (let page = 0; page < 100; page++) {
    const res = await store.querySeries({
      meterId,
      resolution: "PT1H",
      from,
      to,
      limit: 5000,
      ...(token ? { continuationToken: token } : {}),
    });
    for (const row of res.items) {
      t.energyImportedWh += row.importWh;
      t.energyExportedWh += row.exportWh;
      if (row.powerMaxW !== null) t.powerMaxW = Math.max(t.powerMaxW ?? row.powerMaxW, row.powerMaxW);
      t.hours += (row.end - row.start) / 3_600_000;
    }
    token = res.continuationToken;
    if (!token) break;
  }
  return t;
}

/** GET /api/households/{id}/summary: energy totals and peak power per meter and for the household. */
export const householdSummary: RouteDef<z.infer<typeof HouseholdIdParams>, z.infer<typeof RangeQuery>> = {
  name: "householdSummary",
  method: "GET",
  route: "households/{id}/summary",
  summary: "A household's energy totals over a range (from hourly rollups)",
  roles: ["household", "admin"],
  params: HouseholdIdParams,
  query: RangeQuery,
  response: Summary,
  handle: async ({ services, principal, params, query }) => {
    const householdId = householdFor(principal, params.id);
    const r = { from: Date.parse(query.from), to: Date.parse(query.to) };
    checkRange(r, 400);
    const meters = await services.store.listMeters({ householdIds: [householdId] });
    const perMeter = [];
    const totals: Totals = { energyImportedWh: 0, energyExportedWh: 0, powerMaxW: null, hours: 0 };
    for (const m of meters) {
      const t = await meterTotals(services.store, m.id, r.from, r.to);
      perMeter.push({ meterId: m.id, ...t });
      totals.energyImportedWh += t.energyImportedWh;
      totals.energyExportedWh += t.energyExportedWh;
      totals.hours = Math.max(totals.hours, t.hours);
      if (t.powerMaxW !== null) totals.powerMaxW = Math.max(totals.powerMaxW ?? t.powerMaxW, t.powerMaxW);
    }
    return {
      body: {
        householdId,
        from: new Date(r.from).toISOString(),
        to: new Date(r.to).toISOString(),
        totals,
        meters: perMeter,
      },
    };
  },
};

registerHttp(householdSummary);
