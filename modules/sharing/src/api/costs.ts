/**
 * GET /api/meters/{id}/costs at the edge (the resource of both APIs: COSTS_PATH of @omdp/series, the
 * query and answer of @omdp/tariffs' costPage): the meter's stored quarter hours in `[from, to)` priced
 * under its household's tariff (the `households.<id>.tariff` desired property). Works detached: the
 * intervals are the edge store's and the day-ahead prices come from the tariff's `prices.file`.
 * GET /api/meters/{id}/prices (PRICES_PATH) answers those day-ahead prices (the app's price curve).
 */
import fs from "node:fs";
import path from "node:path";
import { COSTS_MAX_DAYS, COSTS_PATH, fromInterval, PRICES_PATH, PricesQuery, pricesPage } from "@omdp/series";
import {
  CostQuery,
  capacityHistory,
  capacityWindow,
  costPage,
  type MonthPeak,
  type PriceSeries,
  type Result,
  type Tariff,
  type TariffError,
} from "@omdp/tariffs";
import { PriceUrlError, parsePricesText, tariffUrlPrices } from "@omdp/tariffs/price-url";
import type { z } from "zod";
import { tariffOf, timeZoneOf } from "../config";
import type { ApiDeps, Caller } from "./deps";
import { ApiError, badParameter, invalidFields, issueParam, notFound } from "./errors";
import { addHouseholdCostRoutes } from "./household-costs";
import { sendJson } from "./http-io";
import type { Router } from "./router";

const DAY = 86_400_000;

/** Day-ahead prices by file path, reloaded when the file's modification time changes. */
const priceCache = new Map<string, { mtimeMs: number; prices: Result<PriceSeries> }>();

/** The tariff's day-ahead prices (undefined when it names none), read from `prices.file`. */
export function tariffPrices(tariff: Tariff, baseDir = process.cwd()): Result<PriceSeries> | undefined {
  const ref = tariff.prices;
  if (!ref?.file) return undefined;
  const file = path.resolve(baseDir, ref.file);
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    throw new ApiError(503, "prices_unavailable", `the tariff's prices file ${ref.file} cannot be read`);
  }
  const hit = priceCache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.prices;
  const prices = parsePricesText(tariff, fs.readFileSync(file, "utf8"));
  priceCache.set(file, { mtimeMs, prices });
  return prices;
}

/**
 * The tariff's prices from `prices.file`, else from `prices.url`: fetched with a timeout and size
 * limit into `<dataDir>/prices-cache` (a failed fetch, e.g. detached, uses the last copy).
 */
export async function tariffPricesAnywhere(
  tariff: Tariff,
  dataDir: string,
): Promise<Result<PriceSeries> | undefined> {
  if (tariff.prices?.file) return tariffPrices(tariff);
  try {
    return (await tariffUrlPrices(tariff, { cacheDir: path.join(dataDir, "prices-cache") }))?.prices;
  } catch (e) {
    if (e instanceof PriceUrlError)
      throw new ApiError(503, "prices_unavailable", `the tariff's prices URL: ${e.code}: ${e.message}`);
    throw e;
  }
}

/** A pricing failure as a problem: the caller's range (400/422) or the tariff's data (500), with evidence. */
export function tariffProblem(e: TariffError): ApiError {
  const evidence = [e.at && `at ${e.at}`, e.expected !== undefined && `expected ${e.expected}`]
    .concat(e.actual !== undefined ? [`actual ${e.actual}`] : [])
    .filter(Boolean)
    .join(", ");
  const detail = evidence ? `${e.message} (${evidence})` : e.message;
  if (e.code === "BAD_INTERVAL" && e.field === "to") return badParameter("to", detail);
  if (e.code === "BAD_QUERY") return badParameter(e.field ?? "query", detail);
  if (e.code === "NO_PRICE") return new ApiError(422, "no_price", detail, "to");
  return new ApiError(500, `tariff_${e.code.toLowerCase()}`, detail);
}

export function addCostRoutes(r: Router<Caller | undefined>, deps: ApiDeps): void {
  const dataDir = deps.dataDir ?? (process.env.OMDP_DATA_DIR || ".data");
  addHouseholdCostRoutes(r, deps, dataDir);
  r.add("GET", COSTS_PATH, async (c) => {
    const parsed = CostQuery.safeParse(Object.fromEntries(c.url.searchParams.entries()));
    if (!parsed.success) throw invalidFields(parsed.error.issues.map(issueParam));
    const query: z.infer<typeof CostQuery> = parsed.data;
    const from = Date.parse(query.from);
    const to = Date.parse(query.to);
    if (!(to > from)) throw badParameter("to", "must be after 'from'");
    if (to - from > COSTS_MAX_DAYS * DAY)
      throw badParameter("from", `range longer than ${COSTS_MAX_DAYS} days`);
    const meterId = c.params.id!;
    const cfg = deps.config();
    const tariff = tariffOf(cfg, meterId);
    if (!tariff) throw notFound(`tariff of meter ${meterId}'s household`);
    const tz = timeZoneOf(cfg, meterId);
    const rows = deps.store.intervals.query(meterId, "PT15M", from, to, tz);
    // the household's tariff prices electricity: a water, heat, gas or HCA meter has no costs under it
    const medium = rows.find((q) => q.medium !== undefined)?.medium;
    if (medium) throw notFound(`electricity tariff of ${medium} meter ${meterId}`);
    const prices = await tariffPricesAnywhere(tariff, dataDir);
    if (prices && !prices.ok) throw tariffProblem(prices.error);
    const win = query.resolution === "P1M" ? capacityWindow(tariff, from) : undefined;
    let history: MonthPeak[] = [];
    if (win) {
      const earlier = capacityHistory(
        tariff,
        deps.store.intervals.query(meterId, "PT15M", win.from, win.to, tz).map(fromInterval),
      );
      if (!earlier.ok) throw tariffProblem(earlier.error);
      history = earlier.value;
    }
    const page = costPage(tariff, rows.map(fromInterval), query, {
      ...(prices ? { prices: prices.value } : {}),
      capacityHistory: history,
    });
    if (!page.ok) throw tariffProblem(page.error);
    sendJson(c.res, 200, page.value);
  });

  r.add("GET", PRICES_PATH, async (c) => {
    const parsed = PricesQuery.safeParse(Object.fromEntries(c.url.searchParams.entries()));
    if (!parsed.success) throw invalidFields(parsed.error.issues.map(issueParam));
    const from = Date.parse(parsed.data.from);
    const to = Date.parse(parsed.data.to);
    if (!(to > from)) throw badParameter("to", "must be after 'from'");
    if (to - from > COSTS_MAX_DAYS * DAY)
      throw badParameter("from", `range longer than ${COSTS_MAX_DAYS} days`);
    const meterId = c.params.id!;
    const tariff = tariffOf(deps.config(), meterId);
    if (!tariff) throw notFound(`tariff of meter ${meterId}'s household`);
    const prices = await tariffPricesAnywhere(tariff, dataDir);
    if (!prices) throw notFound(`day-ahead prices of tariff ${tariff.id}`);
    if (!prices.ok) throw tariffProblem(prices.error);
    const meta = { meterId, tariffId: tariff.id, currency: tariff.currency, timeZone: tariff.timeZone };
    sendJson(c.res, 200, pricesPage(meta, prices.value.slots, from, to));
  });
}
