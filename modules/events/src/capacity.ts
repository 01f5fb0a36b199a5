/**
 * Arithmetic of the capacity warning, pure: quarter hours and months local to the tariff's zone, the
 * energy a reading adds to the current quarter, the month's peak from the quarters known, and what a
 * higher peak costs under the Belgian rule.
 */
import { localDate, type MeterReading, OBIS, offsetMs } from "@omdp/model";
import { applyPpm, divRound, type Tariff } from "@omdp/tariffs";
import type { HouseholdSettings, Rule } from "./config";
import type { CapacityTrack, MeterSample } from "./state";

export const QUARTER_MS = 900_000;

/** Readings older than this do not count toward the power now. */
export const POWER_FRESH_MS = 5 * 60_000;

/** Whether a rule is an enabled capacity rule for the household. */
export function appliesCapacity(
  rule: Rule,
  h: HouseholdSettings,
): rule is Extract<Rule, { kind: "capacityPeak" }> {
  return (
    rule.kind === "capacityPeak" && rule.enabled && (rule.meterId === "*" || h.meters.includes(rule.meterId))
  );
}

/**
 * The household's power now (W): the newest P+ of every meter that reported within POWER_FRESH_MS of
 * `t`, summed; undefined when one of them sends no P+ (all, or none).
 */
export function householdPowerW(
  samples: Readonly<Record<string, MeterSample>>,
  meters: readonly string[],
  t: number,
): number | undefined {
  let powerW = 0;
  for (const m of meters) {
    const s = samples[m];
    if (!s || t - s.t > POWER_FRESH_MS) continue;
    if (s.w === null) return undefined;
    powerW += s.w;
  }
  return powerW;
}

/** Start of the local quarter hour holding `ms` (zones with 30/45-minute offsets included). */
export function quarterStart(ms: number, timeZone: string): number {
  const local = ms + offsetMs(ms, timeZone);
  return ms - (((local % QUARTER_MS) + QUARTER_MS) % QUARTER_MS);
}

/** Local month `YYYY-MM` of `ms`. */
export function localMonth(ms: number, timeZone: string): string {
  return localDate(ms, timeZone).slice(0, 7);
}

