/**
 * Rules on the readings of water and heat meters (wireless and wired M-Bus): a water leak (flow without
 * a break for hours), frost (a temperature at or below a threshold) and the status byte's flags (battery
 * low, error, alarm, manufacturer tamper bits). Each is a hysteresis band as the power rules are.
 */
import type { MeterReading } from "@omdp/model";
import type { Rule } from "./config";
import { appliesTo, type RuleContext, slot } from "./context";
import { RULE_EVENT_TYPES, STATUS_EVENT_TYPES, type TypePair } from "./event-types";
import { initial, step } from "./hysteresis";
import type { EventsState } from "./state";
import { statusByte, statusFlagSet } from "./status-byte";

/** The error register the reader fills with the status byte. */
export const STATUS_PROPERTY = "0-0:97.97.0";

type MediaRule = Extract<Rule, { kind: "waterLeak" | "frost" | "meterStatus" | "meterTamper" }>;

interface Judged {
  readonly on: boolean;
  readonly off: boolean;
  readonly onForMs: number;
  readonly offForMs: number;
  readonly types: TypePair;
  readonly details: Record<string, unknown>;
}

function valuesOf(r: MeterReading, properties: readonly string[]): number[] {
  const out: number[] = [];
  for (const v of r.values)
    if (properties.includes(v.property) && typeof v.value === "number" && Number.isFinite(v.value))
      out.push(v.value);
  return out;
}

function numeric(r: MeterReading, property: string): number | null {
  return valuesOf(r, [property])[0] ?? null;
}

type LeakRule = Extract<MediaRule, { kind: "waterLeak" }>;
type LeakVolumes = EventsState["leakVolumes"];

function judgeLeak(rule: LeakRule, r: MeterReading, key: string, volumes: LeakVolumes): Judged | null {
  const flows = valuesOf(r, rule.properties);
  if (flows.length === 0) return judgeLeakByVolume(rule, r, key, volumes);
  const flow = Math.max(...flows);
  return {
    on: flow > rule.thresholdM3h,
    off: flow <= rule.thresholdM3h,
    onForMs: rule.forHours * 3_600_000,
    offForMs: rule.clearForMinutes * 60_000,
    types: RULE_EVENT_TYPES.waterLeak,
    details: { flowM3h: flow, thresholdM3h: rule.thresholdM3h, hours: rule.forHours },
  };
}

/**
 * A meter without a flow value flows while its volume rose within the last `clearForMinutes`; a
 * stand-still that long is the break (and, once leaking, the end). A volume that went down (a reset or
 * a replaced meter) is no rise, only the new baseline.
 */
function judgeLeakByVolume(
  rule: LeakRule,
  r: MeterReading,
  key: string,
  volumes: LeakVolumes,
): Judged | null {
  const vols = valuesOf(r, rule.volumeProperties);
  if (vols.length === 0) return null;
  const t = Date.parse(r.readingTime);
  const volume = vols.reduce((a, b) => a + b, 0);
  const prev = volumes[key];
  const roseAt = prev !== undefined && volume > prev.volume ? t : (prev?.roseAt ?? null);
  volumes[key] = { volume, roseAt };
  const flowing = roseAt !== null && (roseAt === t || t - roseAt < rule.clearForMinutes * 60_000);
  return {
    on: flowing,
    off: !flowing,
    onForMs: rule.forHours * 3_600_000,
    offForMs: 0,
    types: RULE_EVENT_TYPES.waterLeak,
    details: {
      volumeM3: volume,
      lastRise: roseAt === null ? null : new Date(roseAt).toISOString(),
      hours: rule.forHours,
    },
  };
}

function judgeFrost(rule: Extract<MediaRule, { kind: "frost" }>, r: MeterReading): Judged | null {
  let lowest: { property: string; value: number } | null = null;
  for (const property of rule.properties) {
    const v = numeric(r, property);
    if (v !== null && (lowest === null || v < lowest.value)) lowest = { property, value: v };
  }
  if (lowest === null) return null;
  const clear = rule.clearAboveC ?? rule.thresholdC + 2;
  return {
    on: lowest.value <= rule.thresholdC,
    off: lowest.value > clear,
    onForMs: rule.forSeconds * 1000,
    offForMs: rule.clearForSeconds * 1000,
    types: RULE_EVENT_TYPES.frost,
    details: { temperatureC: lowest.value, thresholdC: rule.thresholdC, property: lowest.property },
  };
}

function judgeStatus(rule: Extract<MediaRule, { kind: "meterStatus" | "meterTamper" }>, r: MeterReading) {
  const status = statusByte(numeric(r, STATUS_PROPERTY));
  if (status === null) return null;
  const set = rule.kind === "meterStatus" ? statusFlagSet(status, rule.flag) : (status & rule.mask) !== 0;
  const judged: Judged = {
    on: set,
    off: !set,
    onForMs: rule.forSeconds * 1000,
    offForMs: rule.clearForSeconds * 1000,
    types: rule.kind === "meterStatus" ? STATUS_EVENT_TYPES[rule.flag] : RULE_EVENT_TYPES.meterTamper,
    details: rule.kind === "meterStatus" ? { status, flag: rule.flag } : { status, mask: rule.mask },
  };
  return judged;
}

function judge(rule: MediaRule, r: MeterReading, key: string, state: EventsState): Judged | null {
  switch (rule.kind) {
    case "waterLeak":
      return judgeLeak(rule, r, key, state.leakVolumes);
    case "frost":
      return judgeFrost(rule, r);
    case "meterStatus":
    case "meterTamper":
      return judgeStatus(rule, r);
  }
}

function isMediaRule(rule: Rule): rule is MediaRule {
  return (
    rule.kind === "waterLeak" ||
    rule.kind === "frost" ||
    rule.kind === "meterStatus" ||
    rule.kind === "meterTamper"
  );
}

/**
 * Feeds one reading to the media rules. `fresh`: the reading is newer than every reading of its meter
 * before (durations are measured on reading time; an older or repeated reading says nothing new).
 */
export function onReadingMedia(
  ctx: RuleContext,
  rules: readonly Rule[],
  r: MeterReading,
  fresh: boolean,
): void {
  if (!fresh) return;
  const t = Date.parse(r.readingTime);
  for (const rule of rules) {
    if (!isMediaRule(rule) || !appliesTo(rule, r.meterId)) continue;
    const key = `${rule.id}|${r.meterId}`;
    const j = judge(rule, r, key, ctx.state);
    if (!j) continue;
    const h = slot(ctx.state.alerts, key, () => initial());
    // the start of the condition: a leak tells since when the water has been flowing
    const pendingSince = h.phase === "normal" && j.on ? t : h.since;
    const tr = step(h, t, j.on, j.off, j);
    if (tr === null) continue;
    const details =
      tr === "fire" && rule.kind === "waterLeak"
        ? { ...j.details, since: new Date(pendingSince ?? t).toISOString() }
        : j.details;
    const f = { rule, key, meterId: r.meterId, atMs: t, details };
    if (tr === "fire") ctx.fire({ ...f, type: j.types.fire });
    else ctx.resolve({ ...f, type: j.types.resolve! });
  }
}
