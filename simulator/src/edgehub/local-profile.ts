import type { JsonObject } from "@omdp/edge-module";

/** Households and meters as `omdp.config.json` lists them (docs/interfaces.md). */
export interface LocalHousehold {
  readonly id: string;
  readonly timeZone?: string;
  readonly meters: readonly { readonly id: string }[];
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
 * `omdp.config.json` (sharing: households and meter ownership; analytics and events: time zones), the
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
      hh.map((h) => [h.id, h.timeZone ? { timeZone: h.timeZone } : {}]),
    );
    sharing.meters = Object.fromEntries(
      hh.flatMap((h) => h.meters.map((m) => [m.id, { householdId: h.id }])),
    );
    if (hh[0]!.timeZone) analytics.defaultTimeZone = hh[0]!.timeZone;
    analytics.meters = Object.fromEntries(
      hh.flatMap((h) => h.meters.map((m) => [m.id, h.timeZone ? { timeZone: h.timeZone } : {}])),
    );
    if (hh[0]!.timeZone) events.defaultTimeZone = hh[0]!.timeZone;
    events.meters = analytics.meters;
  }
  return { sharing, analytics, events };
}
