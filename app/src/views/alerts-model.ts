/**
 * The Alerts view's data, pure: events as the edge's API returns them (read defensively), their order
 * (newest first, the more severe first at the same time), and the power-threshold rule in the shape the
 * events module defines (modules/events config).
 */
import { formatDateTime, formatKw, formatTime } from "../lib/format";

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

/** A fact of an event in words: a label and its value with unit. */
export type Fact = readonly [label: string, text: string];

export interface EventSummary {
  /** `capacity` events are drawn apart (a banner and a distinct row). */
  readonly kind: "capacity" | "media" | "other";
  readonly headline: string;
  readonly facts: readonly Fact[];
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

function money(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-GB", { style: "currency", currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

const kw = (x: number | null) => (x === null ? "–" : formatKw(x * 1000));

/**
 * The facts of the capacity-tariff events (@omdp/model capacity-events: capacity.peak.warning with
 * projectedKw, monthPeakKw, quarterStart, minutesLeft, maxPowerKw, costIncrease; capacity.peak.set with
 * peakKw) and of the media rules (modules/events: water.leak, temperature.frost, status byte, tamper).
 */
export function eventSummary(e: EventRow, timeZone: string): EventSummary {
  const d = e.details;
  const quarter = str(d.quarterStart);
  const quarterText = quarter ? formatTime(quarter, timeZone).slice(0, 5) : "–";
  const cost = num(d.costIncrease);
  const currency = str(d.currency);
  const costFact: Fact[] =
    cost !== null && currency ? [["Adds to the capacity charge", money(cost, currency)]] : [];
  switch (e.type) {
    case "capacity.peak.warning":
      return {
        kind: "capacity",
        headline: `Capacity peak warning: ${kw(num(d.projectedKw))} projected in the quarter from ${quarterText}`,
        facts: [
          ["Projected peak", kw(num(d.projectedKw))],
          ["Month's peak so far", kw(num(d.monthPeakKw))],
          ["Quarter hour from", quarter ? formatDateTime(quarter, timeZone) : "–"],
          ["Minutes left", num(d.minutesLeft)?.toFixed(1) ?? "–"],
          ["Stay below", kw(num(d.maxPowerKw))],
          ...costFact,
        ],
      };
    case "capacity.peak.set":
      return {
        kind: "capacity",
        headline: `New monthly capacity peak: ${kw(num(d.peakKw))} in the quarter from ${quarterText}`,
        facts: [
          ["New peak", kw(num(d.peakKw))],
          ["Previous peak", kw(num(d.monthPeakKw))],
          ["Quarter hour from", quarter ? formatDateTime(quarter, timeZone) : "–"],
          ...costFact,
        ],
      };
    case "water.leak": {
      const since = str(d.since);
      return {
        kind: "media",
        headline: `Possible water leak: water has flowed for ${num(d.hours) ?? "–"} h without a break`,
        facts: [
          ["Flow", `${num(d.flowM3h) ?? "–"} m³/h`],
          ["Threshold", `${num(d.thresholdM3h) ?? "–"} m³/h`],
          ["Since", since ? formatDateTime(since, timeZone) : "–"],
        ],
      };
    }
    case "temperature.frost":
      return {
        kind: "media",
        headline: `Frost risk: ${num(d.temperatureC) ?? "–"} °C`,
        facts: [
          ["Temperature", `${num(d.temperatureC) ?? "–"} °C`],
          ["Threshold", `${num(d.thresholdC) ?? "–"} °C`],
        ],
      };
    case "battery.low":
    case "meter.error":
    case "meter.alarm":
    case "meter.tamper": {
      const byte = num(d.status);
      const words: Record<string, string> = {
        "battery.low": "Meter battery low",
        "meter.error": "Meter reports an error",
        "meter.alarm": "Meter reports an alarm",
        "meter.tamper": "Meter reports tampering",
      };
      return {
        kind: "media",
        headline: words[e.type]!,
        facts:
          byte === null ? [] : [["Status byte", `0x${byte.toString(16).padStart(2, "0").toUpperCase()}`]],
      };
    }
    default:
      return { kind: "other", headline: e.type, facts: [] };
  }
}

const QUARTER_MS = 15 * 60_000;

/**
 * The capacity warning to show above the list: the newest capacity.peak.warning, `active` while its
 * quarter hour runs (a warning ends with its quarter); null without one.
 */
export function capacityBanner(
  rows: readonly EventRow[],
  now: number,
): { event: EventRow; active: boolean } | null {
  const w = rows.find((e) => e.type === "capacity.peak.warning");
  if (!w) return null;
  const q = typeof w.details.quarterStart === "string" ? Date.parse(w.details.quarterStart) : Number.NaN;
  return { event: w, active: !Number.isNaN(q) && now < q + QUARTER_MS };
}
