/**
 * What the P1, SML and D0 meters share with the DLMS meter: the household's load curve integrated by
 * the same ElectricityElement, a push schedule on whole seconds of meter time at the meter's own phase,
 * and the meter's local wall time (fixed offset of the profile, as the DLMS meter's clock shows it).
 */
import { ElectricityElement } from "./electricity";
import { type HouseholdProfile, householdProfile } from "./loadCurve";
import { hash32 } from "./random";
import type { MeterSpec } from "./types";

export interface Household {
  readonly profile: HouseholdProfile;
  readonly element: ElectricityElement;
  /** The element at meter time `t`: the running one, or (for a past time) one integrated again. */
  at(t: number): ElectricityElement;
}

export function household(spec: MeterSpec, start: number): Household {
  const profile = householdProfile(spec.seed, { pv: spec.pv ?? false });
  const element = new ElectricityElement(profile, start);
  return {
    profile,
    element,
    at(t) {
      if (t >= element.position) {
        element.advanceTo(t);
        return element;
      }
      const past = new ElectricityElement(profile, start);
      past.advanceTo(t);
      return past;
    },
  };
}

/** The first push after `start`, on whole seconds, at a phase within the interval given by the seed. */
export function firstPushAt(seed: number, start: number, intervalMs: number): number {
  const phase = (hash32(seed, 0x9a) % Math.max(1, intervalMs / 1000)) * 1000;
  let next = Math.ceil((start - phase) / intervalMs) * intervalMs + phase;
  if (next <= start) next += intervalMs;
  return next;
}

/** The meter's wall time at `t` as UTC fields of a shifted date (`getUTCHours()` is the local hour). */
export function localClock(t: number, profile: HouseholdProfile): Date {
  return new Date(t + profile.utcOffsetMin * 60_000);
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** `YYYY-MM-DDThh:mm:ss` of a shifted date. */
export function localIso(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
