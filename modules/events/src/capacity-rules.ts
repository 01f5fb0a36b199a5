/**
 * The capacity rule (Belgian capacity tariff, issue 15 §2), per household with such a tariff (a
 * Norwegian tariff goes to capacity-no.ts):
 * - readings: the current quarter hour's import so far (register deltas, split at the quarter's start;
 *   the power held when a meter sends no register), summed over the household's meters; when the quarter,
 *   continued at the power now (`peakWarning` of @omdp/tariffs), would end above `max(month's peak,
 *   floor)`, `capacity.peak.warning` (once per quarter, not in its first `minElapsedMinutes`);
 * - intervals (analytics closes them): the month's peak; a quarter whose intervals take it above the
 *   month's peak so far and the floor gives `capacity.peak.set` (once per quarter).
 */
import { CAPACITY_EVENT_TYPES, type IntervalRecord, type MeterReading } from "@omdp/model";
import { formatMicros, peakWarning } from "@omdp/tariffs";
import {
  addInterval,
  appliesCapacity as applies,
  belgianRule,
  householdPowerW,
  importBetween,
  localMonth,
  peakCostMicros,
  peakExcept,
  QUARTER_MS,
  quarterStart,
  quarterWh,
  sampleOf,
  shareSince,
  trackFor,
} from "./capacity";
import { onIntervalNorwegian, onReadingNorwegian } from "./capacity-no";
import type { HouseholdSettings, Rule } from "./config";
import type { RuleContext } from "./context";

type Households = Readonly<Record<string, HouseholdSettings>>;

const kw = (w: number) => Math.round(w) / 1000;
const money = (micros: number) => Number(formatMicros(micros));

function householdOf(households: Households, meterId: string): [string, HouseholdSettings] | null {
  for (const [id, h] of Object.entries(households)) if (h.meters.includes(meterId)) return [id, h];
  return null;
}

export function onReadingCapacity(
  ctx: RuleContext,
  rules: readonly Rule[],
  households: Households,
  r: MeterReading,
): void {
  const found = householdOf(households, r.meterId);
  if (!found) return;
  const [householdId, h] = found;
  if (h.tariff?.capacity?.rule === "no") {
    onReadingNorwegian(ctx, rules, householdId, h, r);
    return;
  }
  const be = belgianRule(h.tariff);
  if (!be || !h.tariff) return;
  const zone = h.tariff.timeZone;
  const next = sampleOf(r);
  const prev = ctx.state.capacitySamples[r.meterId];
  if (prev && next.t <= prev.t) return; // older or repeated: already counted
  ctx.state.capacitySamples[r.meterId] = next;

  const q = quarterStart(next.t, zone);
  const track = trackFor(ctx.state.capacity, householdId, q, zone);
  if (!track) return;
  if (!track.current || track.current.start < q) {
    track.current = { start: q, wh: 0 };
    // The quarter is over: its warnings are no longer active alerts (no resolve event).
    for (const [key, a] of Object.entries(ctx.state.active)) {
      if (a.type === CAPACITY_EVENT_TYPES.capacityPeakWarning && key.endsWith(`|${householdId}`))
        delete ctx.state.active[key];
    }
  }
  const cur = track.current;
  if (prev) {
    const wh = importBetween(prev, next);
    if (wh !== null) cur.wh += shareSince(wh, prev.t, next.t, cur.start);
  }
  if (cur.start !== q) return; // a late meter's reading from before the current quarter

  const powerW = householdPowerW(ctx.state.capacitySamples, h.meters, next.t);
  const month = localMonth(q, zone);
  const peak = peakExcept(track, q); // 0 in the month's first quarter
  const minutesLeft = (q + QUARTER_MS - next.t) / 60_000;
  const w = peakWarning({
    monthPeakW: peak.w,
    quarterEnergyWh: cur.wh,
    minutesLeft,
    ...(powerW !== undefined ? { currentPowerW: powerW } : {}),
    floorW: be.floorW,
  });
  if (!w.wouldSetNewPeak) return;

  for (const rule of rules) {
    if (!applies(rule, h)) continue;
    const key = `${rule.id}|${householdId}`;
    if (next.t - q < rule.minElapsedMinutes * 60_000) continue;
    if (ctx.state.capacityWarned[key] === q) continue; // once per quarter
    ctx.state.capacityWarned[key] = q;
    ctx.fire({
      rule,
      key,
      meterId: h.meters[0]!,
      type: CAPACITY_EVENT_TYPES.capacityPeakWarning,
      atMs: next.t,
      details: {
        householdId,
        month,
        quarterStart: new Date(q).toISOString(),
        projectedKw: kw(w.projectedW),
        monthPeakKw: kw(peak.w),
        floorKw: kw(be.floorW),
        minutesLeft: Math.round(minutesLeft * 100) / 100,
        quarterEnergyWh: Math.round(cur.wh * 10) / 10,
        maxPowerKw: w.maxPowerW === null ? null : kw(w.maxPowerW),
        currency: be.currency,
        costIncrease: money(peakCostMicros(be, peak.w, w.projectedW)),
      },
    });
  }
}

export function onIntervalCapacity(
  ctx: RuleContext,
  rules: readonly Rule[],
  households: Households,
  rec: IntervalRecord,
): void {
  const found = householdOf(households, rec.meterId);
  if (!found) return;
  const [householdId, h] = found;
  if (h.tariff?.capacity?.rule === "no") {
    onIntervalNorwegian(ctx, householdId, h, rec);
    return;
  }
  const be = belgianRule(h.tariff);
  if (!be || !h.tariff) return;
  const zone = h.tariff.timeZone;
  const start = Date.parse(rec.intervalStart);
  const end = Date.parse(rec.intervalEnd);
  const q = quarterStart(start, zone);
  if (end - start > QUARTER_MS || end > q + QUARTER_MS) return; // cannot measure a quarter-hour peak
  const track = trackFor(ctx.state.capacity, householdId, q, zone);
  if (!track) return; // an interval of an earlier month
  const before = peakExcept(track, q);
  addInterval(track, q, rec.id, rec.energyImportedWh);
  const wh = quarterWh(track, q);
  const newW = wh * 4;
  if (newW <= Math.max(before.w, be.floorW)) return;
  for (const rule of rules) {
    if (!applies(rule, h)) continue;
    // The id is the quarter's: a quarter sets the peak once, later intervals of it only raise the figure.
    ctx.notify({
      rule,
      key: `${rule.id}|${householdId}|set`,
      meterId: h.meters[0]!,
      type: CAPACITY_EVENT_TYPES.capacityPeakSet,
      atMs: q,
      details: {
        householdId,
        month: track.month,
        quarterStart: new Date(q).toISOString(),
        peakKw: kw(newW),
        quarterEnergyWh: wh,
        monthPeakKw: kw(before.w),
        floorKw: kw(be.floorW),
        currency: be.currency,
        costIncrease: money(peakCostMicros(be, before.w, newW)),
      },
    });
  }
}
