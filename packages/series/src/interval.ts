import { Quality, SCHEMA_VERSION } from "@omdp/model";
import { z } from "zod";
import { seriesId, utcInstant } from "./id";
import { SeriesResolution } from "./resolution";

/**
 * An interval of a meter's series as both APIs answer it and the app reads it: a received interval
 * (the `IntervalRecord` analytics sends, `derived: false`) or a roll-up (`derived: true`). Times are
 * UTC RFC 3339 (`toISOString`); energy in Wh, power in W.
 */
export const Interval = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: z.string().describe("meterId|resolution|intervalStart (UTC), see seriesId"),
  meterId: z.string(),
  resolution: SeriesResolution,
  intervalStart: z.string(),
  intervalEnd: z.string(),
  energyImportedWh: z.number(),
  energyExportedWh: z.number(),
  powerMinW: z.number().nullable(),
  powerAvgW: z.number().nullable(),
  powerMaxW: z.number().nullable(),
  registers: z.record(z.string(), z.number()),
  sampleCount: z.number(),
  quality: Quality,
  flags: z.array(z.string()),
  derived: z.boolean().describe("true for hour/day/month roll-ups"),
});
export type Interval = z.infer<typeof Interval>;

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
}

/** The API shape of interval values (its id derived by seriesId). */
export function toInterval(v: IntervalValues): Interval {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: seriesId(v.meterId, v.resolution, v.start),
    meterId: v.meterId,
    resolution: v.resolution,
    intervalStart: utcInstant(v.start),
    intervalEnd: utcInstant(v.end),
    energyImportedWh: v.importWh,
    energyExportedWh: v.exportWh,
    powerMinW: v.powerMinW,
    powerAvgW: v.powerAvgW,
    powerMaxW: v.powerMaxW,
    registers: { ...v.registers },
    sampleCount: v.sampleCount,
    quality: v.quality,
    flags: [...v.flags],
    derived: v.derived,
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
  };
}
