/**
 * The Alerts view's data, pure: events as the edge's API returns them (read defensively), their order
 * (newest first, the more severe first at the same time), and the power-threshold rule in the shape the
 * events module defines (modules/events config).
 */
export interface EventRow {
  readonly id: string;
  readonly type: string;
  readonly severity: string;
  readonly meterId: string;
  readonly at: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly acknowledged: boolean;
}

export function toEvent(raw: unknown): EventRow | null {
  if (!raw || typeof raw !== "object") return null;
  const o = raw as Record<string, unknown>;
  if (typeof o.id !== "string" || typeof o.type !== "string") return null;
  return {
    id: o.id,
    type: o.type,
    severity: typeof o.severity === "string" ? o.severity : "info",
    meterId: typeof o.meterId === "string" ? o.meterId : "",
    at: typeof o.at === "string" ? o.at : "",
    details: (o.details && typeof o.details === "object" ? o.details : {}) as Record<string, unknown>,
    acknowledged: Boolean(o.acknowledged ?? o.ackedAt ?? o.acknowledgedAt ?? o.acked),
  };
}

const SEVERITY_ORDER: Readonly<Record<string, number>> = { critical: 0, warning: 1, info: 2 };

/** The household's events (all when it lists no meters), newest first, then by severity. */
export function householdEvents(items: readonly unknown[], meterIds: ReadonlySet<string>): EventRow[] {
  return items
    .map(toEvent)
    .filter((e): e is EventRow => e !== null && (meterIds.size === 0 || meterIds.has(e.meterId)))
    .sort(
      (a, b) =>
        b.at.localeCompare(a.at) || (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3),
    );
}

/** A short text of an event's details (at most 160 characters), empty without any. */
export function detailsText(e: EventRow): string {
  return Object.keys(e.details).length ? JSON.stringify(e.details).slice(0, 160) : "";
}

/** Rules as the events module's twin holds them: a bare list or `{ rules }`. */
export function rulesOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (body && typeof body === "object" && Array.isArray((body as { rules?: unknown }).rules)) {
    return (body as { rules: unknown[] }).rules;
  }
  return [];
}

export interface PowerRule {
  readonly id: string;
  readonly kind: "powerAbove";
  readonly meterId: string;
  readonly thresholdW: number;
  readonly forSeconds: number;
  readonly severity: string;
}

/** A power-above rule from the form (kW, seconds); its id is 1-64 of A-Z a-z 0-9 _ - as the module requires. */
export function powerRule(
  meterId: string,
  kw: number,
  seconds: number,
  severity: string,
  now: number,
): PowerRule {
  const id = `powerAbove-${meterId}-${now.toString(36)}`.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 64);
  return {
    id,
    kind: "powerAbove",
    meterId,
    thresholdW: Math.round(kw * 1000),
    forSeconds: seconds,
    severity,
  };
}
