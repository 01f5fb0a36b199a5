/**
 * Bracket warning for the Norwegian capacity rule, pure: the month's level is the mean of the three
 * highest hourly imports on different days (capacity.ts); given the other days' highest hours, today's
 * highest closed hour and the current hour's import so far with the minutes left, the hour's projected
 * import and whether it would lift the level into a dearer bracket. The projection continues the power
 * now when it is given, else the hour's average so far (as peakWarning does for the quarter hour).
 */
import { norwegianBracket, norwegianLevelW } from "./capacity";
import { applyPpm } from "./money";
import type { Capacity } from "./schema";

export interface BracketWarningInput {
  readonly rule: Pick<Extract<Capacity, { rule: "no" }>, "brackets">;
  /** The highest hourly import (Wh) of each earlier day of the month (not today). */
  readonly otherDaysMaxWh: readonly number[];
  /** Today's highest closed hour so far, Wh (0 before the first). */
  readonly todayMaxWh: number;
  /** Import since the current hour began, Wh. */
  readonly hourEnergyWh: number;
  /** Minutes left in the hour, 0-60. */
  readonly minutesLeft: number;
  /** The import power now, W; absent: the hour's average so far is continued. */
  readonly currentPowerW?: number;
  /** VAT on the monthly charge, parts per million (default 0). */
  readonly vatPpm?: number;
}

export interface BracketWarning {
  /** Projected import of the hour, Wh (= its average power, W). */
  readonly projectedWh: number;
  /** The level and its bracket now, and with the projected hour as today's highest. */
  readonly levelW: number;
  readonly bracket: number;
  readonly projectedLevelW: number;
  readonly projectedBracket: number;
  readonly wouldRaiseBracket: boolean;
  /** What the dearer bracket adds to the month's charge, µ-units with VAT (0 when none). */
  readonly costIncrease: number;
  /** The highest constant power for the minutes left that keeps the bracket, W; null with no minute left or in the open last bracket. */
  readonly maxPowerW: number | null;
}

const levelWith = (others: readonly number[], today: number) => norwegianLevelW([...others, today]);

/** The largest hour import (Wh) today may reach with the level still in `bracket` (bisection, bounded). */
function largestHourIn(i: BracketWarningInput, bracket: number): number {
  const to = i.rule.brackets[bracket]?.toKw;
  if (to === undefined) return Number.POSITIVE_INFINITY; // the open last bracket cannot be left
  let lo = 0;
  let hi = 3 * to; // today alone at 3 x the bound lifts any mean of up to three to the bound
  for (let n = 0; n < 60; n++) {
    const mid = (lo + hi) / 2;
    if (norwegianBracket(i.rule, levelWith(i.otherDaysMaxWh, mid)) <= bracket) lo = mid;
    else hi = mid;
  }
  return lo;
}

export function bracketWarning(i: BracketWarningInput): BracketWarning {
  const left = Math.min(60, Math.max(0, i.minutesLeft));
  const elapsed = 60 - left;
  const power = i.currentPowerW ?? (elapsed > 0 ? (i.hourEnergyWh * 60) / elapsed : 0);
  const projectedWh = i.hourEnergyWh + (power * left) / 60;
  const levelW = levelWith(i.otherDaysMaxWh, i.todayMaxWh);
  const bracket = norwegianBracket(i.rule, levelW);
  const projectedLevelW = levelWith(i.otherDaysMaxWh, Math.max(i.todayMaxWh, projectedWh));
  const projectedBracket = norwegianBracket(i.rule, projectedLevelW);
  const net = i.rule.brackets[projectedBracket]!.perMonth - i.rule.brackets[bracket]!.perMonth;
  const costIncrease = net > 0 ? net + applyPpm(net, i.vatPpm ?? 0) : 0;
  const room = largestHourIn(i, bracket) - i.hourEnergyWh;
  return {
    projectedWh,
    levelW,
    bracket,
    projectedLevelW,
    projectedBracket,
    wouldRaiseBracket: projectedBracket > bracket,
    costIncrease,
    maxPowerW: left > 0 ? (Number.isFinite(room) ? Math.max(0, (room * 60) / left) : null) : null,
  };
}
