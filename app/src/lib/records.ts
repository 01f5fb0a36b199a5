/**
 * Interval records as the app uses them: the `IntervalValues` of @omdp/series (the one series
 * contract), read from the one intervals page both APIs answer (`IntervalsPage`: `items` and
 * `continuationToken`). Only types and the zod-free conversion are imported, so no schema library
 * enters the bundle.
 */
import type { Interval as ApiInterval, IntervalsPage } from "@omdp/series";
import { fromInterval, type IntervalValues } from "@omdp/series/values";

export type { ApiInterval, IntervalsPage };

/** The fields of an interval the views read. */
export type Interval = Pick<
  IntervalValues,
  | "start"
  | "end"
  | "importWh"
  | "exportWh"
  | "powerMinW"
  | "powerAvgW"
  | "powerMaxW"
  | "quality"
  | "medium"
  | "consumption"
>;

type Json = Record<string, unknown>;

/**
 * The list of a page. The one resource model answers `{ items, continuationToken? }`; the edge-only
 * resources keep their names (GET /api/events `events`, /api/consents `consents`, /api/consents/audit
 * `entries`, /api/meters `meters`, /api/meters/{id}/readings `readings`).
 */
const LIST_KEYS = ["items", "events", "consents", "entries", "meters", "readings"] as const;

export function pageItems(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (body && typeof body === "object") {
    const o = body as Json;
    for (const k of LIST_KEYS) if (Array.isArray(o[k])) return o[k] as unknown[];
  }
  return [];
}

/** The continuation token of a page, if there is a next one. */
export function pageContinuation(body: unknown): string | null {
  if (!body || typeof body !== "object" || Array.isArray(body)) return null;
  const c = (body as Partial<IntervalsPage>).continuationToken;
  return typeof c === "string" && c.length > 0 ? c : null;
}

const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isNumOrNull = (v: unknown): boolean => v === null || isNum(v);

/** True for an `Interval` of the contract (the fields the app reads, checked by hand: no zod here). */
export function isApiInterval(raw: unknown): raw is ApiInterval {
  if (!raw || typeof raw !== "object") return false;
  const o = raw as Json;
  return (
    typeof o.intervalStart === "string" &&
    !Number.isNaN(Date.parse(o.intervalStart)) &&
    typeof o.intervalEnd === "string" &&
    !Number.isNaN(Date.parse(o.intervalEnd)) &&
    isNum(o.energyImportedWh) &&
    isNum(o.energyExportedWh) &&
    isNumOrNull(o.powerMinW) &&
    isNumOrNull(o.powerAvgW) &&
    isNumOrNull(o.powerMaxW) &&
    typeof o.quality === "string"
  );
}

/**
 * Contract intervals, sorted and de-duplicated by interval (the same interval delivered twice is one
 * interval: ids are deterministic, so a repeat is a redelivery, never new energy). What is not an
 * `Interval` of the contract is dropped, not guessed.
 */
export function normaliseIntervals(items: readonly unknown[]): Interval[] {
  const byKey = new Map<string, Interval>();
  for (const raw of items) {
    if (!isApiInterval(raw)) continue;
    const v = fromInterval({ ...raw, registers: raw.registers ?? {}, flags: raw.flags ?? [] });
    byKey.set(`${v.start}|${v.end}`, v);
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}
