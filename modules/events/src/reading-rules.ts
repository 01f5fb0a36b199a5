/**
 * Rules evaluated on readings: power above/below a threshold, export started/stopped, meter back online;
 * then the water and heat meters' rules (media-rules.ts).
 */
import { type MeterReading, OBIS } from "@omdp/model";
import type { Rule } from "./config";
import { appliesTo, type RuleContext, slot } from "./context";
import { RULE_EVENT_TYPES } from "./event-types";
import { initial, step, type Transition } from "./hysteresis";
import { onReadingMedia } from "./media-rules";

function numeric(r: MeterReading, property: string): number | null {
  const v = r.values.find((x) => x.property === property)?.value;
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** Export power: P- when the meter reports it; 0 when it reports only P+. */
function exportW(r: MeterReading): number | null {
  const pExp = numeric(r, OBIS.powerExport);
  if (pExp !== null) return pExp;
  return numeric(r, OBIS.powerImport) !== null ? 0 : null;
}

interface Band {
  readonly value: number;
  readonly on: boolean;
  readonly off: boolean;
  readonly onForMs: number;
  readonly offForMs: number;
}

function band(rule: Rule, r: MeterReading): Band | null {
  switch (rule.kind) {
    case "powerAbove": {
      const v = numeric(r, rule.property);
      if (v === null) return null;
      const clear = rule.clearBelowW ?? rule.thresholdW * 0.9;
      return {
        value: v,
        on: v > rule.thresholdW,
        off: v < clear,
        onForMs: rule.forSeconds * 1000,
        offForMs: rule.clearForSeconds * 1000,
      };
    }
    case "powerBelow": {
      const v = numeric(r, rule.property);
      if (v === null) return null;
      const clear = rule.clearAboveW ?? Math.max(rule.thresholdW * 1.1, rule.thresholdW + 10);
      return {
        value: v,
        on: v < rule.thresholdW,
        off: v > clear,
        onForMs: rule.forSeconds * 1000,
        offForMs: rule.clearForSeconds * 1000,
      };
    }
    case "export": {
      const v = exportW(r);
      if (v === null) return null;
      return {
        value: v,
        on: v > rule.startW,
        off: v < rule.stopW,
        onForMs: rule.forSeconds * 1000,
        offForMs: rule.forSeconds * 1000,
      };
    }
    default:
      return null;
  }
}

/** `receivedMs`: the gateway clock at arrival (default: the reading time). */
export function onReading(
  ctx: RuleContext,
  rules: readonly Rule[],
  r: MeterReading,
  receivedMs?: number,
): void {
  const t = Date.parse(r.readingTime);
  const meterId = r.meterId;
  const prev = ctx.state.lastSeen[meterId];
  const fresh = prev === undefined || t > prev;
  if (fresh) {
    ctx.state.lastSeen[meterId] = t;
    ctx.state.lastReceived[meterId] = receivedMs ?? t;
  }

  for (const rule of rules) {
    if (!appliesTo(rule, meterId)) continue;
    const key = `${rule.id}|${meterId}`;
    if (rule.kind === "meterSilent") {
      const h = ctx.state.alerts[key];
      if (fresh && h?.phase === "firing") {
        ctx.state.alerts[key] = initial();
        ctx.resolve({
          rule,
          key,
          meterId,
          type: RULE_EVENT_TYPES.meterSilent.resolve!,
          atMs: t,
          details: { silentSince: new Date(prev!).toISOString() },
        });
      }
      continue;
    }
    // Durations are measured on reading time: an older or repeated reading says nothing new.
    if (!fresh) continue;
    const b = band(rule, r);
    if (!b) continue;
    const h = slot(ctx.state.alerts, key, () => initial());
    const tr: Transition = step(h, t, b.on, b.off, b);
    if (tr === null) continue;
    const types = RULE_EVENT_TYPES[rule.kind as "powerAbove" | "powerBelow" | "export"];
    const details: Record<string, unknown> = { valueW: b.value };
    if (rule.kind === "powerAbove" || rule.kind === "powerBelow") details.thresholdW = rule.thresholdW;
    if (tr === "fire") ctx.fire({ rule, key, meterId, type: types.fire, atMs: t, details });
    else ctx.resolve({ rule, key, meterId, type: types.resolve!, atMs: t, details });
  }
  onReadingMedia(ctx, rules, r, fresh);
}

/**
 * Timer: a meter from which nothing arrived for the rule's minutes (gateway clock, so a replay of old
 * readings is not "silent") goes offline, once, until it is back.
 */
export function onTickSilent(ctx: RuleContext, rules: readonly Rule[], nowMs: number): void {
  for (const rule of rules) {
    if (rule.kind !== "meterSilent" || !rule.enabled) continue;
    const limitMs = rule.minutes * 60_000;
    for (const [meterId, last] of Object.entries(ctx.state.lastReceived)) {
      if (!appliesTo(rule, meterId) || nowMs - last < limitMs) continue;
      const key = `${rule.id}|${meterId}`;
      const h = slot(ctx.state.alerts, key, () => initial());
      if (h.phase === "firing") continue;
      const atMs = last + limitMs;
      h.phase = "firing";
      h.firedAt = atMs;
      ctx.fire({
        rule,
        key,
        meterId,
        type: RULE_EVENT_TYPES.meterSilent.fire,
        atMs,
        details: {
          lastSeen: new Date(ctx.state.lastSeen[meterId] ?? last).toISOString(),
          minutes: rule.minutes,
        },
      });
    }
  }
}
