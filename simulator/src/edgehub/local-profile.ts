import path from "node:path";
import type { JsonObject } from "@omdp/edge-module";
import atDynamic from "../../../examples/tariffs/at-dynamic.json" with { type: "json" };
import beFlanders from "../../../examples/tariffs/be-flanders.json" with { type: "json" };

/** The repository root: the example tariffs name their price files relative to it. */
const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");

/** Households and meters as `omdp.config.json` lists them (docs/interfaces.md). */
export interface LocalHousehold {
  readonly id: string;
  readonly timeZone?: string;
  /** `sub`: a sub-meter behind the main meter (not added to the household's capacity peak). */
  readonly meters: readonly { readonly id: string; readonly role?: "main" | "sub" }[];
}

/**
 * The tariff the local platform gives a household for the capacity warning (events): the example
 * Flanders tariff to the Belgian households (time zone Europe/Brussels), none to the others.
 */
export function localTariff(h: LocalHousehold): JsonObject | undefined {
  return h.timeZone === "Europe/Brussels" ? (beFlanders as JsonObject) : undefined;
}

/**
 * The tariff the sharing module prices a household's costs with (GET /api/meters/{id}/costs): the
 * example day-ahead tariff to the Vienna households, the Flanders one to the Belgian households, none
 * to others. The day-ahead tariff's price file (the shipped synthetic year) is made absolute, so that
 * the module finds it whatever its working directory.
 */
export function sharingTariff(h: LocalHousehold): JsonObject | undefined {
  const zone = h.timeZone ?? "Europe/Vienna";
  if (zone === "Europe/Brussels") return beFlanders as JsonObject;
  if (zone !== "Europe/Vienna") return undefined;
  const prices = { ...atDynamic.prices, file: path.join(REPO_ROOT, atDynamic.prices.file) };
  return { ...(atDynamic as JsonObject), prices };
}

export interface LocalProfile {
  /** Port of the sharing module's local API (loopback only). */
  readonly apiPort?: number;
  readonly households?: readonly LocalHousehold[];
  /** Whether anything is sent upstream (false: detached, no cloud). */
  readonly cloud?: boolean;
}

/**
 * Desired-property adjustments for running the deployment on a developer machine: the local API on
 * 127.0.0.1 (the manifest binds 0.0.0.0 inside a container), the households and meters of
 * `omdp.config.json` (sharing: households, their tariffs (`sharingTariff`) and meter ownership; analytics and events: time zones; events:
 * the tariff of the Belgian households, see `localTariff`), the
 * cloud switched off when detached. Merged over the manifest's desired properties.
 */
export function localDesired(p: LocalProfile): Record<string, JsonObject> {
  const sharing: JsonObject = {
    api: { host: "127.0.0.1", ...(p.apiPort !== undefined ? { port: p.apiPort } : {}) },
  };
  const analytics: JsonObject = {};
  const events: JsonObject = {};
  if (p.cloud !== undefined) sharing.cloud = { enabled: p.cloud };
  const hh = p.households ?? [];
  if (hh.length > 0) {
    sharing.defaultHouseholdId = hh[0]!.id;
    sharing.households = Object.fromEntries(
      hh.map((h) => {
        const tariff = sharingTariff(h);
        return [h.id, { ...(h.timeZone ? { timeZone: h.timeZone } : {}), ...(tariff ? { tariff } : {}) }];
      }),
    );
    sharing.meters = Object.fromEntries(
      hh.flatMap((h) =>
        h.meters.map((m) => [m.id, { householdId: h.id, ...(m.role ? { role: m.role } : {}) }]),
      ),
    );
    if (hh[0]!.timeZone) analytics.defaultTimeZone = hh[0]!.timeZone;
    analytics.meters = Object.fromEntries(
      hh.flatMap((h) => h.meters.map((m) => [m.id, h.timeZone ? { timeZone: h.timeZone } : {}])),
    );
    if (hh[0]!.timeZone) events.defaultTimeZone = hh[0]!.timeZone;
    events.meters = analytics.meters;
    const priced = hh.flatMap((h) => {
      const tariff = localTariff(h);
      const meters = h.meters.filter((m) => m.role !== "sub").map((m) => m.id);
      return tariff && meters.length > 0 ? [[h.id, { meters, tariff }] as const] : [];
    });
    if (priced.length > 0) events.households = Object.fromEntries(priced);
  }
  return { sharing, analytics, events };
}
