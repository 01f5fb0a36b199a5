/**
 * What the export formats share (InfluxDB line protocol, Home Assistant statistics): the query
 * (validated with zod, a 400 problem naming each bad parameter), the caller's view of the intervals
 * (everything for the household's token; for a recipient's token what its active consents permit at
 * that resolution, projected as `upstream` sends it), and the intervals themselves read from the store
 * one month at a time (stored or the series package's roll-ups: no second roll-up here).
 */
import { ExportQuery, type SeriesResolution } from "@omdp/series";
import { timeZoneOf } from "../config";
import { intervalProperties, projectInterval } from "../consent";
import type { StoredInterval } from "../rollup";
import type { ApiDeps } from "./deps";
import { badParameter, invalidFields, issueParam, notFound } from "./errors";

const DAY = 86_400_000;
const MONTH_MS = 31 * DAY;
/** Longest range one export may span (the intervals are streamed a month at a time). */
export const MAX_EXPORT_DAYS = 3 * 366;

export { ExportQuery } from "@omdp/series";

export interface ExportRange {
  readonly meters: readonly string[];
  readonly from: number;
  readonly to: number;
  readonly resolution: SeriesResolution;
}

/** The query's range and meters; `fixed` pins the resolution (Home Assistant statistics are hourly). */
export function exportRange(deps: ApiDeps, q: URLSearchParams, fixed?: SeriesResolution): ExportRange {
  const params = Object.fromEntries(q.entries());
  if (fixed !== undefined && params.resolution !== undefined && params.resolution !== fixed)
    throw badParameter("resolution", `this export is at ${fixed} only`);
  const parsed = ExportQuery.safeParse(params);
  if (!parsed.success) throw invalidFields(parsed.error.issues.map(issueParam));
  const query = parsed.data;
  const to = query.to === undefined ? deps.now() : Date.parse(query.to);
  const from = query.from === undefined ? to - DAY : Date.parse(query.from);
  if (from >= to) throw badParameter("from", "must be before to");
  if (to - from > MAX_EXPORT_DAYS * DAY)
    throw badParameter("from", `the range spans more than ${MAX_EXPORT_DAYS} days`);
  const known = deps.store.meterIds.all().map((m) => m.meterId);
  if (query.meter !== undefined && !known.includes(query.meter)) throw notFound(`meter ${query.meter}`);
  return {
    meters: query.meter === undefined ? known : [query.meter],
    from,
    to,
    resolution: fixed ?? query.resolution,
  };
}

/**
 * The intervals of each meter in the range, a month of one meter per page, as the caller may see them
 * (`recipient` null: the household, everything; otherwise only what that recipient's consents permit).
 */
export function* exportIntervals(
  deps: ApiDeps,
  range: ExportRange,
  recipient: string | null,
): Generator<StoredInterval[]> {
  const now = deps.now();
  const allowed =
    recipient === null
      ? undefined
      : intervalProperties(deps.store.consents.all(), recipient, range.resolution, now);
  if (allowed !== undefined && allowed.size === 0) return;
  for (const meterId of range.meters) {
    const tz = timeZoneOf(deps.config(), meterId);
    for (let t = range.from; t < range.to; t += MONTH_MS) {
      const page = deps.store.intervals.query(
        meterId,
        range.resolution,
        t,
        Math.min(range.to, t + MONTH_MS),
        tz,
      );
      const out: StoredInterval[] = [];
      for (const rec of page) {
        if (rec.resolution !== range.resolution) continue;
        const body = allowed ? projectInterval(rec, allowed) : rec;
        if (body) out.push(body);
      }
      if (out.length > 0) yield out;
    }
  }
}
