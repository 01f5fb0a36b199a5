/**
 * GET /api/meters/{id}/prices in the cloud (PRICES_PATH of @omdp/series, as the edge): the day-ahead
 * prices of the meter's household's tariff (TARIFFS_FILE or the example by time zone, see costs.ts)
 * whose slots start in `[from, to)`, for the app's price curve. A tariff without prices answers 404.
 */
import { PRICES_PATH, PricesPage, PricesQuery, pricesPage } from "@omdp/series";
import type { z } from "zod";
import { notFound, ProblemError } from "../http/problem";
import { type RouteDef, registerHttp } from "../http/route";
import { MeterIdParams } from "../http/schemas";
import { meterTariff, pricesOf } from "./costs";

type Params = z.infer<typeof MeterIdParams>;
type Query = z.infer<typeof PricesQuery>;

const handle: RouteDef<Params, Query>["handle"] = async (req) => {
  const { meter, r, located } = await meterTariff(req);
  const prices = await pricesOf(located, req.services.settings.dataDir);
  if (!prices) throw notFound(`day-ahead prices of tariff ${located.tariff.id}`);
  if (!prices.ok)
    throw new ProblemError(500, "Internal Server Error", `${prices.error.code}: ${prices.error.message}`);
  const { tariff } = located;
  const meta = {
    meterId: meter.id,
    tariffId: tariff.id,
    currency: tariff.currency,
    timeZone: tariff.timeZone,
  };
  return { body: pricesPage(meta, prices.value.slots, r.from, r.to) };
};

/** GET /api/meters/{id}/prices: the day-ahead prices the household's tariff uses. */
export const meterPrices: RouteDef<Params, Query> = {
  name: "meterPrices",
  method: "GET",
  route: PRICES_PATH.replace(/^\/api\//, ""),
  summary: "The day-ahead prices of a meter's household's tariff (per kWh, before its multiplier and markup)",
  roles: ["household", "admin"],
  params: MeterIdParams,
  query: PricesQuery,
  response: PricesPage,
  handle,
};

registerHttp(meterPrices);
