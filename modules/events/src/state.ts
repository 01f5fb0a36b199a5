/** Everything the events module remembers across restarts (a plain JSON snapshot). */
import type { Event } from "@omdp/model";
import type { Rule } from "./config";
import type { HState } from "./hysteresis";

export interface ActiveAlert {
  eventId: string;
  ruleId: string;
  type: string;
  meterId: string;
  since: string;
  acked: boolean;
}

export interface Night {
  date: string;
  minW: number | null;
}

/** What the capacity rule knows of one household (keyed by household id). */
export interface CapacityTrack {
  /** Local month (`YYYY-MM`, the tariff's zone) of `peakW`. */
  month: string;
  /** The month's highest quarter-hour average import power so far (W), from analytics' intervals. */
  peakW: number;
  /** Start (ms) of the quarter that set it; null before the month's first interval. */
  peakAt: number | null;
  /** Recent quarters (start ms) with the interval energies received per interval id (Wh); a few kept. */
  quarters: Record<string, Record<string, number>>;
  /** The current quarter from the readings: its start (ms) and the import so far (Wh, all meters). */
  current: { start: number; wh: number } | null;
}

/** What the Norwegian capacity rule knows of one household: the month's highest hour per local day. */
export interface NorwegianTrack {
  /** Local month (`YYYY-MM`, the tariff's zone). */
  month: string;
  /** Highest hourly import (Wh) of each local date (`YYYY-MM-DD`) of the month, from analytics' intervals. */
  days: Record<string, number>;
  /** Recent hours (start ms) with the interval energies received per interval id (Wh); a few kept. */
  hours: Record<string, Record<string, number>>;
  /** The current hour from the readings: its start (ms) and the import so far (Wh, all meters). */
  current: { start: number; wh: number } | null;
}

/** The last reading of a meter that the capacity rule used: time (ms), A+ register (Wh), P+ (W). */
export interface MeterSample {
  t: number;
  wh: number | null;
  w: number | null;
}

export interface EventsState {
  version: 1;
  /** Hysteresis state per `ruleId|subject` (subject: meter id, or gateway id for reader errors). */
  alerts: Record<string, HState>;
  /** Alerts currently firing, per `ruleId|subject`. */
  active: Record<string, ActiveAlert>;
  /** Newest reading time per meter (ms). */
  lastSeen: Record<string, number>;
  /** Gateway clock when the newest reading of each meter arrived (ms): silence is judged on it. */
  lastReceived: Record<string, number>;
  /** Imported energy of the current local day per meter, with the interval ids counted (de-duplication). */
  energy: Record<string, { date: string; importedWh: number; ids: string[] }>;
  /** Local date a budget rule last fired, per `ruleId|meterId`. */
  budgetFired: Record<string, string>;
  /** Base-load tracking per `ruleId|meterId`: the night in progress and up to 14 finished nights. */
  nights: Record<string, { current: Night | null; history: Night[] }>;
  /** Last diagnostics counters per gateway, and recent increases per `gatewayId|counter`. */
  readerCounters: Record<string, Record<string, number>>;
  readerIncreases: Record<string, { at: number; n: number }[]>;
  /** Capacity peaks per household, and the last reading per meter they are measured from. */
  capacity: Record<string, CapacityTrack>;
  capacitySamples: Record<string, MeterSample>;
  /** Norwegian capacity rule: day maxima and the current hour per household. */
  capacityNo: Record<string, NorwegianTrack>;
  /** Start (ms) of the quarter a capacity warning was last given for, per `ruleId|householdId`. */
  capacityWarned: Record<string, number>;
  /** Water meters without a flow value, per `ruleId|meterId`: the last volume (m3) and when it last rose (ms). */
  leakVolumes: Record<string, { volume: number; roseAt: number | null }>;
  /** Ids of events already emitted (de-duplication), newest last, bounded. */
  emitted: string[];
  /** Events made but not yet handed to the edge hub. */
  outbox: Event[];
  /** Rules set from the app (input `control`), or null while the twin's rules apply. */
  appRules: Rule[] | null;
  /** JSON of the twin's rules last applied: a different value from the twin replaces app rules. */
  twinRules: string | null;
}

export function emptyState(): EventsState {
  return {
    version: 1,
    alerts: {},
    active: {},
    lastSeen: {},
    lastReceived: {},
    energy: {},
    budgetFired: {},
    nights: {},
    readerCounters: {},
    readerIncreases: {},
    capacity: {},
    capacitySamples: {},
    capacityNo: {},
    capacityWarned: {},
    leakVolumes: {},
    emitted: [],
    outbox: [],
    appRules: null,
    twinRules: null,
  };
}
