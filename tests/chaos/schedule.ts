/**
 * The chaos soak's seeded schedule, pure: which fault at which second of the run. Each fault kind comes
 * round in turn (a seeded shuffle of every kind, repeated), spaced evenly with a seeded jitter, so that
 * a run of any length hits every component and the same seed gives the same run.
 */

import { sequence } from "../../simulator/src/meters/random";

export type FaultKind =
  | "kill:mbusReader"
  | "kill:analytics"
  | "kill:events"
  | "kill:sharing"
  | "kill:hub"
  | "kill:cloud"
  | "outage:cloud"
  | "corrupt:line"
  | "fill:upstream";

export const FAULT_KINDS: readonly FaultKind[] = [
  "kill:mbusReader",
  "kill:analytics",
  "kill:events",
  "kill:sharing",
  "kill:hub",
  "kill:cloud",
  "outage:cloud",
  "corrupt:line",
  "fill:upstream",
];

export interface ScheduledFault {
  /** Seconds after the start of the chaos phase. */
  readonly at: number;
  readonly kind: FaultKind;
  /** For outages and fills: how long the condition lasts, seconds. */
  readonly lasts: number;
}

function shuffled<T>(items: readonly T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Faults for a chaos phase of `seconds`, one every `every` seconds (the first after one gap, the last at
 * least one gap before the end so that the platform recovers inside the run).
 */
export function chaosSchedule(seed: number, seconds: number, every: number): ScheduledFault[] {
  const rnd = sequence(seed);
  const slots = Math.max(0, Math.floor(seconds / every) - 1);
  const out: ScheduledFault[] = [];
  let round: FaultKind[] = [];
  for (let i = 0; i < slots; i++) {
    if (round.length === 0) round = shuffled(FAULT_KINDS, rnd);
    const kind = round.shift()!;
    const at = Math.round(((i + 1) * every + (rnd() - 0.5) * every * 0.4) * 10) / 10;
    const lasts = kind === "outage:cloud" || kind === "fill:upstream" ? Math.round(every * 0.6) : 0;
    out.push({ at, kind, lasts });
  }
  return out;
}
