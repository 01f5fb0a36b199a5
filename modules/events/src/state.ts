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
    emitted: [],
    outbox: [],
    appRules: null,
    twinRules: null,
  };
}
