import { timeZoneOf } from "../config";
import {
  CONSENT_RESOLUTIONS,
  type Consent,
  eventsPermitted,
  intervalProperties,
  isActive,
  projectInterval,
  projectReading,
  rawProperties,
} from "../consent";
import type { QueryResolution } from "../resolution";
import type { ApiDeps } from "./deps";

const PAGE = 2_000;
const MONTH_MS = 31 * 86_400_000;

export type ExportLine = { kind: "reading" | "interval" | "event" | "stats"; body: unknown };

/**
 * The export as pages of lines, read from the store one page at a time (no statement stays open
 * between pages, so the module keeps storing while a large export streams).
 * `recipient` null: everything stored (readings, intervals as analytics sent them, events, stats).
 * A recipient: only what that recipient's active consents permit now, projected like `upstream`
 * (readings with `raw` consent, intervals at each consented resolution, events with `events`).
 */
export function* exportPages(
  deps: ApiDeps,
  from: number,
  to: number,
  recipient: string | null,
): Generator<ExportLine[]> {
  const { store } = deps;
  const now = deps.now();
  const consents: Consent[] = recipient === null ? [] : store.consents.all();
  const meters = store.meterIds.all().map((m) => m.meterId);

  const raw = recipient === null ? undefined : rawProperties(consents, recipient, now);
  if (recipient === null || (raw && raw.size > 0)) {
    for (const meterId of meters) {
      let cursor = from;
      for (;;) {
        const page = store.readings.range(meterId, cursor, to, PAGE);
        if (page.length === 0) break;
        const lines: ExportLine[] = [];
        for (const { reading } of page) {
          const body = raw ? projectReading(reading, raw) : reading;
          if (body) lines.push({ kind: "reading", body });
        }
        yield lines;
        if (page.length < PAGE) break;
        cursor = Date.parse(page[page.length - 1]!.reading.readingTime) + 1;
      }
    }
  }

  const resolutions: QueryResolution[] =
    recipient === null
      ? (
          store.db.prepare("SELECT DISTINCT resolution FROM intervals WHERE derived = 0").all() as {
            resolution: QueryResolution;
          }[]
        ).map((r) => r.resolution)
      : [
          ...new Set(
            consents
              .filter((c) => c.recipient === recipient && isActive(c, now) && c.resolution !== "raw")
              .map((c) => c.resolution as QueryResolution),
          ),
        ].filter((r) => (CONSENT_RESOLUTIONS as readonly string[]).includes(r));
  for (const r of resolutions) {
    const allowed = recipient === null ? undefined : intervalProperties(consents, recipient, r, now);
    for (const meterId of meters) {
      const tz = timeZoneOf(deps.config(), meterId);
      for (let t = from; t < to; t += MONTH_MS) {
        const page = store.intervals.query(meterId, r, t, Math.min(to, t + MONTH_MS), tz);
        const lines: ExportLine[] = [];
        for (const rec of page) {
          if (recipient === null && rec.resolution !== r) continue;
          const body = allowed ? projectInterval(rec, allowed) : rec;
          if (body) lines.push({ kind: "interval", body });
        }
        if (lines.length > 0) yield lines;
      }
    }
  }

  if (recipient === null || eventsPermitted(consents, recipient, now)) {
    const events = store.events.query(from, to, undefined, 1_000_000);
    for (let i = 0; i < events.length; i += PAGE)
      yield events.slice(i, i + PAGE).map((body) => ({ kind: "event" as const, body }));
  }
  if (recipient === null) {
    const stats = store.stats.query(from, to, undefined, 1_000_000);
    for (let i = 0; i < stats.length; i += PAGE)
      yield stats.slice(i, i + PAGE).map((body) => ({ kind: "stats" as const, body }));
  }
}
