import { z } from "zod";
import { Rfc3339 } from "./schemas";

/** With a PV generation meter: self-consumption = production - export, and its two rates. */
export const SelfUse = z.object({
  productionWh: z.number(),
  selfConsumedWh: z.number(),
  selfConsumptionRate: z.number().nullable(),
  selfSufficiencyRate: z.number().nullable(),
});

/** A local day's figures of one meter (analytics stats.ts folds them from its quarter hours). */
export const DayReport = z.object({
  meterId: z.string(),
  /** Local date `YYYY-MM-DD` in `timeZone`. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  timeZone: z.string(),
  start: Rfc3339,
  end: Rfc3339,
  importedWh: z.number(),
  exportedWh: z.number(),
  /** Quarter hours seen, of which complete, and the number the day has (92, 96 or 100). */
  intervals: z.number(),
  completeIntervals: z.number(),
  expectedIntervals: z.number(),
  peakDemandW: z.number().nullable(),
  peakDemandAt: z.string().nullable(),
  baseLoadW: z.number().nullable(),
  selfUse: SelfUse.nullable().optional(),
});

/** A month's (`YYYY-MM`) or a range's (`from..to`) figures. */
export const PeriodStats = z.object({
  meterId: z.string(),
  period: z.string(),
  days: z.number(),
  importedWh: z.number(),
  exportedWh: z.number(),
  peakDemandW: z.number().nullable(),
  peakDemandAt: z.string().nullable(),
  baseLoadW: z.number().nullable(),
  /** Complete quarter hours / quarter hours the days have. */
  completeness: z.number(),
  selfUse: SelfUse.nullable().optional(),
});

/**
 * Body of a message on the analytics output `stats` (application properties `kind: stats`,
 * `meterId`): today's (or a finished day's, `final`) figures and the month's so far. The sharing
 * module stores it by meter and local day.
 */
export const StatsMessage = z.object({
  kind: z.literal("stats"),
  meterId: z.string().min(1),
  at: Rfc3339,
  timeZone: z.string(),
  /** True for the figures of a finished day (sent when its last quarter hour closes). */
  final: z.boolean(),
  day: DayReport,
  month: PeriodStats,
});
export type StatsMessage = z.infer<typeof StatsMessage>;
