/**
 * Interval values and the conversion from the API shape, free of zod and of @omdp/model at run time,
 * so the browser app imports this file alone (`@omdp/series/values`).
 */
import type { Medium, Quality } from "@omdp/model";
import type { Interval } from "./interval";
import type { SeriesResolution } from "./resolution";

/**
 * The same interval in numbers, as stores keep it and roll-ups compute on it: epoch-ms bounds and
 * short energy names. `toInterval` / `fromInterval` are the only conversions.
 */
export interface IntervalValues {
  readonly meterId: string;
  readonly resolution: SeriesResolution;
  readonly start: number;
  readonly end: number;
  readonly importWh: number;
  readonly exportWh: number;
  readonly powerMinW: number | null;
  readonly powerAvgW: number | null;
  readonly powerMaxW: number | null;
  readonly registers: Readonly<Record<string, number>>;
  readonly sampleCount: number;
  readonly quality: Quality;
  readonly flags: readonly string[];
  readonly derived: boolean;
  /** Absent for electricity (see Interval). */
  readonly medium?: Medium;
  /** OBIS id to the register's delta over the interval, in its unit; absent when the meter has none. */
  readonly consumption?: Readonly<Record<string, number>>;
}

/**
 * The optional media fields of interval values, present only when set (electricity stays as it was);
 * an empty `consumption` is the same as none and is dropped, so every store answers the same bytes.
 */
export function mediaOf(v: {
  readonly medium?: Medium | undefined;
  readonly consumption?: Readonly<Record<string, number>> | undefined;
}): { medium?: Medium; consumption?: Record<string, number> } {
  return {
    ...(v.medium !== undefined ? { medium: v.medium } : {}),
    ...(v.consumption !== undefined && Object.keys(v.consumption).length > 0
      ? { consumption: { ...v.consumption } }
      : {}),
  };
}

/** The values of an interval (an `IntervalRecord` from analytics parses too: `derived` defaults false). */
export function fromInterval(
  rec: Omit<Interval, "derived" | "resolution"> & { derived?: boolean; resolution: SeriesResolution },
): IntervalValues {
  return {
    meterId: rec.meterId,
    resolution: rec.resolution,
    start: Date.parse(rec.intervalStart),
    end: Date.parse(rec.intervalEnd),
    importWh: rec.energyImportedWh,
    exportWh: rec.energyExportedWh,
    powerMinW: rec.powerMinW,
    powerAvgW: rec.powerAvgW,
    powerMaxW: rec.powerMaxW,
    registers: rec.registers,
    sampleCount: rec.sampleCount,
    quality: rec.quality,
    flags: rec.flags,
    derived: rec.derived ?? false,
    ...mediaOf(rec),
  };
}
