/**
 * The Privacy view's data, pure: consents and audit entries as the sharing module's API returns them
 * (read defensively), what a grant sends, and how each is described to the user.
 */
import { zonedInstant } from "../lib/tz";

/** What a consent can cover and at which resolution (the sharing module's consent contract). */
export const PROPERTIES = ["energy", "power", "grid", "temperature", "events"] as const;
export const RESOLUTIONS = ["raw", "PT15M", "PT1H", "P1D"] as const;
export const RESOLUTION_TEXT: Readonly<Record<string, string>> = {
  raw: "every reading",
  PT15M: "15 minutes",
  PT1H: "hourly",
  P1D: "daily",
};

export const resolutionText = (r: string): string => RESOLUTION_TEXT[r] ?? r;

export interface ConsentRow {
  readonly id: string;
  readonly recipient: string;
  readonly properties: readonly string[];
  readonly resolution: string;
  readonly until: string | null;
  readonly grantedAt: string;
  readonly revokedAt: string | null;
}

export function toConsent(raw: unknown): ConsentRow | null {
  if (!raw || typeof raw !== "object") return null;
  const o = raw as Record<string, unknown>;
  if (typeof o.id !== "string" || typeof o.recipient !== "string") return null;
  return {
    id: o.id,
    recipient: o.recipient,
    properties: Array.isArray(o.properties) ? o.properties.map(String) : [],
    resolution: typeof o.resolution === "string" ? o.resolution : "",
    until: typeof o.until === "string" ? o.until : null,
    grantedAt: typeof o.grantedAt === "string" ? o.grantedAt : "",
    revokedAt: typeof o.revokedAt === "string" ? o.revokedAt : null,
  };
}

export interface AuditRow {
  readonly at: string;
  readonly action: string;
  readonly actor: string;
  readonly recipient: string;
  readonly properties: string;
  readonly resolution: string;
  readonly until: string;
}

export function toAudit(raw: unknown): AuditRow {
  const e = (raw ?? {}) as Record<string, unknown>;
  return {
    at: String(e.at ?? e.time ?? ""),
    action: String(e.action ?? ""),
    actor: String(e.actor ?? e.by ?? ""),
    recipient: String(e.recipient ?? ""),
    properties: Array.isArray(e.properties) ? e.properties.join(", ") : String(e.properties ?? ""),
    resolution: e.resolution ? String(e.resolution) : "",
    until: e.until ? String(e.until) : "",
  };
}

/** The newest `max` audit entries first. */
export function recentAudit(items: readonly unknown[], max = 200): AuditRow[] {
  return items.slice(-max).reverse().map(toAudit);
}

export type GrantInput = {
  readonly recipient: string;
  readonly properties: readonly string[];
  readonly resolution: string;
  /** `YYYY-MM-DD` from the date field, or "" for "until revoked". */
  readonly untilDate: string;
};

export type GrantBody = {
  readonly recipient: string;
  readonly properties: readonly string[];
  readonly resolution: string;
  readonly until: string | null;
};

/**
 * The POST /api/consents body, or what is missing. "Until" a date means to the end of that day in the
 * household's zone (the last second before the next local midnight).
 */
export function grantBody(input: GrantInput, timeZone: string): { body: GrantBody } | { error: string } {
  const recipient = input.recipient.trim();
  if (!recipient) return { error: "Name the recipient." };
  if (input.properties.length === 0) return { error: "Choose at least one kind of data." };
  let until: string | null = null;
  if (input.untilDate) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.untilDate);
    if (!m) return { error: `Not a date: ${input.untilDate}` };
    until = new Date(
      zonedInstant(timeZone, Number(m[1]), Number(m[2]), Number(m[3]) + 1) - 1000,
    ).toISOString();
  }
  return { body: { recipient, properties: [...input.properties], resolution: input.resolution, until } };
}
