/**
 * The cost resource as an API answers it, pure, for the edge local API and the cloud API to call
 * (neither is wired yet): the query, the answer's zod schema (for the OpenAPI document), and the
 * function from a household's tariff, its intervals and the day-ahead prices to that answer. Amounts
 * are decimal texts in the currency with six places (`"0.547462"`), so no client rounds through a
 * float; energy stays in Wh.
 */
import { Rfc3339 } from "@omdp/model";
import { localDate } from "@omdp/model/time";
import { z } from "zod";
import type { BelgianMonth, NorwegianMonth } from "./capacity";
import { type Breakdown, type CostOptions, computeCosts } from "./cost";
import { fail, ok, type Result } from "./errors";
import type { PricedInterval } from "./interval";
import { formatMicros } from "./money";
import type { Tariff } from "./schema";

export const CostQuery = z.object({
  from: Rfc3339.describe("inclusive start"),
  to: Rfc3339.describe("exclusive end"),
  resolution: z
    .enum(["interval", "P1D", "P1M"])
    .default("P1D")
    .describe("each interval as stored, or local days, or local months (months carry the capacity charge)"),
});
export type CostQuery = z.infer<typeof CostQuery>;

const Amount = z
  .string()
  .regex(/^-?\d+\.\d{6}$/)
  .describe("decimal amount in `currency`, six places");

export const CostItem = z.object({
  start: z.string(),
  end: z.string(),
  period: z.string().optional().describe("YYYY-MM-DD or YYYY-MM, local to the household"),
  meterId: z.string().optional().describe("per interval only"),
  importWh: z.number(),
  exportWh: z.number(),
  energy: Amount,
  grid: Amount,
  taxes: Amount,
  fixedFees: Amount,
  capacity: Amount,
  vat: Amount,
  exportCompensation: Amount.describe("paid to the household; negative when prices were"),
  total: Amount.describe("energy + grid + taxes + fixedFees + capacity + vat - exportCompensation"),
  capacityDetail: z
    .record(z.string(), z.unknown())
    .optional()
    .describe("the capacity rule's figures (months)"),
});
export type CostItem = z.infer<typeof CostItem>;

export const CostPage = z.object({
  tariffId: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  resolution: z.enum(["interval", "P1D", "P1M"]),
  items: z.array(CostItem),
});
export type CostPage = z.infer<typeof CostPage>;

function amounts(b: Breakdown) {
  return {
    importWh: b.importWh,
    exportWh: b.exportWh,
    energy: formatMicros(b.energy),
    grid: formatMicros(b.grid),
    taxes: formatMicros(b.taxes),
    fixedFees: formatMicros(b.fixedFees),
    capacity: formatMicros(b.capacity),
    vat: formatMicros(b.vat),
    exportCompensation: formatMicros(b.exportCompensation),
    total: formatMicros(b.total),
  };
}

function detail(d: BelgianMonth | NorwegianMonth): Record<string, unknown> {
  return { ...d, charge: formatMicros(d.charge) };
}

/**
 * The cost page for `[from, to)`: the intervals that start in it are priced; days and months are the
 * local dates from `from` to the last instant before `to`. For the Belgian rule give the
 * intervals of the whole month (its peak is the month's), and earlier peaks in `capacityHistory`.
 */
export function costPage(
  tariff: Tariff,
  intervals: readonly PricedInterval[],
  query: CostQuery,
  options: Omit<CostOptions, "range"> = {},
): Result<CostPage> {
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  if (!(to > from))
    return fail("BAD_INTERVAL", "`to` must be after `from`", { field: "to", actual: query.to });
  const inRange = intervals.filter((iv) => iv.start >= from && iv.start < to);
  const range = { from: localDate(from, tariff.timeZone), to: localDate(to - 1, tariff.timeZone) };
  const r = computeCosts(tariff, inRange, { ...options, range });
  if (!r.ok) return r;
  const { value } = r;
  let items: CostItem[];
  if (query.resolution === "interval") {
    items = value.intervals.map((c) => ({ start: c.start, end: c.end, meterId: c.meterId, ...amounts(c) }));
  } else if (query.resolution === "P1D") {
    items = value.days.map((d) => ({ start: d.start, end: d.end, period: d.period, ...amounts(d) }));
  } else {
    items = value.months.map((m) => {
      const item: CostItem = { start: m.start, end: m.end, period: m.period, ...amounts(m) };
      return m.capacityDetail ? { ...item, capacityDetail: detail(m.capacityDetail) } : item;
    });
  }
  return ok({
    tariffId: tariff.id,
    currency: tariff.currency,
    timeZone: tariff.timeZone,
    resolution: query.resolution,
    items,
  });
}

// ---- the household cost resource (both APIs): several meters of one household priced as one ----

/** GET HOUSEHOLD_COSTS_PATH: the household's meters summed under its tariff. */
export const HOUSEHOLD_COSTS_PATH = "/api/households/{id}/costs";

export const HouseholdCostQuery = CostQuery.extend({
  meters: z
    .string()
    .regex(/^[^,]+(,[^,]+)*$/)
    .optional()
    .describe(
      "comma-separated meter ids to sum (main meters, or sub-meters alone: a sub-meter with a main meter is refused as counted twice); default every electricity meter of the household but its sub-meters",
    ),
});
export type HouseholdCostQuery = z.infer<typeof HouseholdCostQuery>;

export const HouseholdCostPage = CostPage.extend({
  householdId: z.string(),
  meters: z.array(z.string()).describe("the meters summed, sorted"),
});
export type HouseholdCostPage = z.infer<typeof HouseholdCostPage>;

/**
 * The meters a household's costs sum: the query's list (each must be the household's), else every
 * electricity meter of it (`isElectric` false: a water, heat, gas or HCA meter) that is not a sub-meter
 * (`isSub`: it measures part of what a main meter of the household already measures, so summing both
 * counts that part twice); sorted. A listed meter that is not the household's, not electric, or a
 * sub-meter listed together with a main meter is an error naming it. Sub-meters alone may be listed.
 */
export function householdCostMeters(
  known: readonly string[],
  isElectric: (meterId: string) => boolean,
  listed: string | undefined,
  isSub: (meterId: string) => boolean = () => false,
): Result<string[]> {
  if (listed === undefined) return ok(known.filter((m) => isElectric(m) && !isSub(m)).sort());
  const ids = [...new Set(listed.split(","))];
  for (const id of ids) {
    if (!known.includes(id))
      return fail("BAD_QUERY", "not a meter of the household", { field: "meters", actual: id });
    if (!isElectric(id))
      return fail("BAD_QUERY", "not an electricity meter", { field: "meters", actual: id });
  }
  const sub = ids.find(isSub);
  if (sub !== undefined && ids.some((m) => !isSub(m)))
    return fail("BAD_QUERY", "a sub-meter with a main meter counts twice", { field: "meters", actual: sub });
  return ok(ids.sort());
}

/** The household cost page: `costPage` over the intervals of all `meters` (capacity on their sum). */
export function householdCostPage(
  householdId: string,
  meters: readonly string[],
  tariff: Tariff,
  intervals: readonly PricedInterval[],
  query: CostQuery,
  options: Omit<CostOptions, "range"> = {},
): Result<HouseholdCostPage> {
  const page = costPage(tariff, intervals, query, options);
  return page.ok ? ok({ ...page.value, householdId, meters: [...meters] }) : page;
}
