/**
 * The capacity rule under a Norwegian tariff (issue 15 §2), per household:
 * - intervals (analytics closes them): each local hour's import summed over the household's meters,
 *   and the highest hour of each local day of the month;
 * - readings: the current hour's import so far (register deltas, the power held when a meter sends no
 *   register, as the Belgian rule's quarter); when the hour, continued at the power now
 *   (`bracketWarning` of @omdp/tariffs), would lift the month's level (the mean of the three highest
 *   hours on different days) into a dearer bracket, `capacity.bracket.warning` (once per hour, not in
 *   its first `minElapsedMinutes`).
 */
import {
  CAPACITY_BRACKET_WARNING,
  type IntervalRecord,
  localDate,
  type MeterReading,
  offsetMs,
} from "@omdp/model";
import { bracketWarning, formatMicros } from "@omdp/tariffs";
import {
  appliesCapacity,
  householdPowerW,
  importBetween,
  localMonth,
  sampleOf,
  shareSince,
} from "./capacity";
import type { HouseholdSettings, Rule } from "./config";
import type { RuleContext } from "./context";
import type { NorwegianTrack } from "./state";

export const HOUR_MS = 3_600_000;
/** Hours kept with their intervals (de-duplication of a resent interval); older ones are in `days`. */
const KEPT_HOURS = 4;

const kw = (w: number) => Math.round(w) / 1000;

/** Start of the local hour holding `ms` (zones with 30/45-minute offsets included). */
export function hourStart(ms: number, timeZone: string): number {
  const local = ms + offsetMs(ms, timeZone);
  return ms - (((local % HOUR_MS) + HOUR_MS) % HOUR_MS);
}

/** The track for the month of `ms`: a later month starts afresh, an earlier one gives null (too late). */
function trackFor(
  tracks: Record<string, NorwegianTrack>,
  householdId: string,
  ms: number,
  timeZone: string,
): NorwegianTrack | null {
  const month = localMonth(ms, timeZone);
  const cur = tracks[householdId];
  if (cur && cur.month === month) return cur;
  if (cur && cur.month > month) return null;
  const fresh: NorwegianTrack = { month, days: {}, hours: {}, current: null };
  tracks[householdId] = fresh;
  return fresh;
}

/** Adds an interval's import to its hour and raises the day's highest hour; keeps the newest hours. */
export function addHourInterval(
  track: NorwegianTrack,
  start: number,
  date: string,
  id: string,
  wh: number,
): void {
  const hour = track.hours[String(start)] ?? {};
  hour[id] = wh;
  track.hours[String(start)] = hour;
  const sum = Object.values(hour).reduce((a, b) => a + b, 0);
  track.days[date] = Math.max(track.days[date] ?? 0, sum);
  const keys = Object.keys(track.hours)
    .map(Number)
    .sort((a, b) => a - b);
  for (const old of keys.slice(0, Math.max(0, keys.length - KEPT_HOURS))) delete track.hours[String(old)];
}

export function onIntervalNorwegian(
  ctx: RuleContext,
  householdId: string,
  h: HouseholdSettings,
  rec: IntervalRecord,
): void {
  if (!h.tariff) return;
  const zone = h.tariff.timeZone;
  const start = Date.parse(rec.intervalStart);
  const end = Date.parse(rec.intervalEnd);
  const hs = hourStart(start, zone);
  if (end - start > HOUR_MS || end > hs + HOUR_MS) return; // cannot measure an hour
  const track = trackFor(ctx.state.capacityNo, householdId, hs, zone);
  if (!track) return; // an interval of an earlier month
  addHourInterval(track, hs, localDate(hs, zone), rec.id, rec.energyImportedWh);
}

export function onReadingNorwegian(
  ctx: RuleContext,
  rules: readonly Rule[],
  householdId: string,
  h: HouseholdSettings,
  r: MeterReading,
): void {
  const tariff = h.tariff;
  if (tariff?.capacity?.rule !== "no") return;
  const zone = tariff.timeZone;
  const next = sampleOf(r);
  const prev = ctx.state.capacitySamples[r.meterId];
  if (prev && next.t <= prev.t) return; // older or repeated: already counted
  ctx.state.capacitySamples[r.meterId] = next;

  const hs = hourStart(next.t, zone);
  const track = trackFor(ctx.state.capacityNo, householdId, hs, zone);
  if (!track) return;
  if (!track.current || track.current.start < hs) {
    track.current = { start: hs, wh: 0 };
    // The hour is over: its warnings are no longer active alerts (no resolve event).
    for (const [key, a] of Object.entries(ctx.state.active)) {
      if (a.type === CAPACITY_BRACKET_WARNING && key.endsWith(`|${householdId}`))
        delete ctx.state.active[key];
    }
  }
  const cur = track.current;
  if (prev) {
    const wh = importBetween(prev, next);
    if (wh !== null) cur.wh += shareSince(wh, prev.t, next.t, cur.start);
  }
  if (cur.start !== hs) return; // a late meter's reading from before the current hour

  const today = localDate(hs, zone);
  const powerW = householdPowerW(ctx.state.capacitySamples, h.meters, next.t);
  const minutesLeft = (hs + HOUR_MS - next.t) / 60_000;
  const w = bracketWarning({
    rule: tariff.capacity,
    otherDaysMaxWh: Object.entries(track.days)
      .filter(([date]) => date !== today)
      .map(([, wh]) => wh),
    todayMaxWh: track.days[today] ?? 0,
    hourEnergyWh: cur.wh,
    minutesLeft,
    ...(powerW !== undefined ? { currentPowerW: powerW } : {}),
    vatPpm: tariff.vat?.rate ?? 0,
  });
  if (!w.wouldRaiseBracket) return;

  for (const rule of rules) {
    if (!appliesCapacity(rule, h)) continue;
    const key = `${rule.id}|${householdId}`;
    if (next.t - hs < rule.minElapsedMinutes * 60_000) continue;
    if (ctx.state.capacityWarned[key] === hs) continue; // once per hour
    ctx.state.capacityWarned[key] = hs;
    ctx.fire({
      rule,
      key,
      meterId: h.meters[0]!,
      type: CAPACITY_BRACKET_WARNING,
      atMs: next.t,
      details: {
        householdId,
        month: track.month,
        hourStart: new Date(hs).toISOString(),
        projectedKwh: kw(w.projectedWh),
        hourEnergyWh: Math.round(cur.wh * 10) / 10,
        minutesLeft: Math.round(minutesLeft * 100) / 100,
        levelKw: kw(w.levelW),
        projectedLevelKw: kw(w.projectedLevelW),
        bracket: w.bracket,
        projectedBracket: w.projectedBracket,
        maxPowerKw: w.maxPowerW === null ? null : kw(w.maxPowerW),
        currency: tariff.currency,
        costIncrease: Number(formatMicros(w.costIncrease)),
      },
    });
  }
}
