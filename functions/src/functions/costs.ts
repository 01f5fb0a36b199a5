/**
 * GET /api/meters/{id}/costs in the cloud (the resource of both APIs: COSTS_PATH of @omdp/series, the
 * query and answer of @omdp/tariffs' costPage): the meter's stored quarter hours in `[from, to)` priced
 * under its household's tariff. Where the tariff comes from (app setting TARIFFS_FILE): a JSON file
 * mapping household ids to tariff files; without it, the local platform's example tariffs by the
 * meter's time zone (Europe/Vienna: the AT day-ahead example, Europe/Brussels: Flanders), the same
 * tariffs the edge's local profile gives its households. A household with none answers 404.
 */
import fs from "node:fs";
import path from "node:path";
import { COSTS_MAX_DAYS, COSTS_PATH, type IntervalValues } from "@omdp/series";
import {
  CostPage,
  CostQuery,
  capacityHistory,
  capacityWindow,
  costPage,
  type MonthPeak,
  type PriceSeries,
  parseTariff,
  type Result,
  type Tariff,
  type TariffError,
} from "@omdp/tariffs";
import { PriceUrlError, parsePricesText, tariffUrlPrices } from "@omdp/tariffs/price-url";
import type { z } from "zod";
import atDynamic from "../../../examples/tariffs/at-dynamic.json" with { type: "json" };
import beFlanders from "../../../examples/tariffs/be-flanders.json" with { type: "json" };
import { checkRange, meterFor } from "../http/access";
import { badParameter, notFound, ProblemError } from "../http/problem";
import { type RouteDef, registerHttp } from "../http/route";
import { MeterIdParams } from "../http/schemas";
import type { Settings } from "../settings";
import type { MeterRecord, Store } from "../store/port";

/** The repository root: the example tariffs name their price file relative to it. */
const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
const BY_ZONE: Readonly<Record<string, unknown>> = {
  "Europe/Vienna": atDynamic,
  "Europe/Brussels": beFlanders,
};

interface Located {
  readonly tariff: Tariff;
  /** Folder a relative `prices.file` is read from. */
  readonly baseDir: string;
}

const fileCache = new Map<string, { mtimeMs: number; value: unknown }>();

/** A file's content through `parse`, cached until its modification time changes. */
function cachedRead<T>(file: string, parse: (text: string) => T): T {
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    throw new ProblemError(503, "Service Unavailable", `tariff data ${file} cannot be read`);
  }
  const hit = fileCache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.value as T;
  const value = parse(fs.readFileSync(file, "utf8"));
  fileCache.set(file, { mtimeMs, value });
  return value;
}

function parsed(doc: unknown, where: string): Tariff {
  const r = parseTariff(doc);
  if (!r.ok) throw new ProblemError(500, "Internal Server Error", `tariff ${where}: ${r.error.message}`);
  return r.value;
}

/** The tariff of a meter's household (TARIFFS_FILE, else the example by time zone), if any. */
export function tariffFor(settings: Settings, householdId: string, timeZone: string): Located | undefined {
  if (settings.tariffsFile === "") {
    const doc = BY_ZONE[timeZone];
    return doc ? { tariff: parsed(doc, timeZone), baseDir: REPO_ROOT } : undefined;
  }
  const dir = path.dirname(settings.tariffsFile);
  const map = cachedRead(settings.tariffsFile, (t) => JSON.parse(t) as Record<string, unknown>);
  const ref = map[householdId];
  if (typeof ref !== "string") return undefined;
  const file = path.resolve(dir, ref);
  const tariff = cachedRead(file, (t) => parsed(JSON.parse(t), ref));
  return { tariff, baseDir: path.dirname(file) };
}

/**
 * The tariff's day-ahead prices from its `prices.file`, else its `prices.url` (fetched with a timeout
 * and size limit, cached under `<OMDP_DATA_DIR>/prices-cache`; a failed fetch uses the last copy);
 * undefined when it names neither.
 */
export async function pricesOf(
  { tariff, baseDir }: Located,
  dataDir: string,
): Promise<Result<PriceSeries> | undefined> {
  const ref = tariff.prices;
  if (ref?.file) return cachedRead(path.resolve(baseDir, ref.file), (text) => parsePricesText(tariff, text));
  try {
    const got = await tariffUrlPrices(tariff, { cacheDir: path.join(dataDir, "prices-cache") });
    return got?.prices;
  } catch (e) {
    if (e instanceof PriceUrlError)
      throw new ProblemError(503, "Service Unavailable", `day-ahead prices: ${e.code}: ${e.message}`);
    throw e;
  }
}

