/**
 * Interval records as the app uses them, normalised from the cloud API and the edge API. Both serve the
 * `IntervalRecord` contract (packages/model); rollups may carry fewer fields, so every optional field is
 * read defensively and a record without a parseable start is dropped, not guessed.
 */
export interface Interval {
  readonly start: number;
  readonly end: number;
  readonly importWh: number;
  readonly exportWh: number;
  readonly powerMinW: number | null;
  readonly powerAvgW: number | null;
  readonly powerMaxW: number | null;
  readonly quality: string;
}

type Json = Record<string, unknown>;

function numberOr(v: unknown, fallback: number | null): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : fallback;
}

function time(v: unknown): number | null {
  if (typeof v !== "string" && typeof v !== "number") return null;
  const t = new Date(v).getTime();
  return Number.isNaN(t) ? null : t;
}

/** The list inside a page: a bare array, or `items`/`records`/`intervals`/`readings`/`data`. */
export function pageItems(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (body && typeof body === "object") {
    const o = body as Json;
    for (const k of [
      "items",
      "records",
      "intervals",
      "readings",
      "events",
      "consents",
      "entries",
      "meters",
      "data",
    ]) {
      if (Array.isArray(o[k])) return o[k] as unknown[];
    }
  }
  return [];
}

/** The continuation token of a page, if there is a next one. */
export function pageContinuation(body: unknown): string | null {
  if (!body || typeof body !== "object" || Array.isArray(body)) return null;
  const o = body as Json;
  const c = o.continuationToken ?? o.continuation ?? o.next;
  return typeof c === "string" && c.length > 0 ? c : null;
}

export function toInterval(raw: unknown): Interval | null {
  if (!raw || typeof raw !== "object") return null;
  const o = raw as Json;
  const start = time(o.intervalStart ?? o.start ?? o.from);
  if (start === null) return null;
  const end = time(o.intervalEnd ?? o.end ?? o.to) ?? start;
  return {
    start,
    end,
    importWh: numberOr(o.energyImportedWh ?? o.importWh ?? o.importedWh, 0) ?? 0,
    exportWh: numberOr(o.energyExportedWh ?? o.exportWh ?? o.exportedWh, 0) ?? 0,
    powerMinW: numberOr(o.powerMinW, null),
    powerAvgW: numberOr(o.powerAvgW, null),
    powerMaxW: numberOr(o.powerMaxW ?? o.peakDemandW, null),
    quality: typeof o.quality === "string" ? o.quality : "complete",
  };
}

/**
 * Parses, sorts and de-duplicates by interval (the same interval delivered twice is one interval: the
 * platform's ids are deterministic, so a repeat is a redelivery, never new energy).
 */
export function normaliseIntervals(items: readonly unknown[]): Interval[] {
  const byKey = new Map<string, Interval>();
  for (const raw of items) {
    const r = toInterval(raw);
    if (r) byKey.set(`${r.start}|${r.end}`, r);
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}