function numeric(r: MeterReading, property: string): number | null {
  const v = r.values.find((x) => x.property === property)?.value;
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

const TARIFF_REGISTERS = ["1-0:1.8.1", "1-0:1.8.2", "1-0:1.8.3", "1-0:1.8.4"];

/** The reading as a sample: A+ total (or the sum of the tariff registers a P1 meter sends), P+. */
export function sampleOf(r: MeterReading): MeterSample {
  let wh = numeric(r, OBIS.energyImport);
  if (wh === null) {
    const parts = TARIFF_REGISTERS.map((p) => numeric(r, p)).filter((v): v is number => v !== null);
    wh = parts.length > 0 ? parts.reduce((a, b) => a + b, 0) : null;
  }
  return { t: Date.parse(r.readingTime), wh, w: numeric(r, OBIS.powerImport) };
}

/**
 * Import between two samples of one meter (Wh): the register delta, else the earlier power held until
 * the later sample; null when neither is known or the samples are more than a quarter apart.
 */
export function importBetween(prev: MeterSample, next: MeterSample): number | null {
  const dt = next.t - prev.t;
  if (dt <= 0 || dt > QUARTER_MS) return null;
  if (prev.wh !== null && next.wh !== null && next.wh >= prev.wh) return next.wh - prev.wh;
  if (prev.w !== null && prev.w >= 0) return (prev.w * dt) / 3_600_000;
  return null;
}

/** The part of `wh`, spread evenly over [fromMs, toMs], that falls at or after `sinceMs`. */
export function shareSince(wh: number, fromMs: number, toMs: number, sinceMs: number): number {
  if (toMs <= sinceMs) return 0;
  if (fromMs >= sinceMs) return wh;
  return (wh * (toMs - sinceMs)) / (toMs - fromMs);
}

/** Quarter starts kept with their intervals (older ones are folded into `settledW`). */
const KEPT_QUARTERS = 8;

export function emptyTrack(month: string): CapacityTrack {
  return { month, peakW: 0, peakAt: null, quarters: {}, current: null };
}

/** Import of a kept quarter, Wh: the sum of its intervals. */
export function quarterWh(track: CapacityTrack, start: number): number {
  return Object.values(track.quarters[String(start)] ?? {}).reduce((a, b) => a + b, 0);
}

/**
 * The month's peak (W) over every quarter but `except` (the quarter being judged): `peakW` holds the
 * quarters no longer kept, the kept ones are summed from their intervals.
 */
export function peakExcept(track: CapacityTrack, except: number | null): { w: number; at: number | null } {
  let best = { w: track.peakW, at: track.peakAt };
  for (const key of Object.keys(track.quarters)) {
    const start = Number(key);
    if (start === except) continue;
    const w = quarterWh(track, start) * 4;
    if (w > best.w) best = { w, at: start };
  }
  return best;
}

/** The track for the month of `ms`: a later month starts afresh, an earlier one gives null (too late). */
export function trackFor(
  tracks: Record<string, CapacityTrack>,
  householdId: string,
  ms: number,
  timeZone: string,
): CapacityTrack | null {
  const month = localMonth(ms, timeZone);
  const cur = tracks[householdId];
  if (cur && cur.month === month) return cur;
  if (cur && cur.month > month) return null;
  const fresh = emptyTrack(month);
  tracks[householdId] = fresh;
  return fresh;
}

/** Adds an interval's import to its quarter; keeps the newest quarters, folding older ones into the peak. */
export function addInterval(track: CapacityTrack, start: number, id: string, wh: number): void {
  const key = String(start);
  const q = track.quarters[key] ?? {};
  q[id] = wh;
  track.quarters[key] = q;
  const keys = Object.keys(track.quarters)
    .map(Number)
    .sort((a, b) => a - b);
  for (const old of keys.slice(0, Math.max(0, keys.length - KEPT_QUARTERS))) {
    const w = quarterWh(track, old) * 4;
    if (w > track.peakW) {
      track.peakW = w;
      track.peakAt = old;
    }
    delete track.quarters[String(old)];
  }
}

export interface BelgianRule {
  readonly currency: string;
  /** µ-units per kW of the rolling mean per year. */
  readonly pricePerKwYear: number;
  readonly floorW: number;
  /** VAT, parts per million. */
  readonly vatPpm: number;
}

/** The Belgian capacity rule of a tariff, or null when it has none (or the Norwegian one). */
export function belgianRule(tariff: Tariff | undefined): BelgianRule | null {
  const c = tariff?.capacity;
  if (!tariff || c?.rule !== "be") return null;
  return {
    currency: tariff.currency,
    pricePerKwYear: c.pricePerKwYear,
    floorW: c.floorKw,
    vatPpm: tariff.vat?.rate ?? 0,
  };
}

/**
 * What raising the month's peak from `fromW` to `toW` costs, µ-units with VAT: the counted peak
 * (`max(peak, floor)`) rises by Δ kW, and the yearly price applies to the mean of 12 monthly peaks, one
 * twelfth a month, so over the 12 bills in which this month's peak counts it adds
 * pricePerKwYear × Δ / 12 (rounded once, half to even), then VAT.
 */
export function peakCostMicros(rule: BelgianRule, fromW: number, toW: number): number {
  const rise = Math.max(toW, rule.floorW) - Math.max(fromW, rule.floorW);
  if (rise <= 0) return 0;
  const net = Number(divRound(BigInt(rule.pricePerKwYear) * BigInt(Math.round(rise)), 12_000n));
  return net + applyPpm(net, rule.vatPpm);
}
