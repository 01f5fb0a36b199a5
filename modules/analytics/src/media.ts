/**
 * Consumption of the non-electric media (water, heat, gas, heat cost allocators) from their cumulative
 * registers, as energy is taken from the electricity registers: each register keeps a continuous
 * counter (the sum of accepted steps), and an interval's consumption of a register is counter(last
 * reading <= end) - counter(last reading <= start). Steps are classified by the same rule as energy
 * (classifyStep: normal, reset, meterReplaced) with a plausible rate per unit.
 */
import { type Medium, mediumOf, propertyDefinition } from "@omdp/model";
import { round6 } from "@omdp/series";
import { classifyStep, type StepKind } from "./registers";

/** One register's raw value at the last reading and its continuous counter. */
export interface MediaCounter {
  raw: number;
  cont: number;
}
/** Counters by OBIS id (JSON state, persisted with the track). */
export type MediaCounters = Record<string, MediaCounter>;

/**
 * The most a household meter plausibly counts per hour, by the register's catalogue unit, and the
 * register resolution allowed on top (EN 14154 / OIML R 49 water meters of a home: Q4 at most a few
 * m3/h; a G-rated household gas meter up to G25, 40 m3/h; an EN 834 allocator counts a few units per
 * hour). Heat energy (Wh) uses the configured maxPlausiblePowerW, as electricity does.
 */
const PLAUSIBLE_RATE: Readonly<Record<string, { perHour: number; resolution: number }>> = {
  m3: { perHour: 50, resolution: 0.001 },
  HCA: { perHour: 1000, resolution: 1 },
};

/** The cumulative registers of a reading that count a non-electric medium (OBIS id to raw value). */
export function mediaRegisters(registers: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, value] of Object.entries(registers)) {
    const m = mediumOf(id);
    if (m !== undefined && m !== "electricity") out[id] = value;
  }
  return out;
}

/**
 * Applies a reading's media registers to the counters (mutates `counters`); returns the kinds of the
 * steps that were not normal (a flag each for the open intervals) and whether a register was seen for
 * the first time (its counter starts here: what it counted before in the open interval is unknown).
 */
export function stepMedia(
  counters: MediaCounters,
  registers: Readonly<Record<string, number>>,
  elapsedMs: number,
  maxPowerW: number,
): { kinds: StepKind[]; firstSeen: boolean } {
  const kinds: StepKind[] = [];
  let firstSeen = false;
  for (const [id, raw] of Object.entries(mediaRegisters(registers))) {
    const c = counters[id];
    if (!c) {
      counters[id] = { raw, cont: raw };
      firstSeen = true;
      continue;
    }
    const unit = propertyDefinition(id)?.unit ?? "";
    const rate = PLAUSIBLE_RATE[unit] ?? { perHour: maxPowerW, resolution: 1 };
    const st = classifyStep(c.raw, raw, elapsedMs, rate.perHour, rate.resolution);
    c.cont += st.deltaWh;
    c.raw = raw;
    if (st.kind !== "normal") kinds.push(st.kind);
  }
  return { kinds, firstSeen };
}

/** The counters' values (the baseline of an interval opened now). */
export function mediaSnapshot(counters: Readonly<MediaCounters> | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, c] of Object.entries(counters ?? {})) out[id] = c.cont;
  return out;
}

/**
 * Each register's consumption between a baseline and the counters now, both rounded to 1e-6 of the
 * unit so consecutive intervals telescope; a register without a baseline (first seen in the interval)
 * counts from its first value. Undefined when the meter has no media registers.
 */
export function mediaConsumption(
  base: Readonly<Record<string, number>>,
  counters: Readonly<MediaCounters> | undefined,
): Record<string, number> | undefined {
  const ids = Object.keys(counters ?? {}).sort();
  if (ids.length === 0) return undefined;
  const out: Record<string, number> = {};
  for (const id of ids) {
    const end = counters![id]!.cont;
    out[id] = Math.max(0, round6(round6(end) - round6(base[id] ?? end)));
  }
  return out;
}

/**
 * The medium an interval is labelled with: none (electricity) when the meter has an electricity
 * register (a DSMR meter with a gas channel stays an electricity meter whose consumption carries the
 * gas), else the medium of its lowest OBIS value group (a heat meter's 6-0 registers: heat).
 */
export function intervalMedium(
  registers: Readonly<Record<string, number>>,
  mediaIds: readonly string[],
): Medium | undefined {
  if (Object.keys(registers).some((id) => mediumOf(id) === "electricity")) return undefined;
  const first = [...mediaIds].sort()[0];
  return first === undefined ? undefined : mediumOf(first);
}
