/**
 * The events of the capacity-tariff warning (issue 15 §2), made by the events module for a household
 * with a Belgian capacity rule: the monthly peak is the highest 15-minute average import power of the
 * month, summed over the household's meters. `Event.meterId` is the household's first meter (the one
 * sharing routes by); the household is in `details.householdId`.
 */
import { z } from "zod";
import { Rfc3339 } from "./schemas";

/** Event types, by the names the issue gives them. */
export const CAPACITY_EVENT_TYPES = {
  /** The current quarter hour, continued at the power now, would set a new monthly peak. */
  capacityPeakWarning: "capacity.peak.warning",
  /** A quarter hour closed (analytics' intervals) above the month's peak so far. */
  capacityPeakSet: "capacity.peak.set",
} as const;

const common = {
  ruleId: z.string(),
  householdId: z.string(),
  /** Local month of the peak, `YYYY-MM` (the tariff's time zone). */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** Start of the quarter hour, RFC 3339. */
  quarterStart: Rfc3339,
  /** The month's peak before this quarter, kW (0 in the month's first quarter). */
  monthPeakKw: z.number().nonnegative(),
  /** Peaks below it count as it (2.5 kW in Flanders), kW. */
  floorKw: z.number().nonnegative(),
  /** ISO 4217 code of `costIncrease`. */
  currency: z.string(),
  /**
   * What the new peak adds to the capacity charge, VAT included, over the 12 monthly bills in which the
   * month's peak counts (pricePerKwYear x the rise of the counted peak in kW / 12 x (1 + VAT)).
   */
  costIncrease: z.number().nonnegative(),
};

export const CapacityPeakWarningDetails = z.object({
  ...common,
  /** Projected average import power of the quarter hour, kW. */
  projectedKw: z.number().nonnegative(),
  /** Whole and partial minutes left in the quarter hour. */
  minutesLeft: z.number().min(0).max(15),
  /** Import so far in the quarter hour, Wh. */
  quarterEnergyWh: z.number().nonnegative(),
  /** The highest constant power for the rest of the quarter that keeps the peak, kW (null at its end). */
  maxPowerKw: z.number().nonnegative().nullable(),
});
export type CapacityPeakWarningDetails = z.infer<typeof CapacityPeakWarningDetails>;

export const CapacityPeakSetDetails = z.object({
  ...common,
  /** The quarter's average import power, the month's new peak, kW. */
  peakKw: z.number().nonnegative(),
  /** Its import, Wh (the household's intervals received for it). */
  quarterEnergyWh: z.number().nonnegative(),
});
export type CapacityPeakSetDetails = z.infer<typeof CapacityPeakSetDetails>;

/**
 * The Norwegian rule's warning (a type of its own: its figures are an hour and a bracket, not a quarter
 * hour and a peak): the current hour, continued at the power now, would lift the month's level (the mean
 * of the three highest hourly imports on different days) into a dearer bracket.
 */
export const CAPACITY_BRACKET_WARNING = "capacity.bracket.warning";

export const CapacityBracketWarningDetails = z.object({
  ruleId: z.string(),
  householdId: z.string(),
  /** Local month, `YYYY-MM` (the tariff's time zone). */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** Start of the hour, RFC 3339. */
  hourStart: Rfc3339,
  /** Projected import of the hour, kWh (= its average power, kW). */
  projectedKwh: z.number().nonnegative(),
  /** Import so far in the hour, Wh. */
  hourEnergyWh: z.number().nonnegative(),
  /** Whole and partial minutes left in the hour. */
  minutesLeft: z.number().min(0).max(60),
  /** The month's level now and with the projected hour, kW. */
  levelKw: z.number().nonnegative(),
  projectedLevelKw: z.number().nonnegative(),
  /** Bracket indexes (the tariff's `capacity.brackets`, from 0) now and with the projected hour. */
  bracket: z.number().int().nonnegative(),
  projectedBracket: z.number().int().nonnegative(),
  /** The highest constant power for the rest of the hour that keeps the bracket, kW (null at its end). */
  maxPowerKw: z.number().nonnegative().nullable(),
  /** ISO 4217 code of `costIncrease`. */
  currency: z.string(),
  /** What the dearer bracket adds to the month's charge, VAT included. */
  costIncrease: z.number().nonnegative(),
});
export type CapacityBracketWarningDetails = z.infer<typeof CapacityBracketWarningDetails>;
