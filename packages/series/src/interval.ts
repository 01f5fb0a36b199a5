import { Quality, SCHEMA_VERSION } from "@omdp/model";
import { z } from "zod";
import { seriesId, utcInstant } from "./id";
import { SeriesResolution } from "./resolution";
import type { IntervalValues } from "./values";

export { fromInterval, type IntervalValues } from "./values";

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
