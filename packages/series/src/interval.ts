import { MEDIA, Quality, SCHEMA_VERSION } from "@omdp/model";
import { z } from "zod";
import { seriesId, utcInstant } from "./id";
import { SeriesResolution } from "./resolution";
import { type IntervalValues, mediaOf } from "./values";

export { fromInterval, type IntervalValues } from "./values";

/**
 * An interval of a meter's series as both APIs answer it and the app reads it: a received interval
 * (the `IntervalRecord` analytics sends, `derived: false`) or a roll-up (`derived: true`). Times are
 * UTC RFC 3339 (`toISOString`); energy in Wh, power in W. Water, heat, gas and HCA intervals add
 * `medium` and `consumption` (absent on electricity intervals, which stay as they were).
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
  medium: z
    .enum(MEDIA)
    .optional()
    .describe("the meter's medium by the OBIS value group of its registers; absent for electricity"),
  consumption: z
    .record(z.string(), z.number().nonnegative())
    .optional()
    .describe(
      "delta over the interval of each cumulative non-electric register: OBIS id to amount in its catalogue unit (8-0:1.0.0 m3, 6-0:1.0.0 Wh, 4-0:1.0.0 HCA units); roll-ups sum it; absent when the meter has none",
    ),
});
export type Interval = z.infer<typeof Interval>;

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
    ...mediaOf(v),
  };
}
