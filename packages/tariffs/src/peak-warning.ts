/**
 * Peak warning for the Belgian capacity rule, pure: given the month's peak so far (highest 15-minute
 * average import power) and the energy imported so far in the current quarter hour with the minutes
 * left in it, the quarter's projected average power and whether it would set a new monthly peak.
 * The projection continues the current power when it is given, else the quarter's average so far.
 * Below the floor (2.5 kW in Flanders) a new peak costs nothing, so the threshold is
 * `max(monthPeakW, floorW)`.
 */
export interface PeakWarningInput {
  /** The month's highest quarter-hour average import power so far, W (0 at the start of a month). */
  readonly monthPeakW: number;
  /** Energy imported since the quarter hour began, Wh. */
  readonly quarterEnergyWh: number;
  /** Minutes left in the quarter hour, 0-15. */
  readonly minutesLeft: number;
  /** The import power now, W; when absent the quarter's average so far is continued. */
  readonly currentPowerW?: number;
  /** Peaks below it do not count (default 0). */
  readonly floorW?: number;
}

export interface PeakWarning {
  /** Projected average import power of the quarter hour, W. */
  readonly projectedW: number;
  /** `max(monthPeakW, floorW)` */
  readonly thresholdW: number;
  /** The projection is above the threshold. */
  readonly wouldSetNewPeak: boolean;
  /** Energy the rest of the quarter may still take without a new peak, Wh (negative once it is set). */
  readonly headroomWh: number;
  /** The highest constant power for the minutes left that keeps the peak, W; null with no minute left. */
  readonly maxPowerW: number | null;
}

export function peakWarning(input: PeakWarningInput): PeakWarning {
  const left = Math.min(15, Math.max(0, input.minutesLeft));
  const elapsed = 15 - left;
  const power = input.currentPowerW ?? (elapsed > 0 ? (input.quarterEnergyWh * 60) / elapsed : 0);
  const projectedWh = input.quarterEnergyWh + (power * left) / 60;
  const projectedW = projectedWh * 4;
  const thresholdW = Math.max(input.monthPeakW, input.floorW ?? 0);
  const headroomWh = thresholdW / 4 - input.quarterEnergyWh;
  return {
    projectedW,
    thresholdW,
    wouldSetNewPeak: projectedW > thresholdW,
    headroomWh,
    maxPowerW: left > 0 ? Math.max(0, (headroomWh * 60) / left) : null,
  };
}
