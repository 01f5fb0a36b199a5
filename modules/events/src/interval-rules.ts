/**
 * Rules evaluated on IntervalRecords: daily energy above a budget, and a base-load jump against the
 * median of the last 14 nights (base load of a night = lowest average import power of a complete
 * interval starting in [fromHour, toHour) local time; average power = energyImportedWh x 3600 / seconds).
 */
import type { IntervalRecord } from "@omdp/model";
import type { Rule } from "./config";
import { appliesTo, type RuleContext, slot } from "./context";
import { RULE_EVENT_TYPES } from "./event-types";
import { initial } from "./hysteresis";
import { localDateHour } from "./local-time";
import type { Night } from "./state";

const HISTORY_NIGHTS = 14;

export function onInterval(
  ctx: RuleContext,
  rules: readonly Rule[],
  rec: IntervalRecord,
  timeZone: string,
): void {
  const startMs = Date.parse(rec.intervalStart);
  const endMs = Date.parse(rec.intervalEnd);
  const local = localDateHour(startMs, timeZone);
  const meterId = rec.meterId;

  // Imported energy of the local day, each interval id counted once.
  let day: { date: string; importedWh: number; ids: string[] } | undefined = ctx.state.energy[meterId];
  if (!day || day.date !== local.date) {
    if (day && local.date < day.date)
      day = undefined; // an interval of an earlier day: not today's budget
    else {
      day = { date: local.date, importedWh: 0, ids: [] };
      ctx.state.energy[meterId] = day;
      // A new day: yesterday's budget alerts end without a resolve event.
      for (const [key, a] of Object.entries(ctx.state.active)) {
        if (a.meterId === meterId && a.type === RULE_EVENT_TYPES.dailyEnergyAbove.fire)
          delete ctx.state.active[key];
      }
    }
  }
  if (day && !day.ids.includes(rec.id)) {
    day.ids.push(rec.id);
    day.importedWh += rec.energyImportedWh;
  }

  for (const rule of rules) {
    if (!appliesTo(rule, meterId)) continue;
    const key = `${rule.id}|${meterId}`;
    if (
      rule.kind === "dailyEnergyAbove" &&
      day &&
      day.importedWh > rule.budgetWh &&
      ctx.state.budgetFired[key] !== day.date
    ) {
      ctx.state.budgetFired[key] = day.date;
      ctx.fire({
        rule,
        key,
        meterId,
        type: RULE_EVENT_TYPES.dailyEnergyAbove.fire,
        atMs: endMs,
        details: { date: day.date, importedWh: day.importedWh, budgetWh: rule.budgetWh },
      });
    }
    // A night minimum needs intervals of at most an hour (a P1D record says nothing about the night).
    if (rule.kind === "baseLoadJump" && endMs - startMs <= 3_600_000)
      baseLoad(ctx, rule, key, rec, local, endMs - startMs);
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function baseLoad(
  ctx: RuleContext,
  rule: Extract<Rule, { kind: "baseLoadJump" }>,
  key: string,
  rec: IntervalRecord,
  local: { date: string; hour: number },
  durationMs: number,
): void {
  const track = slot(ctx.state.nights, key, () => ({ current: null, history: [] }));
  const inWindow = local.hour >= rule.fromHour && local.hour < rule.toHour;
  // A night ends with the first interval after its window, or with any interval of a later date.
  if (
    track.current &&
    (track.current.date < local.date || (track.current.date === local.date && !inWindow))
  ) {
    judge(ctx, rule, key, rec, track.current, track.history);
    track.history.push(track.current);
    if (track.history.length > HISTORY_NIGHTS) track.history.splice(0, track.history.length - HISTORY_NIGHTS);
    track.current = null;
  }
  if (!inWindow || rec.quality !== "complete") return;
  if (track.history.some((n) => n.date === local.date)) return; // that night is already judged
  const avgW = (rec.energyImportedWh * 3_600_000) / durationMs;
  if (!track.current) track.current = { date: local.date, minW: avgW };
  else track.current.minW = track.current.minW === null ? avgW : Math.min(track.current.minW, avgW);
}

function judge(
  ctx: RuleContext,
  rule: Extract<Rule, { kind: "baseLoadJump" }>,
  key: string,
  rec: IntervalRecord,
  night: Night,
  history: readonly Night[],
): void {
  const past = history.flatMap((n) => (n.minW === null ? [] : [n.minW]));
  if (night.minW === null || past.length < rule.minDays) return;
  const ref = median(past);
  const h = slot(ctx.state.alerts, key, () => initial());
  const atMs = Date.parse(rec.intervalStart);
  const details = {
    date: night.date,
    baseLoadW: Math.round(night.minW),
    referenceW: Math.round(ref),
    nights: past.length,
  };
  const jumped = night.minW > ref * (1 + rule.percent / 100) && night.minW - ref >= rule.minDeltaW;
  if (h.phase !== "firing" && jumped) {
    h.phase = "firing";
    h.firedAt = atMs;
    ctx.fire({ rule, key, meterId: rec.meterId, type: RULE_EVENT_TYPES.baseLoadJump.fire, atMs, details });
  } else if (h.phase === "firing" && night.minW <= ref * (1 + rule.percent / 200)) {
    ctx.state.alerts[key] = initial();
    ctx.resolve({
      rule,
      key,
      meterId: rec.meterId,
      type: RULE_EVENT_TYPES.baseLoadJump.resolve!,
      atMs,
      details,
    });
  }
}