/** A pricing failure as a problem, with its evidence: a price missing in the range is 422, else 500. */
export function tariffProblem(e: TariffError): ProblemError {
  const evidence = [e.at && `at ${e.at}`, e.expected !== undefined && `expected ${e.expected}`]
    .concat(e.actual !== undefined ? [`actual ${e.actual}`] : [])
    .filter(Boolean)
    .join(", ");
  const detail = evidence ? `${e.message} (${evidence})` : e.message;
  if (e.code === "BAD_QUERY") return badParameter(e.field ?? "query", detail);
  if (e.code === "NO_PRICE")
    return new ProblemError(422, "Unprocessable Content", detail, [{ name: "to", reason: detail }]);
  return new ProblemError(500, "Internal Server Error", `${e.code}: ${detail}`);
}

/** The meter's quarter hours with start in [from, to), every page (bounded). */
export async function quarters(
  store: Store,
  meterId: string,
  from: number,
  to: number,
): Promise<IntervalValues[]> {
  const out: IntervalValues[] = [];
  let token: string | undefined;
  for (let page = 0; page < 100; page++) {
    const res = await store.querySeries({
      meterId,
      resolution: "PT15M",
      from,
      to,
      limit: 5000,
      ...(token ? { continuationToken: token } : {}),
    });
    out.push(...res.items);
    token = res.continuationToken;
    if (!token) return out;
  }
  throw new ProblemError(500, "Internal Server Error", "more than 100 pages of quarter hours");
}

type Params = z.infer<typeof MeterIdParams>;
type Query = z.infer<typeof CostQuery>;

/**
 * What the costs and prices resources both start from: the caller's meter, the checked `[from, to)`
 * range and the household's tariff (404 without one).
 */
export async function meterTariff({
  services,
  principal,
  params,
  query,
}: Parameters<RouteDef<Params, { from: string; to: string }>["handle"]>[0]): Promise<{
  meter: MeterRecord;
  r: { from: number; to: number };
  located: Located;
}> {
  const meter = await meterFor(services, principal, params.id);
  const r = { from: Date.parse(query.from), to: Date.parse(query.to) };
  checkRange(r, COSTS_MAX_DAYS);
  const located = tariffFor(services.settings, meter.householdId, meter.timeZone);
  if (!located) throw notFound(`tariff of meter ${meter.id}'s household`);
  return { meter, r, located };
}

const handle: RouteDef<Params, Query>["handle"] = async (req) => {
  const { services, query } = req;
  const { meter, r, located } = await meterTariff(req);
  const prices = await pricesOf(located, services.settings.dataDir);
  if (prices && !prices.ok) throw tariffProblem(prices.error);
  const rows = await quarters(services.store, meter.id, r.from, r.to);
  // the household's tariff prices electricity: a water, heat, gas or HCA meter has no costs under it
  const medium = rows.find((q) => q.medium !== undefined)?.medium;
  if (medium) throw notFound(`electricity tariff of ${medium} meter ${meter.id}`);
  const win = query.resolution === "P1M" ? capacityWindow(located.tariff, r.from) : undefined;
  let history: MonthPeak[] = [];
  if (win) {
    const earlier = capacityHistory(
      located.tariff,
      await quarters(services.store, meter.id, win.from, win.to),
    );
    if (!earlier.ok) throw tariffProblem(earlier.error);
    history = earlier.value;
  }
  const page = costPage(located.tariff, rows, query, {
    ...(prices ? { prices: prices.value } : {}),
    capacityHistory: history,
  });
  if (!page.ok) {
    if (page.error.code === "BAD_INTERVAL" && page.error.field === "to")
      throw badParameter("to", page.error.message);
    throw tariffProblem(page.error);
  }
  return { body: page.value };
};

/** GET /api/meters/{id}/costs: the meter's costs per quarter hour, local day or month, with the breakdown. */
export const meterCosts: RouteDef<Params, Query> = {
  name: "meterCosts",
  method: "GET",
  route: COSTS_PATH.replace(/^\/api\//, ""),
  summary: "A meter's energy costs under its household's tariff (per interval, local day or month)",
  roles: ["household", "admin"],
  params: MeterIdParams,
  query: CostQuery,
  response: CostPage,
  handle,
};

registerHttp(meterCosts);
